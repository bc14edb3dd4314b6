"""The claims a cluster worker makes on due feeds: the database decides who gets a feed.

A claim moves a due feed's next_fetch_at to a lease a little in the future, in one UPDATE over
a SELECT ... FOR UPDATE SKIP LOCKED, so concurrent schedulers claim disjoint sets and never
the same feed; the lease is the claim's token, carried by the refresh job it queues.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from storage import feeds, locks
from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Feed


@dataclass(frozen=True, slots=True)
class Claim:
    feed_id: int
    token: datetime  # the lease written into next_fetch_at
    was: datetime | None  # next_fetch_at before the claim (put back if the job cannot be queued)


def claim_due_feeds(store: Store, now: datetime, lease_until: datetime, limit: int) -> list[Claim]:
    """Atomically move due feeds' next_fetch_at to `lease_until`; returns what was claimed."""
    due = (
        sa.select(Feed.id, Feed.next_fetch_at.label("was"))
        .where(sa.or_(Feed.next_fetch_at.is_(None), Feed.next_fetch_at <= now))
        .order_by(Feed.next_fetch_at.asc().nulls_first(), Feed.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
        .cte("due")
    )
    stmt = (
        sa.update(Feed)
        .where(Feed.id == due.c.id)
        .values(next_fetch_at=lease_until)
        .returning(Feed.id, due.c.was)
    )
    with store.write() as session:
        rows = session.execute(stmt).all()
    return [Claim(int(feed_id), lease_until, was) for feed_id, was in rows]


def release_claim(store: Store, claim: Claim) -> None:
    """Undo a claim whose job could not be queued (another refresh is already waiting)."""
    with store.write() as session:
        session.execute(
            sa.update(Feed)
            .where(Feed.id == claim.feed_id, Feed.next_fetch_at == claim.token)
            .values(next_fetch_at=claim.was)
        )


def feed_if_claimed(store: Store, feed_id: int, token: datetime, now: datetime) -> Feed | None:
    """The feed, if this job's claim still stands or the feed is due anyway; else None."""
    with store.read() as session:
        row = session.get(Feed, feed_id)
        if row is None:
            return None
        at = row.next_fetch_at
        return row if at is None or at == token or at <= now else None


def sync_configured_feeds(
    store: Store, specs: Iterable[FeedSpec], bundled: Callable[[], Iterable[FeedSpec]]
) -> bool:
    """The configured feeds into the store, one worker at a time (workers start at once: the
    lock keeps their upserts from racing on the unique URL). With none configured and none
    stored, the `bundled` ones; returns True when those were used."""
    with store.write() as session:
        locks.hold(session, locks.FEED_SYNC)
        wanted = list(specs)
        use_bundled = not wanted and not feeds.all_feeds(session)
        for spec in bundled() if use_bundled else wanted:
            feeds.upsert(session, spec)
    return use_bundled
