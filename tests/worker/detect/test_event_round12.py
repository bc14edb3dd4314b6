"""Mechanisms read from dev_round12's misses (round 8's held-out events split, moved to dev in
round 9; bench/README.md, "Round 9 (branch issue-events9): dev_round12 read by cause"). Each
excerpt is of a report of bench/data/events/dev_round12.toml (source in a comment and in
bench/data/events/PROVENANCE.md under its id); the pairs are in
tests/data/events/round12_cases.toml."""

from __future__ import annotations

from datetime import date

from worker.detect.events import report_features
from worker.detect.outcomes import proper_nouns
from worker.service.seeds import load_roster

ROSTER = load_roster()


def test_a_date_of_no_year_months_before_the_day_published_is_recalled() -> None:
    # yoon-removed-finanznachrichten (finanznachrichten.de, dpa-AFX), published 2025-04-04
    lead = (
        "SEOUL (dpa-AFX) - South Korea's impeached President Yoon Suk Yeol has been removed from "
        "office after the country's Constitutional Court unanimously voted to uphold the "
        "parliamentary decision.Yoon Suk Yeol was impeached by the parliament on December 14 "
        "after he was forced to repeal the martial law he imposed on December 3 yielding to "
        "protests by the lawmakers."
    )
    f = report_features(
        "South Korea's impeached president removed from office", lead, date(2025, 4, 4), ROSTER
    )
    assert f.occasion is None


def test_a_late_report_within_the_month_still_dates_its_occasion() -> None:
    # (the rule's bound: a copy published nine days after the press conference it reports)
    f = report_features(
        "", "The press conference was held on May 16 in Beijing.", date(2024, 5, 25), ROSTER
    )
    assert f.occasion == "05-16"


def test_proper_nouns_fold_a_possessive_and_the_apostrophe() -> None:
    # change6-landing-ghanaweb (GhanaWeb, BBC); change6-landing-tass (TASS);
    # change6-landing-graveola (Graveola); yoon-impeached-iranpress (Iran Press)
    assert proper_nouns("China says its spacecraft lands on Moon's far side", "") == ("moon",)
    tass = proper_nouns("", "BEIJING, June 2. /TASS/. The Chang’e 6 spacecraft landing module")
    graveola = proper_nouns("Sonda chinesa Chang'e-6 pousa no lado oculto da Lua", "")
    assert "chang'e" in tass and "chang'e" in graveola
    # a country's possessive is the country, which is no name
    assert proper_nouns("South Korea's parliament impeach president", "x") == ()


def test_one_craft_shares_an_index_key_whichever_apostrophe() -> None:
    tass = report_features(
        "",
        "BEIJING, June 2. /TASS/. The Chang’e 6 spacecraft landing module has landed.",
        date(2024, 6, 2),
        ROSTER,
    )
    graveola = report_features(
        "Sonda chinesa Chang'e-6 pousa no lado oculto da Lua; confira o vídeo",
        "a sonda chinesa Chang’e-6 pousou no lado oculto da Lua",
        date(2024, 6, 2),
        ROSTER,
    )
    assert "n:chang'e" in tass.index_keys() & graveola.index_keys()
