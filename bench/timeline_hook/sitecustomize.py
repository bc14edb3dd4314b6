"""Timestamps of a first pass's stages, for bench/first_pass_timeline.py only (never the product).

Loaded as `sitecustomize` when that script puts this directory first on PYTHONPATH and sets
WD_TRACE: every process of the pass (the pipeline, the forkserver, the pool's workers) appends
"wall-time pid event process-CPU detail" lines to WD_TRACE.<pid>. Wraps, after their modules
load: the pool's start and shutdown, each page handed to the pool and each page a worker
extracts, each fetch, each feed's refresh, parse and store, the store's opening; in the
forkserver's children the pool's queue reads and result writes."""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import os
import sys
import time
from typing import Any

_OUT = os.environ.get("WD_TRACE")
_FDS: dict[int, int] = {}


def log(what: str, extra: str = "") -> None:
    pid = os.getpid()
    fd = _FDS.get(pid)
    if fd is None:
        fd = _FDS[pid] = os.open(f"{_OUT}.{pid}", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    line = f"{time.time():.6f} {pid} {what} {time.process_time():.4f} {extra}\n"
    os.write(fd, line.encode())


def _switches() -> str:
    """The process's voluntary (it blocked) and involuntary (it was preempted) switches."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            lines = [line.split() for line in status if "ctxt_switches" in line]
    except OSError:
        return ""
    return "/".join(parts[1] for parts in lines)


def _wrap(obj: Any, name: str, tag: str, arg: Any = None, *, is_async: bool = False) -> None:
    f = getattr(obj, name)

    def detail(a: tuple[Any, ...], k: dict[str, Any]) -> str:
        return "" if arg is None else str(arg(a, k))[:60]

    if is_async:

        @functools.wraps(f)
        async def wrapped_async(*a: Any, **k: Any) -> Any:
            x = detail(a, k)
            log(tag + "+", x)
            try:
                return await f(*a, **k)
            finally:
                log(tag + "-", x)

        setattr(obj, name, wrapped_async)
        return

    @functools.wraps(f)
    def wrapped(*a: Any, **k: Any) -> Any:
        x = detail(a, k)
        log(tag + "+", x)
        try:
            return f(*a, **k)
        finally:
            log(tag + "-", x)

    setattr(obj, name, wrapped)


def _patch(name: str, mod: Any) -> None:
    if name == "worker.ingest.extract_pool":
        _wrap(mod.Extractor, "_start_pool", "startpool")
        _wrap(mod.Extractor, "close", "poolclose")
        _wrap(mod.Extractor, "extract", "extract", lambda a, k: a[2], is_async=True)
        _wrap(mod, "_extract_and_read", "wextract", lambda a, k: a[1])
        _wrap(mod, "_start_worker", "winit")
    elif name == "worker.ingest.fetch":
        _wrap(mod.Fetcher, "fetch", "fetch", lambda a, k: a[1], is_async=True)
    elif name == "worker.pipeline.refresh":
        _wrap(mod, "_store_entries_counted", "store", lambda a, k: a[1].url)
        _wrap(mod, "refresh_feed", "feed", lambda a, k: a[1].url, is_async=True)
        _wrap(mod, "run_pass", "runpass", is_async=True)
    elif name == "worker.cli.common":
        _wrap(mod, "runtime_from", "runtime")
    elif name == "worker.service.quick":
        _wrap(mod, "quick_start", "quick", is_async=True)
    elif name == "worker.ingest.parse":
        _wrap(mod, "parse_feed", "parse")


_TARGETS = {
    "worker.ingest.extract_pool",
    "worker.ingest.fetch",
    "worker.pipeline.refresh",
    "worker.cli.common",
    "worker.service.quick",
    "worker.ingest.parse",
    "worker.cli",
    "trafilatura",
    "sqlalchemy.orm",
    "storage.models",
}


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname not in _TARGETS:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            log("import+", fullname)
            run(module)
            _patch(fullname, module)
            log("import-", fullname)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _queues() -> None:
    """In the forkserver (and so its workers): the pool's queue reads and result writes."""
    import multiprocessing.queues as mq

    get, put = mq.Queue.get, mq.SimpleQueue.put

    def timed_get(self: Any, *a: Any, **k: Any) -> Any:
        log("qget+")
        try:
            return get(self, *a, **k)
        finally:
            log("qget-")

    def timed_put(self: Any, obj: Any) -> None:
        log("sput+")
        try:
            put(self, obj)
        finally:
            log("sput-")

    mq.Queue.get = timed_get  # type: ignore[method-assign]
    mq.SimpleQueue.put = timed_put  # type: ignore[method-assign]


if _OUT:
    log("interp", " ".join(sys.argv[:3])[:80])
    sys.meta_path.insert(0, _Finder())
    if sys.argv[:1] == ["-c"]:  # the forkserver or the resource tracker
        _queues()
    _exit = os._exit

    def _logged_exit(code: int) -> None:
        log("os._exit", _switches())
        _exit(code)

    os._exit = _logged_exit  # type: ignore[assignment]
