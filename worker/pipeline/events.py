"""Change events: the JSON object users script against (SPEC.md "Change event").

One event per new version of a report (or per takedown or restoration). The id is derived
from what the event is about, so re-detecting the same change gives the same id: the
idempotency key receivers de-duplicate on. Credentials in the feed's and the article's URLs
(user:password@, ?token=...) are masked in the event (the id still hashes the real URL), so
they never reach `changes --json`, webhook bodies or mail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypedDict

import msgspec

from alerts.event import SCHEMA, Attendees, ChangeEvent, Kind, TitleChange, Wording
from alerts.safe_text import mask_url

if TYPE_CHECKING:  # change detection loads on the first second version (snapshot.py)
    from worker.detect.changes import Change


@dataclass(frozen=True, slots=True)
class Subject:
    """What an event is about: the feed and the article, as users know them."""

    feed_url: str
    feed_title: str | None
    article_url: str | None
    article_guid: str | None
    article_title: str | None
    article_key: str


class Aspects(TypedDict, total=False):
    """What changed, as the event carries it: the wording always, the rest when it changed."""

    wording: Wording
    attendees: Attendees
    title: TitleChange
    absence: dict[str, Any]  # people over time (worker/pipeline/appearances.py)
    rank: dict[str, Any]
    discrepancy: dict[str, Any]  # events: reports of one meeting disagree (pipeline/grouping.py)


def aspects_of(change: Change) -> Aspects:
    """The detect core's Change as the event's aspects, checked against the event's types."""
    return msgspec.convert(change.aspects(), type=Aspects)


def change_id(subject: Subject, kind: str, from_version: int | None, to_version: int | None) -> str:
    material = "\x1f".join(
        [subject.feed_url, subject.article_key, kind, str(from_version), str(to_version)]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def build_event(
    subject: Subject,
    *,
    kind: Kind,
    detected_at: datetime,
    from_version: int | None,
    to_version: int | None,
    similarity: float,
    summary: str,
    aspects: Aspects | None = None,
) -> ChangeEvent:
    aspects = aspects or {}
    event: ChangeEvent = {
        "type": "change",
        "schema": SCHEMA,
        "id": change_id(subject, kind, from_version, to_version),
        "kind": kind,
        "detected_at": detected_at.isoformat().replace("+00:00", "Z"),
        "feed": {"url": mask_url(subject.feed_url), "title": subject.feed_title},
        "article": {
            "url": mask_url(subject.article_url) if subject.article_url else None,
            "guid": mask_url(subject.article_guid) if subject.article_guid else None,
            "title": subject.article_title,
        },
        "from_version": from_version,
        "to_version": to_version,
        "similarity": similarity,
        "summary": summary,
        "wording": aspects["wording"] if "wording" in aspects else {"edits": []},
    }
    if "attendees" in aspects:
        event["attendees"] = aspects["attendees"]
    if "title" in aspects:
        event["title"] = aspects["title"]
    if "absence" in aspects:
        event["absence"] = aspects["absence"]
    if "rank" in aspects:
        event["rank"] = aspects["rank"]
    if "discrepancy" in aspects:
        event["discrepancy"] = aspects["discrepancy"]
    return event
