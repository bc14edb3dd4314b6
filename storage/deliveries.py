"""The alert outbox: pending deliveries, claimed by one worker at a time, retried until sent.

A row moves pending -> sent, or pending -> failed (a permanent error, or older than the
maximum age). Claiming sets `claimed_by` and `claimed_until`, so a worker that dies mid-send
releases its rows when the claim lapses (or at once, when `release_claims` is told the worker
is gone) and another worker, or the next run, sends them: at least once. The marks only touch
rows still pending, so a late worker whose claim lapsed cannot undo another's "sent".

Input: a Core connection (`wirediff fetch`'s: issue 10, round 23) or an ORM session, in the
caller's transaction. Output: outbox rows (Core rows, attributes named as the columns), counts;
`pending` and `undelivered` (the CLI's) return Delivery objects.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

import sqlalchemy as sa

from alerts.event import ChangeEvent, decode
from storage import tables
from storage.tables import deliveries as table
from storage.tables import dialect_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from storage.models import Delivery
    from storage.tables import Conn

_c = table.c

CLAIM_SPAN = timedelta(minutes=5)
MAX_ERROR = 2000


def _claimable(now: datetime, worker: str | None = None) -> sa.ColumnElement[bool]:
    """Unclaimed, claim lapsed, or (when `worker` is given) claimed by that worker."""
    free = sa.or_(_c.claimed_until.is_(None), _c.claimed_until < now)
    return sa.or_(free, _c.claimed_by == worker) if worker else free


def claim_due(
    conn: Conn,
    now: datetime,
    worker: str,
    *,
    channels: Sequence[str],
    limit: int = 100,
    claim_span: timedelta = CLAIM_SPAN,
    exclude: Collection[int] = (),
) -> list[sa.Row[Any]]:
    """Claim pending rows of `channels` whose time has come and whose claim has lapsed; returns
    them as claimed.

    Oldest due first (next_attempt_at, then id), so rows left over from earlier passes go
    before new ones. On PostgreSQL rows locked by another worker's claim are skipped.
    """
    if not channels:
        return []
    order = (_c.next_attempt_at, _c.id)
    query = (
        sa.select(_c.id)
        .where(
            _c.state == "pending",
            _c.channel.in_(list(channels)),
            _c.next_attempt_at <= now,
            _claimable(now),
        )
        .order_by(*order)
        .limit(limit)
    )
    if exclude:
        query = query.where(_c.id.not_in(list(exclude)))
    if dialect_of(conn).name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    ids = list(conn.execute(query).scalars())
    if not ids:
        return []
    claim = sa.update(table).where(_c.id.in_(ids))
    conn.execute(claim.values(claimed_by=worker, claimed_until=now + claim_span))
    return list(conn.execute(sa.select(table).where(_c.id.in_(ids)).order_by(*order)))


def event_of(conn: Conn, change_id: str) -> ChangeEvent:
    """The change event a delivery sends, checked against its type (alerts/event.py)."""
    changes = tables.changes.c
    event = conn.execute(sa.select(changes.event).where(changes.id == change_id)).scalar()
    if event is None:
        raise KeyError(change_id)
    return decode(event)


def _mark(conn: Conn, delivery_id: int, **values: Any) -> None:
    """Set `values` on the row, and count an attempt, if it is still pending."""
    update = sa.update(table).where(_c.id == delivery_id, _c.state == "pending")
    conn.execute(update.values(attempts=_c.attempts + 1, claimed_until=None, **values))


def mark_sent(conn: Conn, delivery_id: int, now: datetime) -> None:
    _mark(conn, delivery_id, state="sent", sent_at=now, last_error=None)


def mark_retry(conn: Conn, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
    _mark(conn, delivery_id, last_error=error[:MAX_ERROR], next_attempt_at=next_attempt_at)


def mark_failed(conn: Conn, delivery_id: int, error: str) -> None:
    _mark(conn, delivery_id, state="failed", last_error=error[:MAX_ERROR])


def release(conn: Conn, delivery_ids: Collection[int], worker: str) -> None:
    """Give back claims `worker` holds on rows it did not attempt."""
    if not delivery_ids:
        return
    conn.execute(
        sa.update(table)
        .where(_c.id.in_(list(delivery_ids)), _c.claimed_by == worker)
        .values(claimed_until=None)
    )


def live_claimers(conn: Conn, now: datetime) -> list[str]:
    """Workers holding an unlapsed claim on a pending row."""
    query = (
        sa.select(_c.claimed_by)
        .where(_c.state == "pending", _c.claimed_by.is_not(None), _c.claimed_until >= now)
        .distinct()
    )
    return [w for w in conn.execute(query).scalars() if w]


def _count(result: sa.Result[Any]) -> int:
    return int(cast(sa.CursorResult[Any], result).rowcount or 0)


def release_claims(conn: Conn, workers: Collection[str]) -> int:
    """Release every claim of `workers` (known to be gone) on pending rows; returns the count."""
    if not workers:
        return 0
    result = conn.execute(
        sa.update(table)
        .where(_c.state == "pending", _c.claimed_by.in_(list(workers)))
        .values(claimed_until=None)
    )
    return _count(result)


def expire_channel(
    conn: Conn, channel: str, now: datetime, cutoff: datetime, worker: str, reason: str
) -> int:
    """Mark failed the due pending rows of `channel` created before `cutoff` (too old to retry)."""
    result = conn.execute(
        sa.update(table)
        .where(
            _c.state == "pending",
            _c.channel == channel,
            _c.next_attempt_at <= now,
            _c.created_at <= cutoff,
            _claimable(now, worker),
        )
        .values(
            state="failed",
            attempts=_c.attempts + 1,
            last_error=reason[:MAX_ERROR],
            claimed_until=None,
        )
    )
    return _count(result)


def defer_channel(
    conn: Conn, channel: str, now: datetime, until: datetime, worker: str, reason: str
) -> int:
    """Push every pending row of `channel` due before `until` to `until`.

    Used when the channel itself is failing: one retry time governs the whole channel instead
    of every row hammering a receiver that is down, and rows keep their order (by id) for when
    it is back. Attempts are not counted for rows that were not attempted.
    """
    result = conn.execute(
        sa.update(table)
        .where(
            _c.state == "pending",
            _c.channel == channel,
            _c.next_attempt_at < until,
            _claimable(now, worker),
        )
        .values(
            next_attempt_at=until,
            claimed_until=None,
            last_error=sa.func.coalesce(_c.last_error, reason[:MAX_ERROR]),
        )
    )
    return _count(result)


def pending(session: Session) -> Sequence[Delivery]:
    from storage.models import Delivery

    query = sa.select(Delivery).where(Delivery.state == "pending")
    return session.scalars(query.order_by(Delivery.next_attempt_at, Delivery.id)).all()


def count_pending(conn: Conn) -> int:
    query = sa.select(sa.func.count()).select_from(table).where(_c.state == "pending")
    return int(conn.execute(query).scalar() or 0)


def undelivered(session: Session) -> Sequence[Delivery]:
    """Pending and failed rows: what `wirediff alerts pending` lists."""
    from storage.models import Delivery

    query = sa.select(Delivery).where(Delivery.state != "sent")
    return session.scalars(query.order_by(Delivery.next_attempt_at, Delivery.id)).all()


def created_at(conn: Conn, delivery_id: int) -> datetime | None:
    found: datetime | None = conn.execute(
        sa.select(_c.created_at).where(_c.id == delivery_id)
    ).scalar()
    return found


def oldest_pending(conn: Conn, channel: str) -> datetime | None:
    query = (
        sa.select(_c.created_at)
        .where(_c.state == "pending", _c.channel == channel)
        .order_by(_c.created_at)
        .limit(1)
    )
    found: datetime | None = conn.execute(query).scalar()
    return found


def count_by_state(conn: Conn) -> dict[str, int]:
    """How many rows of the outbox are in each state (pending, sent, failed)."""
    query = sa.select(_c.state, sa.func.count()).group_by(_c.state)
    return {str(state): int(n) for state, n in conn.execute(query).all()}
