"""What every command shares: the one-line errors and their exit codes (2 for the user's
mistakes, 1 for the rest), --config/--db, and opening the settings, store and runtime.

Imported when `wirediff` starts, so it imports nothing heavy at the top: the store, the
runtime and the settings are loaded inside the functions that need them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import click

from alerts.durations import seconds
from alerts.errors import AlertConfigError
from alerts.safe_text import safe_line
from storage.errors import SchemaOutdated, StorageError, StoreUnavailable, StoreURLError
from worker.detect.errors import DetectError
from worker.errors import ConfigError, WorkerError

if TYPE_CHECKING:
    from storage.db import Store
    from worker.config import Settings
    from worker.service.app import Runtime

F = TypeVar("F", bound=Callable[..., Any])
logger = logging.getLogger("wirediff")


class UserError(click.ClickException):
    """A problem the user can fix: one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"wirediff: error: {safe_line(self.format_message())}", err=True)


class RuntimeFailure(click.ClickException):
    """Something outside the user's input failed (database down...): exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"wirediff: error: {safe_line(self.format_message())}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Translate the error trees into one-line messages and the contract's exit codes."""
    try:
        yield
    except (ConfigError, AlertConfigError, StoreURLError, SchemaOutdated) as err:
        raise UserError(str(err)) from err
    except StoreUnavailable as err:
        raise RuntimeFailure(str(err)) from err
    except (StorageError, WorkerError, DetectError) as err:
        raise UserError(str(err)) from err


def store_options(func: F) -> F:
    """--config and --db: every command that reads or writes the store takes both."""
    func = click.option(
        "--db",
        "db_url",
        metavar="URL",
        help="Database URL (sqlite:///PATH or postgresql+psycopg://...). "
        "Default: $WIREDIFF_DB, the config's [storage] url, or the embedded SQLite file.",
    )(func)
    func = click.option(
        "--config",
        "config_path",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="TOML config file (default: $WIREDIFF_CONFIG).",
    )(func)
    return func


def load(config_path: str | None, db_url: str | None, *, warn: bool = False) -> Settings:
    """Settings from the config, environment and flags. warn=True (the commands that poll
    feeds: fetch and run) prints the settings' warnings, such as very short intervals.

    The command's process reads people as `[people] reader` says (worker.detect.watch): every
    command that reads people loads its settings here (fetch, run, diff, events, serve...)."""
    from worker.config import environment, load_settings
    from worker.detect.watch import use_reader

    with user_errors():
        settings = load_settings(config_path, environment(), db_url=db_url)
    use_reader(settings.people_reader)
    if warn:
        for warning in settings.warnings:
            click.echo(f"wirediff: warning: {safe_line(warning)}", err=True)
    return settings


def runtime_for(
    config_path: str | None,
    db_url: str | None,
    *,
    quiet: bool = False,
    create: bool = True,
    warn: bool = False,
    wait_for_disk: bool = False,
) -> Runtime:
    """Settings, store, roster and channels. create=False: a read-only command, which never
    creates a store (StoreMissing: exit 2); warn: see load(); wait_for_disk: the daemon starts
    on a full disk and waits for room."""
    from worker.config import environment

    settings = load(config_path, db_url, warn=warn)
    runtime = runtime_from(settings, environment(), create=create, wait_for_disk=wait_for_disk)
    if settings.database_source == "default" and not quiet:
        click.echo(f"wirediff: store: {runtime.store.display_url}", err=True)
    return runtime


def runtime_from(
    settings: Settings,
    environ: Mapping[str, str],
    *,
    create: bool = True,
    wait_for_disk: bool = False,
) -> Runtime:
    """The store, roster and channels of settings already loaded (runtime_for's second half)."""
    from worker.service.app import open_runtime

    with user_errors():
        return open_runtime(settings, environ, create=create, wait_for_disk=wait_for_disk)


def store_for(config_path: str | None, db_url: str | None, *, create: bool) -> Store:
    """Just the store, for commands that need no channels or roster. create=False for the
    commands that only read: they never create a store."""
    from storage.db import open_store

    settings = load(config_path, db_url)
    with user_errors():
        return open_store(settings.database_url, create=create)


def parse_since(value: str) -> datetime:
    """An ISO-8601 time (UTC when no zone is given), or an age such as 1h or 7d."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            age = seconds(value)
        except ValueError as err:
            raise ConfigError(
                f"--since {value!r}: give an age (90m, 1h, 7d) or an ISO time "
                "(2026-11-28, 2026-11-28T10:00, 2026-11-28T10:00Z)"
            ) from err
        return datetime.now(UTC) - timedelta(seconds=age)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
