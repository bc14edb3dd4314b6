"""The one orchestrator: fetch -> parse -> extract -> snapshot -> detect -> outbox.

`refresh_feed` reads top to bottom, one stage per call. The store is synchronous SQLAlchemy
Core (storage/tables.py, through `Store.connect` and `Store.begin`: the ORM is never imported)
run off the event loop in worker threads (storage/db.py keeps SQLite to one writer), so the
event loop never blocks on the database. A change and its alert outbox rows are committed
in one transaction; delivery reads the outbox later (worker/service/deliver.py).
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

from alerts.event import ChangeEvent
from storage import articles, feeds, versions
from storage.db import Store
from storage.digests import Exchange
from storage.errors import StorageError, StoreConflict
from storage.feeds import Listing
from storage.values import Wait
from worker.errors import (
    ExtractError,
    FetchError,
    HTTPStatusError,
    ParseError,
    QueueTimeout,
    ResponseTooLarge,
    WorkerError,
    one_line,
)
from worker.ingest.extract import extract_article
from worker.ingest.feedurl import FeedURLError, check_feed_url
from worker.ingest.fetch import FetchResult, Validators
from worker.ingest.guard import url_host
from worker.ingest.parse import ParsedEntry, parse_feed
from worker.pipeline.context import (
    GONE_STATUSES,
    Context,
    EntryResult,
    FeedOutcome,
    FeedState,
    KnownArticle,
    PageText,
    UnchangedFeed,
)
from worker.pipeline.pacing import next_wait
from worker.pipeline.snapshot import store_entries, store_entry

if TYPE_CHECKING:
    from storage.db import Connection

logger = logging.getLogger(__name__)

# -- feed level ------------------------------------------------------------------------------


async def refresh_feed(ctx: Context, feed: FeedState) -> FeedOutcome:
    """One feed, end to end. Per-feed failures become an `error` outcome, never an exception."""
    if feed.url not in ctx.local_files:
        try:
            check_feed_url(feed.url)
        except FeedURLError as err:  # stored before URLs were checked where they enter
            message = f"{err}; not fetched (`wirediff feeds remove {feed.url}` removes it)"
            return await _record_error(ctx, feed, message, err)
    try:
        result = await fetch_feed_body(ctx, feed)
    except QueueTimeout as err:  # never sent: the feed stays due, its error count unchanged
        return FeedOutcome(feed.url, "deferred", warning=str(err))
    except WorkerError as err:
        return await _record_error(ctx, feed, _one_line(feed.url, err), err)
    body_hash = hashlib.sha256(result.body).hexdigest() if not result.not_modified else None
    if result.not_modified or body_hash == feed.body_hash:
        await _record_unchanged(ctx, feed, result)
        return FeedOutcome(feed.url, "not_modified")
    try:
        # feedparser takes tens of ms on a big feed: keep the event loop free for I/O meanwhile
        parsed = await asyncio.to_thread(parse_feed, result.body, result.url, result.content_type)
    except ParseError as err:
        return await _record_error(ctx, feed, _one_line(feed.url, err), err)
    known = await asyncio.to_thread(_known_articles, ctx.store, feed.id)
    entries = _unique(parsed.entries)
    if any(e.key not in known for e in entries):
        entries = await asyncio.to_thread(
            _same_link_same_report, ctx.store, feed.id, entries, known
        )
    hint = (parsed.ttl_seconds, parsed.ttl_source or "") if parsed.ttl_seconds else None
    paced = replace(feed, hint=hint)

    def bookkeeping(gathered: Sequence[EntryResult | BaseException]) -> _FeedOk:
        return _FeedOk.of(ctx, paced, result, body_hash, parsed.title, entries, gathered)

    # The feed's bookkeeping goes in its entries' transaction when they are stored in one
    gathered, recorded = await process_entries(
        ctx, feed, entries, known, feed_capture=result.capture, bookkeeping=bookkeeping
    )
    results, failed = _split_failures(feed, entries, gathered)
    if not recorded:  # nothing stored, or the entries one by one: a transaction of its own
        await asyncio.to_thread(_write_ok, ctx, bookkeeping(gathered))
    deferred = sum(r.deferred for r in results)
    fell_back = Counter(r.fell_back for r in results if r.fell_back)
    warnings = [
        w
        for w in (
            parsed.warning,
            f"{failed} entries failed" if failed else None,
            f"{deferred} pages not fetched: no free connection slot within "
            f"{ctx.fetcher.options.queue_timeout:g} s; they are fetched next pass"
            if deferred
            else None,
        )
        if w
    ]
    outcome = FeedOutcome(feed.url, "ok", warning=_prefixed(feed.url, "; ".join(warnings) or None))
    outcome.entries = len(parsed.entries)
    outcome.new_versions = sum(r.new_version for r in results)
    outcome.fell_back = fell_back
    outcome.events = [r.event for r in results if r.event is not None]
    outcome.events += [d for r in results for d in r.discrepancies]  # of their events
    if outcome.new_versions or any(e["kind"] in ("removed", "restored") for e in outcome.events):
        ctx.pending_people = True
    outcome.events += await people_findings(ctx)
    return outcome


async def people_findings(ctx: Context, *, now: bool = False) -> list[ChangeEvent]:
    """Absence and rank findings (change events), when versions were stored since the last
    look and it is time for one: at once with `now` (a pass's end), else at most once per
    `ctx.people_check_every` seconds."""
    if not ctx.pending_people:
        return []
    clock = time.monotonic()
    if not now and clock - ctx.people_checked_at < ctx.people_check_every:
        return []
    ctx.pending_people, ctx.people_checked_at = False, clock
    from worker.pipeline.appearances import check_people  # people reading: only when needed

    return await asyncio.to_thread(check_people, ctx)


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


async def fetch_feed_body(ctx: Context, feed: FeedState) -> FetchResult:
    """HTTP(S) through the fetcher; a local file only when this pass was given its path on the
    command line (`fetch --feed PATH`), read up to the size cap and no further. A body the
    pass's start fetched already (ctx.prefetched) is taken from there, once."""
    prefetched = ctx.prefetched.pop(feed.url, None)
    if isinstance(prefetched, asyncio.Future):  # still in flight when the pass began
        try:
            prefetched = await prefetched
        except WorkerError:
            raise
        except Exception:  # a bug in that request: fetched again below, as the start would
            logger.debug("pass start: %s fetched again", feed.url, exc_info=True)
            prefetched = None
    if isinstance(prefetched, WorkerError):
        raise prefetched
    if prefetched is not None:
        return prefetched
    if feed.url not in ctx.local_files:
        return await ctx.fetcher.fetch(feed.url, Validators(feed.etag, feed.last_modified))
    cap = ctx.fetcher.options.max_bytes
    path = Path(url2pathname(urlsplit(feed.url).path))

    def read() -> bytes:
        with path.open("rb") as fh:  # a device such as /dev/zero is read up to the cap only
            return fh.read(cap + 1)

    try:
        body = await asyncio.to_thread(read)
    except OSError as err:
        raise FetchError(feed.url, f"{path}: {err.strerror or err}") from err
    if len(body) > cap:
        raise ResponseTooLarge(
            feed.url, f"{path}: more than the {cap} byte cap ([fetch] max_bytes); not read further"
        )
    return FetchResult(feed.url, 200, body, None, Validators(), False, False, None, None, 0.0)


def _unique(entries: Iterable[ParsedEntry]) -> list[ParsedEntry]:
    # A feed may list one item twice; the first occurrence wins, as feed readers do.
    seen: dict[str, ParsedEntry] = {}
    for entry in entries:
        seen.setdefault(entry.key, entry)
    return list(seen.values())


def _same_link_same_report(
    store: Store, feed_id: int, entries: list[ParsedEntry], known: dict[str, KnownArticle]
) -> list[ParsedEntry]:
    """Entries whose GUID changed while their link did not, given the key of the stored report
    they are: a new key whose link is the link of exactly one article still in the feed, whose
    own key the feed no longer lists (and no other entry has that link).

    Some feeds give an item a new GUID at every fetch (a timestamp or a random id in it): each
    pass then stored every item as a new report, fetched its page again, and an edit was
    reported once for every copy a revisit reached (or never, as a first version)."""
    listed = {e.key for e in entries}
    links = Counter(e.link for e in entries if e.link)
    fresh = [e for e in entries if e.key not in known and e.link and links[e.link] == 1]
    if not fresh:
        return entries
    with store.connect() as conn:
        rows = articles.in_feed_by_url(conn, feed_id, [e.link for e in fresh if e.link])
    stored: dict[str, list[str]] = {}
    for key, url in rows:
        if key not in listed:
            stored.setdefault(url, []).append(key)
    adopted = {
        e.key: stored[e.link][0] for e in fresh if e.link and len(stored.get(e.link, ())) == 1
    }
    if adopted:
        logger.info("feed=%s: %d entries with a new GUID and a known link", feed_id, len(adopted))
    return [replace(e, key=adopted[e.key]) if e.key in adopted else e for e in entries]


def _known_articles(store: Store, feed_id: int) -> dict[str, KnownArticle]:
    with store.connect() as conn:
        rows = articles.seen_in_feed(conn, feed_id)
        pages = versions.page_history(conn, [a.id for a in rows.values()])
        return {key: KnownArticle.of(a, a.id in pages, pages.get(a.id)) for key, a in rows.items()}


# -- entry level -----------------------------------------------------------------------------


async def process_entries(
    ctx: Context,
    feed: FeedState,
    entries: Sequence[ParsedEntry],
    known: dict[str, KnownArticle],
    *,
    feed_capture: Exchange | None = None,
    bookkeeping: Callable[[Sequence[EntryResult | BaseException]], _FeedOk] | None = None,
) -> tuple[list[EntryResult | BaseException], bool]:
    """A feed's entries: pages fetched and extracted concurrently, then every text stored in
    one transaction (one commit per feed). When that transaction fails on one entry (a
    conflict with another worker, bad content, a bug), each entry is stored on its own, so the
    others are kept as before. A failed entry is its exception in the list.

    `bookkeeping`, given what the pages came to (the results to be, failed entries as their
    exceptions), is the feed's bookkeeping: written in the entries' transaction when they are
    stored in one, so a feed with something new costs one write transaction, not two. Returns
    the results, and whether the bookkeeping was written (else the caller writes it)."""
    if ctx.extractor is not None and feed.follow_links:  # big passes start the pool early
        ctx.extractor.expect(sum(not _unchanged_item(e, known.get(e.key)) for e in entries))
    pages = await asyncio.gather(
        *(_entry_page(ctx, feed, e, known.get(e.key), feed_capture=feed_capture) for e in entries),
        return_exceptions=True,
    )
    out: list[EntryResult | BaseException] = []
    batch: list[tuple[int, ParsedEntry, PageText]] = []
    for entry, page in zip(entries, pages, strict=True):
        if isinstance(page, PageText):
            batch.append((len(out), entry, page))
            out.append(EntryResult(fell_back=page.fallback))  # replaced below
        else:
            out.append(page)  # nothing to store (unchanged, deferred), or the entry failed
    if not batch:
        return out, False
    # What a stored batch's results hold for the bookkeeping is known now: entries stored
    # together fail together, so only the pages' failures and deferrals count.
    ok = bookkeeping(out) if bookkeeping is not None else None
    try:
        items = [(entry, page) for _, entry, page in batch]
        stored = await asyncio.to_thread(
            _store_entries_counted, ctx, feed, items, frozenset(known), ok
        )
    except StorageError as err:
        if not isinstance(err, StoreConflict):
            raise  # the store itself failed (disk full, database gone): the feed fails
        stored = None
    except Exception:  # one entry's content or a bug: the entries one by one say which
        stored = None
    if stored is None:
        one_by_one = await asyncio.gather(
            *(_store_one(ctx, feed, entry, page) for _, entry, page in batch),
            return_exceptions=True,
        )
        for (i, _, _), item in zip(batch, one_by_one, strict=True):
            out[i] = item
        return out, False
    for (i, _, page), result in zip(batch, stored, strict=True):
        result.fell_back = page.fallback
        out[i] = result
    return out, ok is not None


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
    page = await _entry_page(ctx, feed, entry, known, revisit=revisit, feed_capture=feed_capture)
    if isinstance(page, EntryResult):
        return page
    return await _store_one(ctx, feed, entry, page)


async def _entry_page(
    ctx: Context,
    feed: FeedState,
    entry: ParsedEntry,
    known: KnownArticle | None,
    *,
    revisit: bool = False,
    feed_capture: Exchange | None = None,
) -> PageText | EntryResult:
    """The entry's text to store, or its result when there is nothing to store."""
    if not revisit and _unchanged_item(entry, known):
        return EntryResult()  # the feed item did not change; revisits catch silent page edits
    try:
        page = await extract_entry_text(ctx, feed, entry, known)
    except QueueTimeout:  # the page was never asked for: nothing is stored, tried next pass
        return EntryResult(deferred=True)
    if page.capture is None and not page.gone and (page.source == "feed" or page.text is None):
        page = replace(page, capture=feed_capture)  # what changed came from the feed's body
    return page


def _unchanged_item(entry: ParsedEntry, known: KnownArticle | None) -> bool:
    return known is not None and known.item_hash == entry.item_hash and known.state == "live"


def _store_entries_counted(
    ctx: Context,
    feed: FeedState,
    items: list[tuple[ParsedEntry, PageText]],
    stored_keys: frozenset[str],
    ok: _FeedOk | None = None,
) -> list[EntryResult]:
    """`store_entries` (with the feed's bookkeeping `ok` in its transaction), its new
    versions counted in the storing thread once committed."""
    then = functools.partial(_record_ok_in, ok=ok) if ok is not None else None
    results = store_entries(ctx, feed, items, stored_keys=stored_keys, then=then)
    ctx.tally.committed(sum(r.new_version for r in results))
    return results


def _store_entry_counted(
    ctx: Context, feed: FeedState, entry: ParsedEntry, page: PageText
) -> EntryResult:
    """`store_entry`, its new version counted in the storing thread once committed."""
    result = store_entry(ctx, feed, entry, page)
    ctx.tally.committed(result.new_version)
    return result


async def _store_one(
    ctx: Context, feed: FeedState, entry: ParsedEntry, page: PageText
) -> EntryResult:
    """One entry in a transaction of its own."""
    try:
        result = await asyncio.to_thread(_store_entry_counted, ctx, feed, entry, page)
        result.fell_back = page.fallback
        return result
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
    if not feed.follow_links:
        return _feed_text(entry)
    if not link:
        return _feed_text(entry, "entry has no link")
    if not link.startswith(("http://", "https://")):
        return _feed_text(entry, "link is not http(s)", f"{link}: not an http(s) link")
    validators = Validators(known.page_etag, known.page_last_modified) if known else None
    trusted = url_host(feed.url) if feed.url not in ctx.local_files else None
    try:
        result = await ctx.fetcher.fetch(link, validators, trusted_host=trusted or "")
    except HTTPStatusError as err:
        if err.status_code in GONE_STATUSES and known is not None and known.page_seen:
            note = f"HTTP {err.status_code}"
            return PageText(None, "page", gone=True, note=note, capture=err.capture)
        return _feed_text(entry, err.reason, _one_line(link, err))
    except FetchError as err:
        return _feed_text(entry, err.reason, _one_line(link, err))
    if result.not_modified:
        return PageText(None, "page", validators=validators)
    if known is not None and known.page_seen and _redirected_away(link, result):
        note = f"redirected to {result.url}"
        return PageText(None, "page", gone=True, note=note, capture=result.capture)
    raw_hash = hashlib.sha256(result.body).hexdigest()
    if known is not None and known.page_raw_hash == raw_hash:
        # The very bytes the latest version was extracted from (a server that ignores
        # conditional GETs, an item re-listed with its page untouched): as a 304, no extraction.
        return PageText(None, "page", validators=result.validators)
    try:
        if ctx.extractor is not None:
            extracted = await ctx.extractor.extract(result.body, result.url)
        else:
            extracted = await asyncio.to_thread(extract_article, result.body, result.url)
    except ExtractError as err:
        return _feed_text(entry, err.reason, _one_line(link, err))
    return PageText(
        extracted.text,
        "page",
        extracted.extractor,
        extracted.extractor_version,
        raw_hash,
        result.validators,
        capture=result.capture,
        reading=extracted.reading,
    )


def _redirected_away(link: str, result: FetchResult) -> bool:
    """A report that now redirects to another site or to the site's front page was taken down."""
    if not result.redirected:
        return False
    old, new = urlsplit(link), urlsplit(result.url)
    if (old.hostname or "").removeprefix("www.") != (new.hostname or "").removeprefix("www."):
        return True
    return new.path.strip("/") == "" or new.path.count("/") < min(old.path.count("/"), 2)


def _feed_text(entry: ParsedEntry, reason: str | None = None, note: str | None = None) -> PageText:
    """The feed's own text; `reason` (a few words) when the page was wanted but not usable."""
    if reason:
        logger.info("using feed text entry=%s reason=%s", entry.key, note or reason)
    return PageText(entry.content, "feed", "feed", None, None, None, note=note, fallback=reason)


# -- feed bookkeeping ------------------------------------------------------------------------


UNCHANGED_BATCH = 200  # feeds that did not change, recorded in one transaction


async def _record_unchanged(ctx: Context, feed: FeedState, result: FetchResult) -> None:
    """A feed that did not change: in a one-shot pass its bookkeeping waits for a batch (one
    commit per 200 feeds, not one each); elsewhere it is written at once."""
    if ctx.unchanged is None:
        await _record_ok(ctx, feed, result)
        return
    wait = next_wait(feed, result, ctx.clock())
    validators = result.validators
    ctx.unchanged.append(UnchangedFeed(feed.id, wait, validators.etag, validators.last_modified))
    if len(ctx.unchanged) >= UNCHANGED_BATCH:
        await flush_unchanged(ctx)


async def flush_unchanged(ctx: Context) -> None:
    """Write the batched bookkeeping of unchanged feeds (lost on a crash: those feeds are then
    checked again with their previous validators, nothing else)."""
    if not ctx.unchanged:
        return
    batch, ctx.unchanged[:] = list(ctx.unchanged), []

    def write() -> None:
        with ctx.store.begin() as conn:
            feeds.record_unchanged(
                conn, [(u.feed_id, u.wait, u.etag, u.last_modified) for u in batch]
            )

    await asyncio.to_thread(write)


async def _record_ok(ctx: Context, feed: FeedState, result: FetchResult) -> None:
    """The bookkeeping of a feed that did not change, at once (a daemon's pass)."""
    ok = _FeedOk(feed.id, next_wait(feed, result, ctx.clock()), result.validators, None, None)
    await asyncio.to_thread(_write_ok, ctx, ok)


@dataclass(frozen=True, slots=True)
class _FeedOk:
    """What storage.feeds.record_ok writes for a feed fetched without error."""

    feed_id: int
    wait: Wait
    validators: Validators
    body_hash: str | None
    title: str | None
    listing: Listing | None = None

    @classmethod
    def of(
        cls,
        ctx: Context,
        feed: FeedState,
        result: FetchResult,
        body_hash: str | None,
        title: str | None,
        entries: Sequence[ParsedEntry],
        gathered: Sequence[EntryResult | BaseException],
    ) -> _FeedOk:
        """A parsed feed's: with failed or deferred entries neither the body nor its
        validators are remembered, so the next pass fetches and parses it again and those
        entries get another chance."""
        failed = sum(isinstance(g, Exception) for g in gathered)
        results = [g for g in gathered if isinstance(g, EntryResult)]
        validators = result.validators
        if failed or any(r.deferred for r in results):
            validators, body_hash = Validators(feed.etag, feed.last_modified), None
        fell_back = Counter(r.fell_back for r in results if r.fell_back)
        keys = frozenset(e.key for e in entries)
        listing = Listing(keys, len(entries), dict(fell_back), feed.hint)
        wait = next_wait(feed, result, ctx.clock())
        return cls(feed.id, wait, validators, body_hash, title, listing)


def _record_ok_in(conn: Connection, *, ok: _FeedOk) -> None:
    feeds.record_ok(
        conn,
        ok.feed_id,
        wait=ok.wait,
        etag=ok.validators.etag,
        last_modified=ok.validators.last_modified,
        body_hash=ok.body_hash,
        title=ok.title,
        listing=ok.listing,
    )


def _write_ok(ctx: Context, ok: _FeedOk) -> None:
    with ctx.store.begin() as conn:
        _record_ok_in(conn, ok=ok)


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
        with ctx.store.begin() as conn:
            feeds.record_error(conn, feed.id, message, next_fetch_at=next_at)

    await asyncio.to_thread(write)
    logger.debug("feed failed url=%s error=%s", feed.url, message)  # the caller reports it
    return FeedOutcome(feed.url, "error", error=message)


def _one_line(url: str, err: BaseException) -> str:
    text = one_line(err)
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
    ctx.unchanged = []

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
        ctx.tally.feeds_done += 1
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    try:
        return list(await asyncio.gather(*(one(f) for f in feed_states)))
    finally:
        try:
            await flush_unchanged(ctx)
        except StorageError as err:  # those feeds are checked again next pass: nothing lost
            logger.warning("bookkeeping of unchanged feeds not written: %s", err)
        ctx.unchanged = None


def load_feed_states(store: Store, urls: Iterable[str] | None = None) -> list[FeedState]:
    with store.connect() as conn:
        rows = feeds.states(conn)
        wanted = set(urls) if urls is not None else None
        return [FeedState.of(r) for r in rows if wanted is None or r.url in wanted]
