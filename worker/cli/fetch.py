"""`wirediff fetch`: one pass over the feeds, then exit."""

from __future__ import annotations

import asyncio
import sys
import time

import click

from worker.cli.common import RuntimeFailure, runtime_for, store_options, user_errors


@click.command("fetch")
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
    from worker.output.console import Console, plural
    from worker.pipeline.context import Tally
    from worker.service.app import ensure_feeds, sync_feeds
    from worker.service.passes import feed_specs_from_args, one_pass

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
