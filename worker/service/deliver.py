"""Deliver the alert outbox: claim due rows, send each through its channel, record the outcome.

Input: the store, the configured channels, a clock and a retry policy. Output: rows marked
sent, rescheduled or failed, and (sent now, still pending) counts.

At least once: a row is marked sent only after the channel accepted it; a crash between the
send and the mark means one more send on the next run, which receivers drop by change id
(Idempotency-Key, Message-ID). Transient failures are retried with backoff until the maximum
age, permanent ones are marked failed with the reason. Claims of a local worker process that
no longer exists (killed mid-send) are released at once, others when they lapse.

When a channel fails transiently twice in a row, the rest of its due rows are deferred to the
same retry time without being attempted: a receiver that is down gets one backoff for the
channel, not one request per row, and a pass never waits for more than two timeouts per channel.
Channels are delivered concurrently.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from alerts.backoff import RetryPolicy, expired, next_attempt_delay
from alerts.config import ChannelConfig, EmailChannelConfig, WebhookChannelConfig
from alerts.durations import format_duration
from alerts.errors import DeliveryError
from alerts.event import ChangeEvent
from alerts.message import Alert
from storage import deliveries
from storage.db import Store
from storage.values import utcnow

logger = logging.getLogger(__name__)

HOST = socket.gethostname()
STRIKES = 2  # consecutive transient failures after which a channel waits for its next retry
MAX_BATCHES = 1000  # bound on claim rounds per channel and call (100k rows at most)


def worker_id() -> str:
    """This process as a claimer: host and pid, so a dead local claimer can be recognised."""
    return f"{HOST}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    channel: str
    attempts: int
    created_at: datetime
    event: ChangeEvent


@dataclass(slots=True)
class _Run:
    """One deliver_due call: shared inputs of every channel's loop."""

    store: Store
    now: datetime
    clock: Callable[[], datetime]
    policy: RetryPolicy
    worker: str


async def deliver_due(
    store: Store,
    channels: Sequence[ChannelConfig],
    *,
    clock: Callable[[], datetime] = utcnow,
    max_age: timedelta | None = None,
    worker: str | None = None,
    policy: RetryPolicy | None = None,
) -> tuple[int, int]:
    """Attempt every pending alert that is due. Returns (sent now, still pending).

    `policy` defaults to the SPEC timing (the settings' [alerts_retry] and WIREDIFF_ALERT_*
    variables give the configured one); `max_age`, when given, overrides its maximum age. Rows of channels
    not in `channels` (no longer configured) are left pending and listed.
    """
    policy = policy or RetryPolicy()
    if max_age is not None:
        policy = RetryPolicy(policy.first, policy.cap, max_age)
    run = _Run(store, clock(), clock, policy, worker or worker_id())
    await asyncio.to_thread(_release_dead_claims, store, run.now, run.worker)
    ready = [
        c
        for c in channels
        if c.digest is None or await asyncio.to_thread(_digest_due, store, c, run.now)
    ]
    sent = sum(await asyncio.gather(*(_deliver_channel(run, c) for c in ready)))
    pending = await asyncio.to_thread(_count_pending, store)
    return sent, pending


def _process_gone(claimer: str, me: str) -> bool:
    """True when `claimer` is a process of this host that no longer exists."""
    host, _, pid_text = claimer.rpartition(":")
    if host != HOST or claimer == me or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:  # PermissionError: alive, another user's
        return False
    return False


def _release_dead_claims(store: Store, now: datetime, me: str) -> None:
    with store.begin() as conn:
        gone = [w for w in deliveries.live_claimers(conn, now) if _process_gone(w, me)]
        released = deliveries.release_claims(conn, gone)
    if released:
        logger.warning("released %d alert claims of exited workers %s", released, gone)


def _digest_due(store: Store, channel: ChannelConfig, now: datetime) -> bool:
    """A digest channel sends once its oldest pending alert has waited a whole period."""
    assert channel.digest is not None
    with store.connect() as conn:
        oldest = deliveries.oldest_pending(conn, channel.name)
    return oldest is not None and now - oldest >= timedelta(seconds=channel.digest)


def _send_bound(channel: ChannelConfig) -> float:
    """The longest one send can take (the channels' own outer timeouts), in seconds."""
    if isinstance(channel, EmailChannelConfig):
        return channel.timeout * 4
    if isinstance(channel, WebhookChannelConfig):
        return channel.timeout * 2
    return 60.0  # Apprise has no overall timeout of its own; a generous guess


