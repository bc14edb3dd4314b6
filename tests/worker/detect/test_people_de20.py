"""Round 20 (de20): German misses of rounds 36 and 37 (tests/data/people/de20_cases.toml, real
dev excerpts with their ids), and the guards of the two text-level readings: a capitals word after
no given name stays as written, and an ordinal's or a title's full stop ends no sentence of a
reception while a year's does."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from worker.detect.people import _caps_surnames, _sentence_at, extract_people
from worker.service.seeds import load_roster

CASES = Path(__file__).resolve().parents[2] / "data" / "people" / "de20_cases.toml"


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = tomllib.loads(CASES.read_text(encoding="utf-8"))["extract"]
    return cases


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["id"])
def test_de20_case(case: dict[str, Any]) -> None:
    got = {
        (p.name, p.role)
        for p in extract_people(case["text"], load_roster(), language=case["language"])
    }
    for name, role in case.get("includes", []):
        assert (name, role) in got, (case["id"], name, role, sorted(got))
    for name, role in case.get("excludes", []):
        assert (name, role) not in got, (case["id"], name, role, sorted(got))


def test_capitals_after_no_given_name_kept() -> None:
    roster = load_roster()
    # de-t13z04 (round 24): "Ing. Peter STEINBACH" is a surname; "der SPD" and "WU Ken" are not
    text = "Bürgermeister Ing. Peter STEINBACH, die Fraktion der SPD und Botschafter WU Ken."
    assert _caps_surnames(text, roster) == (
        "Bürgermeister Ing. Peter Steinbach, die Fraktion der SPD und Botschafter WU Ken."
    )
    assert _caps_surnames("Partei SPD FDP", roster) == "Partei SPD FDP"


def test_reception_sentence_stops() -> None:
    text = "Er kam am 26. April an. Dr. X empfing ihn im Jahr 2017. Dann sprachen sie."
    assert _sentence_at(text, text.index("kam")) == "Er kam am 26. April an"
    assert _sentence_at(text, text.index("empfing")) == " Dr. X empfing ihn im Jahr 2017"
