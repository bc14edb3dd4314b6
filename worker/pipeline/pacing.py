"""When a feed is due again after a success: its interval and the politeness hints.

Imported by the pipeline and by a pass where nothing changed (worker.service.quick), which
records the same wait without the store's SQLAlchemy layer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from alerts.durations import format_duration
from storage.values import Wait

if TYPE_CHECKING:
    from worker.ingest.fetch import FetchResult
    from worker.pipeline.context import FeedState


def next_wait(feed: FeedState, result: FetchResult, now: datetime) -> Wait:
    """The feed's interval, lengthened (never shortened) by politeness hints: the feed's own
    <ttl> or sy:updatePeriod and Cache-Control/Expires, unless its interval is strict, and a
    Retry-After in any case (the server asked). The reason says which one decided."""
    if feed.pace == 1.0:
        base = "the configured interval"
    else:
        configured = format_duration(round(feed.interval_s / feed.pace))
        base = f"the configured {configured} x{feed.pace:.2g} (a quiet feed is polled less)"
    candidates = [(float(feed.interval_s), base)]
    if not feed.strict_interval:
        if result.cache_max_age:
            candidates.append((result.cache_max_age, "the server's Cache-Control/Expires"))
        if feed.hint:
            candidates.append((float(feed.hint[0]), feed.hint[1]))
    if result.retry_after:
        candidates.append((result.retry_after, "the server's Retry-After"))
    seconds, reason = max(candidates, key=lambda c: c[0])
    return Wait(now + timedelta(seconds=seconds), round(seconds), reason)
