"""Round 20 (de20): the guards of the two text-level readings behind the German cases of rounds
36 and 37 (tests/data/people/de20_cases.toml, real dev excerpts with their ids, which
test_people_case_files.py runs): a capitals word after no given name stays as written, and an
ordinal's or a title's full stop ends no sentence of a reception while a year's does."""

from __future__ import annotations

from worker.detect.people import _caps_surnames, _sentence_at
from worker.service.seeds import load_roster


def test_capitals_after_no_given_name_kept() -> None:
    roster = load_roster()
    # de-t13z04 (round 24): "Ing. Peter STEINBACH" is a surname; "der SPD" and "WU Ken" are not
    text = "Bürgermeister Ing. Peter STEINBACH, die Fraktion der SPD und Botschafter WU Ken."
    assert _caps_surnames(text, roster) == (
        "Bürgermeister Ing. Peter Steinbach, die Fraktion der SPD und Botschafter WU Ken."
    )
    assert _caps_surnames("Partei SPD FDP", roster) == "Partei SPD FDP"


def test_reception_sentence_stops() -> None:
    text = "Er kam am 26. April an. Dr. X empfing ihn im Jahr 2017. Dann sprachen sie."
    assert _sentence_at(text, text.index("kam")) == "Er kam am 26. April an"
    assert _sentence_at(text, text.index("empfing")) == " Dr. X empfing ihn im Jahr 2017"
