"""The real `wirediff serve`, started as a process on a free port over a store that a real
`wirediff fetch` filled from the test farm (tests/support/newsroom.py). Built once per test session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.httpserver import LocalServer
from tests.support.newsroom import Newsroom, build

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Served:
    url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)  # type: ignore[arg-type]

    def stop(self) -> int:
        """SIGTERM, as a service manager stops it; the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


def serve_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREDIFF_")}
    env.update(PYTHONPATH=str(REPO), **extra)
    return env


def start_serve(db_url: str, log: Path, *args: str, env: dict[str, str] | None = None) -> Served:
    """`wirediff serve --bind 127.0.0.1:0`, once it says where it listens."""
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "worker",
                "serve",
                "--db",
                db_url,
                "--bind",
                "127.0.0.1:0",
                *args,
            ],
            stdout=subprocess.DEVNULL,
            stderr=fh,
            cwd=REPO,
            env={"WIREDIFF_HOME": str(log.parent), **(env or serve_env())},
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if "serving http://" in text:
            url = text.split("serving ", 1)[1].split()[0].rstrip("/")
            return Served(url, proc, log)
        if proc.poll() is not None:
            raise AssertionError(f"serve exited with {proc.returncode}:\n{text}")
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"serve did not start within 30s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def farm_server() -> Iterator[LocalServer]:
    srv = LocalServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="session")
def room(farm_server: LocalServer, tmp_path_factory: pytest.TempPathFactory) -> Newsroom:
    tmp = tmp_path_factory.mktemp("newsroom")
    return build(farm_server, tmp, f"sqlite:///{tmp / 'store.db'}")


@pytest.fixture(scope="session")
def served(room: Newsroom, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    server = start_serve(room.db_url, log)
    try:
        yield server
    finally:
        assert server.stop() == 0, log.read_text()
