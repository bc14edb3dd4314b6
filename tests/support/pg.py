"""Throwaway PostgreSQL databases on the server under test, and throwaway servers (tests, bench)."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa


def create_database(base_url: str, prefix: str = "wd_test") -> str:
    """A new empty database on the server of `base_url`; its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return sa.make_url(base_url).set(database=name).render_as_string(hide_password=False)


def drop_database(base_url: str, url: str) -> None:
    """Drop the database of `url`, ending any sessions still connected to it."""
    name = sa.make_url(url).database
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@contextmanager
def fresh_database(base_url: str) -> Iterator[str]:
    url = create_database(base_url)
    try:
        yield url
    finally:
        drop_database(base_url, url)


class PrivateServerUnavailable(Exception):
    """No private PostgreSQL server can be run here (no binaries, no postgres user...)."""


class PrivateServer:
    """A throwaway PostgreSQL server of our own, to restart without touching the shared one.

    initdb and pg_ctl from /usr/lib/postgresql/*/bin, in a temporary directory, on a free port
    of 127.0.0.1 (socket in the data directory). PostgreSQL refuses to run as root, so under
    root the directory belongs to the `postgres` user and the binaries run through `runuser`.
    Tests and bench/chaos.py use it for real server restarts; `close()` removes everything.
    """

    def __init__(self) -> None:
        binaries = sorted(
            glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
            key=lambda p: (
                int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
            ),
        )
        if not binaries:
            raise PrivateServerUnavailable("no PostgreSQL server binaries in /usr/lib/postgresql")
        self.bin = Path(binaries[-1]).parent
        self.as_user: list[str] = []
        owner = None
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError as err:
                raise PrivateServerUnavailable("running as root and no `postgres` user") from err
            runuser = shutil.which("runuser")
            if runuser is None:
                raise PrivateServerUnavailable("running as root and no runuser command")
            self.as_user = [runuser, "-u", "postgres", "--"]
        self.root = Path(tempfile.mkdtemp(prefix="wirediff-pg-"))
        if owner is not None:
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        try:
            self._run(
                "initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8", "--locale=C",
            )  # fmt: skip
        except PrivateServerUnavailable:
            self.close()
            raise

    def _run(self, tool: str, *args: str, timeout: float = 60) -> None:
        command = [*self.as_user, str(self.bin / tool), *args]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise PrivateServerUnavailable(f"{tool}: {err}") from err
        if done.returncode != 0:
            raise PrivateServerUnavailable(
                f"{tool} failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-500:]}"
            )

    def start(self) -> PrivateServer:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.data} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`fast`: clients are disconnected, as a restart does)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self, down_for: float = 0.0) -> None:
        """Stop, stay down for `down_for` seconds, start again on the same port."""
        self.stop()
        time.sleep(down_for)
        self.start()

    def close(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(PrivateServerUnavailable):
                self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
