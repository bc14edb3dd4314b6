"""Opening a store: URL checks, dialect settings, migrations, sessions.

The only module that knows the dialect. SQLite gets WAL, a busy timeout and foreign keys, and
one writer at a time inside a process (the discipline datasette's write thread enforces);
PostgreSQL gets a small pool with pre-ping so a restarted server is survived.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.orm import Session, sessionmaker

from storage.errors import SchemaOutdated, StoreConflict, StoreUnavailable, StoreURLError

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

# The newest migration in storage/migrations/versions (a test checks it against Alembic's head):
# opening a current store reads one row instead of importing Alembic and its scripts.
SCHEMA_HEAD = "0003_evidence"

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000


def default_sqlite_path(environ: Mapping[str, str]) -> Path:
    """$WIREDIFF_HOME/wirediff.db, else $XDG_DATA_HOME/wirediff/wirediff.db, else ~/.local/share/..."""
    if home := environ.get("WIREDIFF_HOME"):
        return Path(home) / "wirediff.db"
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wirediff" / "wirediff.db"


def check_url(url: str) -> sa.URL:
    """Parse a database URL, or raise StoreURLError naming what is wrong with it."""
    try:
        parsed = sa.make_url(url)
    except exc.ArgumentError as err:
        raise StoreURLError(f"database URL {url!r} is not a valid URL") from err
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreURLError(
            f"database URL {parsed.render_as_string()!r}: unsupported database {backend!r} "
            "(use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
        )
    if backend == "postgresql" and parsed.get_driver_name() not in ("psycopg", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "postgresql" and parsed.get_driver_name() == "psycopg2":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_pragmas(busy_timeout_ms: int) -> Any:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return on_connect


class Store:
    """An open store. Thread-safe: pipeline code calls it from worker threads."""

    def __init__(self, url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
        self.url = check_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            db_path = self.url.database
            if db_path and db_path != ":memory:":
                Path(db_path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.engine = sa.create_engine(
                self.url,
                connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            )
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        else:
            self.engine = sa.create_engine(
                self.url, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_recycle=1800
            )
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # One writer at a time per process on SQLite; PostgreSQL handles concurrency itself.
        self._write_lock = threading.Lock() if self.is_sqlite else None

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._translate_errors(), self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        lock = self._write_lock
        if lock is not None:
            lock.acquire()
        try:
            with self._translate_errors(), self._sessions() as session, session.begin():
                yield session
        finally:
            if lock is not None:
                lock.release()

    @contextmanager
    def _translate_errors(self) -> Iterator[None]:
        try:
            yield
        except exc.OperationalError as err:
            raise StoreUnavailable(f"store {self.display_url}: {_first_line(err)}") from err
        except exc.InterfaceError as err:
            raise StoreUnavailable(f"store {self.display_url}: {_first_line(err)}") from err
        except exc.IntegrityError as err:
            raise StoreConflict(f"store {self.display_url}: {_first_line(err)}") from err

    # -- schema -----------------------------------------------------------------------------

    def _alembic_config(self) -> Config:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option(
            "sqlalchemy.url", self.url.render_as_string(hide_password=False).replace("%", "%%")
        )
        return cfg

    def upgrade(self) -> str | None:
        """Migrate the schema to the newest revision; returns that revision."""
        from alembic import command

        cfg = self._alembic_config()
        with self._translate_errors(), self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if not self.is_sqlite:
                # Several workers may start at once: migrate under an advisory lock.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7302611)"))
            command.upgrade(cfg, "head")
        return self.current_revision()

    def current_revision(self) -> str | None:
        with self._translate_errors(), self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    def head_revision(self) -> str | None:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def ensure_schema(self, *, auto_upgrade: bool) -> None:
        """Migrate (embedded SQLite) or check (shared PostgreSQL) that the schema is current."""
        if self.current_revision() == SCHEMA_HEAD:
            return
        if auto_upgrade:
            self.upgrade()
            return
        raise SchemaOutdated(
            f"store {self.display_url} is not at the current schema: run `wirediff db upgrade`"
        )

    def dispose(self) -> None:
        self.engine.dispose()


def _first_line(err: BaseException) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def open_store(url: str, *, auto_upgrade: bool | None = None) -> Store:
    """Open a store and make sure its schema is current.

    The embedded SQLite store is migrated on first use; PostgreSQL, shared by several workers,
    is migrated only by `wirediff db upgrade` unless `auto_upgrade` says otherwise.
    """
    store = Store(url)
    store.ensure_schema(auto_upgrade=store.is_sqlite if auto_upgrade is None else auto_upgrade)
    return store


def env_flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").lower() in ("1", "true", "yes", "on")


__all__ = ["Store", "check_url", "default_sqlite_path", "env_flag", "open_store"]
