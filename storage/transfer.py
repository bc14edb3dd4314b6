"""Copy every row of one store into another, ids and all (the SQLite -> PostgreSQL move).

In: an open source Store and an open target Store, both at the same schema revision, the target
empty. Out: the number of rows copied per table. Feeds, articles, bodies, versions, changes and
deliveries keep their ids, numbers, compressed texts and event JSON byte for byte; the target's
id sequences are moved past the copied ids so new rows do not collide. The copy is one
transaction on the target: it lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from storage.db import Store
from storage.errors import StorageError
from storage.models import Base


class TransferError(StorageError):
    """The stores cannot be copied between (not empty, other schema, same store...)."""


# Parents before children, as the foreign keys need.
TABLES: tuple[sa.Table, ...] = tuple(Base.metadata.sorted_tables)

Progress = Callable[[str, int], None]


def row_counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            t.name: int(session.scalar(sa.select(sa.func.count()).select_from(t)) or 0)
            for t in TABLES
        }


def check_copyable(source: Store, target: Store) -> None:
    """Raise TransferError naming the problem unless `source` can be copied into `target`."""
    if source.url == target.url:
        raise TransferError(f"source and target are the same store ({source.display_url})")
    src_rev, dst_rev = source.current_revision(), target.current_revision()
    if src_rev != dst_rev:
        raise TransferError(
            f"store {source.display_url} is at schema revision {src_rev} and "
            f"{target.display_url} at {dst_rev}: run `wirediff db upgrade` on both"
        )
    for name, count in row_counts(target).items():
        if count:
            raise TransferError(
                f"target store {target.display_url} is not empty ({count} rows in {name}): "
                "copy into a new database"
            )


def copy_rows(
    source: Store, target: Store, *, batch: int = 500, progress: Progress | None = None
) -> dict[str, int]:
    """Copy every row of every table; returns rows copied per table."""
    check_copyable(source, target)
    copied: dict[str, int] = {}
    with source.read() as src, target.write() as dst:
        src_conn, dst_conn = src.connection(), dst.connection()
        for table in TABLES:
            query = sa.select(table).order_by(*table.primary_key.columns)
            result = src_conn.execution_options(yield_per=batch).execute(query)
            copied[table.name] = 0
            for chunk in result.partitions(batch):
                dst_conn.execute(table.insert(), [dict(row._mapping) for row in chunk])
                copied[table.name] += len(chunk)
                if progress is not None:
                    progress(table.name, copied[table.name])
        if dst_conn.dialect.name == "postgresql":
            _advance_sequences(dst_conn)
    after = row_counts(target)
    if after != copied:
        raise TransferError(f"copy incomplete: copied {copied}, target holds {after}")
    return copied


def _advance_sequences(conn: sa.Connection) -> None:
    """Move each serial id sequence past the largest copied id (explicit ids do not move it)."""
    for table in TABLES:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        name, column = table.name, pk[0].name
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
                f'COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) FROM "{name}"'
            )
        )


__all__ = ["TABLES", "TransferError", "check_copyable", "copy_rows", "row_counts"]
