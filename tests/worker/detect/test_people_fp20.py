"""Round 20 (fp20): the guard of the short name's merge behind the false people of rounds 36 and
37 (tests/data/people/fp20_cases.toml, real dev excerpts with their ids, which
test_people_case_files.py runs): a given name two fuller names begin stays as it is."""

from __future__ import annotations

from worker.detect.model import Person
from worker.detect.people import _surnames_of_named


def test_given_name_of_two_fuller_names_kept() -> None:
    # agency_en-t19a26 (round 36, Kuwait Times) names "Mohammad bin Salman bin Abdulaziz" and
    # "Mohammad Al-Mutairi": a "Mohammad" alone could be either, and stays itself
    people = [
        Person("Mohammad bin Salman bin Abdulaziz", None, "presided", "lead", 0),
        Person("Mohammad Al-Mutairi", None, "presided", "lead", 1),
        Person("Mohammad", None, "attended", "body", 2),
    ]
    kept, places = _surnames_of_named("en", people, [0, 0, 1])
    assert [p.name for p in kept] == [p.name for p in people]
    assert places == [0, 0, 1]
