"""Traditional-Chinese people cases of round 14 (branch issue-hant14), table-driven from
tests/data/people/hant14_cases.toml: real dev excerpts (ids in the file) of the shapes pooled
from rounds 16-25's zh_hant misses (a council's questioning, an office taken over at its
handover, a call paid in person), with controls.

Input: excerpts and the (name, role) pairs a reader expects or rules out. Output: pass/fail.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from worker.detect.people import extract_people
from worker.service.seeds import load_roster

CASES = tomllib.loads(
    (Path(__file__).resolve().parents[2] / "data" / "people" / "hant14_cases.toml").read_text(
        encoding="utf-8"
    )
)
ROSTER = load_roster()


@pytest.mark.parametrize("case", CASES["extract"], ids=[c["id"] for c in CASES["extract"]])
def test_extract_people_hant14(case: dict[str, Any]) -> None:
    got = [[p.name, p.role] for p in extract_people(case["text"], ROSTER, language="zh")]
    assert all(pair in got for pair in case.get("includes", [])), got
    assert not any(pair in got for pair in case.get("excludes", [])), got
