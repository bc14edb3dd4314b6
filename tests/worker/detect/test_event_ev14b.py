"""Round 14 (branch issue-ev14b): a report that matches every member of two events, each by a
rule that reads the occasion, merges them even when a pair across them, in two languages,
shares nothing to read. The reports are real (tests/data/events/ev14b_links.toml: excerpts of
bench/data/events/dev*.toml, ids and sources there)."""

from __future__ import annotations

from datetime import date

from tests.support.events import linked_reports
from worker.detect.events import (
    Features,
    GroupingOptions,
    _all_pairs_match,
    place,
    score,
)

OPTS = GroupingOptions()


REPORTS = linked_reports("ev14b_links.toml")
KAMCHATKA = [
    REPORTS[r]
    for r in (
        "e12-kamchatka-en-safir",
        "e12-kamchatka-ru-ryazan",
        "kamchatka-quake-epochtimes-jp",
    )
]
SERBIAN = REPORTS["e12-kamchatka-sr-pravda"]


def _events(*groups: tuple[str, list[Features]]) -> list[tuple[str, date, Features]]:
    return [(event, min(f.day for f in fs), f) for event, fs in groups for f in fs]


def test_kamchatka_serbian_report_merged_by_a_report_linking_every_member() -> None:
    # dev_round17 and dev_round14: the Serbian report (8,7 against 8.8, "Kamčatku") founds an
    # event of its own; India Today's report matches it by the count (8.8) and the other
    # event's members by the named occasion (its Hindi member, not among India Today's
    # candidates in the bench, left out): one occasion, merged
    assert score(SERBIAN, KAMCHATKA[0], OPTS).score < OPTS.join
    placed = place(
        REPORTS["kamchatka-quake-indiatoday"],
        _events(("quake", KAMCHATKA), ("sr", [SERBIAN])),
        OPTS,
    )
    assert {placed.event, *placed.absorbed} == {"quake", "sr"}


def test_the_link_counts_only_for_pairs_in_two_languages() -> None:
    # the same pair across, witnessed by the linking report: merged in two languages
    assert _all_pairs_match(KAMCHATKA[:1], [SERBIAN], OPTS, linked_all=True)
    assert not _all_pairs_match(KAMCHATKA[:1], [SERBIAN], OPTS, linked_all=False)
    # dev_round5: Firstpost's report of the Xi-Biden meeting in Lima and WHIO's of the APEC
    # summit's close, both in English, name the same three people and score nothing: one
    # language's wording had its chance, no linking report makes them one occasion
    firstpost, whio = (
        REPORTS["xi-biden-lima-firstpost"],
        REPORTS["alone-apec-lima-closing-2024-whio"],
    )
    assert score(whio, firstpost, OPTS).score < OPTS.join
    assert not _all_pairs_match([firstpost], [whio], OPTS, linked_all=True)
