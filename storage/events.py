"""The events aggregate: events, which reports belong to them, the candidate index, findings.

Grouping runs inside the transaction that stores a version. On PostgreSQL it first takes a
transaction-level advisory lock, so two workers storing reports of one new occasion at the same
moment cannot both see "no event yet" and each create one: the second waits, then sees the
first's event. (SQLite has one writer at a time already.) The features are JSON made by
worker.detect.events; this module stores and finds them and never reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage import locks
from storage.models import (
    Article,
    Event,
    EventFinding,
    EventKey,
    EventRedirect,
    EventReport,
    Feed,
    Version,
)

PER_KEY = 300  # candidate reports one index key may bring, at most


def lock_grouping(session: Session) -> None:
    """Serialise grouping across processes on PostgreSQL, until this transaction ends."""
    locks.hold(session, locks.GROUPING)


@dataclass(frozen=True, slots=True)
class Candidate:
    article_id: int
    version: int
    event_id: str
    event_day: date
    features: str  # JSON, decoded by the caller (which may have it decoded already)


def candidates(
    session: Session, keys: Iterable[str], day: date, window_days: int, limit: int
) -> list[Candidate]:
    """Reports published within the window that share an index key (canonical person or title
    term) with the new one, those sharing most keys first; at most `limit` of them."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    low = (day - timedelta(days=window_days)).isoformat()
    high = (day + timedelta(days=window_days)).isoformat()
    params: dict[str, Any] = {"low": low, "high": high, "per_key": PER_KEY, "limit": limit}
    params.update({f"k{i}": key for i, key in enumerate(wanted)})
    rows = session.execute(_candidate_sql(len(wanted)), params).all()
    return [
        Candidate(aid, version, eid, date.fromisoformat(eday), features)
        for aid, version, eid, eday, features in rows
    ]


@lru_cache(maxsize=64)
def _candidate_sql(keys: int) -> sa.TextClause:
    """The candidate query for `keys` keys, written once per count (SQLAlchemy's compiler
    cost more than the query itself). Each key brings at most PER_KEY reports, newest first
    (an index range scan on (key, day) that stops there), so a key every report has (the head
    of state of the day) costs no more than a rare one; the reports sharing most keys first."""
    per_key = " UNION ALL ".join(
        f"SELECT article_id FROM (SELECT article_id FROM event_keys WHERE key = :k{i} "
        "AND day >= :low AND day <= :high ORDER BY day DESC LIMIT :per_key) AS k" + str(i)
        for i in range(keys)
    )
    return sa.text(
        "SELECT r.article_id, r.version, r.event_id, e.day, r.features FROM "
        f"(SELECT article_id, count(*) AS shared FROM ({per_key}) AS found "
        "GROUP BY article_id ORDER BY shared DESC, article_id LIMIT :limit) AS hits "
        "JOIN event_reports AS r ON r.article_id = hits.article_id "
        "JOIN events AS e ON e.id = r.event_id"
    )


def sizes(session: Session, event_ids: Iterable[str]) -> dict[str, int]:
    """How many reports each of these events holds (the candidates' events: one query on the
    index of event_reports.event_id). Grouping merges two events only when the report linking
    them was compared with every member of the one it absorbs."""
    wanted = sorted(set(event_ids))
    if not wanted:
        return {}
    rows = session.execute(
        sa.select(EventReport.event_id, sa.func.count())
        .where(EventReport.event_id.in_(wanted))
        .group_by(EventReport.event_id)
    ).all()
    return {str(event): int(n) for event, n in rows}


def membership(session: Session, article_id: int) -> EventReport | None:
    return session.get(EventReport, article_id)


def leave(session: Session, article_id: int) -> str | None:
    """Take a report out of its event (a new version is grouped again). Returns the event it
    was in; an event left without reports is deleted."""
    row = session.get(EventReport, article_id)
    session.execute(sa.delete(EventKey).where(EventKey.article_id == article_id))
    if row is None:
        return None
    event_id = row.event_id
    session.delete(row)
    session.flush()
    left = session.scalar(
        sa.select(sa.func.count()).select_from(EventReport).where(EventReport.event_id == event_id)
    )
    if not left:
        session.execute(sa.delete(EventFinding).where(EventFinding.event_id == event_id))
        session.execute(sa.delete(EventRedirect).where(EventRedirect.event_id == event_id))
        session.execute(sa.delete(Event).where(Event.id == event_id))
    return event_id


