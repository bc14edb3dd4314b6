"""A change event (SPEC.md "Change event" dict) in, an `Alert` value out.

`Alert` keeps the event for the webhook body and pulls out the parts the filters and
renderers need. The event is typed (alerts/event.py): the pipeline builds a ChangeEvent, and an
event read back from the store has been through alerts.event.decode, so its fields are read
as they are, without defaults or coercions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from alerts.event import Attendees, ChangeEvent, Edit
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
    def from_event(cls, event: ChangeEvent) -> Alert:
        """Build an Alert from a change event."""
        feed, article = event["feed"], event["article"]
        attendees = event.get("attendees")
        return cls(
            id=event["id"],
            kind=event["kind"],
            title=article["title"] or mask_url(article["url"] or "(untitled)"),
            # masked again here: events stored before URLs were masked at detection
            article_url=mask_url(article["url"] or ""),
            feed_url=mask_url(feed["url"]),
            feed_title=feed["title"] or "",
            summary=event["summary"],
            similarity=event["similarity"],
            detected_at=event["detected_at"],
            edits=tuple(_edit(e) for e in event["wording"]["edits"]),
            attendees=AlertAttendees() if attendees is None else _attendees(attendees),
            from_version=event["from_version"],
            to_version=event["to_version"],
            people=_finding_people(event),
            event=MappingProxyType(dict(event)),
        )

    @classmethod
    def test(cls, now: datetime | None = None) -> Alert:
        """A synthetic alert for `wirediff alerts test`, shaped like a real attendee change."""
        when = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        event: ChangeEvent = {
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


def _finding_people(event: ChangeEvent) -> tuple[str, ...]:
    """Names an `absence` or `rank` aspect carries: canonical, and as written (`names`)."""
    names: list[str] = []
    for aspect in (event.get("absence"), event.get("rank")):
        if aspect is not None:
            names += [*aspect.get("people", ()), *aspect.get("names", ())]
    return tuple(dict.fromkeys(names))


def _edit(e: Edit) -> AlertEdit:
    return AlertEdit(
        op=e["op"],
        before=e["before"],
        after=e["after"],
        context=e["context"],
        cls=e["class"],
        touches=tuple(e["touches"]),
    )


def _attendees(a: Attendees) -> AlertAttendees:
    return AlertAttendees(
        before=tuple(a["before"]),
        after=tuple(a["after"]),
        added=tuple(a["added"]),
        removed=tuple(a["removed"]),
        reordered=a["reordered"],
        variants=tuple(AlertVariant(tuple(v["before"]), tuple(v["after"])) for v in a["variants"]),
        role_changes=tuple(
            AlertRoleChange(r["name"], r["before"], r["after"]) for r in a.get("role_changes", ())
        ),
    )
