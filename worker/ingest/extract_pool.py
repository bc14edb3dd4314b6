"""Main-text extraction off the event loop: in threads for a few pages, in processes for many.

trafilatura is pure-Python CPU work (~4 ms a page), so threads give no parallelism under the
GIL. When a pass has many pages to extract (a cold pass, a busy daemon) they go to a process
pool, one worker per core, so extraction runs beside fetching and storing. Small passes
(a handful of edited reports, tests, the demo) never pay for starting processes: starting the
pool costs ~0.6 s of CPU (the forkserver imports the extractor) and ~1 s before its first page,
against ~4-8 ms a page in a thread. So it starts once a pass has extracted POOL_AFTER pages,
or as soon as the feeds parsed so far announce more than POOL_EXPECT (`expect`: a cold pass
starts it before its first page), in the background: pages go on being extracted in threads
until its first worker is up (bench/README.md), except in a first pass, whose pages wait for it.

Given a roster factory, a pool worker also normalizes the text it extracted and reads its
language and people (`TextReading`), the other CPU-heavy step of a new version: the process
running the pipeline (fetching, parsing, storing, under one GIL) has enough to do, so that
work goes to the workers too. Pages extracted in threads are read later, by
the pipeline.

The pool never outlives the process that started it, even one killed with SIGKILL (which runs no
cleanup): each worker watches that process through a pidfd and exits when it is gone. The
forkserver and multiprocessing's resource tracker then exit by themselves, as they do once
no worker is left (each holds a pipe end the workers keep open).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import select
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING

from worker.ingest.extract import Extracted, TextReading, extract_article

if TYPE_CHECKING:
    # The pool's machinery (multiprocessing, concurrent.futures.process: ~20 modules) is
    # imported when a pool starts (`_start_pool`): a pass of a few pages never starts one.
    from concurrent.futures import ProcessPoolExecutor

    from worker.detect.roster import Roster

# A picklable callable (a module-level function, or a functools.partial of one) that builds the
# roster in a worker: the roster itself does not pickle, and each worker needs its own anyway.
RosterFactory = Callable[[], "Roster"]

logger = logging.getLogger(__name__)

# Pages extracted in threads before a pass starts its process pool. Measured (bench_fetch):
# at 16 the 25 pages of a 100 x 5 edit pass started it, for 24 ms of CPU per page.
POOL_AFTER = 64
# Pages announced by the parsed feeds that start the pool at once. Lower, a pass of 100 edited
# reports (1,000 x 2 farm) started it at its first feed and took ~1 s more CPU for pages that
# threads had mostly done before the pool was up.
POOL_EXPECT = 200
# Pages a feed is taken to list in a first pass (`expect_first_pass`), before any is parsed:
# WordPress's default feed length; news feeds list more (10-50), the fetch benchmark's farm 5.
NEW_FEED_PAGES = 10


def default_workers() -> int:
    """Worker processes for extraction: one per core, at most 4; none on a single core.

    Not one per core beyond the pipeline's: in a first pass the pipeline's process is busy
    under half the time (2.3-2.5 s of CPU in a 4.5 s pass of the 100 x 5 farm) while the one
    worker of a 2-core machine was the pass's critical path (6.6-6.9 ms a page, 75 pages
    waiting all along). Two workers on 2 cores, alternating runs that other processes barely
    disturbed (under 0.6 s of their CPU a run): 4.40-4.77 -> 3.77-3.82 s of wall, for ~5% more
    CPU (6.1-6.6 -> 6.2-7.0 s); bench/README.md, issue 10 round 10."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, 4) if (cores or 1) > 1 else 0


_ROSTER: Roster | None = None  # in a pool worker given a roster factory


