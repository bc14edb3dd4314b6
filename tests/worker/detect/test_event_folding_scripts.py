"""Folding keeps each word whole in every script (docs/events.md, "What a report is reduced to"):
a combining mark (Unicode category M: a Devanagari vowel sign, a virama, a Thai vowel) is part of
its word; the optional vowel points of Hebrew and Arabic are dropped, so a pointed and a plain
copy read alike. Excerpts from bench/data/events, by report id."""

from __future__ import annotations

import pytest

from worker.detect.events import _distinctive, fold_for_match

WHOLE = [
    # dev_round7 delhi-modi-putin-summit-aayudh-hi (title): vowel signs and viramas kept
    (
        "मोदी-पुतिन हैदराबाद हाउस बैठक: भारत शांति के पक्ष में",
        "मोदी पुतिन हैदराबाद हाउस बैठक भारत शांति के पक्ष में",
    ),
    # dev_round11 sarkozy-verdict-janatasamachar (title)
    (
        "लीबिया कैंपेन केस में फंसे फ्रांस के पूर्व राष्ट्रपति निकोलस सरकोजी हुई 5 साल की जेल",
        "लीबिया कैंपेन केस में फंसे फ्रांस के पूर्व राष्ट्रपति निकोलस सरकोजी हुई साल की जेल",
    ),
    # dev_round11 sarkozy-verdict-lebanos (title)
    ("بسبب القذافي.. الحكم بسجن ساركوزي 5 سنوات", "بسبب القذافي الحكم بسجن ساركوزي سنوات"),
    # dev_round11 alone-han-kang-nobel-ceremony-yonhap-blog (title)
    ("한강, 한국 첫 노벨문학상…”어두운 밤에도", "한강 한국 첫 노벨문학상 어두운 밤에도"),
    # dev_round8 d8-japan-diet-ishiba-2024-10-nikkeilive-ja (title): kana and kanji
    ("石破茂総裁、第102代首相に選出", "石破茂総裁 第 代首相に选出"),
    # dev_round11 esc2023-gazzetta (text): a final sigma is a sigma
    ("Η Loreen κέρδισε για χάρη της Σουηδίας", "η loreen κέρδισε για χάρη τησ σουηδίασ"),
    # dev_round7 (Russian case endings, docs/events.md): Cyrillic with й and ё
    ("Владимиром Путиным, встречей, ещё", "владимиром путиным встречей ещё"),
]


@pytest.mark.parametrize(("written", "folded"), WHOLE, ids=[w[:12] for w, _ in WHOLE])
def test_folding_keeps_words_whole_in_every_script(written: str, folded: str) -> None:
    assert fold_for_match(written) == folded


def test_arabic_vowel_points_are_dropped_so_pointed_and_plain_copies_read_alike() -> None:
    # dev_round11 sarkozy-verdict-lebanos writes "اللّيبي" with a shadda, sarkozy-verdict-sabq
    # "الليبي" without: one word
    assert fold_for_match("الزعيم اللّيبي الراحل") == "الزعيم الليبي الراحل"
    assert fold_for_match("على خلفيّة") == fold_for_match("على خلفية")


def test_hebrew_points_and_thai_vowels() -> None:
    # no Hebrew or Thai report in dev: the words themselves, pointed and plain ("shalom"), and
    # Thai's vowel signs above and below the consonant ("Prime Minister")
    assert fold_for_match("שָׁלוֹם") == fold_for_match("שלום") == "שלום"
    assert fold_for_match("นายกรัฐมนตรี") == "นายกรัฐมนตรี"


def test_words_with_vowel_signs_are_distinctive_words() -> None:
    # dev_round7 delhi-modi-putin-summit-aayudh-hi: "हैदराबाद", "बैठक" count as words of the title
    words = _distinctive(fold_for_match("मोदी-पुतिन हैदराबाद हाउस बैठक"), "")
    assert {"मोदी", "पुतिन", "हैदराबाद", "हाउस", "बैठक"} <= words
