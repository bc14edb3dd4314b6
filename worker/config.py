"""Settings: defaults <- TOML config file <- WIREDIFF_* environment <- command-line flags.

One frozen Settings object is built in the CLI and passed down; stages receive the slice
they need. `environ` is a parameter so tests never patch os.environ. Secrets are never in
the file: the file names the environment variables that hold them.
"""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.db import check_url, default_sqlite_path
from storage.errors import StoreURLError
from storage.feeds import FeedSpec
from worker.deliver import ENV_KEYS as RETRY_ENV_KEYS
from worker.deliver import RetryPolicy
from worker.durations import parse_duration
from worker.errors import ConfigError
from worker.evidence.options import EvidenceOptions, evidence_options
from worker.fetch import FetchOptions

logger = logging.getLogger(__name__)

DEFAULT_REVISIT = ("10m", "30m", "1h", "3h", "12h", "1d", "3d", "7d")
MIN_QUIET_INTERVAL = 60.0  # below this an interval is accepted (tests) with a warning


@dataclass(frozen=True, slots=True)
class DaemonOptions:
    """[daemon]: how `wirediff run` schedules its jobs. Seconds throughout."""

    tick: float = 1.0  # how often due feeds are looked for
    revisit_every: float = 30.0
    deliver_every: float = 5.0
    housekeeping_every: float = 60.0
    stale_after: float = 86400.0  # a feed without a successful fetch for this long is stale
    shutdown_grace: float = 30.0  # SIGTERM: in-flight work gets this long to finish
    restart_jitter: float = 60.0  # at start, overdue feeds are spread over up to this long
    # Adaptive intervals: a feed's effective interval moves between these multiples of its
    # configured interval (halving after new versions, growing while quiet). The default floor
    # of 1 means a feed is never polled more often than its configured interval.
    min_interval_factor: float = 1.0
    max_interval_factor: float = 4.0


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """[serve]: `wirediff serve`. The token itself is never in the file, only the name of the
    environment variable that holds it."""

    bind: str = "127.0.0.1:8080"
    token_env: str = "WIREDIFF_UI_TOKEN"


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    database_source: str  # flag | env | config | default: told to the user with the URL
    fetch: FetchOptions = field(default_factory=FetchOptions)
    revisit: tuple[float, ...] = ()
    backoff_cap: float | None = None  # [fetch] backoff_cap; None: max(interval, 1 h)
    extract_workers: int | None = None  # [fetch] extract_workers; None: one per spare core
    feeds: tuple[FeedSpec, ...] = ()
    alerts: tuple[Mapping[str, Any], ...] = ()  # validated by alerts.config.parse_channels
    metrics: str | None = None
    log_format: str = "text"
    daemon: DaemonOptions = field(default_factory=DaemonOptions)
    alert_retry: RetryPolicy = field(default_factory=RetryPolicy)
    serve: ServeOptions = field(default_factory=ServeOptions)
    roster_files: tuple[Path, ...] = ()
    config_path: Path | None = None
    warnings: tuple[str, ...] = field(default=())
    evidence: EvidenceOptions = field(default_factory=EvidenceOptions)  # [storage] keep_raw...


def read_config_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as err:
        raise ConfigError(f"config file {path}: not found") from err
    except IsADirectoryError as err:
        raise ConfigError(f"config file {path}: is a directory") from err
    except PermissionError as err:
        raise ConfigError(f"config file {path}: permission denied") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config file {path}: invalid TOML: {err}") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"config file {path}: not UTF-8 text") from err


