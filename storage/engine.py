"""The job engine's (procrastinate's) schema and connections in the store's PostgreSQL database.

Kept apart from Alembic: procrastinate ships its own schema SQL. wirediff only installs it
(under an advisory lock, so several `db upgrade` at once are safe), checks it is there, and
probes the database for the cluster's workers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import procrastinate
import psycopg
from procrastinate.schema import SchemaManager

from storage import locks
from storage.db import check_url
from storage.errors import StorageError, StoreUnavailable, StoreURLError, first_line


def libpq_url(url: str) -> str:
    """The store's SQLAlchemy URL as a libpq connection string for psycopg/procrastinate."""
    parsed = check_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise StoreURLError(
            f"database URL {parsed.render_as_string()!r}: several workers need a PostgreSQL "
            "store (postgresql+psycopg://HOST/DB, with a user as USER@HOST)"
        )
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def install_engine_schema(url: str) -> str:
    """Install procrastinate's tables and functions in the store (idempotent); returns a status.

    The installed procrastinate version is kept as a comment on procrastinate_jobs; a
    different version is refused with what to do.
    """
    marker = f"procrastinate {procrastinate.__version__}"
    try:
        with psycopg.connect(libpq_url(url)) as conn, conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (locks.ENGINE_SCHEMA,))
            cur.execute(
                "SELECT c.oid IS NOT NULL, obj_description(c.oid, 'pg_class') "
                "FROM (SELECT to_regclass('procrastinate_jobs') AS oid) c"
            )
            row = cur.fetchone()
            installed, found = (bool(row[0]), row[1]) if row else (False, None)
            if not installed:
                cur.execute(SchemaManager.get_schema())
                status = f"installed the job queue schema ({marker})"
            elif found in (None, marker):
                status = f"the job queue schema is current ({marker})"
            else:
                raise StorageError(
                    f"store {_display(url)} has the job queue schema of {found}, this wirediff "
                    f"runs {marker}: apply the SQL files listed by `procrastinate schema "
                    "--migrations-path` in order, then run `wirediff db upgrade`"
                )
            cur.execute(f"COMMENT ON TABLE procrastinate_jobs IS '{marker}'")
    except psycopg.OperationalError as err:
        raise StoreUnavailable(f"store {_display(url)}: {first_line(err)}") from err
    return status


def engine_schema_installed(url: str) -> bool:
    try:
        with psycopg.connect(libpq_url(url)) as conn:
            row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
    except psycopg.OperationalError as err:
        raise StoreUnavailable(f"store {_display(url)}: {first_line(err)}") from err
    return row is not None and row[0] is not None


async def probe(
    url: str, timeout: float, under_recovery_lock: Callable[[], Awaitable[Any]] | None
) -> bool:
    """One connection: is the database there? If so and `under_recovery_lock` is given, run
    it holding the RECOVERY lock unless another worker holds it (the lock, session-scoped,
    ends with the connection). Errors of the function itself are the caller's."""
    try:
        async with asyncio.timeout(timeout):
            conn = await psycopg.AsyncConnection.connect(
                libpq_url(url), connect_timeout=max(1, int(timeout)), autocommit=True
            )
    except (psycopg.Error, OSError, TimeoutError):
        return False
    query = "SELECT 1" if under_recovery_lock is None else "SELECT pg_try_advisory_lock(%s)"
    params = () if under_recovery_lock is None else (locks.RECOVERY,)
    async with conn:
        try:
            async with asyncio.timeout(timeout):
                row = await (await conn.execute(query, params)).fetchone()
        except (psycopg.Error, OSError, TimeoutError):
            return False
        if under_recovery_lock is not None and row is not None and row[0] is True:
            await under_recovery_lock()
    return True


def _display(url: str) -> str:
    return check_url(url).render_as_string(hide_password=True)
