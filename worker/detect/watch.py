"""[people] settings: when an absence or a change of rank is worth a finding. Apart from
worker.detect.appearances (which finds them) so that the settings load without it."""

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