def load_settings(
    config_path: str | Path | None,
    environ: Mapping[str, str],
    *,
    db_url: str | None = None,
) -> Settings:
    """Build Settings, or raise ConfigError with a one-line message naming the problem."""
    path_text = config_path or environ.get("WIREDIFF_CONFIG")
    path = Path(path_text).expanduser() if path_text else None
    raw = read_config_file(path) if path else {}
    where = str(path) if path else "settings"
    warnings: list[str] = []
    url, source = _database_url(raw, environ, db_url, where)
    fetch_raw = _table(raw, "fetch", where)
    daemon_raw = _table(raw, "daemon", where)
    feeds = tuple(
        feed_spec(item, i, where, warnings) for i, item in enumerate(_list(raw, "feeds", where))
    )
    alerts = tuple(_list(raw, "alerts", where))
    roster = tuple(Path(p).expanduser() for p in _table(raw, "people", where).get("roster", []))
    return Settings(
        database_url=url,
        database_source=source,
        fetch=_fetch_options(fetch_raw, where),
        revisit=tuple(
            parse_duration(v, what=f"{where}: [fetch] revisit")
            for v in fetch_raw.get("revisit", DEFAULT_REVISIT)
        ),
        backoff_cap=_optional_duration(fetch_raw, "backoff_cap", f"{where}: [fetch] backoff_cap"),
        extract_workers=_extract_workers(fetch_raw, where),
        feeds=feeds,
        alerts=alerts,
        metrics=daemon_raw.get("metrics") or environ.get("WIREDIFF_METRICS") or None,
        log_format=_log_format(daemon_raw, environ, where),
        daemon=_daemon_options(daemon_raw, where),
        alert_retry=_retry_policy(raw, environ, where),
        serve=_serve_options(_table(raw, "serve", where), where),
        roster_files=roster,
        config_path=path,
        warnings=_summarised(warnings),
        evidence=evidence_options(_table(raw, "storage", where), where, path),
    )


def _database_url(
    raw: Mapping[str, Any], environ: Mapping[str, str], flag: str | None, where: str
) -> tuple[str, str]:
    storage_url = _table(raw, "storage", where).get("url")
    if flag:
        url, source = flag, "flag"
    elif environ.get("WIREDIFF_DB"):
        url, source = environ["WIREDIFF_DB"], "env"
    elif storage_url:
        url, source = str(storage_url), "config"
    else:
        url, source = f"sqlite:///{default_sqlite_path(environ)}", "default"
    try:
        check_url(url)
    except StoreURLError as err:
        raise ConfigError(str(err)) from err
    return url, source


def _serve_options(raw: Mapping[str, Any], where: str) -> ServeOptions:
    defaults = ServeOptions()
    values = {}
    for key in ("bind", "token_env"):
        value = raw.get(key, getattr(defaults, key))
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: [serve] {key}: expected a non-empty string, got {value!r}")
        values[key] = value.strip()
    return ServeOptions(**values)


def _retry_policy(raw: Mapping[str, Any], environ: Mapping[str, str], where: str) -> RetryPolicy:
    """[alerts_retry] in the file, each key overridden by its WIREDIFF_ALERT_* variable."""
    table = dict(_table(raw, "alerts_retry", where))
    table.update({key: environ[var] for key, var in RETRY_ENV_KEYS.items() if environ.get(var)})
    return RetryPolicy.from_table(table, f"{where}: [alerts_retry] (or WIREDIFF_ALERT_*)")


def _extract_workers(raw: Mapping[str, Any], where: str) -> int | None:
    value = raw.get("extract_workers")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: [fetch] extract_workers: expected 0 or more, got {value!r}")
    return value


def _optional_duration(raw: Mapping[str, Any], key: str, what: str) -> float | None:
    if key not in raw:
        return None
    seconds = parse_duration(raw[key], what=what)
    if seconds < 1:
        raise ConfigError(f"{what}: must be at least 1s")
    return seconds


