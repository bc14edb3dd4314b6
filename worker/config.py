"""Settings: defaults <- TOML config file <- WIREDIFF_* environment <- command-line flags.

The config file's shape is one schema (the `*Table` structs below), checked by msgspec in one
call after the layers are merged, so every key gets the same treatment: an unknown key or table
is one line naming it and the file, with the closest known key; a wrong type or value is one
line naming the key and where the value came from (the file, an environment variable or a
flag). Every duration is read by the one grammar of alerts/durations.py.

Why msgspec and not pydantic(-settings): the whole check is one `convert` of the merged TOML
tables into frozen structs, strict by default (no quiet "5" -> 5 or true -> 1), with unknown
fields refused and a path to the failing value in every error; it imports in a few
milliseconds (every `wirediff` command loads settings; pydantic costs ~100 ms more). The
layering is ours on purpose: the environment variables keep their established names
(WIREDIFF_DB, WIREDIFF_METRICS, ...) that a settings library's naming scheme would not fit, and
tests hand in `environ` instead of patching os.environ.

One frozen Settings object is built in the CLI and passed down; stages receive the slice they
need. Secrets are never in the file: the file names the environment variables that hold them.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import msgspec

from alerts.backoff import RetryPolicy
from alerts.durations import describe, seconds
from storage.errors import StoreURLError
from storage.values import FeedSpec, default_sqlite_path, plain_sqlite_file
from worker.detect.watch import PeopleWatch
from worker.errors import ConfigError
from worker.evidence.options import EvidenceOptions, evidence_options
from worker.ingest.feedurl import FeedURLError, check_feed_url
from worker.ingest.options import FetchOptions

if TYPE_CHECKING:  # loaded when [events] is enabled: it brings people reading (~0.15 s)
    from worker.detect.events import GroupingOptions

DEFAULT_REVISIT = ("10m", "30m", "1h", "3h", "12h", "1d", "3d", "7d")
MIN_QUIET_INTERVAL = 60.0  # below this an interval is accepted (tests) with a warning

# Environment variables that stand for a key of the file (they win over it).
RETRY_ENV_KEYS = {
    "first": "WIREDIFF_ALERT_RETRY_FIRST",
    "cap": "WIREDIFF_ALERT_RETRY_CAP",
    "max_age": "WIREDIFF_ALERT_MAX_AGE",
}
ENV_KEYS: dict[str, tuple[str, str]] = {
    "WIREDIFF_DB": ("storage", "url"),
    "WIREDIFF_METRICS": ("daemon", "metrics"),
    "WIREDIFF_LOG_FORMAT": ("daemon", "log_format"),
    **{var: ("alerts_retry", key) for key, var in RETRY_ENV_KEYS.items()},
}


# -- value types the schema checks beyond msgspec's own (see _decode) -------------------------


class Seconds(float):
    """A duration in the one grammar, at least `least` seconds (more than it when `above`)."""

    least: ClassVar[float] = 0.0
    above: ClassVar[bool] = False


class PositiveSeconds(Seconds):
    above = True


class Interval(Seconds):
    least = 1.0


class FeedURL(str):
    """An http(s) feed URL (worker.ingest.feedurl)."""


class ListenAddress(str):
    """HOST:PORT for a server to listen on."""


PositiveInt = typing.Annotated[int, msgspec.Meta(ge=1)]
Days = typing.Annotated[int, msgspec.Meta(ge=0, le=30)]
Factor = typing.Annotated[float, msgspec.Meta(gt=0)]
Share = typing.Annotated[float, msgspec.Meta(gt=0, le=1)]
Fraction = typing.Annotated[float, msgspec.Meta(ge=0, le=1)]


def _decode(kind: type, value: Any) -> Any:
    """msgspec's dec_hook: the checks of the types above. TypeError/ValueError messages become
    the error's text, with msgspec adding the path to the key."""
    if issubclass(kind, Seconds):
        amount = seconds(value)
        if amount < kind.least or (kind.above and amount <= kind.least):
            bound = "more than" if kind.above else "at least"
            raise ValueError(f"must be {bound} {kind.least:g}s, got {describe(value)}")
        return kind(amount)
    if kind is FeedURL:
        if not isinstance(value, str):
            raise TypeError(f"expected an http(s) URL string, got {describe(value)}")
        try:
            return FeedURL(check_feed_url(value))
        except FeedURLError as err:
            raise ValueError(err.problem) from err
    if kind is ListenAddress:
        host, _, port = value.rpartition(":") if isinstance(value, str) else ("", "", "")
        if not port.isdigit() or int(port) > 65535 or not host:
            raise ValueError(f"expected HOST:PORT such as 127.0.0.1:9108, got {describe(value)}")
        return ListenAddress(value)
    raise NotImplementedError(kind)


