"""The pipeline end to end: a real HTTP server, a real store, the real detect core."""

from __future__ import annotations

import asyncio
import functools
import re
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from alerts.config import parse_channels
from storage import appearances, changes, deliveries, versions
from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Article, Feed, Version
from tests.support.farm import REPORT, Farm, Page, three_reports
from tests.support.httpserver import Response
from worker.config import Settings
from worker.ingest.fetch import FetchOptions
from worker.output.console import Console
from worker.service.app import Runtime, sync_feeds
from worker.service.passes import one_pass
from worker.service.seeds import load_roster


def make_runtime(db_url: str, **settings) -> Runtime:
    store = Store(db_url)
    store.upgrade()
    base = Settings(database_url=db_url, database_source="flag", fetch=FetchOptions(timeout=5))
    return Runtime(replace(base, **settings), store, load_roster(), ())


def run(runtime: Runtime, urls=None, **kw):
    return asyncio.run(one_pass(runtime, urls, Console(as_json=True, stream=_Sink()), **kw))


class _Sink:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, s: str) -> int:
        self.lines.append(s)
        return len(s)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


@pytest.fixture
def farm(server) -> Farm:
    return three_reports(server)


def count(store: Store, model) -> int:
    with store.read() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(model))


def test_round_trip_versions_conditional_gets_and_exactly_the_edited_article(db_url, farm, server):
    rt = make_runtime(db_url)
    feed_url = server.url("/rss.xml")
    sync_feeds(rt.store, [FeedSpec(feed_url, "Test", 60)])

    first = run(rt)
    assert (first.feeds, first.errors, first.new_versions, first.changes) == (1, 0, 3, 0)
    assert count(rt.store, Version) == 3

    second = run(rt)
    assert (second.new_versions, second.changes) == (0, 0)
    assert server.hits("/rss.xml")[-1].headers.get("if-none-match")  # conditional GET
    assert len(server.hits("/news/2026/1.html")) == 1  # unchanged items are not re-fetched

    page = farm.pages["/news/2026/1.html"]
    page.paragraphs[2] = page.paragraphs[2].replace("Li Qiang, Zhao Leji, ", "Li Qiang, ")
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    farm.descriptions["/news/2026/1.html"] = "updated"
    third = run(rt)
    assert (third.new_versions, third.changes) == (1, 1)
    event = third.events[0]
    assert event["kind"] == "attendees"
    assert event["attendees"]["removed"] == ["Zhao Leji"]
    assert any("number" in e["touches"] for e in event["wording"]["edits"])
    assert (event["from_version"], event["to_version"]) == (1, 2)
    assert event["article"]["url"] == server.url("/news/2026/1.html")
    with rt.store.read() as s:
        assert [changes.event_of(c)["id"] for c in changes.query(s)] == [event["id"]]
    assert count(rt.store, Version) == 4


def test_a_feed_with_one_edited_article_stores_it_and_its_bookkeeping_in_one_transaction(
    db_url, farm, server, monkeypatch
):
    # issue 10 round 20: the feed's bookkeeping (validators, body hash, next fetch, listing)
    # is written in the transaction that stores its entries, not in one of its own
    from storage import feeds as feed_rows
    from storage import versions as version_rows

    rt = make_runtime(db_url)
    feed_url = server.url("/rss.xml")
    sync_feeds(rt.store, [FeedSpec(feed_url, "Test", 60)])
    run(rt)
    with rt.store.read() as s:
        before = s.scalars(sa.select(Feed)).one()
    writes: list[str] = []
    real_write, real_ok, real_add = Store.begin, feed_rows.record_ok, version_rows.add

    def write(self):  # a label per write transaction, for the calls made inside it
        writes.append("open")
        return real_write(self)

    def record_ok(session, *a, **kw):
        writes.append("bookkeeping")
        return real_ok(session, *a, **kw)

    def add(session, *a, **kw):
        writes.append("version")
        return real_add(session, *a, **kw)

    monkeypatch.setattr(Store, "begin", write)
    monkeypatch.setattr(feed_rows, "record_ok", record_ok)
    monkeypatch.setattr(version_rows, "add", add)
    page = farm.pages["/news/2026/1.html"]
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    farm.descriptions["/news/2026/1.html"] = "updated"
    report = run(rt)
    assert (report.new_versions, report.changes, report.errors) == (1, 1, 0)
    feed_writes = writes[: writes.index("bookkeeping") + 1]
    assert feed_writes == ["open", "version", "bookkeeping"]  # one transaction for the feed
    with rt.store.read() as s:
        after = s.scalars(sa.select(Feed)).one()
        versions_of = dict(
            s.execute(
                sa.select(Article.url, sa.func.count(Version.id))
                .join(Version, Version.article_id == Article.id)
                .group_by(Article.url)
            ).all()
        )
    assert versions_of == {
        server.url("/news/2026/0.html"): 1,
        server.url("/news/2026/1.html"): 2,  # exactly the edited article stored again
        server.url("/news/2026/2.html"): 1,
    }
    assert after.body_hash != before.body_hash and after.etag
    assert after.last_entries == 3 and after.error_count == 0
    assert after.next_fetch_at > before.next_fetch_at
    monkeypatch.undo()
    again = run(rt)  # the bookkeeping was committed: the feed answers 304
    assert (again.new_versions, again.changes) == (0, 0)
    assert server.hits("/rss.xml")[-1].headers.get("if-none-match") == after.etag


