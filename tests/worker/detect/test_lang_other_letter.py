"""The language's fold of characters outside Latin-1 (`_other_letter`, round 17's fast paths for
a run of letters and a lone character) gives the bytes the per-character rule gives: "÷" for a
letter or a mark, a space for anything else, for every code point and for mixed runs."""

from __future__ import annotations

import random
import sys
from unicodedata import category

from worker.detect.lang import _OTHER_LETTER, detect_language


def _reference(text: str) -> bytes:
    out = []
    for c in text:
        if ord(c) < 0x100:
            out.append(bytes([ord(c)]))
        else:
            out.append(b"\xf7" if category(c)[0] in "LM" else b" ")
    return b"".join(out)


def _chars() -> list[str]:
    return [chr(i) for i in range(0x100, sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF]


def test_every_code_point_alone_and_in_runs_folds_as_per_character() -> None:
    chars = _chars()
    alone = "a".join(chars)  # each character its own run
    assert alone.encode("latin-1", _OTHER_LETTER) == _reference(alone)
    runs = "".join(chars)  # long runs mixing letters, marks, symbols and unassigned
    assert runs.encode("latin-1", _OTHER_LETTER) == _reference(runs)


def test_words_of_other_scripts_and_punctuation_fold_as_per_character() -> None:
    rng = random.Random(17)
    pool = [*"abc éß ,.", "\u2019", "\u201c", "\u2014", "\u0301", "\u00a0"]
    pool += [chr(rng.randrange(0x370, 0x2000)) for _ in range(40)]
    pool += ["дом", "Москва", "İ", "ł", "ı", "東京", "한국", "\U0001f600"]
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 30)))
        assert text.encode("latin-1", _OTHER_LETTER) == _reference(text)


def test_languages_read_through_the_fold_are_unchanged() -> None:
    assert detect_language("The minister’s “plan” — said the ministry’s spokesman.") == "en"
    assert (
        detect_language("Der Minister sagte, dass die Regierung łódź nicht besuchen wird.") == "de"
    )
    assert detect_language("Açıklama yapan bakan, ve bir toplantı için sonra kadar göre") == "tr"
