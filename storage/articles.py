"""The articles aggregate: one row per report a feed lists, keyed by its identity."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import Article, utcnow


def for_feed(session: Session, feed_id: int) -> dict[str, Article]:
    rows = session.scalars(sa.select(Article).where(Article.feed_id == feed_id))
    return {a.key: a for a in rows}


def get_or_create_many(
    session: Session, feed_id: int, entries: Sequence[tuple[str, str | None, str | None, str]]
) -> tuple[dict[str, Article], set[str]]:
    """The feed's articles for `entries` (key, guid, url, title), created where missing: one
    query for those stored and one flush for the new ones. Returns key -> article and the keys
    of the articles created here."""
    keys = [key for key, _, _, _ in entries]
    found: dict[str, Article] = {}
    for start in range(0, len(keys), 500):
        query = sa.select(Article).where(
            Article.feed_id == feed_id, Article.key.in_(keys[start : start + 500])
        )
        found.update((a.key, a) for a in session.scalars(query))
    created: set[str] = set()
    for key, guid, url, title in entries:
        if key not in found:
            found[key] = Article(feed_id=feed_id, key=key, guid=guid, url=url, title=title)
            session.add(found[key])
            created.add(key)
    if created:
        session.flush()
    return found, created


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