def test_quote_and_space_noise_is_stored_but_not_reported(db_url, farm, server):
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    run(rt)
    page = farm.pages["/news/2026/0.html"]
    page.paragraphs[3] = (
        page.paragraphs[3]
        .replace("The meeting said", "The  meeting said")
        .replace("for next year", "for “next year”")
    )
    farm.descriptions["/news/2026/0.html"] = "noise"
    report = run(rt)
    assert report.changes == 0


def test_takedown_and_restoration(db_url, farm, server):
    # revisit ages every 0.3 s: after any pass the next revisit is due within 0.3 s
    rt = make_runtime(db_url, revisit=tuple(0.3 * i for i in range(1, 400)))
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    run(rt)
    farm.pages["/news/2026/2.html"].status = 404
    time.sleep(0.4)
    removed = run(rt)  # the feed item did not change: the revisit finds the takedown
    assert [e["kind"] for e in removed.events] == ["removed"]
    assert removed.events[0]["to_version"] is None
    farm.pages["/news/2026/2.html"].status = 200
    time.sleep(0.4)
    restored = run(rt)
    assert [e["kind"] for e in restored.events] == ["restored"]
    assert restored.events[0]["from_version"] == 1


def test_a_report_restored_with_changes_is_compared_with_what_was_taken_down(db_url, farm, server):
    """The restored report's new version is compared with the version taken down in the
    transaction that stores it (its text not INSERTed yet: the batch's texts go in together)."""
    rt = make_runtime(db_url, revisit=tuple(0.3 * i for i in range(1, 400)))
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    run(rt)
    page = farm.pages["/news/2026/2.html"]
    page.status = 404
    time.sleep(0.4)
    assert [e["kind"] for e in run(rt).events] == ["removed"]
    page.status = 200
    page.paragraphs[3] = page.paragraphs[3] + " The figures were revised on Friday."
    time.sleep(0.4)
    restored = run(rt)  # by a revisit (its new version is counted in the pass)
    (event,) = restored.events
    assert (event["kind"], event["from_version"], event["to_version"]) == ("restored", 1, 2)
    assert restored.new_versions == 1
    assert event["summary"].startswith("report restored with changes: ")
    with rt.store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Version)) == 4


def test_the_versions_revisits_store_are_counted_in_the_pass(db_url, farm, server):
    # An edit found by a revisit (the feed item unchanged) is a new version: the summary
    # said "0 new versions, 1 change" (`fetch --json`: "new_versions": 0, "changes": 1).
    rt = make_runtime(db_url, revisit=tuple(0.3 * i for i in range(1, 400)))
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    assert run(rt).new_versions == 3
    page = farm.pages["/news/2026/1.html"]
    page.paragraphs[3] = page.paragraphs[3] + " The figures were revised on Friday."
    time.sleep(0.4)
    edited = run(rt)
    assert [e["kind"] for e in edited.events] == ["wording"]
    assert (edited.new_versions, edited.changes) == (1, 1)
    assert edited.to_json()["new_versions"] == 1


