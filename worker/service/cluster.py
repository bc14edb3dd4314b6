"""`wirediff run` on a PostgreSQL store: one worker of a cluster that shares the work.

In: a Runtime whose store is PostgreSQL. Out: a procrastinate worker that runs until SIGTERM or
SIGINT (graceful stop, exit 0). Every `wirediff run` pointed at the same database joins the same
cluster; nothing else is needed to add a machine.

The queue engine is procrastinate (jobs in PostgreSQL, LISTEN/NOTIFY, worker heartbeats); the
work is split like this:

- `wirediff.schedule` (periodic, every `[daemon] tick` seconds): claims the due feeds in one
  UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING, which moves each claimed feed's next_fetch_at
  to a lease a little in the future, so two schedulers never claim the same feed; each claimed
  feed gets one `wirediff.refresh` job carrying the lease as its token. procrastinate defers each
  period's schedule job once for the whole cluster (a unique row per period in the database).
- `wirediff.refresh(feed_id, token)`: queueing lock `refresh:<id>` (at most one waiting refresh
  per feed) and lock `feed:<id>` (never two refreshes of a feed at once). It runs only while its
  claim still stands (next_fetch_at is still its token) or the feed is due anyway, so a stale or
  duplicate job never polls a feed before its interval; the refresh itself sets next_fetch_at to
  the end of the fetch plus the interval.
- `wirediff.revisit`, `wirediff.deliver`: periodic, one at a time across the cluster; the outbox
  is claimed row by row with SKIP LOCKED (storage/deliveries.py).
- recovery (every 5 s, in whichever worker holds a PostgreSQL advisory lock for it): jobs of
  workers whose heartbeat stopped (a SIGKILL, a lost machine, a job loop ended by a database
  outage) are put back in the queue for the others; a feed whose claim was lost any other way
  is claimed again when its lease runs out. It is not a procrastinate job on purpose: a job
  with a lock that is itself left `doing` by a dead worker would block every later run of
  itself, and with it all recovery.

Versions, changes and outbox rows are unique in the database (see docs/architecture.md), so even
work done twice is recorded once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import procrastinate
import psycopg
from procrastinate import exceptions as pexc
from procrastinate.job_context import JobContext

from storage import claims, engine
from storage.engine import engine_schema_installed, libpq_url
from storage.errors import StorageError, StoreURLError, first_line
from storage.values import utcnow
from worker.evidence.retention import prune_due
from worker.ingest.fetch import Fetcher
from worker.pipeline.context import Context, FeedState
from worker.pipeline.refresh import refresh_feed
from worker.pipeline.revisits import revisit_due
from worker.service.app import Runtime, deliver_outbox, extractor_for, pipeline_context
from worker.service.metrics import MetricsServer
from worker.service.outcomes import Outcomes
from worker.service.seeds import default_feeds

logger = logging.getLogger(__name__)

REFRESH = "wirediff.refresh"
SCHEDULE = "wirediff.schedule"
REVISIT = "wirediff.revisit"
DELIVER = "wirediff.deliver"


@dataclass(frozen=True, slots=True)
class ClusterOptions:
    """Timing of a cluster worker. Seconds throughout."""

    schedule_every: float = 1.0  # how often due feeds are claimed ([daemon] tick)
    revisit_every: float = 30.0
    deliver_every: float = 5.0
    recover_every: float = 5.0
    heartbeat: float = 5.0  # a worker writes its heartbeat this often ...
    stalled_after: float = 20.0  # ... and is taken for dead after this long without one
    lease: float = 50.0  # a claimed feed whose refresh never ran is claimed again after this
    claim_batch: int = 500  # feeds claimed per schedule run at most
    concurrency: int = 16  # jobs at once in this worker
    shutdown_grace: float = 30.0
    # When the job loop stops on its own (a database restart): probe the database after this
    # pause, doubling up to the cap; give up (exit 1) after max_restarts stops in a row while
    # the database answers, a run longer than stable_after ending the row.
    reconnect_first: float = 1.0
    reconnect_cap: float = 5.0
    probe_timeout: float = 5.0  # the database probe (every heartbeat) gives up after this
    outage_grace: float = 2.0  # in-flight jobs of a worker whose database is gone get this long
    max_restarts: int = 5
    stable_after: float = 60.0
    housekeeping_every: float = 60.0  # how often this worker looks at the feeds' health
    stale_after: float = 86400.0  # a feed without a successful fetch this long is stale

    @classmethod
    def of(cls, runtime: Runtime) -> ClusterOptions:
        daemon = runtime.settings.daemon
        return cls(
            schedule_every=daemon.tick,
            revisit_every=daemon.revisit_every,
            deliver_every=daemon.deliver_every,
            concurrency=runtime.settings.fetch.concurrency,
            shutdown_grace=daemon.shutdown_grace,
            housekeeping_every=daemon.housekeeping_every,
            stale_after=daemon.stale_after,
        )


def sync_feeds_once(runtime: Runtime) -> None:
    """Configured (or, with none anywhere, the bundled) feeds into the store, one worker at a time."""
    if claims.sync_configured_feeds(runtime.store, runtime.settings.feeds, default_feeds):
        logger.info("no feeds configured: using the bundled seeds/feeds.toml")


# -- tasks -----------------------------------------------------------------------------------


@dataclass(slots=True)
class WorkerState:
    """What a task needs from its process: handed to procrastinate as additional context."""

    runtime: Runtime
    ctx: Context
    options: ClusterOptions
    clock: Callable[[], datetime]
    outcomes: Outcomes = field(default_factory=lambda: Outcomes(logger))
    last_job: float = field(default_factory=time.monotonic)

    running: bool = False  # the procrastinate job loop runs
    database_up: bool = True  # the last probe (after the job loop stopped) reached the database
    restarts: int = 0  # job loops started again after stopping on their own

    def health(self) -> dict[str, Any]:
        """Healthy while the job loop runs on a reachable database; 503 while it restarts."""
        idle = time.monotonic() - self.last_job
        return {
            "ok": self.running and self.database_up,
            "database": "up" if self.database_up else "unreachable",
            "restarts": self.restarts,
            "since_last_refresh_s": round(idle, 1),
        }


def _state(context: JobContext) -> WorkerState:
    state = context.additional_context["wirediff"]
    assert isinstance(state, WorkerState)
    return state


async def refresh_job(context: JobContext, feed_id: int, token: str) -> str:
    """Refresh one feed if its claim still stands; returns the outcome's status."""
    state = _state(context)
    claim = datetime.fromisoformat(token)
    row = await asyncio.to_thread(
        claims.feed_if_claimed, state.runtime.store, feed_id, claim, state.clock()
    )
    if row is None:
        logger.info("refresh skipped feed_id=%s: refreshed since it was queued", feed_id)
        return "skipped"
    feed = FeedState.of(row)
    logger.info(
        "refresh feed=%s job=%s worker_id=%s", feed.url, context.job.id, context.job.worker_id
    )
    started = time.monotonic()
    outcome = await refresh_feed(state.ctx, feed)
    state.last_job = time.monotonic()
    state.outcomes.refreshed(outcome, state.last_job - started)
    return outcome.status


