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
