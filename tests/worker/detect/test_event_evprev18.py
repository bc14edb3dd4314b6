"""Round 18 (branch issue-evprev18): the reports of Raisi's death are one occasion.

Lokmat Times dates the deaths "confirmed ... on Monday, May 20", BOOM the "helicopter crash on
Sunday": one outcome (a death) told a day apart, both reports of their own day, the same people
up front (`_two_clocks`, round 17). All four reports are labelled one occasion
(raisi-death-confirmed-2024-05-20; bench/data/events/dev_round6.toml and dev_round13.toml;
excerpts in tests/data/events/raisi2024.toml). Before, the two dates set Lokmat's report and
BOOM's apart, and grouping them in the order they come made two events."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

from worker.detect.events import (
    Features,
    GroupingOptions,
    other_occasion,
    place,
    report_features,
    score,
)
from worker.service.seeds import load_roster

DATA = Path(__file__).resolve().parents[2] / "data" / "events"
ROSTER = load_roster()
OPTS = GroupingOptions()
RAW = tomllib.loads((DATA / "raisi2024.toml").read_text(encoding="utf-8"))["report"]
REPORTS: dict[str, Features] = {
    r["id"]: report_features(r["title"], r["text"], date.fromisoformat(str(r["published"])), ROSTER)
    for r in RAW
}
LOKMAT, BOOM = "alone-raisi-death-confirmed-lokmat", "raisi-death-boomlive"


def test_the_deaths_confirmed_on_monday_and_the_crash_on_sunday_are_one_occasion() -> None:
    lokmat, boom = REPORTS[LOKMAT], REPORTS[BOOM]
    assert not other_occasion(lokmat, boom, OPTS)
    assert score(lokmat, boom, OPTS).score >= OPTS.join


def test_the_four_reports_grouped_in_order_make_one_event() -> None:
    event_of: dict[str, str] = {}
    seen: list[tuple[str, date, Features]] = []
    for r in RAW:  # the file's order: Lokmat, BOOM, DNA India, the Arabic report
        f = REPORTS[r["id"]]
        placed = place(f, [(event_of[rid], day, g) for rid, day, g in seen], OPTS)
        event = placed.event or r["id"]
        for dropped in placed.absorbed:
            event_of = {k: (event if v == dropped else v) for k, v in event_of.items()}
        event_of[r["id"]] = event
        seen.append((r["id"], f.day, f))
    assert len(set(event_of.values())) == 1, event_of
