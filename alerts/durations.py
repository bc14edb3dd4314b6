"""The one duration grammar of every duration in wirediff: config keys, [[alerts]] digest,
command-line flags and environment variables.

A number is seconds (90, 1.5); a string is one or more number+unit parts: "90", "90s", "15m",
"1h30m", "1d", "2w", "500ms" (spaces between parts allowed). Never negative.

It lives in alerts/ because both the worker and the alerts package need it and alerts may not
import the worker. Errors are ValueError (a wrong value) or TypeError (not a number or string),
with a message a user can read; callers add where the value came from.
"""

from __future__ import annotations

import re
from datetime import date, time

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(w|d|h|ms|m|s)?", re.IGNORECASE)
_UNIT = {"w": 604800.0, "d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
EXAMPLES = "such as 90s, 15m, 1h30m, 1d"


def seconds(value: object) -> float:
    """Seconds in `value`. `seconds("1h30m") == 5400.0`; a bare number is seconds.

    >>> seconds("15m"), seconds(90), seconds("1h 30m"), seconds("500ms")
    (900.0, 90.0, 5400.0, 0.5)
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a duration {EXAMPLES}, got {describe(value)}")
    if isinstance(value, int | float):
        if value < 0 or value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"a duration cannot be {value}")
        return float(value)
    text = value.strip().replace(" ", "")
    if not text:
        raise ValueError(f"empty duration (write one {EXAMPLES})")
    pos, total = 0, 0.0
    while pos < len(text):
        match = _PART.match(text, pos)
        if match is None or match.end() == pos:
            raise ValueError(f"{value!r} is not a duration ({EXAMPLES})")
        total += float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]
        pos = match.end()
    return total


def format_duration(value: float) -> str:
    """The shortest exact form: 900 -> "15m", 5400 -> "1h30m", 1.5 -> "1.5s".

    >>> format_duration(900), format_duration(5400), format_duration(1.5), format_duration(0)
    ('15m', '1h30m', '1.5s', '0s')
    """
    if value != int(value):
        return f"{value:g}s"
    rest, parts = int(value), []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if rest >= size:
            parts.append(f"{rest // size}{unit}")
            rest %= size
    return "".join(parts) or "0s"


def describe(value: object) -> str:
    """A value as a user wrote it in TOML, named by its kind: 'a list ([1])'."""
    kinds = {
        bool: "true/false",
        int: "a whole number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }
    kind = next((name for t, name in kinds.items() if isinstance(value, t)), None)
    if kind is None and isinstance(value, date | time):  # TOML dates and times
        return f"a date or time ({value.isoformat()})"
    kind = kind or f"a {type(value).__name__}"
    shown = repr(value) if not isinstance(value, bool) else str(value).lower()
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind} ({shown})"
