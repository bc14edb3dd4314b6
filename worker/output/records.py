"""The JSON objects of stored rows, as `--json` prints them (README "JSON output").

The command line and the web interface's JSON twins both build them here, so a dashboard
reading `wirediff serve` gets exactly what a script reading `wirediff changes --json` gets.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from alerts.durations import format_duration
from alerts.event import ChangeEvent
from storage import changes, feeds
from storage.models import Article, Change, Delivery, Feed, Version
from worker.detect.changes import Change as Detected
from worker.pipeline.events import Subject, aspects_of, build_event


def iso(value: datetime | None) -> str | None:
    """ISO-8601 UTC with a Z, as every JSON time of the interface is written."""
    return value.isoformat().replace("+00:00", "Z") if value else None


def feed_record(feed: Feed, articles: dict[str, int] | None = None) -> dict[str, Any]:
    """One line of `feeds list --json`; `articles`: counts in the feed / left it / taken down
    (storage.articles.listing_by_feed)."""
    effective = feed.wait_s or feed.interval_s
    return {
        "type": "feed",
        "url": feed.url,
        "name": feed.name,
        "interval": format_duration(feed.interval_s),
        "effective_interval": format_duration(effective),
        "interval_reason": feed.wait_reason,
        "strict_interval": feed.strict_interval,
        "follow_links": feed.follow_links,
        "category": feed.category,
        "last_ok_at": iso(feed.last_ok_at),
        "error_count": feed.error_count,
        "last_error": feed.last_error,
        "next_fetch_at": iso(feed.next_fetch_at),
        "entries": feed.last_entries,
        "fell_back": feed.fell_back,
        "fell_back_reasons": feeds.fell_back_reasons(feed),
        "articles": articles or {"in_feed": 0, "left_feed": 0, "removed": 0},
    }


def article_state(article: Article) -> str:
    """in_feed | left_feed | removed (taken down: 404/410 or redirected away)."""
    if article.state == "removed":
        return "removed"
    return "left_feed" if article.left_feed_at is not None else "in_feed"


def version_record(
    version: Version, state: str, evidence: tuple[bool, str | None] = (False, None)
) -> dict[str, Any]:
    """One line of `history --json`. `state`: the article's (`article_state`); `evidence`: (its
    capture is stored, its log record's hash), from storage.chain.evidence_of."""
    captured, record_hash = evidence
    return {
        "type": "version",
        "version": version.number,
        "fetched_at": iso(version.fetched_at),
        "title": version.title,
        "link": version.link,
        "text_hash": version.text_hash,
        "source": version.source,
        "extractor": version.extractor,
        "extractor_version": version.extractor_version,
        "raw_hash": version.raw_hash,
        "article_state": state,
        "capture": captured,
        "record_hash": record_hash,
    }


def delivery_record(delivery: Delivery) -> dict[str, Any]:
    return {
        "channel": delivery.channel,
        "state": delivery.state,
        "attempts": delivery.attempts,
        "last_error": delivery.last_error,
    }


class ChangeRecord(ChangeEvent):
    """A stored change event with the states of its alerts: `changes --json`."""

    deliveries: list[dict[str, Any]]


def change_record(row: Change, deliveries: list[Delivery]) -> ChangeRecord:
    """One line of `changes --json`: the stored change event plus its delivery states."""
    return {**changes.event_of(row), "deliveries": [delivery_record(d) for d in deliveries]}


def diff_event(article: Article, a: Version, b: Version, change: Detected | None) -> ChangeEvent:
    """`diff --format json`: the change event between two stored versions of one report."""
    subject = Subject("", None, article.url, article.guid, b.title, article.key)
    if change is None:
        return build_event(
            subject,
            kind="wording",
            detected_at=datetime.now(UTC),
            from_version=a.number,
            to_version=b.number,
            similarity=1.0,
            summary="no change beyond whitespace, quotes or punctuation",
        )
    return build_event(
        subject,
        kind=change.kind,
        detected_at=datetime.now(UTC),
        from_version=a.number,
        to_version=b.number,
        similarity=change.similarity,
        summary=change.summary,
        aspects=aspects_of(change),
    )
