"""bench/people_conventions.py on a small fixture of real dev excerpts (one wording, 宣布…开幕,
labelled three ways by different rounds before round 14 settled it): the tool counts how the
labels treat the person a cue governs and lists the cue as a disagreement."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "people" / "conventions_fixture.toml"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))  # the bench tools import one another bare
    return importlib.import_module("people_conventions")


@pytest.fixture(scope="module")
def found(tool: ModuleType) -> list[Any]:
    reports = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["report"]
    return list(tool.sightings([(r["round"], r) for r in reports], tool.load_roster()))


def test_each_declarer_is_governed_by_the_phrase(found: list[Any]) -> None:
    declared = {(s.report_id, s.name, s.treatment) for s in found if s.cue == "_ 宣布…开幕"}
    assert declared == {
        ("zh_cn-t10z09", "石奇珠", "attended"),
        ("zh_cn-t12z34", "孔晓宏", "attended"),
        ("zh_cn-r12v01", "陈英杰", "attended"),
        ("scraped-t926", "沈跃跃", "presided"),
        ("zh_cn-014", "张连珍", "-"),  # unlabelled: a name the extractor finds, no label
    }


def test_the_phrase_is_listed_with_its_counts_by_round(tool: ModuleType, found: list[Any]) -> None:
    rows = tool.disagreements(found, recent=set(range(16, 26)), min_total=3, min_side=2)
    row = next(r for r in rows if r.cue == "_ 宣布…开幕")
    assert (row.total, row.role_a, row.n_a, row.role_b, row.n_b, row.n_none) == (
        5,
        "attended",
        3,
        "presided",
        1,
        1,
    )
    assert row.rounds_a == [18, 22, 23] and row.rounds_not == [2, 16]
    assert (row.recent_a, row.recent_not, row.recent_b) == (3, 1, 1)


def test_a_cue_all_labels_agree_on_is_not_listed(tool: ModuleType, found: list[Any]) -> None:
    agreeing = [s for s in found if s.treatment == "attended"]
    assert tool.disagreements(agreeing, recent=set(), min_total=1, min_side=1) == []


@pytest.mark.parametrize(
    ("name", "round_"),
    [("agency_en.toml", 1), ("de.round10.toml", 10), ("none_zh.round25.toml", 25)],
)
def test_round_of_a_dev_file(tool: ModuleType, name: str, round_: int) -> None:
    assert tool.round_of(Path(name)) == round_


def test_parse_rounds(tool: ModuleType) -> None:
    assert tool.parse_rounds("3,16-18") == {3, 16, 17, 18}


def test_breakdown_per_round_and_language(tool: ModuleType, found: list[Any]) -> None:
    seen = [s for s in found if s.cue == "_ 宣布…开幕"]
    row = tool.row_of("_ 宣布…开幕", seen, set(), tool.base_rates(found))
    assert tool.breakdown(row, seen) == (
        "r2 0/0/1 r16 0/1/0 r18 1/0/0 r22 1/0/0 r23 1/0/0 | zh 3/1/1"
    )


# Round 16: the English "received" and a transcript's speaker labels (real dev excerpts).
_RECEIVED = {
    "id": "agency_en-t15e18",
    "language": "en",
    "text": "Vladimir Putin received Tokayev at the Kremlin just days after the Kazakh leader "
    "and four other presidents of Central Asia met Donald Trump at the White House.",
    "people": [
        {"name": "Kassym-Jomart Tokayev", "role": "attended"},
        {"name": "Vladimir Putin", "role": "attended"},
        {"name": "Vladimir Putin", "role": "presided"},
    ],
}
_CREDENTIALS = {  # agency_en-t807: a ceremony of credentials is no guest received
    "id": "agency_en-t807",
    "language": "en",
    "text": "Russian President Vladimir Putin received credentials from 23 foreign ambassadors.",
    "people": [{"name": "Vladimir Putin", "role": "presided"}],
}
_TRANSCRIPT = {  # kremlin_en-t12e14
    "id": "kremlin_en-t12e14",
    "language": "en",
    "text": "Meeting with Emergencies Minister Vladimir Puchkov\n\nPresident of Russia Vladimir "
    "Putin: This is a terrible tragedy.\n\nEmergencies Minister Vladimir Puchkov: The latest "
    "figure is 67.",
    "people": [
        {"name": "Vladimir Puchkov", "role": "attended"},
        {"name": "Vladimir Putin", "role": "spoke"},
        {"name": "Vladimir Putin", "role": "attended"},
        {"name": "Vladimir Puchkov", "role": "spoke"},
    ],
}


def _cues(tool: ModuleType, report: dict[str, Any]) -> set[tuple[str, str, str]]:
    seen, _ = tool.report_sightings(1, report, tool.load_roster(), [], False)
    return {(s.cue, s.name, s.treatment) for s in seen if s.cue.count("received") or ":" in s.cue}


def test_a_guest_received_governs_its_host(tool: ModuleType) -> None:
    assert ("_ received (a guest)", "Vladimir Putin", "presided+attended") in _cues(tool, _RECEIVED)
    assert not any(c[0] == "_ received (a guest)" for c in _cues(tool, _CREDENTIALS))


def test_a_speaker_label_governs_its_speaker(tool: ModuleType) -> None:
    assert {c for c in _cues(tool, _TRANSCRIPT) if c[0] == "speaker label: [_]"} == {
        ("speaker label: [_]", "Vladimir Putin", "attended+spoke"),
        ("speaker label: [_]", "Vladimir Puchkov", "attended+spoke"),
    }


def test_speakers_counted_by_the_heading_before_them(tool: ModuleType) -> None:
    body = {  # kremlin_en-t10e03: a heading naming a body
        "id": "kremlin_en-t10e03",
        "text": "Extracts from Transcript of Meeting with the Government Cabinet\n\nPresident "
        "Vladimir Putin:\n\nGood afternoon, colleagues,",
        "people": [{"name": "Vladimir Putin", "role": "spoke"}],
    }
    counts, lines = tool.speaker_headings([(22, _TRANSCRIPT), (18, body)], {22})
    # Puchkov is the person the heading names: left out
    assert counts == {("person", True, "attended+spoke"): 1, ("no person", False, "spoke"): 1}
    assert len(lines) == 2
