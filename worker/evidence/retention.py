"""`[storage] keep_raw = "90d"`: capture bodies older than that are dropped, digests kept.

Called from the one-shot pass, the daemon's housekeeping and the cluster's revisit job; it runs
at most once an hour per process, so the callers need not keep time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from storage import captures
from storage.db import Store
from worker.evidence.options import EvidenceOptions

logger = logging.getLogger(__name__)

EVERY = 3600.0
_last_run: dict[str, float] = {}  # store URL -> monotonic time of the last prune


async def prune_due(
    store: Store, options: EvidenceOptions, clock: Callable[[], datetime]
) -> int | None:
    """Drop the bodies past their age; None when retention is off or it ran lately."""
    if options.keep_for is None:
        return None
    key = store.display_url
    now = time.monotonic()
    if key in _last_run and now - _last_run[key] < EVERY:
        return None
    _last_run[key] = now
    cutoff = clock() - timedelta(seconds=options.keep_for)

    def prune() -> int:
        with store.begin() as conn:
            return captures.prune(conn, cutoff, options.capture_dir)

    dropped = await asyncio.to_thread(prune)
    if dropped:
        logger.info("capture bodies dropped by keep_raw: %d (older than %s)", dropped, cutoff)
    return dropped
