"""The alert outbox: pending deliveries, claimed by one worker at a time, retried until sent.

A row moves pending -> sent, or pending -> failed (a permanent error, or older than the
maximum age). Claiming sets `claimed_by` and `claimed_until`, so a worker that dies mid-send
releases its rows when the claim lapses (or at once, when `release_claims` is told the worker
is gone) and another worker, or the next run, sends them: at least once. The marks only touch
rows still pending, so a late worker whose claim lapsed cannot undo another's "sent".

Input: a SQLAlchemy session in the caller's transaction. Output: Delivery rows, counts.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from alerts.event import ChangeEvent, decode
from storage.models import Change, Delivery

CLAIM_SPAN = timedelta(minutes=5)
MAX_ERROR = 2000


def _claimable(now: datetime, worker: str | None = None) -> sa.ColumnElement[bool]:
    """Unclaimed, claim lapsed, or (when `worker` is given) claimed by that worker."""
    free = sa.or_(Delivery.claimed_until.is_(None), Delivery.claimed_until < now)
    return sa.or_(free, Delivery.claimed_by == worker) if worker else free


def claim_due(
    session: Session,
    now: datetime,
    worker: str,
    *,
    channels: Sequence[str],
    limit: int = 100,
    claim_span: timedelta = CLAIM_SPAN,
    exclude: Collection[int] = (),
) -> Sequence[Delivery]:
    """Claim pending rows of `channels` whose time has come and whose claim has lapsed.

    Oldest due first (next_attempt_at, then id), so rows left over from earlier passes go
    before new ones. On PostgreSQL rows locked by another worker's claim are skipped.
    """
    if not channels:
        return []
    query = (
        sa.select(Delivery)
        .where(
            Delivery.state == "pending",
            Delivery.channel.in_(list(channels)),
            Delivery.next_attempt_at <= now,
            _claimable(now),
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
    )
    if exclude:
        query = query.where(Delivery.id.not_in(list(exclude)))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = session.scalars(query).all()
    for row in rows:
        row.claimed_by = worker
        row.claimed_until = now + claim_span
    session.flush()
    return rows


def event_of(session: Session, change_id: str) -> ChangeEvent:
    """The change event a delivery sends, checked against its type (alerts/event.py)."""
    change = session.get(Change, change_id)
    if change is None:
        raise KeyError(change_id)
    return decode(change.event)


def _pending_row(session: Session, delivery_id: int) -> Delivery | None:
    row = session.get(Delivery, delivery_id)
    return row if row is not None and row.state == "pending" else None


def mark_sent(session: Session, delivery_id: int, now: datetime) -> None:
    row = _pending_row(session, delivery_id)
    if row is None:
        return
    row.state = "sent"
    row.sent_at = now
    row.attempts += 1
    row.last_error = None
    row.claimed_until = None


def mark_retry(session: Session, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
    row = _pending_row(session, delivery_id)
    if row is None:
        return
    row.attempts += 1
    row.last_error = error[:MAX_ERROR]
    row.next_attempt_at = next_attempt_at
    row.claimed_until = None


def mark_failed(session: Session, delivery_id: int, error: str) -> None:
    row = _pending_row(session, delivery_id)
    if row is None:
        return
    row.attempts += 1
    row.state = "failed"
    row.last_error = error[:MAX_ERROR]
    row.claimed_until = None


def release(session: Session, delivery_ids: Collection[int], worker: str) -> None:
    """Give back claims `worker` holds on rows it did not attempt."""
    if not delivery_ids:
        return
    session.execute(
        sa.update(Delivery)
        .where(Delivery.id.in_(list(delivery_ids)), Delivery.claimed_by == worker)
        .values(claimed_until=None)
    )


def live_claimers(session: Session, now: datetime) -> list[str]:
    """Workers holding an unlapsed claim on a pending row."""
    query = (
        sa.select(Delivery.claimed_by)
        .where(
            Delivery.state == "pending",
            Delivery.claimed_by.is_not(None),
            Delivery.claimed_until >= now,
        )
        .distinct()
    )
    return [w for w in session.scalars(query) if w]


def release_claims(session: Session, workers: Collection[str]) -> int:
    """Release every claim of `workers` (known to be gone) on pending rows; returns the count."""
    if not workers:
        return 0
    result = session.execute(
        sa.update(Delivery)
        .where(Delivery.state == "pending", Delivery.claimed_by.in_(list(workers)))
        .values(claimed_until=None)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def expire_channel(
    session: Session, channel: str, now: datetime, cutoff: datetime, worker: str, reason: str
) -> int:
    """Mark failed the due pending rows of `channel` created before `cutoff` (too old to retry)."""
    result = session.execute(
        sa.update(Delivery)
        .where(
            Delivery.state == "pending",
            Delivery.channel == channel,
            Delivery.next_attempt_at <= now,
            Delivery.created_at <= cutoff,
            _claimable(now, worker),
        )
        .values(
            state="failed",
            attempts=Delivery.attempts + 1,
            last_error=reason[:MAX_ERROR],
            claimed_until=None,
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def defer_channel(
    session: Session, channel: str, now: datetime, until: datetime, worker: str, reason: str
) -> int:
    """Push every pending row of `channel` due before `until` to `until`.

    Used when the channel itself is failing: one retry time governs the whole channel instead
    of every row hammering a receiver that is down, and rows keep their order (by id) for when
    it is back. Attempts are not counted for rows that were not attempted.
    """
    result = session.execute(
        sa.update(Delivery)
        .where(
            Delivery.state == "pending",
            Delivery.channel == channel,
            Delivery.next_attempt_at < until,
            _claimable(now, worker),
        )
        .values(
            next_attempt_at=until,
            claimed_until=None,
            last_error=sa.func.coalesce(Delivery.last_error, reason[:MAX_ERROR]),
        )
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def pending(session: Session) -> Sequence[Delivery]:
    query = sa.select(Delivery).where(Delivery.state == "pending")
    return session.scalars(query.order_by(Delivery.next_attempt_at, Delivery.id)).all()


def count_pending(session: Session) -> int:
    query = sa.select(sa.func.count()).select_from(Delivery).where(Delivery.state == "pending")
    return int(session.scalar(query) or 0)


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


def count_by_state(session: Session) -> dict[str, int]:
    """How many rows of the outbox are in each state (pending, sent, failed)."""
    query = sa.select(Delivery.state, sa.func.count()).group_by(Delivery.state)
    return {str(state): int(n) for state, n in session.execute(query).all()}
