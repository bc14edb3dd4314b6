"""Real report excerpts of the people development set (bench/data/people/dev, labelled by hand,
sources in its PROVENANCE.md), read by provenance id for the tests of the learned models."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "data" / "people" / "dev"


def dev_report(file: str, report_id: str) -> dict[str, Any]:
    """The report `report_id` of dev/`file`."""
    reports = tomllib.loads((DEV / file).read_text(encoding="utf-8"))["report"]
    return next(r for r in reports if r["id"] == report_id)


def role_pairs(people: Any) -> set[tuple[str, str]]:
    """(name as written, role) of each person."""
    return {(p.name, p.role) for p in people}
