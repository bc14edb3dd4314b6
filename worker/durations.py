"""Durations for the worker: the one grammar (alerts/durations.py), errors as ConfigError."""

from __future__ import annotations

from alerts.durations import seconds
from worker.errors import ConfigError


def parse_duration(value: object, *, what: str = "duration") -> float:
    """Seconds in `value`, or ConfigError naming `what` (a flag, a key, a variable)."""
    try:
        return seconds(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{what}: {err}") from err
