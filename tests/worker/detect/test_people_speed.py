"""Patterns rewritten for speed (round 11, pspeed11) find what they found before: each is
held against the plain form it replaced, on real dev sentences."""

from __future__ import annotations

import re
import re._parser as sre_parse

from tests.worker.detect.test_people_zh_units import _firsts
from worker.detect.people import (
    _LATIN_KEYWORDS,
    _LITERAL_STEMS,
    _SPACED_STEMS,
    _UNSPACED_KEYWORDS,
    _CueWords,
)
from worker.detect.people_latin import (
    _CAP_RUN,
    _IRREALIS_BEFORE,
    _MAY_CAPITALISE,
    _PINYIN_SURNAMES,
)
from worker.detect.role_cues import LATIN_STEMS, literal_trie

# agency_en-t10e10 (round 11's reading of round 18), kremlin_en, mt_en and xinhua_en excerpts
_SENTENCES = (
    "The CIS summit drew leaders such as President Ilham Aliyev, Alexander Lukashenko and "
    "Kassym-Jomart Tokayev, while Andrew Smith of the U.S. Embassy watched.",
    "Talks between Vladimir Putin and President of the Republic of Altai Alexander Berdnikov "
    "took place in the Kremlin; George W. Bush and Abdel Fattah al-Sisi were not present.",
    "He hasn’t had talks with President Xi, and the date of his meeting with Wang Yi has not "
    "been set. Japarov To Make First Visit To Russia, Meet With Putin.",
    "Wang huning, Zhang Bing zhu, Li Keqiang and Zhao Leji attended the meeting, which "
    "Xi Jinping presided over; McCain and MacArthur were mentioned.",
)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_irrealis_prefilter_holds_every_first_letter() -> None:
    # the lookahead `(?=[...])` after `\b` must let through each alternative's first letter
    source = _IRREALIS_BEFORE.pattern
    head, body = source.split(")", 1)
    letters = set(head.split("[", 1)[1].rstrip("]"))
    opens = {c.lower() for c in _firsts(list(sre_parse.parse(body, re.I)))}
    assert {"n", "w", "t", "d", "v"} <= opens
    assert sorted(opens - letters) == []
    plain = re.compile(r"\b" + body, re.I)
    for text in _SENTENCES:
        for end in range(0, len(text), 7):
            found = _IRREALIS_BEFORE.search(text, max(0, end - 90), end)
            old = plain.search(text, max(0, end - 90), end)
            assert (found and found.span()) == (old and old.span())


def test_capitalised_runs_are_those_after_a_word_boundary() -> None:
    plain = re.compile(r"\b[A-Z]" + _CAP_RUN.pattern.split("(?<!\\w[A-Z])", 1)[1])
    for text in _SENTENCES:
        assert _spans(_CAP_RUN, text) == _spans(plain, text)
    assert "George W. Bush" in [m.group() for m in _CAP_RUN.finditer(_SENTENCES[1])]


def test_surname_trie_finds_what_the_alternation_found() -> None:
    plain = re.compile(
        "(?:"
        + "|".join(sorted(_PINYIN_SURNAMES))
        + ") (?:"
        + _MAY_CAPITALISE.pattern.split(") (?:", 1)[1]
    )
    for text in _SENTENCES:
        assert _spans(_MAY_CAPITALISE, text) == _spans(plain, text)
    assert _MAY_CAPITALISE.search(_SENTENCES[3]) is not None  # "Wang huning"


def test_cue_words_without_spaced_stems_match_the_same() -> None:
    assert _SPACED_STEMS == (" drew ",)
    assert re.fullmatch(literal_trie(["attend", "attended", "at"]), "attended")
    for text in _SENTENCES:
        low = text.lower()
        if any(s in low for s in _SPACED_STEMS):
            continue
        assert _spans(_UNSPACED_KEYWORDS, low) == _spans(_LATIN_KEYWORDS, low)
    assert set(_LITERAL_STEMS) <= set(LATIN_STEMS)
    # the summit that drew leaders holds a cue word; "Andrew" alone does not
    drew = _CueWords(_SENTENCES[0])
    assert drew.in_paragraph()
    assert not _CueWords("Andrew Smith of the U.S. Embassy watched.").in_paragraph()
    two = "Andrew Smith watched. The summit drew leaders such as X."
    cues = _CueWords(two)
    assert not cues.in_sentence(0, two.index(" The"))
    assert cues.in_sentence(two.index("The"), len(two))