# -- the schema of the config file --------------------------------------------------------------


class _Table(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A table of the file: unknown keys refused. (Only read once, into the frozen Settings.)"""


class StorageTable(_Table):
    url: str | None = None
    keep_raw: bool | str = "keep"  # "keep" | "none" | an age: worker.evidence.options
    capture_dir: str | None = None


class FetchTable(_Table):
    timeout: PositiveSeconds = PositiveSeconds(30)
    connect_timeout: PositiveSeconds = PositiveSeconds(10)
    queue_timeout: PositiveSeconds = PositiveSeconds(300)
    max_bytes: PositiveInt = FetchOptions().max_bytes
    allow_private: bool = False
    concurrency: PositiveInt = FetchOptions().concurrency
    per_host: PositiveInt = FetchOptions().per_host
    max_redirects: PositiveInt = FetchOptions().max_redirects
    revisit: tuple[Seconds, ...] = tuple(Seconds(seconds(v)) for v in DEFAULT_REVISIT)
    backoff_cap: Interval | None = None
    extract_workers: typing.Annotated[int, msgspec.Meta(ge=0)] | None = None


class DaemonTable(_Table):
    metrics: ListenAddress | None = None
    log_format: Literal["text", "json"] = "text"
    tick: PositiveSeconds = PositiveSeconds(1)
    revisit_every: PositiveSeconds = PositiveSeconds(30)
    deliver_every: PositiveSeconds = PositiveSeconds(5)
    housekeeping_every: PositiveSeconds = PositiveSeconds(60)
    stale_after: PositiveSeconds = PositiveSeconds(86400)
    shutdown_grace: PositiveSeconds = PositiveSeconds(30)
    restart_jitter: Seconds = Seconds(60)
    min_interval_factor: Factor = 1.0
    max_interval_factor: Factor = 4.0

    def __post_init__(self) -> None:
        if self.min_interval_factor > self.max_interval_factor:
            raise ValueError(
                f"min_interval_factor ({self.min_interval_factor:g}) is above "
                f"max_interval_factor ({self.max_interval_factor:g})"
            )


Chance = typing.Annotated[float, msgspec.Meta(gt=0, lt=1)]
_WATCH = PeopleWatch()


class PeopleTable(_Table):
    roster: str | tuple[str, ...] = ()  # one path, or a list of paths
    # the learned span-and-role reader's people too (worker/detect/people_reader.py): off by
    # default, it costs several times the rules' reading (docs/people.md, round 22)
    reader: bool = False
    # people over time (docs/people-over-time.md): when an absence or a change of rank is a finding
    min_appearances: PositiveInt = _WATCH.min_appearances
    window: PositiveSeconds = PositiveSeconds(_WATCH.window_days * 86400)
    absent_after: Seconds = Seconds(_WATCH.absent_days * 86400)
    miss_chance: Chance = _WATCH.miss_chance
    peer_share: Share = _WATCH.peer_share
    peer_quorum: Share = _WATCH.peer_quorum
    stable_reports: PositiveInt = _WATCH.stable_reports
    adopt_reports: PositiveInt = _WATCH.adopt_reports

    def watch(self) -> PeopleWatch:
        return PeopleWatch(
            min_appearances=self.min_appearances,
            window_days=max(1, round(self.window / 86400)),
            absent_days=round(self.absent_after / 86400),
            miss_chance=self.miss_chance,
            peer_share=self.peer_share,
            peer_quorum=self.peer_quorum,
            stable_reports=self.stable_reports,
            adopt_reports=self.adopt_reports,
        )


class AlertsRetryTable(_Table):
    first: Seconds = Seconds(RetryPolicy().first)
    cap: Seconds = Seconds(RetryPolicy().cap)
    max_age: Seconds = Seconds(RetryPolicy().max_age.total_seconds())

    def __post_init__(self) -> None:
        if self.cap < self.first:
            raise ValueError(f"cap ({self.cap:g}s) is shorter than first ({self.first:g}s)")


class EventsTable(_Table):
    """[events]: grouping reports into events (docs/events.md explains each threshold)."""

    # Off by default: grouping costs ~15-25 ms per stored version (and a PostgreSQL advisory
    # lock per version), several times the rest of the pipeline (docs/events.md).
    enabled: bool = False
    window: Interval = Interval(2 * 86400)  # whole days; see docs/events.md
    # None: GroupingOptions' default (worker/detect/events.py), read only when enabled
    join: Share | None = None
    copy: Share | None = None
    title: Share | None = None
    min_shared_people: PositiveInt | None = None
    candidates: PositiveInt | None = None
    merge: Share | None = None
    strict_merge: bool | None = None
    day_slack: Days | None = None
    undated_days: Days | None = None
    many_people: PositiveInt | None = None
    cohesion: Fraction | None = None
    # Off: findings are stored and shown (`events`, the web's event pages) but make no change
    # and no alert, so farms serving copies of one report alert each edit once, as before.
    alert_discrepancies: bool = False

    def __post_init__(self) -> None:
        if self.window % 86400:
            raise ValueError(f'window must be whole days (such as "2d"), got {self.window:g}s')


class ServeTable(_Table):
    bind: ListenAddress = ListenAddress("127.0.0.1:8080")
    token_env: typing.Annotated[str, msgspec.Meta(min_length=1)] = "WIREDIFF_UI_TOKEN"


class FeedTable(_Table):
    url: FeedURL
    name: str | None = None
    interval: Interval = Interval(900)
    follow_links: bool = True
    category: str | None = None
    strict_interval: bool = False  # the interval wins over the feed's ttl/Cache-Control hints


class ConfigFile(_Table):
    storage: StorageTable = msgspec.field(default_factory=StorageTable)
    fetch: FetchTable = msgspec.field(default_factory=FetchTable)
    daemon: DaemonTable = msgspec.field(default_factory=DaemonTable)
    people: PeopleTable = msgspec.field(default_factory=PeopleTable)
    alerts_retry: AlertsRetryTable = msgspec.field(default_factory=AlertsRetryTable)
    serve: ServeTable = msgspec.field(default_factory=ServeTable)
    events: EventsTable = msgspec.field(default_factory=EventsTable)
    feeds: tuple[FeedTable, ...] = ()
    alerts: tuple[dict[str, Any], ...] = ()  # checked by alerts.config.parse_channels


# -- what the rest of the worker gets -----------------------------------------------------------


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
    extract_workers: int | None = None  # [fetch] extract_workers; None: one per core (<= 4)
    feeds: tuple[FeedSpec, ...] = ()
    alerts: tuple[Mapping[str, Any], ...] = ()  # validated by alerts.config.parse_channels
    metrics: str | None = None
    log_format: str = "text"
    daemon: DaemonOptions = field(default_factory=DaemonOptions)
    alert_retry: RetryPolicy = field(default_factory=RetryPolicy)
    serve: ServeOptions = field(default_factory=ServeOptions)
    roster_files: tuple[Path, ...] = ()
    config_path: Path | None = None
    warnings: tuple[str, ...] = field(default=())  # shown by the commands that poll feeds
    evidence: EvidenceOptions = field(default_factory=EvidenceOptions)  # [storage] keep_raw...
    events: GroupingOptions | None = None  # None: [events] enabled = false, the default
    alert_discrepancies: bool = False  # [events] alert_discrepancies
    people: PeopleWatch = field(default_factory=PeopleWatch)  # [people]: absence and rank
    people_reader: bool = False  # [people] reader: the learned reader's people too


def read_config_file(path: Path) -> dict[str, Any]:
    return read_toml_file(path, "config file")


def read_toml_file(path: Path, what: str) -> dict[str, Any]:
    """A TOML file a user names (`what`: "config file", "roster file"), or ConfigError saying
    in words what is wrong with it."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as err:
        raise ConfigError(f"{what} {path}: not found") from err
    except IsADirectoryError as err:
        raise ConfigError(f"{what} {path}: is a directory, not a TOML file") from err
    except PermissionError as err:
        raise ConfigError(f"{what} {path}: permission denied") from err
    except OSError as err:
        raise ConfigError(f"{what} {path}: {err.strerror or 'cannot be read'}") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{what} {path}: invalid TOML: {err}") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"{what} {path}: not UTF-8 text") from err


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
    merged, sources = _layered(raw, environ, db_url)
    # The file alone first: a wrong value in it is an error even where a variable or a flag
    # overrides it. Then the merged layers, whose errors name the variable or the flag.
    for layers, origins in ((raw, {}), (merged, sources)):
        try:
            config = msgspec.convert(layers, ConfigFile, dec_hook=_decode)
        except msgspec.ValidationError as err:
            raise ConfigError(explain(err, layers, origins, where)) from err
    return _settings(config, environ, sources, path, where)


def _layered(
    raw: dict[str, Any], environ: Mapping[str, str], db_url: str | None
) -> tuple[dict[str, Any], dict[tuple[str, str], str]]:
    """The file's tables with the environment's and the flags' values laid over them, and
    where each overriding value came from (for error messages)."""
    merged = dict(raw)
    sources: dict[tuple[str, str], str] = {}
    layers = [(var, key, environ.get(var)) for var, key in ENV_KEYS.items()]
    layers.append(("--db", ("storage", "url"), db_url))
    for name, (table, key), value in layers:
        if not value:
            continue
        current = merged.get(table, {})
        if isinstance(current, Mapping):
            merged[table] = {**current, key: value}
            sources[(table, key)] = name if name.startswith("--") else f"environment {name}"
    return merged, sources


def _settings(
    config: ConfigFile,
    environ: Mapping[str, str],
    sources: dict[tuple[str, str], str],
    path: Path | None,
    where: str,
) -> Settings:
    url, source = _database_url(config.storage.url, environ, sources)
    fetch, daemon, retry = config.fetch, config.daemon, config.alerts_retry
    roster = config.people.roster
    return Settings(
        database_url=url,
        database_source=source,
        fetch=FetchOptions(
            timeout=fetch.timeout,
            connect_timeout=fetch.connect_timeout,
            queue_timeout=fetch.queue_timeout,
            max_bytes=fetch.max_bytes,
            allow_private=fetch.allow_private,
            concurrency=fetch.concurrency,
            per_host=fetch.per_host,
            max_redirects=fetch.max_redirects,
        ),
        revisit=tuple(float(v) for v in fetch.revisit),
        backoff_cap=fetch.backoff_cap,
        extract_workers=fetch.extract_workers,
        feeds=tuple(feed_spec(f) for f in config.feeds),
        alerts=config.alerts,
        metrics=daemon.metrics,
        log_format=daemon.log_format,
        daemon=DaemonOptions(
            **{f: float(getattr(daemon, f)) for f in DaemonOptions.__dataclass_fields__}
        ),
        alert_retry=RetryPolicy(retry.first, retry.cap, timedelta(seconds=retry.max_age)),
        serve=ServeOptions(bind=str(config.serve.bind), token_env=config.serve.token_env),
        roster_files=tuple(
            Path(p).expanduser() for p in ((roster,) if isinstance(roster, str) else roster)
        ),
        people=config.people.watch(),
        people_reader=config.people.reader,
        config_path=path,
        warnings=_summarised(
            [
                f"{where}: feed {f.url}: interval {f.interval:g}s is under one minute; "
                "fine for tests, impolite to real servers"
                for f in config.feeds
                if f.interval < MIN_QUIET_INTERVAL
            ]
        ),
        events=_events(config.events),
        alert_discrepancies=config.events.alert_discrepancies,
        evidence=evidence_options(
            {"keep_raw": config.storage.keep_raw, "capture_dir": config.storage.capture_dir},
            where,
            path,
        ),
    )


def _events(table: EventsTable) -> GroupingOptions | None:
    if not table.enabled:
        return None
    from worker.detect.events import GroupingOptions

    default = GroupingOptions()
    return GroupingOptions(
        window_days=int(table.window // 86400),
        join=default.join if table.join is None else table.join,
        copy=default.copy if table.copy is None else table.copy,
        min_shared_people=(
            default.min_shared_people
            if table.min_shared_people is None
            else table.min_shared_people
        ),
        title=default.title if table.title is None else table.title,
        candidates=default.candidates if table.candidates is None else table.candidates,
        merge=default.merge if table.merge is None else table.merge,
        strict_merge=default.strict_merge if table.strict_merge is None else table.strict_merge,
        day_slack=default.day_slack if table.day_slack is None else table.day_slack,
        undated_days=default.undated_days if table.undated_days is None else table.undated_days,
        many_people=default.many_people if table.many_people is None else table.many_people,
        cohesion=default.cohesion if table.cohesion is None else table.cohesion,
    )


def _database_url(
    configured: str | None, environ: Mapping[str, str], sources: dict[tuple[str, str], str]
) -> tuple[str, str]:
    origin = sources.get(("storage", "url"))
    if configured:
        url = configured
        source = "flag" if origin == "--db" else "env" if origin else "config"
    else:
        url, source = f"sqlite:///{default_sqlite_path(environ)}", "default"
    try:
        if plain_sqlite_file(url) is None:  # other URLs are parsed by SQLAlchemy's parser
            from storage.db import check_url

            check_url(url)
    except StoreURLError as err:
        raise ConfigError(f"{origin}: {err}" if origin else str(err)) from err
    return url, source


def _summarised(warnings: list[str], most: int = 3) -> tuple[str, ...]:
    """At most a few warnings of one kind; the rest as one count (a test farm has 1,000 feeds)."""
    if len(warnings) <= most:
        return tuple(warnings)
    return (*warnings[:most], f"... and {len(warnings) - most} more warnings like these")


def feed_spec(table: FeedTable) -> FeedSpec:
    return FeedSpec(
        url=str(table.url),
        name=table.name,
        interval_s=int(table.interval),
        follow_links=table.follow_links,
        category=table.category,
        strict_interval=table.strict_interval,
    )


def read_feed_tables(raw: Any, where: str) -> tuple[FeedSpec, ...]:
    """[[feeds]] tables from any file of that shape (the bundled seeds/feeds.toml)."""
    merged = {"feeds": raw}
    try:
        config = msgspec.convert(merged, ConfigFile, dec_hook=_decode)
    except msgspec.ValidationError as err:
        raise ConfigError(explain(err, merged, {}, where)) from err
    return tuple(feed_spec(f) for f in config.feeds)


def environment() -> Mapping[str, str]:
    """The process environment; only the CLI calls this, everything else takes `environ`."""
    return os.environ


# -- one line per problem -----------------------------------------------------------------------

_AT = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.S)
_STEP = re.compile(r"\.([A-Za-z0-9_-]+)|\[(\d+)\]")
_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "a string",
    "bool": "true or false",
    "array": "a list",
    "object": "a table",
}