async def schedule_job(context: JobContext, timestamp: int) -> int:
    """Claim the due feeds and queue one refresh for each; returns how many were queued."""
    state = _state(context)
    now = state.clock()
    lease_until = now + timedelta(seconds=state.options.lease)
    claimed = await asyncio.to_thread(
        claims.claim_due_feeds, state.runtime.store, now, lease_until, state.options.claim_batch
    )
    state.outcomes.picked_up(now, (claim.was for claim in claimed))
    queued = 0
    for claim in claimed:
        task = context.app.configure_task(
            REFRESH, queueing_lock=f"refresh:{claim.feed_id}", lock=f"feed:{claim.feed_id}"
        )
        try:
            await task.defer_async(feed_id=claim.feed_id, token=claim.token.isoformat())
        except pexc.AlreadyEnqueued:
            # A refresh for this feed is already waiting: it will run (the feed is due), so the
            # claim is given back rather than left to block the feed until the lease ends.
            await asyncio.to_thread(claims.release_claim, state.runtime.store, claim)
            continue
        queued += 1
    if queued:
        logger.debug("scheduled %d refreshes (period %s)", queued, timestamp)
    return queued


async def revisit_job(context: JobContext, timestamp: int) -> int:
    state = _state(context)
    await prune_due(state.runtime.store, state.runtime.settings.evidence, state.clock)
    events = (await revisit_due(state.ctx)).events
    state.outcomes.changes(events)
    return len(events)


