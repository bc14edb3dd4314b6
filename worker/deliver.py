"""Deliver the alert outbox: claim due rows, send each through its channel, record the outcome.

At least once: a row is marked sent only after the channel accepted it; a crash between the
send and the mark means one more send on the next run, which receivers drop by change id
(Idempotency-Key, Message-ID). Transient failures are retried with backoff until the maximum
age, permanent ones are marked failed with the reason.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from alerts.backoff import MAX_AGE, expired, next_attempt_delay
from alerts.channels import deliver, deliver_digest
from alerts.config import ChannelConfig
from alerts.errors import DeliveryError
from alerts.message import Alert
from storage import deliveries
from storage.db import Store

logger = logging.getLogger(__name__)

WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    channel: str
    attempts: int
    created_at: datetime
    event: dict[str, object]


def _claim(store: Store, now: datetime, channels: Sequence[str], worker: str) -> list[Claimed]:
    with store.write() as session:
        rows = deliveries.claim_due(session, now, worker, channels=channels)
        return [
            Claimed(
                r.id,
                r.channel,
                r.attempts,
                r.created_at,
                json.loads(deliveries.event_json(session, r.change_id)),
            )
            for r in rows
        ]


def _digest_due(store: Store, channel: ChannelConfig, now: datetime) -> bool:
    """A digest channel sends once its oldest pending alert has waited a whole period."""
    assert channel.digest is not None
    with store.read() as session:
        oldest = deliveries.oldest_pending(session, channel.name)
    return oldest is not None and now - oldest >= timedelta(seconds=channel.digest)


async def deliver_due(
    store: Store,
    channels: Sequence[ChannelConfig],
    *,
    clock: Callable[[], datetime] = utcnow,
    max_age: timedelta = MAX_AGE,
    worker: str = WORKER_ID,
) -> tuple[int, int]:
    """Attempt every pending alert that is due. Returns (sent now, still pending)."""
    now = clock()
    ready = [
        c
        for c in channels
        if c.digest is None or await asyncio.to_thread(_digest_due, store, c, now)
    ]
    claimed = await asyncio.to_thread(_claim, store, now, [c.name for c in ready], worker)
    sent = 0
    for channel in ready:
        rows = [r for r in claimed if r.channel == channel.name]
        if rows:
            sent += await _send_rows(store, channel, rows, clock, max_age)
    pending = await asyncio.to_thread(_count_pending, store)
    return sent, pending


async def _send_rows(
    store: Store,
    channel: ChannelConfig,
    rows: list[Claimed],
    clock: Callable[[], datetime],
    max_age: timedelta,
) -> int:
    if channel.digest is not None:
        alerts = [Alert.from_event(r.event) for r in rows]
        error = await _attempt(lambda: deliver_digest(channel, alerts))
        await asyncio.to_thread(_record, store, rows, error, clock(), max_age)
        return len(rows) if error is None else 0
    sent = 0
    for row in rows:
        alert = Alert.from_event(row.event)
        error = await _attempt(lambda alert=alert: deliver(channel, alert))  # type: ignore[misc]
        await asyncio.to_thread(_record, store, [row], error, clock(), max_age)
        sent += error is None
    return sent


async def _attempt(send: Callable[[], object]) -> DeliveryError | None:
    try:
        await send()  # type: ignore[misc]
    except DeliveryError as err:
        return err
    return None


def _record(
    store: Store,
    rows: list[Claimed],
    error: DeliveryError | None,
    now: datetime,
    max_age: timedelta,
) -> None:
    with store.write() as session:
        for row in rows:
            if error is None:
                deliveries.mark_sent(session, row.id, now)
            elif error.permanent:
                deliveries.mark_failed(session, row.id, str(error))
            elif expired(row.created_at, now, max_age):
                deliveries.mark_failed(session, row.id, f"gave up after {max_age}: {error}")
            else:
                delay = next_attempt_delay(row.attempts + 1, retry_after=error.retry_after)
                deliveries.mark_retry(session, row.id, str(error), now + timedelta(seconds=delay))
    for row in rows:
        if error is not None:
            logger.warning(
                "alert failed channel=%s change=%s error=%s",
                row.channel,
                row.event.get("id"),
                error,
            )


def _count_pending(store: Store) -> int:
    with store.read() as session:
        return len(deliveries.pending(session))
