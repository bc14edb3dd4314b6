"""After `kill -9` of `wirediff fetch` or `wirediff run`, no process of its extraction pool is left.

Real processes: the CLI in a subprocess, a feed of 22 pages on 127.0.0.1 (the last four hang,
so the pass is still running when it is killed), one extraction worker so the pool (resource
tracker, forkserver, worker) starts after the 16th page. SIGKILL runs no cleanup in the killed
process; the pool's processes must notice and exit by themselves.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer, Request, Response

ROOT = Path(__file__).resolve().parents[3]
FAST, SLOW = 18, 4


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        for child in children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan waiting to be reaped by init has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(what: str, check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.parametrize("command", ["fetch", "run"])
def test_the_extraction_pool_exits_when_its_process_is_killed(
    command: str, server: LocalServer, tmp_path: Path
) -> None:
    farm = Farm(server)
    release = threading.Event()
    paths = []
    for i in range(FAST + SLOW):
        path = f"/a/{i}.html"
        farm.add_page(path, f"Report {i}", [f"Story {i}.", *REPORT])
        paths.append(path)
    for path in paths[FAST:]:

        def hang(req: Request, h: object, serve=farm._serve_page) -> Response:
            release.wait(30)  # the pass stays busy with these until the test ends
            return serve(req, h)

        server.route(path, hang)
    feed = farm.add_feed("/rss.xml", paths)
    config = tmp_path / "wirediff.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{tmp_path / "w.db"}"\n'
        "[fetch]\nextract_workers = 1\nper_host = 16\nrevisit = []\ntimeout = 60\n"
        f'[[feeds]]\nurl = "{feed}"\ninterval = "1h"\n'
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker", command, "--config", str(config)],
        cwd=ROOT,
        env={**os.environ, "WIREDIFF_HOME": str(tmp_path / "home")},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pool: list[int] = []

    def pool_started() -> bool:
        pool[:] = descendants(proc.pid)
        return len(pool) >= 3  # resource tracker, forkserver, and the worker it forked

    try:
        wait_for("the extraction pool", pool_started, 45)
        assert proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        wait_for(
            f"the pool of the killed `{command}` to exit", lambda: not any(map(running, pool)), 20
        )
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in pool:  # never leave a stray process behind, even when the test fails
            if running(pid):
                os.kill(pid, signal.SIGKILL)
