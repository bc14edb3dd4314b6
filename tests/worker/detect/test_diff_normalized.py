"""A side the caller says is normalized already (`normalized=`, the pipeline's new text since
round 18) is not normalized again by the word diff, and the change is the one the diff finds
normalizing both: normalize_text is idempotent. The texts are the pipeline tests' report
(tests/support/farm.py REPORT) with page noise normalizing removes (curly quotes, a no-break
space, runs of spaces) and the pipeline tests' edit."""

from __future__ import annotations

from tests.support.farm import REPORT
from worker.detect.changes import Text, detect_change
from worker.detect.diff import diff_words
from worker.detect.normalize import normalize_text
from worker.service.seeds import load_roster

RAW = (
    "\n\n".join(REPORT).replace("Beijing", "\u201cBeijing\u201d", 1).replace(" the ", "  the\u00a0")
)
EDITED = RAW.replace("Li Qiang, Zhao Leji, ", "Li Qiang, ").replace("5.2 percent", "4.9 percent")


def test_a_side_normalized_already_gives_the_same_diff() -> None:
    new = normalize_text(EDITED)
    assert new != EDITED  # there was something to normalize
    same = diff_words(RAW, new, normalized=(False, True))
    assert same == diff_words(RAW, EDITED)
    assert {e.before for e in same.edits} >= {"5.2"}


def test_the_pipelines_change_is_the_one_both_normalized_give() -> None:
    roster = load_roster()
    before, after = Text("T", RAW), Text("T", normalize_text(EDITED))
    change = detect_change(before, after, roster, normalized=(False, True))
    assert change == detect_change(before, Text("T", EDITED), roster)
    assert change is not None and change.attendees is not None
    assert change.attendees.removed == ("Zhao Leji",)
