"""Round 17 (branch issue-conv17): receiving an honour is no role (LABELLING.md, "Wordings
settled by count (round 17)"). The dev labels follow the rule in the six reports that had
labelled the honoured `attended` (de-t16g10, de-r16v09, de-r16v10 of rounds 30-31, de-t14z20 and
-t14z21 of round 26, scraped-t503 of round 8), and
bench/people_conv17.py finds the wording and the people of its sentence in real dev excerpts."""

from __future__ import annotations

import importlib
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "bench" / "data" / "people" / "dev"

# report id -> (dev file, honoured people who must not be labelled, presenters kept)
RELABELLED = {
    "de-t16g10": ("de.round30.toml", ["Bernhard Röckl", "Anton Meier"], ["Peter Dreier"]),
    "de-r16v09": ("de.round31.toml", ["Andreas Bartz", "Sahin Aydin"], ["Bernd Tischler"]),
    "de-r16v10": ("de.round31.toml", ["Silvia Fischer", "Armin Serwani"], ["Fritz Kuhn"]),
    "de-t14z20": ("de.round26.toml", ["Erwin Teufel"], ["Peter Götz"]),
    "de-t14z21": ("de.round26.toml", ["Erwin Teufel"], ["Peter Götz"]),
    "scraped-t503": ("scraped.round8.toml", ["賈巧君"], ["梁宗鎖"]),
}


@pytest.mark.parametrize("report_id", sorted(RELABELLED))
def test_the_honoured_are_not_labelled(report_id: str) -> None:
    path, honoured, kept = RELABELLED[report_id]
    reports = tomllib.loads((DEV / path).read_text(encoding="utf-8"))["report"]
    (report,) = [r for r in reports if r["id"] == report_id]
    labelled = {p["name"] for p in report["people"]}
    assert not labelled & set(honoured)
    assert set(kept) <= labelled
    assert "Round 17 (conv17)" in report["notes"]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module("people_conv17")


def test_the_wordings_match_real_excerpts(tool: ModuleType) -> None:
    honoured = {
        lang: [p for wl, p in tool.WORDINGS["honoured"] if wl == lang]
        for lang in "de en zh".split()
    }
    # de-r16v09, de-r16v10 (round 31), kremlin_en-t212 (round 5), zh_hant-t514 (round 8)
    assert any(
        p.search("Ausgezeichnet für ihr Engagement ... wurden: Andreas Bartz")
        for p in honoured["de"]
    )
    assert any(
        p.search("Die Ehrennadel in Gold für 30 Jahre Engagement erhielten Silvia Fischer")
        for p in honoured["de"]
    )
    assert any(p.search("Mikhail Podzerakin received the Order of Courage") for p in honoured["en"])
    assert any(p.search("吕志和6人获颁最高荣誉的大紫荆勋章") for p in honoured["zh"])
    # control: received a guest is no honour (agency_en-t227, round 5)
    assert not any(
        p.search("Blinken received Chinese Foreign Minister Wang Yi") for p in honoured["en"]
    )


def test_sentences_split_on_both_scripts(tool: ModuleType) -> None:
    text = "A wurde geehrt. B sprach.\n前立法會主席高開賢均獲授勳章。羅立文"
    parts = [text[s:e] for s, e in tool.sentences(text)]
    assert parts == ["A wurde geehrt.", "B sprach.", "前立法會主席高開賢均獲授勳章。", "羅立文"]
