"""Round 22 (branch issue-conv22): wordings labelled two ways, settled by count (LABELLING.md,
"Wordings settled by count (round 22)"). The dev labels follow each settled rule in the reports
that had contradicted it, and bench/people_conv22.py finds the wordings in real dev excerpts."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.dev_reports import dev_report

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "data" / "people" / "dev"


def _roles(report: dict, name: str) -> set[str]:
    return {p["role"] for p in report["people"] if p["name"] == name}


def test_the_one_sworn_in_attends() -> None:
    # xinhua_en-t904 (round 16): "Donald Tsang Yam-kuen took his oath of office ... before
    # Chinese Premier Wen Jiabao"; zh_hant-t19z31 (round 36): "朱立倫正式宣誓就職", then 致詞
    for rid in ("xinhua_en-t904", "xinhua_en-t905"):
        report = dev_report("xinhua_en.round16.toml", rid)
        assert _roles(report, "Donald Tsang Yam-kuen") == {"attended"}
        assert "Round 22 (conv22)" in report["notes"]
    assert _roles(dev_report("zh_hant.round36.toml", "zh_hant-t19z31"), "朱立倫") == {
        "attended",
        "spoke",
    }
    # the majority, unchanged: zh_cn-t15z04 (round 28), the same 2005 ceremony in Chinese
    report = dev_report("zh_cn.round28.toml", "zh_cn-t15z04")
    assert "attended" in _roles(report, "曾荫权")
    assert _roles(report, "温家宝") == {"attended"}


def test_administering_an_oath_is_no_chair() -> None:
    # scraped-r15v05, -r15v06 (round 29): "在特區行政長官林鄭月娥監誓下"; zh_hant-r15v02 (round 29)
    for rid in ("scraped-r15v05", "scraped-r15v06"):
        report = dev_report("scraped.round29.toml", rid)
        assert _roles(report, "林鄭月娥") == {"attended"}
        assert "Round 22 (conv22)" in report["notes"]
    report = dev_report("zh_hant.round29.toml", "zh_hant-r15v02")
    assert _roles(report, "習近平") == {"attended"}
    assert _roles(report, "李家超") == {"attended"}
    # a chairing word of the overseer's own still presides: zh_hant-v1005 (round 11), "擔任主持、
    # 監誓及監交人"
    assert "presided" in _roles(dev_report("zh_hant.round11.toml", "zh_hant-v1005"), "李永得")


def test_opening_a_sitting_presides() -> None:
    # de-r20v08 (round 39): "Der BM, Herr Vitense, eröffnet die Sitzung"
    assert _roles(dev_report("de.round39.toml", "de-r20v08"), "Vitense") == {"presided"}
    assert _roles(dev_report("de.round35.toml", "de-r18v05"), "Hans Roßmann") == {"presided"}
    assert _roles(dev_report("de.round32.toml", "de-t17g11"), "Thilo Kraus") == {"presided"}
    report = dev_report("agency_en.round30.toml", "agency_en-t16e02")
    assert _roles(report, "Zhao Leji") == {"attended", "presided"}
    assert _roles(dev_report("agency_en.round40.toml", "agency_en-t21a45"), "Mehmet Duman") == {
        "present",
        "presided",
    }
    # the majority, unchanged (de-r14v01, round 27), and an event opened stays attended
    # (de-t13z01, round 24: "Erwin Pröll eröffnet die Landesausstellung")
    assert _roles(dev_report("de.round27.toml", "de-r14v01"), "Schmidt") == {"presided"}
    assert _roles(dev_report("de.round24.toml", "de-t13z01"), "Erwin Pröll") == {"attended"}


def test_a_surveys_leader_attends() -> None:
    # xinhua_en-t12e01 (round 22): "Wang Yang made an inspection tour in Xinjiang"
    assert _roles(dev_report("xinhua_en.round22.toml", "xinhua_en-t12e01"), "Wang Yang") == {
        "presided",
        "attended",
    }
    assert _roles(dev_report("zh_hant.round27.toml", "zh_hant-r14v03"), "夏寶龍") == {"attended"}


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("people_conv22")


def _matches(tool: ModuleType, wording: str, lang: str, text: str) -> bool:
    return any(p.search(text) for wl, p in tool.WORDINGS[wording][1] if wl == lang)


def test_the_wordings_match_real_excerpts(tool: ModuleType) -> None:
    # agency_en-t321 (round 6), zh_cn-t208 (round 5, simplified as the tool reads it)
    assert _matches(tool, "oath", "en", "Conservative Sebastian Kurz was sworn in Tuesday")
    assert _matches(tool, "oath_admin", "zh", "习近平走上主席台监誓,澳门特别行政区第六任行政长官")
    # de-r14v06 (round 27), zh_cn-t716 (round 12), xinhua_en-t919 (round 16)
    assert _matches(tool, "opened", "de", "Bürgermeister Rüdiger Gerst eröffnet die Sitzung")
    assert _matches(tool, "inspection", "zh", "民进省委会主委蔡秀军到省教育厅调研。")
    assert _matches(
        tool, "video", "en", "Chinese President Xi Jinping on February 3 delivered a video address"
    )
    # zh_cn-t508 (round 8): a couple hosting; de-t21g03 (round 40): the minutes read out
    assert _matches(
        tool, "couple_host", "zh", "国家主席习近平和夫人彭丽媛9日晚在人民大会堂举行宴会"
    )
    assert _matches(tool, "verlas", "de", "verlas Schriftführer Andreas Drenda das Protokoll")
    # controls: a meeting held via videoconference is no video message (kremlin_en-t815)
    assert not _matches(
        tool, "video", "en", "Vladimir Putin had a meeting, via videoconference, with Head of"
    )


def test_the_tool_counts_video_speeches(
    tool: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    tool.count("video", None, False, False)
    out = capsys.readouterr().out
    assert "video blind spoke" in out
