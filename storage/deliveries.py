"""The alert outbox: pending deliveries, claimed by one worker at a time, retried until sent.

A row moves pending -> sent, or pending -> failed (a permanent error, or older than the
maximum age). Claiming sets `claimed_until`, so a worker that dies mid-send releases its rows
when the claim lapses and another worker (or the next run) sends them: at least once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import Change, Delivery

CLAIM_SPAN = timedelta(minutes=5)


def claim_due(
    session: Session,
    now: datetime,
    worker: str,
    *,
    channels: Sequence[str],
    limit: int = 100,
    claim_span: timedelta = CLAIM_SPAN,
) -> Sequence[Delivery]:
    """Claim pending rows of `channels` whose time has come and whose claim has lapsed."""
    query = (
        sa.select(Delivery)
        .where(
            Delivery.state == "pending",
            Delivery.channel.in_(list(channels)),
            Delivery.next_attempt_at <= now,
            sa.or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now),
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = session.scalars(query).all()
    for row in rows:
        row.claimed_by = worker
        row.claimed_until = now + claim_span
    session.flush()
    return rows


def event_json(session: Session, change_id: str) -> str:
    change = session.get(Change, change_id)
    if change is None:
        raise KeyError(change_id)
    return change.event


def mark_sent(session: Session, delivery_id: int, now: datetime) -> None:
    row = session.get(Delivery, delivery_id)
    if row is None:
        return
    row.state = "sent"
    row.sent_at = now
    row.attempts += 1
    row.last_error = None
    row.claimed_until = None


def mark_retry(session: Session, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
    row = session.get(Delivery, delivery_id)
    if row is None:
        return
    row.attempts += 1
    row.last_error = error[:2000]
    row.next_attempt_at = next_attempt_at
    row.claimed_until = None


def mark_failed(session: Session, delivery_id: int, error: str) -> None:
    row = session.get(Delivery, delivery_id)
    if row is None:
        return
    row.attempts += 1
    row.state = "failed"
    row.last_error = error[:2000]
    row.claimed_until = None


def pending(session: Session) -> Sequence[Delivery]:
    query = sa.select(Delivery).where(Delivery.state == "pending")
    return session.scalars(query.order_by(Delivery.next_attempt_at, Delivery.id)).all()


def undelivered(session: Session) -> Sequence[Delivery]:
    """Pending and failed rows: what `wirediff alerts pending` lists."""
    query = sa.select(Delivery).where(Delivery.state != "sent")
    return session.scalars(query.order_by(Delivery.next_attempt_at, Delivery.id)).all()


def created_at(session: Session, delivery_id: int) -> datetime | None:
    row = session.get(Delivery, delivery_id)
    return row.created_at if row else None


def oldest_pending(session: Session, channel: str) -> datetime | None:
    query = (
        sa.select(Delivery.created_at)
        .where(Delivery.state == "pending", Delivery.channel == channel)
        .order_by(Delivery.created_at)
        .limit(1)
    )
    return session.scalars(query).first()