async def deliver_job(context: JobContext, timestamp: int) -> int:
    state = _state(context)
    sent, _pending = await deliver_outbox(
        state.runtime, clock=state.clock, metrics=state.outcomes.metrics
    )
    return sent


async def recover_stalled(manager: Any, stalled_after: float) -> int:
    """Put the jobs of workers whose heartbeat stopped back in the queue; returns how many.

    Run under the recovery lock (storage.locks.RECOVERY), so by one worker at a time.
    """
    stalled = await manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after)
    retried = 0
    for job in stalled:
        if job.id is None:
            continue
        try:
            await manager.retry_job(job)
            retried += 1
            logger.warning("requeued job %s (%s) of a dead worker", job.id, job.call_string)
        except pexc.ConnectorException:
            # Another job with the same queueing lock already waits (the feed was claimed again
            # after its lease ran out): that one does the work, this one is closed.
            await manager.finish_job_by_id_async(
                job.id, status=procrastinate.jobs.Status.FAILED, delete_job=False
            )
            logger.warning("closed job %s of a dead worker: a newer one is queued", job.id)
    return retried


async def check_database(url: str, timeout: float, recover: Callable[[], Any] | None) -> bool:
    """Is the database there? If so and `recover` is given, run it under the recovery lock
    unless another worker holds it (storage.engine.probe); its failure is logged, not raised."""

    async def recover_logged() -> None:
        assert recover is not None
        try:
            await recover()
        except (pexc.ProcrastinateException, psycopg.Error, OSError) as err:
            logger.warning("recovery of stalled jobs failed: %s", first_line(err))

    return await engine.probe(url, timeout, None if recover is None else recover_logged)


def every(seconds: float) -> str:
    """A cron expression (seconds as a sixth field, as croniter reads it) for a period."""
    whole = max(1, round(seconds))
    if whole < 60:
        return f"* * * * * */{whole}"
    minutes = max(1, round(whole / 60))
    if minutes < 60:
        return f"*/{minutes} * * * *"
    return f"0 */{max(1, round(minutes / 60))} * * *"


def build_app(url: str, options: ClusterOptions, *, pool_size: int = 10) -> procrastinate.App:
    """The procrastinate App on the store's database, with wirediff's tasks registered."""
    connector = procrastinate.PsycopgConnector(
        conninfo=libpq_url(url), min_size=1, max_size=pool_size
    )
    app = procrastinate.App(connector=connector)
    app.task(name=REFRESH, queue="refresh", pass_context=True)(refresh_job)
    periodic: Sequence[tuple[str, Callable[..., Any], float, bool]] = (
        (SCHEDULE, schedule_job, options.schedule_every, True),
        (REVISIT, revisit_job, options.revisit_every, True),
        (DELIVER, deliver_job, options.deliver_every, False),
    )
    for name, func, period, exclusive in periodic:
        task = app.task(
            name=name,
            queue="maintenance",
            pass_context=True,
            queueing_lock=name,
            lock=name if exclusive else None,
        )(func)
        app.periodic(cron=every(period), periodic_id=name.split(".")[-1])(task)
    return app


# -- the worker process ----------------------------------------------------------------------


class ClusterWorkerStopped(Exception):
    """The worker's job loop kept stopping on its own while the database answered: exit 1."""


class _SideTaskFailures(logging.Handler):
    """Keeps why procrastinate stopped its worker (it logs a failed side task, then stops)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.last: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "action", None) == "side_task_failed":
            name = getattr(record, "task_name", "side task")
            self.last = f"{name} failed: {getattr(record, 'exception', record.getMessage())}"


async def database_answers(url: str, timeout: float = 5.0) -> bool:
    """True when the store's PostgreSQL accepts a connection and a query."""
    return await check_database(url, timeout, None)


