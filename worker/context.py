"""What the pipeline's stages share: the context of a pass and the values handed between stages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from storage.captures import BodyPolicy
from storage.db import Store
from storage.digests import Exchange
from storage.models import Feed
from worker.detect.roster import Roster
from worker.extract_pool import Extractor
from worker.fetch import Fetcher, Validators

GONE_STATUSES = frozenset({404, 410})
# Routes a change event to the names of the alert channels whose filters accept it.
Router = Callable[[dict[str, Any]], list[str]]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed row copied out of its session, safe to hand between threads."""

    id: int
    url: str
    name: str | None
    title: str | None
    interval_s: int
    follow_links: bool
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    error_count: int

    @classmethod
    def of(cls, row: Feed) -> FeedState:
        return cls(
            row.id,
            row.url,
            row.name,
            row.title,
            row.interval_s,
            row.follow_links,
            row.etag,
            row.last_modified,
            row.body_hash,
            row.error_count,
        )


@dataclass(slots=True)
class FeedOutcome:
    url: str
    status: str  # ok | not_modified | error
    error: str | None = None
    warning: str | None = None
    entries: int = 0
    new_versions: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "feed",
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "warning": self.warning,
            "entries": self.entries,
            "new_versions": self.new_versions,
        }


@dataclass(slots=True)
class Context:
    store: Store
    fetcher: Fetcher
    roster: Roster
    route: Router
    revisit: tuple[float, ...] = ()
    backoff_cap: float | None = None  # None: SPEC's default, the larger of interval and 1 h
    extractor: Extractor | None = None  # None: extract in a thread
    write_alerts: bool = True
    clock: Callable[[], datetime] = utcnow
    captures: BodyPolicy = field(default_factory=BodyPolicy)  # [storage] keep_raw, capture_dir


@dataclass(frozen=True, slots=True)
class PageText:
    """What the extract stage found for one entry."""

    text: str | None  # None: unchanged since the last fetch (304)
    source: str  # page | feed
    extractor: str | None = None
    extractor_version: str | None = None
    raw_hash: str | None = None
    validators: Validators | None = None
    gone: bool = False  # the page answered 404/410
    note: str | None = None
    capture: Exchange | None = None  # the response the text (or the takedown) came from


@dataclass(slots=True)
class EntryResult:
    new_version: bool = False
    event: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class KnownArticle:
    id: int
    item_hash: str | None
    state: str
    page_etag: str | None
    page_last_modified: str | None
