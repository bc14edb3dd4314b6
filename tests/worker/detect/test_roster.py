"""The roster: seeds/people.toml parsed, looked up, merged; pinyin for names it lacks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from worker.detect.roster import Roster, RosterError, pinyin_name

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "people.toml"
ROSTER = Roster.from_entries(tomllib.loads(SEEDS.read_text(encoding="utf-8"))["people"])


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Xi Jinping", "Xi Jinping"),
        ("习近平", "Xi Jinping"),
        ("習近平", "Xi Jinping"),
        ("李強", "Li Qiang"),
        ("趙樂際", "Zhao Leji"),
        ("王滬寧", "Wang Huning"),
        ("Wang Hu-ning", "Wang Huning"),
        ("wang huning", "Wang Huning"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Sergej Lawrow", "Sergey Lavrov"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Jinping Xi", "Xi Jinping"),
        ("蔡奇", "Cai Qi"),
        ("丁薛祥", "Ding Xuexiang"),
        ("韩正", "Han Zheng"),
        ("Cai Qiding", None),
        # the Russian official style: given name and patronymic as initials (agency_en-v1308)
        ("V.V. Putin", "Vladimir Putin"),
        ("V. V. Putin", "Vladimir Putin"),
        ("X.Y. Putin", None),  # initials of no one the roster names Putin
        # a foreign name in full, given names before a middle dot, ends in the surname the
        # roster gives alone (round 10)
        ("弗拉基米尔·普京", "Vladimir Putin"),
        ("弗拉基米尔·弗拉基米罗维奇·普京", "Vladimir Putin"),
        ("曼努埃尔·普京斯基", None),
        # a Russian name with its patronymic (round 10)
        ("Sergey Viktorovich Lavrov", "Sergey Lavrov"),
        ("Valentina Ivanovna Matviyenko", "Valentina Matviyenko"),
        ("Ivan Ivanovich Petrov", None),
        ("", None),
    ],
)
def test_canonical(written: str, canonical: str | None) -> None:
    assert ROSTER.canonical(written) == canonical


def test_twentieth_standing_committee_is_on_the_roster() -> None:
    pbsc = "习近平 李强 赵乐际 王沪宁 蔡奇 丁薛祥 李希".split()
    assert [ROSTER.chinese_to_english(n) for n in pbsc] == [
        "Xi Jinping",
        "Li Qiang",
        "Zhao Leji",
        "Wang Huning",
        "Cai Qi",
        "Ding Xuexiang",
        "Li Xi",
    ]
    assert "Vice President" in ROSTER.titles
    assert any(t.startswith("Vice President") for t in ROSTER.titles_of("韩正"))


@pytest.mark.parametrize(
    ("zh", "english"),
    [
        ("张庆黎", "Zhang Qingli"),
        ("欧阳修", "Ouyang Xiu"),
        ("司马光", "Sima Guang"),
        ("诸葛亮", "Zhuge Liang"),
        ("曾庆红", "Zeng Qinghong"),
        ("單霽翔", "Shan Jixiang"),
    ],
)
def test_pinyin_for_names_not_on_the_roster(zh: str, english: str) -> None:
    assert Roster.empty().chinese_to_english(zh) == english
    assert pinyin_name(zh) == english


def test_merge_adds_people_and_aliases() -> None:
    user = Roster.from_entries(
        [{"name": "Sergey Lavrov", "aliases": ["S. Lavrov"]}, {"name": "Ana Souza"}]
    )
    merged = ROSTER.merge(user)
    assert merged.canonical("S. Lavrov") == "Sergey Lavrov"
    assert merged.canonical("Sergei Lavrov") == "Sergey Lavrov"
    assert merged.canonical("ana souza") == "Ana Souza"
    assert ROSTER.canonical("ana souza") is None  # the original is unchanged


def test_empty_roster_knows_nobody() -> None:
    assert Roster.empty().canonical("Xi Jinping") is None
    assert Roster.empty().titles == frozenset()


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"zh": "李强"}], "people entry 1: 'name' is missing"),
        ([{"name": "A B", "aliases": "x"}, {"name": "C D", "aliases": [1]}], "people entry 2"),
        (["Li Qiang"], r"expected a \[\[people\]\] table"),
        ({"name": "x"}, "expected a list"),
        ([{"name": "A B", "zh": 3}], "'zh'/'zh_hant' must be strings"),
    ],
)
def test_bad_entries_raise_one_line_errors(entries: object, message: str) -> None:
    with pytest.raises(RosterError, match=message):
        Roster.from_entries(entries)  # type: ignore[arg-type]


def test_entries_without_a_traditional_name_share_one_converter() -> None:
    # round 10: each entry without zh_hant built an OpenCC converter of its own (~50 ms each:
    # 24 of the world leaders made every process start 1.3 s later, the extraction pool's too)
    from worker.detect import roster as roster_module

    entries = [
        {"name": "Joe Biden", "zh": "拜登"},
        {"name": "Olaf Scholz", "zh": "朔尔茨"},
        {"name": "Narendra Modi", "zh": "莫迪"},
    ]
    roster_module._s2t.cache_clear()
    built = Roster.from_entries(entries)
    Roster.from_entries(entries)
    assert roster_module._s2t.cache_info().misses == 1
    assert built.canonical("朔爾茨") == "Olaf Scholz"  # the derived traditional form is known


def test_every_bundled_chinese_name_is_given_in_both_scripts() -> None:
    """Without `zh_hant` the roster derives it with OpenCC's s2t converter, whose phrase
    dictionaries take ~45 ms of CPU to load in every process that reads people (each pool
    worker of a first pass, the edited pass): the bundled roster gives it for every entry, so
    building it never loads them (bench/README.md, issue 10 round 12). A new entry with `zh`
    needs its `zh_hant` (OpenCC's: `OpenCC("s2t").convert(zh)`, unless the usual form differs)."""
    from worker.detect import roster as roster_module

    entries = tomllib.loads(SEEDS.read_text(encoding="utf-8"))["people"]
    missing = [e["name"] for e in entries if e.get("zh") and not e.get("zh_hant")]
    assert missing == []
    roster_module._s2t.cache_clear()
    bundled = Roster.from_entries(entries)
    assert roster_module._s2t.cache_info().currsize == 0
    assert bundled.canonical("施泰因邁爾") == "Frank-Walter Steinmeier"  # as OpenCC derived it
