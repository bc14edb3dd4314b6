"""The articles aggregate: one row per report a feed lists, keyed by its identity.

The fetch path reads and changes articles as `ArticleRow`s (Core rows copied into plain
objects) and writes the changed ones back with `save`; the other commands' functions here
(`get`, `by_url`, ...) return ORM objects (storage/models.py, imported when they run).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa

from storage.tables import articles as table
from storage.tables import flushed
from storage.values import utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.models import Article
    from storage.tables import Conn

_c = table.c
_INSERT = sa.insert(table)
_COLUMNS = tuple(column.name for column in table.columns)
# What the fetch path changes of a stored article (`save` writes these back)
_CHANGING = (
    "title",
    "item_hash",
    "page_etag",
    "page_last_modified",
    "state",
    "last_seen",
    "next_check_at",
    "checks_done",
)


class ArticleRow:
    """A stored article as the fetch path reads and changes it: its columns as attributes, not
    an ORM object. `save` writes back the changed ones (what the ORM's flush did for it)."""

    __slots__ = (*_COLUMNS, "_saved")

    id: int
    feed_id: int
    key: str
    guid: str | None
    url: str | None
    title: str | None
    item_hash: str | None
    page_etag: str | None
    page_last_modified: str | None
    state: str
    first_seen: datetime
    last_seen: datetime
    next_check_at: datetime | None
    checks_done: int
    left_feed_at: datetime | None
    _saved: tuple[Any, ...]

    def __init__(self, row: sa.Row[Any]) -> None:
        for name, value in zip(_COLUMNS, row, strict=True):
            setattr(self, name, value)
        self._saved = self._changing()

    def _changing(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _CHANGING)

    def __repr__(self) -> str:
        return f"ArticleRow(id={self.id!r}, key={self.key!r}, state={self.state!r})"


def _rows(
    conn: Conn, query: sa.Select[Any], params: dict[str, Any] | None = None
) -> list[ArticleRow]:
    return [ArticleRow(row) for row in flushed(conn).execute(query, params)]


def save(conn: Conn, rows: Iterable[ArticleRow]) -> None:
    """Write back the columns of `rows` that changed since they were read (or last saved), as
    the ORM's flush did: one UPDATE executed over the rows for each set of changed columns
    (most often one set: a feed's new and edited reports change the same ones)."""
    changed: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        values = row._changing()
        names = tuple(
            name for name, new, old in zip(_CHANGING, values, row._saved, strict=True) if new != old
        )
        if names:
            news = {f"new_{name}": getattr(row, name) for name in names}
            changed.setdefault(names, []).append({"row_id": row.id, **news})
            row._saved = values
    for names, params in changed.items():
        conn.execute(_save_statement(names), params)


@lru_cache(maxsize=64)
def _save_statement(names: tuple[str, ...]) -> sa.Update:
    """`save`'s UPDATE of these columns, built once (feeds.py says why)."""
    return (
        sa.update(table)
        .where(_c.id == sa.bindparam("row_id", type_=_c.id.type))
        .values({name: sa.bindparam(f"new_{name}", type_=_c[name].type) for name in names})
    )


class Seen(NamedTuple):
    """What a pass needs to know of a stored article before fetching its page again."""

    id: int
    item_hash: str | None
    state: str
    page_etag: str | None
    page_last_modified: str | None


def seen_in_feed(conn: Conn, feed_id: int) -> dict[str, Seen]:
    """key -> `Seen` for the feed's articles: five columns read (issue 10, round 22)."""
    rows = conn.execute(_SEEN, {"feed_id": feed_id})
    return {
        key: Seen(i, item, state, etag, modified) for key, i, item, state, etag, modified in rows
    }


_SEEN = sa.select(_c.key, _c.id, _c.item_hash, _c.state, _c.page_etag, _c.page_last_modified).where(
    _c.feed_id == sa.bindparam("feed_id")
)


def in_feed_by_url(conn: Conn, feed_id: int, urls: Sequence[str]) -> list[tuple[str, str]]:
    """(key, url) of the feed's articles still in its feed (not marked as having left it)
    whose URL is one of `urls`: what a new entry with one of those links may be (an item
    whose GUID changed while its link did not)."""
    out: list[tuple[str, str]] = []
    for start in range(0, len(urls), 500):
        params = {"feed_id": feed_id, "urls": list(urls[start : start + 500])}
        out.extend((key, url) for key, url in conn.execute(_IN_FEED_BY_URL, params))
    return out


_IN_FEED_BY_URL = sa.select(_c.key, _c.url).where(
    _c.feed_id == sa.bindparam("feed_id"),
    _c.left_feed_at.is_(None),
    _c.url.in_(sa.bindparam("urls", expanding=True)),
)


def get_or_create_many(
    conn: Conn, feed_id: int, entries: Sequence[tuple[str, str | None, str | None, str]]
) -> tuple[dict[str, ArticleRow], set[str]]:
    """The feed's articles for `entries` (key, guid, url, title), created where missing: one
    query for those stored, one INSERT over the new ones and one query that reads them back.
    Returns key -> article and the keys of the articles created here.

    Not the ORM's flush, which on SQLite inserts the rows one statement each to read each new
    id back: 6 -> 3 statements for a feed of 5 new reports, 0.45 -> 0.39 ms of CPU an article
    with its transaction (bench/README.md, issue 10 round 12). The rows are inserted in the
    order of `entries`, as the flush did."""
    keys = [key for key, _, _, _ in entries]
    found = _by_key(conn, feed_id, keys)
    created: dict[str, dict[str, object]] = {}
    for key, guid, url, title in entries:
        if key not in found and key not in created:
            created[key] = {
                "feed_id": feed_id,
                "key": key,
                "guid": guid,
                "url": url,
                "title": title,
            }
    if created:  # Core's INSERT, with the columns' defaults
        conn.execute(_INSERT, list(created.values()))
        found.update(_by_key(conn, feed_id, list(created)))
    return found, set(created)


def _by_key(conn: Conn, feed_id: int, keys: Sequence[str]) -> dict[str, ArticleRow]:
    found: dict[str, ArticleRow] = {}
    for start in range(0, len(keys), 500):
        params = {"feed_id": feed_id, "keys": keys[start : start + 500]}
        found.update((a.key, a) for a in _rows(conn, _BY_KEY, params))
    return found


_BY_KEY = sa.select(table).where(
    _c.feed_id == sa.bindparam("feed_id"), _c.key.in_(sa.bindparam("keys", expanding=True))
)


def row(conn: Conn, article_id: int) -> sa.Row[Any] | None:
    """The article's row (Core: attributes named as the columns), None when it is not stored."""
    return flushed(conn).execute(sa.select(table).where(_c.id == article_id)).first()


def due_for_revisit(conn: Conn, now: datetime, limit: int = 500) -> list[ArticleRow]:
    query = (
        sa.select(table)
        .where(_c.next_check_at.is_not(None), _c.next_check_at <= now)
        .order_by(_c.next_check_at)
        .limit(limit)
    )
    return _rows(conn, query)


def touch(article: ArticleRow | Article, *, title: str | None = None) -> None:
    article.last_seen = utcnow()
    if title:
        article.title = title


def listing_by_feed(conn: Conn) -> dict[int, dict[str, int]]:
    """Per feed: how many of its articles are in its feed now, have left it, were taken down."""
    state = sa.case(
        (_c.state == "removed", "removed"),
        (_c.left_feed_at.is_not(None), "left_feed"),
        else_="in_feed",
    )
    rows = conn.execute(sa.select(_c.feed_id, state, sa.func.count()).group_by(_c.feed_id, state))
    out: dict[int, dict[str, int]] = {}
    for feed_id, name, n in rows:
        out.setdefault(int(feed_id), {"in_feed": 0, "left_feed": 0, "removed": 0})[str(name)] = n
    return out


# -- the other commands': ORM objects ---------------------------------------------------------


def get(session: Session, article_id: int) -> Article | None:
    from storage.models import Article

    return session.get(Article, article_id)


def by_url(session: Session, url: str) -> Sequence[Article]:
    """Articles whose canonical URL, guid or key is `url` (a report may sit in several feeds)."""
    from storage.models import Article

    query = sa.select(Article).where(
        sa.or_(Article.url == url, Article.guid == url, Article.key == url)
    )
    return session.scalars(query.order_by(Article.id)).all()


def by_url_prefix(session: Session, prefix: str) -> Sequence[Article]:
    """Articles whose URL starts with `prefix` (to find one from its masked, printed URL)."""
    from storage.models import Article

    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = sa.select(Article).where(Article.url.like(escaped + "%", escape="\\"))
    return session.scalars(query.order_by(Article.id)).all()


def get_or_create(
    session: Session, feed_id: int, key: str, *, guid: str | None, url: str | None, title: str
) -> Article:
    from storage.models import Article

    article = session.scalars(
        sa.select(Article).where(Article.feed_id == feed_id, Article.key == key)
    ).first()
    if article is None:
        article = Article(feed_id=feed_id, key=key, guid=guid, url=url, title=title)
        session.add(article)
        session.flush()
    return article
