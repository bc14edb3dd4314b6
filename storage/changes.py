"""The changes aggregate: change events, each stored with its alert outbox rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from alerts.event import ChangeEvent, decode
from storage import tables
from storage.tables import dialect_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.models import Change, Delivery
    from storage.tables import Conn


def save_with_outbox(
    conn: Conn,
    *,
    article_id: int,
    feed_id: int,
    event: ChangeEvent,
    channels: Iterable[str],
) -> bool:
    """Store a change event and one pending delivery per channel, in the caller's transaction.

    The change is persisted before any alert is attempted (the outbox pattern); delivery
    reads the outbox later. Returns False when this change was already stored (same id).

    One INSERT that does nothing when the id is stored, and one over the deliveries: not the
    change looked up and both written as ORM objects, two flushes of the session (issue 10,
    round 22). Neither is loaded into a session: Core statements, through the fetch path's
    connection or a session.
    """
    row = {
        "id": event["id"],
        "article_id": article_id,
        "feed_id": feed_id,
        "kind": event["kind"],
        "from_version": event["from_version"],
        "to_version": event["to_version"],
        "detected_at": datetime.fromisoformat(event["detected_at"]),
        "similarity": float(event["similarity"]),
        "summary": event["summary"],
        "event": json.dumps(event, ensure_ascii=False, sort_keys=False),
    }
    changes = tables.changes
    dialect = dialect_of(conn)
    statement = _insert_change(dialect.name, bool(dialect.insert_returning))
    if dialect.insert_returning:  # PostgreSQL, SQLite 3.35+: the id back when it was inserted
        if conn.execute(statement, row).first() is None:
            return False
    else:
        if conn.execute(sa.select(changes.c.id).where(changes.c.id == row["id"])).first():
            return False
        conn.execute(statement, row)
    rows = [{"change_id": event["id"], "channel": channel} for channel in channels]
    if rows:
        conn.execute(_INSERT_DELIVERIES, rows)
    return True


@lru_cache(maxsize=4)
def _insert_change(dialect: str, returning: bool) -> Any:
    """`save_with_outbox`'s INSERT for this dialect (with the id returned), built once
    (storage/feeds.py says why)."""
    statement: Any
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(tables.changes)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(tables.changes)
    statement = statement.on_conflict_do_nothing(index_elements=["id"])
    return statement.returning(tables.changes.c.id) if returning else statement


_INSERT_DELIVERIES = sa.insert(tables.deliveries)


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
    from storage.models import Article, Change, Feed

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
    from storage.models import Delivery

    rows = session.scalars(sa.select(Delivery).where(Delivery.change_id.in_(change_ids)))
    out: dict[str, list[Delivery]] = {}
    for row in rows:
        out.setdefault(row.change_id, []).append(row)
    return out