def test_a_feed_that_changes_its_guids_at_every_fetch_keeps_one_report_per_link(
    db_url, farm, server
):
    # Some feeds put a random id or a timestamp in every GUID. Each pass stored each item as
    # a new report (3 new versions a pass, the earlier copies "left the feed" and revisited),
    # and an edit was then reported once for every copy a revisit reached.
    def churning(_req, _h):
        body = farm.feed_xml("/rss.xml").decode()
        body = re.sub(
            r"<guid>[^<]*</guid>", lambda _m: f"<guid>urn:uuid:{uuid.uuid4()}</guid>", body
        )
        return Response(200, body.encode(), {"Content-Type": "application/rss+xml"})

    server.route("/churn.xml", churning)
    rt = make_runtime(db_url, revisit=tuple(0.3 * i for i in range(1, 400)))
    sync_feeds(rt.store, [FeedSpec(server.url("/churn.xml"), "Churn", 60)])
    assert run(rt).new_versions == 3
    again = run(rt)
    assert (again.new_versions, again.changes) == (0, 0)
    page = farm.pages["/news/2026/1.html"]
    page.paragraphs[3] = page.paragraphs[3] + " The figures were revised on Friday."
    time.sleep(0.4)
    edited = run(rt)
    assert [e["kind"] for e in edited.events] == ["wording"]
    assert edited.events[0]["article"]["url"] == server.url("/news/2026/1.html")
    time.sleep(0.4)
    assert run(rt).changes == 0
    with rt.store.read() as s:
        stored = s.scalars(sa.select(Article)).all()
        assert len(stored) == 3 and all(a.left_feed_at is None for a in stored)
    assert count(rt.store, Version) == 4


def test_a_page_never_fetched_is_not_reported_taken_down(db_url, farm, server):
    # The page fails from the start (500): its only version is the feed's text. A later 404,
    # seen by the feed pass and by revisits, is not a takedown: the page was never there.
    rt = make_runtime(db_url, revisit=tuple(0.3 * i for i in range(1, 400)))
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    farm.pages["/news/2026/2.html"].status = 500
    first = run(rt)
    assert first.new_versions == 3
    farm.pages["/news/2026/2.html"].status = 404
    farm.descriptions["/news/2026/2.html"] = "the feed item changed, so the page is asked again"
    changed = run(rt)
    time.sleep(0.4)
    revisited = run(rt)
    kinds = [e["kind"] for e in changed.events + revisited.events]
    assert "removed" not in kinds and kinds == ["wording"]  # the feed's text did change
    with rt.store.read() as s:
        assert {a.state for a in s.scalars(sa.select(Article))} == {"live"}
    assert len(server.hits("/news/2026/2.html")) >= 3  # it was asked each time


def test_feed_text_is_used_when_links_are_not_followed(db_url, farm, server):
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60, follow_links=False)])
    run(rt)
    assert server.hits("/news/2026/0.html") == []
    with rt.store.read() as s:
        assert {v.source for v in s.scalars(sa.select(Version))} == {"feed"}


def test_links_to_internal_addresses_are_not_fetched(db_url, server):
    server.static(
        "/evil.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>e</title>'
        "<item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link>"
        "<description>feed text stays</description></item></channel></rss>",
    )
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/evil.xml"), "Evil", 60)])
    report = run(rt)
    assert report.errors == 0 and report.new_versions == 1
    with rt.store.read() as s:
        version = s.scalars(sa.select(Version)).one()
        assert version.source == "feed"
        assert "feed text stays" in versions.text_of(s, version)


def test_no_alerts_stores_changes_without_outbox_rows(db_url, farm, server):
    channels = parse_channels(
        [{"type": "webhook", "name": "hook", "url": server.url("/hook"), "secret_env": "S"}],
        {"S": "k"},
    )
    rt = make_runtime(db_url)
    rt = Runtime(rt.settings, rt.store, rt.roster, channels)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    run(rt)
    farm.pages["/news/2026/0.html"].paragraphs[3] += " Added sentence."
    farm.descriptions["/news/2026/0.html"] = "changed"
    report = run(rt, write_alerts=False)
    assert report.changes == 1
    with rt.store.read() as s:
        assert deliveries.undelivered(s) == []
        assert len(changes.query(s)) == 1
    assert server.hits("/hook") == []


def test_a_failing_feed_is_reported_and_the_rest_of_the_pass_goes_on(db_url, farm, server):
    server.static("/broken.xml", "<html><body>not a feed</body></html>", Content_Type="text/html")
    rt = make_runtime(db_url)
    sync_feeds(
        rt.store,
        [FeedSpec(server.url("/broken.xml"), "B", 60), FeedSpec(server.url("/rss.xml"), "T", 60)],
    )
    report = run(rt)
    assert report.errors == 1 and report.new_versions == 3
    with rt.store.read() as s:
        broken = s.scalars(sa.select(Feed).where(Feed.url == server.url("/broken.xml"))).one()
        assert broken.error_count == 1 and "HTML" in (broken.last_error or "")
        assert broken.next_fetch_at is not None
        assert s.scalar(sa.select(sa.func.count()).select_from(Article)) == 3


