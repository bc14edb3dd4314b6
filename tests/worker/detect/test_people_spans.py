"""Name spans of people extraction (round 11, branch issue-names11): real dev excerpts whose
people were read with the wrong span, table-driven from tests/data/people/span_cases.toml
(same format as cases.toml; bench/people_spans.py measures the class over all dev files)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from worker.detect.people import extract_people
from worker.service.seeds import load_roster

DATA = Path(__file__).resolve().parents[2] / "data" / "people"
CASES = tomllib.loads((DATA / "span_cases.toml").read_text(encoding="utf-8"))
ROSTER = load_roster()


@pytest.mark.parametrize("case", CASES["extract"], ids=[c["id"] for c in CASES["extract"]])
def test_name_spans(case: dict[str, Any]) -> None:
    people = extract_people(case["text"], ROSTER, language=case.get("language"))
    got = [[p.name, p.role] for p in people]
    if "expect" in case:
        assert got == case["expect"]
    assert all(pair in got for pair in case.get("includes", []))
    assert not any(pair in got for pair in case.get("excludes", []))