def _batch_size(channel: ChannelConfig) -> int:
    """Rows per claim, so that a batch sent at the slowest still finishes inside its claim."""
    if channel.digest is not None:
        return 100
    span = deliveries.CLAIM_SPAN.total_seconds()
    return max(1, min(50, int(span // _send_bound(channel))))


def _claim_span(channel: ChannelConfig, batch: int) -> timedelta:
    need = timedelta(seconds=_send_bound(channel) * (1 if channel.digest else batch) + 30)
    return max(deliveries.CLAIM_SPAN, need)


async def _deliver_channel(run: _Run, channel: ChannelConfig) -> int:
    """Send every due row of one channel, batch by batch; returns how many were sent."""
    # The channels (SMTP, webhook, apprise) are imported only when a row is due: most passes
    # have none to send, and the import is ~0.1 s.
    from alerts.channels import deliver, deliver_digest

    batch = _batch_size(channel)
    span = _claim_span(channel, batch)
    attempted: set[int] = set()
    sent, strikes = 0, 0
    latest: datetime | None = None  # the latest retry time given this round
    for _ in range(MAX_BATCHES):
        rows = await asyncio.to_thread(_claim, run, channel.name, batch, span, attempted)
        if not rows:
            break
        attempted.update(r.id for r in rows)
        if channel.digest is not None:
            alerts = [Alert.from_event(r.event) for r in rows]
            error = await _attempt(channel, deliver_digest(channel, alerts))
            until = await asyncio.to_thread(_record, run, rows, error)
            if error is None:
                sent += len(rows)
                continue
            if not error.permanent:
                await asyncio.to_thread(_defer, run, channel, until, error)
                break
            continue
        left = list(rows)
        try:
            while left:
                row = left.pop(0)
                alert = Alert.from_event(row.event)
                error = await _attempt(channel, deliver(channel, alert))
                until = await asyncio.to_thread(_record, run, [row], error)
                if until is not None:
                    latest = until if latest is None else max(latest, until)
                if error is None:
                    sent, strikes = sent + 1, 0
                elif not error.permanent:
                    strikes += 1
                    if strikes >= STRIKES:
                        await asyncio.to_thread(_defer, run, channel, latest, error)
                        return sent
        finally:
            if left:  # cancelled or crashed mid-batch: give the unattempted rows back now
                ids = [r.id for r in left]
                await asyncio.to_thread(_release, run, ids)
    return sent


def _claim(
    run: _Run, channel: str, limit: int, span: timedelta, exclude: set[int]
) -> list[Claimed]:
    with run.store.begin() as conn:
        rows = deliveries.claim_due(
            conn,
            run.now,
            run.worker,
            channels=[channel],
            limit=limit,
            claim_span=span,
            exclude=exclude,
        )
        return [
            Claimed(
                r.id,
                r.channel,
                r.attempts,
                r.created_at,
                deliveries.event_of(conn, r.change_id),
            )
            for r in rows
        ]


async def _attempt(channel: ChannelConfig, send: Awaitable[None]) -> DeliveryError | None:
    try:
        await send
    except DeliveryError as err:
        return err
    except Exception as exc:  # a bug must not lose the alert: retried, then failed at max age
        logger.exception("alert send crashed channel=%s", channel.name)
        return DeliveryError(channel.name, f"unexpected error: {type(exc).__name__}: {exc}")
    return None


def _record(run: _Run, rows: list[Claimed], error: DeliveryError | None) -> datetime | None:
    """Mark the outcome of one attempt on `rows`; returns the retry time given, if any."""
    now = run.clock()
    until: datetime | None = None
    with run.store.begin() as conn:
        for row in rows:
            if error is None:
                deliveries.mark_sent(conn, row.id, now)
            elif error.permanent:
                deliveries.mark_failed(conn, row.id, str(error))
            elif expired(row.created_at, now, run.policy.max_age):
                age = format_duration(run.policy.max_age.total_seconds())
                deliveries.mark_failed(conn, row.id, f"gave up after {age}: {error}")
            else:
                delay = next_attempt_delay(
                    row.attempts + 1,
                    retry_after=error.retry_after,
                    first=run.policy.first,
                    cap=run.policy.cap,
                )
                when = now + timedelta(seconds=delay)
                until = when if until is None else max(until, when)
                deliveries.mark_retry(conn, row.id, str(error), when)
    if error is not None:
        for row in rows:
            logger.warning(
                "alert failed channel=%s change=%s error=%s",
                row.channel,
                row.event.get("id"),
                error,
            )
    return until


def _defer(run: _Run, channel: ChannelConfig, until: datetime | None, error: DeliveryError) -> None:
    """The channel is failing: expire its too-old due rows, push the rest to `until`."""
    now = run.clock()
    age = format_duration(run.policy.max_age.total_seconds())
    with run.store.begin() as conn:
        deliveries.expire_channel(
            conn,
            channel.name,
            run.now,
            now - run.policy.max_age,
            run.worker,
            f"gave up after {age}: {error}",
        )
        if until is not None:
            deferred = deliveries.defer_channel(
                conn, channel.name, run.now, until, run.worker, f"waiting: {error}"
            )
            if deferred:
                logger.warning(
                    "channel %s failing: %d more alerts wait until %s",
                    channel.name,
                    deferred,
                    until.isoformat(),
                )


def _release(run: _Run, ids: list[int]) -> None:
    with run.store.begin() as conn:
        deliveries.release(conn, ids, run.worker)


def _count_pending(store: Store) -> int:
    with store.connect() as conn:
        return deliveries.count_pending(conn)
