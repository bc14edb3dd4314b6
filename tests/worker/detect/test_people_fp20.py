"""Round 20 (fp20): false people of rounds 36 and 37 (tests/data/people/fp20_cases.toml, real
dev excerpts with their ids) and the guard of the short name's merge: a given name two fuller
names begin stays as it is."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from worker.detect.model import Person
from worker.detect.people import _surnames_of_named, extract_people
from worker.service.seeds import load_roster

CASES = Path(__file__).resolve().parents[2] / "data" / "people" / "fp20_cases.toml"


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = tomllib.loads(CASES.read_text(encoding="utf-8"))["extract"]
    return cases


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_fp20_case(case: dict[str, Any]) -> None:
    got = {
        (p.name, p.role)
        for p in extract_people(case["text"], load_roster(), language=case["language"])
    }
    for name, role in case.get("includes", []):
        assert (name, role) in got, (case["id"], name, role, sorted(got))
    for name, role in case.get("excludes", []):
        assert (name, role) not in got, (case["id"], name, role, sorted(got))


def test_given_name_of_two_fuller_names_kept() -> None:
    # agency_en-t19a26 (round 36, Kuwait Times) names "Mohammad bin Salman bin Abdulaziz" and
    # "Mohammad Al-Mutairi": a "Mohammad" alone could be either, and stays itself
    people = [
        Person("Mohammad bin Salman bin Abdulaziz", None, "presided", "lead", 0),
        Person("Mohammad Al-Mutairi", None, "presided", "lead", 1),
        Person("Mohammad", None, "attended", "body", 2),
    ]
    kept, places = _surnames_of_named("en", people, [0, 0, 1])
    assert [p.name for p in kept] == [p.name for p in people]
    assert places == [0, 0, 1]
