"""The articles aggregate: one row per report a feed lists, keyed by its identity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import Article, utcnow


def for_feed(session: Session, feed_id: int) -> dict[str, Article]:
    rows = session.scalars(sa.select(Article).where(Article.feed_id == feed_id))
    return {a.key: a for a in rows}


class Seen(NamedTuple):
    """What a pass needs to know of a stored article before fetching its page again."""

    id: int
    item_hash: str | None
    state: str
    page_etag: str | None
    page_last_modified: str | None


def seen_in_feed(session: Session, feed_id: int) -> dict[str, Seen]:
    """key -> `Seen` for the feed's articles: `for_feed`'s, five columns read instead of every
    article loaded as an ORM object (issue 10, round 22)."""
    a = Article
    query = sa.select(a.key, a.id, a.item_hash, a.state, a.page_etag, a.page_last_modified)
    rows = session.execute(query.where(a.feed_id == feed_id))
    return {
        key: Seen(i, item, state, etag, modified) for key, i, item, state, etag, modified in rows
    }


def get_or_create_many(
    session: Session, feed_id: int, entries: Sequence[tuple[str, str | None, str | None, str]]
) -> tuple[dict[str, Article], set[str]]:
    """The feed's articles for `entries` (key, guid, url, title), created where missing: one
    query for those stored, one INSERT over the new ones and one query that reads them back.
    Returns key -> article and the keys of the articles created here.

    Not the ORM's flush, which on SQLite inserts the rows one statement each to read each new
    id back: 6 -> 3 statements for a feed of 5 new reports, 0.45 -> 0.39 ms of CPU an article
    with its transaction (bench/README.md, issue 10 round 12). The rows are inserted in the
    order of `entries`, as the flush did."""
    keys = [key for key, _, _, _ in entries]
    found = _by_key(session, feed_id, keys)
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
    if created:
        # Core's INSERT (with the columns' defaults): the ORM's bulk one cost as much as the flush
        table: Any = Article.__table__
        session.execute(sa.insert(table), list(created.values()))
        found.update(_by_key(session, feed_id, list(created)))
    return found, set(created)


def _by_key(session: Session, feed_id: int, keys: Sequence[str]) -> dict[str, Article]:
    found: dict[str, Article] = {}
    for start in range(0, len(keys), 500):
        query = sa.select(Article).where(
            Article.feed_id == feed_id, Article.key.in_(keys[start : start + 500])
        )
        found.update((a.key, a) for a in session.scalars(query))
    return found


def get(session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


def by_url(session: Session, url: str) -> Sequence[Article]:
    """Articles whose canonical URL, guid or key is `url` (a report may sit in several feeds)."""
    query = sa.select(Article).where(
        sa.or_(Article.url == url, Article.guid == url, Article.key == url)
    )
    return session.scalars(query.order_by(Article.id)).all()


def by_url_prefix(session: Session, prefix: str) -> Sequence[Article]:
    """Articles whose URL starts with `prefix` (to find one from its masked, printed URL)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = sa.select(Article).where(Article.url.like(escaped + "%", escape="\\"))
    return session.scalars(query.order_by(Article.id)).all()


def get_or_create(
    session: Session, feed_id: int, key: str, *, guid: str | None, url: str | None, title: str
) -> Article:
    article = session.scalars(
        sa.select(Article).where(Article.feed_id == feed_id, Article.key == key)
    ).first()
    if article is None:
        article = Article(feed_id=feed_id, key=key, guid=guid, url=url, title=title)
        session.add(article)
        session.flush()
    return article


def due_for_revisit(session: Session, now: datetime, limit: int = 500) -> Sequence[Article]:
    query = (
        sa.select(Article)
        .where(Article.next_check_at.is_not(None), Article.next_check_at <= now)
        .order_by(Article.next_check_at)
        .limit(limit)
    )
    return session.scalars(query).all()


def touch(article: Article, *, title: str | None = None) -> None:
    article.last_seen = utcnow()
    if title:
        article.title = title


def listing_by_feed(session: Session) -> dict[int, dict[str, int]]:
    """Per feed: how many of its articles are in its feed now, have left it, were taken down."""
    state = sa.case(
        (Article.state == "removed", "removed"),
        (Article.left_feed_at.is_not(None), "left_feed"),
        else_="in_feed",
    )
    rows = session.execute(
        sa.select(Article.feed_id, state, sa.func.count()).group_by(Article.feed_id, state)
    )
    out: dict[int, dict[str, int]] = {}
    for feed_id, name, n in rows:
        out.setdefault(int(feed_id), {"in_feed": 0, "left_feed": 0, "removed": 0})[str(name)] = n
    return out
