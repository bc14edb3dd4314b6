"""A change event (SPEC.md "Change event" dict) in, an `Alert` value out.

`Alert` keeps the raw event for the webhook body and pulls out, defensively, the parts the
filters and renderers need. Events come from our own store, but an older schema or a partial
event must still render, so every field has a safe default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from alerts.safe_text import mask_url


@dataclass(frozen=True, slots=True)
class AlertEdit:
    """One wording edit of the event: op, before/after text, context, class, touches."""

    op: str
    before: str
    after: str
    context: str = ""
    cls: str = ""
    touches: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AlertVariant:
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlertRoleChange:
    name: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AlertAttendees:
    """The attendee comparison of the event; empty when the event has none."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reordered: bool = False
    variants: tuple[AlertVariant, ...] = ()
    role_changes: tuple[AlertRoleChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(
            self.added or self.removed or self.reordered or self.variants or self.role_changes
        )

    def moved(self) -> tuple[tuple[str, int, int], ...]:
        """Names kept in both lists whose rank changed: (name, old position, new position)."""
        old = {name: i for i, name in enumerate(self.before, 1)}
        kept = [name for name in self.after if name in old]
        # ranks among the kept names only, so an insertion alone does not count as a move
        old_kept = [name for name in self.before if name in set(kept)]
        return tuple(
            (name, old_kept.index(name) + 1, i)
            for i, name in enumerate(kept, 1)
            if old_kept.index(name) + 1 != i
        )


@dataclass(frozen=True, slots=True)
class Alert:
    """What a channel needs to tell a user about one change."""

    id: str
    kind: str
    title: str
    article_url: str
    feed_url: str
    feed_title: str
    summary: str
    similarity: float | None
    detected_at: str
    edits: tuple[AlertEdit, ...] = ()
    attendees: AlertAttendees = AlertAttendees()
    from_version: int | None = None
    to_version: int | None = None
    is_test: bool = False
    people: tuple[str, ...] = ()  # absence and rank findings: everyone the finding names
    event: Mapping[str, Any] = field(
        default_factory=lambda: MappingProxyType({}), compare=False, hash=False, repr=False
    )

    @property
    def change(self) -> float:
        """How much changed, 1 - similarity; a takedown or restoration counts as total."""
        if self.similarity is None:
            return 1.0
        return max(0.0, min(1.0, 1.0 - self.similarity))

    @classmethod
    def from_event(cls, event: Mapping[str, Any]) -> Alert:
        """Build an Alert from a change-event dict; unknown or missing fields get defaults."""
        feed = _mapping(event.get("feed"))
        article = _mapping(event.get("article"))
        similarity = event.get("similarity")
        return cls(
            id=str(event.get("id") or ""),
            kind=str(event.get("kind") or "change"),
            title=str(article.get("title") or mask_url(str(article.get("url") or "(untitled)"))),
            # masked again here: events stored before URLs were masked at detection
            article_url=mask_url(str(article.get("url") or "")),
            feed_url=mask_url(str(feed.get("url") or "")),
            feed_title=str(feed.get("title") or ""),
            summary=str(event.get("summary") or ""),
            similarity=float(similarity) if isinstance(similarity, int | float) else None,
            detected_at=str(event.get("detected_at") or ""),
            edits=tuple(_edit(e) for e in _seq(_mapping(event.get("wording")).get("edits"))),
            attendees=_attendees(_mapping(event.get("attendees"))),
            from_version=_int_or_none(event.get("from_version")),
            to_version=_int_or_none(event.get("to_version")),
            people=_finding_people(event),
            event=MappingProxyType(dict(event)),
        )

    @classmethod
    def test(cls, now: datetime | None = None) -> Alert:
        """A synthetic alert for `wirediff alerts test`, shaped like a real attendee change."""
        when = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        event: dict[str, Any] = {
            "type": "change",
            "schema": 1,
            "id": f"test-{when}",
            "kind": "attendees",
            "detected_at": when,
            "feed": {"url": "https://example.org/rss.xml", "title": "wirediff test"},
            "article": {
                "url": "https://example.org/wirediff-test",
                "guid": "wirediff-test",
                "title": "wirediff test alert",
            },
            "from_version": 1,
            "to_version": 2,
            "similarity": 0.98,
            "summary": "test alert: the attendee list changed (Cai Qiding, Xue Xiang -> Cai Qi, "
            "Ding Xuexiang)",
            "wording": {
                "edits": [
                    {
                        "op": "replace",
                        "before": "Cai Qiding, Xue Xiang",
                        "after": "Cai Qi, Ding Xuexiang",
                        "context": "Zhao Leji, Wang Huning, … Li Xi, and Han Zheng attended",
                        "class": "edit",
                        "touches": ["name"],
                    }
                ]
            },
            "attendees": {
                "before": ["Zhao Leji", "Wang Huning", "Cai Qiding", "Xue Xiang"],
                "after": ["Zhao Leji", "Wang Huning", "Cai Qi", "Ding Xuexiang"],
                "added": [],
                "removed": [],
                "reordered": False,
                "variants": [
                    {"before": ["Cai Qiding", "Xue Xiang"], "after": ["Cai Qi", "Ding Xuexiang"]}
                ],
            },
        }
        return replace(cls.from_event(event), is_test=True)


def _finding_people(event: Mapping[str, Any]) -> tuple[str, ...]:
    """Names an `absence` or `rank` aspect carries: canonical, and as written (`names`)."""
    names: list[str] = []
    for kind in ("absence", "rank"):
        aspect = _mapping(event.get(kind))
        names += _strs(aspect.get("people")) + _strs(aspect.get("names"))
    return tuple(dict.fromkeys(names))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _seq(value: Any) -> Sequence[Any]:
    return value if isinstance(value, list | tuple) else ()


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in _seq(value))


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _edit(raw: Any) -> AlertEdit:
    e = _mapping(raw)
    return AlertEdit(
        op=str(e.get("op") or "replace"),
        before=str(e.get("before") or ""),
        after=str(e.get("after") or ""),
        context=str(e.get("context") or ""),
        cls=str(e.get("class") or ""),
        touches=_strs(e.get("touches")),
    )


def _attendees(a: Mapping[str, Any]) -> AlertAttendees:
    variants = tuple(
        AlertVariant(_strs(_mapping(v).get("before")), _strs(_mapping(v).get("after")))
        for v in _seq(a.get("variants"))
    )
    roles = tuple(
        AlertRoleChange(
            str(_mapping(r).get("name") or ""),
            str(_mapping(r).get("before") or ""),
            str(_mapping(r).get("after") or ""),
        )
        for r in _seq(a.get("role_changes"))
    )
    return AlertAttendees(
        before=_strs(a.get("before")),
        after=_strs(a.get("after")),
        added=_strs(a.get("added")),
        removed=_strs(a.get("removed")),
        reordered=bool(a.get("reordered")),
        variants=variants,
        role_changes=roles,
    )
