"""Main-text extraction off the event loop: in threads for a few pages, in processes for many.

trafilatura is pure-Python CPU work (~4 ms a page), so threads give no parallelism under the
GIL. When a pass has many pages to extract (a cold pass, a busy daemon) they go to a process
pool, one worker per spare core, so extraction runs beside fetching and storing. Small passes
(a handful of edited reports, tests, the demo) never pay for starting processes.

The pool never outlives the process that started it, even one killed with SIGKILL (which runs no
cleanup): each worker watches that process through a pidfd and exits when it is gone. The
forkserver and multiprocessing's resource tracker then exit by themselves, as they do once
no worker is left (each holds a pipe end the workers keep open).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import select
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from worker.ingest.extract import Extracted, extract_article

logger = logging.getLogger(__name__)

POOL_AFTER = 16  # pages extracted in threads before a pass starts its process pool


def default_workers() -> int:
    """Worker processes for extraction: the cores beyond the one running the pipeline."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(0, min((cores or 1) - 1, 4)) if (cores or 1) > 1 else 0


def _start_worker(owner: int) -> None:
    """Pool worker initializer: leave Ctrl-C to the owner, and die with the owner."""
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


class Extractor:
    """`await extractor.extract(body, url)`; use as an async context manager around a pass."""

    def __init__(self, workers: int | None = None, *, pool_after: int = POOL_AFTER) -> None:
        self.workers = default_workers() if workers is None else workers
        self.pool_after = pool_after
        self._calls = 0
        self._pool: ProcessPoolExecutor | None = None

    async def extract(self, body: bytes, url: str) -> Extracted:
        self._calls += 1
        pool = self._ensure_pool() if self.workers and self._calls > self.pool_after else None
        if pool is None:
            return await asyncio.to_thread(extract_article, body, url)
        try:
            return await asyncio.get_running_loop().run_in_executor(
                pool, extract_article, body, url
            )
        except BrokenProcessPool:  # a worker died (out of memory, killed): carry on in threads
            logger.warning("extraction pool broken, extracting in threads from now on")
            self.workers = 0
            return await asyncio.to_thread(extract_article, body, url)

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers fork from a clean process that imported the extractor once,
            # not from this one with its event loop, threads and database connections.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["worker.ingest.extract"])
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
            logger.info("extraction pool started workers=%d", self.workers)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    async def __aenter__(self) -> Extractor:
        return self

    async def __aexit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await asyncio.to_thread(self.close)
