"""The one orchestrator: fetch -> parse -> extract -> snapshot -> detect -> outbox.

`refresh_feed` reads top to bottom, one stage per call. The store is synchronous SQLAlchemy
run off the event loop in worker threads (storage/db.py keeps SQLite to one writer), so the
event loop never blocks on the database. A change and its alert outbox rows are committed
in one transaction; delivery reads the outbox later (worker/deliver.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from storage import articles, feeds
from storage.db import Store
from storage.digests import Exchange
from storage.errors import StorageError, StoreConflict
from worker.context import (
    GONE_STATUSES,
    Context,
    EntryResult,
    FeedOutcome,
    FeedState,
    KnownArticle,
    PageText,
)
from worker.errors import ExtractError, FetchError, HTTPStatusError, ParseError, WorkerError
from worker.extract import extract_article
from worker.fetch import Fetcher, FetchResult, Validators
from worker.guard import url_host
from worker.parse import ParsedEntry, parse_feed
from worker.snapshot import store_entry

logger = logging.getLogger(__name__)

# -- feed level ------------------------------------------------------------------------------


async def refresh_feed(ctx: Context, feed: FeedState) -> FeedOutcome:
    """One feed, end to end. Per-feed failures become an `error` outcome, never an exception."""
    try:
        result = await fetch_feed_body(ctx.fetcher, feed)
    except WorkerError as err:
        return await _record_error(ctx, feed, _one_line(feed.url, err), err)
    body_hash = hashlib.sha256(result.body).hexdigest() if not result.not_modified else None
    if result.not_modified or body_hash == feed.body_hash:
        await _record_ok(ctx, feed, result, None, None)
        return FeedOutcome(feed.url, "not_modified")
    try:
        # feedparser takes tens of ms on a big feed: keep the event loop free for I/O meanwhile
        parsed = await asyncio.to_thread(parse_feed, result.body, result.url, result.content_type)
    except ParseError as err:
        return await _record_error(ctx, feed, _one_line(feed.url, err), err)
    known = await asyncio.to_thread(_known_articles, ctx.store, feed.id)
    entries = _unique(parsed.entries)
    gathered = await asyncio.gather(
        *(
            process_entry(ctx, feed, entry, known.get(entry.key), feed_capture=result.capture)
            for entry in entries
        ),
        return_exceptions=True,
    )
    results, failed = _split_failures(feed, entries, gathered)
    # With failed entries neither the body nor its validators are remembered: the next pass
    # fetches and parses it again, and the failed entries get another chance.
    if failed:
        result = replace(result, validators=Validators(feed.etag, feed.last_modified))
    await _record_ok(
        ctx, feed, result, None if failed else body_hash, parsed.title, parsed.ttl_seconds
    )
    warnings = [w for w in (parsed.warning, f"{failed} entries failed" if failed else None) if w]
    outcome = FeedOutcome(feed.url, "ok", warning=_prefixed(feed.url, "; ".join(warnings) or None))
    outcome.entries = len(parsed.entries)
    outcome.new_versions = sum(r.new_version for r in results)
    outcome.events = [r.event for r in results if r.event is not None]
    return outcome


def _split_failures(
    feed: FeedState, entries: Sequence[ParsedEntry], gathered: Sequence[EntryResult | BaseException]
) -> tuple[list[EntryResult], int]:
    """Entry results, and how many entries failed; a store failure fails the whole feed."""
    results: list[EntryResult] = []
    failed = 0
    for entry, item in zip(entries, gathered, strict=True):
        if isinstance(item, StorageError):
            raise item
        if isinstance(item, BaseException):
            if not isinstance(item, Exception):
                raise item  # cancellation and interrupts are not entry failures
            failed += 1
            logger.error("entry crashed feed=%s entry=%s", feed.url, entry.key, exc_info=item)
            continue
        results.append(item)
    return results, failed


async def fetch_feed_body(fetcher: Fetcher, feed: FeedState) -> FetchResult:
    """HTTP(S) through the fetcher; `file://` feeds (from `fetch --feed PATH`) read from disk."""
    if not feed.url.startswith("file:"):
        return await fetcher.fetch(feed.url, Validators(feed.etag, feed.last_modified))
    path = Path(url2pathname(urlsplit(feed.url).path))
    try:
        body = await asyncio.to_thread(path.read_bytes)
    except OSError as err:
        raise FetchError(feed.url, f"{path}: {err.strerror or err}") from err
    if len(body) > fetcher.options.max_bytes:
        raise FetchError(feed.url, f"{path}: file is over the {fetcher.options.max_bytes} byte cap")
    return FetchResult(feed.url, 200, body, None, Validators(), False, False, None, None, 0.0)


def _unique(entries: Iterable[ParsedEntry]) -> list[ParsedEntry]:
    # A feed may list one item twice; the first occurrence wins, as feed readers do.
    seen: dict[str, ParsedEntry] = {}
    for entry in entries:
        seen.setdefault(entry.key, entry)
    return list(seen.values())


def _known_articles(store: Store, feed_id: int) -> dict[str, KnownArticle]:
    with store.read() as session:
        return {
            key: KnownArticle(a.id, a.item_hash, a.state, a.page_etag, a.page_last_modified)
            for key, a in articles.for_feed(session, feed_id).items()
        }


# -- entry level -----------------------------------------------------------------------------


async def process_entry(
    ctx: Context,
    feed: FeedState,
    entry: ParsedEntry,
    known: KnownArticle | None,
    *,
    revisit: bool = False,
    feed_capture: Exchange | None = None,
) -> EntryResult:
    """Extract the entry's text and store a version if it changed; detect and record changes."""
    if not revisit and known and known.item_hash == entry.item_hash and known.state == "live":
        return EntryResult()  # the feed item did not change; revisits catch silent page edits
    page = await extract_entry_text(ctx, feed, entry, known)
    if page.capture is None and not page.gone and (page.source == "feed" or page.text is None):
        page = replace(page, capture=feed_capture)  # what changed came from the feed's body
    try:
        return await asyncio.to_thread(store_entry, ctx, feed, entry, page)
    except StoreConflict:
        # Another worker stored this version (or change) first: the database kept one copy.
        logger.info("entry stored by another worker feed=%s entry=%s", feed.url, entry.key)
        return EntryResult()
    except StorageError:
        raise
    except WorkerError as err:  # one entry's bad content never stops the feed
        logger.warning("entry failed feed=%s entry=%s error=%s", feed.url, entry.key, err)
        return EntryResult()


