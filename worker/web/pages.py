"""The page handlers. Each reads the store in one short read session, then renders HTML, or
the JSON twin (a `.json` path or `Accept: application/json`) holding the `--json` objects.

Handlers are plain functions: Starlette runs them in its thread pool, so the blocking store
calls never hold up the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from alerts.event import KINDS
from storage import articles, browse, chain, changes, versions
from storage.models import Change, Feed, Version
from worker.detect.changes import Text, detect_change
from worker.output.records import (
    article_state,
    change_record,
    diff_event,
    feed_record,
    iso,
    version_record,
)
from worker.web import diffview
from worker.web.atom import atom_feed
from worker.web.filters import FilterError, Query, encode_cursor, parse_query
from worker.web.site import Site, error, render, site_of

ATOM_SIZE = 50


def wants_json(request: Request, suffix_json: bool = False) -> bool:
    if suffix_json or request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _query(request: Request, site: Site) -> Query:
    return parse_query(request.query_params, site.roster)


def _page(site: Site, query: Query) -> browse.Page:
    person = query.person
    accept = (lambda c: person.named_in(c, site.roster)) if person else None
    with site.store.read() as session:
        return browse.change_page(
            session, query.store, after=query.cursor, limit=query.limit, accept=accept
        )


# -- changes ------------------------------------------------------------------------------


def changes_page(request: Request) -> Response:
    site = site_of(request)
    as_json = wants_json(request)
    try:
        query = _query(request, site)
    except FilterError as err:
        return error(request, 400, str(err), as_json=as_json)
    page = _page(site, query)
    with site.store.read() as session:
        states = changes.delivery_states(session, [c.id for c in page.changes])
        feed_names = dict(browse.feed_choices(session))
    records = [change_record(c, states.get(c.id, [])) for c in page.changes]
    older = encode_cursor(page.next) if page.next else None
    if as_json:
        return JSONResponse(
            {
                "changes": records,
                "next": query.url("/changes.json", cursor=older) if older else None,
            }
        )
    return render(
        request,
        "changes.html",
        query=query,
        records=records,
        feeds=sorted(feed_names.items(), key=lambda item: item[1].casefold()),
        feed_names=feed_names,
        kinds=KINDS,
        people=sorted(e.name for e in site.roster.entries),
        older=query.url("/", cursor=older) if older else None,
        scanned_out=page.scanned_out,
        atom=query.url("/changes.atom", limit=None),
        json_url=query.url("/changes.json"),
    )


def changes_atom(request: Request) -> Response:
    site = site_of(request)
    try:
        query = _query(request, site)
    except FilterError as err:
        return error(request, 400, str(err), as_json=False)
    if "limit" not in request.query_params:
        query = Query(query.given, query.store, query.person, query.cursor, ATOM_SIZE)
    page = _page(site, query)
    base = str(request.base_url).rstrip("/")
    body = atom_feed(
        [changes.event_of(c) for c in page.changes],
        self_url=base + query.url("/changes.atom"),
        html_url=base + query.url("/"),
        change_url=base + "/changes/{id}",
        title=_feed_title(query),
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def _feed_title(query: Query) -> str:
    parts = [f"{k} {v}" for k, v in query.given.items()]
    return "wirediff changes" + (f" ({', '.join(parts)})" if parts else "")


# -- one change ---------------------------------------------------------------------------


def change_page(request: Request) -> Response:
    site = site_of(request)
    raw_id: str = request.path_params["change_id"]
    as_json = wants_json(request, raw_id.endswith(".json"))
    change_id = raw_id.removesuffix(".json")
    with site.store.read() as session:
        row = browse.change(session, change_id)
        if row is None:
            return error(request, 404, f"no change with id {change_id}", as_json=as_json)
        dels = changes.delivery_states(session, [row.id]).get(row.id, [])
        record = change_record(row, dels)
        if as_json:
            return JSONResponse(record)
        article = articles.get(session, row.article_id)
        feed = session.get(Feed, row.feed_id)
        compared = browse.versions_of(session, row.article_id, [row.from_version, row.to_version])
        texts = {n: versions.text_of(session, v) for n, v in compared.items()}
    view = request.query_params.get("view", "inline")
    before = compared.get(row.from_version) if row.from_version else None
    after = compared.get(row.to_version) if row.to_version else None
    marks = diffview.Marks.of(record)
    diff = _diff(view, texts, before, after, marks)
    return render(
        request,
        "change.html",
        record=record,
        article=article,
        feed=feed,
        before=before,
        after=after,
        view=view if view in ("inline", "side") else "inline",
        diff=diff,
        edits=diffview.edits(record),
        people=diffview.people(record),
        deliveries=dels,
    )


def _diff(
    view: str,
    texts: dict[int, str],
    before: Version | None,
    after: Version | None,
    marks: diffview.Marks,
) -> Any:
    if before is None or after is None:
        return None
    a, b = texts[before.number], texts[after.number]
    if view == "side":
        return diffview.side_by_side(a, b, marks)
    return diffview.inline(a, b, marks)


# -- one report ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Moment:
    """One line of a report's timeline: a version, or a takedown or restoration."""

    when: datetime
    kind: str  # version | removed | restored
    version: Version | None
    change: Change | None


