"""Opening a store: URL checks, dialect settings, migrations, connections and sessions.

The only module that knows the dialect. SQLite gets WAL, a busy timeout and foreign keys, and
one writer at a time inside a process (the discipline datasette's write thread enforces);
PostgreSQL gets a small pool with pre-ping so a restarted server is survived.

A full disk is told apart from other I/O errors (SQLite says "disk I/O error" when it cannot
grow its shared-memory file): StoreDiskFull, whose message starts with "disk full" and names
the directory. After one, the first write that succeeds again checkpoints SQLite's WAL and
truncates it, so the log of writes made before the disk filled does not eat the space freed.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection as Connection  # the fetch path's handle on the store

from storage import locks
from storage.errors import (
    SchemaOutdated,
    StoreConflict,
    StoreDiskFull,
    StoreMissing,
    StoreUnavailable,
    StoreURLError,
    first_line,
)
from storage.values import SCHEMA_HEAD as SCHEMA_HEAD
from storage.values import default_sqlite_path as default_sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)


MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# After a checkpoint SQLite truncates its WAL file to this size, so one burst of writes does
# not keep the file (and the disk space) at its largest ever size.
SQLITE_WAL_LIMIT = 64 * 1024 * 1024
# With less than this free next to the SQLite file, a "disk I/O error" is a full disk.
DISK_FULL_BELOW = 1024 * 1024


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
            "(use sqlite:///PATH or postgresql+psycopg://HOST/DB, with a user as USER@HOST)"
        )
    if backend == "postgresql" and parsed.get_driver_name() not in ("psycopg", "psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "postgresql" and parsed.get_driver_name() == "psycopg2":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_pragmas(busy_timeout_ms: int, *, wal: bool) -> Any:
    """wal=False for read-only opening: switching to WAL would write to a file that may not
    be a wirediff store (a store made by wirediff is in WAL mode already)."""

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        if wal:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA journal_size_limit={SQLITE_WAL_LIMIT}")
        cur.close()

    return on_connect


class Store:
    """An open store. Thread-safe: pipeline code calls it from worker threads.

    create=False (read-only commands): an SQLite file that does not exist is StoreMissing,
    and nothing is created on disk, not even its directory.
    """

    def __init__(
        self, url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS, create: bool = True
    ) -> None:
        self.url = check_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        # The message of the last full-disk failure, until a write succeeds with space free.
        self.disk_full: str | None = None
        self.path = sqlite_path(self.url) if self.is_sqlite else None
        if self.path is not None:
            _check_sqlite_path(self.path, create=create)
        if self.is_sqlite:
            self.engine = sa.create_engine(
                self.url,
                connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            )
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout_ms, wal=create))
        else:
            self.engine = sa.create_engine(
                self.url, pool_pre_ping=True, pool_size=5, max_overflow=5, pool_recycle=1800
            )
        # Made on the first session: `wirediff fetch` uses connections only, and never imports
        # SQLAlchemy's ORM (storage/tables.py says why)
        self._sessionmaker: sessionmaker[Session] | None = None
        # One writer at a time per process on SQLite; PostgreSQL handles concurrency itself.
        self._write_lock = threading.Lock() if self.is_sqlite else None

    @property
    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @property
    def directory(self) -> Path | None:
        """Where an SQLite store's files live (None for PostgreSQL or :memory:)."""
        db_path = self.url.database if self.is_sqlite else None
        if not db_path or db_path == ":memory:":
            return None
        return Path(db_path).expanduser().resolve().parent

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A Core connection for reading (SQLAlchemy's ORM not involved): rolled back at the end."""
        with self._translate_errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A Core connection in one transaction: committed on success, rolled back on any
        error. What `write()` is for the ORM, with the same lock, errors and disk checks."""
        lock = self._write_lock
        if lock is not None:
            lock.acquire()
        try:
            with self._translate_errors(), self.engine.begin() as conn:
                yield conn
            if self.disk_full:
                self._space_is_back()
        finally:
            if lock is not None:
                lock.release()

    def _sessions(self) -> Session:
        if self._sessionmaker is None:
            from sqlalchemy.orm import sessionmaker

            self._sessionmaker = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessionmaker()

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
            if self.disk_full:
                self._space_is_back()
        finally:
            if lock is not None:
                lock.release()

    @contextmanager
    def _translate_errors(self) -> Iterator[None]:
        try:
            yield
        except (exc.OperationalError, exc.InterfaceError) as err:
            full = self._disk_full_message(err)
            if full is not None:
                self.disk_full = full
                raise StoreDiskFull(full) from err
            raise StoreUnavailable(f"store {self.display_url}: {first_line(err)}") from err
        except exc.IntegrityError as err:
            raise StoreConflict(f"store {self.display_url}: {first_line(err)}") from err
        except exc.DatabaseError as err:
            # SQLite's "database disk image is malformed": a file with a sound header and
            # damaged pages (a copy taken mid-write, a failing disk). It was a traceback.
            raise StoreUnavailable(
                f"store {self.display_url} is damaged: {first_line(err)}; "
                "restore it from a backup (docs/deploy.md, 'Backups of the SQLite store')"
            ) from err

    def _disk_full_message(self, err: BaseException) -> str | None:
        """'disk full: <where>: ...' when `err` comes from a full disk, else None."""
        text = first_line(err)
        if not self.is_sqlite:
            # PostgreSQL's disk_full (53100): the server's disk, named in its message
            if getattr(getattr(err, "orig", None), "sqlstate", None) == "53100":
                return f"disk full on the database server: store {self.display_url}: {text}"
            return None
        lowered = text.lower()
        if "disk is full" not in lowered and "disk i/o error" not in lowered:
            return None
        directory = self.directory
        if directory is None:
            return None
        try:
            free = shutil.disk_usage(directory).free
        except OSError:
            return None
        if "disk is full" not in lowered and free >= DISK_FULL_BELOW:
            return None  # a real I/O error: reported as it is
        return (
            f"disk full: {directory} ({free} bytes free): the store {self.url.database} "
            f"cannot be written ({text}); free some space"
        )

    def _space_is_back(self) -> None:
        """A write succeeded after a full disk: checkpoint and truncate SQLite's WAL.

        A transaction that changed nothing commits even on a full disk, so for SQLite the
        free space decides.
        """
        directory = self.directory
        if directory is not None:
            try:
                if shutil.disk_usage(directory).free < DISK_FULL_BELOW:
                    return
            except OSError:
                return
        self.disk_full = None
        if not self.is_sqlite:
            logger.warning("store %s is writable again", self.display_url)
            return
        try:
            with self.engine.connect() as conn:
                busy, log_pages, moved = conn.exec_driver_sql(
                    "PRAGMA wal_checkpoint(TRUNCATE)"
                ).one()
        except exc.DBAPIError as err:
            logger.warning("disk space is back, WAL checkpoint failed: %s", first_line(err))
            return
        logger.warning(
            "disk space is back: store %s writable again; WAL checkpointed "
            "(%s of %s pages, truncated=%s)",
            self.directory,
            moved,
            log_pages,
            not busy,
        )

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
        with self._translate_errors(), self.engine.connect() as conn:
            if self.is_sqlite:
                # SQLite applies ON DELETE CASCADE when a migration rebuilds a table (Alembic's
                # batch mode drops the old one): with foreign keys on, rebuilding `feeds` would
                # delete every article and version. The pragma only takes effect outside a
                # transaction, so it is set before the migration's transaction begins.
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()
            with conn.begin():
                cfg.attributes["connection"] = conn
                if not self.is_sqlite:
                    # Several workers may start at once: migrate under an advisory lock.
                    conn.execute(sa.text(locks.XACT_LOCK_SQL), {"k": locks.MIGRATION})
                command.upgrade(cfg, "head")
            if self.is_sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
        return self.current_revision()

    def current_revision(self) -> str | None:
        with self._translate_errors(), self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    def head_revision(self) -> str | None:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(self._alembic_config()).get_current_head()

    def ensure_schema(self, *, auto_upgrade: bool, create: bool = True) -> None:
        """Migrate (embedded SQLite) or check (shared PostgreSQL) that the schema is current.

        create=False: a database without any wirediff schema is StoreMissing, left untouched.
        """
        # Under the lock from the first look on: the first connection to a new SQLite file
        # switches it to WAL, which another process doing the same at that moment is refused.
        with self._migration_lock():
            revision = self.current_revision()
            if revision == SCHEMA_HEAD:
                return
            if revision is None and not create:
                raise StoreMissing(f"{self.display_url} is not a wirediff store (no schema in it)")
            if not auto_upgrade:
                raise SchemaOutdated(
                    f"store {self.display_url} is not at the current schema: "
                    "run `wirediff db upgrade`"
                )
            if revision is None and self.is_sqlite and self._create_sqlite():
                return
            self.upgrade()

    def _create_sqlite(self) -> bool:
        """Make the current schema in an SQLite database with nothing in it, without Alembic:
        the statements the migrations run to make it (storage/sqlite_schema.py), in one
        transaction, stamped with the newest revision as Alembic stamps it. False (nothing
        done) when the database holds anything or those statements are not of the newest
        revision: the migrations then run as before."""
        from storage import sqlite_schema

        if sqlite_schema.REVISION != SCHEMA_HEAD:
            return False
        with self._translate_errors(), self.engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # rolled back by any error below
            if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
                conn.rollback()
                return False
            for statement in sqlite_schema.STATEMENTS:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql(
                "INSERT INTO alembic_version (version_num) VALUES (?)", (SCHEMA_HEAD,)
            )
            conn.commit()
        return True

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """One migrating process at a time for an SQLite file (PostgreSQL uses an advisory
        lock in upgrade()). SQLite's own locks cannot hold across Alembic's steps, so the
        file's directory is locked with flock (a lock on the database file itself would be
        dropped by SQLite's POSIX locks whenever a descriptor of it is closed)."""
        if self.path is None:
            yield
            return
        fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str, *, auto_upgrade: bool | None = None, create: bool = True) -> Store:
    """Open a store and make sure its schema is current.

    The embedded SQLite store is created and migrated on first use; PostgreSQL, shared by
    several workers, is migrated only by `wirediff db upgrade` unless `auto_upgrade` says
    otherwise. create=False (read-only commands) never creates a store: StoreMissing instead.
    """
    store = Store(url, create=create)
    try:
        store.ensure_schema(
            auto_upgrade=store.is_sqlite if auto_upgrade is None else auto_upgrade, create=create
        )
    except BaseException:
        store.dispose()
        raise
    return store


