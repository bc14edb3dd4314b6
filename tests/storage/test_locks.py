"""Advisory-lock keys live in storage/locks.py only, and no two are the same."""

from __future__ import annotations

import re
from pathlib import Path

from storage import locks

ROOT = Path(__file__).resolve().parents[2]


def test_every_key_is_distinct() -> None:
    keys = {
        name: value
        for name, value in vars(locks).items()
        if name.isupper() and isinstance(value, int)
    }
    assert len(set(keys.values())) == len(keys) >= 5


def test_no_key_or_lock_sql_outside_storage() -> None:
    key = re.compile(r"\b7302\d{3}\b")
    for path in [
        *ROOT.glob("worker/**/*.py"),
        *ROOT.glob("storage/**/*.py"),
        *ROOT.glob("alerts/**/*.py"),
    ]:
        text = path.read_text()
        if path.name != "locks.py":
            assert not key.search(text), f"{path}: a lock key outside storage/locks.py"
        if path.relative_to(ROOT).parts[0] != "storage":
            assert "pg_advisory" not in text, f"{path}: advisory-lock SQL outside storage/"
