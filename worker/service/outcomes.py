"""What the work of a run mode came to, counted, logged and measured in one place.

The daemon (one process) and the cluster worker (one of several) refresh feeds, detect changes
and watch the store's health the same way; both report it through an Outcomes, so their logs
(key=value or JSON, worker/service/logs.py) and their /metrics (worker/service/metrics.py) say
the same things under the same names.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from alerts.event import ChangeEvent
from storage import deliveries, feeds
from storage.db import Store
from storage.errors import StorageError, StoreDiskFull
from worker.pipeline.context import FeedOutcome
from worker.service.logs import log_kv
from worker.service.metrics import Metrics

DELIVERY_STATES = ("pending", "sent", "failed")


class Outcomes:
    """`logger`: the run mode's, so a log line says which mode wrote it."""

    def __init__(self, logger: logging.Logger, metrics: Metrics | None = None) -> None:
        self.logger = logger
        self.metrics = metrics or Metrics()
        self.stale: set[str] = set()  # feeds stale at the last look, to log only transitions
        self.last_error: str | None = None

    def refreshed(self, outcome: FeedOutcome, seconds: float) -> None:
        """One feed refreshed (or failed, or deferred) in `seconds`."""
        m = self.metrics
        m.fetch_seconds.observe(seconds)
        m.fetches.labels(outcome.status).inc()
        m.versions.inc(outcome.new_versions)
        self.changes(outcome.events)
        if outcome.status == "error":
            log_kv(self.logger, logging.WARNING, "feed_error", url=outcome.url, error=outcome.error)
        elif outcome.status == "deferred":  # never sent: not the site's failure
            log_kv(self.logger, logging.INFO, "feed_deferred", url=outcome.url, why=outcome.warning)

    def changes(self, events: Iterable[ChangeEvent]) -> None:
        for event in events:
            self.metrics.changes.labels(event["kind"]).inc()
            log_kv(
                self.logger,
                logging.INFO,
                "change",
                kind=event["kind"],
                id=event["id"],
                article=event["article"]["url"],
                summary=event["summary"],
            )

    def picked_up(self, now: datetime, due_at: Iterable[datetime | None]) -> None:
        """Feeds taken for a refresh at `now` that were due at `due_at` (None: new feeds)."""
        lag = max(((now - at).total_seconds() for at in due_at if at is not None), default=0.0)
        self.metrics.lag.set(max(0.0, lag))

    def look_at_store(self, store: Store, now: datetime, stale_after: float) -> feeds.Health:
        """Feeds in the store, in error and stale, and the outbox by state (logs and gauges)."""
        with store.read() as session:
            health = feeds.health(session, now, timedelta(seconds=stale_after))
            alerts = deliveries.count_by_state(session)
        m = self.metrics
        m.feeds_total.set(len(health.ids))
        m.feeds_in_error.set(len(health.in_error))
        m.feeds_stale.set(len(health.stale))
        for state in DELIVERY_STATES:
            m.alerts_by_state.labels(state).set(alerts.get(state, 0))
        now_stale = set(health.stale)
        for url in sorted(now_stale - self.stale):  # log the transition, not every look
            log_kv(self.logger, logging.WARNING, "feed_stale", url=url, span=stale_after)
        for url in sorted(self.stale - now_stale):
            log_kv(self.logger, logging.INFO, "feed_fresh", url=url)
        self.stale = now_stale
        return health

    def store_failed(self, what: str, err: StorageError) -> None:
        self.metrics.store_errors.inc()
        self.last_error = f"{what}: {err}"
        event = "disk_full" if isinstance(err, StoreDiskFull) else "store_unavailable"
        log_kv(self.logger, logging.ERROR, event, during=what, error=err, retry=True)
