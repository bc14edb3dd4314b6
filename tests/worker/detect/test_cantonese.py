"""Round 11: Hong Kong and Macao names in Cantonese spelling against the same names in characters.

Input: real names and excerpts of dev reports (ids in the comments). Output: pass/fail; no I/O
inside the code under test (ToJyutping reads its dictionary when first imported).
"""

from __future__ import annotations

from datetime import date

import pytest

from worker.detect import cantonese
from worker.detect.attendees import compare_people
from worker.detect.events import _cantonese_ties, report_features
from worker.detect.mentions import TextNames, names_person
from worker.detect.model import Person, Role
from worker.detect.report import compare_reports
from worker.detect.roster import to_simplified
from worker.service.seeds import load_roster

ROSTER = load_roster()

# Names as English reports of Hong Kong write them, and the same people in characters:
# agency_en-t882 / zh_hant-t807 (Leung Chun-ying, Chan Kwok-ki), agency_en-t906 (Carrie Lam Cheng
# Yuet-ngor, John Lee Ka-chiu), xinhua_en round 16 "Donald Tsang Yam-kuen took his oath",
# mt_en-014 and xinhua_en-t301 (Ho Hau Wah, Macao), zh_hant round 12's 財政司司長陳茂波 (the
# government's English: Paul Chan Mo-po), Macao's chief executives as its government writes them.
SAME = [
    ("Leung Chun-ying", "梁振英"),
    ("Tsang Yam-kuen", "曾蔭權"),
    ("Donald Tsang Yam-kuen", "曾荫权"),
    ("Carrie Lam Cheng Yuet-ngor", "林鄭月娥"),
    ("Lam Cheng Yuet-ngor", "林郑月娥"),
    ("Eric Chan Kwok-ki", "陳國基"),
    ("Paul Chan Mo-po", "陳茂波"),
    ("John Lee Ka-chiu", "李家超"),
    ("Ho Hau Wah", "何厚鏵"),
    ("Ho Iat Seng", "賀一誠"),
    ("Sam Hou Fai", "岑浩輝"),
    ("Chun-ying Leung", "梁振英"),  # the given name first, as foreign outlets write it
]


@pytest.mark.parametrize(("latin", "han"), SAME)
def test_a_hong_kong_name_reads_as_its_characters_in_cantonese(latin: str, han: str) -> None:
    assert cantonese.same_name(latin, han)


def test_each_name_reads_as_its_own_characters_only() -> None:
    for latin, han in SAME:
        others = {h for _, h in SAME if to_simplified(h) != to_simplified(han)}
        assert not any(cantonese.same_name(latin, h) for h in others), latin


# Names in pinyin (zh_hant-t807's people as agency_en-t882 writes them: Dong Jingwei, Zheng
# Yanxiong), and pinyin that happens to spell Cantonese too: never read by Cantonese. 宏兒 reads
# "Wang Yi" in Cantonese (wang4 ji4), and is no 王毅.
@pytest.mark.parametrize(
    ("latin", "han"),
    [
        ("Wang Yi", "宏兒"),
        ("Dong Jingwei", "董經緯"),
        ("Zheng Yanxiong", "鄭雁雄"),
        ("Chan Mo-po", "陳茂波"),
    ],
)
def test_a_name_in_pinyin_is_not_read_by_cantonese(latin: str, han: str) -> None:
    assert cantonese.latin_syllables(latin) == ()
    assert not cantonese.same_name(latin, han)


def test_the_surname_alone_with_an_english_name_tells_no_one() -> None:
    # agency_en-t882's "Financial Secretary Paul Chan" and zh_hant-t807's 賴如鑫: alike in sound
    # (0.86), but 賴 is no Chan; 陳茂波 may be him, and is not told either
    assert not cantonese.same_name("Paul Chan", "陳茂波")
    assert cantonese.surname_differs("Paul Chan", "賴如鑫")
    assert not cantonese.surname_differs("Paul Chan", "陳茂波")
    assert not cantonese.surname_differs("Vladimir Putin", "普京")  # no Hong Kong name


def _people(names: list[str], role: Role = "attended") -> list[Person]:
    return [Person(n, None, role, "body", i) for i, n in enumerate(names, 1)]


def test_the_same_officials_in_both_scripts_are_no_change() -> None:
    # pair zhde8-hk-nationalday2023-zh-en, as labelled: zh_hant-t807 lists 梁振英 ... 賴如鑫,
    # agency_en-t882 Leung Chun-ying and Paul Chan
    zh = ["李家超", "梁振英", "鄭雁雄", "董經緯", "李永勝", "賴如鑫", "林鄭月娥", "曾蔭權"]
    en = ["John Lee", "Eric Chan Kwok-ki", "Paul Chan", "Paul Lam", "Leung Chun-ying"]
    en += ["Dong Jingwei", "Zheng Yanxiong"]
    diff = compare_people(_people(zh), _people(en), ROSTER, across=True)
    assert set(diff.added) == {"Eric Chan Kwok-ki", "Paul Chan", "Paul Lam"}
    assert set(diff.removed) == {"李永勝", "賴如鑫", "林鄭月娥", "曾蔭權"}
    assert diff.variants == ()  # a translation, not another spelling


