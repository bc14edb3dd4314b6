"""Round 21: a second, blind labelling of dev round 38 (bench/people_agreement.py,
bench/data/people/agreement/). The file must stay a labelling of those very reports, drawn as
the tool draws them, and the tool must score it as bench_people scores the extractor."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
AGREEMENT = ROOT / "bench" / "data" / "people" / "agreement"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return importlib.import_module("people_agreement")
    finally:
        sys.path.remove(str(ROOT / "bench"))


def _second(file_name: str) -> list[dict]:
    return tomllib.loads((AGREEMENT / file_name).read_text(encoding="utf-8"))["report"]


def test_every_labelling_is_listed(tool: ModuleType) -> None:
    assert {f for f, *_ in tool.LABELLINGS} == {p.name for p in AGREEMENT.glob("*.toml")}


def test_each_sample_is_drawn_again_from_its_seed(tool: ModuleType, tmp_path: Path) -> None:
    for file_name, round_, per_style, none in tool.LABELLINGS:
        out = tmp_path / file_name
        tool.sample(out, round_, 21, per_style, none)
        drawn = tomllib.loads(out.read_text(encoding="utf-8"))["report"]
        assert [r["id"] for r in drawn] == [r["id"] for r in _second(file_name)]
        first = tool.dev_round(round_)
        # the texts to label are the dev texts exactly, and carry neither labels nor notes
        assert all(r["text"] == first[r["id"]][1]["text"] for r in drawn)
        assert not any("people" in r or "notes" in r for r in drawn)


def test_every_second_label_names_someone_its_text_names(tool: ModuleType) -> None:
    for file_name, round_, _, _ in tool.LABELLINGS:
        first = tool.dev_round(round_)
        for report in _second(file_name):
            text = first[report["id"]][1]["text"]
            for person in report["people"]:
                assert person["role"] in {"attended", "presided", "spoke", "present"}
                assert person["name"] in text, (report["id"], person["name"])


def test_agreement_scores_as_bench_people_scores(tool: ModuleType) -> None:
    want = {("xi jinping", "attended"), ("li qiang", "presided"), ("li qiang", "attended")}
    got = {("xi jinping", "attended"), ("li qiang", "presided"), ("wang yi", "spoke")}
    score = tool.agreement(want, got)
    assert (score.tp, score.fp, score.fn, score.fp_reports) == (2, 1, 1, 1)
    assert score.f1 == pytest.approx(2 / 3)
    assert tool.agreement(want, want).f1 == 1.0
