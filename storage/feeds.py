"""The feeds aggregate: what to poll, when, and how each feed is doing.

What `wirediff fetch` calls (`states`, `upsert_many`, `record_ok`, `record_unchanged`,
`record_error`) runs Core statements on storage/tables.py through a connection or a session
(issue 10, round 23); the other commands' functions return ORM objects (storage/models.py,
imported when they run).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import sqlalchemy as sa

from storage import chain, tables
from storage.errors import DuplicateFeed, FeedNotFound
from storage.quick import FeedRow
from storage.tables import feeds as table
from storage.tables import flushed

# defined in storage.values (no SQLAlchemy), used from here too
from storage.values import FeedSpec as FeedSpec
from storage.values import Listing as Listing
from storage.values import Wait as Wait
from storage.values import utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.models import Feed
    from storage.tables import Conn

_c = table.c


_STATE = tuple(_c[name] for name in FeedRow._fields)


def states(conn: Conn) -> list[FeedRow]:
    """Every feed by id, the columns a pass reads (as storage.quick reads them)."""
    return [FeedRow(*row) for row in conn.execute(sa.select(*_STATE).order_by(_c.id))]


def state(conn: Conn, feed_id: int) -> FeedRow | None:
    """`states`' of one feed, None when it is not stored."""
    row = flushed(conn).execute(sa.select(*_STATE).where(_c.id == feed_id)).first()
    return None if row is None else FeedRow(*row)


def row(conn: Conn, feed_id: int) -> sa.Row[Any] | None:
    """The feed's row (Core: attributes named as the columns), None when it is not stored."""
    return flushed(conn).execute(sa.select(table).where(_c.id == feed_id)).first()


def all_feeds(session: Session) -> Sequence[Feed]:
    from storage.models import Feed

    return session.scalars(sa.select(Feed).order_by(Feed.id)).all()


def get_by_url(session: Session, url: str) -> Feed | None:
    from storage.models import Feed

    return session.scalars(sa.select(Feed).where(Feed.url == url)).first()


def add(session: Session, spec: FeedSpec, *, exist_ok: bool = False) -> Feed:
    existing = get_by_url(session, spec.url)
    if existing is not None:
        if not exist_ok:
            raise DuplicateFeed(f"feed {spec.url} is already in the store")
        return existing
    feed = _new(spec)
    session.add(feed)
    session.flush()
    return feed


def _new(spec: FeedSpec) -> Feed:
    from storage.models import Feed

    return Feed(**_new_row(spec))


def _new_row(spec: FeedSpec) -> dict[str, Any]:
    return {
        "url": spec.url,
        "name": spec.name,
        "interval_s": spec.interval_s,
        "follow_links": spec.follow_links,
        "category": spec.category,
        "strict_interval": spec.strict_interval,
    }


class _Settings(Protocol):
    """The columns of a feed that its configured settings set."""

    name: str | None
    interval_s: int
    follow_links: bool
    category: str | None
    strict_interval: bool
    next_fetch_at: datetime | None


class _Stored:
    """A feed's settings, to bring in line with a spec as `_update` does: a stored feed's, or
    a new one's (`id` None) to INSERT."""

    __slots__ = (
        "category",
        "follow_links",
        "id",
        "interval_s",
        "name",
        "next_fetch_at",
        "strict_interval",
        "url",
    )

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.id: int | None = values.get("id")
        self.url: str = values["url"]
        self.name: str | None = values["name"]
        self.interval_s: int = values["interval_s"]
        self.follow_links: bool = values["follow_links"]
        self.category: str | None = values["category"]
        self.strict_interval: bool = values["strict_interval"]
        self.next_fetch_at: datetime | None = values.get("next_fetch_at")

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "id"}


def upsert_many(conn: Conn, specs: Sequence[FeedSpec]) -> None:
    """`upsert` for each spec, the feeds already stored read in one query per 500 (a config
    of 1,000 feeds took 0.7 ms a feed, one SELECT each, on every start); the new ones INSERTed
    by one statement, each stored feed whose settings change UPDATEd."""
    urls = [spec.url for spec in specs]
    settings = [_c[name] for name in _Stored.__slots__]
    stored: dict[str, _Stored] = {}
    for start in range(0, len(urls), 500):
        query = sa.select(*settings).where(_c.url.in_(urls[start : start + 500]))
        rows = flushed(conn).execute(query)
        stored.update((row.url, _Stored(dict(row._mapping))) for row in rows)
    before = {url: feed.values() for url, feed in stored.items()}
    added: list[_Stored] = []
    for spec in specs:
        found = stored.get(spec.url)
        if found is None:
            stored[spec.url] = found = _Stored(_new_row(spec))
            added.append(found)
        else:
            _update(found, spec)
    for url, was in before.items():
        feed = stored[url]
        changed = {k: v for k, v in feed.values().items() if was[k] != v}
        if changed:
            conn.execute(sa.update(table).where(_c.id == feed.id).values(changed))
    if added:  # one INSERT for the new feeds (was a SELECT and a flush each: ~1 ms a feed)
        conn.execute(sa.insert(table), [feed.values() for feed in added])