def _daemon_options(raw: Mapping[str, Any], where: str) -> DaemonOptions:
    defaults = DaemonOptions()
    values = {}
    for key in (
        "tick",
        "revisit_every",
        "deliver_every",
        "housekeeping_every",
        "stale_after",
        "shutdown_grace",
    ):
        seconds = parse_duration(
            raw.get(key, getattr(defaults, key)), what=f"{where}: [daemon] {key}"
        )
        if seconds <= 0:
            raise ConfigError(f"{where}: [daemon] {key} must be more than zero")
        values[key] = seconds
    values["restart_jitter"] = parse_duration(
        raw.get("restart_jitter", defaults.restart_jitter), what=f"{where}: [daemon] restart_jitter"
    )
    for key in ("min_interval_factor", "max_interval_factor"):
        factor = raw.get(key, getattr(defaults, key))
        if isinstance(factor, bool) or not isinstance(factor, int | float) or factor <= 0:
            raise ConfigError(
                f"{where}: [daemon] {key} must be a number above zero, got {factor!r}"
            )
        values[key] = float(factor)
    if values["min_interval_factor"] > values["max_interval_factor"]:
        raise ConfigError(
            f"{where}: [daemon] min_interval_factor ({values['min_interval_factor']:g}) is above "
            f"max_interval_factor ({values['max_interval_factor']:g})"
        )
    return DaemonOptions(**values)


def _log_format(raw: Mapping[str, Any], environ: Mapping[str, str], where: str) -> str:
    value = str(raw.get("log_format", environ.get("WIREDIFF_LOG_FORMAT", "text")))
    if value not in ("text", "json"):
        raise ConfigError(f'{where}: [daemon] log_format must be "text" or "json", got {value!r}')
    return value


def _fetch_options(raw: Mapping[str, Any], where: str) -> FetchOptions:
    defaults = FetchOptions()
    try:
        return FetchOptions(
            timeout=parse_duration(
                raw.get("timeout", defaults.timeout), what=f"{where}: [fetch] timeout"
            ),
            max_bytes=_positive_int(
                raw.get("max_bytes", defaults.max_bytes), f"{where}: [fetch] max_bytes"
            ),
            allow_private=_bool(raw.get("allow_private", False), f"{where}: [fetch] allow_private"),
            concurrency=_positive_int(
                raw.get("concurrency", defaults.concurrency), f"{where}: [fetch] concurrency"
            ),
            per_host=_positive_int(
                raw.get("per_host", defaults.per_host), f"{where}: [fetch] per_host"
            ),
            max_redirects=_positive_int(
                raw.get("max_redirects", defaults.max_redirects), f"{where}: [fetch] max_redirects"
            ),
        )
    except TypeError as err:
        raise ConfigError(f"{where}: [fetch]: {err}") from err


def _summarised(warnings: list[str], most: int = 3) -> tuple[str, ...]:
    """At most a few warnings of one kind; the rest as one count (a test farm has 1,000 feeds)."""
    if len(warnings) <= most:
        return tuple(warnings)
    return (*warnings[:most], f"... and {len(warnings) - most} more warnings like these")


def feed_spec(item: Any, index: int, where: str, warnings: list[str]) -> FeedSpec:
    label = f"{where}: [[feeds]] #{index + 1}"
    if not isinstance(item, Mapping):
        raise ConfigError(f"{label}: expected a table")
    url = item.get("url")
    if not isinstance(url, str) or not url.strip():
        raise ConfigError(f"{label}: missing url")
    interval = parse_duration(item.get("interval", "15m"), what=f"{label} ({url}) interval")
    if interval < 1:
        raise ConfigError(f"{label} ({url}): interval must be at least 1s")
    if interval < MIN_QUIET_INTERVAL:
        warnings.append(
            f"feed {url}: interval {interval:g}s is under one minute; fine for tests, impolite to real servers"
        )
    return FeedSpec(
        url=url.strip(),
        name=item.get("name"),
        interval_s=int(interval),
        follow_links=_bool(item.get("follow_links", True), f"{label} follow_links"),
        category=item.get("category"),
    )


def _table(raw: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: [{key}] must be a table")
    return value


def _list(raw: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {key} must be a list of tables ([[{key}]])")
    return value


def _positive_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(f"{what}: expected a positive whole number, got {value!r}")
    return value


def _bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{what}: expected true or false, got {value!r}")
    return value


def environment() -> Mapping[str, str]:
    """The process environment; only the CLI calls this, everything else takes `environ`."""
    return os.environ
