"""Labelled people lists as the comparison tests write them: each name with its role, in the
order given, canonical names from the bundled roster."""

from __future__ import annotations

from worker.detect.model import Person, Report, Role
from worker.service.seeds import load_roster

ROSTER = load_roster()


def people(*named: tuple[str, Role]) -> tuple[Person, ...]:
    return tuple(
        Person(name, ROSTER.canonical(name), role, "body", i)
        for i, (name, role) in enumerate(named, 1)
    )


def labelled(language: str, *named: tuple[str, Role]) -> Report:
    """A report of `language` whose people are `named`, with no findings."""
    return Report(language=language, people=people(*named), findings=())
