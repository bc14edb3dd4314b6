"""Alert retry timing (SPEC.md "Timing rules")."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from alerts.backoff import expired, next_attempt_delay


def test_first_retry_within_ten_seconds_then_doubling_to_the_cap() -> None:
    rng = random.Random(7)
    for _ in range(100):
        assert 5.0 <= next_attempt_delay(1, rng=rng) <= 10.0
        assert 10.0 <= next_attempt_delay(2, rng=rng) <= 20.0
        assert 1800.0 <= next_attempt_delay(30, rng=rng) <= 3600.0


def test_jitter_spreads_retries() -> None:
    rng = random.Random(1)
    assert len({round(next_attempt_delay(3, rng=rng), 3) for _ in range(20)}) > 10


def test_retry_after_is_respected_but_capped() -> None:
    rng = random.Random(0)
    assert next_attempt_delay(1, retry_after=120.0, rng=rng) == 120.0
    assert next_attempt_delay(1, retry_after=10 * 86400.0, rng=rng) == 3600.0


def test_expiry_after_three_days() -> None:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    assert not expired(created, created + timedelta(days=2, hours=23))
    assert expired(created, created + timedelta(days=3))