def sqlite_path(url: sa.URL) -> Path | None:
    """The file of an SQLite URL; None for an in-memory database."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return Path(database).expanduser()


def _check_sqlite_path(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise StoreURLError(f"store {path} is a directory, not a database file")
    _check_sqlite_header(path)
    if path.exists() and path.stat().st_size > 0 and not create:
        _check_readable(path)
        return
    if path.exists() and create:
        _check_writable(path)
        return
    if not create and path.exists():
        raise StoreMissing(f"{path} is not a wirediff store (an empty file)")
    if not create:
        raise StoreMissing(
            f"no store at {path} (nothing stored yet: `wirediff fetch` or `wirediff feeds add` "
            "creates it; or give the store with --db / WIREDIFF_DB / [storage] url)"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        if err.errno == errno.ENOSPC:
            raise StoreDiskFull(
                f"disk full: {path.parent}: cannot create the store's directory"
            ) from err
        raise StoreURLError(
            f"store {path}: cannot create its directory: {err.strerror or err}"
        ) from err
    _check_writable(path)


def _check_sqlite_header(path: Path) -> None:
    """A file that is there and not empty but is no SQLite database (a config file or a
    download given as the store by mistake) is named; SQLite itself only raises "file is not a
    database" at the first statement, a traceback then. An empty file is left to the callers:
    SQLite makes a new database of it.

    SQLite reads the file here, not Python: closing any other descriptor of a database file
    drops every POSIX lock this process holds on it, so a store opened while another connection
    of the process has it (the quick pass handing its work over) lost its locks and, with them,
    the version the pass then wrote. SQLite shares one set of locks among its own connections."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return  # missing, or unreadable: said by the checks that follow, or by SQLite
    try:
        probe.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise StoreURLError(
                f"store {path} is not an SQLite database file (it does not start with "
                "'SQLite format 3'): give a wirediff store, or a path where none is yet"
            ) from None
    finally:
        probe.close()


