"""What the pipeline's stages share: the context of a pass and the values handed between stages."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from alerts.event import ChangeEvent
from storage.values import BodyPolicy, Wait, utcnow
from worker.detect.watch import PeopleWatch

if TYPE_CHECKING:
    import asyncio

    # The store's modules import SQLAlchemy, the fetcher's the HTTP stack: this module is
    # imported by a pass where nothing changed (worker.service.quick), which needs neither.
    from storage.articles import ArticleRow, Seen
    from storage.db import Store
    from storage.digests import Exchange
    from storage.models import Article, Feed
    from storage.quick import FeedRow
    from worker.detect.events import GroupingOptions  # grouping loads only when enabled
    from worker.detect.roster import Roster
    from worker.errors import WorkerError
    from worker.ingest.extract import TextReading
    from worker.ingest.extract_pool import Extractor
    from worker.ingest.fetch import Fetcher, FetchResult, Validators

    # What the start of a pass hands over for a feed (Context.prefetched)
    Prefetched = FetchResult | WorkerError | asyncio.Future[FetchResult]

GONE_STATUSES = frozenset({404, 410})
# Routes a change event to the names of the alert channels whose filters accept it.
Router = Callable[[ChangeEvent], list[str]]


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
    strict_interval: bool = False  # the interval wins over the feed's own hints
    hint: tuple[int, str] | None = None  # the feed's update hint as last parsed
    pace: float = 1.0  # the daemon's adaptive factor already in interval_s

    @classmethod
    def of(cls, row: Feed | FeedRow) -> FeedState:
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
            row.strict_interval,
            (row.hint_s, row.hint or "") if row.hint_s else None,
        )


@dataclass(slots=True)
class FeedOutcome:
    url: str
    status: str  # ok | not_modified | error | deferred (never sent: no free slot in time)
    error: str | None = None
    warning: str | None = None
    entries: int = 0
    new_versions: int = 0
    events: list[ChangeEvent] = field(default_factory=list)
    # entries whose page was wanted but could not be used, so the feed's own text was taken,
    # counted by reason ("HTTP 404", "host not found", ...)
    fell_back: Counter[str] = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": "feed",
            "url": self.url,
            "status": self.status,
            "error": self.error,
            "warning": self.warning,
            "entries": self.entries,
            "new_versions": self.new_versions,
            "fell_back": self.fell_back.total(),
            "fell_back_reasons": dict(self.fell_back.most_common()),
        }


@dataclass(slots=True)
class Tally:
    """What a pass has done so far, counted as it happens (an interrupted pass reports it)."""

    feeds: int = 0  # feeds in the pass
    feeds_done: int = 0
    versions: int = 0  # new versions committed
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def committed(self, versions: int) -> None:
        """Count versions as their transaction commits, in the storing thread: on Ctrl-C the
        awaiting coroutine is cancelled but the thread's commit still lands, and the message
        must say it was stored."""
        with self._lock:
            self.versions += versions


@dataclass(slots=True)
class Context:
    store: Store
    fetcher: Fetcher
    _roster: Roster | Callable[[], Roster]  # the roster, or how to get it on first use
    route: Router
    revisit: tuple[float, ...] = ()
    backoff_cap: float | None = None  # None: SPEC's default, the larger of interval and 1 h
    extractor: Extractor | None = None  # None: extract in a thread
    write_alerts: bool = True
    clock: Callable[[], datetime] = utcnow
    # file: URLs of the feed files named on this command line (`fetch --feed PATH`): the only
    # feeds ever read from local disk
    local_files: frozenset[str] = frozenset()
    tally: Tally = field(default_factory=Tally)
    captures: BodyPolicy = field(default_factory=BodyPolicy)  # [storage] keep_raw, capture_dir
    events: GroupingOptions | None = None  # None: no grouping at all ([events] enabled)
    alert_discrepancies: bool = False  # a new finding is a change event of kind `discrepancy`
    people: PeopleWatch = field(default_factory=PeopleWatch)  # [people] absence and rank
    # Absence and rank are found by replaying the stored history (linear in its size): a
    # long-running worker replays at most once per `people_check_every` seconds after new
    # versions, a pass once more at its end (`pending_people`), never once per feed.
    people_check_every: float = 60.0
    pending_people: bool = False
    people_checked_at: float = float("-inf")
    # In a one-shot pass (run_pass): the bookkeeping of feeds that answered 304 (or the same
    # body), written in one transaction per batch; None: each feed's right away (the daemons).
    unchanged: list[UnchangedFeed] | None = None
    # Feed bodies fetched before the pass began (worker.service.quick: the start of a pass
    # that turned out to have work), by feed URL: a fetch result or the error it raised, or
    # the request itself when it was still in flight then (awaited by the feed's refresh).
    prefetched: dict[str, Prefetched] = field(default_factory=dict)

    @property
    def roster(self) -> Roster:
        if callable(self._roster):
            self._roster = self._roster()
        assert not callable(self._roster)
        return self._roster


@dataclass(frozen=True, slots=True)
class UnchangedFeed:
    """What `storage.feeds.record_ok` records for a feed that did not change."""

    feed_id: int
    wait: Wait
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class PageText:
    """What the extract stage found for one entry."""

    text: str | None  # None: unchanged since the last fetch (304)
    source: str  # page | feed
    extractor: str | None = None
    extractor_version: str | None = None
    raw_hash: str | None = None
    validators: Validators | None = None
    gone: bool = False  # a page fetched before now answers 404/410 or redirects away
    note: str | None = None
    fallback: str | None = None  # why the feed's text was taken though the page was wanted
    capture: Exchange | None = None  # the response the text (or the takedown) came from
    reading: TextReading | None = None  # `text` normalized and read, by the extraction pool


@dataclass(slots=True)
class EntryResult:
    new_version: bool = False
    event: ChangeEvent | None = None
    deferred: bool = False  # its page waited too long for a free slot and was never asked for
    fell_back: str | None = None  # PageText.fallback
    discrepancies: list[ChangeEvent] = field(default_factory=list)  # new, of its event


@dataclass(frozen=True, slots=True)
class KnownArticle:
    id: int
    item_hash: str | None
    state: str
    page_etag: str | None
    page_last_modified: str | None
    page_seen: bool = False  # a version came from the page: only then can it be taken down
    page_raw_hash: str | None = None  # SHA-256 of the page bytes the latest version came from

    @classmethod
    def of(
        cls, row: Article | ArticleRow | Seen, page_seen: bool, page_raw_hash: str | None = None
    ) -> KnownArticle:
        return cls(
            row.id,
            row.item_hash,
            row.state,
            row.page_etag,
            row.page_last_modified,
            page_seen,
            page_raw_hash,
        )
