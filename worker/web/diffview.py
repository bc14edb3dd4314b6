"""Diffs as the pages show them: structured pieces the templates escape, never HTML strings.

The whole-document runs come from `worker.output.render.diff_runs` (the same alignment as
`wirediff diff`); this module only cuts them into paragraphs, pairs the paragraphs of the two
versions for the side-by-side view, and marks pieces with what the change event knows about
them: moved sentences, and edits touching a number, a date or a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from alerts.message import Alert
from worker.output.render import diff_runs

_BREAK = re.compile(r"\s*\n\s*")
_SPACE = re.compile(r"\s+")
MIN_MARK = 2  # shorter deleted/inserted runs are not matched to edits (too many false hits)
MIN_MOVE = 20  # shorter stretches are not called moves (a repeated word is not a move)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text: kind is equal, delete or insert; moved and touches mark it further."""

    kind: str
    text: str
    moved: bool = False
    touches: tuple[str, ...] = ()


Paragraph = list[Piece]


@dataclass(slots=True)
class Row:
    """Side by side: the paragraphs of the earlier and of the later version that match up."""

    before: list[Paragraph] = field(default_factory=list)
    after: list[Paragraph] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(p.kind != "equal" for para in (*self.before, *self.after) for p in para)


@dataclass(frozen=True, slots=True)
class Marks:
    """What the change event says about its edits, for marking the whole-document runs."""

    moved: tuple[str, ...] = ()
    touched: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (before, after, touches)
    relocated: frozenset[str] = frozenset()  # texts deleted in one place and inserted in another

    @classmethod
    def of(cls, event: Mapping[str, Any] | None) -> Marks:
        edits = ((event or {}).get("wording") or {}).get("edits") or ()
        moved = tuple(
            _squash(e.get(side) or "")
            for e in edits
            if e.get("op") == "move"
            for side in ("before", "after")
        )
        touched = tuple(
            (_squash(e.get("before") or ""), _squash(e.get("after") or ""), tuple(e["touches"]))
            for e in edits
            if e.get("touches") and e.get("op") != "move"
        )
        return cls(tuple(m for m in moved if m), touched)

    def with_runs(self, runs: Sequence[tuple[str, str]]) -> Marks:
        """These marks plus the moves the whole-document runs show by themselves: text
        deleted in one place and inserted in another, whole or in pieces (the event's sentence
        alignment may name the other half of a swap as the move)."""
        deleted = [_moved_key(p) for k, t in runs if k == "delete" for p in _BREAK.split(t)]
        inserted = [_moved_key(p) for k, t in runs if k == "insert" for p in _BREAK.split(t)]
        found = {t for t in deleted if _covered(t, inserted)}
        found |= {t for t in inserted if _covered(t, deleted)}
        return Marks(self.moved, self.touched, frozenset(found))

    def piece(self, kind: str, text: str) -> Piece:
        if kind == "equal":
            return Piece(kind, text)
        core = _squash(text)
        moved = _moved_key(text) in self.relocated or (
            len(core) >= MIN_MOVE and any(core in m and 2 * len(core) >= len(m) for m in self.moved)
        )
        found: list[str] = []
        if len(core) >= MIN_MARK or core.isdigit():
            for before, after, touches in self.touched:
                if core in (before if kind == "delete" else after):
                    found.extend(t for t in touches if t not in found)
        return Piece(kind, text, moved, tuple(found))


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _covered(text: str, others: Sequence[str]) -> bool:
    """True when `text` is mostly made of, or part of, long stretches found on the other side."""
    if len(text) < MIN_MOVE:
        return False
    if any(len(o) >= MIN_MOVE and text in o for o in others):
        return True
    inside = sum(len(o) for o in set(others) if len(o) >= MIN_MOVE and o in text)
    return inside >= 0.6 * len(text)


def _moved_key(text: str) -> str:
    return _squash(text).strip(".,;:!?。，；：！？ ")


def _pieces(runs: Iterable[tuple[str, str]], marks: Marks) -> Iterator[tuple[str, Piece | None]]:
    """("piece", p) or ("break", None) for each paragraph break inside a run."""
    for kind, text in runs:
        parts = _BREAK.split(text) if "\n" in text else [text]
        for i, part in enumerate(parts):
            if i:
                yield "break", Piece(kind, "")
            if part:
                yield "piece", marks.piece(kind, part)


