"""Gates narrowed for speed in round 19 (cost19) let through every text their patterns can
match: each gate is a condition every match holds, held here against the patterns on real dev
sentences and on the phrasings each alternative was written for."""

from __future__ import annotations

import pytest

from worker.detect import people_latin, people_zh
from worker.detect import role_cues as cues

_PRESIDED = next(p for role, p in cues.OBJECT_CUES if role == "presided")

# Clauses before a list, as `_object_roles` reads them (dev excerpts, ids in brackets) and the
# phrasings of the presided cue's alternatives.
_BEFORE = [
    "The meeting was chaired by ",  # agency_en
    "The meeting, which was held on the morning of November 17, was presided over by ",
    "Presided over by ",
    "Kerry, invited by ",
    "Russian President Vladimir Putin has welcomed ",
    "Earlier, the Kazakh President held a meeting with the President of North Macedonia, ",
    "The session was held under the presidency of ",
    "When presiding over the meeting, ",
    "Presiding over the plenary session, President ",
    "The Cabinet sworn in by ",
    "The festive service was conducted by ",
    "The forum was co-hosted with ",
    "Xi co-chaired the dialogue with ",
    "At a meeting with permanent members of the Security Council on Friday, ",
    "Putin convened a meeting of the Security Council with ",
    "The President chaired a session with ",
    "Xi hosted a banquet with ",
    "Modi opened the summit with ",
    "The President met with ",
]


@pytest.mark.parametrize("before", _BEFORE)
def test_presided_gate_holds_every_match(before: str) -> None:
    found = people_latin._last_match(_PRESIDED, before) is not None
    assert not found or people_latin._gate(_PRESIDED, before)


@pytest.mark.parametrize("before", _BEFORE)
def test_chaired_with_gate_holds_every_match(before: str) -> None:
    found = people_latin._last_match(cues.CHAIRED_WITH, before) is not None
    assert not found or people_latin._gate(cues.CHAIRED_WITH, before)


def test_chaired_with_gate_refuses_a_clause_with_no_verb_of_chairing() -> None:
    # "with" alone no longer lets the pattern run
    before = "Russian President Vladimir Putin has had a telephone conversation with "
    assert not people_latin._gate(cues.CHAIRED_WITH, before)
    assert people_latin._gate(cues.CHAIRED_WITH, "Putin chaired a meeting with ")


def test_presided_gate_refuses_a_president_alone() -> None:
    # "President" holds "presid": no longer enough
    assert not people_latin._gate(_PRESIDED, "Chinese President Xi Jinping met with ")
    assert people_latin._gate(_PRESIDED, "The meeting was presided over by ")


@pytest.mark.parametrize(
    "sentence",
    [
        "他们是：",
        "16名获奖者为",
        "三位嘉宾是",
        "团员包括：",
        "代表团成员还有",
        "习近平主持会议",  # none
        "他们为此付出了努力",  # none
    ],
)
def test_named_group_opening_as_before(sentence: str) -> None:
    plain = any(p.search(sentence) for p in people_zh._NAMED_OPENINGS) or (
        ("员" in sentence or "員" in sentence)
        and people_zh._MEMBERS_OPENING.search(sentence) is not None
    )
    assert people_zh._opens_named_group(sentence) == plain


@pytest.mark.parametrize(
    "sentence", ["会议由李强主持的", "在场的还有", "颁奖给", "拜会了", "李强出席", "接受质询"]
)
def test_after_titled_gates_in_one_scan(sentence: str) -> None:
    any_gate = any(g in sentence for g in people_zh._AFTER_TITLED_GATES)
    assert (people_zh._AFTER_TITLED_ANY.search(sentence) is not None) == any_gate
