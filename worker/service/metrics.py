"""Prometheus metrics and the /metrics + /healthz endpoint of the daemon (prometheus-client).

Input: a HOST:PORT address, the daemon's Metrics and a health callable. Output: an HTTP server
in a thread answering /metrics (Prometheus text) and /healthz (JSON, 200 or 503). Each daemon
gets its own registry, so tests can run several in one process.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, make_wsgi_app

from worker.errors import ConfigError


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.fetches = Counter(
            "wirediff_fetches", "Feed fetches by outcome", ["outcome"], registry=r
        )
        self.fetch_seconds = Histogram(
            "wirediff_fetch_seconds",
            "Time to refresh one feed (fetch, parse, pages, store)",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
            registry=r,
        )
        self.versions = Counter("wirediff_versions_stored", "New versions stored", registry=r)
        self.changes = Counter("wirediff_changes", "Changes detected by kind", ["kind"], registry=r)
        self.deliveries = Counter(
            "wirediff_deliveries", "Alert delivery attempts by result", ["state"], registry=r
        )
        self.pending_alerts = Gauge("wirediff_alerts_pending", "Undelivered alerts", registry=r)
        self.alerts_by_state = Gauge(
            "wirediff_alerts", "Alerts in the outbox by state", ["state"], registry=r
        )
        self.feeds_total = Gauge("wirediff_feeds", "Feeds in the store", registry=r)
        self.feeds_in_error = Gauge(
            "wirediff_feeds_in_error", "Feeds whose last fetch failed", registry=r
        )
        self.feeds_stale = Gauge(
            "wirediff_feeds_stale",
            "Feeds without a successful fetch for the stale span",
            registry=r,
        )
        self.lag = Gauge(
            "wirediff_scheduler_lag_seconds",
            "How late the most overdue feed was picked up",
            registry=r,
        )
        self.store_errors = Counter(
            "wirediff_store_errors", "Store operations that failed", registry=r
        )
        self.last_tick = Gauge(
            "wirediff_last_tick_timestamp", "Unix time of the last scheduler tick", registry=r
        )


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _app(metrics: Metrics, health: Callable[[], dict[str, Any]]) -> Callable[..., Iterable[bytes]]:
    prometheus = make_wsgi_app(metrics.registry)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            status = health()
            body = json.dumps(status).encode()
            code = "200 OK" if status.get("ok") else "503 Service Unavailable"
            start_response(
                code, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            )
            return [body]
        result: Iterable[bytes] = prometheus(environ, start_response)
        return result

    return app


class MetricsServer:
    """/metrics and /healthz on host:port, in a daemon thread."""

    def __init__(
        self, address: str, metrics: Metrics, health: Callable[[], dict[str, Any]]
    ) -> None:
        host, _, port = address.rpartition(":")
        if not port.isdigit() or int(port) > 65535:
            raise ConfigError(
                f"[daemon] metrics {address!r}: expected HOST:PORT, e.g. 127.0.0.1:9108"
            )
        try:
            self.server: WSGIServer = make_server(
                host or "127.0.0.1", int(port), _app(metrics, health), handler_class=_QuietHandler
            )
        except OSError as err:
            raise ConfigError(
                f"[daemon] metrics {address!r}: cannot listen: {err.strerror or err}"
            ) from err
        self.port = self.server.server_port
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> MetricsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
