"""[people] settings: when an absence or a change of rank is worth a finding, and whether
people reading adds the learned reader's people (`[people] reader`). Apart from
worker.detect.appearances and worker.detect.people (which use them) so that the settings load,
and a command sets the reader's switch, without importing people reading (~0.1 s)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PeopleWatch:
    """When an absence or a change of rank is worth a finding (defaults: docs/people-over-time.md)."""

    min_appearances: int = 3  # seen at least this often ...
    window_days: int = 365  # ... within this many days before their last appearance
    absent_days: int = 14  # and not seen for at least this long
    # and the chance that they were simply left out of every report since, judged by how often
    # they were listed when their peers were, is below this
    miss_chance: float = 0.02
    peer_share: float = 0.5  # a peer is listed with them in at least this share of appearances
    peer_quorum: float = 0.75  # a report listing this share of their peers "usually" lists them
    stable_reports: int = 3  # an order held for this many reports is the usual one
    adopt_reports: int = 3  # a new order held for this many reports becomes the usual one


# The learned span-and-role reader (worker/detect/people_reader.py), for the whole process:
# `[people] reader` in the config. Off by default: it costs several times the rules' reading
# (docs/people.md, round 22). A command sets it from its settings (worker/cli/common.py), an
# extraction pool's workers from the pass's (worker/ingest/extract_pool.py); the reading key
# of the people kept with each version tells it (worker/ingest/reading_key.py).
_READER = [False]


def use_reader(on: bool) -> None:
    """Whether `extract_people` adds the learned reader's people when a call does not say."""
    _READER[0] = on


def reader_on() -> bool:
    """`use_reader`'s setting (False until a process turns it on)."""
    return _READER[0]
