"""bench/people_tagger.py: the learned span-and-role reader of round 21 (issue 9, not shipped).

Its training must be deterministic (the same reports and settings write the same model bytes),
and its labels must come from the text: each labelled name found by its tokens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.support.dev_reports import ROOT
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _tagger():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    import people_tagger

    return people_tagger


def test_training_is_deterministic(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")  # the `train` extra
    pytest.importorskip("sklearn")
    pt = _tagger()
    reports = [
        r for r in pt.load_reports(ROSTER, "latin", {}) if r.style == "kremlin_en" and r.round == 5
    ]
    assert reports
    tables = pt.Tables(ROSTER)
    pt.train(reports, tables, tmp_path / "a")
    pt.train(reports, tables, tmp_path / "b")
    for suffix in (".crf", ".roles.json"):
        a, b = (tmp_path / "a").with_suffix(suffix), (tmp_path / "b").with_suffix(suffix)
        assert a.read_bytes() == b.read_bytes()


def test_labels_are_found_by_their_tokens() -> None:
    pt = _tagger()
    text = "Vladimir Putin met Xi Jinping. 习近平会见普京。Putin spoke."
    tokens = pt.tokenize(text)
    found = pt.align(["Vladimir Putin", "Putin", "习近平"], tokens)
    names = [(text[tokens[a].start : tokens[b - 1].end], n) for a, b, n in found]
    # the longest name first: "Putin" is not found inside "Vladimir Putin"
    assert names == [("Vladimir Putin", "Vladimir Putin"), ("习近平", "习近平"), ("Putin", "Putin")]
    # characters for Chinese, words for Latin scripts, sentences at 。 and a full stop
    assert [t.text for t in tokens][5:9] == [".", "习", "近", "平"]
    assert len(pt.sentences(text, tokens)) == 3
