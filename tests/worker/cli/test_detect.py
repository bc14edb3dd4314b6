"""`wirediff compare`, `diff` and `changes` through the real CLI (click's CliRunner), on the
seed report, on bad input and on a store filled by a real pass against a local HTTP server."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from storage.feeds import FeedSpec
from tests.support.farm import REPORT, Farm
from tests.worker.pipeline.test_refresh import _Sink, make_runtime
from worker.cli import cli
from worker.errors import ConfigError
from worker.output.console import Console
from worker.service.app import sync_feeds
from worker.service.passes import one_pass
from worker.service.seeds import load_roster

DATA = Path(__file__).parents[2] / "data"
SEED = DATA / "people" / "seed_report.txt"

EN = (
    "Central Foreign Affairs Work Conference held in Beijing\n\n"
    "Beijing, 28 Dec (Xinhua) -- Xi Jinping attended the conference and delivered an important "
    "speech. The conference was presided over by Li Qiang. Zhao Leji, Wang Huning, Cai Qi, Ding Xuexiang, Li Xi "
    "and Han Zheng attended the meeting.\n"
)
ZH = (
    "中央外事工作会议在北京举行\n\n"
    "新华社北京12月28日电 中央外事工作会议12月27日至28日在北京举行。习近平出席会议并发表重要讲话。"
    "李强主持会议。赵乐际、王沪宁、蔡奇、丁薛祥、李希、韩正出席会议。\n"
)

TW = "行政院會今天舉行\n\n中央社台北電 行政院長卓榮泰今天主持行政院會，副院長鄭麗君、秘書長龔明鑫出席。\n"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def lines(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_compare_the_seed_report_alone_flags_the_name_variant_and_the_date() -> None:
    result = invoke("compare", "--json", str(SEED))
    assert result.exit_code == 0, result.output
    (report,) = lines(result)
    assert report["type"] == "report"
    roles = {(p["name"], p["role"]) for p in report["people"]}
    assert {("Xi Jinping", "spoke"), ("Li Qiang", "presided"), ("Zhao Leji", "attended")} <= roles
    kinds = {f["kind"]: f for f in report["findings"]}
    variants = kinds["attendees"]["detail"]["attendees"]["variants"]
    assert {"before": ["Cai Qiding", "Xue Xiang"], "after": ["Cai Qi", "Ding Xuexiang"]} in variants
    assert kinds["date"]["detail"]["problem"] == "range_reversed"


def test_compare_two_versions_in_one_language_gives_wording_edits(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(EN, "utf-8")
    b.write_text(EN.replace("important speech", "keynote speech"), "utf-8")
    result = invoke("compare", "--json", str(a), str(b))
    assert result.exit_code == 0, result.output
    event = lines(result)[-1]
    assert event["kind"] == "wording"
    edits = event["wording"]["edits"]
    assert [(e["before"], e["after"]) for e in edits] == [("important", "keynote")]


def test_compare_english_with_chinese_matches_names_across_scripts(tmp_path: Path) -> None:
    a, b = tmp_path / "en.txt", tmp_path / "zh.txt"
    a.write_text(EN, "utf-8")
    b.write_text(ZH, "utf-8")
    result = invoke("compare", "--json", str(a), str(b))
    assert result.exit_code == 0, result.output
    reports, event = lines(result)[:2], lines(result)[-1]
    assert [r["language"] for r in reports] == ["en", "zh"]
    assert "蔡奇" in {p["name"] for p in reports[1]["people"]}
    assert event["summary"] == "the two texts agree"  # same people; a translation is no edit


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"   \n\n", "empty"), (b"\x00\x01\x02PNG\x00" * 50, "binary")],
)
def test_compare_bad_files_give_a_one_line_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["compare", str(path)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_compare_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_compare_reads_chinese_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    text = ZH if encoding == "gb18030" else TW
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = invoke("compare", "--json", str(path))
    assert result.exit_code == 0, result.output
    (report,) = lines(result)
    assert report["language"] == "zh"
    leader = "李强" if encoding == "gb18030" else "卓榮泰"
    assert any(p["name"] == leader and p["role"] == "presided" for p in report["people"])


def test_compare_text_without_people_and_with_hundreds_of_names(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("The weather was mild. Rain is expected on Friday.\n", "utf-8")
    result = invoke("compare", "--json", str(plain))
    assert result.exit_code == 0 and lines(result)[0]["people"] == []

    given = ["Anna", "Boris", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana", "Ivan", "Jana"]
    family = ["Adler", "Berg", "Cole", "Dahl", "Eck", "Frey", "Gray", "Holt", "Ivers", "Jung"]
    names = [f"{g} {f}{n}" for n in range(3) for g in given for f in family]
    many = tmp_path / "many.txt"
    many.write_text("Attending the meeting were " + ", ".join(names) + ".\n", "utf-8")
    result = invoke("compare", "--json", str(many))
    assert result.exit_code == 0
    assert len(lines(result)[0]["people"]) == len(names) == 300


def test_compare_a_five_megabyte_text_finishes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = " ".join(REPORT) + "\n\n"
    big.write_text(paragraph * (5_000_000 // len(paragraph) + 1), "utf-8")
    assert big.stat().st_size >= 5_000_000
    result = CliRunner().invoke(cli, ["compare", "--json", str(big)])
    assert result.exit_code in (0, 2) and "Traceback" not in result.output
    assert len(result.output.splitlines()) >= 1


# ---- diff and changes on a store filled by a real pass -----------------------------------


@pytest.fixture
def filled(db_url: str, server) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    farm = Farm(server)
    farm.add_page("/news/1.html", "Report 1", ["Item <1> & more.", *REPORT])
    farm.add_feed("/rss.xml", ["/news/1.html"])
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    console = Console(as_json=True, stream=_Sink())
    asyncio.run(one_pass(rt, None, console))
    page = farm.pages["/news/1.html"]
    page.paragraphs[2] = page.paragraphs[2].replace("Li Qiang, Zhao Leji, ", "Li Qiang, ")
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    farm.descriptions["/news/1.html"] = "updated"
    asyncio.run(one_pass(rt, None, console))
    return db_url, server.url("/news/1.html")


def test_diff_text_html_and_json(filled: tuple[str, str]) -> None:
    db, url = filled
    text = invoke("diff", "--db", db, url)
    assert text.exit_code == 0, text.output
    assert "4.9" in text.output and "5.2" in text.output

    html = invoke("diff", "--db", db, url, "--format", "html")
    assert "</del>" in html.output and "</ins>" in html.output
    assert "&lt;1&gt; &amp; more" in html.output and "<1>" not in html.output

    (event,) = lines(invoke("diff", "--db", db, url, "--format", "json"))
    assert event["kind"] == "attendees" and event["attendees"]["removed"] == ["Zhao Leji"]
    assert (event["from_version"], event["to_version"]) == (1, 2)


def test_diff_unknown_url_and_versions_are_clear_errors(filled: tuple[str, str]) -> None:
    db, url = filled
    result = CliRunner().invoke(cli, ["diff", "--db", db, url + "x"])
    assert result.exit_code == 2 and "no stored report" in result.output
    result = CliRunner().invoke(cli, ["diff", "--db", db, url, "--from", "7", "--to", "9"])
    assert result.exit_code == 2 and "not both stored" in result.output


def test_changes_kind_since_and_json(filled: tuple[str, str]) -> None:
    db, url = filled
    (event,) = lines(invoke("changes", "--db", db, "--json"))
    assert event["kind"] == "attendees" and event["article"]["url"] == url
    assert lines(invoke("changes", "--db", db, "--json", "--kind", "attendees")) == [event]
    assert lines(invoke("changes", "--db", db, "--json", "--kind", "title")) == []
    assert lines(invoke("changes", "--db", db, "--json", "--since", "1h")) == [event]
    assert lines(invoke("changes", "--db", db, "--json", "--since", "2999-01-01")) == []
    bad = CliRunner().invoke(cli, ["changes", "--db", db, "--since", "yesterday-ish"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "an ISO time (2026-11-28" in bad.output and bad.output.count("\n") == 1


def test_changes_in_text_show_when_where_and_the_edits_themselves(filled: tuple[str, str]) -> None:
    db, url = filled
    human = invoke("changes", "--db", db).output.splitlines()
    assert human[-1] == "1 change"
    assert any(url in line and "v1 -> v2" in line and "feed Test" in line for line in human)
    assert any("detected " in line and " UTC" in line for line in human)
    # the edits, before -> after, each with its sentence
    assert any("[-5.2-]{+4.9+}" in line for line in human), human
    assert any(line.strip().startswith("in: ") and "4.9 percent" in line for line in human)
    assert any("people removed: Zhao Leji" in line for line in human)


def test_compare_in_text_shows_the_edits(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(EN)
    b.write_text(EN.replace("Cai Qi, Ding Xuexiang", "Cai Qiding, Xue Xiang"))
    out = invoke("compare", str(a), str(b)).output
    assert "[-Qi, Ding Xuexiang-]{+Qiding, Xue Xiang+}" in out
    assert (
        "in: " in out
        and "written differently: Cai Qi, Ding Xuexiang -> Cai Qiding, Xue Xiang" in out
    )


def test_diff_has_a_header_and_marks_deletions_without_a_stray_space(
    filled: tuple[str, str],
) -> None:
    db, url = filled
    text = invoke("diff", "--db", db, url).output.splitlines()
    assert text[0] == f"# {url}"
    assert re.fullmatch(
        r"# v1 fetched \d{4}-\d\d-\d\d \d\d:\d\d UTC \(page\) -> v2 fetched .* UTC \(page\)",
        text[1],
    )
    assert any("Li Qiang, [-Zhao Leji,-] Wang Huning" in line for line in text), text
    html = invoke("diff", "--db", db, url, "--format", "html").output
    assert f"<p>{url}</p>" in html and "v1 fetched" in html


def test_diff_of_a_report_with_one_version_says_so(db_url: str, server) -> None:  # type: ignore[no-untyped-def]
    farm = Farm(server)
    farm.add_page("/news/1.html", "Report 1", ["Item 1.", *REPORT])
    farm.add_feed("/rss.xml", ["/news/1.html"])
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    asyncio.run(one_pass(rt, None, Console(as_json=True, stream=_Sink())))
    result = CliRunner().invoke(cli, ["diff", "--db", db_url, server.url("/news/1.html")])
    assert result.exit_code == 2
    assert "only one version is stored (v1, fetched " in result.output
    assert "nothing to compare yet" in result.output


def test_roster_file_errors_name_the_file_and_the_problem(tmp_path: Path) -> None:
    bad_toml = tmp_path / "bad.toml"
    bad_toml.write_text("[[people]]\nname = \n")
    bad_entry = tmp_path / "entry.toml"
    bad_entry.write_text("people = [1]\n")
    cases = {
        str(tmp_path / "missing.toml"): "not found",
        str(bad_toml): "invalid TOML: ",
        str(bad_entry): "people entry 1: expected a [[people]] table",
    }
    for roster, problem in cases.items():
        result = CliRunner().invoke(cli, ["compare", "--roster", roster, str(SEED)])
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"wirediff: error: roster file {roster}: {problem}")
        assert result.output.count("\n") == 1 and "Errno" not in result.output
    # a directory named in the config's [people] roster
    with pytest.raises(ConfigError, match="is a directory, not a TOML file"):
        load_roster([tmp_path])
