"""`wirediff feeds add|list|remove|import|export`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console as RichConsole
from rich.table import Table

from storage import feeds
from storage.feeds import FeedSpec
from worker.cli import UserError, store_for, store_options, user_errors
from worker.config import MIN_QUIET_INTERVAL
from worker.durations import format_duration, parse_duration
from worker.errors import ConfigError
from worker.output import emit_json
from worker.records import feed_record


@click.group("feeds")
def feeds_group() -> None:
    """Manage the feeds wirediff watches (kept in the store)."""


@feeds_group.command("add")
@store_options
@click.argument("url")
@click.option(
    "--interval", default="15m", show_default=True, help="How often to poll: 90s, 15m, 1h..."
)
@click.option("--name", help="A display name.")
@click.option(
    "--no-follow", is_flag=True, help="Use the feed's own text; do not fetch article pages."
)
@click.option("--category", help="A category (OPML outline), e.g. 'State media/China'.")
def feeds_add(
    config_path: str | None,
    db_url: str | None,
    url: str,
    interval: str,
    name: str | None,
    no_follow: bool,
    category: str | None,
) -> None:
    """Add a feed URL to the store."""
    with user_errors():
        seconds = parse_duration(interval, what="--interval")
        if seconds < 1:
            raise ConfigError("--interval must be at least 1s")
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"feed {url}: only http:// and https:// URLs can be added")
    if seconds < MIN_QUIET_INTERVAL:
        click.echo(f"wirediff: warning: feed {url}: interval under one minute", err=True)
    store = store_for(config_path, db_url)
    spec = FeedSpec(url, name, int(seconds), not no_follow, category)
    with user_errors(), store.write() as session:
        feeds.add(session, spec)
    click.echo(f"added {url} (every {format_duration(seconds)})")


@feeds_group.command("remove")
@store_options
@click.argument("url")
def feeds_remove(config_path: str | None, db_url: str | None, url: str) -> None:
    """Remove a feed and everything stored for it."""
    store = store_for(config_path, db_url)
    with user_errors(), store.write() as session:
        feeds.remove(session, url)
    click.echo(f"removed {url}")


def _ago(value: datetime | None, now: datetime) -> str | None:
    if value is None:
        return None
    return format_duration(max(0, int((now - value).total_seconds()))) + " ago"


def _until(value: datetime | None, now: datetime) -> str:
    if value is None or value <= now:
        return "now"
    return "in " + format_duration(int((value - now).total_seconds()))


@feeds_group.command("list")
@store_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout.")
def feeds_list(config_path: str | None, db_url: str | None, as_json: bool) -> None:
    """List feeds with their health: last success, errors, next fetch."""
    store = store_for(config_path, db_url)
    with user_errors(), store.read() as session:
        rows = feeds.all_feeds(session)
    if as_json:
        for f in rows:
            emit_json(feed_record(f))
        return
    now = datetime.now(UTC)
    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column("feed", overflow="fold", ratio=3, min_width=24)
    for column in ("every", "last ok", "errors", "next"):
        table.add_column(column, no_wrap=True)
    table.add_column("last error", overflow="fold", ratio=2, min_width=16)
    for f in rows:
        name = f.name or f.title
        table.add_row(
            f"{name}\n[dim]{f.url}[/dim]" if name else f.url,
            format_duration(f.interval_s),
            _ago(f.last_ok_at, now) or "never",
            str(f.error_count) if f.error_count else "",
            _until(f.next_fetch_at, now),
            (f.last_error or "").removeprefix(f"{f.url}: "),
        )
    RichConsole(highlight=False).print(table)


@feeds_group.command("import")
@store_options
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--interval", default="15m", show_default=True, help="Interval for the imported feeds."
)
def feeds_import(config_path: str | None, db_url: str | None, file: str, interval: str) -> None:
    """Import feeds from an OPML file (categories kept from nested outlines)."""
    from worker.opml import OpmlError, parse_opml

    with user_errors():
        seconds = int(parse_duration(interval, what="--interval"))
    try:
        data = Path(file).read_bytes()
        entries = parse_opml(data, file)
    except OSError as err:
        raise UserError(f"{file}: {err.strerror or err}") from err
    except OpmlError as err:
        raise UserError(str(err)) from err
    store = store_for(config_path, db_url)
    added = 0
    with user_errors(), store.write() as session:
        for item in entries:
            if feeds.get_by_url(session, item.url) is None:
                feeds.add(session, FeedSpec(item.url, item.name, seconds, True, item.category))
                added += 1
    click.echo(f"imported {added} new feeds from {file} ({len(entries) - added} already present)")


@feeds_group.command("export")
@store_options
def feeds_export(config_path: str | None, db_url: str | None) -> None:
    """Write the feeds as OPML 2.0 on stdout."""
    from worker.opml import OpmlFeed, write_opml

    store = store_for(config_path, db_url)
    with user_errors(), store.read() as session:
        rows = feeds.all_feeds(session)
        items = [OpmlFeed(f.url, f.name or f.title or f.url, f.category) for f in rows]
    click.echo(write_opml(items, "wirediff feeds"), nl=False)


def register(cli: click.Group) -> None:
    cli.add_command(feeds_group)
