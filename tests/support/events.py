"""Whole change events for tests that store one without running the pipeline."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from alerts.event import ChangeEvent, Edit
from storage.db import Store
from storage.models import Article, Feed
from worker.detect.events import Features, report_features
from worker.service.seeds import load_roster

EVENTS_DATA = Path(__file__).resolve().parents[1] / "data" / "events"


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


def whole_edit(op: str, before: str, after: str, context: str = "") -> Edit:
    """A wording edit with every field of SPEC's shape (class and touches left empty)."""
    return {
        "op": op,
        "before": before,
        "after": after,
        "context": context,
        "class": "",
        "touches": [],
    }


def wire_articles(store: Store, *names: str) -> dict[str, int]:
    """One feed with an article per name (key `name`, url https://wire.example/<name>): the
    rows grouping places reports on. Returns the article ids by name."""
    with store.write() as session:
        session.add(Feed(url="https://wire.example/rss", name="wire"))
        session.flush()
        feed_id = session.scalar(sa.select(Feed.id))
        ids = {}
        for name in names:
            article = Article(feed_id=feed_id, key=name, url=f"https://wire.example/{name}")
            session.add(article)
            session.flush()
            ids[name] = article.id
    return ids


def linked_reports(file_name: str) -> dict[str, Features]:
    """The reports of tests/data/events/`file_name` by id, read as grouping reads them (title,
    text, the day published; the bundled roster)."""
    roster = load_roster()
    data = tomllib.loads((EVENTS_DATA / file_name).read_text(encoding="utf-8"))
    return {
        r["id"]: report_features(r["title"], r["text"], date.fromisoformat(r["published"]), roster)
        for r in data["report"]
    }
