"""Round 25 (branch issue-ev25): the happenings no one holds, read in every language.

A fire, a flood, a storm, a theft, a crash or an explosion is told by reports that share no
person the rules read: a hurricane's landfall in Spanish and English, a city's floods in French
and Italian, a parliament set on fire. The outcome table (worker/detect/outcomes.py) reads each
as a kind of outcome, evidence beside a place or a name in common, never against. A happening
that is the label of a story's title ("大埔宏福苑五級火︱...", every report of the aftermath for
weeks) or the topic of what someone says or does ("s'exprimer sur l'incendie", "就...火災設...")
is not the report's. Counted over dev (docs/events.md, round 25, ev25).

Excerpts as the reports give them (tests/data/events/ev25_cases.toml; sources there).
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from worker.detect.events import Features, GroupingOptions, announces, report_features, score
from worker.detect.outcomes import outcome_kinds
from worker.service.seeds import load_roster

ROSTER = load_roster()
PAIRS = tomllib.loads(
    (Path(__file__).parents[2] / "data" / "events" / "ev25_cases.toml").read_text("utf-8")
)["pair"]


def _features(report: dict[str, str]) -> Features:
    return report_features(
        report["title"], report["text"], date.fromisoformat(report["published"]), ROSTER
    )


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['a']['id']}+{p['b']['id']}" for p in PAIRS])
def test_pair(pair: dict) -> None:
    earlier, later = _features(pair["a"]), _features(pair["b"])
    match = score(later, earlier)
    if pair["expect"] == "join":
        assert match.score >= GroupingOptions().join, pair["why"]
    else:
        assert match.score < GroupingOptions().join, pair["why"]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("El huracán Otis toca tierra en Acapulco", "storm"),
        ("Incendie à Notre-Dame de Paris: quelle est l'ampleur des dégâts?", "fire"),
        ("Juwelenraub im Louvre", "theft"),
        ("香港大埔宏福苑大火", "fire"),
        ("Überschwemmungen in Libyen", "flood"),
        ("Germanwings-Maschine in Südfrankreich abgestürzt", "crash"),
        ("Massive explosion rocks Beirut port", "explosion"),
    ],
)
def test_a_happening_is_read_in_each_language(title: str, kind: str) -> None:
    assert kind in outcome_kinds(title, "")


@pytest.mark.parametrize(
    "title",
    [
        "Ceasefire agreed in Gaza",
        "Police open fire on protesters",
        "Minister under fire over remarks",
        "Brand new phone unveiled",
    ],
)
def test_words_that_say_no_happening(title: str) -> None:
    assert not {"fire", "theft"} & set(outcome_kinds(title, ""))


def test_a_happening_as_a_label_or_a_topic_is_not_the_reports() -> None:
    assert "fire" not in outcome_kinds("大埔宏福苑五級火︱李家超將成立獨立委員會", "")
    assert "fire" not in outcome_kinds(
        "", "Emmanuel Macron a pris la parole afin de s'exprimer sur l'incendie de Notre-Dame"
    )
    assert "fire" in outcome_kinds("", "a section of the parliament has been set on fire")


def test_a_happening_in_the_title_is_read_with_the_leads_outcome() -> None:
    # raisi-death-boomlive (BOOM): the crash the title says and the death its lead says
    kinds = outcome_kinds(
        "Iranian President Raisi and Foreign Minister Abdollahian Die In Helicopter Crash",
        "Iranian President Ebrahim Raisi and Foreign Minister Hossein Amir Abdollahian have been "
        "reported dead following a helicopter crash",
    )
    assert {"crash", "death"} <= set(kinds)


def test_a_happening_named_ahead_is_still_announced() -> None:
    # a storm's name is no outcome said first: the title announces the landfall
    assert announces("Hurricane Otis expected to make landfall in Mexico on Wednesday")
