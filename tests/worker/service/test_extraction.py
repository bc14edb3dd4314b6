"""Which passes start the extraction pool before their first request: only a first pass (no
store yet) over enough feeds that follow links."""

from __future__ import annotations

import asyncio
import functools

import pytest

from storage.feeds import FeedSpec
from tests.conftest import DATA
from worker.config import Settings
from worker.detect.normalize import normalize_text
from worker.ingest import extract_pool
from worker.ingest.extract import Extracted, extract_article
from worker.ingest.extract_pool import NEW_FEED_PAGES, POOL_EXPECT, Extractor
from worker.service.extraction import first_pass_feeds


def _settings(url: str, follow: int, other: int = 0) -> Settings:
    feeds = [FeedSpec(f"https://example.org/{i}.xml", follow_links=True) for i in range(follow)]
    feeds += [FeedSpec(f"https://example.org/t{i}.xml", follow_links=False) for i in range(other)]
    return Settings(database_url=url, database_source="flag", feeds=tuple(feeds))


def test_a_first_pass_counts_the_feeds_that_follow_links(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert first_pass_feeds(_settings(url, follow=30, other=5)) == 30


def test_a_store_that_exists_or_is_not_a_plain_file_is_no_first_pass(tmp_path) -> None:
    existing = tmp_path / "old.db"
    existing.write_bytes(b"")
    assert first_pass_feeds(_settings(f"sqlite:///{existing}", follow=30)) == 0
    postgres = "postgresql+psycopg://u@localhost/wirediff"
    assert first_pass_feeds(_settings(postgres, follow=30)) == 0


def test_the_pool_starts_early_only_for_enough_feeds() -> None:
    few = POOL_EXPECT // NEW_FEED_PAGES  # announcing exactly the threshold: not over it

    async def started(feeds: int) -> bool:
        async with Extractor(1) as extractor:
            extractor.expect_first_pass(feeds)
            if extractor._starting is None:
                return False
            await extractor.start()  # the pool takes pages before the first one is fetched
            return extractor._ready

    assert not asyncio.run(started(few))
    assert asyncio.run(started(few + 1))


def _loaded(module: str) -> bool:
    import sys

    return module in sys.modules


def test_a_pool_worker_has_the_extractor_loaded_before_its_first_page() -> None:
    """The forkserver imports trafilatura (extract_article imports it only on a first page):
    a first pass's first page is not kept waiting by the import in the worker."""

    async def loaded() -> bool:
        async with Extractor(1) as extractor:
            await extractor.start()
            assert extractor._pool is not None
            future = extractor._pool.submit(_loaded, "trafilatura")
            return await asyncio.wrap_future(future)

    assert asyncio.run(loaded())


def test_one_extraction_worker_per_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """On 2 cores, two workers: the pipeline's process leaves most of its core free in a big
    pass, and one worker was the first pass's critical path (bench/README.md, issue 10 round
    10); at most 4; a single core extracts in threads."""
    for cores, workers in ((1, 0), (2, 2), (3, 3), (4, 4), (16, 4)):
        monkeypatch.setattr(
            extract_pool.os, "sched_getaffinity", lambda _pid, n=cores: set(range(n))
        )
        assert extract_pool.default_workers() == workers


def test_a_first_pass_page_fetched_before_the_pool_is_up_waits_for_it() -> None:
    """A page that comes before the pool's first worker is up waits for it instead of going
    to a thread: it is extracted and read in the pool, like every other page of the pass, so
    the pipeline's process never reads people itself (bench/README.md, issue 10 round 12).
    The page: Deutsche Welle (tests/data/pages/PROVENANCE.md)."""
    from worker.service.seeds import load_roster

    page = (DATA / "pages" / "dw.com-elephants.html").read_bytes()
    url = "https://www.dw.com/fr/a-6533123"

    async def first_page() -> tuple[Extracted, int, bool]:
        async with Extractor(1, roster=functools.partial(load_roster, ())) as extractor:
            extractor.expect_first_pass(POOL_EXPECT)  # starting, not up yet
            assert not extractor._ready
            extracted = await extractor.extract(page, url)
            return extracted, extractor.pooled, extractor._ready

    extracted, pooled, ready = asyncio.run(first_page())
    assert (pooled, ready) == (1, True)
    assert extracted.text == extract_article(page, url).text  # the same text as in a thread
    assert "terres fertiles sont perdues" in extracted.text
    assert extracted.reading is not None  # read there: the pipeline reads nothing itself
    assert extracted.reading.text == normalize_text(extracted.text)


def test_a_first_pass_whose_pool_cannot_start_extracts_in_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = (DATA / "pages" / "dw.com-elephants.html").read_bytes()

    def broken(self: Extractor) -> None:
        raise OSError("no forkserver")

    monkeypatch.setattr(Extractor, "_start_pool", broken)

    async def first_page() -> tuple[Extracted, int]:
        async with Extractor(1) as extractor:
            extractor.expect_first_pass(POOL_EXPECT)
            extracted = await extractor.extract(page, "https://www.dw.com/fr/a-6533123")
            return extracted, extractor.pooled

    extracted, pooled = asyncio.run(first_page())
    assert pooled == 0 and "terres fertiles sont perdues" in extracted.text


def test_every_pool_worker_is_up_before_the_first_page() -> None:
    """Both workers of a two-worker pool start with the pool (issue 10, round 19): the second
    no longer starts on the second page, building its roster while pages wait."""
    import gc

    async def up() -> tuple[int, tuple[int, int, int]]:
        async with Extractor(2) as extractor:
            await extractor.start()
            assert extractor._pool is not None
            workers = len(extractor._pool._processes)  # forked, before any page was handed over
            threshold = extractor._pool.submit(gc.get_threshold).result()
            return workers, threshold

    workers, threshold = asyncio.run(up())
    assert workers == 2
    assert threshold == (50_000, 10, 10)  # a worker collects as seldom as the command's process


def _trafilatura_set_up() -> tuple[int, bool]:
    """In a pool worker: whether extract_article's trafilatura is set up already."""
    import trafilatura.xpaths

    from worker.ingest import extract
    from worker.ingest.prune_paths import PrunePath

    pruned = isinstance(trafilatura.xpaths.OVERALL_DISCARD_XPATH[0], PrunePath)
    return extract._trafilatura.cache_info().currsize, pruned


def test_pool_workers_fork_with_trafilatura_set_up() -> None:
    """The forkserver sets trafilatura up once (its element classes, its pruning expressions
    in Python; issue 10, round 21): a worker's first page does not do it again."""

    async def ask() -> tuple[int, bool]:
        async with Extractor(1) as extractor:
            await extractor.start()
            assert extractor._pool is not None
            return extractor._pool.submit(_trafilatura_set_up).result()

    assert asyncio.run(ask()) == (1, True)


_FEW_PAGES = """
import asyncio, sys
from pathlib import Path
from worker.service.extraction import extractor_for
from worker.config import Settings

page = Path("tests/data/pages/dw.com-elephants.html").read_bytes()

async def main():
    settings = Settings(database_url="sqlite:///x.db", database_source="flag")
    async with extractor_for(settings) as extractor:
        extractor.workers = 2  # a 2-core machine's pool, were it started
        extractor.expect(25)
        for _ in range(3):
            await extractor.extract(page, "https://www.dw.com/fr/a-6533123")
        assert extractor._pool is None and extractor.pooled == 0
asyncio.run(main())
print(sorted(m for m in ("multiprocessing", "concurrent.futures.process") if m in sys.modules))
"""


def test_a_pass_of_a_few_pages_never_imports_the_pool() -> None:
    """A 5%-edited pass (25 pages) extracts in threads and never starts the pool: nor does it
    import the pool's machinery, multiprocessing and concurrent.futures.process (~20 modules;
    issue 10, round 23). A real process: the test runner has imported them itself."""
    import subprocess
    import sys

    from tests.support.cli_process import ROOT

    done = subprocess.run(
        [sys.executable, "-c", _FEW_PAGES], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
