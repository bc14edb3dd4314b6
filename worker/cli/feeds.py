"""`wirediff feeds add|list|remove|import|export`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console as RichConsole
from rich.table import Table
from rich.text import Text

from alerts.durations import format_duration
from alerts.safe_text import safe_line
from storage import articles, feeds
from storage.feeds import FeedSpec
from storage.models import Feed
from worker.cli.common import UserError, store_for, store_options, user_errors
from worker.config import MIN_QUIET_INTERVAL
from worker.durations import parse_duration
from worker.errors import ConfigError
from worker.ingest.feedurl import FeedURLError, check_feed_url
from worker.output.console import emit_json, fell_back_text, plural
from worker.output.records import feed_record


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
@click.option(
    "--strict-interval",
    is_flag=True,
    help="Poll at exactly --interval: the feed's own hints (ttl, sy:updatePeriod, "
    "Cache-Control) may not lengthen it.",
)
def feeds_add(
    config_path: str | None,
    db_url: str | None,
    url: str,
    interval: str,
    name: str | None,
    no_follow: bool,
    category: str | None,
    strict_interval: bool,
) -> None:
    """Add a feed URL to the store."""
    with user_errors():
        seconds = parse_duration(interval, what="--interval")
        if seconds < 1:
            raise ConfigError("--interval must be at least 1s")
        url = check_feed_url(url)
    if seconds < MIN_QUIET_INTERVAL:
        click.echo(f"wirediff: warning: feed {safe_line(url)}: interval under one minute", err=True)
    store = store_for(config_path, db_url, create=True)
    spec = FeedSpec(url, name, int(seconds), not no_follow, category, strict_interval)
    with user_errors(), store.write() as session:
        feeds.add(session, spec)
    click.echo(f"added {safe_line(url)} (every {format_duration(seconds)})")


@feeds_group.command("remove")
@store_options
@click.argument("url")
def feeds_remove(config_path: str | None, db_url: str | None, url: str) -> None:
    """Remove a feed and everything stored for it."""
    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.write() as session:
        feeds.remove(session, url)
    click.echo(f"removed {safe_line(url)}")


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
    """List feeds with their health: last success, errors, next fetch.

    Also how often each is polled and why (a feed's own hints may lengthen its interval),
    its items (in the feed now, left the feed, taken down), and how many entries of its last
    pass took the feed's own text because their page could not be used. On a terminal a
    table; piped, one line per feed (tab-separated, never wrapped).
    """
    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.read() as session:
        rows = feeds.all_feeds(session)
        listing = articles.listing_by_feed(session)
    now = datetime.now(UTC)
    views = [FeedView.of(f, listing.get(f.id), now) for f in rows]
    if as_json:
        for view in views:
            emit_json(view.json)
    elif sys.stdout.isatty():
        _print_table(views)
    else:
        _print_lines(views)


@dataclass(frozen=True, slots=True)
class FeedView:
    """One feed as `feeds list` shows it."""

    json: dict[str, Any]
    name: str
    every: str
    last_ok: str
    items: str
    errors: str
    next: str
    notes: str

    @classmethod
    def of(cls, f: Feed, listed: dict[str, int] | None, now: datetime) -> FeedView:
        counts = listed or {"in_feed": 0, "left_feed": 0, "removed": 0}
        reasons = feeds.fell_back_reasons(f)
        effective = f.wait_s or f.interval_s
        notes = []
        if f.last_error:
            notes.append(f.last_error.removeprefix(f"{f.url}: "))
        if effective != f.interval_s:
            notes.append(
                f"polled every {format_duration(effective)}, not {format_duration(f.interval_s)}: "
                f"{f.wait_reason}"
                + ("" if f.strict_interval else " (strict_interval to keep yours)")
            )
        if f.fell_back:
            notes.append(fell_back_text(f.fell_back, reasons, f.last_entries))
        return cls(
            json=feed_record(f, counts),
            name=safe_line(f.name or f.title or ""),
            every=format_duration(effective) + ("*" if effective != f.interval_s else ""),
            last_ok=_ago(f.last_ok_at, now) or "never",
            items=f"{counts['in_feed']}/{counts['left_feed']}/{counts['removed']}",
            errors=str(f.error_count) if f.error_count else "",
            next=_until(f.next_fetch_at, now),
            notes=safe_line("; ".join(notes)),
        )


def _print_table(views: list[FeedView]) -> None:
    table = Table(show_edge=False, pad_edge=False, box=None)
    table.add_column("feed", overflow="fold", ratio=3, min_width=24)
    for column in ("every", "last ok", "items", "errors", "next"):
        table.add_column(column, no_wrap=True)
    table.add_column("notes", overflow="fold", ratio=2, min_width=16)
    for v in views:
        feed = Text(v.name + "\n", style="") if v.name else Text()
        feed.append(safe_line(v.json["url"]), style="dim" if v.name else "")
        table.add_row(feed, v.every, v.last_ok, v.items, v.errors, v.next, Text(v.notes))
    console = RichConsole(highlight=False)
    console.print(table)
    console.print(
        Text(
            "items: in the feed / left the feed / taken down; * polled less often than "
            "configured (see notes)",
            style="dim",
        )
    )


def _print_lines(views: list[FeedView]) -> None:
    """Piped: one line per feed, tab-separated, so grep and cut see whole feeds."""
    click.echo("\t".join(("url", "name", "every", "last ok", "items", "errors", "next", "notes")))
    for v in views:
        url = safe_line(v.json["url"])
        cells = (url, v.name, v.every, v.last_ok, v.items, v.errors, v.next, v.notes)
        click.echo("\t".join(" ".join(c.split()) for c in cells))


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
    from worker.ingest.opml import OpmlError, parse_opml

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
            click.echo(f"wirediff: error: {file}: {safe_line(str(err))}; not imported", err=True)
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
    from worker.ingest.opml import OpmlFeed, write_opml

    store = store_for(config_path, db_url, create=False)
    with user_errors(), store.read() as session:
        rows = feeds.all_feeds(session)
        items = [OpmlFeed(f.url, f.name or f.title or f.url, f.category) for f in rows]
    click.echo(write_opml(items, "wirediff feeds"), nl=False)
