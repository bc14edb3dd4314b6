"""Round 24 (branch issue-conv24): the wordings round 24's blind collectors were unsure of,
settled by count (LABELLING.md, "Wordings settled by count (round 24)"). The dev labels follow
each settled rule in the reports that had contradicted it, the majority reports are unchanged,
the pairs of the relabelled reports expect alike, and bench/people_conv24.py finds the wordings
in real dev excerpts."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.dev_reports import dev_report

ROOT = Path(__file__).resolve().parents[2]
NOTE = "Relabelled round 24 (conv24)"


def _roles(report: dict, name: str) -> set[str]:
    return {p["role"] for p in report["people"] if p["name"] == name}


def test_an_officiant_presides() -> None:
    # agency_en-t23a41 (round 43): "Communications Minister Datuk Fahmi Fadzil, who officiated"
    report = dev_report("agency_en.round43.toml", "agency_en-t23a41")
    assert _roles(report, "Fahmi Fadzil") == {"presided"}
    assert NOTE in report["notes"]
    # "arrived at the event venue" keeps attended (agency_en-t23a43)
    report = dev_report("agency_en.round43.toml", "agency_en-t23a43")
    assert _roles(report, "Anwar Ibrahim") == {"attended", "presided"}
    # 出席…的主禮嘉賓有 (zh_hant-t908, round 16)
    assert _roles(dev_report("zh_hant.round16.toml", "zh_hant-t908"), "袁武") == {
        "attended",
        "presided",
    }
    # the majority, unchanged: 以主礼嘉宾身份出席 (zh_cn-t11z12, round 20)
    assert _roles(dev_report("zh_cn.round20.toml", "zh_cn-t11z12"), "张晓明") == {
        "attended",
        "presided",
    }


def test_the_receiver_of_credentials_presides() -> None:
    report = dev_report("agency_en.round43.toml", "agency_en-t23e15")
    assert _roles(report, "William Ruto") == {"presided"}
    assert NOTE in report["notes"]
    assert _roles(dev_report("agency_en.round43.toml", "agency_en-t23e14"), "William Ruto") == {
        "presided",
        "spoke",
    }
    assert _roles(dev_report("xinhua_en.round19.toml", "xinhua_en-r10v05"), "Xi Jinping") == {
        "presided"
    }
    # the majority, unchanged (zh_cn-t509, round 8)
    assert _roles(dev_report("zh_cn.round8.toml", "zh_cn-t509"), "习近平") == {"presided"}


def test_a_celebrant_presides_and_a_plain_introduction_is_no_speech() -> None:
    assert _roles(dev_report("de.round37.toml", "de-r19v02"), "Josef Schranner") == {
        "presided",
        "spoke",
    }
    assert _roles(dev_report("de.round13.toml", "de-t815"), "Christian Sekli") == {"attended"}
    assert _roles(dev_report("de.round11.toml", "de-v1003"), "Sebastian F. Shaw") == {"attended"}
    assert _roles(dev_report("mt_en.round22.toml", "mt_en-t12e25"), "Luo Huining") == {"attended"}


def test_greeters_and_hosts_of_a_group() -> None:
    report = dev_report("zh_hant.round36.toml", "zh_hant-t19z24")
    assert _roles(report, "李驍東") == {"attended"}
    assert _roles(dev_report("de.round8.toml", "de-t501"), "Wolfgang Schneiderhan") == {"presided"}
    # a guest's greeting after the board's words stays spoke (de-r10v01, round 19)
    assert _roles(dev_report("de.round19.toml", "de-r10v01"), "Walter Nussel") == {"spoke"}
    assert _roles(dev_report("zh_hant.round24.toml", "zh_hant-t13y05"), "陳永康") == {
        "presided",
        "spoke",
    }
    assert _roles(dev_report("zh_hant.round42.toml", "zh_hant-t22y16"), "許玉昭") == {
        "attended",
        "presided",
    }


def test_the_pairs_of_relabelled_reports() -> None:
    pairs = ROOT / "bench" / "data" / "people" / "pairs"
    sep = tomllib.loads((pairs / "r23_t23e_ruto2025sep_role_reshuffle.toml").read_text("utf-8"))
    assert sep["pair"][0]["role_changes"] == []
    meeting = tomllib.loads(
        (pairs / "r19_t19z_shtp2025_meeting_cross_outlet.toml").read_text("utf-8")
    )
    assert meeting["pair"][0]["added"] == ["朱民", "李驍東"]
    assert "吳偉" not in meeting["pair"][0]["removed"]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("people_conv24")


def _matches(tool: ModuleType, wording: str, lang: str, text: str) -> bool:
    return any(p.search(text) for wl, p in tool.WORDINGS[wording][1] if wl == lang)


def test_the_wordings_match_real_excerpts(tool: ModuleType) -> None:
    # agency_en-t23a43, scraped-t23a18 (round 43)
    assert _matches(tool, "officiate", "en", "has arrived at a hotel here to officiate at")
    assert _matches(tool, "officiate", "en", "The event was officiated by Communications Minister")
    # agency_en-t23e05 (round 43), zh_cn-t509 (round 8), de-t606 (round 9)
    assert _matches(tool, "credence", "en", "has officially received the credentials of five")
    assert _matches(tool, "credence", "zh", "在人民大会堂接受19国新任驻华大使递交国书")
    assert _matches(tool, "credence", "de", "nahm er die Beglaubigungsschreiben entgegen")
    # de-t710 (round 12), de-r19v02 (round 37)
    assert _matches(tool, "liturgy", "de", "Hauptzelebrant und Prediger war Bischof Scheele")
    assert _matches(tool, "liturgy", "de", "beim festlichen Gottesdienst, zelebriert von Pfarrer")
    # de-t23g14 (round 43)
    assert _matches(tool, "reading", "de", "Schriftführer Hans-Dieter Ruß verlas das Protokoll")
    # zh_hant-t19z24 (round 36), de-t501 (round 8)
    assert _matches(tool, "greet_arrival", "zh", "以及市台办副主任李骁东亲自接机")
    assert _matches(tool, "greet_arrival", "de", "Wolfgang Schneiderhan begrüßte die Gäste.")
    # de-t815 (round 13)
    assert _matches(tool, "introduced", "de", "Erich Ganster stellten das Projekt vor")
    # zh_hant-t23z17 (round 43)
    assert _matches(tool, "received_by", "zh", "受到街总会长吴小丽、副会长何润生等的热情接见")
    # controls: a credence-free "received" (agency_en-t10e10) and a plain "sang" are not these
    assert not _matches(tool, "credence", "en", "he was received by Maxim Oreshkin")
    assert not _matches(tool, "reading", "de", "sang der Landesjugendchor")


def test_the_tool_counts_credence(tool: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    tool.count("credence", None, False, False)
    out = capsys.readouterr().out
    assert "credence blind presided" in out
