"""Revisits: articles re-checked at the configured ages after first seen, even when their feed
item did not change (edits often come after the item has left the feed)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime

from alerts.event import ChangeEvent
from storage import articles, feeds, versions
from storage.db import Store
from worker.ingest.parse import ParsedEntry
from worker.pipeline.context import Context, FeedState, KnownArticle
from worker.pipeline.refresh import process_entry

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DueRevisit:
    feed: FeedState
    entry: ParsedEntry
    known: KnownArticle


def _due_revisits(store: Store, now: datetime, limit: int) -> list[DueRevisit]:
    out: list[DueRevisit] = []
    with store.begin() as conn:
        due = articles.due_for_revisit(conn, now, limit)
        for article in due:
            feed = feeds.state(conn, article.feed_id)
            latest = versions.latest(conn, article.id)
            if feed is None or latest is None or not feed.follow_links or not article.url:
                article.next_check_at = None  # nothing a revisit could fetch
                continue
            entry = ParsedEntry(
                key=article.key,
                guid=article.guid,
                link=article.url,
                title=latest.title or "",
                published=latest.published,
                content=versions.text_of(conn, latest),
                item_hash=article.item_hash or "",
            )
            known = KnownArticle.of(article, bool(versions.from_page(conn, [article.id])))
            out.append(DueRevisit(FeedState.of(feed), entry, known))
        articles.save(conn, due)
    return out


@dataclass(slots=True)
class Revisited:
    """What the revisits that were due found: their change events, and the new versions
    stored (a pass's summary counts them with its feeds')."""

    events: list[ChangeEvent] = field(default_factory=list)
    new_versions: int = 0


async def revisit_due(ctx: Context, *, limit: int = 200) -> Revisited:
    """Re-check articles whose revisit age has come."""
    due = await asyncio.to_thread(_due_revisits, ctx.store, ctx.clock(), limit)
    results = await asyncio.gather(
        *(process_entry(ctx, d.feed, d.entry, d.known, revisit=True) for d in due),
        return_exceptions=True,
    )
    found = Revisited()
    for item, result in zip(due, results, strict=True):
        if isinstance(result, BaseException):
            logger.warning("revisit failed url=%s error=%s", item.entry.link, result)
            continue
        found.new_versions += result.new_version
        if result.event is not None:
            found.events.append(result.event)
    return found
