"""Read-only queries for `wirediff serve`: pages of changes newest first, one change with the
versions it compares, one report's versions and changes, feed health.

Pages are keyset-paginated on (detected_at, id), both descending, so the 1000th page costs
what the first does (the detected_at index; (feed_id, detected_at, id) for feeds). Filters are plain
column tests except two substring searches: `text` over summaries and report titles, and
`names` over the stored event JSON (a cheap pre-filter; the caller checks each candidate with
the roster, through `accept`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session

from storage.db import Store
from storage.models import Article, Change, Feed, Version

Q = TypeVar("Q", bound="sa.Select[*tuple[Any, ...]]")
CHUNK = 2_000  # changes a substring search looks through per query
MAX_TITLE_IDS = 5_000  # more reports matching by title are found by a subquery instead
SCAN_BUDGET = 10_000  # changes one page looks through before it answers with what it found


@dataclass(frozen=True, slots=True)
class ChangeFilter:
    """What a changes page shows; every field narrows, None or empty lets everything through."""

    feed_url: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None  # a substring of the summary or of the report's title
    names: tuple[
        str, ...
    ] = ()  # spellings of a person, one of which the event contains (case counts)


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next page starts: strictly older than this change."""

    detected_at: datetime
    id: str


@dataclass(frozen=True, slots=True)
class Page:
    changes: list[Change]
    next: Cursor | None  # None: this is the last page
    scanned_out: bool = False  # True: SCAN_BUDGET changes looked through; `next` goes on from there


def _contains(
    column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None],
    value: str,
    dialect: str,
    *,
    any_case: bool = True,
) -> sa.ColumnElement[bool]:
    # SQLite's LIKE already ignores ASCII case, and lower() would cost a copy of every row
    if dialect == "sqlite" or not any_case:
        return column.contains(value, autoescape=True)
    return column.icontains(value, autoescape=True)


def _cheap(stmt: Q, flt: ChangeFilter) -> Q:
    """The filters an index answers (feed, kind, period)."""
    if flt.feed_url is not None:
        feed_id = sa.select(Feed.id).where(Feed.url == flt.feed_url).scalar_subquery()
        stmt = stmt.where(Change.feed_id == feed_id)
    if flt.kind is not None:
        stmt = stmt.where(Change.kind == flt.kind)
    if flt.since is not None:
        stmt = stmt.where(Change.detected_at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(Change.detected_at < flt.until)
    return stmt


def _costly(session: Session, flt: ChangeFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
    """The substring searches, which read every row they are asked about."""
    found: list[sa.ColumnElement[bool]] = []
    if flt.text:
        # the reports whose title matches, looked up once per page rather than once per window
        titles = sa.select(Article.id).where(_contains(Article.title, flt.text, dialect))
        ids = list(session.scalars(titles.limit(MAX_TITLE_IDS + 1)))
        in_title = Change.article_id.in_(ids if len(ids) <= MAX_TITLE_IDS else titles)
        found.append(sa.or_(_contains(Change.summary, flt.text, dialect), in_title))
    if flt.names:
        # spellings as the roster writes them (the caller adds case variants): case-sensitive
        # matching spares PostgreSQL lower-casing every event
        found.append(
            sa.or_(*(_contains(Change.event, n, dialect, any_case=False) for n in flt.names))
        )
    return found


def _older(stmt: Q, cursor: Cursor | None) -> Q:
    if cursor is None:
        return stmt
    return stmt.where(sa.tuple_(Change.detected_at, Change.id) < (cursor.detected_at, cursor.id))


NEWEST_FIRST = (Change.detected_at.desc(), Change.id.desc())


def change_page(
    session: Session,
    flt: ChangeFilter,
    *,
    after: Cursor | None = None,
    limit: int = 50,
    accept: Callable[[Change], bool] | None = None,
) -> Page:
    """Up to `limit` changes newest first, older than `after`, each passing `accept`.

    Substring searches go through the list a window of CHUNK changes at a time (bounded by
    the keyset index), so the database never reads more than it must to fill the page, and a
    page gives up after SCAN_BUDGET changes with a cursor to go on from (`scanned_out`).
    """
    dialect = session.get_bind().dialect.name
    costly = _costly(session, flt, dialect)
    found: list[Change] = []
    cursor, scanned = after, 0
    batch = limit + 1 if accept is None else max(4 * limit, 100)
    while True:
        if costly:
            rows, onward = _window(session, flt, costly, cursor)
            scanned += CHUNK
        else:
            stmt = _older(_cheap(sa.select(Change), flt), cursor).order_by(*NEWEST_FIRST)
            rows = list(session.scalars(stmt.limit(batch)))
            onward = Cursor(rows[-1].detected_at, rows[-1].id) if len(rows) == batch else None
            scanned += len(rows)
        for row in rows:
            if accept is None or accept(row):
                found.append(row)
                if len(found) > limit:
                    last = found[limit - 1]
                    return Page(found[:limit], Cursor(last.detected_at, last.id))
        if onward is None:
            return Page(found, None)
        if scanned >= SCAN_BUDGET:
            return Page(found, onward, scanned_out=True)
        cursor = onward


def _window(
    session: Session,
    flt: ChangeFilter,
    costly: list[sa.ColumnElement[bool]],
    cursor: Cursor | None,
) -> tuple[list[Change], Cursor | None]:
    """The matches among the next CHUNK changes older than `cursor`, and where the window
    ends (None when it reached the oldest change)."""
    keys = _older(_cheap(sa.select(Change.detected_at, Change.id), flt), cursor)
    edge = session.execute(keys.order_by(*NEWEST_FIRST).offset(CHUNK - 1).limit(1)).first()
    stmt = _older(_cheap(sa.select(Change), flt), cursor).where(*costly)
    if edge is not None:
        stmt = stmt.where(sa.tuple_(Change.detected_at, Change.id) >= (edge[0], edge[1]))
    rows = list(session.scalars(stmt.order_by(*NEWEST_FIRST)))
    return rows, Cursor(edge[0], edge[1]) if edge is not None else None


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
    """Every feed (by name, then URL) with its newest change, if it has one.

    One probe of the (feed_id, detected_at, id) index per feed: a GROUP BY over all changes
    reads every row on PostgreSQL.
    """
    newest = (
        sa.select(Change.id)
        .where(Change.feed_id == Feed.id)
        .order_by(*NEWEST_FIRST)
        .limit(1)
        .scalar_subquery()
    )
    pairs = session.execute(sa.select(Feed, newest)).all()
    ids = [change_id for _, change_id in pairs if change_id is not None]
    found = {c.id: c for c in session.scalars(sa.select(Change).where(Change.id.in_(ids)))}
    ordered = sorted(
        pairs, key=lambda p: ((p[0].name or p[0].title or p[0].url).casefold(), p[0].url)
    )
    return [(feed, found.get(change_id) if change_id else None) for feed, change_id in ordered]


def feed_choices(session: Session) -> list[tuple[str, str]]:
    """(url, display name) of every feed, for a filter menu."""
    rows = session.execute(sa.select(Feed.url, Feed.name, Feed.title)).all()
    return sorted(
        ((url, name or title or url) for url, name, title in rows), key=lambda r: r[1].casefold()
    )


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