def upsert(session: Session, spec: FeedSpec) -> Feed:
    """Add a feed or bring its settings in line with `spec`, keeping its state."""
    feed = get_by_url(session, spec.url)
    if feed is None:
        return add(session, spec)
    return _update(feed, spec)


def _update(feed: _F, spec: FeedSpec) -> _F:
    feed.name = spec.name or feed.name
    if feed.interval_s != spec.interval_s:
        feed.interval_s = spec.interval_s
        feed.next_fetch_at = None  # let the new interval take effect now
    feed.follow_links = spec.follow_links
    feed.category = spec.category or feed.category
    if feed.strict_interval != spec.strict_interval:
        feed.strict_interval = spec.strict_interval
        feed.next_fetch_at = None
    return feed


_F = TypeVar("_F", bound=_Settings)


def remove(session: Session, url: str) -> None:
    feed = get_by_url(session, url)
    if feed is None:
        raise FeedNotFound(f"feed {url} is not in the store")
    chain.append_feed_removed(session, feed)  # its versions go; the log says so
    session.delete(feed)


def due(session: Session, now: datetime, limit: int | None = None) -> Sequence[Feed]:
    from storage.models import Feed

    query = (
        sa.select(Feed)
        .where(sa.or_(Feed.next_fetch_at.is_(None), Feed.next_fetch_at <= now))
        .order_by(Feed.next_fetch_at.is_not(None), Feed.next_fetch_at)
    )
    if limit is not None:
        query = query.limit(limit)
    return session.scalars(query).all()


def record_ok(
    conn: Conn,
    feed_id: int,
    *,
    wait: Wait,
    etag: str | None,
    last_modified: str | None,
    body_hash: str | None,
    title: str | None = None,
    listing: Listing | None = None,
) -> None:
    """A feed fetched without error: one UPDATE of its row (FeedNotFound when it is gone), not
    the row loaded as an ORM object to set its attributes and flushed (issue 10, round 22);
    through a session, a Feed it holds already is expired (read again on its next use)."""
    now = utcnow()
    values: dict[str, object] = {
        "error_count": 0,
        "last_error": None,
        "last_ok_at": now,
        "next_fetch_at": wait.next_fetch_at,
        "wait_s": wait.seconds,
        "wait_reason": wait.reason[:256],
    }
    if etag:  # else the one stored stays
        values["etag"] = etag
    if last_modified:
        values["last_modified"] = last_modified
    if body_hash is not None:
        values["body_hash"] = body_hash
    if title:
        values["title"] = title[:1024]
    if listing is not None:
        values["last_entries"] = listing.entries
        values["fell_back"] = sum(listing.fell_back.values())
        values["fell_back_reasons"] = json.dumps(listing.fell_back, ensure_ascii=False)
        values["hint_s"], values["hint"] = listing.hint if listing.hint else (None, None)
    done = conn.execute(_RECORD_OK, {"feed_id_": feed_id, **values})
    if cast(sa.CursorResult[object], done).rowcount == 0:
        raise FeedNotFound(f"feed id {feed_id} is not in the store")
    if not isinstance(conn, sa.Connection):
        from storage.models import Feed

        loaded = conn.identity_map.get(conn.identity_key(Feed, feed_id))
        if loaded is not None:
            conn.expire(loaded)
    if listing is not None:
        _mark_listed(conn, feed_id, listing.keys, now)


# The store's statements that a pass runs per feed are built once, with bound parameters: a
# statement built at each call cost more (~0.3 ms: its construction and cache key) than
# running it. An UPDATE without values() sets the columns its parameters name.
_RECORD_OK = sa.update(table).where(_c.id == sa.bindparam("feed_id_"))