def explain(
    err: msgspec.ValidationError,
    merged: Mapping[str, Any],
    sources: Mapping[tuple[str, str], str],
    where: str,
) -> str:
    """msgspec's error as one line: where the value came from, the key, and the problem."""
    match = _AT.match(str(err))
    assert match is not None  # the pattern matches any text
    message, path_text = match["message"], match["path"] or ""
    path: list[str | int] = [
        step.group(1) if step.group(1) is not None else int(step.group(2))
        for step in _STEP.finditer(path_text)
    ]
    value = _value_at(merged, path)
    unknown = re.fullmatch(r"Object contains unknown field `(.+)`", message)
    if unknown:
        key = unknown[1]
        return f"{where}: {_unknown(key, path, _value_at(merged, [*path, key]))}"
    origin = sources.get(tuple(path)) if len(path) == 2 else None  # type: ignore[arg-type]
    return f"{origin or where}: {_label(path, merged)}: {_problem(message, value, path)}"


def _unknown(key: str, path: list[str | int], value: Any) -> str:
    known = sorted(_struct_at(path).__struct_fields__)
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if not path and isinstance(value, Mapping):
        hint = f" (did you mean [{close[0]}]?)" if close else ""
        return f"unknown table [{key}]{hint}; known: {', '.join(known)}"
    if not path and isinstance(value, list):
        hint = f" (did you mean [[{close[0]}]]?)" if close else ""
        return f"unknown table [[{key}]]{hint}; known: {', '.join(known)}"
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    place = f"{_label(path, {})}: " if path else ""
    return f"{place}unknown key {key!r}{hint}"


