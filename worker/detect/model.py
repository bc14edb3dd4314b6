"""Value types shared by the detect modules and their callers.

The `to_dict()` methods give exactly the JSON shapes of the interface contract (SPEC.md,
"Change event" and "compare --json"), so callers never rebuild them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Op = Literal["insert", "delete", "replace", "move"]
EditClass = Literal["addition", "deletion", "edit", "move"]
Touch = Literal["number", "date", "name"]
Role = Literal["attended", "presided", "spoke", "present"]
Segment = Literal["lead", "body"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit between two versions, with enough context for a reader to place it."""

    op: Op
    before: str
    after: str
    context: str
    cls: EditClass
    touches: tuple[Touch, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "before": self.before,
            "after": self.after,
            "context": self.context,
            "class": self.cls,
            "touches": list(self.touches),
        }


@dataclass(frozen=True, slots=True)
class WordDiff:
    """The wording difference between two texts.

    `trivial` is true when the texts differ only in whitespace, quote or dash style,
    full-width/half-width forms, punctuation or hyphenation; `edits` is then empty.
    `similarity` is in [0, 1], 1.0 for texts equal after normalization.
    """

    edits: tuple[Edit, ...]
    similarity: float
    trivial: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def to_dict(self) -> dict[str, Any]:
        return {"edits": [e.to_dict() for e in self.edits]}


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in a text with the role the text gives them.

    `name` is as written; `canonical` is the roster's (or pinyin's) form where known;
    `position` is 1-based within the list the name stands in.
    """

    name: str
    canonical: str | None
    role: Role
    segment: Segment
    position: int

    @property
    def key(self) -> str:
        return self.canonical or self.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "canonical": self.canonical,
            "role": self.role,
            "segment": self.segment,
            "position": self.position,
        }


@dataclass(frozen=True, slots=True)
class Variant:
    """The same people written differently: cut in other places, misspelled, transliterated."""

    before: tuple[str, ...]
    after: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"before": list(self.before), "after": list(self.after)}


@dataclass(frozen=True, slots=True)
class RoleChange:
    name: str
    before: Role
    after: Role

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class AttendeeDiff:
    """Two lists of people compared. Names are strings as written in their own text."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reordered: bool = False
    variants: tuple[Variant, ...] = ()
    role_changes: tuple[RoleChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(
            self.added or self.removed or self.reordered or self.variants or self.role_changes
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": list(self.before),
            "after": list(self.after),
            "added": list(self.added),
            "removed": list(self.removed),
            "reordered": self.reordered,
            "variants": [v.to_dict() for v in self.variants],
            "role_changes": [r.to_dict() for r in self.role_changes],
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """Something worth a reader's attention inside one report (or between two)."""

    kind: str
    summary: str
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "summary": self.summary, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Report:
    """One text checked against itself: who it names, and what looks wrong."""

    language: str
    people: tuple[Person, ...]
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "people": [p.to_dict() for p in self.people],
            "findings": [f.to_dict() for f in self.findings],
        }