async def _pause(stop: asyncio.Event, seconds: float) -> None:
    """Sleep `seconds`, or less when `stop` is set meanwhile."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


async def serve(
    runtime: Runtime,
    options: ClusterOptions,
    *,
    stop: asyncio.Event,
    clock: Callable[[], datetime] = utcnow,
) -> None:
    """Run one cluster worker until `stop` is set; then finish in-flight jobs (bounded).

    procrastinate stops its worker when a side task fails (the LISTEN connection, the
    heartbeat, the periodic deferrer), which every database restart or failover causes. Such a
    stop is not the end of this process: /healthz turns 503, the database is probed with a
    growing pause until it answers, and a new procrastinate worker (with a fresh connection
    pool) takes over; the jobs the old one left running are put back by the recovery check.
    Only when the job loop keeps stopping while the database answers
    (options.max_restarts in a row) does serve raise ClusterWorkerStopped: exit 1, never 0.
    """
    url = runtime.store.url.render_as_string(hide_password=False)
    if not await asyncio.to_thread(engine_schema_installed, url):
        raise StorageError(
            f"store {runtime.store.display_url} has no job queue schema: run `wirediff db upgrade`"
        )
    await asyncio.to_thread(sync_feeds_once, runtime)
    settings = runtime.settings
    failures = _SideTaskFailures()
    logging.getLogger("procrastinate.worker").addHandler(failures)
    async with (
        Fetcher(settings.fetch) as fetcher,
        extractor_for(settings) as extractor,
    ):
        ctx = pipeline_context(runtime, fetcher, extractor=extractor, clock=clock)
        state = WorkerState(runtime, ctx, options, clock)
        server = (
            MetricsServer(settings.metrics, state.outcomes.metrics, state.health).start()
            if settings.metrics
            else None
        )
        logger.info("cluster worker started store=%s", runtime.store.display_url)
        looking = asyncio.create_task(_look_at_store(state, stop))
        try:
            await _supervise(url, options, state, failures, stop)
        finally:
            looking.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await looking
            logging.getLogger("procrastinate.worker").removeHandler(failures)
            if server is not None:
                server.stop()
    logger.info("cluster worker stopped")


async def _look_at_store(state: WorkerState, stop: asyncio.Event) -> None:
    """Every worker keeps its own /metrics of the feeds' health (the daemon's housekeeping);
    a store that cannot be read now is counted and looked at again next time."""
    options = state.options
    while not stop.is_set():
        try:
            await asyncio.to_thread(
                state.outcomes.look_at_store,
                state.runtime.store,
                state.clock(),
                options.stale_after,
            )
        except StorageError as err:
            state.outcomes.store_failed("housekeeping", err)
        await _pause(stop, options.housekeeping_every)


async def _supervise(
    url: str,
    options: ClusterOptions,
    state: WorkerState,
    failures: _SideTaskFailures,
    stop: asyncio.Event,
) -> None:
    """Run procrastinate workers one after the other until `stop`; ride out database outages."""
    pool_size = max(4, min(options.concurrency, 20))
    in_a_row = 0
    while not stop.is_set():
        failures.last = None
        started = time.monotonic()
        reason = await _run_worker(url, build_app(url, options, pool_size=pool_size), state, stop)
        if stop.is_set():
            return
        reason = failures.last or reason or "the job loop stopped on its own"
        state.restarts += 1
        if time.monotonic() - started > options.stable_after:
            in_a_row = 0
        state.database_up = await database_answers(url)
        if state.database_up:
            in_a_row += 1
            if in_a_row >= options.max_restarts:
                raise ClusterWorkerStopped(
                    f"cluster worker: the job loop stopped {in_a_row} times in a row while the "
                    f"database answered; last: {reason}"
                )
        delay = min(options.reconnect_first * 2 ** max(in_a_row - 1, 0), options.reconnect_cap)
        logger.warning(
            "job loop stopped reason=%s database=%s restart_in=%.1fs",
            " ".join(reason.split()),
            "up" if state.database_up else "unreachable",
            delay,
        )
        await _wait_for_database(url, state, stop, delay, options.reconnect_cap)
        if not stop.is_set():
            logger.warning("job loop restarting restarts=%d", state.restarts)


async def _wait_for_database(
    url: str, state: WorkerState, stop: asyncio.Event, delay: float, cap: float
) -> None:
    """Pause `delay`, then probe the database, doubling the pause until it answers."""
    while True:
        await _pause(stop, delay)
        if stop.is_set():
            return
        state.database_up = await database_answers(url)
        if state.database_up:
            return
        delay = min(delay * 2, cap)
        logger.warning("database unreachable: retry_in=%.1fs", delay)


async def _run_worker(
    url: str, app: procrastinate.App, state: WorkerState, stop: asyncio.Event
) -> str | None:
    """One procrastinate worker, until it stops or `stop` is set; why it stopped on its own.

    Beside it, the database is checked every heartbeat, and stalled jobs are recovered in the
    same connection (check_database): procrastinate's pool waits up to 30 s for a connection
    before anything fails, so without the check a worker would look healthy for half a minute
    of outage. When the check fails, /healthz turns 503 and the worker is ended at once (its
    in-flight jobs are recovered once its heartbeat is stale); a new one starts when the
    database answers again.
    """
    options = state.options

    async def run() -> None:
        async with app.open_async():
            state.running = True
            await app.run_worker_async(
                concurrency=options.concurrency,
                install_signal_handlers=False,
                additional_context={"wirediff": state},
                update_heartbeat_interval=options.heartbeat,
                stalled_worker_timeout=options.stalled_after,
                shutdown_graceful_timeout=options.shutdown_grace,
                delete_jobs="successful",
                name="wirediff",
            )

    async def recover() -> None:
        await recover_stalled(app.job_manager, options.stalled_after)

    async def watch() -> None:
        while True:
            await asyncio.sleep(options.recover_every)
            if not await check_database(url, options.probe_timeout, recover):
                state.database_up = False
                return

    worker = asyncio.create_task(run())
    stopper = asyncio.create_task(stop.wait())
    watcher = asyncio.create_task(watch())
    reason: str | None = None
    try:
        await asyncio.wait({worker, stopper, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if not worker.done() and watcher.done() and not stop.is_set():
            reason = "database unreachable"
            await _cut_short(worker, options.outage_grace)
            if not worker.done():
                return reason
        elif not worker.done():
            worker.cancel()  # asked to stop: procrastinate turns this into a graceful stop
        await worker
    except asyncio.CancelledError:
        if not stop.is_set() and reason is None:
            raise  # serve itself was cancelled
    except Exception as err:  # the database went away under the pool or the job loop
        return reason or f"{type(err).__name__}: {first_line(err)}"
    finally:
        state.running = False
        stopper.cancel()
        watcher.cancel()
    return reason


async def _cut_short(task: asyncio.Task[None], grace: float) -> None:
    """Cancel a worker whose database is gone: a graceful stop first, then a hard one."""
    task.cancel()
    _done, pending = await asyncio.wait({task}, timeout=grace)
    if pending:
        task.cancel()  # a second cancel interrupts procrastinate's own shutdown waits
        _done, pending = await asyncio.wait({task}, timeout=grace + 10)
    if pending:
        logger.error("job loop did not end within %.0fs of the outage; carrying on", grace + 10)
        _abandoned.add(task)
        task.add_done_callback(_abandoned.discard)


_abandoned: set[asyncio.Task[None]] = set()  # kept referenced until they end by themselves


async def _main(runtime: Runtime, options: ClusterOptions) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await serve(runtime, options, stop=stop)
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
    if not stop.is_set():  # by construction serve returns only once asked; never exit 0 else
        raise ClusterWorkerStopped("cluster worker: stopped without being asked to")


def run_cluster(runtime: Runtime, options: ClusterOptions | None = None) -> None:
    """Join the cluster of workers on the runtime's PostgreSQL store until SIGTERM/SIGINT."""
    if runtime.store.is_sqlite:
        raise StoreURLError(
            f"store {runtime.store.display_url}: several workers need a PostgreSQL store"
        )
    asyncio.run(_main(runtime, options or ClusterOptions.of(runtime)))


__all__ = ["ClusterOptions", "ClusterWorkerStopped", "build_app", "run_cluster", "serve"]
