"""Round 18 (branch issue-ev18b): with `cohesion = 0.5` a report joins an event only when it
matches at least half of the members it is compared with: one member matched of three is a
chain, not the event's consensus (measured, not the default: the default 0.3 lets it chain). Real reports (tests/data/events/ev18b_chains.toml, ids as in
bench/data/events: dev_round22 and dev_round3): Rediff's and Devdiscourse's reports of Modi's
Order of St Andrew at the Kremlin summit of 9 July 2024, The Hans India's report of Modi's
address to the diaspora in Moscow that day (which joins the summit's reports: two people in
common, a false tie left as it was) and India News Network's report of the same address, which
matches The Hans India's report only."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from worker.detect.events import Features, GroupingOptions, place, report_features, score
from worker.service.seeds import load_roster

DATA = Path(__file__).parents[2] / "data" / "events"
ROSTER = load_roster()
RAW: dict[str, dict[str, Any]] = {
    r["id"]: r for r in tomllib.loads((DATA / "ev18b_chains.toml").read_text("utf-8"))["report"]
}
REDIFF = "e17-modi-order-st-andrew-en-rediff"
DEVDISCOURSE = "e17-modi-order-st-andrew-en-devdiscourse"
HANSINDIA = "modi-diaspora-hansindia"
INN = "modi-diaspora-indianewsnetwork"


def _features(rid: str) -> Features:
    r = RAW[rid]
    return report_features(r["title"], r["text"], date.fromisoformat(r["published"]), ROSTER)


def _group(ids: list[str], opts: GroupingOptions) -> dict[str, str]:
    """Each report placed in turn, every earlier report a candidate (the pipeline's grouping
    without a store). Report -> its event."""
    event_of: dict[str, str] = {}
    features: dict[str, Features] = {}
    for rid in ids:
        f = _features(rid)
        candidates = [(event_of[o], f.day, features[o]) for o in event_of]
        sizes = {e: list(event_of.values()).count(e) for e in set(event_of.values())}
        event_of[rid] = place(f, candidates, opts, sizes).event or f"e:{rid}"
        features[rid] = f
    return event_of


ORDER = [DEVDISCOURSE, REDIFF, HANSINDIA, INN]  # as the bench places them (published, id)


def test_a_report_matching_one_member_of_three_founds_its_own_event() -> None:
    # `cohesion = 0.5` (measured in round 18, not the default: docs/events.md)
    opts = GroupingOptions(cohesion=0.5)
    inn = _features(INN)
    # India News Network's report of the address matches The Hans India's (one person, one
    # occasion) and neither report of the Order of St Andrew
    assert score(inn, _features(HANSINDIA), opts).score >= opts.join
    assert score(inn, _features(REDIFF), opts).score < opts.join
    assert score(inn, _features(DEVDISCOURSE), opts).score < opts.join
    got = _group(ORDER, opts)
    summit = got[DEVDISCOURSE]
    assert got[REDIFF] == summit and got[HANSINDIA] == summit  # the false tie, left
    assert got[INN] != summit  # no chain through it


def test_with_the_default_share_the_chain_forms() -> None:
    # cohesion 0.3 (the default): one of three members is enough, and the address joins the
    # summit's event through The Hans India's report
    got = _group(ORDER, GroupingOptions())
    assert got[INN] == got[DEVDISCOURSE]
