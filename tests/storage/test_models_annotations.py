"""storage/models.py is mapped without `from __future__ import annotations` (issue 10, round 16:
SQLAlchemy then reads the `Mapped[...]` annotations as Python evaluated them instead of parsing
each string). The tables must be exactly those the string annotations gave."""

from __future__ import annotations

import inspect
import sys
import types
from typing import Any

import sqlalchemy as sa

import storage.models as models


def _shape(metadata: sa.MetaData) -> dict[str, Any]:
    def column(c: sa.Column[Any]) -> tuple[Any, ...]:
        default = c.default.arg if c.default is not None else None
        server = str(c.server_default.arg) if c.server_default is not None else None
        return (
            c.name, repr(c.type), c.nullable, c.primary_key, c.unique, c.index, c.autoincrement,
            callable(default) or default, server, sorted(str(f.column) for f in c.foreign_keys),
        )  # fmt: skip

    return {
        name: (
            [column(c) for c in table.columns],
            sorted((i.name, [c.name for c in i.columns], i.unique) for i in table.indexes),
            sorted(
                repr(type(k).__name__) + repr(sorted(k.columns.keys())) for k in table.constraints
            ),
        )
        for name, table in metadata.tables.items()
    }


def test_the_tables_are_those_the_string_annotations_gave() -> None:
    source = inspect.getsource(models)
    assert "\nfrom __future__ import annotations" not in source
    name = "storage._models_as_strings"
    as_strings = types.ModuleType(name)
    sys.modules[name] = as_strings  # SQLAlchemy evaluates the strings in the class's module
    try:
        code = compile("from __future__ import annotations\n" + source, models.__file__, "exec")
        exec(code, as_strings.__dict__)  # our own module's source
        assert isinstance(as_strings.Feed.__annotations__["url"], str)  # the strings path
        assert not isinstance(models.Feed.__annotations__["url"], str)
        ours, theirs = _shape(models.Base.metadata), _shape(as_strings.Base.metadata)
    finally:
        del sys.modules[name]
    assert len(ours) >= 15
    assert ours == theirs
