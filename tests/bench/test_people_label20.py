"""Round 20 (branch issue-label20): wordings labelled two ways, settled by count (LABELLING.md,
"Wordings settled by count (round 20)"). The dev labels follow each settled rule in the reports
that had contradicted it, and bench/people_conv20.py finds the wordings in real dev excerpts."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "data" / "people" / "dev"


def _report(path: str, report_id: str) -> dict:
    reports = tomllib.loads((DEV / path).read_text(encoding="utf-8"))["report"]
    (report,) = [r for r in reports if r["id"] == report_id]
    return report


def _roles(report: dict, name: str) -> set[str]:
    return {p["role"] for p in report["people"] if p["name"] == name}


def test_reading_out_a_decision_is_no_speech() -> None:
    # zh_cn-t13z16 (round 24): "副镇长王迪宣读了表彰决定"
    report = _report("zh_cn.round24.toml", "zh_cn-t13z16")
    assert _roles(report, "王迪") == {"attended"}
    assert "Round 20 (label20)" in report["notes"]
    # the rule's majority, unchanged: zh_cn-t11z19 (round 20), "张又侠宣读了…晋升上将军衔命令"
    assert "spoke" not in _roles(_report("zh_cn.round20.toml", "zh_cn-t11z19"), "张又侠")


def test_one_person_holding_a_press_conference_presides() -> None:
    # zh_hant-t13z03 (round 24): "苗栗縣長徐耀昌…8日舉行記者會向鄉親報告施政成果"
    report = _report("zh_hant.round24.toml", "zh_hant-t13z03")
    assert _roles(report, "徐耀昌") == {"presided", "spoke"}
    assert "Round 20 (label20)" in report["notes"]
    # the majority, unchanged: zh_hant-v1306 (round 14), "宜蘭縣長林姿妙今天舉辦就職3周年記者會"
    assert "presided" in _roles(_report("zh_hant.round14.toml", "zh_hant-v1306"), "林姿妙")


def test_round_19s_host_rule_holds_on_rounds_36_and_37() -> None:
    # de-t19g19 (round 36): talks told ("zogen sich die beiden Präsidenten zu einem Gespräch
    # zurück"); de-t19g22 (round 36): talks only "geplant"
    assert _roles(_report("de.round36.toml", "de-t19g19"), "Frank-Walter Steinmeier") == {
        "presided",
        "attended",
    }
    assert _roles(_report("de.round36.toml", "de-t19g22"), "Frank-Walter Steinmeier") == {
        "presided"
    }


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("people_conv20")


def _matches(tool: ModuleType, wording: str, lang: str, text: str) -> bool:
    return any(p.search(text) for wl, p in tool.WORDINGS[wording][1] if wl == lang)


def test_the_wordings_match_real_excerpts(tool: ModuleType) -> None:
    # zh_cn-t19z33 (round 36), zh_cn-t13z16 (round 24): reading out
    assert _matches(tool, "xuandu", "zh", "工委副书记董建华宣读了《关于天津市滨海新区…的通知》")
    # zh_hant-t13z03 (round 24, simplified as the tool reads it), zh_hant-t707 (round 12)
    assert _matches(
        tool, "press_lead", "zh", "苗栗县长徐耀昌2届8年任期将届满,今天举行记者会向乡亲报告"
    )
    assert _matches(tool, "press_lead", "zh", "准台中市新闻局长吴皇升19日上午在市政公园召开记者会")
    # zh_cn-t409 (round 7): explaining; zh_hant-t409 (round 7): officiating guests as a noun
    assert _matches(tool, "shuoming", "zh", "省委常委、省委组织部部长张伟作关于人事安排的说明。")
    assert _matches(tool, "zhuli", "zh", "出席主礼嘉宾有民政事务总署署长张赵凯渝")
    # agency_en-t19a31 (round 36), zh_cn-r17v03 (round 33): a delegation led by a named person
    assert _matches(
        tool,
        "delegation",
        "en",
        "Foreign Minister Jeyhun Bayramov met with a delegation led by Secretary-General",
    )
    assert _matches(
        tool,
        "delegation",
        "zh",
        "全国政协主席俞正声22日在北京会见了饶颖奇率领的台湾民意代表交流参访团",
    )
    # zh_cn-t806 (round 13): executive chairs seated
    assert _matches(tool, "exec_chair", "zh", "大会执行主席王志宏、张焕伦在主席台前排就座。")
    # controls: a plain mention of a press conference (zh_hant-t19z29's spokesperson only
    # introduces), an oath is still 宣读 (counted, read apart by hand)
    assert not _matches(tool, "press_lead", "zh", "发言人何咏前在记者会上介绍")


def test_the_tool_counts_the_settled_wordings(
    tool: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    tool.count("shuoming", False, False)
    out = capsys.readouterr().out
    assert "shuoming blind spoke" in out
    assert "no spoke" not in out