def _problem(message: str, value: Any, path: list[str | int]) -> str:
    missing = re.fullmatch(r"Object missing required field `(.+)`", message)
    if missing:
        return f"missing key {missing[1]!r}"
    expected = re.fullmatch(r"Expected `([^`]+)`(?:, got `[^`]+`)?(?: (.+))?", message)
    if expected:
        kinds = [_WORDS.get(k.strip(), k.strip()) for k in expected[1].split("|")]
        kinds = [k for k in kinds if k != "null"]
        bound = f" {_bound(expected[2])}" if expected[2] else ""
        return f"expected {' or '.join(kinds)}{bound}, got {describe(value)}"
    if message.startswith("Invalid enum value"):
        choices = _choices(path)
        return f"expected one of {', '.join(repr(c) for c in choices)}, got {describe(value)}"
    return message


def _bound(constraint: str) -> str:
    """msgspec's ">= 1" in words."""
    op, _, number = constraint.partition(" ")
    words = {">=": "of at least", ">": "above", "<=": "of at most", "<": "below"}
    return f"{words.get(op, op)} {number}"


def _label(path: list[str | int], merged: Mapping[str, Any]) -> str:
    """[fetch] timeout, [[feeds]] #2 (https://...) interval, [fetch] revisit #3."""
    if not path:
        return "config"
    table, rest = str(path[0]), path[1:]
    if table in ("feeds", "alerts"):
        text = f"[[{table}]]"
        if rest and isinstance(rest[0], int):
            item = _value_at(merged, path[:2])
            url = item.get("url") if isinstance(item, Mapping) else None
            text += f" #{rest[0] + 1}" + (f" ({url})" if isinstance(url, str) else "")
            rest = rest[1:]
    else:
        text = f"[{table}]"
    for step in rest:
        text += f" #{step + 1}" if isinstance(step, int) else f" {step}"
    return text


