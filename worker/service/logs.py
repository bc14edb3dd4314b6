"""Logging for the daemon: stable key=value text lines, or one JSON object per line.

Input: a format ("text" or "json") and a level. Output: the root logger writes to stderr in
that format. `log_kv(logger, level, event, **fields)` logs an event with named fields: in text
as `event k=v k="v w"`, in JSON as {"event": ..., "k": ...} next to time, level and logger, so
both can be parsed by log shippers without guessing.

Every line, whichever logger wrote it (httpx's request lines at -vv too), has the credentials in
its URLs masked and its control characters shown as symbols (alerts.safe_text): a feed title
cannot forge a log line or drive the terminal, a webhook token never reaches the log.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import IO, Any

from alerts.safe_text import mask_secrets, safe_json, safe_line, visible

FIELDS = "wirediff_fields"  # LogRecord attribute carrying log_kv's fields
EVENT = "wirediff_event"


def _value(value: Any) -> str:
    text = "" if value is None else str(value)
    if text == "" or any(c in text for c in ' "=\n\t'):
        return json.dumps(text, ensure_ascii=False)
    return text


def kv_text(event: str, fields: dict[str, Any]) -> str:
    """`event k=v ...`, quoting values with spaces, quotes or '=' (logfmt style)."""
    return " ".join([event, *(f"{k}={_value(v)}" for k, v in fields.items())])


def log_kv(logger: logging.Logger, level: int, event: str, /, **fields: Any) -> None:
    if logger.isEnabledFor(level):
        logger.log(
            level, "%s", kv_text(event, fields), extra={EVENT: event, FIELDS: fields}, stacklevel=2
        )


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    """`ts=... level=... logger=... msg...`: the message itself is key=value from log_kv."""

    def format(self, record: logging.LogRecord) -> str:
        line = (
            f"ts={_timestamp(record)} level={record.levelname.lower()} "
            f"logger={record.name} {record.getMessage()}"
        )
        if record.exc_info:
            line += " exc=" + _value(self.formatException(record.exc_info))
        return safe_line(line)


class PlainFormatter(logging.Formatter):
    """The CLI's `LEVEL logger message` lines (fetch -v/-vv), made safe like the daemon's."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return safe_line(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:
        return visible(mask_secrets(super().formatException(ei)), multiline=True)


class JSONFormatter(logging.Formatter):
    # Hand-written: a dozen lines on the stdlib json module; no dependency needed for it.
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        event = getattr(record, EVENT, None)
        if event is not None:
            out["event"] = event
            for key, value in getattr(record, FIELDS, {}).items():
                out.setdefault(key, _plain(value))
        else:
            out["msg"] = record.getMessage()
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return safe_json(out)


def _plain(value: Any) -> Any:
    """A field as JSON can hold it (str() for anything else), so masking sees every string."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def setup_logging(
    fmt: str = "text", level: int = logging.INFO, stream: IO[str] | None = None
) -> None:
    """Replace the root logger's handlers with one stderr handler in `fmt` ("text" | "json")."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JSONFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries that log every request at INFO would drown the daemon's own lines.
    for noisy in ("apscheduler", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # "skipped: maximum number of running instances reached" is a slow tick, by design
    # (coalesce); the daemon reports it as wirediff_scheduler_lag_seconds instead.
    logging.getLogger("apscheduler.scheduler").setLevel(max(level, logging.ERROR))
