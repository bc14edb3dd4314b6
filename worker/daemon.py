"""`wirediff run`: the long-running daemon.

APScheduler (3.x, asyncio scheduler, in-memory job store) drives four jobs; the database is the
source of truth, so nothing has to be pickled or shared between processes:

- refresh: every tick, take the feeds whose next_fetch_at has come and refresh each (bounded
  concurrency; per-host limits live in the fetcher). Feeds added or removed with `wirediff feeds`
  are picked up on the next tick, without a restart.
- revisit: re-check articles whose revisit age has come (edits often come after the item left
  the feed).
- deliver: the alert outbox, continuously.
- housekeeping: feeds in error and stale feeds, for logs and metrics.

SIGTERM/SIGINT stop the scheduling, let in-flight work finish within a bound, and exit 0.
Every job catches its own failures (a database that is down, a full disk, one feed's
pathological content): the daemon logs, counts and carries on.
"""

from __future__ import annotations

import asyncio
import logging
import random
import signal
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from storage import feeds
from storage.errors import StorageError
from worker.app import Runtime, ensure_feeds
from worker.deliver import deliver_due
from worker.fetch import Fetcher
from worker.metrics import Metrics, MetricsServer
from worker.pipeline import Context, FeedOutcome, FeedState, refresh_feed, revisit_due

