"""Foreign names written in Chinese by sound match their Latin spelling across reports.

Names are from real reports of one occasion in two languages (bench/data/people, sources in its
PROVENANCE.md): the 2021 Zhongguancun Forum opening (Xinhua Chinese, zh_cn-t309, and English,
xinhua_en-t303), and Xinhua's usual spellings of guests of state.
"""

from __future__ import annotations

import itertools

import pytest

from worker.detect.attendees import compare_people
from worker.detect.model import Person, Role
from worker.detect.sounds import SAME_SOUND, same_sound, sound_key
from worker.service.seeds import load_roster

ROSTER = load_roster()

SAME = [
    ("Aleksandar Vucic", "亚历山大·武契奇"),
    ("Manuel Marrero", "曼努埃尔·马雷罗"),
    ("Vladimir Norov", "弗拉基米尔·诺罗夫"),
    ("Emmanuel Macron", "埃马纽埃尔·马克龙"),
    ("Olaf Scholz", "奥拉夫·朔尔茨"),
    ("Antony Blinken", "安东尼·布林肯"),
    ("Narendra Modi", "纳伦德拉·莫迪"),
    ("Sergey Lavrov", "谢尔盖·拉夫罗夫"),
]


@pytest.mark.parametrize(("latin", "han"), SAME, ids=[latin for latin, _ in SAME])
def test_a_foreign_name_sounds_the_same_in_both_scripts(latin: str, han: str) -> None:
    assert same_sound(latin, han) >= SAME_SOUND


def test_each_name_sounds_most_like_its_own_transliteration() -> None:
    # Some other names come close ("Manuel Marrero" / 埃马纽埃尔·马克龙, Emmanuel Macron, 0.83):
    # the comparison pairs two names only when each is the other's best match.
    for latin, han in SAME:
        others = [h for _, h in SAME if h != han]
        assert all(same_sound(latin, h) < same_sound(latin, han) for h in others), latin
    wrong = [same_sound(a, h) for (a, _), (_, h) in itertools.permutations(SAME, 2)]
    assert sum(s >= SAME_SOUND for s in wrong) <= len(wrong) // 20


def test_keys_ignore_vowels_doubling_and_separators() -> None:
    assert sound_key("Marrero") == sound_key("Marero") == sound_key("马雷罗") == "ML"
    assert same_sound("Li", "李") == 0.0  # too short to tell anything


def _people(names: list[str], role: Role = "spoke") -> list[Person]:
    return [Person(n, None, role, "body", i) for i, n in enumerate(names, 1)]


ZH = ["习近平", "亚历山大·武契奇", "曼努埃尔·马雷罗", "邓鸿森", "弗拉基米尔·诺罗夫"]
EN = ["Xi Jinping", "Aleksandar Vucic", "Manuel Marrero", "Daren Tang", "Vladimir Norov"]


def test_the_same_guests_in_chinese_and_english_are_no_change() -> None:
    # Daren Tang's Chinese name (邓鸿森) shares no sound with his English one: he is matched by
    # standing between the same two matched names in both lists.
    diff = compare_people(_people(ZH), _people(EN), ROSTER, across=True)
    assert not diff.added and not diff.removed and not diff.role_changes
    assert not diff.variants  # a translation is not a variant spelling


def test_a_guest_dropped_from_the_english_report_is_still_removed() -> None:
    zh = [n for n in ZH if n != "邓鸿森"]
    en = [n for n in EN if n not in ("Manuel Marrero", "Daren Tang")]
    diff = compare_people(_people(zh), _people(en), ROSTER, across=True)
    assert diff.removed == ("曼努埃尔·马雷罗",)
    assert not diff.added


def test_a_guest_replaced_by_another_of_other_sound_is_a_change() -> None:
    en = [
        "Xi Jinping",
        "Aleksandar Vucic",
        "Manuel Marrero",
        "Ursula von der Leyen",
        "Vladimir Norov",
    ]
    zh = [n for n in ZH if n != "邓鸿森"] + ["邓鸿森"]  # a name of no shared sound, elsewhere
    diff = compare_people(_people(zh), _people(en), ROSTER, across=True)
    # Ursula von der Leyen stands between Marrero and Norov; 邓鸿森 does not: not paired by place
    assert diff.removed == ("邓鸿森",)
    assert diff.added == ("Ursula von der Leyen",)


def test_unequal_runs_of_unmatched_names_in_one_place_are_not_guessed() -> None:
    # as many names on each side at one place are paired in order (round 8: pair
    # r6-universiade-banquet, test_people_compare.py); two against three are not
    en = ["Xi Jinping", "Aleksandar Vucic", "Daren Tang", "Daya Reddy", "Vladimir Norov"]
    zh = ["习近平", "亚历山大·武契奇", "邓鸿森", "某某某", "某某", "弗拉基米尔·诺罗夫"]
    # round 13: "Daren Tang" and 邓鸿森 meet by the surname in Cantonese (邓 dang, written
    # "Tang": `cantonese.same_surname`, the one fit on each side, the right person), which leaves
    # two names against one between Vucic and Norov: still not guessed
    diff = compare_people(_people(zh), _people(en), ROSTER, across=True)
    assert set(diff.removed) == {"某某某", "某某"}
    assert set(diff.added) == {"Daya Reddy"}
    diff = compare_people(_people(zh[:4] + zh[5:]), _people(en), ROSTER, across=True)
    assert (diff.added, diff.removed) == ((), ())


def test_places_say_nothing_about_two_names_in_one_script() -> None:
    en = ["Xi Jinping", "Aleksandar Vucic", "Manuel Marrero", "Daren Tang", "Vladimir Norov"]
    other = ["Xi Jinping", "Aleksandar Vucic", "Manuel Marrero", "Kristalina Georgieva"]
    diff = compare_people(_people(en), _people([*other, "Vladimir Norov"]), ROSTER, across=True)
    assert diff.added == ("Kristalina Georgieva",)
    assert diff.removed == ("Daren Tang",)
