"""Typed reads from one [[alerts]] table; every failure is an AlertConfigError naming the channel.

Input: the raw TOML table (a mapping of plain values). Output: checked Python values.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from email.utils import parseaddr
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from alerts.durations import seconds
from alerts.errors import AlertConfigError

_FORBIDDEN_HEADERS = frozenset(
    {
        "content-type",
        "content-length",
        "host",
        "x-wirediff-signature",
        "x-wirediff-event",
        "idempotency-key",
    }
)


class Checker:
    def __init__(self, channel: str, table: Mapping[str, Any]) -> None:
        self.channel = channel
        self.table = table

    def fail(self, message: str) -> NoReturn:
        raise AlertConfigError(self.channel, message)

    def only(self, allowed: frozenset[str]) -> None:
        """Reject unknown keys: a typo such as `min_chnage` must not silently do nothing."""
        unknown = sorted(set(self.table) - allowed)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r}{did_you_mean(unknown[0], allowed)}")

    def string(self, key: str, default: str = "", *, required: bool = False) -> str:
        value = self.table.get(key)
        if value is None:
            if required:
                self.fail(f"{key} is required")
            return default
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key} must be a non-empty string")
        return value.strip()

    def str_list(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(s, str) and s.strip() for s in value):
            self.fail(f"{key} must be a list of non-empty strings")
        return tuple(s.strip() for s in value)

    def number(self, key: str, default: float, *, low: float, high: float) -> float:
        value = self.table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{key} must be a number, not {value!r}")
        if not low <= value <= high:
            self.fail(f"{key} must be between {low:g} and {high:g}, not {value!r}")
        return float(value)

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = self.string(key, default)
        if value not in options:
            self.fail(f"{key} must be one of {', '.join(options)}, not {value!r}")
        return value

    def env(self, key: str, environ: Mapping[str, str], *, required: bool = False) -> str | None:
        """The value of the environment variable the config names under `key`."""
        var = self.string(key, required=required)
        if not var:
            return None
        value = environ.get(var)
        if not value:
            self.fail(f"{key} names the environment variable {var}, which is not set")
        return value

    def address(self, raw: str, key: str) -> str:
        """A mail address, optionally with a display name ("Desk <desk@example.org>")."""
        display, addr = parseaddr(raw)
        from email_validator import EmailNotValidError, validate_email  # ~25 ms: when used

        try:
            normalized = validate_email(addr, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            self.fail(f"{key}: invalid email address {raw!r}: {exc}")
        return f"{display} <{normalized}>" if display else normalized

    def host(self, key: str, default: str) -> str:
        value = self.string(key, default)
        if re.search(r"[\s/:@]", value) and not value.startswith("["):
            self.fail(f"{key}: {value!r} is not a host name or address")
        return value

    def http_url(self, raw: str, key: str) -> str:
        try:
            parts = urlsplit(raw)
            parts.port  # noqa: B018  # raises ValueError on a bad port
        except ValueError as exc:
            self.fail(f"{key}: invalid URL {raw!r}: {exc}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.fail(f"{key}: {raw!r} is not an http(s) URL with a host")
        if re.search(r"\s", raw):
            self.fail(f"{key}: {raw!r} contains whitespace")
        return raw

    def existing_file(self, key: str) -> Path | None:
        value = self.string(key)
        if not value:
            return None
        path = Path(value).expanduser()
        if not path.is_file():
            self.fail(f"{key}: no such file {value}")
        return path

    def headers(self, key: str) -> tuple[tuple[str, str], ...]:
        value = self.table.get(key, {})
        if not isinstance(value, Mapping):
            self.fail(f"{key} must be a table of header names to values")
        out = []
        for name, val in value.items():
            if not isinstance(val, str) or not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name):
                self.fail(f"{key}: invalid header {name!r}")
            if "\r" in val or "\n" in val:
                self.fail(f"{key}: header {name!r} contains a line break")
            if name.lower() in _FORBIDDEN_HEADERS:
                self.fail(f"{key}: header {name!r} is set by wirediff and cannot be overridden")
            out.append((name, val))
        return tuple(out)

    def interval(self, key: str) -> float | None:
        """A period in the one duration grammar ("30m", "1h", 3600); absent or false: None."""
        value = self.table.get(key)
        if value is None or value is False:
            return None
        try:
            period = seconds(value)
        except (TypeError, ValueError) as err:
            self.fail(f"{key}: {err}")
        if period <= 0:
            self.fail(f"{key} must be more than zero, not {value!r}")
        return period


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """' (did you mean 'timeout'?)' for the closest known word, or ''."""
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
