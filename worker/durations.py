"""Durations as users write them in config and flags: "90", "1s", "15m", "1h30m", "1d", "2w"."""

from __future__ import annotations

import re

from worker.errors import ConfigError

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(w|d|h|m|s|ms)?", re.IGNORECASE)
_UNIT = {"w": 604800.0, "d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


def parse_duration(value: str | int | float, *, what: str = "duration") -> float:
    """Seconds in `value`. `parse_duration("1h30m") == 5400.0`; a bare number is seconds."""
    if isinstance(value, bool):
        raise ConfigError(f"{what}: expected a duration such as '15m', got {value!r}")
    if isinstance(value, int | float):
        if value < 0:
            raise ConfigError(f"{what}: a duration cannot be negative ({value})")
        return float(value)
    text = value.strip().replace(" ", "")
    pos, total = 0, 0.0
    while pos < len(text):
        match = _PART.match(text, pos)
        if match is None or match.end() == pos:
            raise ConfigError(
                f"{what}: {value!r} is not a duration (examples: '90s', '15m', '1h', '1d')"
            )
        total += float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]
        pos = match.end()
    if not text:
        raise ConfigError(f"{what}: empty duration")
    return total


def format_duration(seconds: float) -> str:
    """The shortest exact form: 900 -> "15m", 5400 -> "1h30m", 1.5 -> "1.5s"."""
    if seconds != int(seconds):
        return f"{seconds:g}s"
    rest, parts = int(seconds), []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if rest >= size:
            parts.append(f"{rest // size}{unit}")
            rest %= size
    return "".join(parts) or "0s"