def _timeline(rows: list[Version], found: list[Change]) -> list[Moment]:
    # the change that a version brought (a restoration that came back unchanged brought none)
    made_by = {c.to_version: c for c in found if c.to_version not in (None, c.from_version)}
    out = [Moment(v.fetched_at, "version", v, made_by.get(v.number)) for v in rows]
    out += [Moment(c.detected_at, c.kind, None, c) for c in found if c.kind == "removed"]
    out += [Moment(c.detected_at, "restored", None, c) for c in found if c.kind == "restored"]
    return sorted(out, key=lambda m: (m.when, m.kind != "version"))


def _version_number(request: Request, name: str) -> int | None:
    value = request.query_params.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise FilterError(f"{name} {value!r}: expected a version number")
    return int(value)


def report_page(request: Request) -> Response:
    site = site_of(request)
    as_json = wants_json(request)
    url = request.query_params.get("url", "").strip()
    if not url:
        return error(request, 400, "url: missing (the address of a stored report)", as_json=as_json)
    try:
        from_n, to_n = _version_number(request, "from"), _version_number(request, "to")
    except FilterError as err:
        return error(request, 400, str(err), as_json=as_json)
    with site.store.read() as session:
        found = articles.by_url(session, url)
        if not found:
            return error(request, 404, f"no stored report with URL {url}", as_json=as_json)
        article = max(found, key=lambda a: a.last_seen)
        rows = list(versions.history(session, article.id))
        evidence = chain.evidence_of(session, [v.id for v in rows])
        timeline = list(browse.article_changes(session, article.id))
        feed = session.get(Feed, article.feed_id)
        numbers = {v.number: v for v in rows}
        pair = None
        if from_n is not None or to_n is not None:
            missing = [n for n in (from_n, to_n) if n not in numbers]
            if missing:
                have = ", ".join(str(n) for n in numbers)
                msg = f"{url}: versions {from_n} and {to_n} are not both stored (have {have})"
                return error(request, 404, msg, as_json=as_json)
            assert from_n is not None and to_n is not None
            a, b = numbers[from_n], numbers[to_n]
            pair = (a, b, versions.text_of(session, a), versions.text_of(session, b))
        states = changes.delivery_states(session, [c.id for c in timeline])
    compared = None
    if pair is not None:
        a, b, text_a, text_b = pair
        detected = detect_change(
            Text(a.title or "", text_a), Text(b.title or "", text_b), site.roster
        )
        compared = diff_event(article, a, b, detected)
    if as_json:
        return JSONResponse(
            {
                "article": {
                    "url": article.url,
                    "guid": article.guid,
                    "title": article.title,
                    "state": article.state,
                    "feed": {
                        "url": feed.url if feed else None,
                        "title": feed.title if feed else None,
                    },
                },
                "versions": [
                    version_record(v, article_state(article), evidence[v.id]) for v in rows
                ],
                "changes": [change_record(c, states.get(c.id, [])) for c in timeline],
                "diff": compared,
            }
        )
    view = request.query_params.get("view", "inline")
    diff = None
    if pair is not None and compared is not None:
        texts = {pair[0].number: pair[2], pair[1].number: pair[3]}
        diff = _diff(view, texts, pair[0], pair[1], diffview.Marks.of(compared))
    last = rows[-1].number if rows else None
    return render(
        request,
        "report.html",
        article=article,
        feed=feed,
        url=url,
        timeline=_timeline(rows, timeline),
        numbers=list(numbers),
        from_n=from_n if from_n is not None else (last - 1 if last and last > 1 else last),
        to_n=to_n if to_n is not None else last,
        compared=compared,
        view=view if view in ("inline", "side") else "inline",
        diff=diff,
        edits=diffview.edits(compared) if compared else [],
        people=diffview.people(compared) if compared else [],
    )


# -- feeds --------------------------------------------------------------------------------


def feeds_page(request: Request) -> Response:
    site = site_of(request)
    as_json = wants_json(request)
    with site.store.read() as session:
        rows = browse.feeds_with_newest(session)
        listing = articles.listing_by_feed(session) if as_json else {}
    if as_json:
        return JSONResponse({"feeds": [_feed_json(f, c, listing.get(f.id)) for f, c in rows]})
    return render(request, "feeds.html", rows=rows)


def _feed_json(feed: Feed, newest: Change | None, counts: dict[str, int] | None) -> dict[str, Any]:
    record = feed_record(feed, counts)
    record["newest_change"] = None
    if newest is not None:
        event = changes.event_of(newest)
        record["newest_change"] = {
            "id": newest.id,
            "kind": newest.kind,
            "detected_at": iso(newest.detected_at),
            "summary": newest.summary,
            "article": event.get("article"),
        }
    return record
