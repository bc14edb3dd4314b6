"""Several workers on one PostgreSQL store: shared polling, exactly-once changes, crash recovery.

Real processes (tests/support/cluster_launcher.py runs worker.service.cluster.run_cluster), the real PostgreSQL
from WIREDIFF_TEST_POSTGRES_URL (a fresh database per test), a feed farm and a webhook receiver
on 127.0.0.1 that checks each delivery's HMAC signature.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from storage.db import Store
from storage.engine import install_engine_schema
from storage.models import Article, Change, Feed, Version
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Request, Response

ROOT = Path(__file__).resolve().parents[3]
SECRET = "cluster-hook-secret"
FEEDS = 30
RESTART_FEEDS = 4
INTERVAL = 2.0  # seconds between two polls of one feed, at least


@pytest.fixture
def pg_url(pg_url: str) -> str:
    """The conftest's fresh PostgreSQL database, migrated, with the job engine's schema."""
    store = Store(pg_url)
    store.upgrade()
    store.dispose()
    install_engine_schema(pg_url)
    return pg_url


@dataclass
class Receiver:
    """The webhook endpoint: every delivery with its idempotency key and signature check."""

    deliveries: list[tuple[str, bool]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, req: Request, _h: object) -> Response:
        expected = "sha256=" + hmac.new(SECRET.encode(), req.body, hashlib.sha256).hexdigest()
        ok = hmac.compare_digest(expected, req.headers.get("x-wirediff-signature", ""))
        with self.lock:
            self.deliveries.append((json.loads(req.body)["id"], ok))
        return Response(204)

    def ids(self) -> list[str]:
        with self.lock:
            return [i for i, _ in self.deliveries]


@dataclass
class Polls:
    """When each feed was asked for (monotonic seconds), recorded by the farm's server."""

    times: dict[str, list[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wrap(
        self, path: str, handler: Callable[[Request, object], Response], delay: float
    ) -> Callable[[Request, object], Response]:
        def serve(req: Request, h: object) -> Response:
            with self.lock:
                self.times.setdefault(path, []).append(time.monotonic())
            if delay:
                time.sleep(delay)  # a slow origin keeps workers busy mid-refresh
            return handler(req, h)

        return serve

    def count(self, path: str, after: float = 0.0) -> int:
        with self.lock:
            return sum(t > after for t in self.times.get(path, []))


def make_farm(
    server: LocalServer, polls: Polls, *, delay: float = 0.0, feeds: int = FEEDS
) -> tuple[Farm, list[str]]:
    farm = Farm(server)
    paths = []
    for i in range(feeds):
        page = f"/f{i}/report.html"
        farm.add_page(
            page, f"Report {i}", [f"Conference {i} opened in Beijing on Nov. 26.", *REPORT]
        )
        feed = f"/f{i}/rss.xml"
        farm.add_feed(feed, [page])
        server.route(feed, polls.wrap(feed, farm._serve_feed, delay))
        paths.append(feed)
    return farm, paths


def write_config(tmp_path: Path, db_url: str, server: LocalServer, feed_paths: list[str]) -> Path:
    lines = [
        f"[storage]\nurl = {json.dumps(db_url)}\n",
        "[fetch]\ntimeout = 10\nrevisit = []\n",
        '[daemon]\ntick = "1s"\ndeliver_every = "1s"\nrevisit_every = "1h"\nshutdown_grace = "10s"\n',
    ]
    for path in feed_paths:
        lines.append(f'[[feeds]]\nurl = "{server.url(path)}"\ninterval = "{INTERVAL:g}s"\n')
    lines.append(
        f'[[alerts]]\ntype = "webhook"\nurl = "{server.url("/hook")}"\nsecret_env = "HOOK_SECRET"\n'
    )
    config = tmp_path / "wirediff.toml"
    config.write_text("\n".join(lines))
    return config


class Workers:
    """N worker processes; every one still alive is killed when the test ends."""

    def __init__(
        self,
        config: Path,
        logs: Path,
        count: int,
        *,
        cli: bool = False,
        metrics: int | list[int] | None = None,
    ) -> None:
        env = {**os.environ, "HOOK_SECRET": SECRET, "PYTHONPATH": str(ROOT)}
        env.pop("WIREDIFF_DB", None)
        env.pop("WIREDIFF_METRICS", None)
        # cli: exactly what a user runs, `wirediff run --config F`; else the test launcher
        command = (
            [sys.executable, "-m", "worker", "run", "--config", str(config)]
            if cli
            else [sys.executable, "-m", "tests.support.cluster_launcher", str(config)]
        )
        self.logs = [logs / f"worker{i}.log" for i in range(count)]
        # one port: the first worker serves /metrics and /healthz; a list: one per worker
        ports = [metrics] if isinstance(metrics, int) else list(metrics or [])
        self.procs = [
            subprocess.Popen(
                command,
                cwd=ROOT,
                env={**env, "WIREDIFF_METRICS": f"127.0.0.1:{ports[i]}"} if i < len(ports) else env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log.open("wb"),
            )
            for i, log in enumerate(self.logs)
        ]

    def log(self, i: int) -> str:
        return self.logs[i].read_text(errors="replace")

    def stop(self, timeout: float = 30.0) -> list[int | None]:
        """SIGTERM every live worker; their exit codes (None: killed after the timeout)."""
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        codes: list[int | None] = []
        for p in self.procs:
            try:
                codes.append(p.wait(timeout))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                codes.append(None)
        return codes

    def kill_all(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait()


@pytest.fixture
def workers() -> Iterator[Callable[[Path, Path, int], Workers]]:
    started: list[Workers] = []

    def start(config: Path, logs: Path, count: int, **kw: Any) -> Workers:
        w = Workers(config, logs, count, **kw)
        started.append(w)
        return w

    yield start
    for w in started:
        w.kill_all()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(what: str, check: Callable[[], bool], timeout: float, workers: Workers) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        dead = [
            i for i, p in enumerate(workers.procs) if p.poll() is not None and p.returncode != -9
        ]
        if dead:
            pytest.fail(f"worker {dead[0]} exited early:\n{workers.log(dead[0])[-3000:]}")
        time.sleep(0.2)
    logs = "\n".join(workers.log(i)[-1500:] for i in range(len(workers.procs)))
    pytest.fail(f"timed out waiting for {what}\n{logs}")


def scalar(engine: sa.Engine, query: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(sa.text(query), params).scalar()


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.timeout(90)
def test_three_workers_share_the_feeds_and_record_and_alert_each_edit_once(
    pg_url: str, server: LocalServer, tmp_path: Path, workers: Callable[..., Workers]
) -> None:
    polls, receiver = Polls(), Receiver()
    farm, feed_paths = make_farm(server, polls)
    server.route("/hook", receiver)
    config = write_config(tmp_path, pg_url, server, feed_paths)
    engine = sa.create_engine(pg_url)
    try:
        port = free_port()
        w = workers(config, tmp_path, 3, cli=True, metrics=port)
        wait_for(
            "every report stored",
            lambda: scalar(engine, "SELECT count(*) FROM versions") == FEEDS,
            45,
            w,
        )
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        assert health.status_code == 200 and health.json()["ok"] is True
        edited = [f"/f{i}/report.html" for i in range(0, FEEDS, 3)]
        for path in edited:
            page = farm.pages[path]
            page.paragraphs[0] = page.paragraphs[0].replace("Nov. 26", "Nov. 25")
        wait_for(
            "a change and an alert for each edit",
            lambda: len(set(receiver.ids())) >= len(edited),
            30,
            w,
        )
        # Every feed polled again: a duplicate refresh, change or alert would show by now.
        mark = time.monotonic()
        wait_for(
            "another poll of every feed",
            lambda: all(polls.count(p, after=mark) >= 1 for p in feed_paths),
            30,
            w,
        )
        # the first worker counts its own refreshes on /metrics (the queue hands it some soon)
        wait_for(
            "refreshes counted on the first worker's /metrics",
            lambda: (
                'wirediff_fetches_total{outcome="ok"}'
                in httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
            ),
            30,
            w,
        )
        assert w.stop() == [0, 0, 0]  # SIGTERM: graceful, exit 0

        # Each worker did part of the polling.
        for i in range(3):
            assert "refresh feed=" in w.log(i), f"worker {i} refreshed nothing"
        # No feed polled more often than its interval allows.
        for path in feed_paths:
            times = polls.times[path]
            gaps = [b - a for a, b in itertools.pairwise(times)]
            assert min(gaps) >= INTERVAL - 0.05, (path, gaps)

        store = Store(pg_url)
        with store.read() as s:
            changes = s.scalars(sa.select(Change)).all()
            by_article = {a.id: a.url for a in s.scalars(sa.select(Article))}
            numbers = s.execute(sa.select(Version.article_id, Version.number)).all()
            feeds_polled = s.scalars(sa.select(Feed.last_ok_at)).all()
        store.dispose()
        # Each edit recorded once: one change per edited report, from version 1 to 2.
        assert sorted(str(by_article[c.article_id]) for c in changes) == sorted(
            server.url(p) for p in edited
        )
        assert {(c.from_version, c.to_version) for c in changes} == {(1, 2)}
        assert sorted(numbers) == sorted(
            [(a, 1) for a in by_article]
            + [(a, 2) for a, url in by_article.items() if url in {server.url(p) for p in edited}]
        )
        assert all(feeds_polled)
        # Each alert delivered once, signed, for exactly the recorded changes.
        assert sorted(receiver.ids()) == sorted(c.id for c in changes)
        assert all(ok for _, ok in receiver.deliveries)
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.timeout(90)
def test_a_worker_killed_mid_refresh_loses_nothing(
    pg_url: str, server: LocalServer, tmp_path: Path, workers: Callable[..., Workers]
) -> None:
    polls = Polls()
    _farm, feed_paths = make_farm(server, polls, delay=0.5)  # each feed answers after half a second
    server.route("/hook", Receiver())
    config = write_config(tmp_path, pg_url, server, feed_paths)
    engine = sa.create_engine(pg_url)
    try:
        w = workers(config, tmp_path, 3)
        wait_for(
            "every report stored",
            lambda: scalar(engine, "SELECT count(*) FROM versions") == FEEDS,
            45,
            w,
        )
        victim = w.procs[0]
        # Under load one worker can miss the first round of 30; the feeds are polled again
        # every INTERVAL, so it takes its share soon after.
        wait_for("worker 0 refreshing feeds", lambda: bool(_worker_ids(w.log(0))), 20, w)
        ids = _worker_ids(w.log(0))
        in_flight: list[int] = []

        def victim_busy() -> bool:
            in_flight[:] = _doing(engine, ids)
            return bool(in_flight)

        wait_for("worker 0 in the middle of a refresh", victim_busy, 20, w)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        killed_at = time.monotonic()
        killed_wall = scalar(engine, "SELECT now()")
        lost = _doing(engine, ids)  # refreshes that were in flight when it died
        assert lost, "worker 0 finished its refresh before the kill; nothing to recover"
        lost_feeds = [
            int(
                str(
                    scalar(
                        engine, "SELECT args->>'feed_id' FROM procrastinate_jobs WHERE id=:j", j=j
                    )
                )
            )
            for j in lost
        ]

        # The survivors carry on: every feed, the dead worker's too, polled again...
        wait_for(
            "every feed polled after the kill",
            lambda: all(polls.count(p, after=killed_at) >= 1 for p in feed_paths),
            60,
            w,
        )
        # ...and the refreshes cut off by the kill were run again to the end by another worker.
        wait_for(
            "the killed worker's refreshes run again",
            lambda: (
                all(
                    scalar(
                        engine,
                        "SELECT last_ok_at > :t FROM feeds WHERE id = :f",
                        t=killed_wall,
                        f=f,
                    )
                    for f in lost_feeds
                )
                and not _doing(engine, ids)
            ),
            60,
            w,
        )
        codes = w.stop()
        assert codes[1:] == [0, 0]
        assert scalar(engine, "SELECT count(*) FROM versions") == FEEDS  # nothing stored twice
        assert scalar(engine, "SELECT count(*) FROM changes") == 0
    finally:
        engine.dispose()


def _worker_ids(log: str) -> set[int]:
    return {
        int(part.split("=", 1)[1])
        for line in log.splitlines()
        for part in line.split()
        if part.startswith("worker_id=") and part.split("=", 1)[1].isdigit()
    }


def _doing(engine: sa.Engine, worker_ids: set[int]) -> list[int]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT id FROM procrastinate_jobs WHERE status = 'doing' "
                "AND task_name = 'wirediff.refresh' AND worker_id = ANY(:w)"
            ),
            {"w": list(worker_ids)},
        )
        return [int(r[0]) for r in rows]


@pytest.mark.postgres
def test_concurrent_schedulers_claim_each_due_feed_once(pg_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor
    from datetime import UTC, datetime, timedelta

    from storage import feeds
    from storage.claims import claim_due_feeds
    from storage.feeds import FeedSpec

    store = Store(pg_url)
    try:
        with store.write() as s:
            for i in range(200):
                feeds.add(s, FeedSpec(f"https://example.org/{i}.xml", interval_s=60))
        now = datetime.now(UTC)
        lease = now + timedelta(seconds=50)
        with ThreadPoolExecutor(4) as pool:
            batches = list(pool.map(lambda _: claim_due_feeds(store, now, lease, 80), range(4)))
        claimed = [c.feed_id for batch in batches for c in batch]
        assert len(claimed) == len(set(claimed)) == 200  # all claimed, none twice
        assert claim_due_feeds(store, now, lease, 80) == []  # leased: nothing is due any more
    finally:
        store.dispose()
    assert "current" in install_engine_schema(pg_url)  # installing again changes nothing


@dataclass
class Outage:
    """A database the test can take away and give back, and how that is done."""

    url: str
    how: str
    begin: Callable[[], None]
    end: Callable[[], None]


def _prepared(url: str) -> str:
    store = Store(url)
    store.upgrade()
    store.dispose()
    install_engine_schema(url)
    return url


@pytest.fixture
def outage() -> Iterator[Outage]:
    """A real restart of a private PostgreSQL server (never the shared one). Where no private
    server can run, the shared server's database is closed to connections and its backends
    terminated (pg_terminate_backend) instead, which workers see the same way."""
    from tests.support.pg import (
        PrivateServer,
        PrivateServerUnavailable,
        create_database,
        drop_database,
    )

    try:
        private = PrivateServer()
    except PrivateServerUnavailable as err:
        unavailable = str(err)
    else:
        try:
            private.start()
            yield Outage(
                _prepared(create_database(private.url)),
                "a private PostgreSQL server stopped (fast) and started again",
                private.stop,
                private.start,
            )
        finally:
            private.close()
        return
    base = os.environ.get("WIREDIFF_TEST_POSTGRES_URL")
    if not base:
        pytest.skip(
            f"no private PostgreSQL server ({unavailable}) and no WIREDIFF_TEST_POSTGRES_URL"
        )
    url = _prepared(create_database(base))
    name = sa.make_url(url).database
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")

    def begin() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                ),
                {"n": name},
            )

    def end() -> None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))

    try:
        yield Outage(url, f"backends terminated on the shared server ({unavailable})", begin, end)
    finally:
        end()
        admin.dispose()
        drop_database(base, url)


