"""Round 12 (branch issue-ev12b): the missed pairs of one language in dev read by the first rule
that stops them. Each title and text is of a report of bench/data/events/ (its id in a comment;
its source in bench/data/events/PROVENANCE.md under that id)."""

from __future__ import annotations

from datetime import date

from worker.detect.events import (
    GroupingOptions,
    Match,
    _short_of_a_tie,
    place,
    report_features,
    score,
)
from worker.service.seeds import load_roster

ROSTER = load_roster()

# rio-xi-albanese-azzet (dev_round6), published 18 November 2024
AZZET = report_features(
    "PM Albanese and President Xi meet before G20 summit",
    "Prime Minister Anthony Albanese and Chinese President Xi Jinping have met, in the lead up "
    "to the G20 Leader’s Summit in Brazil.\nAlbanese held the formal talks at Xi’s hotel in Rio "
    "de Janeiro before both leaders arrived at the summit.\nThe two last met for a formal "
    "bilateral meeting in Beijing last December and at the previous G20 summit in Bali in "
    "2022.\nDuring the meeting, President Xi Jinping acknowledged the “twists and turns” in his "
    "government’s relations with Australia, while Mr Albanese aimed to solidify the strategic "
    "and economic partnership.\n",
    date(2024, 11, 18),
    ROSTER,
)
# rio-xi-albanese-peoplecn (dev_round6), published 18 November 2024
PEOPLECN = report_features(
    "Xi urges China, Australia to strengthen coordination, oppose protectionism",
    "Xi urges China, Australia to strengthen coordination, oppose protectionism\n\nXinhua) "
    "21:30, November 18, 2024\n\nRIO DE JANEIRO, Nov. 18 (Xinhua) -- Chinese President Xi "
    "Jinping on Monday called on China and Australia to strengthen coordination and "
    "cooperation, and oppose protectionism.\n\nIn his meeting with Australian Prime Minister "
    "Anthony Albanese on the sidelines of the G20 summit in Rio de Janeiro, Xi noted that both "
    "China and Australia are supporters and defenders of economic globalization and free "
    "trade.\n",
    date(2024, 11, 18),
    ROSTER,
)
# rio-xi-albanese-exbulletin (dev_round6), published 20 November 2024 (its first paragraph)
EXBULLETIN = report_features(
    "On the morning of November 18, 2024 local time, President Xi Jinping met with Australian "
    "Prime Minister Anthony Albanese",
    "On the morning of November 18, 2024 local time, President Xi Jinping met with Australian "
    "Prime Minister Anthony Albanese on the sidelines of the G20 Summit in Rio de Janeiro.\n",
    date(2024, 11, 20),
    ROSTER,
)


def test_two_reports_of_the_talks_are_held_short_of_a_tie() -> None:
    # one names the talks and not the place, the other the place and no kind: the same two
    # people and nothing else read in common
    alone = score(PEOPLECN, AZZET)
    assert alone.score < GroupingOptions().join
    assert _short_of_a_tie(alone, GroupingOptions())


def test_a_report_linking_two_events_held_short_of_a_tie_merges_them() -> None:
    candidates = [
        ("e:azzet", date(2024, 11, 18), AZZET),
        ("e:peoplecn", date(2024, 11, 18), PEOPLECN),
    ]
    placed = place(EXBULLETIN, candidates, GroupingOptions())
    assert placed.event in {"e:azzet", "e:peoplecn"}
    assert set(placed.absorbed) == {"e:azzet", "e:peoplecn"} - {placed.event}
    # without the strict merge, two events stay
    assert place(EXBULLETIN, candidates, GroupingOptions(strict_merge=False)).absorbed == ()


def test_only_the_two_peoples_cap_counts_as_short_of_a_tie() -> None:
    opts = GroupingOptions()
    assert not _short_of_a_tie(Match(0.54, "the same named occasion"), opts)
    # a pair of people on other days scores lower (`_across_days`): still no tie
    assert not _short_of_a_tie(Match(0.44, "2 people in common"), opts)
    assert _short_of_a_tie(Match(opts.join * 0.9, "2 people in common"), opts)
