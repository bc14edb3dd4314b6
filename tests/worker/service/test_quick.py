"""The start of `wirediff fetch` without SQLAlchemy (worker/service/quick.py, storage/quick.py):
a pass where nothing changed ends there and writes what the store's own code writes; a pass
with work hands what it fetched to the whole pass, which fetches nothing twice."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage import feeds
from storage.db import open_store
from storage.models import Feed, Version
from storage.quick import QuickStore
from storage.values import FeedSpec, Wait
from tests.support.cli_process import ROOT
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import Response
from worker.config import Settings
from worker.ingest.fetch import FetchResult, Validators
from worker.output.console import Console
from worker.pipeline.context import Tally
from worker.service.quick import quick_start

COLUMNS = "next_fetch_at, wait_s, wait_reason, etag, last_modified, error_count, last_error"


@pytest.fixture
def farm(server) -> Farm:
    f = Farm(server)
    for i in range(3):
        f.add_page(f"/a/{i}.html", f"Report {i}", [f"Story {i}.", *REPORT])
    f.add_feed("/rss.xml", [f"/a/{i}.html" for i in range(3)])
    f.add_feed("/other.xml", [])
    return f


def test_the_bookkeeping_written_is_the_stores_own(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    store = open_store(url)
    with store.write() as session:
        feeds.upsert_many(session, [FeedSpec("http://a.test/1"), FeedSpec("http://a.test/2")])
        session.execute(sa.update(Feed).values(etag='"old"', last_error="boom", error_count=2))
    wait = Wait(datetime(2026, 12, 3, 12, 0, 0, 5, tzinfo=UTC), 900, "the configured interval")
    with store.write() as session:  # feed 1 by storage.feeds, feed 2 by storage.quick
        feeds.record_unchanged(session, [(1, wait, None, "Tue, 01 Dec 2026 10:00:00 GMT")])
    quick = QuickStore.open(tmp_path / "w.db")
    assert quick is not None
    quick.record_unchanged([(2, wait, None, "Tue, 01 Dec 2026 10:00:00 GMT")])
    quick.record_unchanged([(99, wait, '"x"', None)])  # a feed removed meanwhile: skipped
    quick.close()
    with store.engine.connect() as con:
        one, two = con.execute(sa.text(f"SELECT {COLUMNS} FROM feeds ORDER BY id")).all()
    assert one == two and one[3] == '"old"' and one[5] == 0 and one[6] is None
    with store.read() as session:  # the times read back as the store's own
        stamps = [(f.last_ok_at, f.next_fetch_at) for f in session.scalars(sa.select(Feed))]
    assert stamps[0][1] == stamps[1][1] == wait.next_fetch_at
    assert all(abs(ok - datetime.now(UTC)) < timedelta(minutes=1) for ok, _ in stamps)
    store.dispose()


def test_feeds_not_stored_as_configured_go_the_whole_way(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    with store.write() as session:
        feeds.upsert_many(session, [FeedSpec("http://a.test/1", name="A", interval_s=600)])
    store.dispose()
    quick = QuickStore.open(tmp_path / "w.db")
    assert quick is not None
    rows = quick.feeds([FeedSpec("http://a.test/1", interval_s=600)])  # no name: kept
    assert rows is not None and [(r.id, r.name, r.follow_links) for r in rows] == [(1, "A", True)]
    for spec in (
        FeedSpec("http://a.test/1", interval_s=900),
        FeedSpec("http://a.test/1", name="B", interval_s=600),
        FeedSpec("http://a.test/1", interval_s=600, follow_links=False),
        FeedSpec("http://a.test/1", interval_s=600, strict_interval=True),
        FeedSpec("http://a.test/2", interval_s=600),
    ):
        assert quick.feeds([spec]) is None, spec
    quick.close()
    assert QuickStore.open(tmp_path / "missing.db") is None
    (tmp_path / "other.db").write_bytes(b"not a store")
    assert QuickStore.open(tmp_path / "other.db") is None


def fetch(config: Path, db: Path, *extra: str) -> tuple[list[dict[str, object]], set[str]]:
    """`wirediff fetch --json` in a child process: its lines and the modules it imported."""
    args = ["fetch", "--json", "--config", str(config), "--db", f"sqlite:///{db}", *extra]
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "worker", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return [json.loads(line) for line in done.stdout.splitlines()], modules


def test_nothing_changed_without_sqlalchemy_then_work_is_handed_over(
    farm, server, tmp_path: Path
) -> None:
    config = tmp_path / "w.toml"
    config.write_text(
        "[fetch]\nallow_private = true\nrevisit = []\n\n"
        + "".join(f'[[feeds]]\nurl = "{server.url(p)}"\n\n' for p in ("/rss.xml", "/other.xml")),
        encoding="utf-8",
    )
    db = tmp_path / "w.db"
    first, _ = fetch(config, db)
    assert first[-1]["new_versions"] == 3
    with open_store(f"sqlite:///{db}").read() as session:
        before = {f.url: f.last_ok_at for f in session.scalars(sa.select(Feed))}

    lines, modules = fetch(config, db)
    assert not {m for m in modules if m.split(".")[0] == "sqlalchemy"}
    assert not {"feedparser", "trafilatura", "storage.db"} & modules
    # httpx-aiohttp's version check answered without importlib.metadata (and its zipfile)
    assert not {"importlib.metadata", "zipfile"} & modules
    # JSON Lines only: neither a terminal's rendering (rich) nor httpx's own command line
    assert not {m for m in modules if m.split(".")[0] in ("rich", "pygments")}
    assert [(x["type"], x.get("status")) for x in lines] == [
        ("feed", "not_modified"),
        ("feed", "not_modified"),
        ("summary", None),
    ]
    assert lines[-1]["feeds"] == 2 and lines[-1]["errors"] == 0
    assert all(server.hits(p)[-1].headers.get("if-none-match") for p in ("/rss.xml", "/other.xml"))
    store = open_store(f"sqlite:///{db}")
    with store.read() as session:
        for feed in session.scalars(sa.select(Feed)):
            assert feed.last_ok_at > before[feed.url] and feed.error_count == 0

    # An edited report: the whole pass takes over with the feed bodies already fetched
    farm.pages["/a/1.html"].paragraphs[2] = REPORT[1].replace("Cai Qi", "Chen Jining")
    farm.descriptions["/a/1.html"] = "edited"
    hits = {p: len(server.hits(p)) for p in ("/rss.xml", "/other.xml", "/a/1.html")}
    lines, modules = fetch(config, db)
    assert "sqlalchemy" in modules and lines[-1]["new_versions"] == 1
    assert {p: len(server.hits(p)) - n for p, n in hits.items()} == {
        "/rss.xml": 1,
        "/other.xml": 1,
        "/a/1.html": 1,
    }
    with store.read() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Version)) == 4
    store.dispose()


class _Fetcher:
    """A fetcher whose answers are given: a 304 for one feed, a bug for the other."""

    def __init__(self, broken: str) -> None:
        self.broken = broken
        self.asked: list[str] = []

    async def fetch(self, url: str, validators: object = None) -> FetchResult:
        self.asked.append(url)
        if url == self.broken:
            raise RuntimeError("a bug in the fetcher")
        return FetchResult(url, 304, b"", None, Validators(), True, False, None, None, 0.0)


def test_a_fetcher_bug_hands_the_feed_to_the_whole_pass(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    specs = (FeedSpec("http://a.test/1"), FeedSpec("http://a.test/2"))
    store = open_store(url)
    with store.write() as session:
        feeds.upsert_many(session, list(specs))
    store.dispose()
    settings = Settings(database_url=url, database_source="flag", feeds=specs)
    fetcher = _Fetcher("http://a.test/2")
    start = asyncio.run(
        quick_start(settings, {}, fetcher, Console(as_json=True), Tally())  # type: ignore[arg-type]
    )
    assert start is not None and start.report is None  # the whole pass runs
    assert set(start.prefetched) == {"http://a.test/1"}  # and fetches the other feed itself


def test_the_feed_states_handed_over_are_those_the_whole_pass_would_read(tmp_path: Path) -> None:
    # issue 10 round 20: the whole pass takes the feeds' states quick_start read (sqlite3)
    # instead of reading them again through SQLAlchemy; they must be the same states
    from worker.pipeline.refresh import load_feed_states

    url = f"sqlite:///{tmp_path / 'w.db'}"
    specs = (
        FeedSpec("http://a.test/1", "One", 120, follow_links=True),
        FeedSpec("http://a.test/2"),
    )
    store = open_store(url)
    with store.write() as session:
        feeds.upsert_many(session, list(specs))
        session.execute(
            sa.update(Feed)
            .where(Feed.url == "http://a.test/1")
            .values(etag='"e1"', last_modified="Tue, 01 Dec 2026 10:00:00 GMT", title="T")
            .values(body_hash="ab" * 32, error_count=1, hint_s=3600, hint="the feed's <ttl>")
        )
    expected = load_feed_states(store)
    store.dispose()
    settings = Settings(database_url=url, database_source="flag", feeds=specs)
    start = asyncio.run(
        quick_start(
            settings,
            {},
            _Fetcher("http://a.test/2"),  # type: ignore[arg-type]
            Console(as_json=True),
            Tally(),
        )
    )
    assert start is not None and start.report is None
    assert start.states == expected
    assert expected[0].hint == (3600, "the feed's <ttl>") and expected[0].etag == '"e1"'


def test_a_feed_slow_to_answer_does_not_hold_back_the_others_work(
    farm, server, tmp_path: Path
) -> None:
    # The start of the pass sends every feed's request; one feed has changed, another takes
    # long to answer. The whole pass began only once that answer came (up to [fetch] timeout):
    # nothing was stored meanwhile, and Ctrl-C then found 0 new versions. Now the request in
    # flight is handed over, and the changed feed's work is stored while it is awaited.
    db = tmp_path / "w.db"
    slow = threading.Event()
    seen: list[int] = []

    def versions_stored() -> int:
        with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM versions").fetchone()[0])

    def slow_feed(_req, _h):
        if slow.is_set():  # answer once the other feed's edit is stored, 15 s at most
            deadline = time.monotonic() + 15
            while versions_stored() < 4 and time.monotonic() < deadline:
                time.sleep(0.05)
            seen.append(versions_stored())
        return Response(200, farm.feed_xml("/other.xml"), {"Content-Type": "application/rss+xml"})

    server.route("/slow.xml", slow_feed)
    config = tmp_path / "w.toml"
    config.write_text(
        "[fetch]\nallow_private = true\nrevisit = []\ntimeout = 30\n\n"
        + "".join(f'[[feeds]]\nurl = "{server.url(p)}"\n\n' for p in ("/rss.xml", "/slow.xml")),
        encoding="utf-8",
    )
    first, _ = fetch(config, db)
    assert first[-1]["new_versions"] == 3
    farm.pages["/a/1.html"].paragraphs[2] = REPORT[1].replace("Cai Qi", "Chen Jining")
    farm.descriptions["/a/1.html"] = "edited"
    slow.set()
    started = time.monotonic()
    lines, _ = fetch(config, db)
    assert seen == [4]  # the edit was stored before the slow feed answered
    assert time.monotonic() - started < 14
    assert [(x["url"], x["status"]) for x in lines if x["type"] == "feed"] == [
        (server.url("/rss.xml"), "ok"),
        (server.url("/slow.xml"), "not_modified"),
    ]
    assert lines[-1]["new_versions"] == 1 and lines[-1]["errors"] == 0
    assert [x["kind"] for x in lines if x["type"] == "change"] == ["attendees"]
    assert len(server.hits("/slow.xml")) == 2  # asked once a pass: never twice