def test_an_entry_that_crashes_does_not_lose_the_others_and_is_retried(
    db_url, farm, server, monkeypatch
):
    import worker.ingest.extract_pool as extract_pool
    import worker.pipeline.refresh as pipeline

    real = pipeline.extract_article

    def flaky(body: bytes, url: str):  # fault injection: a bug in extraction for one page
        if url.endswith("/1.html"):
            raise RuntimeError("extractor bug")
        return real(body, url)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    monkeypatch.setattr(extract_pool, "extract_article", flaky)
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    first = asyncio.run(one_pass(rt, None, Console(as_json=True, stream=_Sink())))
    assert first.errors == 0 and first.new_versions == 2
    monkeypatch.setattr(pipeline, "extract_article", real)
    monkeypatch.setattr(extract_pool, "extract_article", real)
    second = run(rt)  # the feed body is unchanged, but it is parsed again: the entry is retried
    assert second.new_versions == 1
    assert count(rt.store, Version) == 3


def test_a_feeds_entries_share_a_transaction_but_one_that_fails_to_store_loses_no_other(
    db_url, farm, server, monkeypatch
):
    import worker.pipeline.snapshot as snapshot

    real = snapshot.normalize_text

    def flaky(text: str) -> str:  # fault injection: a bug while storing one entry
        if "Item 1." in text:
            raise RuntimeError("store bug")
        return real(text)

    monkeypatch.setattr(snapshot, "normalize_text", flaky)
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    first = asyncio.run(one_pass(rt, None, Console(as_json=True, stream=_Sink())))
    assert first.errors == 0 and first.new_versions == 2 and count(rt.store, Version) == 2
    monkeypatch.setattr(snapshot, "normalize_text", real)
    second = run(rt)  # the failed entry is retried; the two stored are not stored again
    assert second.new_versions == 1 and count(rt.store, Version) == 3


def test_backoff_of_a_failing_feed_doubles_and_stops_at_the_configured_cap(db_url, server):
    server.static("/down.xml", "no", status=503)
    rt = make_runtime(db_url, backoff_cap=300.0)
    sync_feeds(rt.store, [FeedSpec(server.url("/down.xml"), "Down", 60)])
    delays = []
    for _ in range(5):
        started = datetime.now(UTC)
        run(rt)
        with rt.store.read() as s:
            feed = s.scalars(sa.select(Feed)).one()
            delays.append(round((feed.next_fetch_at - started).total_seconds() / 60))
    assert delays == [1, 2, 4, 5, 5]  # minutes: interval, doubling, capped at 300 s
    with rt.store.read() as s:
        assert s.scalars(sa.select(Feed)).one().error_count == 5


def test_many_pages_are_extracted_in_worker_processes_with_the_same_result(tmp_path, server):
    """Texts and the people read from them (by the pool workers, beside the extraction) are
    those of a pass extracting and reading in the pipeline's own process; a pipeline whose
    texts the pool read never builds the roster itself (worker.pipeline.snapshot.Reading)."""
    farm = Farm(server)
    for i in range(6):
        farm.add_page(f"/p/{i}.html", f"Report {i}", [f"Story {i}.", *REPORT])
    farm.add_feed("/big.xml", [f"/p/{i}.html" for i in range(6)])
    texts = {}
    people = {}
    built: list[int] = []

    def roster_counted(workers: int):
        built.append(workers)
        return load_roster()

    for workers in (0, 2):
        rt = make_runtime(f"sqlite:///{tmp_path / f'w{workers}.db'}", extract_workers=workers)
        rt = Runtime(rt.settings, rt.store, functools.partial(roster_counted, workers), ())
        sync_feeds(rt.store, [FeedSpec(server.url("/big.xml"), "Big", 60)])

        async def one(rt=rt, workers=workers):
            from worker.ingest.extract_pool import Extractor
            from worker.ingest.fetch import Fetcher
            from worker.pipeline.refresh import load_feed_states, run_pass
            from worker.service.app import pipeline_context

            # the pool started before the pass: every page goes to it
            roster = functools.partial(load_roster, ())
            extractor = Extractor(workers, pool_after=0, roster=roster)
            async with Fetcher(rt.settings.fetch) as f, extractor as x:
                await x.start()
                ctx = pipeline_context(rt, f, extractor=x)
                outcomes = await run_pass(ctx, load_feed_states(rt.store))
                return outcomes, x.pooled == 6 or workers == 0

        outcomes, pooled = asyncio.run(one())
        assert pooled and outcomes[0].new_versions == 6
        with rt.store.read() as s:
            texts[workers] = sorted(versions.text_of(s, v) for v in s.scalars(sa.select(Version)))
            people[workers] = sorted(
                (r.url, r.list_index, r.position, r.canonical, r.name, r.role, r.language)
                for r in appearances.rows(s)
            )
    assert texts[0] == texts[2]
    assert people[0] == people[2] and len(people[0]) == 6 * 7  # 7 leaders in each report
    assert built == [0]  # read in the pipeline: built once; read by the pool: never here


