"""Grouping a stored version into an event, and alerting new discrepancies (issue 13).

Called by worker/pipeline/snapshot.py inside the transaction that stores the version, so a version and
its place in an event are committed together. The report's features are read from its text
(worker.detect.events, pure); candidates come from the store's index on day, canonical people
and title terms (storage.events), never from a scan. A later version of a report is grouped
again: an edit can move it to another event. A discrepancy is alerted once, and only when
[events] alert_discrepancies is on: its id is derived from the event and the finding, so finding
it again stores nothing and sends nothing. Off (the default), findings are stored, never alerted.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy.orm import Session

from alerts.event import ChangeEvent
from storage import changes
from storage import events as stored
from storage.articles import ArticleRow
from storage.models import Article, Version
from storage.versions import VersionRow
from worker.detect.events import (
    Discrepancy,
    Features,
    GroupingOptions,
    Match,
    Member,
    discrepancies,
    event_id_for,
    report_features,
    when,
)
from worker.detect.events import (
    place as placement,
)
from worker.detect.model import Person
from worker.pipeline.context import Context, FeedState
from worker.pipeline.events import Subject, build_event

logger = logging.getLogger(__name__)


def group_version(
    ctx: Context,
    session: Session,
    feed: FeedState,
    article: Article | ArticleRow,
    version: Version | VersionRow,
    text: str,
    now: datetime,
    read: tuple[str, tuple[Person, ...]] | None = None,
) -> list[ChangeEvent]:
    """Place the report (this version) in an event; returns the discrepancy change events
    this made (already written with their outbox rows). `read`: the language and people the
    pipeline read in `text` (`report_features` reads them again only in another language)."""
    opts = ctx.events
    if opts is None:  # [events] enabled = false (the default): no grouping work at all
        return []
    day = (version.published or now).astimezone(UTC).date()
    title = version.title or article.title or ""
    features = report_features(title, text, day, ctx.roster, read=read)
    founder = f"{feed.url}\x1f{article.key}\x1f{version.number}"
    event_id, previous = place(session, opts, article.id, founder, version.number, features, now)
    made = check_event(ctx, session, event_id, now)
    if previous is not None and previous != event_id and stored.get(session, previous):
        made += check_event(ctx, session, previous, now)
    return made


def place(
    session: Session,
    opts: GroupingOptions,
    article_id: int,
    founder: str,
    version: int,
    features: Features,
    now: datetime,
) -> tuple[str, str | None]:
    """Put one report into the best event among its candidates, or a new one (its id from
    `founder`). Returns (its event, the event it was in before, if any)."""
    stored.lock_grouping(session)
    previous = stored.leave(session, article_id)
    keys = features.index_keys()
    found = stored.candidates(session, keys, features.day, opts.window_days, opts.candidates)
    occasion = when(features)
    if abs((occasion - features.day).days) > opts.window_days:
        # published well after the occasion its lead dates: the reports of those days too
        seen = {c.article_id for c in found}
        found += [
            c
            for c in stored.candidates(session, keys, occasion, opts.window_days, opts.candidates)
            if c.article_id not in seen
        ]
    pool = [
        (c.event_id, c.event_day, _decoded(c.article_id, c.version, c.features))
        for c in found
        if c.article_id != article_id
    ]
    # each candidate event's size, for the strict merge (a merge needs two events at least)
    events = {c.event_id for c in found}
    sizes = stored.sizes(session, events) if len(events) > 1 and opts.strict_merge else {}
    placed = placement(features, pool, opts, sizes)
    event_id, match = placed.event, placed.match
    new_event = None
    if event_id is None:
        event_id = event_id_for(founder)
        new_event = (features.day, features.display_title)
        match = Match(1.0, "first report")
    stored.join(
        session,
        article_id=article_id,
        event_id=event_id,
        new_event=new_event,
        version=version,
        day=features.day,
        score=match.score,
        reason=match.reason,
        features=features.to_json(),
        keys=features.index_keys(),
        now=now,
    )
    for other in placed.absorbed:
        _absorb(session, event_id, other, now)
    return event_id, previous


def _absorb(session: Session, keep: str, drop: str, now: datetime) -> None:
    """Merge event `drop` into `keep`. Its findings are carried over under `keep` (their ids
    derive from the event), so the check that follows finds them known: a discrepancy alerted
    in either event is not alerted again because the two became one."""
    for row in stored.absorb(session, keep=keep, drop=drop, now=now):
        finding = Discrepancy(
            row.kind, row.summary, tuple(json.loads(row.reports)), json.loads(row.detail)
        )
        finding_id = _finding_id(keep, finding)
        if finding_id in stored.finding_ids(session, keep):
            continue
        _store_finding(session, keep, finding_id, finding, row.found_at)


def _store_finding(
    session: Session, event_id: str, finding_id: str, finding: Discrepancy, now: datetime
) -> None:
    stored.add_finding(
        session,
        finding_id=finding_id,
        event_id=event_id,
        kind=finding.kind,
        summary=finding.summary,
        reports=finding.reports,
        detail=finding.detail,
        now=now,
    )


@lru_cache(maxsize=20_000)
def _cached(article_id: int, version: int, text: str) -> Features:
    return Features.from_json(json.loads(text))


def _decoded(article_id: int, version: int, text: str) -> Features:
    """A candidate's features, decoded once per process: the same recent reports are the
    candidates of report after report (a stored report's features change only with a new
    version, and the text itself is part of the key)."""
    return _cached(article_id, version, text)


def check_event(ctx: Context, session: Session, event_id: str, now: datetime) -> list[ChangeEvent]:
    """Compare the event's reports; store new findings (and alert them when
    `ctx.alert_discrepancies`), drop ones that no longer hold."""
    reports = stored.member_features(session, event_id)
    found = discrepancies(
        [Member(r.url, _decoded(r.article_id, r.version, r.features)) for r in reports]
    )
    known = stored.finding_ids(session, event_id)
    event = stored.get(session, event_id)
    title = event.title if event is not None else ""
    current: set[str] = set()
    made: list[ChangeEvent] = []
    rows: list[stored.MemberRow] | None = None  # read only to alert: most checks alert nothing
    for finding in found:
        finding_id = _finding_id(event_id, finding)
        current.add(finding_id)
        if finding_id in known:
            continue
        _store_finding(session, event_id, finding_id, finding, now)
        if not ctx.alert_discrepancies or not finding.consensus:
            # stored and shown, never a change: alerts are opt-in ([events]
            # alert_discrepancies), and a difference between two reports is no consensus
            continue
        rows = rows if rows is not None else stored.members(session, event_id)
        row = next((r for r in rows if r.url == finding.reports[0]), None)
        if row is not None:
            made.append(_alert(ctx, session, row, event_id, title, finding, finding_id, now))
    stored.drop_findings(session, known - current)
    return made


def _finding_id(event_id: str, finding: Discrepancy) -> str:
    return hashlib.sha256(f"{event_id}\x1f{finding.key}".encode()).hexdigest()[:32]


def _alert(
    ctx: Context,
    session: Session,
    row: stored.MemberRow,
    event_id: str,
    title: str,
    finding: Discrepancy,
    finding_id: str,
    now: datetime,
) -> ChangeEvent:
    """The change event of kind `discrepancy`, written with its outbox rows."""
    subject = Subject(
        feed_url=row.feed_url,
        feed_title=row.feed_title,
        article_url=row.url,
        article_guid=row.guid,
        article_title=row.title,
        article_key=row.key,
    )
    event = build_event(
        subject,
        kind="discrepancy",
        detected_at=now,
        from_version=None,
        to_version=row.version,
        similarity=1.0,
        summary=f"{title}: {finding.summary}" if title else finding.summary,
        aspects={"discrepancy": {**finding.to_dict(), "event": event_id, "event_title": title}},
    )
    event["id"] = finding_id  # one finding, one id: found again, it is the same change
    channels = ctx.route(event) if ctx.write_alerts else []
    changes.save_with_outbox(
        session, article_id=row.article_id, feed_id=row.feed_id, event=event, channels=channels
    )
    return event
