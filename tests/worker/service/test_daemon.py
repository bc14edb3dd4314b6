"""The daemon in-process against a farm of feeds on 127.0.0.1: pace, edits seen while it runs
and readable with the CLI meanwhile, feeds added without a restart, metrics and health,
revisits and takedowns, a failing feed that recovers, a store that is briefly locked.

Each test runs `Daemon.run()` on the test's event loop with second-scale intervals and waits
for what a user would see (hits on the server, rows through `wirediff ...`), bounded in time.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import logging
import sqlite3
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Article
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Request, Response
from worker.cli import cli
from worker.config import DaemonOptions, Settings, load_settings
from worker.errors import ConfigError
from worker.ingest.fetch import FetchOptions
from worker.pipeline.context import FeedOutcome, FeedState
from worker.service.app import Runtime, sync_feeds
from worker.service.daemon import Daemon
from worker.service.logs import log_kv, setup_logging
from worker.service.metrics import Metrics, MetricsServer
from worker.service.seeds import load_roster

FAST = DaemonOptions(
    tick=0.1, revisit_every=0.2, deliver_every=0.5, housekeeping_every=0.2, shutdown_grace=5
)


def make_runtime(tmp_path: Path, *, busy_ms: int = 5000, **settings: Any) -> Runtime:
    url = f"sqlite:///{tmp_path / 'wirediff.db'}"
    store = Store(url, busy_timeout_ms=busy_ms)
    store.upgrade()
    base = Settings(
        database_url=url,
        database_source="flag",
        fetch=FetchOptions(timeout=5),
        metrics="127.0.0.1:0",
        daemon=FAST,
    )
    return Runtime(replace(base, **settings), store, load_roster(), ())


@asynccontextmanager
async def running(runtime: Runtime) -> AsyncIterator[Daemon]:
    daemon = Daemon(runtime)
    task = asyncio.create_task(daemon.run())
    try:
        await until(lambda: daemon.metrics_port is not None or task.done())
        yield daemon
        assert not task.done(), "the daemon stopped by itself"
    finally:
        daemon.stop()
        await asyncio.wait_for(task, 20)


async def until(pred: Callable[[], Any], timeout: float = 20.0) -> Any:
    """Wait (bounded) until pred() is truthy; pred runs in a thread so it may use the CLI."""
    deadline = time.monotonic() + timeout
    while True:
        value = await asyncio.to_thread(pred)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(0.05)


def wirediff(*args: str, missing_ok: bool = False) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if missing_ok and result.exit_code == 2 and "no stored report" in result.output:
        return []
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def timed(server: LocalServer, path: str, times: list[float]) -> None:
    """Record when each request for `path` arrived, around its existing handler."""
    inner = server.routes[path]

    def handler(req: Request, raw: Any) -> Response | None:
        times.append(time.monotonic())
        return inner(req, raw)

    server.route(path, handler)


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


def get(port: int | None, path: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture
def farm(server: LocalServer) -> Farm:
    f = Farm(server)
    for i in range(2):
        f.add_page(f"/news/{i}.html", f"Report {i}", [f"Item {i} of the day.", *REPORT])
    f.add_feed("/rss.xml", ["/news/0.html", "/news/1.html"])
    return f


def test_polls_at_its_interval_edits_show_in_cli_new_feeds_join_and_metrics_answer(
    tmp_path: Path, farm: Farm, server: LocalServer
) -> None:
    rt = make_runtime(tmp_path)
    db = rt.settings.database_url
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Wire", 1)])
    times: list[float] = []
    timed(server, "/rss.xml", times)

    async def scenario() -> None:
        async with running(rt) as daemon:
            await until(lambda: len(times) >= 4)
            # Polled again and again, and never sooner than its 1s interval (ticks are 0.1s).
            assert min(gaps(times)) >= 0.9, gaps(times)

            page = farm.pages["/news/1.html"]
            page.paragraphs[0] = "Item 1 of the day, corrected."
            page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
            found = await until(lambda: wirediff("changes", "--json", "--db", db))
            assert [e["article"]["url"] for e in found] == [server.url("/news/1.html")]
            assert found[0]["kind"] == "wording" and found[0]["from_version"] == 1

            # A feed added with the CLI while the daemon runs is polled without a restart.
            farm.add_page("/late/0.html", "Late report", ["A late item.", *REPORT])
            farm.add_feed("/late.xml", ["/late/0.html"])
            wirediff("feeds", "add", server.url("/late.xml"), "--interval", "1s", "--db", db)
            await until(lambda: len(server.hits("/late/0.html")) >= 1)
            history = await until(
                lambda: wirediff(
                    "history", server.url("/late/0.html"), "--json", "--db", db, missing_ok=True
                )
            )
            assert [v["version"] for v in history] == [1]

            status, body = get(daemon.metrics_port, "/metrics")
            text = body.decode()
            assert status == 200
            assert 'wirediff_fetches_total{outcome="ok"}' in text
            assert 'wirediff_changes_total{kind="wording"} 1.0' in text
            assert "wirediff_fetch_seconds_bucket" in text
            assert "wirediff_scheduler_lag_seconds" in text
            status, body = get(daemon.metrics_port, "/healthz")
            assert status == 200 and json.loads(body)["ok"] is True

    asyncio.run(scenario())
    # After the stop: the outcome is in the store, the change is there once.
    assert len(wirediff("changes", "--json", "--db", db)) == 1


def test_takedown_by_410_and_by_redirect_then_restored_and_revisits_end(
    tmp_path: Path, farm: Farm, server: LocalServer
) -> None:
    ages = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
    rt = make_runtime(tmp_path, revisit=ages)
    db = rt.settings.database_url
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Wire", 1)])

    def kinds() -> list[tuple[str, str]]:
        rows = wirediff("changes", "--json", "--db", db)
        return sorted((e["article"]["url"].rsplit("/", 1)[1], e["kind"]) for e in rows)

    async def scenario() -> None:
        async with running(rt):
            await until(lambda: len(server.hits("/news/1.html")) >= 1)
            # The items stay in the feed unchanged: only the revisits see the pages go.
            farm.pages["/news/0.html"].status = 410
            farm.pages["/news/1.html"].redirect_to = server.url("/")
            await until(lambda: kinds() == [("0.html", "removed"), ("1.html", "removed")])
            farm.pages["/news/0.html"].status = 200
            farm.pages["/news/1.html"].redirect_to = None
            await until(lambda: len(kinds()) == 4)
            assert kinds() == [
                ("0.html", "removed"),
                ("0.html", "restored"),
                ("1.html", "removed"),
                ("1.html", "restored"),
            ]
            # After the last revisit age the page is left alone (the feed item is unchanged).
            await until(lambda: _revisits_done(rt.store), timeout=10)
            before = len(server.hits("/news/0.html"))
            await asyncio.sleep(1.0)
            assert len(server.hits("/news/0.html")) == before

    asyncio.run(scenario())


def _revisits_done(store: Store) -> bool:
    with store.read() as s:
        return not s.scalar(sa.select(sa.func.count()).where(Article.next_check_at.is_not(None)))


def test_failing_feed_backs_off_then_recovers_by_itself(
    tmp_path: Path, farm: Farm, server: LocalServer
) -> None:
    rt = make_runtime(tmp_path)
    db = rt.settings.database_url
    url = server.url("/rss.xml")
    sync_feeds(rt.store, [FeedSpec(url, "Wire", 1)])
    failing = {"on": True}
    feed = server.routes["/rss.xml"]
    times: list[float] = []

    def flaky(req: Request, raw: Any) -> Response | None:
        if failing["on"]:
            times.append(time.monotonic())
            return Response(500, b"boom")
        return feed(req, raw)

    server.route("/rss.xml", flaky)

    async def scenario() -> None:
        async with running(rt) as daemon:
            await until(lambda: len(times) >= 3)
            # Retried after its interval, then twice that: never dropped, never hammered.
            first, second = gaps(times)[:2]
            assert first >= 0.9 and second >= 1.9, gaps(times)
            [row] = wirediff("feeds", "list", "--json", "--db", db)
            assert row["error_count"] >= 2 and "500" in row["last_error"]
            await until(lambda: "wirediff_feeds_in_error 1.0" in _metrics(daemon))

            failing["on"] = False
            await until(lambda: len(server.hits("/news/0.html")) >= 1, timeout=15)
            [row] = await until(
                lambda: [
                    r for r in wirediff("feeds", "list", "--json", "--db", db) if r["last_ok_at"]
                ]
            )
            assert row["error_count"] == 0 and row["last_error"] is None
            await until(lambda: "wirediff_feeds_in_error 0.0" in _metrics(daemon))

    asyncio.run(scenario())


def _metrics(daemon: Daemon) -> str:
    return get(daemon.metrics_port, "/metrics")[1].decode()


def test_a_locked_database_does_not_stop_the_daemon(
    tmp_path: Path, farm: Farm, server: LocalServer
) -> None:
    rt = make_runtime(tmp_path, busy_ms=100)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Wire", 1)])
    times: list[float] = []
    timed(server, "/rss.xml", times)

    async def scenario() -> None:
        async with running(rt) as daemon:
            await until(lambda: len(times) >= 1)
            lock = sqlite3.connect(tmp_path / "wirediff.db", isolation_level=None)
            lock.execute("BEGIN EXCLUSIVE")  # another process holding the write lock
            try:
                await until(lambda: daemon.metrics.store_errors._value.get() >= 1)
                assert "locked" in (daemon.health()["last_error"] or "")
            finally:
                lock.execute("COMMIT")
                lock.close()
            polled = len(times)
            await until(lambda: len(times) >= polled + 2)
            await until(lambda: daemon.health()["ok"])

    asyncio.run(scenario())


def test_adaptive_interval_stays_within_its_bounds(tmp_path: Path) -> None:
    rt = make_runtime(tmp_path, daemon=replace(FAST, max_interval_factor=4.0))
    daemon = Daemon(rt)
    feed = FeedState(1, "http://x/rss", None, None, 900, True, None, None, None, 0)
    quiet = FeedOutcome(feed.url, "not_modified")
    busy = FeedOutcome(feed.url, "ok", new_versions=2)
    for _ in range(3):
        daemon._adapt(feed, quiet)
    assert daemon.paced(feed).interval_s == 900  # a few quiet checks change nothing yet
    for _ in range(20):
        daemon._adapt(feed, quiet)
    assert daemon.paced(feed).interval_s == 3600  # quiet feeds: less often, up to 4x
    daemon._adapt(feed, busy)
    assert daemon.paced(feed).interval_s == 1800  # publishing again: twice as often
    for _ in range(5):
        daemon._adapt(feed, busy)
    assert daemon.paced(feed).interval_s == 900  # never more often than configured
    # A failing feed backs off from its configured interval (SPEC timing).
    assert daemon.paced(replace(feed, error_count=1)).interval_s == 900
    # Sub-minute (test) intervals are kept exactly.
    fast = replace(feed, id=2, interval_s=5)
    for _ in range(20):
        daemon._adapt(fast, quiet)
    assert daemon.paced(fast).interval_s == 5


def test_daemon_settings_errors_are_one_line(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[daemon]\nmin_interval_factor = 5\nmax_interval_factor = 2\n")
    with pytest.raises(ConfigError, match=r"min_interval_factor .* is above max_interval_factor"):
        load_settings(cfg, {})
    cfg.write_text('[daemon]\ntick = "soon"\n')
    with pytest.raises(ConfigError, match=r"\[daemon\] tick"):
        load_settings(cfg, {})
    with pytest.raises(ConfigError, match="expected HOST:PORT"):
        MetricsServer("localhost", Metrics(), dict)


def test_logs_are_key_value_text_or_json() -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    log = logging.getLogger("wirediff.test")
    try:
        out = io.StringIO()
        setup_logging("json", stream=out)
        log_kv(log, logging.INFO, "change", kind="wording", summary='a "quoted" word')
        line = json.loads(out.getvalue())
        assert line["event"] == "change" and line["kind"] == "wording"
        assert line["summary"] == 'a "quoted" word' and line["level"] == "info"

        out = io.StringIO()
        setup_logging("text", stream=out)
        log_kv(log, logging.WARNING, "feed_error", url="http://x/", error="HTTP 500 boom")
        text = out.getvalue()
        assert "level=warning" in text
        assert 'feed_error url=http://x/ error="HTTP 500 boom"' in text
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved[0]:
            root.addHandler(h)
        root.setLevel(saved[1])


def test_run_once_refreshes_what_is_due_and_returns(
    tmp_path: Path, farm: Farm, server: LocalServer
) -> None:
    rt = make_runtime(tmp_path, metrics=None)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Wire", 3600)])
    asyncio.run(Daemon(rt).run(once=True))
    history = wirediff(
        "history", server.url("/news/0.html"), "--json", "--db", rt.settings.database_url
    )
    assert [v["version"] for v in history] == [1]
    asyncio.run(Daemon(rt).run(once=True))  # not due again for an hour: not polled
    assert len(server.hits("/rss.xml")) == 1


def test_a_feed_error_is_logged_once(
    tmp_path: Path, farm: Farm, server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    rt = make_runtime(tmp_path, metrics=None)
    broken = server.static("/broken.xml", b"oops", 500)
    sync_feeds(rt.store, [FeedSpec(broken, "Broken", 3600), FeedSpec(server.url("/rss.xml"))])
    with caplog.at_level(logging.INFO):
        asyncio.run(Daemon(rt).run(once=True))
    about = [
        r.getMessage()
        for r in caplog.records
        if broken in r.getMessage() and not r.name.startswith("httpx")  # quiet in `run`
    ]
    assert len(about) == 1 and about[0].startswith("feed_error"), about
