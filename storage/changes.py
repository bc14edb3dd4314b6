"""The changes aggregate: change events, each stored with its alert outbox rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alerts.event import ChangeEvent, decode
from storage.models import Article, Change, Delivery, Feed


def save_with_outbox(
    session: Session,
    *,
    article_id: int,
    feed_id: int,
    event: ChangeEvent,
    channels: Iterable[str],
) -> bool:
    """Store a change event and one pending delivery per channel, in the caller's transaction.

    The change is persisted before any alert is attempted (the outbox pattern); delivery
    reads the outbox later. Returns False when this change was already stored (same id).
    """
    if session.get(Change, event["id"]) is not None:
        return False
    session.add(
        Change(
            id=event["id"],
            article_id=article_id,
            feed_id=feed_id,
            kind=event["kind"],
            from_version=event["from_version"],
            to_version=event["to_version"],
            detected_at=datetime.fromisoformat(event["detected_at"]),
            similarity=float(event["similarity"]),
            summary=event["summary"],
            event=json.dumps(event, ensure_ascii=False, sort_keys=False),
        )
    )
    session.flush()
    for channel in channels:
        session.add(Delivery(change_id=event["id"], channel=channel))
    session.flush()
    return True


def event_of(change: Change) -> ChangeEvent:
    """The stored event, checked against its type (alerts/event.py)."""
    return decode(change.event)


def query(
    session: Session,
    *,
    since: datetime | None = None,
    feed_url: str | None = None,
    kind: str | None = None,
    article_url: str | None = None,
    limit: int | None = None,
) -> Sequence[Change]:
    stmt = sa.select(Change).order_by(Change.detected_at, Change.id)
    if since is not None:
        stmt = stmt.where(Change.detected_at >= since)
    if kind is not None:
        stmt = stmt.where(Change.kind == kind)
    if feed_url is not None:
        stmt = stmt.join(Feed, Feed.id == Change.feed_id).where(Feed.url == feed_url)
    if article_url is not None:
        stmt = stmt.join(Article, Article.id == Change.article_id).where(Article.url == article_url)
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.scalars(stmt).all()


def delivery_states(session: Session, change_ids: Sequence[str]) -> dict[str, list[Delivery]]:
    if not change_ids:
        return {}
    rows = session.scalars(sa.select(Delivery).where(Delivery.change_id.in_(change_ids)))
    out: dict[str, list[Delivery]] = {}
    for row in rows:
        out.setdefault(row.change_id, []).append(row)
    return out
