"""A roster's fingerprint and the people reading key (worker.ingest.reading_key): the
key the people of a stored version are kept under (worker/pipeline/snapshot.py). Two rosters
that know the same people share it; a roster that knows one more alias, title or given name
does not, so people read with it are never taken for those read with the other."""

from __future__ import annotations

from worker.detect.roster import Roster
from worker.ingest.reading_key import reading_key
from worker.service.seeds import bundled_roster, load_roster

ENTRY = {"name": "Cai Qi", "zh": "蔡奇", "aliases": ["Tsai Chi"], "titles": ["member (2022-)"]}


def test_rosters_that_know_the_same_people_share_a_fingerprint() -> None:
    one, other = Roster.from_entries([ENTRY]), Roster.from_entries([dict(ENTRY)])
    assert one.fingerprint == other.fingerprint
    assert reading_key(one) == reading_key(other)
    for changed in (
        {**ENTRY, "aliases": ["Tsai Chi", "Cai Chi"]},
        {**ENTRY, "titles": ["member (2022-)", "secretary (2022-)"]},
        {**ENTRY, "zh": "蔡其"},
    ):
        assert Roster.from_entries([changed]).fingerprint != one.fingerprint
    assert one.with_given_names(["Markus"]).fingerprint != one.fingerprint
    assert reading_key(one.with_given_names(["Markus"])) != reading_key(one)


def test_the_bundled_roster_is_told_by_its_seeds_and_a_users_file_changes_it() -> None:
    assert bundled_roster().fingerprint == load_roster().fingerprint  # every process alike
    assert bundled_roster().fingerprint.startswith("bundled ")
    merged = bundled_roster().merge(Roster.from_entries([ENTRY]))
    assert merged.fingerprint not in (bundled_roster().fingerprint, "")
    assert merged.fingerprint == bundled_roster().merge(Roster.from_entries([ENTRY])).fingerprint
    more = bundled_roster().merge(Roster.from_entries([{**ENTRY, "aliases": ["Cai Chi"]}]))
    assert more.fingerprint != merged.fingerprint
