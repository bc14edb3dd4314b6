"""Retry timing for failed alerts (SPEC.md "Timing rules"): attempts in, seconds to wait out.

Pure arithmetic, no clock of its own: the delivery loop passes the attempt count, the
receiver's Retry-After and a random generator (seeded in tests).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

FIRST_DELAY = 10.0
CAP = 3600.0
MAX_AGE = timedelta(days=3)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """When failed alerts are retried (SPEC defaults: within 10 s, doubling, capped at one hour)
    and when they are given up (three days after the change was stored). Built from the
    settings ([alerts_retry], WIREDIFF_ALERT_*), which check the values."""

    first: float = FIRST_DELAY
    cap: float = CAP
    max_age: timedelta = MAX_AGE


def next_attempt_delay(
    attempts: int,
    *,
    retry_after: float | None = None,
    first: float = FIRST_DELAY,
    cap: float = CAP,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait before the next attempt, after `attempts` failed ones (>= 1).

    The first retry comes within `first` seconds; each later one doubles, with "equal
    jitter" (half fixed, half random) so many failed alerts do not retry in lockstep, up to
    `cap`. A receiver's Retry-After is respected as a floor (still bounded by `cap`).

    >>> next_attempt_delay(1, rng=random.Random(0)) <= 10.0
    True
    """
    rng = rng or random.Random()
    base = min(cap, first * 2.0 ** max(0, attempts - 1))
    delay = base / 2 + rng.uniform(0, base / 2)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(retry_after, cap))
    return delay


def expired(created_at: datetime, now: datetime, max_age: timedelta = MAX_AGE) -> bool:
    """True once an alert is older than `max_age`: it is then marked failed, not retried."""
    return now - created_at >= max_age


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
