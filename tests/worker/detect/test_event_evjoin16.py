"""Round 16 (branch issue-evjoin16): a new report linking two events strongly does not make
them one when the only witness of the other event's member is the new report itself. The
reports are real (tests/data/events/evjoin16_links.toml: dev_round20 reports, ids and sources
there)."""

from __future__ import annotations

from datetime import date

from tests.support.events import linked_reports
from worker.detect.events import GroupingOptions, place, score

OPTS = GroupingOptions()


REPORTS = linked_reports("evjoin16_links.toml")
KYIV = [
    REPORTS["e15-kishida-zelensky-kyiv-en-alarabiya"],
    REPORTS["e15-kishida-zelensky-kyiv-en-kyivindependent"],
]
DELHI = REPORTS["e15-kishida-modi-delhi-en-thehawk"]
PRAVDA = REPORTS["e15-kishida-zelensky-kyiv-en-pravda"]


def test_a_report_naming_both_visits_does_not_merge_them() -> None:
    # dev_round20, 21 March 2023: Ukrainska Pravda's report of Kishida in Kyiv recalls that he
    # came from India and names Modi: it matches The Hawk's report of Modi and Kishida at
    # Buddha Jayanti Park in Delhi ("2 people in common", one day) as well as the Kyiv reports.
    # Al Arabiya's report of the Kyiv talks does not match the Delhi report, the Kyiv
    # Independent's only by a weak tie (one person, one occasion): two occasions of one day,
    # kept apart (measured in round 16: absorbing on the new report's word, with or without a
    # member of the joined event matching too, put The Hawk in the Kyiv event, 5 false pairs)
    assert score(PRAVDA, DELHI, OPTS).score >= OPTS.join
    assert score(KYIV[0], DELHI, OPTS).score < OPTS.join
    candidates = [("kyiv", date(2023, 3, 21), f) for f in KYIV] + [
        ("delhi", date(2023, 3, 21), DELHI)
    ]
    placed = place(PRAVDA, candidates, OPTS)
    assert placed.event == "kyiv"
    assert placed.absorbed == ()