async def extract_entry_text(
    ctx: Context, feed: FeedState, entry: ParsedEntry, known: KnownArticle | None
) -> PageText:
    """The page's main text when the feed follows links, else (or on failure) the feed's text."""
    link = entry.link
    if not feed.follow_links or not link or not link.startswith(("http://", "https://")):
        return _feed_text(entry)
    validators = Validators(known.page_etag, known.page_last_modified) if known else None
    trusted = url_host(feed.url) if not feed.url.startswith("file:") else None
    try:
        result = await ctx.fetcher.fetch(link, validators, trusted_host=trusted or "")
    except HTTPStatusError as err:
        if err.status_code in GONE_STATUSES and known is not None:
            note = f"HTTP {err.status_code}"
            return PageText(None, "page", gone=True, note=note, capture=err.capture)
        return _feed_text(entry, note=_one_line(link, err))
    except FetchError as err:
        return _feed_text(entry, note=_one_line(link, err))
    if result.not_modified:
        return PageText(None, "page", validators=validators)
    if known is not None and _redirected_away(link, result):
        note = f"redirected to {result.url}"
        return PageText(None, "page", gone=True, note=note, capture=result.capture)
    raw_hash = hashlib.sha256(result.body).hexdigest()
    try:
        if ctx.extractor is not None:
            extracted = await ctx.extractor.extract(result.body, result.url)
        else:
            extracted = await asyncio.to_thread(extract_article, result.body, result.url)
    except ExtractError as err:
        return _feed_text(entry, note=_one_line(link, err))
    return PageText(
        extracted.text,
        "page",
        extracted.extractor,
        extracted.extractor_version,
        raw_hash,
        result.validators,
        capture=result.capture,
    )


