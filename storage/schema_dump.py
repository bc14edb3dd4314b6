"""Writes storage/sqlite_schema.py from a store the migrations made: `python -m storage.schema_dump`.

Run it after adding a migration (tests/storage/test_store.py fails until it is run): until then
new SQLite stores are made by Alembic, as storage.sqlite_schema says.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from storage import sqlite_schema
from storage.db import Store


def schema_of(path: Path) -> list[str]:
    """The statements that make the schema of the SQLite file `path`, in the order its
    objects were made (SQLite's own indexes, named sqlite_autoindex_*, come with their table)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        return [sql for (sql,) in rows]


def migrated_schema() -> tuple[str, list[str]]:
    """The revision and schema of a new store made by the migrations (Alembic)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "new.db"
        store = Store(f"sqlite:///{path}")
        try:
            revision = store.upgrade()
        finally:
            store.dispose()
        assert revision is not None
        return revision, schema_of(path)


def main() -> None:
    """Write storage/sqlite_schema.py's REVISION and STATEMENTS."""
    revision, statements = migrated_schema()
    target = Path(sqlite_schema.__file__)
    source = target.read_text(encoding="utf-8")
    head, _, rest = source.partition("\nREVISION = ")
    _, _, tail = rest.partition("\n)\n")
    body = "".join(f"    {sql!r},\n" for sql in statements)
    written = f"\nREVISION = {revision!r}\n\nSTATEMENTS = (\n{body})\n"
    target.write_text(head + written + tail, encoding="utf-8")
    print(f"{target.name}: {len(statements)} statements at {revision}", file=sys.stderr)


if __name__ == "__main__":
    main()
