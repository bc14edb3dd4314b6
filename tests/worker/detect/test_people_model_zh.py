"""The learned second opinion on Chinese roles (worker/detect/people_model_zh.py): shipped,
loaded, adding what the rules alone miss in real excerpts (bench/data/people/dev, by provenance
id), and leaving alone what the rules rightly leave out.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.dev_reports import DEV, ROOT, dev_report, role_pairs
from worker.detect import people_model_zh
from worker.detect.people import extract_people
from worker.service.seeds import load_roster

MODEL = ROOT / "worker" / "detect" / "people_model_zh.json"
ROSTER = load_roster()


def _nobody(*_: Any, **__: Any) -> Iterator[Any]:
    return iter(())


def _rules_and_both(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    both = role_pairs(extract_people(text, ROSTER, language="zh"))
    with monkeypatch.context() as m:
        m.setattr(people_model_zh, "additions", _nobody)
        rules = role_pairs(extract_people(text, ROSTER, language="zh"))
    return rules, both


@pytest.mark.parametrize(
    ("file", "report_id", "added"),
    [
        # two titled names run together before 分别致辞 ("会长林松添广州市市长溫國輝"): the
        # rules' list reading cuts no name there, the model reads each after its title
        (
            "zh_hant.round6.toml",
            "zh_hant-t308",
            {("林松添", "spoke"), ("溫國輝", "spoke")},
        ),
        # "会议由镇党委尚金楼主持": a name after a body, not after a title the rules know
        ("zh_cn.round6.toml", "zh_cn-t313", {("尚金楼", "presided")}),
    ],
)
def test_model_adds_roles_the_rules_miss(
    monkeypatch: pytest.MonkeyPatch, file: str, report_id: str, added: set[Any]
) -> None:
    report = dev_report(file, report_id)
    rules, both = _rules_and_both(monkeypatch, report["text"])
    labelled = {(p["name"], p["role"]) for p in report["people"]}
    assert not added & rules
    assert added <= both - rules
    assert added <= labelled  # right by LABELLING.md


@pytest.mark.parametrize(
    ("file", "report_id", "left_out"),
    [
        # a minutes' list marks the absent ("王誌慶(請假)"): the model reads the list as the
        # rules do, without them
        ("zh_hant.round6.toml", "zh_hant-t314", "王誌慶"),
        # "国际科学理事会主席达亚·瑞迪": the first part of a dotted name is no name of its own
        ("zh_cn.round6.toml", "zh_cn-t309", "达亚"),
    ],
)
def test_model_adds_no_part_or_absent_name(
    monkeypatch: pytest.MonkeyPatch, file: str, report_id: str, left_out: str
) -> None:
    rules, both = _rules_and_both(monkeypatch, dev_report(file, report_id)["text"])
    assert {name for name, _ in both - rules}.isdisjoint({left_out})


def test_candidates_are_names_not_words() -> None:
    found = people_model_zh.mentions(
        [("body", "总理李强发表讲话，出席人员包括立法会主席梁君彦。")], ROSTER
    )
    names = {m.name for m in found}
    assert "李强发" not in names and "包括立" not in names
    assert {"李强", "梁君彦"} <= names


def test_shipped_model_is_packaged_and_complete() -> None:
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(model["add"]) == set(people_model_zh.ROLES)
    assert len(model["bias"]) == len(people_model_zh.ROLES)
    assert all(len(w) == len(people_model_zh.ROLES) for w in model["weights"].values())
    # trained on dev files only (never the held-out test split), and says how
    assert model["trained_on"]["files"]
    assert all((DEV / f).is_file() for f in model["trained_on"]["files"])
    assert MODEL.stat().st_size < 1_000_000
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["worker.detect"]
    assert any(MODEL.match(g) for g in globs)


def test_scores_are_deterministic_probabilities() -> None:
    features = ["seg=body", "a2=出席", "cue=出席@0>", "first", "roster"]
    first = people_model_zh.scores(features)
    assert first == people_model_zh.scores(features)
    assert all(0.0 < p < 1.0 for p in first.values())
