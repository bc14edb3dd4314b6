"""Two versions of one report in, one Change out (or None when nothing worth telling changed).

The aspects are computed independently (wording, people, title); `kind` names the most
significant one in the order the interface contract gives: attendees, title, wording
(removed and restored are decided by the pipeline, which sees HTTP status, not text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from worker.detect.attendees import compare_people
from worker.detect.diff import diff_words
from worker.detect.model import AttendeeDiff, Person, WordDiff
from worker.detect.normalize import fold_text
from worker.detect.people import extract_people
from worker.detect.roster import Roster


@dataclass(frozen=True, slots=True)
class Text:
    """A version as detection sees it: its title and its normalized main text."""

    title: str
    body: str


TextKind = Literal["attendees", "title", "wording"]  # the kinds text decides (of SPEC's five)


@dataclass(frozen=True, slots=True)
class Change:
    kind: TextKind
    similarity: float
    summary: str
    wording: WordDiff
    attendees: AttendeeDiff | None
    title: tuple[str, str] | None

    def aspects(self) -> dict[str, Any]:
        """The event's aspect fields: wording, attendees (when people changed) and title."""
        out: dict[str, Any] = {"wording": self.wording.to_dict()}
        if self.attendees is not None:
            out["attendees"] = self.attendees.to_dict()
        if self.title is not None:
            out["title"] = {"before": self.title[0], "after": self.title[1]}
        return out


def detect_change(
    before: Text,
    after: Text,
    roster: Roster | None = None,
    *,
    people: tuple[Sequence[Person], Sequence[Person]] | None = None,
    normalized: tuple[bool, bool] = (False, False),
) -> Change | None:
    """Compare two versions; None when they differ only trivially.

    `normalized`: whether each body (before, after) is this code's `normalize_text` output
    already (the pipeline's new text is), so that the word diff does not normalize it again.

    >>> c = detect_change(Text("T", "Li Qiang and Wang Yi attended."), Text("T", "Li Qiang attended."))
    >>> c.kind, c.attendees.removed
    ('attendees', ('Wang Yi',))
    """
    roster = roster or Roster.empty()
    if people is None:  # `people`: both lists when the caller has extracted them already
        people = (extract_people(before.body, roster), extract_people(after.body, roster))
    people_before, people_after = people
    names = {p.name for p in (*people_before, *people_after)}
    wording = diff_words(before.body, after.body, names=names, normalized=normalized)
    attendees = compare_people(people_before, people_after, roster)
    title = _title_change(before.title, after.title)
    people_changed = attendees.changed
    if not (wording.changed or people_changed or title):
        return None
    kind: TextKind = "attendees" if people_changed else "title" if title else "wording"
    return Change(
        kind=kind,
        similarity=round(wording.similarity, 4),
        summary=summarize(kind, wording, attendees if people_changed else None, title),
        wording=wording,
        attendees=attendees if people_changed else None,
        title=title,
    )


def _title_change(before: str, after: str) -> tuple[str, str] | None:
    if fold_text(before or "") == fold_text(after or ""):
        return None
    return (before, after)


def summarize(
    kind: str, wording: WordDiff, attendees: AttendeeDiff | None, title: tuple[str, str] | None
) -> str:
    """One human-readable line naming the most telling facts first."""
    parts: list[str] = []
    if attendees is not None:
        parts.extend(_people_summary(attendees))
    if title is not None:
        parts.append(f"title changed from {title[0]!r} to {title[1]!r}")
    if wording.edits:
        parts.append(_wording_summary(wording))
    return "; ".join(parts) or f"{kind} changed"


def _people_summary(a: AttendeeDiff) -> list[str]:
    parts = []
    if a.removed:
        parts.append("removed from the list: " + ", ".join(a.removed))
    if a.added:
        parts.append("added to the list: " + ", ".join(a.added))
    for v in a.variants:
        parts.append(f"names written differently: {', '.join(v.before)} -> {', '.join(v.after)}")
    for r in a.role_changes:
        parts.append(f"{r.name}: {r.before} -> {r.after}")
    if a.reordered:
        parts.append("order of names changed")
    return parts


def _wording_summary(w: WordDiff) -> str:
    counts: dict[str, int] = {}
    for e in w.edits:
        counts[e.cls] = counts.get(e.cls, 0) + 1
    touched = sorted({t for e in w.edits for t in e.touches})
    text = ", ".join(f"{n} {cls}{'s' if n > 1 else ''}" for cls, n in sorted(counts.items()))
    if touched:
        text += " touching " + "/".join(touched)
    return f"{text} (similarity {w.similarity:.3f})"
