"""A busy pass: slow and hanging sites must not make healthy feeds and pages look broken.

The farm of issue 16 at half size: 50 feeds x 3 pages on one host, 10 feeds' pages answering slowly,
4 requests at once. Times are scaled down (a slow page answers after 0.5 s, the request
deadline is 1.5 s: each slow request has a second of headroom), so the pass takes seconds,
while the queue in front of the last requests is many times the deadline.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time

import sqlalchemy as sa

from storage.feeds import FeedSpec
from storage.models import Version
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Response
from tests.worker.pipeline.test_refresh import _Sink, make_runtime, run
from worker.errors import QueueTimeout
from worker.ingest.fetch import Fetcher, FetchOptions
from worker.output.console import Console, PassReport
from worker.service.app import sync_feeds
from worker.service.passes import one_pass

FEEDS, PAGES, SLOW_FEEDS = 50, 3, 10
SLOW_S, DEADLINE_S = 0.5, 1.5


def slow_farm(server, feeds: int = FEEDS, slow: int = SLOW_FEEDS) -> list[str]:
    """`feeds` feeds of PAGES pages each; the pages of the first `slow` feeds answer slowly."""
    farm = Farm(server)
    urls = []
    for f in range(feeds):
        paths = []
        for p in range(PAGES):
            path = f"/f{f}/{p}.html"
            farm.add_page(path, f"Feed {f} report {p}", [f"Story {f}.{p}.", *REPORT[:2]])
            if f < slow:
                server.route(path, _slowly(farm._serve_page))
            paths.append(path)
        urls.append(farm.add_feed(f"/f{f}.xml", paths))
    return urls


def _slowly(handler):
    def serve(req, h):
        time.sleep(SLOW_S)
        return handler(req, h)

    return serve


def test_healthy_pages_are_never_reported_timed_out_in_a_busy_pass(tmp_path, server):
    feeds = slow_farm(server)
    options = FetchOptions(timeout=DEADLINE_S, concurrency=4, per_host=4)
    runtime = make_runtime(f"sqlite:///{tmp_path / 'w.db'}", fetch=options)
    sync_feeds(runtime.store, [FeedSpec(url=u, interval_s=60) for u in feeds])
    report = run(runtime)
    assert report.errors == 0
    with runtime.store.read() as s:
        sources = s.execute(sa.select(Version.source, sa.func.count()).group_by(Version.source))
        by_source = dict(sources.all())
    # every page answered within the deadline, so every version is the page's own text
    assert by_source == {"page": FEEDS * PAGES}


def _held(server) -> threading.Event:
    """A route /held that answers only once the returned event is set (or after 5 s at most)."""
    gate = threading.Event()

    def held(req, h):
        gate.wait(5)  # bounded: released by the test, or after 5 s at most
        return Response(200, b"ok")

    server.route("/held", held)
    return gate


async def test_waiting_in_line_is_bounded_and_is_not_the_sites_failure(server):
    gate = _held(server)
    url = server.url("/held")
    options = FetchOptions(timeout=10, concurrency=1, per_host=1, queue_timeout=0.3)
    async with Fetcher(options) as fetcher:
        first = asyncio.create_task(fetcher.fetch(url))
        await asyncio.sleep(0.1)
        try:
            await fetcher.fetch(server.url("/other"))
        except QueueTimeout as err:
            message = str(err)
        else:
            raise AssertionError("the second request should have waited in line")
        gate.set()
        result = await first
    assert result.status == 200
    assert "timed out" not in message and "waited" in message
    assert server.hits("/other") == []  # it was never sent: nothing is said about that site


async def test_a_request_cancelled_while_waiting_gives_back_the_slots_it_took(server):
    # concurrency 1: a second host's request takes its host's slot, then waits for the
    # first-contact slot the first request holds, and is cancelled there.
    gate = _held(server)
    other = LocalServer().start()
    try:
        other.route("/page", lambda req, h: Response(200, b"page"))
        options = FetchOptions(timeout=10, concurrency=1, per_host=1, queue_timeout=2)
        async with Fetcher(options) as fetcher:
            first = asyncio.create_task(fetcher.fetch(server.url("/held")))
            await asyncio.sleep(0.1)
            waiting = asyncio.create_task(fetcher.fetch(other.url("/page")))
            await asyncio.sleep(0.1)
            waiting.cancel()
            await asyncio.gather(waiting, return_exceptions=True)
            gate.set()
            assert (await first).status == 200
            # the other host's slot came back: its next request is sent, not left in line
            again = await fetcher.fetch(other.url("/page"))
        assert again.status == 200
        assert len(other.hits("/page")) == 1
    finally:
        other.stop()


def test_a_host_whose_connects_hang_does_not_starve_the_others(tmp_path, server):
    # A listening socket whose accept queue is full: every further connect to it hangs.
    with socket.socket() as hanging, socket.socket() as filler:
        hanging.bind(("127.0.0.1", 0))
        hanging.listen(0)
        filler.connect(hanging.getsockname())
        dead = f"http://127.0.0.1:{hanging.getsockname()[1]}"
        healthy = slow_farm(server, feeds=20, slow=0)
        stuck = [
            server.static(f"/stuck{f}.xml", _rss([f"{dead}/{f}/{p}.html" for p in range(PAGES)]))
            for f in range(10)
        ]
        options = FetchOptions(timeout=DEADLINE_S, connect_timeout=1, concurrency=4, per_host=2)
        runtime = make_runtime(f"sqlite:///{tmp_path / 'w.db'}", fetch=options)
        mixed = [u for pair in zip(stuck, healthy, strict=False) for u in pair] + healthy[
            len(stuck) :
        ]
        sync_feeds(runtime.store, [FeedSpec(url=u, interval_s=60) for u in mixed])
        report, objects = run_json(runtime)
    assert report.errors == 0
    lines = {o["url"]: o for o in objects if o["type"] == "feed"}
    for url in healthy:
        assert lines[url]["fell_back"] == 0, lines[url]
    for url in stuck:
        assert lines[url]["fell_back"] == PAGES
        assert set(lines[url]["fell_back_reasons"]) <= {"could not connect", "host did not answer"}


def run_json(runtime) -> tuple[PassReport, list[dict]]:
    sink = _Sink()
    report = asyncio.run(one_pass(runtime, None, Console(as_json=True, stream=sink)))
    return report, [json.loads(line) for line in "".join(sink.lines).splitlines()]


def _rss(links: list[str]) -> str:
    items = "".join(
        f"<item><title>Report {i}</title><link>{link}</link><description>Text {i}.</description>"
        "</item>"
        for i, link in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )
