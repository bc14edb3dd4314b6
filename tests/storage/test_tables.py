"""One schema: storage/tables.py's Core tables are those the migrations make, and the ORM
classes of storage/models.py map those very tables (issue 10, round 23: `wirediff fetch` runs
on the tables without importing SQLAlchemy's ORM)."""

from __future__ import annotations

import types
import typing
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import storage.models as models
from storage import tables
from storage.db import Store


def test_the_models_map_the_very_tables() -> None:
    assert models.Base.metadata is tables.metadata
    mapped = {m.class_.__table__ for m in models.Base.registry.mappers}  # type: ignore[attr-defined]
    assert mapped == set(tables.metadata.tables.values())
    for mapper in models.Base.registry.mappers:
        table = mapper.class_.__table__  # type: ignore[attr-defined]
        assert tables.metadata.tables[table.name] is table
        assert [c.key for c in mapper.columns] == [c.name for c in table.columns]


def test_the_models_annotations_name_each_column_with_its_nullability() -> None:
    """The `Mapped[...]` annotations (for type checking) say what the columns are: one per
    column, `X | None` exactly where the column is nullable."""
    for mapper in models.Base.registry.mappers:
        cls = mapper.class_
        table: sa.Table = cls.__table__  # type: ignore[attr-defined]
        hints = typing.get_type_hints(cls, vars(models))
        names = [n for n in cls.__annotations__ if not n.startswith("_")]
        assert names == [c.name for c in table.columns], cls
        for column in table.columns:
            (inner,) = typing.get_args(hints[column.name])  # Mapped[inner]
            optional = isinstance(inner, types.UnionType) and type(None) in typing.get_args(inner)
            assert optional == (column.nullable and not column.primary_key), (cls, column.name)


def test_the_migrations_make_the_tables(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        store.upgrade()

        def same_type(context, inspected, metadata, inspected_type, metadata_type):
            floats = (sa.Float, sa.Double)
            if isinstance(inspected_type, floats) and isinstance(metadata_type, floats):
                return False  # SQLite reflects FLOAT for what the models call a double
            return None  # alembic's own comparison

        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": same_type})
            assert compare_metadata(context, tables.metadata) == []
    finally:
        store.dispose()
