"""Which passes start the extraction pool before their first request: only a first pass (no
store yet) over enough feeds that follow links."""

from __future__ import annotations

import asyncio

import pytest

from storage.feeds import FeedSpec
from worker.config import Settings
from worker.ingest import extract_pool
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
