"""People off the roster a Chinese report names after their title are keys of it
(worker.detect.events._han_names, docs/events.md): two Chinese reports of one meeting share
them. Excerpts from bench/data/events/dev_round10.toml, by report id."""

from __future__ import annotations

from tests.support.rosters import roster_without
from worker.detect.events import _han_names
from worker.detect.roster import pinyin_name, translit_key
from worker.service.seeds import load_roster

# lee-ishiba-tokyo-ltn (opening sentence as title, and the photo caption)
LTN_TITLE = (
    "南韓總統李在明今天（23日）出訪日本，與日本首相石破茂舉行會談，並出席閉門晚宴，"
    "就日韓美安全保障合作、中國軍力擴張、北韓核武和飛彈威脅，以及戰略物資供應鏈、"
    "少子高齡化等不同議題進行磋商。"
)
LTN_TEXT = "李在明（左）23日在日本首相官邸與石破茂（右）會談。（彭博）"
# lee-ishiba-tokyo-udn
UDN_TITLE = "南韓總統李在明自廿三日起訪日兩天一夜，當天下午和日本首相石破茂在東京舉行領袖會談。"
UDN_TEXT = (
    UDN_TITLE + "這是六月就任的李在明以總統身分的第二次出訪，也是繼六月七大工業國集團（G７）"
    "加拿大峰會後，再度和石破會談。"
)
LEE = translit_key(pinyin_name("李在明"))
ROSTER = load_roster()
# these excerpts' people as they were when the mechanism was built: off the roster (round 10
# put the world leaders on it, and a roster name is no `_han_names` key: see the last test)
OFF_ROSTER = roster_without("Lee Jae-myung", "Shigeru Ishiba", "Joe Biden")


def test_a_name_after_a_title_written_again_is_a_key() -> None:
    # "李在明今天" and "李在明（左）"; "李在明自廿三日" and "六月就任的李在明以"
    assert _han_names(LTN_TITLE, "", LTN_TEXT, OFF_ROSTER) == (
        LEE,
        translit_key(pinyin_name("石破茂")),
    )
    assert LEE in _han_names(UDN_TITLE, "", UDN_TEXT, OFF_ROSTER)


def test_a_roster_name_after_a_title_is_the_rosters_not_a_han_key() -> None:
    # with Lee Jae-myung and Shigeru Ishiba on the roster (round 10), "李在明" and "石破茂" are
    # their roster keys ("Lee Jae-myung"), read by the roster: no pinyin key "Li Zaiming"
    assert _han_names(LTN_TITLE, "", LTN_TEXT, ROSTER) == ()


def test_a_name_of_two_characters_ends_where_its_writings_differ() -> None:
    # dev_round3 xi-biden-2023-zaobao: "美国总统拜登和中国国家主席习近平" and "美方拜登团队":
    # "拜登和", "拜登团" are "拜登" (Biden's Chinese name is on no roster here: OFF_ROSTER)
    text = (
        "美国总统拜登和中国国家主席习近平星期三(11月15日)在旧金山历史悠久的费罗丽庄园会面。\n"
        "背向镜头的是美方拜登团队"
    )
    names = _han_names("", text, text, OFF_ROSTER)
    assert translit_key(pinyin_name("拜登")) in names
    assert translit_key(pinyin_name("拜登和")) not in names


def test_a_word_after_the_title_is_no_name() -> None:
    # macron-xi-2024-hezeshi-zh: "马克龙总统举行会谈" writes the title after the name
    text = "在巴黎爱丽舍宫同马克龙总统举行会谈\n举行会谈"
    assert _han_names(text, "", text, ROSTER) == ()


def test_a_name_written_once_is_not_read() -> None:
    # no second writing: nothing tells a name from the words after the title
    assert _han_names("南韓總統李在明今天出訪日本", "", "", ROSTER) == ()
