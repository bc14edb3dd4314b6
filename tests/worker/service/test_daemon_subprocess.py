"""`wirediff run` as a real process: SIGTERM and SIGINT give exit 0 after in-flight work, and a
restart neither loses nor repeats anything (no second version, no duplicate change event)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from click.testing import CliRunner

from storage.db import Store
from storage.models import Version
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer
from worker.cli import cli

REPO = Path(__file__).resolve().parents[3]


def wait_for(pred: Callable[[], Any], proc: subprocess.Popen[bytes], log: Path) -> Any:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"daemon exited with {proc.returncode}:\n{log.read_text()}")
        value = pred()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"condition not met within 30s:\n{log.read_text()}")


def start(cfg: Path, log: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "WIREDIFF_HOME": str(tmp_path), "PYTHONPATH": str(REPO)}
    env.pop("WIREDIFF_DB", None)
    env.pop("WIREDIFF_CONFIG", None)
    with log.open("ab") as fh:
        return subprocess.Popen(
            [sys.executable, "-m", "worker", "run", "--config", str(cfg)],
            stdout=subprocess.DEVNULL,
            stderr=fh,
            cwd=REPO,
            env=env,
        )


def stop(proc: subprocess.Popen[bytes], sig: signal.Signals) -> int:
    proc.send_signal(sig)
    try:
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()


def changes(db: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["changes", "--json", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_sigterm_exits_0_and_a_restart_repeats_nothing(tmp_path: Path, server: LocalServer) -> None:
    farm = Farm(server)
    for i in range(2):
        farm.add_page(f"/news/{i}.html", f"Report {i}", [f"Item {i} of the day.", *REPORT])
    feed = farm.add_feed("/rss.xml", ["/news/0.html", "/news/1.html"])
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cfg = tmp_path / "wirediff.toml"
    cfg.write_text(
        f'[storage]\nurl = "{db}"\n[daemon]\ntick = 0.2\nlog_format = "json"\n'
        f'[[feeds]]\nurl = "{feed}"\ninterval = "1s"\n'
    )
    log = tmp_path / "daemon.log"
    store = Store(db)

    def versions() -> int:
        if not (tmp_path / "store.db").exists():
            return 0
        with store.read() as s:
            try:
                return int(s.scalar(sa.select(sa.func.count()).select_from(Version)) or 0)
            except Exception:  # tables not there yet: the daemon is still migrating
                return 0

    proc = start(cfg, log, tmp_path)
    wait_for(lambda: versions() == 2, proc, log)
    assert stop(proc, signal.SIGTERM) == 0
    events = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert [e["event"] for e in events if "event" in e][-1] == "daemon_stopped"

    # Restart with one report edited: one new version, one change event, then nothing more.
    page = farm.pages["/news/1.html"]
    page.paragraphs[0] = "Item 1 of the day, corrected."
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    proc = start(cfg, log, tmp_path)
    wait_for(lambda: changes(db), proc, log)
    polled = len(server.hits("/rss.xml"))
    wait_for(lambda: len(server.hits("/rss.xml")) >= polled + 3, proc, log)
    assert stop(proc, signal.SIGINT) == 0

    found = changes(db)
    assert len(found) == 1 and found[0]["article"]["url"] == server.url("/news/1.html")
    assert versions() == 3
    assert len(server.hits("/news/0.html")) == 1  # the unchanged report was not fetched again
