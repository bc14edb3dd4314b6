"""Round 23 (branch issue-conv23): the questions round 22's blind collectors left open, settled by
count (LABELLING.md, "Wordings settled by count (round 23)"). The dev labels follow each settled
rule in the reports that had contradicted it, the majority reports are unchanged, and
bench/people_conv23.py finds the wordings in real dev excerpts."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.dev_reports import dev_report

ROOT = Path(__file__).resolve().parents[2]
NOTE = "Relabelled round 23 (conv23)"


def _roles(report: dict, name: str) -> set[str]:
    return {p["role"] for p in report["people"] if p["name"] == name}


def test_relaying_is_no_speech() -> None:
    # zh_cn-t808 (round 13): "区委副书记、政法委书记李文起传达了市委十一届十次全会精神。"
    report = dev_report("zh_cn.round13.toml", "zh_cn-t808")
    assert _roles(report, "李文起") == {"attended"}
    assert NOTE in report["notes"]
    report = dev_report("scraped.round34.toml", "scraped-t18g14")
    assert _roles(report, "罗强") == {"attended"}
    assert _roles(report, "李伊林") == {"presided"}
    assert _roles(dev_report("zh_cn.round24.toml", "zh_cn-t13z16"), "晏玉峰") == {"attended"}
    # the majority, unchanged (zh_cn-t21z18, round 40), and a report of one's own stays spoke
    # (zh_cn-v1010, round 11: "报告中，他…")
    assert _roles(dev_report("zh_cn.round40.toml", "zh_cn-t21z18"), "杨茂荣") == {"attended"}
    assert _roles(dev_report("zh_cn.round11.toml", "zh_cn-v1010"), "胡卫") == {"spoke"}


def test_a_delegation_led_by_a_named_person_is_met_by_a_chair() -> None:
    # xinhua_en-t14x07 (round 26): "met with a delegation of the New Zealand National Party led
    # by President Peter Goodfellow"; zh_cn-t10z11 (round 18): 会见了以…早川吉秀为团长的…代表团一行
    report = dev_report("xinhua_en.round26.toml", "xinhua_en-t14x07")
    assert _roles(report, "Li Yuanchao") == {"presided"}
    assert _roles(report, "Peter Goodfellow") == {"attended"}
    assert NOTE in report["notes"]
    assert _roles(dev_report("zh_cn.round18.toml", "zh_cn-t10z11"), "孙永波") == {"presided"}
    # talks told in words of their own keep attended (zh_hant-v1302, round 14: 雙方…深入交流)
    assert _roles(dev_report("zh_hant.round14.toml", "zh_hant-v1302"), "張曉明") == {
        "attended",
        "presided",
    }
    # one pair, both copies alike (pair-t19z-helifeng_smith2025)
    assert _roles(dev_report("xinhua_en.round36.toml", "xinhua_en-t19z05"), "He Lifeng") == {
        "presided"
    }
    assert _roles(dev_report("zh_hant.round36.toml", "zh_hant-t19z34"), "何立峰") == {"presided"}
    # the majority, unchanged: agency_en-t17a29 (round 32)
    report = dev_report("agency_en.round32.toml", "agency_en-t17a29")
    assert _roles(report, "Ilham Aliyev") == {"presided"}


def test_a_named_person_and_party_is_a_meeting_between_people() -> None:
    # scraped-r17v12 (round 33): 徐立毅會見了亨利·凱瑟克爵士…一行
    report = dev_report("scraped.round33.toml", "scraped-r17v12")
    assert _roles(report, "徐立毅") == {"attended"}
    assert NOTE in report["notes"]
    # the majority, unchanged: zh_cn-t12z29 (round 22), 梁保华…会见了…艾立克森一行
    assert _roles(dev_report("zh_cn.round22.toml", "zh_cn-t12z29"), "梁保华") == {"attended"}


def test_administering_an_oath_attends() -> None:
    # agency_en-t316 (round 6): "Jagdish Mukhi administered the oath of office to Prof. ..."
    report = dev_report("agency_en.round6.toml", "agency_en-t316")
    assert _roles(report, "Jagdish Mukhi") == {"attended"}
    assert NOTE in report["notes"]
    # one ceremony in two languages (pair-r3-kurz-swearing-in-en-de), relabelled alike
    for file, rid in (("de.round6.toml", "de-t313"), ("agency_en.round6.toml", "agency_en-t321")):
        assert _roles(dev_report(file, rid), "Alexander Van der Bellen") == {"attended"}
    # the majority, unchanged: xinhua_en-t22e02 (round 42), de-v1303 (round 14)
    assert _roles(dev_report("xinhua_en.round42.toml", "xinhua_en-t22e02"), "Li Keqiang") == {
        "attended"
    }
    assert _roles(dev_report("de.round14.toml", "de-v1303"), "Ambrosy") == {"attended"}


def test_performers_attend() -> None:
    # de-t501 (round 8): "sang der Landesjugendchor ... unter Leitung von Chordirigentin Lea
    # Vosgerau"; zh_hant-r316 (round 3): 邱舒現場演唱
    report = dev_report("de.round8.toml", "de-t501")
    assert _roles(report, "Lea Vosgerau") == {"attended"}
    assert NOTE in report["notes"]
    assert _roles(dev_report("zh_hant.round3.toml", "zh_hant-r316"), "邱舒") == {"attended"}
    # the majority, unchanged: de-t15z04 (round 28), "Als Überraschungsgast trat ... auf"
    assert _roles(dev_report("de.round28.toml", "de-t15z04"), "Vicky Leandros") == {"attended"}


def test_an_earlier_occasion_told_as_done_is_labelled() -> None:
    # agency_en-t20a50 (round 38): "since June 2014, when then chief executive Leung Chun-ying met
    # visiting Taipei mayor Hau Lung-bin"; its pair expects both added
    report = dev_report("agency_en.round38.toml", "agency_en-t20a50")
    assert _roles(report, "Leung Chun-ying") == {"attended"}
    assert _roles(report, "Hau Lung-bin") == {"attended"}
    path = ROOT / "bench/data/people/pairs/r20_t20a_hankuoyu_lunch2019_spelling.toml"
    pair = tomllib.loads(path.read_text(encoding="utf-8"))["pair"][0]
    assert {"Leung Chun-ying", "Hau Lung-bin"} <= set(pair["added"])
    # the majority, unchanged: de-t17g14 (round 32), "Steinmeier hatte zuvor mit ... gesprochen"
    assert _roles(dev_report("de.round32.toml", "de-t17g14"), "Dmitri Medwedew") == {"attended"}


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("people_conv23")


def _matches(tool: ModuleType, wording: str, lang: str, text: str) -> bool:
    return any(p.search(text) for wl, p in tool.WORDINGS[wording][1] if wl == lang)


def test_the_wordings_match_real_excerpts(tool: ModuleType) -> None:
    # xinhua_en-t19z05 (round 36): a dotted word before "delegation"
    assert _matches(
        tool,
        "delegation",
        "en",
        "He Lifeng meets with a U.S. congressional delegation led by Representative Adam Smith",
    )
    # de-t312 (round 6), agency_en-t321 (round 6)
    assert _matches(
        tool, "oath_admin", "de", "von Bundespräsident Alexander Van der Bellen vereidigt"
    )
    assert _matches(
        tool, "oath_admin_by", "en", "The Cabinet sworn in by President Alexander Van der Bellen"
    )
    # zh_cn-t10z21 (round 18), de-t15z04 (round 28)
    assert _matches(tool, "performers", "zh", "王宇哲演唱的《敕勒歌》")
    assert _matches(
        tool,
        "performers",
        "de",
        "Als Überraschungsgast trat auf der Bühne im Kaisersaal Vicky Leandros auf",
    )
    # zh_cn-t21z02 (round 40)
    assert _matches(tool, "answered", "zh", "并与水利部副部长陈敏、相关司局负责人回答记者提问")
    # controls: a German "nahm ... teil" is no oath (de-t502, round 8)
    assert not _matches(tool, "oath_admin", "de", "nahmen stellvertretend an der Feierstunde teil")


def test_the_tool_counts_relaying(tool: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    tool.count("chuanda", None, False, False)
    out = capsys.readouterr().out
    assert "chuanda blind attended" in out
