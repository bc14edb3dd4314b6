"""Comparing two reports' people: names moved between lead and body, guests at one place of two
lists in two scripts, a preview against the report of the occasion, pinyin printed in names.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml ids in the comments) and
people lists built from them. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

import pytest

from worker.detect.attendees import compare_people, unannotated
from worker.detect.model import Person, Role, Segment
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _people(names: list[str], role: Role = "attended", segment: Segment = "body") -> list[Person]:
    return [Person(n, None, role, segment, i) for i, n in enumerate(names, 1)]


# --- guests at one place of two lists in two scripts -----------------------------------------

# pair r6-universiade-banquet-01 (Xinhua in Chinese, zh_hant-t605, and in English,
# xinhua_en-t651): three guests in a row whose Chinese names are too short to sound like the
# English ones (佐科 for "Joko Widodo") or sound otherwise (加茲瓦尼 / "... Ghazouani")
UNIVERSIADE_ZH = ["習近平", "彭麗媛", "佐科", "伊莉亞娜", "加茲瓦尼", "恩達伊施米耶", "阿里"]
UNIVERSIADE_EN = [
    "Xi Jinping",
    "Peng Liyuan",
    "Joko Widodo",
    "Iriana Joko Widodo",
    "Mohamed Ould Cheikh Ghazouani",
    "Evariste Ndayishimiye",
    "Irfaan Ali",
]


def test_as_many_names_in_the_other_script_at_one_place_are_the_same_people() -> None:
    diff = compare_people(_people(UNIVERSIADE_ZH), _people(UNIVERSIADE_EN), ROSTER, across=True)
    assert (diff.added, diff.removed) == ((), ())


def test_unequal_runs_at_one_place_are_not_guessed() -> None:
    zh = [n for n in UNIVERSIADE_ZH if n != "伊莉亞娜"]  # two against three: who is missing?
    diff = compare_people(_people(zh), _people(UNIVERSIADE_EN), ROSTER, across=True)
    assert set(diff.removed) == {"佐科", "加茲瓦尼"}
    assert set(diff.added) == {"Joko Widodo", "Iriana Joko Widodo", "Mohamed Ould Cheikh Ghazouani"}


# --- pinyin printed after the characters -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("習(xí)近平和夫人彭麗媛步出車廂", "習近平和夫人彭麗媛步出車廂"),  # scraped-t756
        ("国务院总理李(li)强日(ri)主持", "国务院总理李强日主持"),  # scraped-t759
        ("今(30)日", "今(30)日"),  # a date, not a reading
        ("電(記者 林谷隆)第", "電(記者 林谷隆)第"),  # a credit
        ("經濟合作組織(APEC)貿易", "經濟合作組織(APEC)貿易"),  # an acronym
    ],
    ids=["tone-marks", "plain-pinyin", "date", "credit", "acronym"],
)
def test_unannotated(text: str, plain: str) -> None:
    assert unannotated(text) == plain


def test_a_name_printed_with_its_pinyin_is_the_same_person() -> None:
    # pair r7-hk-arrival-2022-xscript-01: zh_cn-t708 against the copy with pinyin, scraped-t756
    diff = compare_people(
        _people(["习近平", "彭丽媛"]), _people(["習(xí)近平", "彭麗媛"]), ROSTER, across=True
    )
    assert (diff.added, diff.removed) == ((), ())
