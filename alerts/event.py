"""The change event: one typed shape for the pipeline, the store, the alerts and `--json`.

SPEC.md "Change event" is the contract; these TypedDicts are it, typed. A TypedDict (not a
class with attributes) because the event *is* the JSON object users script against: it is
built once by worker.pipeline.events.build_event, stored as its JSON text
(storage.changes), sent as the webhook body and printed by `changes --json` without any
conversion, so its shape cannot drift between them; mypy checks every key read or written,
and decode() validates a stored event against the same types (msgspec).

It lives in alerts/ because alerts may import neither worker nor storage and needs it; the
worker and storage import it from here, as they do alerts/safe_text.py.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

import msgspec

Kind = Literal[
    "wording", "attendees", "removed", "restored", "title", "absence", "rank", "discrepancy"
]
KINDS: tuple[Kind, ...] = (
    "wording",
    "attendees",
    "removed",
    "restored",
    "title",
    "absence",
    "rank",
    "discrepancy",
)
SCHEMA = 1


class FeedRef(TypedDict):
    url: str
    title: str | None


class ArticleRef(TypedDict):
    url: str | None
    guid: str | None
    title: str | None


# "class" is a Python keyword, hence the functional form
Edit = TypedDict(
    "Edit",
    {
        "op": str,  # insert | delete | replace | move
        "before": str,
        "after": str,
        "context": str,
        "class": str,
        "touches": list[str],  # number | date | name
    },
)


class Wording(TypedDict):
    edits: list[Edit]


class Variant(TypedDict):
    before: list[str]
    after: list[str]


class RoleChange(TypedDict):
    name: str
    before: str
    after: str


class Attendees(TypedDict):
    before: list[str]
    after: list[str]
    added: list[str]
    removed: list[str]
    reordered: bool
    variants: list[Variant]
    role_changes: NotRequired[list[RoleChange]]


class TitleChange(TypedDict):
    before: str
    after: str


class ChangeEvent(TypedDict):
    type: Literal["change"]
    schema: int
    id: str  # stable: the idempotency key receivers de-duplicate on
    kind: Kind
    detected_at: str  # ISO-8601 UTC, "Z"
    feed: FeedRef
    article: ArticleRef
    from_version: int | None
    to_version: int | None  # None for a takedown
    similarity: float
    summary: str
    wording: Wording
    attendees: NotRequired[Attendees]  # when the lists of people changed
    title: NotRequired[TitleChange]  # when the title changed
    absence: NotRequired[
        dict[str, Any]
    ]  # people over time: who went missing (docs/people-over-time.md)
    rank: NotRequired[dict[str, Any]]  # people over time: who moved above whom
    # events: reports of one meeting disagree (docs/events.md)
    discrepancy: NotRequired[dict[str, Any]]


def decode(text: str | bytes) -> ChangeEvent:
    """A stored event, checked against the types above (msgspec.ValidationError if not)."""
    return msgspec.json.decode(text, type=ChangeEvent)
