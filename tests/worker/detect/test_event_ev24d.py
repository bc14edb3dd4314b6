"""Round 24 (branch issue-ev24d): the strict merge closes a triangle. A report joining an event
of one report and linking another event of one report, each by a rule that is no weak tie (not
"one person, one occasion", not "a person and the wording, one day"), merges the two when the one
pair across, short of `join`, says no other occasion and is of one day: the linking report
vouches for what the two reports could not read in each other (a German and an Arabic report of
the Day of German Unity, two English reports of the Nobel ceremony in Oslo naming different
people). A pair of two days (the Union State's Supreme State Council and Putin and Lukashenko's
talks of the night before) or a weak link (Navalny's death and Navalnaya's speech in Munich by
"one person, one occasion") merges nothing. The reports are real (tests/data/events/
ev24d_triangles.toml: excerpts of bench/data/events/dev*.toml, ids and sources there)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.events import linked_reports
from worker.detect.events import (
    _WEAK_TIES,
    Features,
    GroupingOptions,
    _all_pairs_match,
    _same_day,
    other_occasion,
    place,
    score,
)

OPTS = GroupingOptions()


REPORTS = linked_reports("ev24d_triangles.toml")

# (the member of the event joined, the member of the other event, the linking report)
MERGED = [
    # dev_round25: Bild's German report and Sarmady's Arabic one share nothing to read; profil's
    # matches Bild's by the place and Sarmady's by the place and the day
    ("e20-unity14-de-bild", "e20-unity14-ar-sarmady", "e20-unity14-de-profil"),
    # dev_round16: Reuters' dateline report and India Today's photo story of the Oslo ceremony
    ("e11-nobel14-reutersin", "e11-nobel14-indiatoday", "e11-nobel14-scpr"),
    # dev_round7: JoongAng's and AFP's (Dhaka Tribune) English reports of the Xi-Kim talks, linked
    # by the Liberty Times' Chinese report
    (
        "beijing-xi-kim-talks-joongang",
        "beijing-xi-kim-talks-dhakatribune",
        "beijing-xi-kim-talks-ltn-zh",
    ),
]
APART = [
    # dev_round5: the Kremlin's report of the Supreme State Council (6 April 2023) and East Post's
    # of the talks till late the night before; Sputnik's report of the council links both at
    # `join` (the same two sides, the same kind) but the pair across is of two days
    ("ssc-2023-kremlin", "alone-putin-lukashenko-talks-2023-eastpost", "ssc-2023-sputnik"),
    # dev_round13: La7's report of Navalny's death and The Hill's of Navalnaya's speech in Munich
    # the same day; Ukrainska Pravda's report links the speech by a weak tie only
    ("navalny-death-la7", "alone-navalnaya-munich-speech-thehill", "navalny-death-pravda-ua"),
]


def _two_events(a: Features, b: Features) -> list[tuple[str, date, Features]]:
    return [("A", a.day, a), ("B", b.day, b)]


@pytest.mark.parametrize(("joined", "other", "linking"), MERGED)
def test_a_report_vouching_for_two_one_report_events_merges_them(
    joined: str, other: str, linking: str
) -> None:
    a, b, new = REPORTS[joined], REPORTS[other], REPORTS[linking]
    # the pair across falls short of `join`, says no other occasion and is of one day
    assert score(a, b, OPTS).score < OPTS.join
    assert not other_occasion(a, b, OPTS) and _same_day(a, b)
    # the linking report matches both, by no weak tie
    for member in (a, b):
        match = score(new, member, OPTS)
        assert match.score >= OPTS.join and match.reason not in _WEAK_TIES, match
    placed = place(new, _two_events(a, b), OPTS, {"A": 1, "B": 1})
    assert placed.event in {"A", "B"}
    assert placed.absorbed == tuple({"A", "B"} - {placed.event})
    # without the linking report's word (the strict merge of round 12), no merge
    assert not _all_pairs_match([a], [b], OPTS, seconded=True)
    assert _all_pairs_match([a], [b], OPTS, seconded=True, vouched=True)


@pytest.mark.parametrize(("joined", "other", "linking"), APART)
def test_a_pair_of_two_days_or_a_weak_link_merges_nothing(
    joined: str, other: str, linking: str
) -> None:
    a, b, new = REPORTS[joined], REPORTS[other], REPORTS[linking]
    assert score(a, b, OPTS).score < OPTS.join and not other_occasion(a, b, OPTS)
    placed = place(new, _two_events(a, b), OPTS, {"A": 1, "B": 1})
    # (it joins one of the two: in the bench Navalny's event, here the tie goes by the ids)
    assert placed.event in {"A", "B"}
    assert placed.absorbed == ()


def test_the_day_guard_and_the_weak_tie_are_what_refuse() -> None:
    kremlin, eastpost = (
        REPORTS["ssc-2023-kremlin"],
        REPORTS["alone-putin-lukashenko-talks-2023-eastpost"],
    )
    sputnik = REPORTS["ssc-2023-sputnik"]
    # Sputnik links the talks of the night before by no weak tie: the days refuse it
    link = score(sputnik, eastpost, OPTS)
    assert link.score >= OPTS.join and link.reason not in _WEAK_TIES
    assert not _same_day(kremlin, eastpost)
    assert not _all_pairs_match([kremlin], [eastpost], OPTS, seconded=True, vouched=True)
    # Ukrainska Pravda links Navalnaya's speech by a weak tie: it vouches for nothing
    speech, pravda = (
        REPORTS["alone-navalnaya-munich-speech-thehill"],
        REPORTS["navalny-death-pravda-ua"],
    )
    assert score(pravda, speech, OPTS).reason in _WEAK_TIES


def test_a_larger_event_is_not_merged_by_one_voucher() -> None:
    # the triangle asks one member on each side: the same linking report facing an event of two
    # (Bild's and a copy of it) and Sarmady's falls back on the strict merge of round 12
    bild, sarmady = REPORTS["e20-unity14-de-bild"], REPORTS["e20-unity14-ar-sarmady"]
    profil = REPORTS["e20-unity14-de-profil"]
    found = [("A", bild.day, bild), ("A", bild.day, bild), ("B", sarmady.day, sarmady)]
    placed = place(profil, found, OPTS, {"A": 2, "B": 1})
    assert placed.event == "A" and placed.absorbed == ()
