"""Round 19 (branch issue-label19): wordings labelled two ways, settled by count (LABELLING.md,
"Wordings settled by count (round 19)"). The dev labels follow each settled rule in the reports
that had contradicted it, and bench/people_conv19.py finds the wordings in real dev excerpts."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "data" / "people" / "dev"

# hosts of a received guest whose talks the text tells: now `attended` as well as `presided`
HOSTS = {
    "de-t10z16": ("de.round18.toml", "Xi Jinping"),
    "de-t10z20": ("de.round18.toml", "Frank-Walter Steinmeier"),
    "de-t15z14": ("de.round28.toml", "Alexander Van der Bellen"),
    "de-t15y02": ("de.round28.toml", "Franziskus"),
    "de-r15v01": ("de.round29.toml", "Markus Söder"),
    "de-t17g02": ("de.round32.toml", "Donald Trump"),
    "de-t206": ("de.round5.toml", "Angela Merkel"),
    "de-t403": ("de.round7.toml", "Angela Merkel"),
    "de-t414": ("de.round7.toml", "Angela Merkel"),
    "de-t410": ("de.round7.toml", "Doris Leuthard"),
    "mt_en-t18a13": ("mt_en.round34.toml", "Nouri al-Maliki"),
    "de-r403": ("de.round4.toml", "Manuela Schwesig"),
    "de-r404": ("de.round4.toml", "Christine Lieberknecht"),
}
# names whose honorific the labels now drop: report -> (file, names now, names before)
NAMES = {
    "mt_en-r18v01": (
        "mt_en.round35.toml",
        ["Isham Ishak", "Zainuddin Yahya", "Baroness Fairhead"],
        ["Datuk Isham Ishak", "Dato’ Zainuddin Yahya"],
    ),
    "agency_en-t16a33": (
        "agency_en.round30.toml",
        ["Mohammed bin Abdulrahman bin Jassim Al Thani"],
        ["Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani"],
    ),
    "agency_en-t17a07": (
        "agency_en.round32.toml",
        ["Shahabuddin Delawar"],
        ["Sheikh Shahabuddin Delawar"],
    ),
}


def _report(path: str, report_id: str) -> dict:
    reports = tomllib.loads((DEV / path).read_text(encoding="utf-8"))["report"]
    (report,) = [r for r in reports if r["id"] == report_id]
    return report


@pytest.mark.parametrize("report_id", sorted(HOSTS))
def test_a_host_whose_talks_are_told_attends(report_id: str) -> None:
    path, host = HOSTS[report_id]
    report = _report(path, report_id)
    roles = {p["role"] for p in report["people"] if p["name"] == host}
    assert {"presided", "attended"} <= roles
    assert "Round 19 (label19)" in report["notes"]


def test_the_others_meeting_the_press_attend() -> None:
    report = _report("scraped.round7.toml", "scraped-t405")
    roles = {(p["name"], p["role"]) for p in report["people"]}
    assert ("习近平", "presided") in roles
    for name in ["李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希"]:
        assert (name, "attended") in roles
        assert (name, "presided") not in roles
    assert "Round 19 (label19)" in report["notes"]


@pytest.mark.parametrize("report_id", sorted(NAMES))
def test_honorifics_are_no_part_of_the_name(report_id: str) -> None:
    path, now, before = NAMES[report_id]
    report = _report(path, report_id)
    labelled = {p["name"] for p in report["people"]}
    assert set(now) <= labelled
    assert not labelled & set(before)
    assert "Round 19 (label19)" in report["notes"]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("people_conv19")


def test_the_wordings_match_real_excerpts(tool: ModuleType) -> None:
    # scraped-t752 (round 12), xinhua_en-t612 (round 9), zh_cn-t207 (round 5)
    assert tool.PRESS["zh"].search(
        "李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希在北京人民大会堂同中外记者亲切见面"
    )
    assert tool.PRESS["zh"].search("李家超与林郑月娥早上一同在政府总部会见记者后")
    assert tool.PRESS["en"].search("Cai Qi, Ding Xuexiang and Li Xi met the press on Oct 23.")
    # a press meeting still to come, a custom (none-t16y07, scraped-t18g09), a TV programme
    assert tool.PRESS_NOT.search("新一届中央政治局常委将同中外记者见面")
    assert tool.PRESS_NOT.search("形成新一届领导团队与中外记者见面的惯例")
    assert not tool.PRESS["en"].search('in an interview with NBC News\' "Meet the Press" program')
    # agency_en-t18a40 (round 34), de-t18g37 (round 34): received, and the talks told
    assert tool.RECEIVED["en"].search("Serdar Berdimuhamedov received Secretary General")
    assert tool.TALK["en"].search("the parties discussed the coordination of efforts")
    assert tool.RECEIVED["de"].search("hat Bundeskanzler Olaf Scholz (SPD) den ... empfangen")
    assert tool.TALK["de"].search("Zu den Gesprächsinhalten wurde zunächst nichts mitgeteilt.")
    # control: an honour received is no guest received (kremlin_en-t212, round 5)
    assert not tool.RECEIVED["en"].search("Podzerakin received the Order of Courage")


def test_every_host_sighting_was_read(tool: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    tool.host(False)
    assert "not read by hand" not in capsys.readouterr().out
