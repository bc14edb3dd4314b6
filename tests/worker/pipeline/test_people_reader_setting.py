"""`[people] reader`: the learned span-and-role reader (worker/detect/people_reader.py) reaches
every place a real run reads people. A real HTTP server on 127.0.0.1 serves a feed and a page
whose people the rules miss and only the reader finds (the dev report agency_en-t19a24 of
tests/data/people/reader23_cases.toml, round 36: a Kuwaiti delegation in Riyadh whose last
member, the crown prince's advisor Dhari Al Othman, only the reader adds; until round 23 the
round-38 report agency_en-t20a16, whose extra names round 23's sentence gate no longer adds);
the real `wirediff fetch` and `run --once`
store different people with the key on, the extraction pool's workers read with it, stored
versions read without it are read again when compared, and a wrong value is one line, exit 2.
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.alerting import json_lines, run_cli
from tests.support.farm import Farm, Page
from tests.support.httpserver import LocalServer
from worker.detect.watch import reader_on, use_reader
from worker.ingest.extract_pool import Extractor
from worker.service.seeds import load_roster

pytestmark = pytest.mark.timeout(300)

CASES = Path(__file__).resolve().parents[2] / "data" / "people" / "reader23_cases.toml"
TITLE = "Kuwait's crown prince meets Saudi crown prince in Riyadh"
RULES = {  # what the rules give (of the page's text: "Al Othman" too, which they do not read in
    # the excerpt as written; the reader adds his full name)
    "Ahmed Al Sabah",
    "Al Othman",
    "Al Salman",
    "Faisal Bin Farhan",
    "Mishal Al Ahmed Al Sabah",
    "Mohammed Al Fares",
    "Mohammed Bin Salman",
    "Thamer Ali Al Sabah",
}
READER = {"Dhari Al Othman"}  # what the reader adds


def _report() -> list[str]:
    case = next(
        c
        for c in tomllib.loads(CASES.read_text("utf-8"))["extract"]
        if c["id"] == "agency_en-t19a24"
    )
    return [p for p in case["text"].split("\n") if p.strip()]


@pytest.fixture(autouse=True)
def _reader_off() -> Iterator[None]:
    """The CLI sets the process's switch from each command's settings: off again after."""
    yield
    use_reader(False)


def _farm(server: LocalServer) -> tuple[Farm, str]:
    farm = Farm(server)
    farm.add_page("/riyadh.html", TITLE, _report())
    return farm, farm.add_feed("/rss.xml", ["/riyadh.html"])


def _config(tmp_path: Path, name: str, feed: str, reader: str | None) -> Path:
    lines = [
        f'[storage]\nurl = "sqlite:///{tmp_path / (name + ".db")}"\n',
        '[fetch]\ntimeout = 5\nrevisit = ["1d"]\n',
        f'[[feeds]]\nurl = "{feed}"\nname = "Wire"\ninterval = "1m"\nfollow_links = true\n',
    ]
    if reader is not None:
        lines.append(f"[people]\nreader = {reader}\n")
    path = tmp_path / f"{name}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _stored(tmp_path: Path, name: str) -> list[tuple[set[str], str]]:
    """Each stored version's people (their names) and the key they were read under."""
    import json

    with sqlite3.connect(tmp_path / (name + ".db")) as db:
        rows = db.execute("SELECT people, people_key FROM versions ORDER BY id").fetchall()
    return [({p[0] for p in json.loads(people)}, key) for people, key in rows]


@pytest.mark.parametrize("command", [["fetch"], ["run", "--once"]])
def test_the_stored_people_differ_with_the_reader_on(
    tmp_path: Path, server: LocalServer, command: list[str]
) -> None:
    _, feed = _farm(server)
    for name, reader in (("default", None), ("off", "false"), ("on", "true")):
        cfg = _config(tmp_path, name, feed, reader)
        result = run_cli([*command, "--config", str(cfg)])
        assert result.exit_code == 0, result.output
        assert reader_on() is (reader == "true")  # the command's process read with it
    default, off, on = (_stored(tmp_path, n) for n in ("default", "off", "on"))
    assert [p for p, _ in default] == [p for p, _ in off] == [RULES]
    assert [p for p, _ in on] == [RULES | READER]
    assert default[0][1] == off[0][1] != on[0][1]  # kept under another reading key

    result = run_cli(["people", "--config", str(tmp_path / "on.toml"), "--json"])
    assert result.exit_code == 0, result.output
    assert READER <= {p["canonical"] for p in json_lines(result.stdout)}


def test_versions_read_without_the_reader_are_read_again_when_compared(
    tmp_path: Path, server: LocalServer
) -> None:
    """A store read without the reader, then fetched with it: the edited report's previous
    version is read again (its kept people are under the other key), so the people the reader
    adds are in both versions, not "added" by the edit."""
    farm, feed = _farm(server)
    cfg = _config(tmp_path, "store", feed, "false")
    assert run_cli(["fetch", "--config", str(cfg)]).exit_code == 0

    page = farm.pages["/riyadh.html"]
    page.paragraphs[1] = page.paragraphs[1].replace("bilateral relations", "bilateral ties")
    farm.descriptions["/riyadh.html"] = "edited"
    cfg.write_text(cfg.read_text("utf-8").replace("reader = false", "reader = true"), "utf-8")
    result = run_cli(["fetch", "--config", str(cfg), "--json"])
    assert result.exit_code == 0, result.output

    [change] = [e for e in json_lines(result.stdout) if e["type"] == "change"]
    attendees = change.get("attendees") or {}
    assert not attendees.get("added") and not attendees.get("removed")
    assert [p for p, _ in _stored(tmp_path, "store")] == [RULES, RULES | READER]


def test_pool_workers_read_with_the_reader_when_the_pass_does() -> None:
    """The extraction pool's workers fork from a forkserver that never saw the command's
    switch: the pass hands it to them (Extractor(reader=...))."""
    html = Page(TITLE, _report()).html()

    async def read(reader: bool) -> tuple[set[str], str | None]:
        roster = functools.partial(load_roster, ())
        async with Extractor(1, pool_after=0, roster=roster, reader=reader) as extractor:
            await extractor.start()
            extracted = await extractor.extract(html, "http://127.0.0.1/tavush.html")
            assert extractor.pooled == 1 and extracted.reading is not None
            return {p.name for p in extracted.reading.people}, extracted.reading.key

    (off, off_key), (on, on_key) = asyncio.run(read(False)), asyncio.run(read(True))
    assert (off, on) == (RULES, RULES | READER)
    assert off_key != on_key
    assert not reader_on()  # the workers' switch, not this process's


@pytest.mark.parametrize("value", ['"yes"', "1", '"true"'])
def test_a_wrong_value_is_one_line(tmp_path: Path, value: str) -> None:
    cfg = tmp_path / "w.toml"
    cfg.write_text(f"[people]\nreader = {value}\n", encoding="utf-8")
    result = run_cli(["fetch", "--config", str(cfg)])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"wirediff: error: {cfg}: [people] reader: expected true or false, got")