def _value_at(data: Any, path: list[str | int]) -> Any:
    for step in path:
        if isinstance(step, int) and isinstance(data, list | tuple) and step < len(data):
            data = data[step]
        elif isinstance(step, str) and isinstance(data, Mapping):
            data = data.get(step)
        else:
            return None
    return data


def _struct_at(path: list[str | int]) -> type[msgspec.Struct]:
    """The schema's table at `path` (list indexes skipped)."""
    current: type[msgspec.Struct] = ConfigFile
    for step in path:
        if isinstance(step, int):
            continue
        hint = typing.get_type_hints(current).get(step)
        found = _struct_in(hint)
        if found is None:
            break
        current = found
    return current


def _struct_in(hint: Any) -> type[msgspec.Struct] | None:
    if isinstance(hint, type) and issubclass(hint, msgspec.Struct):
        return hint
    for arg in typing.get_args(hint):
        found = _struct_in(arg)
        if found is not None:
            return found
    return None


def _choices(path: list[str | int]) -> tuple[Any, ...]:
    names = [s for s in path if isinstance(s, str)]
    if not names:
        return ()
    hint = typing.get_type_hints(_struct_at(path[:-1])).get(names[-1])
    return typing.get_args(hint) if typing.get_origin(hint) is Literal else ()
