"""Round 19: comparing two reports of one occasion, round 18's fresh pairs read by cause.

Input: real excerpts (bench/data/people/dev ids and pairs/*.toml names in the comments) and the
labelled people lists of those reports. Output: pass/fail; no I/O inside the code under test.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.labelled_people import ROSTER
from tests.support.labelled_people import labelled as _labelled
from worker.detect.mentions import says_role
from worker.detect.model import Person
from worker.detect.report import compare_reports
from worker.detect.sounds import same_sound

# --- a Chinese surname alone standing for the name the report gives in full --------------------

# pair r18_t18z_taichungflag2026_yahoo_udn (pair-t18z-taichungflag2026_yahoo_udn): Yahoo
# (zh_hant-t18z22) names the mayor in full, then "盧致詞指出"; UDN (zh_hant-t18z21) "盧秀燕致詞表示"
# with the legislators who 出席. Labels: 盧秀燕 attended and spoke in both, five added. The
# extractor reads no speech in Yahoo's surname-alone clause: a role change attended -> spoke
# the reports do not tell.
YAHOO = (
    "台中市府1日舉行元旦升旗典禮，市長盧秀燕強調，唯有和平和安全，台灣才會富強，人民才會幸福，"
    "市府團隊會撐起一把傘，好好保護市民家人。\n\n"
    "盧秀燕今8時率領市府一級主管參加升旗典禮，盧致詞指出，根據1份封關民調，7成市民對市府團隊施政感到"
    "滿意，「幸福得來不易」，如果沒有和平，沒有安全，各行各業無法安心生活和發展。\n"
)
UDN = (
    "台中市政府今天上午舉行升旗典禮，盧秀燕、立法院副院長江啟臣、立法委員楊瓊瓔、廖偉翔、黃健豪、"
    "麥玉珍與市府團隊出席，今年由88名協助花蓮光復鄉洪災的救難英雄擔任展旗手。\n\n"
    "盧秀燕致詞表示，今年是擔任市長的最後一年，也是以市長身分主持最後一次元旦升旗，"
    "明年的升旗典禮就換新市長了，但她會全力以赴到最後一秒。\n"
)


def test_a_speech_told_by_the_surname_alone_is_no_role_change() -> None:
    change = compare_reports(YAHOO, UDN, ROSTER)
    assert change is not None and change.attendees is not None
    assert change.attendees.role_changes == ()
    assert set(change.attendees.added) == {"江啟臣", "楊瓊瓔", "廖偉翔", "黃健豪", "麥玉珍"}


def test_the_surname_alone_gives_the_role_only_to_the_name_written_in_full() -> None:
    mayor = Person("盧秀燕", None, "attended", "body", 1)
    other = Person("盧廣仲", None, "attended", "body", 1)
    assert says_role(YAHOO, mayor, "spoke", ROSTER)
    assert not says_role(YAHOO, other, "spoke", ROSTER)  # not written in full there
    # the surname inside another word opens no clause of hers
    assert not says_role("盧秀燕出席典禮。\n蘆致詞指出，天氣很好。\n", mayor, "spoke", ROSTER)


@settings(deadline=None)
@given(
    st.sampled_from(["盧秀燕", "侯友宜", "蔣萬安", "賴清德"]),
    st.sampled_from(["致詞", "講話", "發言"]),
)
def test_the_surname_alone_then_a_speech_word_is_the_full_names_speech(
    name: str, word: str
) -> None:
    text = f"{name}上午參加升旗典禮，{name[0]}{word}指出，和平得來不易。\n"
    person = Person(name, None, "attended", "body", 1)
    assert says_role(text, person, "spoke", ROSTER)
    assert not says_role(text, person, "presided", ROSTER)


# --- a monarch's ordinal in two scripts -------------------------------------------------------

# pair r18_t18z_likeqiangqueen2014_zh_en (pair-t18z-likeqiangqueen2014_zh_en): Xinhua's Chinese
# (zh_cn-t18z13) "李克强…在温莎宫会见英国女王伊丽莎白二世", China Daily's English (xinhua_en-t18z01)
# "Queen Elizabeth II receives Premier Li Keqiang". Labels: no one added or removed; the Queen
# attended -> presided. 二世 ("er shi") sounded like part of the name, so the two were two people.
XINHUA_ZH = (
    "新华网伦敦6月17日电(记者陈二厚夏晓)国务院总理李克强当地时间17日上午在温莎宫会见英国女王伊丽莎白二世。"
    "双方进行了亲切友好的交谈。\n"
    "李克强总理夫人程虹和英国约克公爵安德鲁王子等参加会见。\n"
)
CHINA_DAILY = (
    "Britain's Queen Elizabeth II receives Premier Li Keqiang and his wife, Cheng Hong, at Windsor "
    "Castle in southern England on Tuesday.\n"
    "The queen was joined by her son Prince Andrew in the White Drawing Room, where Queen "
    "Elizabeth smiled and shook Li's hand.\n"
)


def test_a_queen_with_her_ordinal_in_two_scripts_is_one_person() -> None:
    change = compare_reports(
        XINHUA_ZH,
        CHINA_DAILY,
        ROSTER,
        reports=(
            _labelled(
                "zh",
                ("李克强", "attended"),
                ("伊丽莎白二世", "attended"),
                ("程虹", "attended"),
                ("安德鲁", "attended"),
            ),
            _labelled(
                "en",
                ("Elizabeth II", "presided"),
                ("Li Keqiang", "attended"),
                ("Cheng Hong", "attended"),
                ("Elizabeth II", "attended"),
                ("Andrew", "attended"),
            ),
        ),
    )
    assert change is not None and change.attendees is not None
    assert change.attendees.added == () and change.attendees.removed == ()
    assert [(r.before, r.after) for r in change.attendees.role_changes] == [
        ("attended", "presided")
    ]


def test_two_ordinals_are_two_people() -> None:
    assert same_sound("Charles III", "查尔斯三世") >= 0.75
    assert same_sound("Charles III", "查尔斯二世") == 0.0
    assert same_sound("Pope Benedict XVI", "本笃十六世") == same_sound("Benedict", "本笃")