def _redirected_away(link: str, result: FetchResult) -> bool:
    """A report that now redirects to another site or to the site's front page was taken down."""
    if not result.redirected:
        return False
    old, new = urlsplit(link), urlsplit(result.url)
    if (old.hostname or "").removeprefix("www.") != (new.hostname or "").removeprefix("www."):
        return True
    return new.path.strip("/") == "" or new.path.count("/") < min(old.path.count("/"), 2)


def _feed_text(entry: ParsedEntry, note: str | None = None) -> PageText:
    if note:
        logger.info("using feed text entry=%s reason=%s", entry.key, note)
    return PageText(entry.content, "feed", "feed", None, None, None, note=note)


# -- feed bookkeeping ------------------------------------------------------------------------


async def _record_ok(
    ctx: Context,
    feed: FeedState,
    result: FetchResult,
    body_hash: str | None,
    title: str | None,
    ttl: int | None = None,
) -> None:
    # Never sooner than the feed's own TTL, Cache-Control/Expires or Retry-After allow.
    wait = max(
        float(feed.interval_s), result.cache_max_age or 0.0, result.retry_after or 0.0, ttl or 0.0
    )
    next_at = ctx.clock() + timedelta(seconds=wait)

    def write() -> None:
        with ctx.store.write() as session:
            feeds.record_ok(
                session,
                feed.id,
                next_fetch_at=next_at,
                etag=result.validators.etag,
                last_modified=result.validators.last_modified,
                body_hash=body_hash,
                title=title,
            )

    await asyncio.to_thread(write)


async def _record_error(
    ctx: Context, feed: FeedState, message: str, err: WorkerError
) -> FeedOutcome:
    cap = int(ctx.backoff_cap) if ctx.backoff_cap is not None else None
    delay = feeds.backoff_delay(feed.interval_s, feed.error_count + 1, cap)
    retry_after = getattr(err, "retry_after", None)
    if retry_after:
        delay = max(delay, timedelta(seconds=retry_after))
    next_at = ctx.clock() + delay

    def write() -> None:
        with ctx.store.write() as session:
            feeds.record_error(session, feed.id, message, next_fetch_at=next_at)

    await asyncio.to_thread(write)
    logger.warning("feed failed url=%s error=%s", feed.url, message)
    return FeedOutcome(feed.url, "error", error=message)


def _one_line(url: str, err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if url in text else f"{url}: {text}"


def _prefixed(url: str, warning: str | None) -> str | None:
    return None if warning is None else _one_line(url, Exception(warning))


# -- a whole pass ----------------------------------------------------------------------------


async def run_pass(
    ctx: Context,
    feed_states: Sequence[FeedState],
    *,
    on_outcome: Callable[[FeedOutcome], None] | None = None,
    concurrency: int = 16,
) -> list[FeedOutcome]:
    """Refresh every feed once (bounded concurrency); per-feed failures are outcomes."""
    limit = asyncio.Semaphore(concurrency)

    async def one(feed: FeedState) -> FeedOutcome:
        async with limit:
            try:
                outcome = await refresh_feed(ctx, feed)
            except StorageError as err:
                outcome = FeedOutcome(feed.url, "error", error=f"{feed.url}: {err}")
            except Exception as err:  # a bug must not stop the pass: log it whole, report one line
                logger.exception("refresh crashed url=%s", feed.url)
                outcome = FeedOutcome(
                    feed.url,
                    "error",
                    error=f"{feed.url}: internal error: {type(err).__name__}: {err}",
                )
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    return list(await asyncio.gather(*(one(f) for f in feed_states)))


def load_feed_states(store: Store, urls: Iterable[str] | None = None) -> list[FeedState]:
    with store.read() as session:
        rows = feeds.all_feeds(session)
        wanted = set(urls) if urls is not None else None
        return [FeedState.of(r) for r in rows if wanted is None or r.url in wanted]
