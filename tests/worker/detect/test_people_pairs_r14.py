"""Round 14: comparing two reports of one occasion, round 13's fresh pairs read for causes.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments) and the
labelled people lists of those reports. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worker.detect.attendees import compare_people
from worker.detect.mentions import TextNames, names_person, says_role
from worker.detect.model import Person, Role
from worker.detect.report import compare_reports
from worker.service.seeds import load_roster

ROSTER = load_roster()


def _people(*named: tuple[str, Role]) -> list[Person]:
    return [Person(name, None, role, "body", i) for i, (name, role) in enumerate(named, 1)]


def _added(a: str, b: str) -> tuple[str, ...]:
    change = compare_reports(a, b, ROSTER)
    return change.attendees.added if change and change.attendees else ()


# --- names tied in one role are one person in every role ----------------------------------------

# pair r13_zhde13_harbourfront_2022_cross_language: China News Service (zh_cn-t13z14) has four
# officials attending and officiating; the government's English item (agency_en-t13z01) names two
# attending, "Michael Wong" being 黄伟纶 (Cantonese surname Wong), the other two not named at all
HARBOUR_ZH = _people(
    ("林郑月娥", "attended"),
    ("黄伟纶", "attended"),
    ("吴永顺", "attended"),
    ("陈南禄", "attended"),
    ("林郑月娥", "presided"),
    ("黄伟纶", "presided"),
    ("吴永顺", "presided"),
    ("陈南禄", "presided"),
    ("林郑月娥", "spoke"),
)
HARBOUR_EN = _people(
    ("Carrie Lam", "attended"),
    ("Michael Wong", "attended"),
    ("Carrie Lam", "presided"),
    ("Carrie Lam", "spoke"),
)


def test_a_name_matched_in_one_role_keeps_its_other_roles() -> None:
    diff = compare_people(HARBOUR_ZH, HARBOUR_EN, ROSTER, across=True)
    # officiating is a role the English item does not give him: no change, and not removed
    assert set(diff.removed) == {"吴永顺", "陈南禄"}
    assert diff.added == ()
    assert diff.role_changes == ()


def test_a_name_matched_nowhere_is_still_removed_from_every_role() -> None:
    without_wong = [p for p in HARBOUR_EN if p.name != "Michael Wong"]
    diff = compare_people(HARBOUR_ZH, without_wong, ROSTER, across=True)
    assert set(diff.removed) == {"黄伟纶", "吴永顺", "陈南禄"}


# pair r11v_val11_r11v_focac2024_banquet_zh_en: the Chinese Xinhua copy (zh_cn-r11v01) against an
# English rewrite (scraped-r11v07) that writes the host "Xi" alone; tied by place among the hosts
# (with 彭丽媛 / "Peng Liyuan"), he keeps his speech: no change, and no change from a role to itself
def test_a_name_tied_among_the_hosts_keeps_his_speech() -> None:
    zh = _people(("习近平", "presided"), ("彭丽媛", "presided"), ("习近平", "spoke"))
    en = _people(
        ("Xi", "presided"),
        ("Peng Liyuan", "presided"),
        ("Xi", "spoke"),
        ("Bassirou Diomaye Faye", "spoke"),
    )
    diff = compare_people(zh, en, ROSTER, across=True)
    assert (diff.added, diff.removed, diff.role_changes) == (("Bassirou Diomaye Faye",), (), ())


_LEADERS = ["习近平", "李强", "赵乐际", "王沪宁", "蔡奇"]


@given(st.permutations(_LEADERS), st.sampled_from(["attended", "present"]))
def test_a_list_in_two_roles_against_itself_reordered_only_sets_reordered(
    order: list[str], role: Role
) -> None:
    before = _people(*((n, "attended") for n in _LEADERS), ("习近平", "spoke"))
    after = _people(*((n, role) for n in order), ("习近平", "spoke"))
    diff = compare_people(before, after, ROSTER, across=True)
    assert (diff.added, diff.removed) == ((), ())
    assert diff.reordered == (role == "attended" and order != _LEADERS)


# --- a foreign name written with a middle dot inside Chinese prose ------------------------------

# pair r12_zhde12_t12z_macau2023forum_zh_en: the Macau government's release (zh_hant-t12z15)
# writes the ambassador inside a clause with no space around her name; the Forum's English
# release (agency_en-t12z01) lists "Ambassador Maria Gustava" among the officiants
MACAU_ZH = (
    "中葡論壇常設秘書處秘書長季先峥、葡語國家駐華大使使團長瑪利亞·古斯塔瓦以及各葡語國家代表團團長等"
    "主持中葡論壇成立二十周年系列活動啓動儀式。"
)


def test_a_dotted_name_in_prose_names_its_person() -> None:
    text = TextNames(MACAU_ZH)
    assert names_person(text, Person("Maria Gustava", None, "presided", "body", 1), ROSTER)
    assert not names_person(text, Person("Jorge Sampaio", None, "presided", "body", 1), ROSTER)


# --- a first report the extractor read nobody in ------------------------------------------------

# pair r13_zhde13_forbidden_city_2017_cross_language: i-CABLE in traditional Chinese
# (zh_hant-t13z08), read as naming nobody, against the English state-media text (xinhua_en-t13z01)
CABLE = "中國國家主席習近平及夫人彭麗媛全程陪同,先到寶蘊樓茶敘,習近平歡迎特朗普國事訪問。"
PALACE = (
    "President Xi Jinping and first lady Peng Liyuan accompanied US President Donald Trump and "
    "his wife, Melania Trump, on a tour of visiting the Palace Museum on November 8."
)


def test_accompanying_told_as_done_adds_nobody() -> None:
    assert _added(CABLE, PALACE) == ()


def test_accompanying_still_to_come_adds_its_people() -> None:
    preview = CABLE.replace("全程陪同", "將全程陪同")
    assert set(_added(preview, PALACE)) == {"Xi Jinping", "Peng Liyuan"}


def test_a_chinese_name_in_pinyin_is_named_by_its_characters() -> None:
    peng = Person("Peng Liyuan", None, "attended", "body", 1)
    assert says_role(CABLE, peng, "attended", ROSTER, done=True)
    # two syllables alone are too short to tell: "Peng Li" is not named by 彭麗媛
    assert not names_person(
        TextNames(CABLE), Person("Peng Li", None, "attended", "body", 1), ROSTER
    )


# zh_cn-t902 (Luoyang Daily, 2011-04-18, bench/data/people/dev/zh_cn.round16.toml): 单霁翔's
# surname reads shan as a surname, dan as a word; an English report writes "Shan Jixiang"
OPENING = (
    "国家文物局局长单霁翔、国家文物局博物馆与社会文物司司长段勇、中国文化遗产研究院院长刘曙光、"
    "国家博物馆副馆长董琦、省文化厅厅长杨丽萍、省文物局局长陈爱兰等出席开馆仪式。"
)


def test_a_surname_read_as_a_surname_names_the_person() -> None:
    shan = Person("Shan Jixiang", None, "attended", "body", 1)
    assert names_person(TextNames(OPENING), shan, ROSTER)
    # the word's reading is the characters' too: a text in letters may write either
    assert names_person(
        TextNames(OPENING), Person("Dan Jixiang", None, "attended", "body", 1), ROSTER
    )
    assert not names_person(
        TextNames(OPENING), Person("Shan Jixing", None, "attended", "body", 1), ROSTER
    )


# pair r9_zhde9_wenkan2010_cross_outlet: two copies of the China News Service / Xinhua item on the
# 2010 hotline call, the first with pinyin printed after some characters (scraped-t910), read as
# naming nobody, the second (scraped-t911) reading both premiers
CALL_PINYIN = (
    "中新網(wǎng)6月13日電 據(jù)來自外交部的消息,6月13日,中國國務院總理溫家寶應約與日本新任首相菅直人"
    "通電話,正式啟動中日總理熱線聯(lián)系。溫家寶首先祝賀菅直人就任日本首相并轉(zhuǎn)達了胡錦濤主席的問候。"
)
CALL = (
    "溫家寶與菅直人通電話 啟動中日總理熱線聯繫\n\n"
    "國務院總理溫家寶13日應約與日本新任首相菅直人通電話,正式啟動中日總理熱線聯繫。"
    "溫家寶首先祝賀菅直人就任日本首相並轉達了胡錦濤主席的問候。"
)


def test_a_copy_read_as_naming_nobody_is_no_version_adding_the_call() -> None:
    assert _added(CALL_PINYIN, CALL) == ()


def test_a_version_with_the_call_still_to_come_adds_both() -> None:
    planned = CALL_PINYIN.replace("應約與", "將與")
    assert set(_added(planned, CALL)) == {"溫家寶", "菅直人"}
