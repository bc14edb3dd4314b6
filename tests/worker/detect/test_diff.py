"""Wording diff: table-driven cases from tests/data/cases/diff_cases.toml, plus properties."""

from __future__ import annotations

import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.detect.diff import diff_words, token_opcodes
from worker.detect.tokens import tokenize

CASES = tomllib.loads(
    (Path(__file__).parents[2] / "data" / "cases" / "diff_cases.toml").read_text("utf-8")
)["case"]


def _check_edit(edit: Any, expected: dict[str, Any]) -> None:
    for key in ("op", "before", "after"):
        if key in expected:
            assert getattr(edit, key) == expected[key], key
    if "cls" in expected:
        assert edit.cls == expected["cls"]
    if "touches" in expected:
        assert set(edit.touches) == set(expected["touches"])
    if "context_has" in expected:
        assert expected["context_has"] in edit.context


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    result = diff_words(case["a"], case["b"], names=case.get("names", ()))
    if case.get("trivial", False):
        assert result.trivial
        assert result.edits == ()
        assert result.similarity == 1.0
        return
    assert not result.trivial
    assert 0.0 <= result.similarity < 1.0
    expected = case["edits"]
    assert len(result.edits) == len(expected), [e.to_dict() for e in result.edits]
    for edit, exp in zip(result.edits, expected, strict=True):
        _check_edit(edit, exp)


def test_edit_serialises_to_the_contract_shape() -> None:
    edit = diff_words("He met 3 ministers.", "He met 5 ministers.").edits[0]
    assert edit.to_dict() == {
        "op": "replace",
        "before": "3",
        "after": "5",
        "context": "He met 5 ministers.",
        "class": "edit",
        "touches": ["number"],
    }


def test_long_context_is_trimmed_around_the_change() -> None:
    filler = "word " * 200
    a = f"{filler}alpha {filler}."
    b = f"{filler}omega {filler}."
    (edit,) = diff_words(a, b).edits
    assert "omega" in edit.context
    assert len(edit.context) <= 450


def test_similarity_falls_with_the_size_of_the_change() -> None:
    base = "The committee met on Tuesday and approved the annual budget for schools. " * 5
    small = base.replace("annual", "yearly", 1)
    large = base.replace("annual budget", "new rules", 4)
    assert 1.0 > diff_words(base, small).similarity > diff_words(base, large).similarity > 0.0


def test_unrelated_texts_have_low_similarity() -> None:
    result = diff_words("Rain fell in Paris today.", "Stocks rose sharply in Tokyo.")
    assert result.similarity < 0.5
    assert result.edits


def test_empty_texts() -> None:
    assert diff_words("", "").trivial
    added = diff_words("", "A report was published.")
    assert [e.op for e in added.edits] == ["insert"]
    assert added.similarity == 0.0


_WORDS = st.sampled_from(
    ["the", "a", "meeting", "held", "Beijing", "12", "December", "李强", "会议", "出席", ",", "."]
)
_TEXT = st.lists(_WORDS, max_size=60).map(" ".join)


@given(_TEXT)
@settings(max_examples=80, deadline=None)
def test_text_against_itself_has_no_edits(text: str) -> None:
    result = diff_words(text, text)
    assert result.edits == ()
    assert result.similarity == 1.0


@given(st.lists(st.integers(0, 8), max_size=80), st.lists(st.integers(0, 8), max_size=80))
@settings(max_examples=200, deadline=None)
def test_applying_token_opcodes_to_a_gives_b(a: list[int], b: list[int]) -> None:
    ta, tb = [str(x) for x in a], [str(x) for x in b]
    ops = token_opcodes(ta, tb)
    rebuilt: list[str] = []
    for tag, i1, i2, j1, j2 in ops:
        assert tag in {"equal", "insert", "delete", "replace"}
        if tag == "equal":
            assert ta[i1:i2] == tb[j1:j2]
            rebuilt.extend(ta[i1:i2])
        else:
            rebuilt.extend(tb[j1:j2])
    assert rebuilt == tb
    # no two changes side by side: adjacent delete+insert are merged into replace
    assert all(x[0] == "equal" or y[0] == "equal" for x, y in pairwise(ops))


@given(_TEXT, _TEXT)
@settings(max_examples=80, deadline=None)
def test_similarity_is_in_unit_interval(a: str, b: str) -> None:
    result = diff_words(a, b)
    assert 0.0 <= result.similarity <= 1.0
    assert result.trivial == (not result.edits)


def test_tokens_of_real_cjk_text_are_single_characters() -> None:
    tokens = tokenize("习近平主持会议")
    assert all(len(t) == 1 for t in tokens)
