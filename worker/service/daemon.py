"""`wirediff run`: the long-running daemon.

Input: a Runtime (settings, store, roster, alert channels). Output: none; it runs until SIGTERM
or SIGINT, writing versions, changes and alert outcomes to the store, metrics to /metrics and
logs to stderr.

APScheduler (3.x, asyncio scheduler, in-memory job store) drives four jobs; the database is the
source of truth, so nothing has to be pickled or shared between processes:

- refresh: every tick, take the feeds whose next_fetch_at has come and refresh each (bounded
  concurrency; per-host limits live in the fetcher). Feeds added or removed with `wirediff feeds`
  are picked up on the next tick, without a restart. A feed is never launched twice at once nor
  sooner than its configured interval after its last launch.
- revisit: re-check articles whose revisit age has come (edits often come after the item left
  the feed).
- deliver: the alert outbox, continuously.
- housekeeping: feeds in error, stale feeds and alert states, for logs and metrics.

Adaptive intervals: each feed's effective interval is its configured one times a factor kept in
memory between [daemon] min_interval_factor and max_interval_factor; it halves after a check
that found new versions and grows by half after a few quiet checks in a row. Feeds configured
under one minute (test farms) keep exactly their interval. The pipeline then waits at least as
long as Cache-Control/Expires and Retry-After ask. A failing feed backs off from its configured
interval (SPEC timing). A restart starts every feed at factor 1.

SIGTERM/SIGINT stop the scheduling, let in-flight work finish within a bound, and exit 0.
Every job catches its own failures (a database that is down, a full disk, one feed's
pathological content): the daemon logs, counts and carries on. Started on a full disk, it
serves /healthz (503) and takes signals while it retries the store with a growing pause, and
starts its jobs once a write succeeds; /healthz is 503 while the disk stays full.
"""

from __future__ import annotations

import asyncio
import logging
import random
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from storage import feeds
from storage.errors import StorageError, StoreDiskFull
from storage.values import utcnow
from worker.evidence.retention import prune_due
from worker.ingest.fetch import Fetcher
from worker.pipeline.context import Context, FeedOutcome, FeedState
from worker.pipeline.refresh import refresh_feed
from worker.pipeline.revisits import revisit_due
from worker.service.app import (
    Runtime,
    deliver_outbox,
    ensure_feeds,
    extractor_for,
    pipeline_context,
)
from worker.service.logs import log_kv
from worker.service.metrics import MetricsServer
from worker.service.outcomes import Outcomes

logger = logging.getLogger(__name__)

ADAPT_FROM = 60  # feeds polled more often than once a minute (test farms) keep their interval
QUIET_CHECKS = 3  # quiet checks in a row before a feed's interval starts to grow
GROWTH = 1.5  # per further quiet check, up to max_interval_factor
STORE_RETRY_CAP = 15.0  # seconds between two tries of a store on a full disk, at most


@dataclass(slots=True)
class Pace:
    """One feed's adaptive state: its interval factor and how many checks found nothing new."""

    factor: float = 1.0
    quiet: int = 0