def join(
    session: Session,
    *,
    article_id: int,
    event_id: str,
    new_event: tuple[date, str] | None,
    version: int,
    day: date,
    score: float,
    reason: str,
    features: dict[str, Any],
    keys: Iterable[str],
    now: datetime,
) -> None:
    """Put a report into an event (creating it when `new_event` gives its day and title) and
    index its keys."""
    if new_event is not None and session.get(Event, event_id) is None:
        # an id merged away before and founded again (the same report placed anew): it is an
        # event of its own again, no longer a way to the one it had joined
        session.execute(sa.delete(EventRedirect).where(EventRedirect.old_id == event_id))
        session.add(
            Event(
                id=event_id,
                day=new_event[0].isoformat(),
                title=new_event[1],
                created_at=now,
                updated_at=now,
            )
        )
        session.flush()
    else:
        # the event's day is its earliest report's: reports published later join it
        session.execute(
            sa.update(Event)
            .where(Event.id == event_id)
            .values(
                updated_at=now,
                day=sa.case((Event.day > day.isoformat(), day.isoformat()), else_=Event.day),
            )
        )
    # plain inserts, no ORM objects: nothing in this transaction reads them back as objects
    session.execute(
        sa.insert(EventReport).values(
            article_id=article_id,
            event_id=event_id,
            version=version,
            day=day.isoformat(),
            score=score,
            reason=reason[:64],
            features=json.dumps(features, ensure_ascii=False),
            joined_at=now,
        )
    )
    index = [
        {"article_id": article_id, "key": key[:200], "day": day.isoformat()}
        for key in sorted(set(keys))
    ]
    if index:
        session.execute(sa.insert(EventKey), index)


def absorb(session: Session, *, keep: str, drop: str, now: datetime) -> list[EventFinding]:
    """Merge event `drop` into `keep` (one occasion that reached the store as two events): its
    reports move to `keep`, whose day becomes the earlier of the two, and `drop` is deleted,
    its id (and every id that led to it) redirected to `keep` (`find`). Returns `drop`'s
    findings, deleted with it, for the caller to carry over under `keep`."""
    dropped = session.get(Event, drop)
    if dropped is None or drop == keep:
        return []
    found = list(findings(session, drop))
    for finding in found:
        session.expunge(finding)
    session.execute(sa.delete(EventFinding).where(EventFinding.event_id == drop))
    session.execute(
        sa.update(EventReport).where(EventReport.event_id == drop).values(event_id=keep)
    )
    session.execute(
        sa.update(Event)
        .where(Event.id == keep)
        .values(
            updated_at=now,
            day=sa.case((Event.day > dropped.day, dropped.day), else_=Event.day),
        )
    )
    session.execute(
        sa.update(EventRedirect).where(EventRedirect.event_id == drop).values(event_id=keep)
    )
    session.execute(sa.delete(EventRedirect).where(EventRedirect.old_id == drop))
    session.execute(sa.delete(Event).where(Event.id == drop))
    session.expunge(dropped)
    session.add(EventRedirect(old_id=drop, event_id=keep, merged_at=now))
    session.flush()
    return found


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A report of an event with what commands and alerts show of it."""

    article_id: int
    feed_id: int
    feed_url: str
    feed_title: str | None
    url: str
    guid: str | None
    key: str
    title: str | None
    version: int
    published: datetime | None
    day: str
    features: dict[str, Any]


def members(session: Session, event_id: str) -> list[MemberRow]:
    rows = session.execute(
        sa.select(EventReport, Article, Feed, Version.published)
        .join(Article, Article.id == EventReport.article_id)
        .join(Feed, Feed.id == Article.feed_id)
        .outerjoin(
            Version,
            sa.and_(Version.article_id == Article.id, Version.number == EventReport.version),
        )
        .where(EventReport.event_id == event_id)
        .order_by(EventReport.day, EventReport.article_id)
    ).all()
    return [
        MemberRow(
            article_id=article.id,
            feed_id=feed.id,
            feed_url=feed.url,
            feed_title=feed.name or feed.title,
            url=article.url or article.guid or article.key,
            guid=article.guid,
            key=article.key,
            title=article.title,
            version=member.version,
            published=published,
            day=member.day,
            features=json.loads(member.features),
        )
        for member, article, feed, published in rows
    ]


@dataclass(frozen=True, slots=True)
class MemberFeatures:
    """A report of an event as the discrepancy check reads it: no ORM objects, the features
    as stored (JSON), so the caller may decode them once per process."""

    article_id: int
    version: int
    url: str
    features: str


def member_features(session: Session, event_id: str) -> list[MemberFeatures]:
    """The event's reports in the order of `members` (day, then article), what the discrepancy
    check needs of them only."""
    rows = session.execute(
        sa.select(
            EventReport.article_id,
            EventReport.version,
            EventReport.features,
            Article.url,
            Article.guid,
            Article.key,
        )
        .join(Article, Article.id == EventReport.article_id)
        .where(EventReport.event_id == event_id)
        .order_by(EventReport.day, EventReport.article_id)
    ).all()
    return [
        MemberFeatures(article_id, version, url or guid or key, features)
        for article_id, version, features, url, guid, key in rows
    ]


def findings(session: Session, event_id: str) -> Sequence[EventFinding]:
    return session.scalars(
        sa.select(EventFinding)
        .where(EventFinding.event_id == event_id)
        .order_by(EventFinding.found_at, EventFinding.id)
    ).all()


def finding_ids(session: Session, event_id: str) -> set[str]:
    """The ids of the event's findings (what the discrepancy check compares: no ORM objects)."""
    return set(session.scalars(sa.select(EventFinding.id).where(EventFinding.event_id == event_id)))