def test_a_page_served_again_byte_for_byte_is_not_extracted_again(db_url, server):
    # A server that ignores conditional GETs: the same bytes, 200, every time.
    page = Page("Report", ["Item.", *REPORT])
    server.static("/p.html", page.html(), Content_Type="text/html; charset=utf-8")
    farm = Farm(server)
    farm.pages["/p.html"] = page
    farm.add_feed("/rss.xml", ["/p.html"])
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])

    async def extracted() -> int:
        from worker.ingest.extract_pool import Extractor
        from worker.ingest.fetch import Fetcher
        from worker.pipeline.refresh import load_feed_states, run_pass
        from worker.service.app import pipeline_context

        async with Fetcher(rt.settings.fetch) as f, Extractor(0) as x:
            await run_pass(pipeline_context(rt, f, extractor=x), load_feed_states(rt.store))
            return x.calls

    assert asyncio.run(extracted()) == 1
    farm.descriptions["/p.html"] = "re-listed"  # the item changed, so its page is fetched again
    assert asyncio.run(extracted()) == 0
    assert len(server.hits("/p.html")) == 2 and count(rt.store, Version) == 1
    page.paragraphs[1] = page.paragraphs[1].replace("Beijing", "Shanghai")  # now it changed
    server.static("/p.html", page.html(), Content_Type="text/html; charset=utf-8")
    farm.descriptions["/p.html"] = "edited"
    assert asyncio.run(extracted()) == 1 and count(rt.store, Version) == 2


def test_feeds_answering_304_are_recorded_by_the_end_of_the_pass(db_url, farm, server):
    # A one-shot pass writes the bookkeeping of unchanged feeds in batches: all of it is there
    # once the pass returns.
    rt = make_runtime(db_url)
    urls = [server.url("/rss.xml"), *(farm.add_feed(f"/more/{i}.xml", []) for i in range(4))]
    sync_feeds(rt.store, [FeedSpec(url, None, 60) for url in urls])
    run(rt)
    with rt.store.read() as s:
        first = {f.url: (f.last_ok_at, f.etag) for f in s.scalars(sa.select(Feed))}
    time.sleep(0.01)
    second = run(rt)
    assert second.new_versions == 0
    paths = [urlsplit(u).path for u in urls]
    assert all(server.hits(p)[-1].headers.get("if-none-match") for p in paths)  # 304s
    with rt.store.read() as s:
        for feed in s.scalars(sa.select(Feed)):
            assert feed.last_ok_at > first[feed.url][0] and feed.etag == first[feed.url][1]
            assert feed.next_fetch_at is not None and feed.error_count == 0


async def test_a_batch_committed_after_its_pass_was_cancelled_is_counted(monkeypatch):
    # Ctrl-C cancels the coroutine awaiting the storing thread, but the thread's transaction
    # still commits (asyncio waits for its threads before the interrupt reaches the command):
    # "interrupted ...; N new versions stored" must count that batch too.
    import threading
    from types import SimpleNamespace

    from worker.pipeline import refresh
    from worker.pipeline.context import EntryResult, Tally

    started, release = threading.Event(), threading.Event()

    def slow_commit(ctx, feed, items, *, stored_keys, then=None):
        started.set()
        assert release.wait(5)  # bounded: the test releases it at once
        return [EntryResult(new_version=True), EntryResult(new_version=False)]

    monkeypatch.setattr(refresh, "store_entries", slow_commit)
    ctx = SimpleNamespace(tally=Tally())
    task = asyncio.create_task(
        asyncio.to_thread(refresh._store_entries_counted, ctx, None, [], frozenset())
    )
    assert await asyncio.to_thread(started.wait, 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    release.set()
    for _ in range(500):  # the thread goes on after the cancel; wait for it, bounded
        if ctx.tally.versions:
            break
        await asyncio.sleep(0.01)
    assert ctx.tally.versions == 1
