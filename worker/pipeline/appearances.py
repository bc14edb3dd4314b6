"""People over time in the pipeline: keep the appearances, turn new findings into change events.

`record_version` runs in the snapshot transaction of every new version (and of a restored
report): it reads the version's lists of people and replaces the report's appearances;
`forget_report` drops them when the report is taken down. `check_people` runs after a feed's
entries are stored: it replays the stored appearances in date order (worker/detect/
appearances.py) and stores each finding not stored before as a change event of kind
`absence` or `rank` with its outbox rows. A finding's id is stable, so a finding is alerted
once however often the history is replayed.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from alerts.event import ChangeEvent
from storage import appearances, articles, changes, feeds
from storage.appearances import NewList, Row
from storage.errors import StoreConflict
from worker.detect.appearances import (
    NameList,
    PeopleFinding,
    PeopleWatch,
    ReportLists,
    find_changes,
    lists_of,
    report_date,
    usual_position,
)
from worker.detect.model import Person
from worker.detect.roster import Roster
from worker.pipeline.context import Context
from worker.pipeline.events import Aspects, Subject, build_event

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.db import Connection

logger = logging.getLogger(__name__)


class Report(Protocol):
    """What people over time take of a report: an articles row, an ArticleRow, an Article."""

    @property
    def id(self) -> int: ...

    @property
    def feed_id(self) -> int: ...

    @property
    def first_seen(self) -> datetime: ...

    @property
    def url(self) -> str | None: ...

    @property
    def guid(self) -> str | None: ...

    @property
    def title(self) -> str | None: ...

    @property
    def key(self) -> str: ...


class Listed(Protocol):
    """What people over time take of a version."""

    @property
    def number(self) -> int: ...

    @property
    def published(self) -> datetime | None: ...


class FeedNames(Protocol):
    @property
    def url(self) -> str: ...

    @property
    def name(self) -> str | None: ...

    @property
    def title(self) -> str | None: ...


KINDS = ("absence", "rank")
ASK = object()  # record_version's `stored` when the caller has not read it


def record_version(
    conn: Connection | Session,
    roster: Roster | Callable[[], Roster],
    article: Report,
    version: Listed,
    text: str,
    *,
    people: Sequence[Person] | None = None,
    language: str | None = None,
    stored: int | object | None = ASK,
) -> None:
    """The report's appearances become those of `version` (unless they already are).

    `people` and `language`: the text's, when the caller has read them already (the pipeline
    reads a version's people once, for this and for change detection; the roster, or how to
    get it, is then not needed); `stored`: the version
    the report's rows were read from (None: it has none), when the caller has read it (a
    feed's batch reads them all with one query), else asked of the store here."""
    current = appearances.stored_version(conn, article.id) if stored is ASK else stored
    if current == version.number:
        return
    if not language:  # people reading is imported only when read here (~0.1 s)
        from worker.detect.lang import detect_language

        language = detect_language(text)
    if people is None:
        from worker.detect.people import extract_people

        people = extract_people(text, roster() if callable(roster) else roster, language=language)
    lists = lists_of(people)
    day = report_date(version.published, text, article.first_seen)
    appearances.replace(
        conn,
        article,
        version=version.number,
        day=day,
        language=language,
        lists=[NewList(lst.role, lst.names, lst.spellings) for lst in lists],
        fresh=current is None,
    )


def forget_report(conn: Connection | Session, article: Report) -> None:
    appearances.remove(conn, article.id)


def history(rows: Iterable[Row]) -> list[ReportLists]:
    """Stored rows (date order) back into one `ReportLists` per report."""
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row.article_id].append(row)
    reports = []
    for article_id, members in grouped.items():
        lists: dict[int, list[Row]] = defaultdict(list)
        for row in members:
            lists[row.list_index].append(row)
        first = members[0]
        reports.append(
            ReportLists(
                report=str(article_id),
                url=first.url,
                date=first.date,
                language=first.language,
                feed=first.feed,
                lists=tuple(
                    NameList(
                        lst[0].role,
                        tuple(r.canonical for r in lst),
                        tuple(r.name for r in lst),
                    )
                    for _, lst in sorted(lists.items())
                ),
            )
        )
    return reports


def findings(conn: Connection | Session, watch: PeopleWatch) -> tuple[PeopleFinding, ...]:
    """Every finding the stored history holds, replayed from the start."""
    return find_changes(history(appearances.rows(conn)), watch)


