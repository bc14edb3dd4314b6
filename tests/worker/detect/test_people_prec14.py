"""Round 14 (prec14): false people removed by kind, table-driven from
tests/data/people/prec14_cases.toml (real dev excerpts with their ids)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from worker.detect.people import extract_people
from worker.service.seeds import load_roster

CASES = tomllib.loads(
    (Path(__file__).resolve().parents[2] / "data" / "people" / "prec14_cases.toml").read_text(
        encoding="utf-8"
    )
)
ROSTER = load_roster()


@pytest.mark.parametrize("case", CASES["extract"], ids=[c["id"] for c in CASES["extract"]])
def test_extract_people(case: dict[str, Any]) -> None:
    people = extract_people(case["text"], ROSTER, language=case.get("language"))
    got = [[p.name, p.role] for p in people]
    if "expect" in case:
        assert got == case["expect"]
    assert all(pair in got for pair in case.get("includes", []))
    assert not any(pair in got for pair in case.get("excludes", []))
