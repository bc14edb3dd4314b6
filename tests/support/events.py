"""Whole change events for tests that store one without running the pipeline."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alerts.event import ChangeEvent


def change_event(
    id: str, kind: str = "wording", detected_at: datetime | None = None, **fields: Any
) -> ChangeEvent:
    """A change event of SPEC's shape; `fields` replace the top-level fields given."""
    event: dict[str, Any] = {
        "type": "change",
        "schema": 1,
        "id": id,
        "kind": kind,
        "detected_at": (detected_at or datetime.now(UTC)).isoformat(),
        "feed": {"url": "https://e.org/rss", "title": None},
        "article": {"url": None, "guid": None, "title": None},
        "from_version": 1,
        "to_version": 2,
        "similarity": 0.9,
        "summary": "s",
        "wording": {"edits": []},
        **fields,
    }
    return event  # type: ignore[return-value]  # the test gives the rest


def people(after: list[str]) -> dict[str, Any]:
    """An attendees aspect in which only the later list is given."""
    return {
        "before": [],
        "after": after,
        "added": [],
        "removed": [],
        "reordered": False,
        "variants": [],
    }
