"""The Chinese reading of people and roles: one case per mechanism (tests/data/people/zh_cases.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from worker.detect.people import extract_people
from worker.detect.roster import Roster

CASES = tomllib.loads(
    (Path(__file__).resolve().parents[2] / "data" / "people" / "zh_cases.toml").read_text("utf-8")
)["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_chinese_mechanism(case: dict[str, Any]) -> None:
    # `roster`: people the reader knows by name ([name, simplified, traditional])
    known = [{"name": n, "zh": zh, "zh_hant": hant} for n, zh, hant in case.get("roster", [])]
    people = (
        extract_people(case["text"], Roster.from_entries(known), language="zh")
        if known
        else extract_people(case["text"], language="zh")
    )
    assert [[p.name, p.role] for p in people] == case["people"]
