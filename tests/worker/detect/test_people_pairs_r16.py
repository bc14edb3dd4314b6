"""Round 16: comparing two reports of one occasion, round 15's fresh pairs read for causes.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments) and the
labelled people lists of those reports. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.support.labelled_people import ROSTER
from tests.support.labelled_people import labelled as _labelled
from tests.support.labelled_people import people as _people
from worker.detect.attendees import compare_people
from worker.detect.mentions import TextNames, names_person, not_only_said, same_surname
from worker.detect.model import Person, Report, Role
from worker.detect.report import compare_reports


def _compared(a: str, b: str, report_a: Report, report_b: Report) -> tuple[set[str], set[str]]:
    """Added and removed with the labelled people of both reports: the comparison alone."""
    change = compare_reports(a, b, ROSTER, reports=(report_a, report_b))
    people = change.attendees if change else None
    return set(people.added if people else ()), set(people.removed if people else ())


# --- a person named only as a quote's speaker -------------------------------------------------

# pair r15_t15z_dajia2024_worldjournal_daydaynews_cross_outlet: World Journal (zh_hant-t15z02)
# quotes the temple's deputy chairman (鄭銘坤表示) and lists him in no role; the aggregator copy
# of the Straits Herald (scraped-t15z02) has him carry the goddess to her palanquin
WORLD_JOURNAL = (
    "大甲媽遶境起駕韓國瑜扶轎 鎮瀾宮水洩不通\n\n"
    "5日晚11時三聲起馬炮中,大甲鎮瀾宮媽祖由立法院長韓國瑜扶媽祖鑾轎出廟門後起駕,開始九天八夜、"
    "來回長達330公里遶境;鎮瀾宮廟埕水洩不通,媽祖鑾轎花了半小時以上才能出廟門。\n\n"
    "大甲媽遶境進香沿途將經過台中、彰化、雲林、嘉義四縣市,抵達新港奉天宮駐駕舉辦祝壽大典後,預計14日"
    "回鑾,鎮瀾宮副董事長鄭銘坤表示,對於花蓮強震造成嚴重死傷,媽祖婆一定會賜福,保佑大家平安度過難關。"
)
DAYDAYNEWS = (
    "大甲媽祖深夜起駕,韓國瑜扶轎!\n\n"
    "年度宗教盛事大甲鎮瀾宮媽祖繞境,5日晚間23點起駕,展開9天8夜進香繞境行程。下午依傳統舉行祈安大典"
    "及上轎典禮,董事長顏清標依序恭請正爐媽、湄洲媽及副爐媽3尊等眾神出神龕,隨後由立法機構副負責人"
    "江啟臣、顏清標以及鎮瀾宮副董事長鄭銘坤恭請媽祖上轎。"
)

# pair r15_t15y_npc2023_closing_cross_outlet: a content-farm copy of Xinhua (scraped-t15y01) has
# 赵乐际 preside and speak; a spam copy of Ta Kung Wen Wei (scraped-t15y07) only quotes him
NPC_XINHUA = (
    "十四届全国人大一次会议在京闭幕\n习近平发表重要讲话\n赵乐际主持并讲话\n"
    "李强王沪宁蔡奇丁薛祥李希韩正等出席会议\n"
)
NPC_TAKUNG = (
    "大公文匯全媒體報道:今日(13日)上午9時,十四屆全國人大一次會議在人民大會堂舉行閉幕會,國家主席"
    "習近平發表重要講話。全國人大常委會委員長趙樂際表示,習近平主席的重要講話堅守人民立場、堅定歷史"
    "自信。\n\n趙樂際表示,大會全面貫徹黨的二十大和二十屆一中、二中全會精神,圓滿完成了各項議程。"
)


def test_a_name_only_quoted_in_the_first_report_is_added_by_the_second() -> None:
    first = _labelled("zh", ("韓國瑜", "attended"))
    second = _labelled("zh", ("韓國瑜", "attended"), ("顏清標", "attended"), ("鄭銘坤", "attended"))
    added, removed = _compared(WORLD_JOURNAL, DAYDAYNEWS, first, second)
    assert added == {"顏清標", "鄭銘坤"}
    assert removed == set()


def test_a_name_only_quoted_in_the_second_report_is_removed() -> None:
    first = _labelled("zh", ("习近平", "spoke"), ("赵乐际", "presided"), ("赵乐际", "spoke"))
    second = _labelled("zh", ("習近平", "spoke"))
    _, removed = _compared(NPC_XINHUA, NPC_TAKUNG, first, second)
    assert removed == {"赵乐际"}


def test_whom_a_quote_names_stays_named() -> None:
    # the speaker is unnamed, not the people the quote is about
    text = TextNames(
        not_only_said("The service headed by Bortnikov had reported it, the Kremlin said.")
    )
    assert names_person(text, Person("Alexander Bortnikov", None, "attended", "body", 1), ROSTER)
    text = TextNames(not_only_said("Peskov said that Putin and Lavrov discussed trade."))
    assert names_person(text, Person("Sergey Lavrov", None, "attended", "body", 1), ROSTER)
    assert not names_person(text, Person("Dmitry Peskov", None, "attended", "body", 1), ROSTER)


def test_a_speaker_said_to_be_at_the_occasion_stays_named() -> None:
    # pair r5 summer-davos-2007 (agency copy): "said Chinese Premier Wen Jiabao at the opening
    # session", the only mention of the one person of that report
    sentence = "Growth will stay strong, said Chinese Premier Wen Jiabao at the opening session."
    assert names_person(
        TextNames(not_only_said(sentence)), Person("Wen Jiabao", None, "spoke", "body", 1), ROSTER
    )


# --- a call told by its verb, in a first report read as naming nobody -------------------------

# pair r15_t15e_trumpputin20250519_zelenskyy_attendee_change: News-Pravda (agency_en-t15e08)
# against the Athens Times (agency_en-t15e13), which also tells Trump's call with Zelenskyy
PRAVDA = (
    "US President Trump called Russian leader Putin\n"
    "US President Donald Trump called Russian leader Vladimir Putin. This is reported by Reuters,"
    " citing White House officials.\n"
    "Earlier, the head of the White House said that he plans to hold talks with Vladimir Putin on"
    " May 19. The Kremlin confirmed this information and clarified that the conversation is"
    " scheduled for 17:00 Moscow time."
)
ATHENS = (
    "A telephone conversation between the President of the United States, Donald Trump, and his"
    " Russian counterpart, Vladimir Putin, lasted over two hours on Monday, May 19, 2025. Before"
    " speaking with Putin, Trump conversed with Ukrainian President Volodymyr Zelenskyy, with plans"
    " to update him afterward regarding the content of the call with Putin."
)


def test_a_call_told_by_its_verb_adds_only_the_third_person() -> None:
    nobody = Report(language="en", people=(), findings=())
    second = _labelled(
        "en",
        ("Donald Trump", "attended"),
        ("Vladimir Putin", "attended"),
        ("Volodymyr Zelenskyy", "attended"),
    )
    added, _ = _compared(PRAVDA, ATHENS, nobody, second)
    assert added == {"Volodymyr Zelenskyy"}


def test_a_plan_to_call_is_no_call() -> None:
    nobody = Report(language="en", people=(), findings=())
    second = _labelled("en", ("Donald Trump", "attended"), ("Vladimir Putin", "attended"))
    plan = "Donald Trump will call Vladimir Putin on Monday, the White House said."
    added, _ = _compared(plan, ATHENS, nobody, second)
    assert added == {"Donald Trump", "Vladimir Putin"}


# --- names across transliterations ------------------------------------------------------------


# pair r15v_r15v_medvedev_sargsyan2010_spelling: the Kremlin (kremlin_en-r15v02) writes "Serzh
# Sargsyan", the agency copy (agency_en-r15v05) "Sarkisian"
def test_a_surname_written_from_another_language_names_the_person() -> None:
    agency = TextNames("Medvedev and Sarkisian met at Gorki on Friday.")
    assert names_person(agency, Person("Serzh Sargsyan", None, "attended", "body", 1), ROSTER)
    assert same_surname("sargsian", "sarkisian")
    # three consonant classes are too few to tell two people apart
    assert not same_surname("sholz", "shulz")
    assert not names_person(
        TextNames("Martin Schulz spoke."),
        Person("Olaf Scholz", None, "attended", "body", 1),
        ROSTER,
    )


def test_taiwan_and_hong_kong_spellings_of_foreign_leaders_are_on_the_roster() -> None:
    # 普丁 (CNA, Liberty Times), 蕭爾茨 (Hong Kong), 梅爾茨 (pair zhde10-merz2026)
    assert ROSTER.canonical("普丁") == "Vladimir Putin"
    assert ROSTER.canonical("蕭爾茨") == "Olaf Scholz"
    assert ROSTER.canonical("梅爾茨") == "Friedrich Merz"


# --- the name a role change is told by ---------------------------------------------------------


def test_a_role_change_is_told_by_the_fuller_name() -> None:
    # pair r10v lesotho-reception: the embassy (xinhua_en-r10v08) has the foreign minister
    # "Sekhamane" attend, the Lesotho paper (agency_en-r10v07) has "Tlohang Sekhamane" speak
    before = _people(("Sekhamane", "attended"), ("Sun Xianghua", "spoke"))
    after = _people(("Tlohang Sekhamane", "spoke"), ("Sun Xianghua", "spoke"))
    diff = compare_people(before, after, ROSTER, across=True)
    assert [(r.name, r.before, r.after) for r in diff.role_changes] == [
        ("Tlohang Sekhamane", "attended", "spoke")
    ]
    assert (diff.added, diff.removed) == ((), ())


_GIVEN = st.sampled_from(["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid"])
_SURNAME = st.sampled_from(["Okonkwo", "Halvorsen", "Marchetti", "Villanueva", "Brandstetter"])
_ROLES: tuple[Role, ...] = ("attended", "presided", "spoke", "present")


@given(_GIVEN, _SURNAME, st.sampled_from(_ROLES), st.sampled_from(_ROLES), st.booleans())
def test_a_role_change_names_the_person_by_the_fuller_form_either_way(
    given_name: str, surname: str, role_a: Role, role_b: Role, full_first: bool
) -> None:
    full, short = f"{given_name} {surname}", surname
    before = _people((full if full_first else short, role_a))
    after = _people((short if full_first else full, role_b))
    diff = compare_people(before, after, ROSTER, across=True)
    assert (diff.added, diff.removed) == ((), ())
    if role_a == role_b:
        assert diff.role_changes == ()
    else:
        assert [(r.name, r.before, r.after) for r in diff.role_changes] == [(full, role_a, role_b)]