class Daemon:
    def __init__(self, runtime: Runtime, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.runtime = runtime
        self.options = runtime.settings.daemon
        self.clock = clock
        self.outcomes = Outcomes(logger)
        self.metrics = self.outcomes.metrics
        self.metrics_port: int | None = None
        self.stopping = asyncio.Event()
        self.in_flight: dict[int, asyncio.Task[FeedOutcome]] = {}
        self.started_at = time.monotonic()
        self.last_tick_ok: float | None = None
        self.checks = 0  # feed refreshes finished, for the soak benchmark's CPU per check
        self.pace: dict[int, Pace] = {}
        self._launched: dict[int, float] = {}  # feed id -> monotonic time of its last launch
        self._jobs: set[asyncio.Task[Any]] = set()
        self._ctx: Context | None = None
        self._limit = asyncio.Semaphore(runtime.settings.fetch.concurrency)
        self._jittered = False

    # -- lifecycle ---------------------------------------------------------------------------

    async def run(self, *, once: bool = False) -> None:
        settings = self.runtime.settings
        loop = asyncio.get_running_loop()
        signals = self._handle_signals(loop)
        server = self._start_metrics()
        try:
            if not await self.wait_for_store():
                return  # stopped while waiting for disk space
            async with (
                Fetcher(settings.fetch) as fetcher,
                extractor_for(settings) as extractor,
            ):
                self._ctx = pipeline_context(
                    self.runtime, fetcher, extractor=extractor, clock=self.clock
                )
                try:
                    if once:
                        self._jittered = True  # burst mode takes what is due now, unspread
                        await self.run_once()
                    else:
                        await self._run_scheduled()
                finally:
                    await self._drain()
        finally:
            if server is not None:
                server.stop()
            for sig in signals:
                loop.remove_signal_handler(sig)
        log_kv(logger, logging.INFO, "daemon_stopped", checks=self.checks)

    async def wait_for_store(self) -> bool:
        """Make the store ready (schema, configured feeds); on a full disk, wait and retry.

        Returns False when asked to stop while waiting. Other store errors end the daemon as
        before (exit 1 with one line): a wrong URL or a missing schema is not waited out.
        """
        store = self.runtime.store
        delay = 1.0
        while True:
            try:
                await asyncio.to_thread(store.ensure_schema, auto_upgrade=store.is_sqlite)
                await asyncio.to_thread(ensure_feeds, self.runtime)
                return True
            except StoreDiskFull as err:
                self.outcomes.store_failed("start", err)
                log_kv(logger, logging.WARNING, "waiting_for_disk_space", retry_in=delay)
            try:
                await asyncio.wait_for(self.stopping.wait(), timeout=delay)
                return False
            except TimeoutError:
                delay = min(delay * 2, STORE_RETRY_CAP)

    def _handle_signals(self, loop: asyncio.AbstractEventLoop) -> list[signal.Signals]:
        """SIGTERM/SIGINT -> stop(); only the main thread can take signals (tests embed us)."""
        handled = []
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.stop)
            except (RuntimeError, ValueError):
                continue
            handled.append(sig)
        return handled

    async def run_once(self) -> None:
        """Burst mode: what is due now, then revisits, then the outbox; then return."""
        await self._job("refresh", lambda: self.refresh_due(wait=True))
        await self._job("revisit", self.revisit)
        await self._job("deliver", self.deliver)
        await self._job("housekeeping", self.housekeeping)

    async def _run_scheduled(self) -> None:
        scheduler = AsyncIOScheduler(event_loop=asyncio.get_running_loop(), timezone=UTC)
        opts = self.options
        now = datetime.now(UTC)  # APScheduler runs on the wall clock, whatever self.clock is
        jobs: list[tuple[str, Callable[[], Awaitable[None]], float, datetime | None]] = [
            ("refresh", self.refresh_due, opts.tick, now),
            ("revisit", self.revisit, opts.revisit_every, now + timedelta(seconds=opts.tick)),
            ("deliver", self.deliver, opts.deliver_every, now),
            ("housekeeping", self.housekeeping, opts.housekeeping_every, now),
        ]
        for name, func, every, first in jobs:
            scheduler.add_job(
                self._job,
                "interval",
                args=(name, func),
                seconds=every,
                id=name,
                next_run_time=first,
                max_instances=1,  # a slow tick is never overlapped by the next one
                coalesce=True,
                misfire_grace_time=None,
            )
        scheduler.start()
        log_kv(
            logger,
            logging.INFO,
            "daemon_started",
            store=self.runtime.store.display_url,
            tick=opts.tick,
            metrics=self.runtime.settings.metrics,
        )
        try:
            await self.stopping.wait()
        finally:
            scheduler.shutdown(wait=False)

    def stop(self) -> None:
        if not self.stopping.is_set():
            log_kv(logger, logging.INFO, "daemon_stopping", grace=self.options.shutdown_grace)
        self.stopping.set()

    async def _drain(self) -> None:
        """Let in-flight refreshes and jobs finish within shutdown_grace; cancel the rest."""
        current = asyncio.current_task()
        tasks = [t for t in (*self.in_flight.values(), *self._jobs) if t is not current]
        pending: set[asyncio.Task[Any]] = set()
        if tasks:
            _done, pending = await asyncio.wait(tasks, timeout=self.options.shutdown_grace)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
            log_kv(
                logger,
                logging.WARNING,
                "shutdown_cut_off",
                tasks=len(pending),
                grace=self.options.shutdown_grace,
                note="their feeds are due again at the next start",
            )
        else:  # alerts for changes found by the last refreshes go out now if they can
            await self._job("deliver", self.deliver)

    async def _job(self, name: str, func: Callable[[], Awaitable[None]]) -> None:
        """Run one job; its failures are logged and counted, never raised into the scheduler."""
        task = asyncio.current_task()
        if task is not None:
            self._jobs.add(task)
        try:
            await func()
        except StorageError as err:
            self.outcomes.store_failed(name, err)
        except asyncio.CancelledError:  # cut off by the shutdown grace; it runs again next start
            log_kv(logger, logging.INFO, "job_cut_off", job=name)
        except Exception as err:  # a job must never take the daemon down
            self.outcomes.last_error = f"{name}: {type(err).__name__}: {err}"
            logger.exception("job failed job=%s", name)
        finally:
            if task is not None:
                self._jobs.discard(task)

    # -- refresh -----------------------------------------------------------------------------

    async def refresh_due(self, *, wait: bool = False) -> None:
        if self.stopping.is_set():
            return
        busy = set(self.in_flight)  # in flight before the query: its row may be stale
        due = await asyncio.to_thread(self._due_feeds, self.clock())
        self.last_tick_ok = time.monotonic()
        self.metrics.last_tick.set(time.time())
        started = [
            self._launch(state)
            for state in due
            if state.id not in busy and state.id not in self.in_flight and self._may_launch(state)
        ]
        if wait and started:
            await asyncio.gather(*started, return_exceptions=True)

    def _may_launch(self, state: FeedState) -> bool:
        """Never sooner than the feed's interval (times the floor factor) after its last launch."""
        last = self._launched.get(state.id)
        floor = state.interval_s * self.options.min_interval_factor
        return last is None or time.monotonic() - last >= floor

    def _due_feeds(self, now: datetime) -> list[FeedState]:
        # Only the first tick writes (the jitter); later ticks read, leaving SQLite's one
        # writer to the refreshes.
        opener = self.runtime.store.read if self._jittered else self.runtime.store.write
        with opener() as session:
            rows = feeds.due(session, now)
            if not self._jittered:
                # First tick after a start: spread overdue feeds so a restart does not fire them
                # all at once (each within the smaller of its interval and restart_jitter).
                self._jittered = True
                for row in rows:
                    if row.next_fetch_at is not None:
                        spread = min(row.interval_s, self.options.restart_jitter)
                        row.next_fetch_at = now + timedelta(seconds=random.uniform(0, spread))
                rows = [r for r in rows if r.next_fetch_at is None or r.next_fetch_at <= now]
            self.outcomes.picked_up(now, (r.next_fetch_at for r in rows))
            return [FeedState.of(r) for r in rows]

    def _launch(self, state: FeedState) -> asyncio.Task[FeedOutcome]:
        self._launched[state.id] = time.monotonic()
        task = asyncio.create_task(self._refresh_one(state))
        self.in_flight[state.id] = task
        task.add_done_callback(lambda _t, fid=state.id: self.in_flight.pop(fid, None))  # type: ignore[misc]
        return task

    def paced(self, state: FeedState) -> FeedState:
        """The feed with its adaptive interval; a failing feed backs off from its configured one."""
        pace = self.pace.get(state.id)
        if (
            pace is None
            or pace.factor == 1.0
            or state.error_count > 0
            or state.interval_s < ADAPT_FROM
        ):
            return state
        paced = max(1, round(state.interval_s * pace.factor))
        return replace(state, interval_s=paced, pace=pace.factor)

    def _adapt(self, state: FeedState, outcome: FeedOutcome) -> None:
        if outcome.status in ("error", "deferred") or state.interval_s < ADAPT_FROM:
            return
        opts = self.options
        pace = self.pace.setdefault(state.id, Pace())
        if outcome.new_versions:
            pace.quiet = 0
            pace.factor = max(opts.min_interval_factor, pace.factor / 2)
        else:
            pace.quiet += 1
            if pace.quiet > QUIET_CHECKS:
                pace.factor = min(opts.max_interval_factor, pace.factor * GROWTH)
        pace.factor = min(max(pace.factor, opts.min_interval_factor), opts.max_interval_factor)

    async def _refresh_one(self, state: FeedState) -> FeedOutcome:
        assert self._ctx is not None
        async with self._limit:
            started = time.monotonic()
            try:
                outcome = await refresh_feed(self._ctx, self.paced(state))
            except StorageError as err:
                self.outcomes.store_failed(f"refresh {state.url}", err)
                outcome = FeedOutcome(state.url, "error", error=str(err))
            except Exception as err:  # one feed's pathological content never stops the daemon
                logger.exception("refresh crashed url=%s", state.url)
                outcome = FeedOutcome(state.url, "error", error=f"{type(err).__name__}: {err}")
        self.outcomes.refreshed(outcome, time.monotonic() - started)
        self.checks += 1
        if outcome.status == "deferred":  # never sent: due again at the next tick
            self._launched.pop(state.id, None)
        self._adapt(state, outcome)
        return outcome

    # -- other jobs --------------------------------------------------------------------------

    async def revisit(self) -> None:
        if self.stopping.is_set() or self._ctx is None:
            return
        self.outcomes.changes((await revisit_due(self._ctx)).events)

    async def deliver(self) -> None:
        await deliver_outbox(self.runtime, clock=self.clock, metrics=self.metrics)

    async def housekeeping(self) -> None:
        await prune_due(self.runtime.store, self.runtime.settings.evidence, self.clock)
        health = await asyncio.to_thread(
            self.outcomes.look_at_store, self.runtime.store, self.clock(), self.options.stale_after
        )
        for gone in set(self.pace) - health.ids:  # removed feeds: keep memory flat
            del self.pace[gone]
        for gone in set(self._launched) - health.ids:
            del self._launched[gone]

    # -- health ------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """Healthy when the scheduler ticked against the store recently."""
        recent = self.last_tick_ok is not None and time.monotonic() - self.last_tick_ok < max(
            30.0, 5 * self.options.tick
        )
        disk_full = self.runtime.store.disk_full is not None
        return {
            "ok": bool(recent) and not self.stopping.is_set() and not disk_full,
            "disk_full": disk_full,
            "in_flight": len(self.in_flight),
            "checks": self.checks,
            "stale_feeds": len(self.outcomes.stale),
            "last_error": self.outcomes.last_error,
            "uptime_s": round(time.monotonic() - self.started_at, 1),
        }

    def _start_metrics(self) -> MetricsServer | None:
        address = self.runtime.settings.metrics
        if not address:
            return None
        server = MetricsServer(address, self.metrics, self.health).start()
        self.metrics_port = server.port
        log_kv(
            logger,
            logging.INFO,
            "metrics_listening",
            host=address.rpartition(":")[0] or "127.0.0.1",
            port=server.port,
        )
        return server


def run_daemon(runtime: Runtime, *, once: bool = False) -> None:
    asyncio.run(Daemon(runtime).run(once=once))