def _start_worker(owner: int, roster: RosterFactory | None = None, reader: bool = False) -> None:
    """Pool worker initializer: leave Ctrl-C to the owner, and die with the owner; build the
    roster the pages' people are read with, and read them with the learned reader when the
    pass does (`[people] reader`: the forkserver's workers do not inherit the owner's switch)."""
    global _ROSTER
    # As in the command's process (worker.cli.main): the collector every 50,000 allocations,
    # not 700; a page's objects are freed by their counts, and the young collections found
    # little to free (0.45 M instructions a farm page less, the same texts and people).
    gc.set_threshold(50_000, 10, 10)
    if roster is not None:
        _ROSTER = roster()
        from worker.detect.watch import use_reader

        use_reader(reader)
    from worker import code_cache, re_cache

    re_cache.save()  # what the forkserver compiled anew in its preloading, for the next pass
    code_cache.save()
    # Ctrl-C reaches the whole process group: the parent stops the pass and shuts the pool
    # down; a worker interrupted mid-page would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(owner,), name="owner-watch", daemon=True).start()


def _exit_with(owner: int) -> None:
    """Block until process `owner` has ended, then end this process at once.

    The worker's parent is the forkserver, not the owner, so PR_SET_PDEATHSIG cannot see the
    owner die; a pidfd can (Linux 5.3+), without polling. Elsewhere: a check every 2 s.
    """
    try:
        fd = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(0)  # the owner died before this worker started
    except (AttributeError, OSError):
        while _alive(owner):
            time.sleep(2.0)
        os._exit(0)
    select.select([fd], [], [])  # readable once the owner has exited (even unreaped)
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True


def _extract_and_read(html_bytes: bytes, url: str) -> Extracted:
    """In a pool worker: extract, then read the text as the pipeline would (see the module)."""
    extracted = extract_article(html_bytes, url)
    if _ROSTER is None:
        return extracted
    try:
        from worker.detect.lang import detect_language
        from worker.detect.normalize import normalize_text
        from worker.detect.people import extract_people
        from worker.ingest.reading_key import reading_key

        text = normalize_text(extracted.text)
        language = detect_language(text)
        people = extract_people(text, _ROSTER, language=language)
        key = reading_key(_ROSTER)
    except Exception:  # a reading bug must not lose the text: the pipeline reads it again
        logger.exception("reading people failed in the extraction pool url=%s", url)
        return extracted
    return replace(extracted, reading=TextReading(text, language, people, key))


# What a worker forks with: the extractor, trafilatura included and set up (extract_article
# imports it on the first page it extracts; preloaded, a first pass's first page no longer waits
# ~0.2 s for it in the worker, while the forkserver's start overlaps the store's creation, and
# the workers do not each translate its pruning expressions: ~10 ms each); and, when it also
# reads people, the reading.
_EXTRACTOR_MODULES = ["worker.ingest.extract", "worker.ingest.extract_ready"]
_READING_MODULES = ["worker.detect.lang", "worker.detect.normalize", "worker.detect.people"]


