"""A store on a full disk: a real small filesystem (tmpfs of 4 MB mounted under tmp_path).

`fetch` says "disk full" and names the directory; `run` starts anyway, is unhealthy and waits;
once space is freed it checkpoints SQLite's WAL, becomes healthy, and records the edit made
meanwhile. Needs permission to mount (root, as CI runs); otherwise it skips saying so.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.cli_process import ROOT, wirediff
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer
from tests.support.tmpfs import mounted_tmpfs


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(
        tmp_path / "disk", size="4m", mode="0700", needed_for="a small real filesystem"
    ) as mount:
        yield mount


def fill(directory: Path) -> Path:
    """Write zeros into directory/filler until not one more byte fits."""
    filler = directory / "filler"
    with filler.open("wb", buffering=0) as out:
        size = 1 << 20
        while size:
            try:
                out.write(b"\0" * size)
            except OSError as err:
                assert err.errno == errno.ENOSPC
                size //= 2
    return filler


def wait_for(
    what: str, check: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        if check():
            return
        if proc.poll() is not None:
            pytest.fail(f"the daemon exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}:\n{log.read_text()[-3000:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return -1


def test_a_full_disk_is_named_and_the_daemon_waits_for_space(
    small_disk: Path, server: LocalServer, tmp_path: Path
) -> None:
    farm = Farm(server)
    for i in range(2):
        farm.add_page(f"/a/{i}.html", f"Report {i}", [f"Story {i}.", *REPORT])
    feed = farm.add_feed("/rss.xml", ["/a/0.html", "/a/1.html"])
    db = small_disk / "wirediff.db"
    port = free_port()
    config = tmp_path / "wirediff.toml"  # the config and the logs live off the small disk
    config.write_text(
        f'[storage]\nurl = "sqlite:///{db}"\n[fetch]\nrevisit = []\n'
        f'[daemon]\nmetrics = "127.0.0.1:{port}"\nrestart_jitter = "1s"\n'
        f'[[feeds]]\nurl = "{feed}"\ninterval = "2s"\n'
    )
    env = {"WIREDIFF_HOME": str(tmp_path / "home")}
    first = wirediff("fetch", "--config", str(config), env=env)
    assert first.returncode == 0, first.stderr
    assert count(db, "versions") == 2

    filler = fill(small_disk)
    full = wirediff("fetch", "--config", str(config), env=env)
    assert full.returncode == 1, full.stdout + full.stderr  # nothing could be stored
    assert "Traceback" not in full.stderr
    last = full.stderr.splitlines()[-1]
    assert last.startswith(f"wirediff: error: disk full: {small_disk}"), full.stderr

    farm.pages["/a/0.html"].paragraphs[0] = "Story 0, edited while the disk was full."
    # a feed added to the config meanwhile: the daemon must write it into the store to start
    farm.add_page("/b/0.html", "Report b", ["Story b.", *REPORT])
    second = farm.add_feed("/b.xml", ["/b/0.html"])
    config.write_text(config.read_text() + f'[[feeds]]\nurl = "{second}"\ninterval = "2s"\n')
    log = tmp_path / "run.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker", "run", "--config", str(config)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    try:
        wait_for(
            "the daemon to report the full disk", lambda: "disk_full" in log.read_text(), proc, log
        )
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        assert health.status_code == 503 and health.json()["disk_full"] is True
        assert f'error="disk full: {small_disk}' in log.read_text()
        assert proc.poll() is None  # started, and waiting

        filler.unlink()
        wait_for(
            "the edit made meanwhile and the new feed",
            lambda: count(db, "changes") == 1 and count(db, "versions") == 4,
            proc,
            log,
        )
        assert "WAL checkpointed" in log.read_text()
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
        assert health.status_code == 200 and health.json()["disk_full"] is False
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