def record_unchanged(conn: Conn, feeds: Sequence[tuple[int, Wait, str | None, str | None]]) -> None:
    """`record_ok` of feeds that did not change (feed id, wait, etag, last modified), all in
    one UPDATE executed over the rows: no feed read back, none written one by one. A feed
    removed meanwhile is skipped."""
    if not feeds:
        return
    new_etag = sa.func.nullif(sa.bindparam("new_etag", type_=sa.String), "")
    new_modified = sa.func.nullif(sa.bindparam("new_modified", type_=sa.String), "")
    statement = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("feed_id"))
        .values(
            error_count=0,
            last_error=None,
            last_ok_at=sa.bindparam("now", type_=table.c.last_ok_at.type),
            next_fetch_at=sa.bindparam("next_at", type_=table.c.next_fetch_at.type),
            wait_s=sa.bindparam("wait_s"),
            wait_reason=sa.bindparam("wait_reason"),
            etag=sa.func.coalesce(new_etag, table.c.etag),
            last_modified=sa.func.coalesce(new_modified, table.c.last_modified),
        )
    )
    now = utcnow()
    rows = [
        {
            "feed_id": feed_id,
            "now": now,
            "next_at": wait.next_fetch_at,
            "wait_s": wait.seconds,
            "wait_reason": wait.reason[:256],
            "new_etag": etag,
            "new_modified": last_modified,
        }
        for feed_id, wait, etag, last_modified in feeds
    ]
    (conn if isinstance(conn, sa.Connection) else conn.connection()).execute(statement, rows)


def _mark_listed(conn: Conn, feed_id: int, keys: frozenset[str], now: datetime) -> None:
    """Articles of the feed not in its latest parse have left it (since now, if not before).

    Three columns of each article read, and an UPDATE only for those whose mark changes (most
    often none), instead of every article of the feed loaded as an ORM object to set what was
    already set: `record_ok` of a feed of 5 articles 0.73 -> 0.64 ms of CPU (bench/README.md,
    issue 10 round 16)."""
    back: list[int] = []
    gone: list[int] = []
    for article_id, key, left in conn.execute(_LISTED, {"feed_id": feed_id}):
        if key in keys:
            if left is not None:
                back.append(article_id)
        elif left is None:
            gone.append(article_id)
    for ids, value in ((back, None), (gone, now)):
        for start in range(0, len(ids), _IDS_PER_STATEMENT):
            chunk = ids[start : start + _IDS_PER_STATEMENT]
            conn.execute(_LEFT, {"ids": chunk, "left": value})


_IDS_PER_STATEMENT = 500  # bound parameters of one statement, well under SQLite's limit
_a = tables.articles.c
_LISTED = sa.select(_a.id, _a.key, _a.left_feed_at).where(_a.feed_id == sa.bindparam("feed_id"))
_LEFT = (
    sa.update(tables.articles)
    .where(_a.id.in_(sa.bindparam("ids", expanding=True)))
    .values(left_feed_at=sa.bindparam("left", type_=_a.left_feed_at.type))
)


class _Reasons(Protocol):
    @property
    def fell_back_reasons(self) -> str | None: ...


def fell_back_reasons(feed: _Reasons) -> dict[str, int]:
    return dict(json.loads(feed.fell_back_reasons)) if feed.fell_back_reasons else {}


def record_error(conn: Conn, feed_id: int, error: str, *, next_fetch_at: datetime) -> int:
    """Count a failure; the feed is never dropped. Returns the consecutive error count."""
    update = sa.update(table).where(_c.id == feed_id)
    update = update.values(
        error_count=_c.error_count + 1, last_error=error[:2000], next_fetch_at=next_fetch_at
    )
    done = flushed(conn).execute(update)
    if cast(sa.CursorResult[object], done).rowcount == 0:
        raise FeedNotFound(f"feed id {feed_id} is not in the store")
    count = conn.execute(sa.select(_c.error_count).where(_c.id == feed_id)).scalar()
    if not isinstance(conn, sa.Connection):  # a Feed the session holds: read again on use
        from storage.models import Feed

        loaded = conn.identity_map.get(conn.identity_key(Feed, feed_id))
        if loaded is not None:
            conn.expire(loaded)
    return int(count or 0)


def backoff_delay(interval_s: int, error_count: int, cap_s: int | None = None) -> timedelta:
    """SPEC timing: retry after the interval, then twice that, doubling, capped.

    The default cap is the larger of the interval and one hour.
    """
    cap = cap_s if cap_s is not None else max(interval_s, 3600)
    exponent = max(error_count - 1, 0)
    delay = interval_s * (2 ** min(exponent, 30))
    return timedelta(seconds=min(delay, max(cap, interval_s)))


@dataclass(frozen=True, slots=True)
class Health:
    """The feeds' health for logs and metrics: every id, and the URLs in error or stale."""

    ids: frozenset[int]
    in_error: tuple[str, ...]
    stale: tuple[str, ...]  # no successful fetch for `stale_after` (or since added)


def health(session: Session, now: datetime, stale_after: timedelta) -> Health:
    rows = all_feeds(session)
    return Health(
        ids=frozenset(f.id for f in rows),
        in_error=tuple(f.url for f in rows if f.error_count > 0),
        stale=tuple(f.url for f in rows if now - (f.last_ok_at or f.created_at) > stale_after),
    )
