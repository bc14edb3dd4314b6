"""The bundled roster without some of its people: tests that pin a mechanism for people off the
roster, written with real excerpts naming people the roster has since been given (round 10:
the world leaders), build their roster without them, so the mechanism is still what is tested."""

from __future__ import annotations

from worker.detect.roster import Roster
from worker.service.seeds import load_roster


def roster_without(*names: str) -> Roster:
    """The bundled roster (with its given names) less the people of these canonical names."""
    full = load_roster()
    missing = set(names) - {e.name for e in full.entries}
    assert not missing, f"not on the roster: {sorted(missing)}"
    kept = [
        {
            "name": e.name,
            "zh": e.zh,
            "zh_hant": e.zh_hant,
            "aliases": list(e.aliases),
            "titles": list(e.titles),
        }
        for e in full.entries
        if e.name not in names
    ]
    return Roster.from_entries(kept).with_given_names(full.given_names)