def spellings(rows: Iterable[Row]) -> dict[str, set[str]]:
    """Each canonical name's spellings as written in the stored reports."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        names[row.canonical].update((row.canonical, row.name))
    return names


def check_people(ctx: Context) -> list[ChangeEvent]:
    """Store the findings not stored before as change events with their outbox rows.

    Two workers of a cluster may store the same finding at once: the second one's transaction
    is refused by the primary key (StoreConflict), and the finding is stored all the same."""
    try:
        return _store_findings(ctx)
    except StoreConflict as err:
        logger.info("people findings stored by another worker: %s", err)
        return []


def _store_findings(ctx: Context) -> list[ChangeEvent]:
    now = ctx.clock()
    new: list[ChangeEvent] = []
    with ctx.store.begin() as conn:
        rows = appearances.rows(conn)
        written = spellings(rows)
        for finding in find_changes(history(rows), ctx.people):
            article = articles.row(conn, int(finding.report))
            if article is None:
                continue
            feed = feeds.row(conn, article.feed_id)
            names = sorted({n for p in finding.people for n in written.get(p, {p})})
            event = finding_event(finding, article, feed, now, names)
            channels = ctx.route(event) if ctx.write_alerts else []
            if changes.save_with_outbox(
                conn,
                article_id=article.id,
                feed_id=article.feed_id,
                event=event,
                channels=channels,
            ):
                new.append(event)
    for event in new:
        logger.info("people finding kind=%s id=%s %s", event["kind"], event["id"], event["summary"])
    return new


def finding_event(
    finding: PeopleFinding,
    article: Report,
    feed: FeedNames | None,
    now: datetime,
    names: list[str] | None = None,
) -> ChangeEvent:
    """A finding as a change event (SPEC.md): the report it was found at is the article."""
    subject = Subject(
        feed_url=feed.url if feed else "",
        feed_title=(feed.name or feed.title) if feed else None,
        article_url=article.url,
        article_guid=article.guid,
        article_title=article.title,
        article_key=article.key,
    )
    event = build_event(
        subject,
        kind=finding.kind,
        detected_at=now,
        from_version=None,
        to_version=None,
        # not a change of wording: counted as a whole change, so min_change never hides it
        similarity=0.0,
        summary=finding.summary,
        aspects=_aspects(finding, names),
    )
    event["id"] = finding.id  # one report can hold several findings of one kind
    return event


def _aspects(finding: PeopleFinding, names: list[str] | None) -> Aspects:
    aspect = {**_aspect(finding), "names": names or list(finding.people)}
    return {"absence": aspect} if finding.kind == "absence" else {"rank": aspect}


def _aspect(finding: PeopleFinding) -> dict[str, Any]:
    return {
        "canonical": finding.canonical,
        "people": list(finding.people),
        "date": finding.date.isoformat(),
        **finding.detail,
    }


# -- the `--json` objects of SPEC.md (people, timeline), for the CLI and the web interface ------


def person_records(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """One `person` object per canonical name, most often seen first."""
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row.canonical].append(row)
    records = [_person(name, members) for name, members in grouped.items()]
    return sorted(records, key=lambda r: (-r["appearances"], r["canonical"]))


def _person(name: str, rows: list[Row]) -> dict[str, Any]:
    attended = [r.position for r in rows if r.role == "attended"]
    return {
        "type": "person",
        "canonical": name,
        "names": sorted({r.name for r in rows} | {name}),
        "appearances": len({r.article_id for r in rows}),
        "first_seen": min(r.date for r in rows).isoformat(),
        "last_seen": max(r.date for r in rows).isoformat(),
        "usual_position": usual_position(attended or [r.position for r in rows]),
    }


def appearance_record(row: Row) -> dict[str, Any]:
    """One `appearance` object: a person in one list of one report."""
    return {
        "type": "appearance",
        "canonical": row.canonical,
        "date": row.date.isoformat(),
        "report": row.url,
        "role": row.role,
        "position": row.position,
        "event": row.event_id,
        "name": row.name,
        "with": [n for n in row.colisted if n != row.canonical],
        "feed": row.feed,
        "language": row.language,
        "version": row.version,
    }


def finding_record(finding: PeopleFinding) -> dict[str, Any]:
    return {**finding.to_dict(), "open": finding.open}