logger = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Daemon:
    def __init__(self, runtime: Runtime, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.runtime = runtime
        self.options = runtime.settings.daemon
        self.clock = clock
        self.metrics = Metrics()
        self.stopping = asyncio.Event()
        self.in_flight: dict[int, asyncio.Task[FeedOutcome]] = {}
        self.started_at = time.monotonic()
        self.last_tick_ok: float | None = None
        self.last_error: str | None = None
        self._fetcher: Fetcher | None = None
        self._ctx: Context | None = None
        self._limit = asyncio.Semaphore(runtime.settings.fetch.concurrency)
        self._jittered = False

    # -- lifecycle ---------------------------------------------------------------------------

    async def run(self, *, once: bool = False) -> None:
        settings = self.runtime.settings
        await asyncio.to_thread(ensure_feeds, self.runtime)
        server = self._start_metrics()
        async with Fetcher(settings.fetch) as fetcher:
            self._fetcher = fetcher
            self._ctx = Context(
                self.runtime.store,
                fetcher,
                self.runtime.roster,
                self.runtime.route,
                revisit=settings.revisit,
                clock=self.clock,
            )
            try:
                if once:
                    await self.run_once()
                else:
                    await self._run_scheduled()
            finally:
                await self._drain()
                if server is not None:
                    server.stop()
        logger.info("daemon stopped")

    async def run_once(self) -> None:
        """Burst mode: what is due now, then revisits, then the outbox; then return."""
        await self.refresh_due(wait=True)
        await self.revisit()
        await self.deliver()
        await self.housekeeping()

    async def _run_scheduled(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop)
        scheduler = AsyncIOScheduler(event_loop=loop, timezone=UTC)
        opts = self.options
        common: dict[str, Any] = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}
        scheduler.add_job(
            self.refresh_due,
            "interval",
            seconds=opts.tick,
            id="refresh",
            next_run_time=self.clock(),
            **common,
        )
        scheduler.add_job(
            self.revisit, "interval", seconds=opts.revisit_every, id="revisit", **common
        )
        scheduler.add_job(
            self.deliver,
            "interval",
            seconds=opts.deliver_every,
            id="deliver",
            next_run_time=self.clock(),
            **common,
        )
        scheduler.add_job(
            self.housekeeping,
            "interval",
            seconds=opts.housekeeping_every,
            id="housekeeping",
            next_run_time=self.clock(),
            **common,
        )
        scheduler.start()
        logger.info("daemon started store=%s tick=%ss", self.runtime.store.display_url, opts.tick)
        try:
            await self.stopping.wait()
        finally:
            scheduler.shutdown(wait=False)
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)

    def stop(self) -> None:
        logger.info("stopping: finishing in-flight work (at most %ss)", self.options.shutdown_grace)
        self.stopping.set()

    async def _drain(self) -> None:
        tasks = list(self.in_flight.values())
        if not tasks:
            return
        _done, pending = await asyncio.wait(tasks, timeout=self.options.shutdown_grace)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
            logger.warning(
                "shutdown: %d refreshes cut off after %ss; they run again next start",
                len(pending),
                self.options.shutdown_grace,
            )
        # Alerts for changes found by the last refreshes go out now if they can.
        if not pending:
            await self.deliver()

    # -- jobs --------------------------------------------------------------------------------

    async def refresh_due(self, *, wait: bool = False) -> None:
        if self.stopping.is_set():
            return
        now = self.clock()
        try:
            due = await asyncio.to_thread(self._due_feeds, now)
        except StorageError as err:
            self._store_failed("refresh", err)
            return
        self.last_tick_ok = time.monotonic()
        self.metrics.last_tick.set(time.time())
        started = [self._launch(state) for state in due if state.id not in self.in_flight]
        if wait and started:
            await asyncio.gather(*started, return_exceptions=True)

    def _due_feeds(self, now: datetime) -> list[FeedState]:
        with self.runtime.store.write() as session:
            rows = feeds.due(session, now)
            if not self._jittered:
                # First tick after a start: spread overdue feeds so a restart does not fire them
                # all at once (each within the smaller of its interval and a minute).
                self._jittered = True
                spread = [r for r in rows if r.next_fetch_at is not None]
                for row in spread:
                    row.next_fetch_at = now + timedelta(
                        seconds=random.uniform(0, min(row.interval_s, 60))
                    )
                rows = [r for r in rows if r.next_fetch_at is None or r.next_fetch_at <= now]
            lag = max(
                ((now - r.next_fetch_at).total_seconds() for r in rows if r.next_fetch_at),
                default=0.0,
            )
            self.metrics.lag.set(lag)
            return [FeedState.of(r) for r in rows]

    def _launch(self, state: FeedState) -> asyncio.Task[FeedOutcome]:
        task = asyncio.create_task(self._refresh_one(state))
        self.in_flight[state.id] = task
        task.add_done_callback(lambda _t, fid=state.id: self.in_flight.pop(fid, None))  # type: ignore[misc]
        return task

    async def _refresh_one(self, state: FeedState) -> FeedOutcome:
        assert self._ctx is not None
        async with self._limit:
            started = time.monotonic()
            try:
                outcome = await refresh_feed(self._ctx, state)
            except StorageError as err:
                self._store_failed(f"refresh {state.url}", err)
                outcome = FeedOutcome(state.url, "error", error=str(err))
            except Exception as err:  # one feed's pathological content never stops the daemon
                logger.exception("refresh crashed url=%s", state.url)
                outcome = FeedOutcome(state.url, "error", error=f"{type(err).__name__}: {err}")
            self.metrics.fetch_seconds.observe(time.monotonic() - started)
        self._count(outcome)
        return outcome

    def _count(self, outcome: FeedOutcome) -> None:
        self.metrics.fetches.labels(outcome.status).inc()
        self.metrics.versions.inc(outcome.new_versions)
        for event in outcome.events:
            self.metrics.changes.labels(event["kind"]).inc()
            logger.info(
                "change kind=%s article=%s summary=%s",
                event["kind"],
                event["article"]["url"],
                event["summary"],
            )
        if outcome.status == "error":
            logger.warning("feed error url=%s error=%s", outcome.url, outcome.error)

    async def revisit(self) -> None:
        if self.stopping.is_set() or self._ctx is None:
            return
        try:
            events = await revisit_due(self._ctx)
        except StorageError as err:
            self._store_failed("revisit", err)
            return
        for event in events:
            self.metrics.changes.labels(event["kind"]).inc()
            logger.info(
                "change kind=%s article=%s summary=%s",
                event["kind"],
                event["article"]["url"],
                event["summary"],
            )

    async def deliver(self) -> None:
        if not self.runtime.channels:
            return
        try:
            sent, pending = await deliver_due(
                self.runtime.store, self.runtime.channels, clock=self.clock
            )
        except StorageError as err:
            self._store_failed("deliver", err)
            return
        self.metrics.deliveries.labels("sent").inc(sent)
        self.metrics.pending_alerts.set(pending)

    async def housekeeping(self) -> None:
        try:
            total, in_error, stale = await asyncio.to_thread(self._feed_health, self.clock())
        except StorageError as err:
            self._store_failed("housekeeping", err)
            return
        self.metrics.feeds_total.set(total)
        self.metrics.feeds_in_error.set(len(in_error))
        self.metrics.feeds_stale.set(len(stale))
        for url in stale:
            logger.warning("feed stale url=%s no_success_for=%s", url, self.options.stale_after)

    def _feed_health(self, now: datetime) -> tuple[int, list[str], list[str]]:
        span = timedelta(seconds=self.options.stale_after)
        with self.runtime.store.read() as session:
            rows = feeds.all_feeds(session)
            in_error = [f.url for f in rows if f.error_count > 0]
            stale = [f.url for f in rows if now - (f.last_ok_at or f.created_at) > span]
        return len(rows), in_error, stale

    # -- health ------------------------------------------------------------------------------

    def _store_failed(self, what: str, err: StorageError) -> None:
        self.metrics.store_errors.inc()
        self.last_error = f"{what}: {err}"
        logger.error("store unavailable during %s: %s (will retry)", what, err)

    def health(self) -> dict[str, Any]:
        """Healthy when the scheduler ticked against the store recently."""
        recent = self.last_tick_ok is not None and time.monotonic() - self.last_tick_ok < max(
            30.0, 5 * self.options.tick
        )
        return {
            "ok": bool(recent) and not self.stopping.is_set(),
            "in_flight": len(self.in_flight),
            "last_error": self.last_error,
            "uptime_s": round(time.monotonic() - self.started_at, 1),
        }

    def _start_metrics(self) -> MetricsServer | None:
        address = self.runtime.settings.metrics
        if not address:
            return None
        server = MetricsServer(address, self.metrics, self.health).start()
        logger.info(
            "metrics listening on %s:%s", address.rpartition(":")[0] or "127.0.0.1", server.port
        )
        return server


def run_daemon(runtime: Runtime, *, once: bool = False) -> None:
    asyncio.run(Daemon(runtime).run(once=once))
