"""The `wirediff` command line (click). Exit codes: 0 the work ran (per-feed failures are
reported, not fatal); 2 bad usage or a bad config, one line naming the problem; 1 anything else.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

import worker
from alerts.errors import AlertConfigError
from alerts.safe_text import safe_line
from storage.db import Store
from storage.errors import SchemaOutdated, StorageError, StoreUnavailable, StoreURLError
from worker.app import Runtime, ensure_feeds, open_runtime, sync_feeds
from worker.config import Settings, environment, load_settings
from worker.context import Tally
from worker.errors import ConfigError, WorkerError
from worker.logs import PlainFormatter
from worker.output import Console, plural

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
    except (StorageError, WorkerError) as err:
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
    feeds: fetch and run) prints the settings' warnings, such as very short intervals."""
    with user_errors():
        settings = load_settings(config_path, environment(), db_url=db_url)
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
    settings = load(config_path, db_url, warn=warn)
    with user_errors():
        runtime = open_runtime(settings, environment(), create=create, wait_for_disk=wait_for_disk)
    if settings.database_source == "default" and not quiet:
        click.echo(f"wirediff: store: {runtime.store.display_url}", err=True)
    return runtime


def store_for(config_path: str | None, db_url: str | None, *, create: bool) -> Store:
    """Just the store, for commands that need no channels or roster. create=False for the
    commands that only read: they never create a store."""
    from storage.db import open_store

    settings = load(config_path, db_url)
    with user_errors():
        return open_store(settings.database_url, create=create)


def run_async(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return asyncio.run(func(*args, **kwargs))

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(worker.__version__, prog_name="wirediff")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """wirediff: know when an official or wire-service report changes.

    Fetches news feeds, stores every version of every report, and flags changed wording,
    numbers, dates and lists of people (attended, presided, spoke).
    """
    handler = _StderrHandler()
    handler.setFormatter(PlainFormatter("%(levelname)s %(name)s %(message)s"))
    logging.basicConfig(handlers=[handler])
    _verbosity(verbose)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is when a record comes, not when the handler was made
    (in-process runners swap it; a handler holding an old one would write to a closed file)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _more_verbose(ctx: click.Context, _param: click.Parameter, count: int) -> None:
    """-v after the command's name counts with the ones before it (`wirediff -v fetch -v`)."""
    if count:
        _verbosity(int(ctx.find_root().params.get("verbose") or 0) + count)


def _verbosity(count: int) -> None:
    """-v: wirediff's own INFO lines; -vv: DEBUG, with every HTTP request and migration step."""
    logging.getLogger().setLevel(logging.WARNING - 10 * min(count, 2))
    for noisy in ("httpx", "httpcore", "alembic"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if count >= 2 else logging.WARNING)


# -- fetch ------------------------------------------------------------------------------------


@cli.command()
@store_options
@click.option(
    "--feed",
    "feed_args",
    multiple=True,
    metavar="URL_OR_PATH",
    help="Fetch only this feed (a URL or a local feed file; added to the store if new); "
    "repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout.")
@click.option("--no-alerts", is_flag=True, help="Store changes but write no alerts for them.")
def fetch(
    config_path: str | None,
    db_url: str | None,
    feed_args: tuple[str, ...],
    as_json: bool,
    no_alerts: bool,
) -> None:
    """One pass over the feeds, then exit.

    Every feed in the store (or the config's [[feeds]], or with none anywhere the bundled
    seeds/feeds.toml) is fetched once; new and changed items get their page fetched and
    extracted, versions are stored when something changed, revisits that are due run, and
    pending alerts are delivered. Per-feed failures are reported and the pass goes on (exit 0).
    """
    from worker.passes import feed_specs_from_args, one_pass

    runtime = runtime_for(config_path, db_url, quiet=as_json, warn=True)
    with user_errors():
        specs = feed_specs_from_args(feed_args)
        if specs:
            sync_feeds(runtime.store, specs)
        else:
            ensure_feeds(runtime)
    console = Console(as_json=as_json)
    started = time.monotonic()
    tally = Tally()
    urls = [s.url for s in specs] or None
    try:
        with user_errors():
            report = asyncio.run(
                one_pass(runtime, urls, console, write_alerts=not no_alerts, tally=tally)
            )
    except KeyboardInterrupt:
        # Every version is committed on its own: what was stored before Ctrl-C stays stored.
        console.stop()
        click.echo(
            f"wirediff: interrupted after {tally.feeds_done}/{tally.feeds} feeds; "
            f"{plural(tally.versions, 'new version')} stored",
            err=True,
        )
        sys.exit(130)
    report.seconds = round(time.monotonic() - started, 3)
    console.summary(report)
    if runtime.store.disk_full:  # nothing could be stored: not a per-feed failure
        raise RuntimeFailure(runtime.store.disk_full)


# -- db ---------------------------------------------------------------------------------------


@cli.group()
def db() -> None:
    """The store's schema."""


@db.command("upgrade")
@store_options
def db_upgrade(config_path: str | None, db_url: str | None) -> None:
    """Create or migrate the store's schema to the current version.

    On PostgreSQL this also installs the job engine's schema (procrastinate), which the
    workers of a cluster share.
    """
    settings = load(config_path, db_url)
    with user_errors():
        store = Store(settings.database_url)
        revision = store.upgrade()
    click.echo(f"store {store.display_url} is at schema revision {revision}")
    if not store.is_sqlite:
        from worker.cluster import install_engine_schema

        with user_errors():
            click.echo(install_engine_schema(settings.database_url))


def _register_subcommands() -> None:
    from worker import (
        cli_alerts,
        cli_changes,
        cli_db,
        cli_demo,
        cli_events,
        cli_evidence,
        cli_feeds,
        cli_run,
    )
    from worker.web import command as cli_serve

    modules = (
        cli_feeds,
        cli_changes,
        cli_alerts,
        cli_demo,
        cli_run,
        cli_db,
        cli_serve,
        cli_evidence,
        cli_events,
    )
    for module in modules:
        module.register(cli)
    _add_verbose(cli)


def _add_verbose(group: click.Group) -> None:
    """Every command takes -v too, so it can follow the command's name."""
    for command in group.commands.values():
        if isinstance(command, click.Group):
            _add_verbose(command)
            continue
        command.params.append(
            click.Option(
                ["-v", "--verbose"],
                count=True,
                expose_value=False,
                is_eager=True,
                callback=_more_verbose,
                help="More log output (-vv for debug).",
            )
        )


_register_subcommands()


def main() -> None:
    """Console-script entry point. Ctrl-C is exit 130 with one line, for every command (click
    itself would print "Aborted!" and exit 1)."""
    try:
        code = cli.main(prog_name="wirediff", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("wirediff: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
