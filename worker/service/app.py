"""Composition root helpers: from Settings to an open store, a roster, channels and a router.

The CLI and the daemon both build their runtime here, so `fetch` and `run` share one pipeline.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from alerts.event import ChangeEvent
from storage import feeds
from storage.db import Store, open_store
from storage.errors import StoreConflict, StoreDiskFull
from storage.feeds import FeedSpec
from storage.values import utcnow
from worker.config import Settings
from worker.detect.roster import Roster
from worker.ingest.extract_pool import Extractor
from worker.ingest.fetch import Fetcher
from worker.pipeline.context import Context, Tally

if TYPE_CHECKING:
    # Loaded when used: alert channels and delivery only with [[alerts]] configured (~30 ms a
    # start), prometheus_client where metrics are served (the daemons).
    from alerts.config import ChannelConfig
    from worker.service.metrics import Metrics
from worker.service.channels import parse_alert_channels as parse_alert_channels
from worker.service.extraction import extractor_for as extractor_for
from worker.service.seeds import default_feeds, load_roster

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Runtime:
    settings: Settings
    store: Store
    # The roster, or how to build it: the bundled one is built on first use (~40 ms that a
    # pass reading no people never pays); users' roster files are read, and checked, at once.
    _roster: Roster | Callable[[], Roster]
    channels: tuple[ChannelConfig, ...]

    @property
    def roster(self) -> Roster:
        if callable(self._roster):
            object.__setattr__(self, "_roster", self._roster())
        assert not callable(self._roster)
        return self._roster

    def route(self, event: ChangeEvent) -> list[str]:
        """Names of the channels whose filters accept this change event."""
        if not self.channels:
            return []
        from alerts.message import Alert

        alert = Alert.from_event(event)
        return [c.name for c in self.channels if c.matches(alert)]


def pipeline_context(
    runtime: Runtime,
    fetcher: Fetcher,
    *,
    extractor: Extractor | None = None,
    clock: Callable[[], datetime] = utcnow,
    write_alerts: bool = True,
    local_files: frozenset[str] = frozenset(),
    tally: Tally | None = None,
) -> Context:
    """The pipeline's context as fetch, run and the cluster workers all build it.
    `local_files`: feed files named on the command line (`fetch --feed PATH`)."""
    settings = runtime.settings
    return Context(
        runtime.store,
        fetcher,
        lambda: runtime.roster,
        runtime.route,
        revisit=settings.revisit,
        backoff_cap=settings.backoff_cap,
        extractor=extractor,
        write_alerts=write_alerts,
        clock=clock,
        local_files=local_files,
        tally=tally or Tally(),
        captures=settings.evidence.policy,
        events=settings.events,
        alert_discrepancies=settings.alert_discrepancies,
        people=settings.people,
    )


async def deliver_outbox(
    runtime: Runtime,
    *,
    clock: Callable[[], datetime] = utcnow,
    metrics: Metrics | None = None,
) -> tuple[int, int]:
    """Send the due alerts of the outbox with the configured retry policy: (sent, pending)."""
    if not runtime.channels:
        return 0, 0
    from worker.service.deliver import deliver_due

    sent, pending = await deliver_due(
        runtime.store, runtime.channels, clock=clock, policy=runtime.settings.alert_retry
    )
    if metrics is not None:
        metrics.deliveries.labels("sent").inc(sent)
        metrics.pending_alerts.set(pending)
    return sent, pending


def open_runtime(
    settings: Settings,
    environ: Mapping[str, str],
    *,
    create: bool = True,
    wait_for_disk: bool = False,
) -> Runtime:
    """Validate everything a user can get wrong before touching the network.

    create=False (read-only commands): a store that does not exist is not created.
    wait_for_disk (the daemon): a store on a full disk is opened unchecked; the daemon checks
    its schema once there is room again (Daemon.wait_for_store) instead of exiting.
    """
    channels = parse_alert_channels(settings, environ)
    roster: Roster | Callable[[], Roster] = (
        load_roster(settings.roster_files)  # the user's files: their errors before the network
        if settings.roster_files
        else functools.partial(load_roster, ())
    )
    try:
        store = open_store(settings.database_url, create=create)
    except StoreDiskFull as err:
        if not wait_for_disk:
            raise
        store = Store(settings.database_url)
        store.disk_full = str(err)
    return Runtime(settings, store, roster, channels)


def sync_feeds(store: Store, specs: Sequence[FeedSpec]) -> None:
    """Configured feeds are upserted into the store, which keeps their state.

    Workers starting together may insert the same feed at once: the loser retries and finds it.
    """
    for attempt in range(3):
        try:
            with store.begin() as conn:
                feeds.upsert_many(conn, specs)
            return
        except StoreConflict:
            if attempt == 2:
                raise


def ensure_feeds(runtime: Runtime) -> None:
    """Config feeds go into the store; with none configured anywhere, the bundled seeds do."""
    if runtime.settings.feeds:
        sync_feeds(runtime.store, runtime.settings.feeds)
        return
    with runtime.store.connect() as conn:
        if feeds.states(conn):
            return
    logger.info("no feeds configured: using the bundled seeds/feeds.toml")
    sync_feeds(runtime.store, default_feeds())