def add_finding(
    session: Session,
    *,
    finding_id: str,
    event_id: str,
    kind: str,
    summary: str,
    reports: Sequence[str],
    detail: dict[str, Any],
    now: datetime,
) -> None:
    session.execute(  # a plain insert: no ORM object to flush
        sa.insert(EventFinding).values(
            id=finding_id,
            event_id=event_id,
            kind=kind,
            summary=summary,
            reports=json.dumps(list(reports), ensure_ascii=False),
            detail=json.dumps(detail, ensure_ascii=False),
            found_at=now,
        )
    )


def drop_findings(session: Session, ids: Iterable[str]) -> None:
    wanted = list(ids)
    if wanted:
        session.execute(sa.delete(EventFinding).where(EventFinding.id.in_(wanted)))


def get(session: Session, event_id: str) -> Event | None:
    return session.get(Event, event_id)


def find(session: Session, event_id: str) -> Event | None:
    """The event with this id, or the one it was merged into (`absorb`): an id once shown
    (in an alert, a script's output) still finds its occasion."""
    event = session.get(Event, event_id)
    if event is not None:
        return event
    kept = session.scalar(sa.select(EventRedirect.event_id).where(EventRedirect.old_id == event_id))
    return session.get(Event, kept) if kept is not None else None


def query(
    session: Session,
    *,
    since: date | None = None,
    article_ids: Iterable[int] | None = None,
    limit: int | None = None,
) -> Sequence[Event]:
    """Events, newest day first; `since` on the event's day; `article_ids`: only events that
    hold one of these reports."""
    stmt = sa.select(Event).order_by(Event.day.desc(), Event.id)
    if since is not None:
        stmt = stmt.where(Event.day >= since.isoformat())
    if article_ids is not None:
        ids = list(article_ids)
        stmt = stmt.where(
            Event.id.in_(sa.select(EventReport.event_id).where(EventReport.article_id.in_(ids)))
        )
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.scalars(stmt).all()


def with_person_key(session: Session, key: str) -> list[int]:
    """Reports that name the person with this index key (canonical person)."""
    return list(
        session.scalars(sa.select(EventKey.article_id).where(EventKey.key == f"p:{key}")).all()
    )