class Extractor:
    """`await extractor.extract(body, url)`; use as an async context manager around a pass."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        pool_after: int = POOL_AFTER,
        pool_expect: int = POOL_EXPECT,
        roster: RosterFactory | None = None,
        reader: bool = False,
    ) -> None:
        self.workers = default_workers() if workers is None else workers
        self.pool_after = pool_after
        self.pool_expect = pool_expect
        self.roster = roster  # given: pool workers read the people of what they extract
        self.reader = reader  # ... with the learned reader too (`[people] reader`)
        self.expected = 0  # pages the pass said it will fetch (`expect`)
        self.calls = 0  # pages handed to extract()
        self._pool: ProcessPoolExecutor | None = None
        self._starting: asyncio.Future[None] | None = None
        self._ready = False  # the pool's first worker is up
        self._wait = False  # pages wait for the pool while it starts (a first pass)
        self.pooled = 0  # pages extracted in the pool

    async def start(self) -> None:
        """Start the pool now (when workers > 0) and wait until it takes pages."""
        if self.workers and self._starting is None:
            self._starting = asyncio.ensure_future(asyncio.to_thread(self._start_pool))
        if self._starting is not None:
            await self._starting

    def expect(self, pages: int) -> None:
        """The pass will fetch `pages` more pages (a feed's new and changed items): the pool
        starts as soon as the pass expects more than `pool_expect`, not only once `pool_after`
        were extracted, so fewer pages of a big pass wait for it in threads."""
        self.expected += pages
        if self.expected > self.pool_expect:
            self._start_soon()

    def expect_first_pass(self, feeds: int) -> None:
        """A pass that stores the first versions ever (no store yet) over `feeds` feeds that
        follow links: each item they list is a page to extract. When they would announce more
        than `pool_expect` at NEW_FEED_PAGES each, the pool starts now, before the first
        request, so it is up before the first page arrives and its start (~0.4 s of wall, a
        forkserver importing the extractor) overlaps the store's creation instead of the
        pass. Waiting for the parsed feeds to announce them started it ~1.3 s into the 100 x 5
        benchmark pass, and its first 80 pages went to threads, where they took ~13 ms of the
        pipeline's CPU each (six threads contending for the GIL) against ~8.5 ms in the pool
        (bench/README.md, issue 10, fifth round). Nothing is added to `expected`.

        The pages fetched before its first worker is up then wait for it instead of going to
        threads: a page extracted in a thread costs the pipeline's process about twice the
        pool's CPU, and its text is read there too, which made that process import people
        reading and build the roster (~0.2 s of CPU) for the few pages that came before the
        pool (bench/README.md, issue 10 round 12). If the pool cannot start, they go to threads."""
        if feeds * NEW_FEED_PAGES > self.pool_expect:
            self._start_soon()
            self._wait = self._starting is not None

    def _start_soon(self) -> None:
        if self.workers and self._starting is None:
            self._starting = asyncio.ensure_future(asyncio.to_thread(self._start_pool))

    async def extract(self, body: bytes, url: str) -> Extracted:
        self.calls += 1
        if self.calls > self.pool_after:
            self._start_soon()
        if self._wait and not self._ready and self._starting is not None:
            try:  # shielded: a page given up (the pass cancelled) does not stop the pool's start
                await asyncio.shield(self._starting)
            except Exception:  # the start failed: threads, as for a pool that broke
                logger.warning("extraction pool failed to start, extracting in threads")
                self.workers, self._wait = 0, False
        pool = self._pool if self._ready else None
        if pool is None:
            return await asyncio.to_thread(extract_article, body, url)
        from concurrent.futures.process import BrokenProcessPool  # imported by the pool's start

        try:
            extracted = await asyncio.get_running_loop().run_in_executor(
                pool, _extract_and_read, body, url
            )
            self.pooled += 1
            return extracted
        except BrokenProcessPool:  # a worker died (out of memory, killed): carry on in threads
            logger.warning("extraction pool broken, extracting in threads from now on")
            self.workers = 0
            return await asyncio.to_thread(extract_article, body, url)

    def _start_pool(self) -> None:
        """In a thread: start the pool and wait for its first worker (the pass goes on)."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool
        from multiprocessing import resource_tracker

        # forkserver: workers fork from a clean process that imported the extractor once,
        # not from this one with its event loop, threads and database connections.
        context = multiprocessing.get_context("forkserver")
        reading = _READING_MODULES if self.roster is not None else []

        from worker import re_cache

        # stored regular expressions, as in this process (the forkserver compiles the most)
        first = ["worker.re_cache_on"] if re_cache.installed() else []
        context.set_forkserver_preload([*first, *_EXTRACTOR_MODULES, *reading])
        # Ctrl-C reaches the whole process group: the forkserver, started by the first
        # submit, inherits SIGINT blocked from this thread (as multiprocessing starts its
        # resource tracker), so Ctrl-C while it imports the extractor prints no traceback
        # from it (it ignores SIGINT once it serves). The resource tracker is started first:
        # starting it unblocks SIGINT in the calling thread.
        resource_tracker.ensure_running()
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(os.getpid(), self.roster, self.reader),
            )
            # One call per worker: the executor forks a worker for each call that finds none
            # idle, so all of them start now, while the pass is still opening its store,
            # rather than the second one on the second page (it then built its roster with
            # pages waiting).
            started = [self._pool.submit(os.getpid) for _ in range(self.workers)]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        try:
            started[0].result()
        except BrokenProcessPool:
            logger.warning("extraction pool did not start, extracting in threads")
            self.workers = 0
            return
        self._ready = True
        logger.info("extraction pool started workers=%d", self.workers)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    async def __aenter__(self) -> Extractor:
        return self

    async def __aexit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._starting is not None:  # let a start in progress finish, then shut it down
            await asyncio.gather(self._starting, return_exceptions=True)
        await asyncio.to_thread(self.close)