def _check_writable(path: Path) -> None:
    """A store is written with its journal files (-wal, -shm) beside it: SQLite only says
    "unable to open database file" when that directory, or the file, cannot be written."""
    directory = path.parent
    companions = _companions(path)
    if not os.access(directory, os.W_OK) and not (
        path.exists() and all(os.access(c, os.W_OK) for c in companions)
    ):
        raise StoreURLError(
            f"store {path}: cannot write in {directory} ({_why_unwritable(directory)}); "
            "SQLite keeps its journal files beside the store: choose a writable place"
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreURLError(f"store {path}: the file cannot be written ({_why_unwritable(path)})")


def _check_readable(path: Path) -> None:
    """Reading a store in WAL mode needs its -wal and -shm files, created beside it when
    missing: in a directory that cannot be written, SQLite only says "unable to open database
    file"."""
    directory = path.parent
    if not os.access(directory, os.W_OK) and not all(c.exists() for c in _companions(path)):
        raise StoreURLError(
            f"store {path}: cannot be opened: {directory} cannot be written "
            f"({_why_unwritable(directory)}) and SQLite needs to create the store's -wal and "
            "-shm files beside it"
        )


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _why_unwritable(path: Path) -> str:
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return "read-only file system"
    except OSError:
        pass
    return "permission denied"


def env_flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").lower() in ("1", "true", "yes", "on")


def session_on(conn: Connection) -> Session:
    """An ORM session in `conn`'s transaction (flushes go there; the connection's owner commits
    or rolls back): for ORM code called from the Core path (events grouping, when on)."""
    from sqlalchemy.orm import Session

    return Session(bind=conn)


__all__ = [
    "Connection",
    "Store",
    "check_url",
    "default_sqlite_path",
    "env_flag",
    "open_store",
    "session_on",
]
