"""Every PostgreSQL advisory-lock key wirediff takes, in one place so no two collide.

Transaction-scoped (`pg_advisory_xact_lock`) unless said otherwise: the lock ends with the
transaction that took it. On SQLite there is one writer at a time anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa

from storage.tables import dialect_of

if TYPE_CHECKING:
    from storage.tables import Conn

MIGRATION = 7302611  # storage.db.Store.upgrade: one Alembic migration at a time
ENGINE_SCHEMA = 7302612  # storage.engine.install_schema: the job engine's tables
FEED_SYNC = 7302613  # storage.claims.sync_configured_feeds: workers starting at once
RECOVERY = 7302614  # storage.engine.probe: session-scoped, held by the worker that recovers
LOG_APPEND = 7302615  # storage.chain: appends to the evidence log never fork it
GROUPING = 7302616  # storage.events.lock_grouping: one report placed in an event at a time

XACT_LOCK_SQL = "SELECT pg_advisory_xact_lock(:k)"


def hold(conn: Conn, key: int) -> None:
    """Wait for the lock `key` until the transaction of `conn` (a connection or a session)
    ends (PostgreSQL only)."""
    if dialect_of(conn).name == "postgresql":
        conn.execute(sa.text(XACT_LOCK_SQL), {"k": key})
