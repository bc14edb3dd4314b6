"""Patterns rewritten in round 24 (encost24) so that re skips in C to the characters a match can
open with: each keeps a literal or a first-character scan, and matches as the old pattern did
(spans and groups, from any start) on phrasings each was written for."""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

from worker.detect import people, people_latin

# The patterns as they were before the rewrite.
_OLD = {
    "_CAPS_LABEL": re.compile(r"(?m)^[A-Z][A-Z’'-]+(?: [A-Z][A-Z’'-]+){1,9}(?=:\s+\S)"),
    "_GROUP_SUBJECT": re.compile(
        r"\b(?=[Macdefghilmoprs])" + people_latin._GROUP_NOUNS + r"\b", re.I
    ),
}
_NEW = {"_CAPS_LABEL": people._CAPS_LABEL, "_GROUP_SUBJECT": people_latin._GROUP_SUBJECT}

_TEXTS = [
    "PRESIDENT OF RUSSIA DMITRY MEDVEDEV: This morning, we met.\nVLADIMIR PUTIN: Good.",
    "Opening remarks.\n xVLADIMIR PUTIN: no label\nSERGEI LAVROV:  Yes.\nA B: no",
    "Nearly all Cabinet ministers were present, as were LEADERS and sub-officials.",
    "The officialsx left; MPs, Senators and ſecretaries (long s) attended with Kelvin-chiefs.",
    "Heads of state, GOVERNORS, and other dignitaries; re-elected mayors; envoys.",
]


def _seen(pattern: re.Pattern[str], text: str) -> list[object]:
    found: list[object] = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    for start in range(len(text)):
        m = pattern.search(text, start, start + 40)
        found.append(m and (m.span(), m.groups()))
    return found


@pytest.mark.parametrize("name", sorted(_NEW))
def test_rewritten_patterns_keep_a_scan(name: str) -> None:
    pattern = _NEW[name]
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    prefix, _, _ = _compiler._get_literal_prefix(parsed, pattern.flags)
    assert prefix or _compiler._get_charset_prefix(parsed, pattern.flags) is not None


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("name", sorted(_NEW))
def test_rewritten_patterns_match_as_before(name: str, text: str) -> None:
    assert _seen(_NEW[name], text) == _seen(_OLD[name], text)
