"""`wirediff feeds add|list|remove|import|export`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console as RichConsole
from rich.table import Table

from alerts.durations import format_duration
from storage import feeds
from storage.feeds import FeedSpec
from worker.cli import UserError, store_for, store_options, user_errors
from worker.config import MIN_QUIET_INTERVAL
from worker.durations import parse_duration
from worker.errors import ConfigError
from worker.feedurl import FeedURLError, check_feed_url
from worker.output import emit_json, plural


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
        url = check_feed_url(url)
    if seconds < MIN_QUIET_INTERVAL:
        click.echo(f"wirediff: warning: feed {url}: interval under one minute", err=True)
    store = store_for(config_path, db_url, create=True)
    spec = FeedSpec(url, name, int(seconds), not no_follow, category)
    with user_errors(), store.write() as session:
        feeds.add(session, spec)
    click.echo(f"added {url} (every {format_duration(seconds)})")


@feeds_group.command("remove")
@store_options
@click.argument("url")
def feeds_remove(config_path: str | None, db_url: str | None, url: str) -> None:
    """Remove a feed and everything stored for it."""
    store = store_for(config_path, db_url, create=False)
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


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


@feeds_group.command("list")
@store_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout.")
def feeds_list(config_path: str | None, db_url: str | None, as_json: bool) -> None:
    """List feeds with their health: last success, errors, next fetch."""
    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.read() as session:
        rows = feeds.all_feeds(session)
    if as_json:
        for f in rows:
            emit_json(
                {
                    "type": "feed",
                    "url": f.url,
                    "name": f.name,
                    "interval": format_duration(f.interval_s),
                    "follow_links": f.follow_links,
                    "category": f.category,
                    "last_ok_at": _iso(f.last_ok_at),
                    "error_count": f.error_count,
                    "last_error": f.last_error,
                    "next_fetch_at": _iso(f.next_fetch_at),
                }
            )
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
    """Import feeds from an OPML file (categories kept from nested outlines).

    Only http(s) feed URLs are imported; any other (file:, javascript:, data:, none) is
    refused with one line naming it, the others are imported, and the exit code is 2.
    """
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
    refused = []
    for item in entries:
        try:
            check_feed_url(item.url)
        except FeedURLError as err:
            refused.append(item)
            click.echo(f"wirediff: error: {file}: {err}; not imported", err=True)
    store = store_for(config_path, db_url, create=True)
    added = 0
    with user_errors(), store.write() as session:
        for item in entries:
            if item not in refused and feeds.get_by_url(session, item.url.strip()) is None:
                spec = FeedSpec(item.url.strip(), item.name, seconds, True, item.category)
                feeds.add(session, spec)
                added += 1
    present = len(entries) - len(refused) - added
    click.echo(
        f"imported {plural(added, 'new feed')} from {file} ({present} already present"
        + (f", {len(refused)} refused" if refused else "")
        + ")"
    )
    if refused:
        raise click.exceptions.Exit(2)


@feeds_group.command("export")
@store_options
def feeds_export(config_path: str | None, db_url: str | None) -> None:
    """Write the feeds as OPML 2.0 on stdout."""
    from worker.opml import OpmlFeed, write_opml

    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.read() as session:
        rows = feeds.all_feeds(session)
        items = [OpmlFeed(f.url, f.name or f.title or f.url, f.category) for f in rows]
    click.echo(write_opml(items, "wirediff feeds"), nl=False)


def register(cli: click.Group) -> None:
    cli.add_command(feeds_group)
