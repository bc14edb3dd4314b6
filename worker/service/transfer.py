"""Move a store to PostgreSQL: `wirediff db migrate-to URL`.

In: the current store's URL (usually the embedded SQLite file) and a PostgreSQL URL of an empty
database. Out: the target migrated to the current schema (wirediff's tables via Alembic, the job
queue's via procrastinate), every row copied with its id (storage/transfer.py), and a report of
the rows copied per table. The source is only read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.db import Store, check_url, open_store
from storage.engine import install_engine_schema
from storage.errors import StoreURLError
from storage.transfer import Progress, copy_rows


@dataclass(frozen=True, slots=True)
class TransferReport:
    source: str
    target: str
    rows: dict[str, int]
    engine: str  # what was done to the job queue schema

    def lines(self) -> list[str]:
        counts = ", ".join(f"{n} {t}" for t, n in self.rows.items())
        return [f"copied {self.source} -> {self.target}: {counts}", self.engine]


def migrate_store(
    source_url: str, target_url: str, *, progress: Progress | None = None
) -> TransferReport:
    """Copy the store at `source_url` into the empty PostgreSQL database at `target_url`."""
    target_parsed = check_url(target_url)
    if target_parsed.get_backend_name() != "postgresql":
        raise StoreURLError(
            f"target {target_parsed.render_as_string()!r}: migrate-to copies into PostgreSQL "
            "(postgresql+psycopg://HOST/DB, with a user as USER@HOST)"
        )
    source_parsed = check_url(source_url)
    path = source_parsed.database
    if (
        source_parsed.get_backend_name() == "sqlite"
        and path
        and not Path(path).expanduser().exists()
    ):
        raise StoreURLError(f"source store {path} does not exist: nothing to migrate")
    source = open_store(source_url, create=False)  # only read: never created here
    target = Store(target_url)
    try:
        target.upgrade()
        engine = install_engine_schema(target_url)
        rows = copy_rows(source, target, progress=progress)
    finally:
        source.dispose()
        target.dispose()
    return TransferReport(source.display_url, target.display_url, rows, engine)


__all__ = ["TransferReport", "migrate_store"]
