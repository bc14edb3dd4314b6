"""The start of `wirediff fetch`: the feeds' conditional GETs sent before the store's
SQLAlchemy layer, the parser or the extractor is imported.

Most passes find nothing new: every feed answers 304 (or the body it sent last time), and all
a pass has to store is when each feed is due again. That pass needs the feeds' state and one
UPDATE, which storage/quick.py reads and writes with the standard library's sqlite3, and the
fetcher; importing SQLAlchemy and mapping the models (~0.35 s) was most of its time. So
`quick_start` reads the state, checks every feed, and:

- when every feed is unchanged, records them (the UPDATE storage.feeds.record_unchanged
  makes) and returns the pass's report: the pass is over without SQLAlchemy;
- as soon as one feed needs more (a new body, an error), it sends no further request and
  returns what it fetched, with the requests still in flight as they are (a feed slow to
  answer, up to `[fetch] timeout`, held the whole pass back until it did: nothing was stored
  meanwhile); the caller opens the store and runs the whole pass
  (worker.service.passes.one_pass) with those bodies and requests, on the same fetcher:
  nothing is fetched twice, and every guarantee is the fetcher's own (caps, SSRF check per
  hop, deadlines, conditional GETs, per-host slots);
- when it cannot tell (not a plain SQLite file, another schema, configured feeds not stored as
  configured, revisits due, alerts pending, capture retention configured, a stored feed URL
  that fails its check), it fetches nothing and returns None: the whole pass as always.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storage.quick import QuickStore
from storage.values import Wait, plain_sqlite_file, utcnow
from worker.errors import WorkerError
from worker.ingest.feedurl import FeedURLError, check_feed_url
from worker.ingest.fetch import Fetcher, FetchResult, Validators
from worker.output.console import Console, PassReport
from worker.pipeline.context import FeedOutcome, FeedState, Tally
from worker.pipeline.pacing import next_wait
from worker.service.channels import parse_alert_channels

if TYPE_CHECKING:
    from worker.config import Settings
    from worker.pipeline.context import Prefetched

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class QuickStart:
    """What the start of a pass found: the whole pass's report when nothing changed, else the
    feed bodies fetched so far (by URL: a result or the error it raised) for the whole pass,
    and the feeds' states it read (the whole pass does not read them again)."""

    report: PassReport | None = None
    prefetched: dict[str, Prefetched] = field(default_factory=dict)
    states: list[FeedState] | None = None


async def quick_start(
    settings: Settings,
    environ: Mapping[str, str],
    fetcher: Fetcher,
    console: Console,
    tally: Tally,
) -> QuickStart | None:
    """The pass over every feed of the store when nothing changed; see the module's doc."""
    path = plain_sqlite_file(settings.database_url)
    if path is None or settings.evidence.keep_for is not None:
        return None
    # What open_runtime checks before the network, the same way: the channels, the roster files
    channels = parse_alert_channels(settings, environ)
    if settings.roster_files:
        from worker.service.seeds import load_roster

        load_roster(settings.roster_files)
    store = QuickStore.open(path)
    if store is None:
        return None
    try:
        return await _checked(settings, store, fetcher, console, tally, bool(channels))
    finally:
        store.close()


async def _checked(
    settings: Settings,
    store: QuickStore,
    fetcher: Fetcher,
    console: Console,
    tally: Tally,
    channels: bool,
) -> QuickStart | None:
    rows = store.feeds(settings.feeds)
    if not rows or store.anything_pending(utcnow(), deliveries=channels):
        return None
    states = [FeedState.of(row) for row in rows]
    checked = {spec.url for spec in settings.feeds}  # the settings checked the config's URLs
    try:
        for feed in states:
            if feed.url not in checked:
                check_feed_url(feed.url)
    except FeedURLError:  # the whole pass reports it as that feed's error
        return None
    tally.feeds = len(states)
    console.start(len(states))
    try:
        results, same = await _fetch_all(states, fetcher, settings.fetch.concurrency, console)
    finally:
        console.stop()
    if len(same) < len(states):
        return QuickStart(prefetched=results, states=states)
    rows_written = [_bookkeeping(feed, same[feed.url]) for feed in states]
    try:  # one statement, milliseconds: nothing else waits on the event loop now
        store.record_unchanged(rows_written)
    except Exception as err:  # sqlite3.Error and the like: the whole pass writes them
        logger.info("pass start: bookkeeping not written here (%s): the whole pass writes it", err)
        return QuickStart(prefetched=results, states=states)
    report = PassReport(feeds=len(states))
    tally.feeds_done = len(states)
    for feed in states:
        console.feed(FeedOutcome(feed.url, "not_modified").to_json())
    return QuickStart(report=report)


async def _fetch_all(
    states: list[FeedState], fetcher: Fetcher, concurrency: int, console: Console
) -> tuple[dict[str, Prefetched], dict[str, FetchResult]]:
    """Each feed's conditional GET, `concurrency` at a time (as run_pass), until one feed
    needs the whole pass: then no further request is sent, and the requests in flight are
    returned as they are, unfinished (the whole pass awaits them). Returns every result (or
    request in flight) by URL, and the results of the feeds that did not change."""
    limit = asyncio.Semaphore(concurrency)
    results: dict[str, Prefetched] = {}
    same: dict[str, FetchResult] = {}
    stop = asyncio.Event()

    async def one(feed: FeedState) -> None:
        async with limit:
            if stop.is_set():
                return
            request = asyncio.ensure_future(
                fetcher.fetch(feed.url, Validators(feed.etag, feed.last_modified))
            )
            results[feed.url] = request  # what the whole pass gets if it starts before the end
            try:  # shielded: the whole pass may take the request over unfinished
                result: FetchResult | WorkerError = await asyncio.shield(request)
            except WorkerError as err:
                result = err
            except Exception:  # a bug: the whole pass fetches this feed again and reports it
                logger.debug("pass start: %s handed to the whole pass", feed.url, exc_info=True)
                del results[feed.url]
                stop.set()
                return
            results[feed.url] = result
            if isinstance(result, FetchResult) and _unchanged(feed, result):
                same[feed.url] = result
                console.advance()
            else:
                stop.set()

    every = asyncio.gather(*(one(feed) for feed in states))
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait((every, stopped), return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
        if not every.done():  # the requests in flight go on, shielded; their waiters end here
            every.cancel()
        await asyncio.wait((every,))  # never raises, so a Ctrl-C's cancellation still does
        if not every.cancelled():
            every.exception()  # taken (their cancellation), so asyncio does not log it
    return results, same


def _unchanged(feed: FeedState, result: FetchResult) -> bool:
    """What refresh_feed records as not modified: a 304, or the body it parsed last time."""
    return result.not_modified or hashlib.sha256(result.body).hexdigest() == feed.body_hash


def _bookkeeping(feed: FeedState, result: FetchResult) -> tuple[int, Wait, str | None, str | None]:
    validators = result.validators
    return feed.id, next_wait(feed, result, utcnow()), validators.etag, validators.last_modified