# zh_hant-t807 (Sing Tao USA) and agency_en-t882 (Dimsum Daily), shortened to their lists
SINGTAO = (
    "今日(1日)是10月1日國慶日,行政長官李家超、全國政協副主席梁振英、中聯辦主任鄭雁雄、駐港國安公署署長"
    "董經緯、外交部駐港特派員公署署理特派員李永勝、解放軍駐香港部隊政治委員賴如鑫,以及前行政長官林鄭月娥、"
    "曾蔭權與政府高層官員、立法會主席梁君彥、終審法院首席法官張舉能等,出席早上8時在灣仔香港會議展覽中心"
    "外金紫荊廣場舉行的升旗儀式。\n"
)
DIMSUM = (
    "1st October 2023 – (Hong Kong) In the wake of the flag-raising ceremony at Golden Bauhinia "
    "Square attended by Chief Executive John Lee and senior government officials, including Chief "
    "Secretary for Administration Eric Chan Kwok-ki, Financial Secretary Paul Chan, Secretary for "
    "Justice Paul Lam, and others, a National Day reception was held at the Convention and "
    "Exhibition Centre this morning.\n\n"
    "Chief Executive John Lee and his spouse arrived at the National Day reception at around 8am "
    "Distinguished guests in attendance included Leung Chun-ying, Vice Chairman of the National "
    "Committee of the Chinese People’s Political Consultative Conference, Dong Jingwei, head of the "
    "Office for Safeguarding National Security, Zheng Yanxiong, director of the Hong Kong Liaison "
    "Office, and others.\n"
)


def test_two_reports_of_one_occasion_tie_a_hong_kong_name_across_scripts() -> None:
    change = compare_reports(SINGTAO, DIMSUM, ROSTER)
    diff = change.attendees if change else None
    assert diff is not None
    assert "梁振英" not in diff.removed and "Leung Chun-ying" not in diff.added
    assert "賴如鑫" in diff.removed and "Paul Chan" in diff.added


def test_a_text_names_a_hong_kong_person_in_the_other_script() -> None:
    # zh_hant round 12 (hk.crntt.com, LegCo oath 2026): 陳國基 and 陳茂波 attend
    crntt = TextNames(
        "香港特區政府政務司司長陳國基、財政司司長陳茂波、律政司司長林定國等主要官員列席儀式。"
    )
    assert names_person(crntt, Person("Eric Chan Kwok-ki", None, "attended", "body", 1), ROSTER)
    assert names_person(crntt, Person("Paul Chan Mo-po", None, "attended", "body", 2), ROSTER)
    assert not names_person(crntt, Person("Paul Chan", None, "attended", "body", 3), ROSTER)
    dimsum = TextNames(DIMSUM)
    assert names_person(dimsum, Person("梁振英", None, "attended", "body", 1), ROSTER)
    assert not names_person(dimsum, Person("梁君彥", None, "attended", "body", 1), ROSTER)


def test_grouping_counts_a_hong_kong_name_both_reports_put_in_a_role() -> None:
    day = date(2023, 10, 1)
    zh = report_features("十一國慶︱升旗儀式及酒會於灣仔舉行", SINGTAO, day, ROSTER)
    en = report_features("National Day Reception", DIMSUM, day, ROSTER)
    assert _cantonese_ties(zh, en, frozenset()) == 1  # Leung Chun-ying / 梁振英
    assert _cantonese_ties(zh, zh, frozenset()) == 0


def test_a_hong_kong_name_in_another_role_across_scripts_is_a_role_change() -> None:
    # zh_hant-t807 lists 梁振英 attending; a report in English naming Leung Chun-ying as the
    # speaker (the lists of agency_en-t882, with his role changed) tells a role change of one
    # person, not one added and one removed
    zh = [*_people(["李家超", "梁振英"]), *_people(["李家超"], "spoke")]
    en = [*_people(["John Lee"]), *_people(["John Lee", "Leung Chun-ying"], "spoke")]
    diff = compare_people(zh, en, ROSTER, across=True)
    assert (diff.added, diff.removed) == ((), ())
    # (told by the second report's form across scripts since round 16, as added names are)
    assert [(r.name, r.before, r.after) for r in diff.role_changes] == [
        ("Leung Chun-ying", "attended", "spoke")
    ]
