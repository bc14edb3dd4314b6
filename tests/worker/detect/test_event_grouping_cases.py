"""Grouping on pairs of real reports (tests/data/events/grouping_cases.toml): each case pins one
mechanism of worker.detect.events.score (docs/events.md), with the default thresholds."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from worker.detect.events import GroupingOptions, fold_for_match, report_features, score
from worker.service.seeds import load_roster

# grouping_cases.toml: pairs of real reports read for causes; outcome_cases.toml: pairs whose
# occasion is an outcome (a verdict, an election, a landing) with nobody on the roster;
# round12_cases.toml: pairs of dev_round12 (round 8's held-out split) read by cause in round 9;
# round14_cases.toml: pairs of dev_round14 (round 9's held-out split) read by cause in round 10;
# round15_cases.toml: pairs of dev_round9, dev_round12 and dev_round13 read by cause in round 11 (ev15)
# ev11b_cases.toml: pairs across languages missed in round 11's dev (ev11b): names in Arabic,
# Indic scripts and Greek by their consonants, a Hindi preview
# ev12_cases.toml: pairs across languages that share a count (round 12, ev12)
CASES: list[dict[str, Any]] = [
    case
    for name in (
        "grouping_cases.toml",
        "outcome_cases.toml",
        "round12_cases.toml",
        "round13_cases.toml",
        "round14_cases.toml",
        "round15_cases.toml",
        "ev11b_cases.toml",
        "ev12_cases.toml",
    )
    for case in tomllib.loads(
        (Path(__file__).parents[2] / "data" / "events" / name).read_text("utf-8")
    )["case"]
]
ROSTER = load_roster()


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:60] for c in CASES])
def test_pairs_of_real_reports_group_as_labelled(case: dict[str, Any]) -> None:
    a = report_features(case["a_title"], case["a_text"], date.fromisoformat(case["a_day"]), ROSTER)
    b = report_features(case["b_title"], case["b_text"], date.fromisoformat(case["b_day"]), ROSTER)
    join = GroupingOptions().join
    for x, y in ((a, b), (b, a)):
        match = score(x, y)
        if case["expect"] == "same":
            assert match.score >= join, match
        else:
            assert match.score < join, match


def test_pinyin_a_scraped_copy_prints_after_each_character_is_not_part_of_the_wording() -> None:
    # jqleddsc.cn's copy of a Xinhua report (bench/data/people scraped-022)
    scraped = "澳門(mén)特區(qū)行政長(zhǎng)官賀一誠(chéng)在慶祝酒會(huì)致辭時(shí)表示"
    flattened = "澳门 mén 特区 qū 行政长 zhǎng 官贺一诚 chéng 在庆祝酒会 huì 致辞时 shí 表示"
    plain = "澳门特区行政长官贺一诚在庆祝酒会致辞时表示"
    assert fold_for_match(scraped) == fold_for_match(flattened) == fold_for_match(plain)


def test_accented_words_of_other_languages_are_kept() -> None:
    assert fold_for_match("Luiz Inácio Lula da Silva e José") == "luiz inácio lula da silva e josé"


def _case(name_start: str) -> dict[str, Any]:
    return next(c for c in CASES if c["name"].startswith(name_start))


def test_the_lead_dates_the_occasion_by_weekday_or_by_day_of_the_month() -> None:
    case = _case("across scripts: a thin report")
    # Shanghai Daily, published Friday 30 September 2022: "on Friday morning"
    en = report_features(case["a_title"], case["a_text"], date(2022, 9, 30), ROSTER)
    # CCTV: "30日上午" (the 30th, the month is the broadcast's)
    zh = report_features(case["b_title"], case["b_text"], date(2022, 9, 30), ROSTER)
    assert en.occasion == zh.occasion == "09-30"
    # the same lead read from a copy published the next day still means that Friday
    late = report_features(case["a_title"], case["a_text"], date(2022, 10, 1), ROSTER)
    assert late.occasion == "09-30"


def test_a_date_opening_the_lead_is_when_it_was_filed_not_the_occasion() -> None:
    # Adnkronos' English press review (bench dev.toml cppcc75-adnkronos)
    text = (
        "September 21, 2024_ Chinese President Xi Jinping stressed the importance of the Chinese "
        "People's Political Consultative Conference (CPPCC) in promoting the country's "
        "modernization during its 75th anniversary celebrations."
    )
    title = "China: Xi Jinping celebrates 75th anniversary of Chinese People's Political Consultative Conference"
    assert report_features(title, text, date(2024, 9, 21), ROSTER).occasion is None


CCDI_2023 = """中国共产党第二十届中央纪律检查委员会第二次全体会议，于2023年1月9日至10日在北京举行。\
出席这次全会的有中央纪委委员127人，列席207人。

中共中央总书记、国家主席、中央军委主席习近平出席全会并发表重要讲话。李强、赵乐际、王沪宁、蔡奇、丁薛祥、\
李希等党和国家领导人出席会议。"""
THANKS_2023 = """新华社北京3月23日电
中华人民共和国全国人民代表大会常务委员会办公厅、中华人民共和国国务院办公厅、中华人民共和国中央军事委员会办公厅
公告
在中华人民共和国第十四届全国人民代表大会第一次会议选举产生新一届国家领导人之后,承蒙许多国家的国家元首、\
政府首脑、议会议长、政府部门负责人,政党领导人、国际组织机构负责人,友好团体和友好人士,外国驻华使节,\
旅居国外的华侨、华人和香港特别行政区、澳门特别行政区以及台湾同胞等向国家主席、中央军委主席习近平,国务院总理李强,\
全国人大常务委员会委员长赵乐际,国家副主席韩正发来贺电、贺函,表示热烈的祝贺和良好的祝愿。"""


def test_a_report_holding_no_key_but_writing_the_other_reports_names_is_scored() -> None:
    # CCTV's CCDI communique (bench ccdi-2023-cctv) and a Xinhua notice of thanks (bench/data/people
    # none_zh-002) put on one day: the notice holds no index key, yet writes three of the
    # communique's names; scoring them once divided by zero (a crash in the storing transaction)
    day = date(2023, 1, 10)
    ccdi = report_features(
        "中国共产党第二十届中央纪律检查委员会第二次全体会议公报", CCDI_2023, day, ROSTER
    )
    thanks = report_features("新华社北京3月23日电", THANKS_2023, day, ROSTER)
    assert 0.0 <= score(ccdi, thanks).score <= 1.0
    assert 0.0 <= score(thanks, ccdi).score <= 1.0


def test_a_titles_numbers_that_are_no_dates_are_kept_in_any_language() -> None:
    day = date(2021, 10, 9)
    zh = report_features("纪念辛亥革命110周年大会9日上午在北京人民大会堂隆重举行", "", day, ROSTER)
    en = report_features(
        "Xi Jinping delivers an important speech at the 110th anniversary of the Xinhai "
        "Revolution in Beijing, Oct. 9, 2021",
        "",
        day,
        ROSTER,
    )
    assert zh.marks == en.marks == ("110",)
    assert type(zh).from_json(zh.to_json()) == zh
