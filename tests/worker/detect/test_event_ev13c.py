"""Round 13 (branch issue-ev13c): two events of one occasion merged when the report linking them
is their second witness. The strict merge (round 12) merges two events only when every pair of
their members matches at `join`; a pair falling short with nothing against it (the German
report of the Nobel Peace Prize 2023 and an English one giving no headline) kept them apart
however many reports matched both. Such a pair is now taken as matching when the linking report
matches every member of both events and each member of the event absorbed is matched already,
not by a weak tie, by a member of the event joined. The reports are real (tests/data/events/
ev13c_merges.toml: excerpts of bench/data/events/dev*.toml, ids and sources there)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from worker.detect.events import (
    Features,
    GroupingOptions,
    _all_pairs_match,
    place,
    report_features,
)
from worker.service.seeds import load_roster

DATA = Path(__file__).resolve().parents[2] / "data" / "events"
ROSTER = load_roster()
OPTS = GroupingOptions()


def _reports() -> dict[str, Features]:
    raw = tomllib.loads((DATA / "ev13c_merges.toml").read_text(encoding="utf-8"))["report"]
    out = {}
    for r in raw:
        # the collectors' note is no headline (bench/events_data.py reads it so too)
        title = "" if r["title"].startswith("(no headline shown") else r["title"]
        out[r["id"]] = report_features(title, r["text"], date.fromisoformat(r["published"]), ROSTER)
    return out


REPORTS = _reports()
# nonparty-2023-12-cctv (dev_round2.toml): CCTV Xinwen Lianbo of 8 December 2023, its title the
# file's first line (as the bench reads the corpus file's TITLE)
_CCTV_TITLE, _CCTV_TEXT = (
    (DATA / "nonparty2023_cctv_zh.txt").read_text(encoding="utf-8").split("\n", 1)
)
CCTV = report_features(_CCTV_TITLE, _CCTV_TEXT, date(2023, 12, 8), ROSTER)


def _events(*groups: tuple[str, list[Features]]) -> list[tuple[str, date, Features]]:
    return [(event, min(f.day for f in fs), f) for event, fs in groups for f in fs]


def test_nobel_peace_2023_second_witness_merges_the_german_report() -> None:
    # dev_round17 and dev_round10: the German report and the English one with no headline
    # share no evidence (0.0, nothing against); the first English report naming the prize
    # links both and cannot merge them alone, ETV's is the second witness
    ovb, bolnews = REPORTS["e12-nobel23-de-ovb"], REPORTS["e12-nobel23-en-bolnews"]
    newsbytes, etv = REPORTS["e12-nobel23-en-newsbytes"], REPORTS["nobel-peace-2023-etv"]
    # (since round 14, ev14b, the first linking report merges them already: it matches both
    # by a rule reading the occasion, and the pair falling short is in two languages,
    # `_links_all`; the second witness still merges them when the first is set aside)
    first = place(newsbytes, _events(("de", [ovb]), ("en", [bolnews])), OPTS)
    assert {first.event, *first.absorbed} == {"de", "en"}
    second = place(etv, _events(("de", [ovb]), ("en", [bolnews, newsbytes])), OPTS)
    assert {second.event, *second.absorbed} == {"de", "en"}


def test_nonparty_symposium_full_report_merges_cctv() -> None:
    # dev_round2: CCTV's Chinese report and People's Daily's English digest share nothing but
    # Xi (0.0); Xinhua's full English report links both (one witness: no merge), People's
    # Daily's full report of the next day is the second
    peoplecn = REPORTS["nonparty-2023-12-peoplecn"]
    xinhuanet = REPORTS["nonparty-2023-12-xinhuanet"]
    full = REPORTS["nonparty-2023-12-peoplecn-full"]
    # (since round 14, ev14b, Xinhua's report merges them already: `_links_all`)
    first = place(xinhuanet, _events(("cctv", [CCTV]), ("digest", [peoplecn])), OPTS)
    assert first.event == "digest" and first.absorbed == ("cctv",)
    second = place(full, _events(("cctv", [CCTV]), ("digest", [peoplecn, xinhuanet])), OPTS)
    assert second.event == "digest" and second.absorbed == ("cctv",)


def test_a_linking_report_that_does_not_match_its_own_event_whole_is_no_second_witness() -> None:
    # dev_round4: Xinhua's German report of the Xi-Macron talks in Paris on 6 May 2024 (published
    # the 8th, naming Xi and Macron) matches both Pyrenees reports of the 7th and some of the
    # Paris talks' reports; a Paris report (the Elysee talks in Chinese) matches the Pyrenees
    # reports already. But the linking report leaves two Paris reports unmatched: no merge
    paris = [
        REPORTS[r]
        for r in (
            "trilateral-2024-breitbart",
            "trilateral-2024-gulfnews",
            "macron-xi-2024-tibet3",
            "macron-xi-2024-hezeshi-zh",
        )
    ]
    pyrenees = [
        REPORTS["macron-xi-tourmalet-2024-ajc"],
        REPORTS["macron-xi-tourmalet-2024-thehindu"],
    ]
    placed = place(
        REPORTS["macron-xi-2024-xinhua-de"],
        _events(("paris", paris), ("pyrenees", pyrenees)),
        OPTS,
    )
    assert placed.absorbed == ()
    # every Pyrenees report is matched by a Paris one (the same two sides): without the
    # linking report's own agreement (`seconded`) the two would merge
    assert _all_pairs_match(paris, pyrenees, OPTS, seconded=True)
    assert not _all_pairs_match(paris, pyrenees, OPTS, seconded=False)
