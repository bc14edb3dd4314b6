"""Read-only queries for `wirediff serve`: pages of changes newest first, one change with the
versions it compares, one report's versions and changes, feed health.

Pages are keyset-paginated on (detected_at, id), both descending, so the 1000th page costs
what the first does (indexes ix_changes_*_detected_id, migration 0002). Filters are plain
column tests except two substring searches: `text` over summaries and report titles, and
`names` over the stored event JSON (a cheap pre-filter; the caller checks each candidate with
the roster, through `accept`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.db import Store
from storage.models import Article, Change, Feed, Version

MAX_SCAN = 5_000  # candidates looked at per page when `accept` rejects many


@dataclass(frozen=True, slots=True)
class ChangeFilter:
    """What a changes page shows; every field narrows, None or empty lets everything through."""

    feed_url: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # a substring of the summary or of the report's title
    names: tuple[str, ...] = ()  # spellings of a person: the event must contain one of them


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: strictly older than this change."""

    detected_at: datetime
    id: str


@dataclass(frozen=True, slots=True)
class Page:
    changes: list[Change]
    next: Cursor | None  # None: this is the last page
    scanned_out: bool = False  # True: MAX_SCAN candidates were rejected; `next` goes on from there


def _contains(
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None], value: str, dialect: str
) -> sa.ColumnElement[bool]:
    # SQLite's LIKE already ignores ASCII case, and lower() would cost a copy of every row
    if dialect == "sqlite":
        return column.contains(value, autoescape=True)
    return column.icontains(value, autoescape=True)


def _filtered(stmt: sa.Select[Change], flt: ChangeFilter, dialect: str) -> sa.Select[Change]:
    if flt.feed_url is not None:
        feed_id = sa.select(Feed.id).where(Feed.url == flt.feed_url).scalar_subquery()
        stmt = stmt.where(Change.feed_id == feed_id)
    if flt.kind is not None:
        stmt = stmt.where(Change.kind == flt.kind)
    if flt.since is not None:
        stmt = stmt.where(Change.detected_at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(Change.detected_at < flt.until)
    if flt.text:
        titles = sa.select(Article.id).where(_contains(Article.title, flt.text, dialect))
        stmt = stmt.where(
            sa.or_(_contains(Change.summary, flt.text, dialect), Change.article_id.in_(titles))
        )
    if flt.names:
        stmt = stmt.where(sa.or_(*(_contains(Change.event, n, dialect) for n in flt.names)))
    return stmt


def change_page(
    session: Session,
    flt: ChangeFilter,
    *,
    after: Cursor | None = None,
    limit: int = 50,
    accept: Callable[[Change], bool] | None = None,
) -> Page:
    """Up to `limit` changes newest first, older than `after`, each passing `accept`."""
    dialect = session.get_bind().dialect.name
    base = _filtered(sa.select(Change), flt, dialect).order_by(
        Change.detected_at.desc(), Change.id.desc()
    )
    found: list[Change] = []
    cursor, scanned = after, 0
    batch = limit + 1 if accept is None else max(4 * limit, 100)
    while True:
        stmt = base
        if cursor is not None:
            stmt = stmt.where(
                sa.tuple_(Change.detected_at, Change.id) < (cursor.detected_at, cursor.id)
            )
        rows = session.scalars(stmt.limit(batch)).all()
        for row in rows:
            scanned += 1
            if accept is None or accept(row):
                found.append(row)
                if len(found) > limit:
                    last = found[limit - 1]
                    return Page(found[:limit], Cursor(last.detected_at, last.id))
            if scanned >= MAX_SCAN and accept is not None:
                return Page(found, Cursor(row.detected_at, row.id), scanned_out=True)
        if len(rows) < batch:
            return Page(found, None)
        cursor = Cursor(rows[-1].detected_at, rows[-1].id)


def change(session: Session, change_id: str) -> Change | None:
    return session.get(Change, change_id)


def versions_of(
    session: Session, article_id: int, numbers: Sequence[int | None]
) -> dict[int, Version]:
    wanted = [n for n in numbers if n is not None]
    if not wanted:
        return {}
    rows = session.scalars(
        sa.select(Version).where(Version.article_id == article_id, Version.number.in_(wanted))
    )
    return {v.number: v for v in rows}


def article_changes(session: Session, article_id: int) -> Sequence[Change]:
    """Every change of one report, oldest first (its timeline)."""
    stmt = (
        sa.select(Change)
        .where(Change.article_id == article_id)
        .order_by(Change.detected_at, Change.id)
    )
    return session.scalars(stmt).all()


def feeds_with_newest(session: Session) -> list[tuple[Feed, Change | None]]:
    """Every feed (by name, then URL) with its newest change, if it has one."""
    newest = (
        sa.select(Change.feed_id, sa.func.max(Change.detected_at).label("at"))
        .group_by(Change.feed_id)
        .subquery()
    )
    stmt = sa.select(Change).join(
        newest, sa.and_(Change.feed_id == newest.c.feed_id, Change.detected_at == newest.c.at)
    )
    by_feed: dict[int, Change] = {}
    for row in session.scalars(stmt):
        if row.feed_id not in by_feed or row.id > by_feed[row.feed_id].id:
            by_feed[row.feed_id] = row
    feeds = session.scalars(sa.select(Feed)).all()
    ordered = sorted(feeds, key=lambda f: ((f.name or f.title or f.url).casefold(), f.url))
    return [(f, by_feed.get(f.id)) for f in ordered]


def feed_choices(session: Session) -> list[tuple[str, str]]:
    """(url, display name) of every feed, for a filter menu."""
    rows = session.execute(sa.select(Feed.url, Feed.name, Feed.title)).all()
    return sorted(
        ((url, name or title or url) for url, name, title in rows), key=lambda r: r[1].casefold()
    )


def feeds_by_id(session: Session, ids: Sequence[int]) -> dict[int, Feed]:
    if not ids:
        return {}
    return {f.id: f for f in session.scalars(sa.select(Feed).where(Feed.id.in_(list(set(ids)))))}


def articles_by_id(session: Session, ids: Sequence[int]) -> dict[int, Article]:
    if not ids:
        return {}
    rows = session.scalars(sa.select(Article).where(Article.id.in_(list(set(ids)))))
    return {a.id: a for a in rows}


def read_only(store: Store) -> None:
    """Make every later connection of `store` refuse writes (defence in depth for serve)."""

    def on_connect(dbapi_conn: object, _record: object) -> None:
        cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
        if store.is_sqlite:
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cur.close()
        if not store.is_sqlite:
            dbapi_conn.commit()  # type: ignore[attr-defined]

    sa.event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()  # connections opened before (schema check) are not reused