def healthz(port: int) -> int | None:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code
    except httpx.HTTPError:
        return None


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.timeout(180)
def test_two_workers_ride_through_a_database_restart_and_alert_the_next_edit_once(
    outage: Outage, server: LocalServer, tmp_path: Path, workers: Callable[..., Workers]
) -> None:
    polls, receiver = Polls(), Receiver()
    farm, feed_paths = make_farm(server, polls, feeds=RESTART_FEEDS)
    server.route("/hook", receiver)
    config = write_config(tmp_path, outage.url, server, feed_paths)
    ports = [free_port(), free_port()]
    w = workers(config, tmp_path, 2, cli=True, metrics=ports)
    engine = sa.create_engine(outage.url, pool_pre_ping=True)
    try:
        wait_for(
            "every report stored",
            lambda: scalar(engine, "SELECT count(*) FROM versions") == RESTART_FEEDS,
            45,
            w,
        )
        # on a loaded machine the second worker may still be starting: wait for its /healthz
        wait_for("both workers healthy", lambda: [healthz(p) for p in ports] == [200, 200], 30, w)

        outage.begin()  # the database is away
        engine.dispose()
        wait_for(
            f"both workers unhealthy while the database is away ({outage.how})",
            lambda: [healthz(p) for p in ports] == [503, 503],
            30,
            w,
        )
        time.sleep(2)  # away a little longer: the workers probe it and back off meanwhile
        assert [p.poll() for p in w.procs] == [None, None], outage.how
        outage.end()

        wait_for(
            f"both workers healthy again ({outage.how})",
            lambda: [healthz(p) for p in ports] == [200, 200],
            60,
            w,
        )
        page = farm.pages["/f3/report.html"]
        page.paragraphs[0] = page.paragraphs[0].replace("Nov. 26", "Nov. 25")
        edited_at = time.monotonic()
        wait_for(
            f"the next edit recorded and alerted ({outage.how})",
            lambda: len(receiver.ids()) >= 1,
            60,
            w,
        )
        assert time.monotonic() - edited_at < 60
        mark = time.monotonic()  # a duplicate refresh, change or alert would show by now
        wait_for(
            "another poll of every feed",
            lambda: all(polls.count(p, after=mark) >= 1 for p in feed_paths),
            60,
            w,
        )
        assert [p.poll() for p in w.procs] == [None, None]  # both still running
        assert w.stop() == [0, 0]
        for i in range(2):
            assert "job loop restarting" in w.log(i), w.log(i)[-2000:]
        with engine.connect() as conn:
            changes = conn.execute(sa.text("SELECT id FROM changes")).scalars().all()
        assert scalar(engine, "SELECT count(*) FROM versions") == RESTART_FEEDS + 1
        assert len(changes) == 1
        assert receiver.ids() == list(changes)  # alerted once, signed
        assert all(ok for _, ok in receiver.deliveries)
    finally:
        engine.dispose()