def inline(a: str, b: str, marks: Marks = Marks()) -> list[Paragraph]:
    """The later text with deletions and insertions in place, as paragraphs."""
    paragraphs: list[Paragraph] = [[]]
    runs = list(diff_runs(a, b))
    for what, piece in _pieces(runs, marks.with_runs(runs)):
        assert piece is not None
        if what == "break":
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(piece)
    return [p for p in paragraphs if p]


def side_by_side(a: str, b: str, marks: Marks = Marks()) -> list[Row]:
    """Rows pairing the earlier version (deletions marked) with the later (insertions marked).

    A row ends where both versions start a new paragraph at the same place, so an inserted
    or deleted paragraph stays beside its neighbours instead of shifting the rest.
    """
    rows: list[Row] = []
    row, left, right = Row(), [], []  # type: ignore[var-annotated]

    def close(side: list[Paragraph], para: Paragraph) -> None:
        if para:
            side.append(list(para))
            para.clear()

    runs = list(diff_runs(a, b))
    for what, piece in _pieces(runs, marks.with_runs(runs)):
        assert piece is not None
        if what == "break":
            if piece.kind in ("equal", "delete"):
                close(row.before, left)
            if piece.kind in ("equal", "insert"):
                close(row.after, right)
            if piece.kind == "equal" and (row.before or row.after):
                rows.append(row)
                row = Row()
            continue
        if piece.kind in ("equal", "delete"):
            left.append(piece)
        if piece.kind in ("equal", "insert"):
            right.append(piece)
    close(row.before, left)
    close(row.after, right)
    if row.before or row.after:
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class EditView:
    """One edit of the event, cut around its marked text: before ... [marks] ... after."""

    op: str
    cls: str
    touches: tuple[str, ...]
    lead: str
    deleted: str
    inserted: str
    tail: str
    in_context: bool


def edits(event: Mapping[str, Any]) -> list[EditView]:
    out: list[EditView] = []
    for e in (event.get("wording") or {}).get("edits") or ():
        before, after = str(e.get("before") or ""), str(e.get("after") or "")
        context = str(e.get("context") or "")
        anchor = after or before
        at = context.find(anchor) if anchor else -1
        lead, tail = (context[:at], context[at + len(anchor) :]) if at >= 0 else (context, "")
        out.append(
            EditView(
                op=str(e.get("op") or ""),
                cls=str(e.get("class") or ""),
                touches=tuple(str(t) for t in e.get("touches") or ()),
                lead=lead,
                deleted="" if e.get("op") == "move" else before,
                inserted=after,
                tail=tail,
                in_context=at >= 0,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class PersonRow:
    name: str
    before: int | None  # 1-based position in the earlier list
    after: int | None
    notes: tuple[str, ...]


def people(event: Mapping[str, Any]) -> list[PersonRow]:
    """One row per name in either list: its positions and what happened to it."""
    attendees = event.get("attendees")
    if not attendees:
        return []
    # rank changes among the names both lists keep, as alert messages count them
    moved = {n: (a, b) for n, a, b in Alert.from_event(event).attendees.moved()}
    before: Sequence[str] = attendees.get("before") or ()
    after: Sequence[str] = attendees.get("after") or ()
    added, removed = set(attendees.get("added") or ()), set(attendees.get("removed") or ())
    roles = {
        str(r.get("name")): f"role: {r.get('before')} → {r.get('after')}"
        for r in attendees.get("role_changes") or ()
    }
    variant_of: dict[str, str] = {}
    for v in attendees.get("variants") or ():
        text = f"written differently: {', '.join(v.get('before', ()))} → {', '.join(v.get('after', ()))}"
        for name in (*v.get("before", ()), *v.get("after", ())):
            variant_of[str(name)] = text
    pos_before = _positions(before)
    pos_after = _positions(after)
    order = list(dict.fromkeys([*after, *before]))
    rows = []
    for name in order:
        notes = []
        if name in added:
            notes.append("added")
        if name in removed:
            notes.append("removed")
        if name in moved and attendees.get("reordered"):
            notes.append(f"moved #{moved[name][0]} → #{moved[name][1]} (among names kept)")
        if name in variant_of:
            notes.append(variant_of[name])
        if name in roles:
            notes.append(roles[name])
        rows.append(PersonRow(name, pos_before.get(name), pos_after.get(name), tuple(notes)))
    return rows


def _positions(names: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, name in enumerate(names, 1):
        out.setdefault(name, i)
    return out
