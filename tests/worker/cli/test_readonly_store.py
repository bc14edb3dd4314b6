"""A store in a folder that cannot be written: a real read-only filesystem (a tmpfs mounted
under tmp_path, then remounted read-only). SQLite only said "unable to open database file"
(exit 1); each command now says which store, which folder and why, in one line, exit 2, and
what is stored stays stored. Needs permission to mount (root, as CI runs); otherwise it skips
saying so.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli_process import wirediff
from tests.support.tmpfs import mounted_tmpfs


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with mounted_tmpfs(
        tmp_path / "disk", size="8m", mode="0755", needed_for="a real read-only filesystem"
    ) as mount:
        yield mount


def _read_only(mount: Path, read_only: bool = True) -> None:
    option = "remount,ro" if read_only else "remount,rw"
    subprocess.run(["mount", "-o", option, str(mount)], check=True)


def _one_line_error(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.startswith("wirediff: error:")]
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_a_store_in_a_read_only_folder_is_one_clear_line(tmp_path: Path, disk: Path) -> None:
    env = {"WIREDIFF_HOME": str(tmp_path / "home")}
    kept = f"sqlite:///{disk / 'kept.db'}"
    added = wirediff("feeds", "add", "https://example.org/rss.xml", "--db", kept, env=env)
    assert added.returncode == 0, added.stderr
    # the store closed for good (the last connection gone, SQLite removes its -wal and -shm)
    last = sqlite3.connect(disk / "kept.db")
    assert last.execute("SELECT count(*) FROM feeds").fetchone() == (1,)
    last.close()
    assert not (disk / "kept.db-shm").exists()
    _read_only(disk)

    # a new store there: fetch (and db upgrade) cannot create it
    new = f"sqlite:///{disk / 'new.db'}"
    for args in (["fetch", "--feed", "http://127.0.0.1:9/feed.xml"], ["db", "upgrade"]):
        line = _one_line_error(wirediff(*args, "--db", new, env=env), str(disk / "new.db"))
        assert "read-only file system" in line and "unable to open" not in line
    assert not (disk / "new.db").exists()

    # the existing store: a command that writes, and one that only reads
    line = _one_line_error(
        wirediff("feeds", "add", "https://example.org/other.xml", "--db", kept, env=env),
        str(disk / "kept.db"),
        "read-only file system",
    )
    assert "unable to open" not in line
    line = _one_line_error(
        wirediff("feeds", "list", "--db", kept, env=env), str(disk / "kept.db"), "read-only"
    )
    assert "-wal" in line and "unable to open" not in line

    # the same folder writable again: nothing was lost
    _read_only(disk, False)
    listed = wirediff("feeds", "list", "--json", "--db", kept, env=env)
    assert listed.returncode == 0, listed.stderr
    assert '"url": "https://example.org/rss.xml"' in listed.stdout
    assert "other.xml" not in listed.stdout
