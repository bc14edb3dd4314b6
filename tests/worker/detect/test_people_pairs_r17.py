"""Round 17: comparing two reports of one occasion, round 16's fresh pairs read by cause.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments) and the
labelled people lists of those reports. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from tests.support.labelled_people import ROSTER
from tests.support.labelled_people import labelled as _labelled
from tests.support.labelled_people import people as _people
from worker.detect.attendees import compare_people
from worker.detect.cantonese import mandarin_pinyin
from worker.detect.model import Role
from worker.detect.report import compare_reports

# --- a given name in full and in its familiar form --------------------------------------------

# pair r16v_r16v_zelensky_senators2023_cross_outlet (pair-r16v-zelensky-senators-outlets):
# Ukrainska Pravda (agency_en-r16v01) lists "Joseph Manchin"; Kyiv Post (agency_en-r16v05)
# "Joe Manchin", who also speaks to the press; labels: Brad Paisley added, Joe Manchin
# attended -> spoke, nobody removed
PRAVDA = (
    "Zelenskyy meets with bipartisan US Senate delegation\n\n"
    "President Volodymyr Zelenskyy met a delegation of the US Senate with representatives of the "
    "Democratic and Republican parties in Kyiv on 12 April.\n\n"
    "Details: Zelenskyy said that he met with the bipartisan delegation of the Senate of the US "
    "Congress, consisting of Joseph Manchin, Lisa Murkowski and Mark Kelly.\n"
)
KYIV_POST = (
    "'A Just War': US Senators Visit Kyiv, Pledge Continued Support for Ukraine\n"
    "US senators Joe Manchin of West Virginia, Lisa Murkowski of Alaska, and Mark Kelly of Arizona "
    "held talks with Ukrainian President Volodymyr Zelensky in Kyiv on Wednesday, April 12, "
    "pledging their support to continue providing aid to Ukraine.\n"
    "Speaking to press in Mykhailivska Square after the meeting, Manchin, who is a member of the "
    "Senate Armed Services Committee and led the delegation, said he told Zelensky that he had "
    "\u201cnever seen the United States of America in a more just war\u201d in his lifetime.\n"
    "The three senators were accompanied by American country singer Brad Paisley, who acts as an "
    "ambassador United24, a fundraising platform launched by the Ukrainian government.\n"
)
PRAVDA_PEOPLE = (
    ("Volodymyr Zelenskyy", "attended"),
    ("Joseph Manchin", "attended"),
    ("Lisa Murkowski", "attended"),
    ("Mark Kelly", "attended"),
)
KYIV_POST_PEOPLE = (
    ("Joe Manchin", "attended"),
    ("Lisa Murkowski", "attended"),
    ("Mark Kelly", "attended"),
    ("Volodymyr Zelensky", "attended"),
    ("Brad Paisley", "attended"),
    ("Joe Manchin", "spoke"),
)


def test_a_familiar_given_name_is_the_same_person() -> None:
    change = compare_reports(
        PRAVDA,
        KYIV_POST,
        ROSTER,
        reports=(_labelled("en", *PRAVDA_PEOPLE), _labelled("en", *KYIV_POST_PEOPLE)),
    )
    assert change is not None and change.attendees is not None
    people = change.attendees
    assert set(people.added) == {"Brad Paisley"}
    assert set(people.removed) == set()
    assert [(r.name, r.before, r.after) for r in people.role_changes] == [
        ("Joe Manchin", "attended", "spoke")
    ]


def test_a_familiar_given_name_within_one_role_is_a_variant() -> None:
    diff = compare_people(_people(*PRAVDA_PEOPLE), _people(*KYIV_POST_PEOPLE[:5]), ROSTER)
    assert ("Joseph Manchin",) in [v.before for v in diff.variants]
    assert "Joe Manchin" not in diff.added and "Joseph Manchin" not in diff.removed


def test_another_given_name_of_one_surname_stays_another_person() -> None:
    diff = compare_people(
        _people(("James Manchin", "attended")), _people(("Joe Manchin", "attended")), ROSTER
    )
    assert diff.added == ("Joe Manchin",) and diff.removed == ("James Manchin",)


# --- a Chinese name in pinyin is no foreigner written by sound --------------------------------

# pair r16_t16y_caecw2017_cross_language (pair-t16y-caecw2017): China Education Online
# (zh_cn-t16y02) never names the ASEAN-China Centre's secretary-general; the Centre's English
# report (xinhua_en-t16y03) has "Yang Xiuping ... was present upon invitation". Her name sounds
# like 赛·西潘, a fragment of the Lao vice premier's 宋赛·西潘敦 (0.75), which hid her addition.
CAECW_ZH = (
    "第十届中国-东盟教育交流周在贵州省开幕\n\n"
    "  中国教育在线讯 7月28日,以“十年教育同携手 一带一路谱新篇”为主题的第十届中国-东盟教育交流周在"
    "贵州省开幕。中共中央政治局委员、国务院副总理刘延东出席开幕式并发表主旨演讲。\n\n"
    "  省委书记、省长孙志刚致欢迎辞,老挝副总理宋赛·西潘敦,2017年东盟轮值主席国菲律宾代表,"
    "东盟国家来华留学生代表致辞。教育部部长陈宝生,省委常委、常务副省长秦如培分别主持。\n"
)
CAECW_EN = (
    "The 10th China-ASEAN Education Cooperation Week Commenced in Guiyang\n\n"
    "On 28 July 2017, the 10th China-ASEAN Education Cooperation Week (CAECW) commenced in "
    "Guiyang. H.E. Mme. Liu Yandong, Vice Premier of China, delivered a keynote speech. H.E. Mr. "
    "Sonexay Siphandone, Vice Prime Minister of Lao PDR, H.E. Mr. Sun Zhigang, Party Secretary of "
    "Guizhou Provincial Party Committee and Governor of Guizhou, respectively delivered speeches. "
    "H.E. Mr. Chen Baosheng, Minister of Education of China, chaired the opening ceremony. H.E. "
    "Mme. Yang Xiuping, Secretary-General of ASEAN-China Centre (ACC), was present upon "
    "invitation.\n"
)


def test_a_pinyin_name_is_not_named_by_a_transliteration_that_sounds_alike() -> None:
    first = _labelled(
        "zh",
        ("刘延东", "spoke"),
        ("孙志刚", "spoke"),
        ("宋赛·西潘敦", "spoke"),
        ("陈宝生", "presided"),
        ("秦如培", "presided"),
    )
    second = _labelled(
        "en",
        ("Liu Yandong", "spoke"),
        ("Sonexay Siphandone", "spoke"),
        ("Sun Zhigang", "spoke"),
        ("Chen Baosheng", "presided"),
        ("Yang Xiuping", "present"),
    )
    change = compare_reports(CAECW_ZH, CAECW_EN, ROSTER, reports=(first, second))
    assert change is not None and change.attendees is not None
    assert "Yang Xiuping" in change.attendees.added
    assert "Sonexay Siphandone" not in change.attendees.added


def test_mandarin_pinyin() -> None:
    assert mandarin_pinyin("Yang Xiuping") and mandarin_pinyin("Liu Yandong")
    assert not mandarin_pinyin("Sonexay Siphandone") and not mandarin_pinyin("Joe Manchin")


# --- properties ------------------------------------------------------------------------------

_NAMES = st.lists(
    st.sampled_from(
        [
            "Lisa Murkowski",
            "Mark Kelly",
            "Joe Manchin",
            "Liu Yandong",
            "Chen Baosheng",
            "Sergei Lavrov",
            "Brad Paisley",
            "秦如培",
            "江小涓",
            "Olena Zelenska",
        ]
    ),
    min_size=1,
    max_size=8,
    unique=True,
)
# (distinct people: "Liu Yandong" and 刘延东 are one, a list holding both is no reordering)
_ROLE = st.sampled_from(["attended", "presided", "spoke", "present"])


@given(_NAMES, _ROLE)
def test_a_list_compared_with_itself_is_unchanged(names: list[str], role: Role) -> None:
    people = _people(*((n, role) for n in names))
    diff = compare_people(people, people, ROSTER)
    assert not diff.added and not diff.removed and not diff.role_changes
    assert not diff.variants and not diff.reordered
    assert not compare_people(people, people, ROSTER, across=True).changed


@given(_NAMES, _ROLE, st.randoms(use_true_random=False))
def test_reordering_names_only_sets_reordered(
    names: list[str], role: Role, rnd: random.Random
) -> None:
    shuffled = list(names)
    rnd.shuffle(shuffled)
    diff = compare_people(
        _people(*((n, role) for n in names)), _people(*((n, role) for n in shuffled)), ROSTER
    )
    assert not diff.added and not diff.removed and not diff.role_changes and not diff.variants
    assert diff.reordered == (shuffled != names)