@pytest.mark.postgres
async def test_a_job_loop_that_keeps_stopping_while_the_database_answers_is_an_error(
    pg_url: str, tmp_path: Path
) -> None:
    """The stop that is not asked for and not a database outage: serve raises (exit 1)."""
    from worker.config import load_settings
    from worker.service.app import open_runtime
    from worker.service.cluster import ClusterOptions, ClusterWorkerStopped, serve

    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:  # procrastinate cannot register a worker any more
        conn.execute(sa.text("DROP TABLE procrastinate_workers CASCADE"))
    engine.dispose()
    config = tmp_path / "wirediff.toml"
    config.write_text(f'[storage]\nurl = "{pg_url}"\n')
    runtime = open_runtime(load_settings(config, {}), {})
    options = ClusterOptions(max_restarts=2, reconnect_first=0.1)
    try:
        with pytest.raises(ClusterWorkerStopped, match="stopped 2 times in a row"):
            await serve(runtime, options, stop=asyncio.Event())
    finally:
        runtime.store.dispose()


def scrape(port: int) -> dict[str, float]:
    """/metrics over HTTP, parsed by prometheus-client: sample name{labels} -> value."""
    from prometheus_client.parser import text_string_to_metric_families

    body = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    samples = {}
    for family in text_string_to_metric_families(body):
        for s in family.samples:
            labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
            samples[f"{s.name}{{{labels}}}" if labels else s.name] = s.value
    return samples


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.timeout(90)
def test_a_cluster_worker_measures_its_feeds_errors_lag_and_fetch_times(
    pg_url: str, server: LocalServer, tmp_path: Path, workers: Callable[..., Workers]
) -> None:
    """The feeds, error, lag and fetch-time metrics of a cluster worker after real work (they
    were never set in cluster mode: /metrics said 0)."""
    polls = Polls()
    _farm, feed_paths = make_farm(server, polls, feeds=2)
    server.static("/gone.xml", b"gone", status=404)
    config = tmp_path / "wirediff.toml"
    config.write_text(
        f"[storage]\nurl = {json.dumps(pg_url)}\n"
        "[fetch]\ntimeout = 10\nrevisit = []\n"
        '[daemon]\ntick = "1s"\nhousekeeping_every = "1s"\nshutdown_grace = "5s"\n'
        + "".join(
            f'[[feeds]]\nurl = "{server.url(p)}"\ninterval = "{INTERVAL:g}s"\n'
            for p in [*feed_paths, "/gone.xml"]
        )
    )
    port = free_port()
    w = workers(config, tmp_path, 1, cli=True, metrics=port)

    def measured() -> bool:
        try:
            m = scrape(port)
        except httpx.HTTPError:
            return False
        return (
            m.get("wirediff_feeds") == 3
            and m.get("wirediff_feeds_in_error") == 1
            and m.get('wirediff_fetches_total{outcome="error"}', 0) >= 1
            and m.get('wirediff_fetches_total{outcome="ok"}', 0) >= 2
            and m.get("wirediff_versions_stored_total", 0) >= 2
            and m.get("wirediff_fetch_seconds_count", 0) >= 3
            and m.get("wirediff_scheduler_lag_seconds", 0) > 0  # feeds picked up again
        )

    wait_for("the worker's metrics after real work", measured, 60, w)
    m = scrape(port)
    assert m["wirediff_fetch_seconds_sum"] > 0
    assert m['wirediff_alerts{state="pending"}'] == 0
    assert w.stop() == [0]
    log = w.log(0)
    assert "feed_error" in log and "/gone.xml" in log
