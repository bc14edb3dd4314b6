"""`wirediff fetch`: one pass over the feeds, then exit."""

from __future__ import annotations

import asyncio
import gc
import sys
import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import click

from worker.cli.common import (
    RuntimeFailure,
    load,
    runtime_from,
    store_options,
    user_errors,
)

if TYPE_CHECKING:
    from worker.config import Settings
    from worker.ingest.extract_pool import Extractor
    from worker.ingest.fetch import Fetcher
    from worker.output.console import Console, PassReport
    from worker.pipeline.context import Tally
    from worker.service.app import Runtime
    from worker.service.quick import QuickStart


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
    from worker.config import environment
    from worker.output.console import Console, plural
    from worker.pipeline.context import Tally

    settings = load(config_path, db_url, warn=True)
    console = Console(as_json=as_json)
    started = time.monotonic()
    tally = Tally()
    try:
        with user_errors():
            report, disk_full = asyncio.run(
                _pass(settings, environment(), feed_args, console, as_json, not no_alerts, tally)
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
    if disk_full:  # nothing could be stored: not a per-feed failure
        raise RuntimeFailure(disk_full)


async def _pass(
    settings: Settings,
    environ: Mapping[str, str],
    feed_args: tuple[str, ...],
    console: Console,
    quiet: bool,
    write_alerts: bool,
    tally: Tally,
) -> tuple[PassReport, str | None]:
    """The pass, and what stopped the store (a full disk) if anything did. Without --feed it
    starts with worker.service.quick: the feeds' conditional GETs go out before the store's
    SQLAlchemy layer is imported, and a pass where nothing changed ends there."""
    from worker.ingest.fetch import Fetcher
    from worker.service.quick import quick_start

    if settings.database_source == "default" and not quiet:  # as runtime_for says it
        click.echo(f"wirediff: store: {settings.database_url}", err=True)  # sqlite:///PATH
    async with Fetcher(settings.fetch) as fetcher:
        start = None
        if not feed_args:
            start = await quick_start(settings, environ, fetcher, console, tally)
            if start is not None and start.report is not None:
                return start.report, None
        from worker.service.extraction import extractor_for, first_pass_feeds

        async with extractor_for(settings) as extractor:
            if not feed_args:  # a first pass starts its extraction pool while the store is made
                extractor.expect_first_pass(first_pass_feeds(settings))
            try:
                # The whole pass: the store opened (and created, migrated) as every command
                # opens it
                runtime = await asyncio.to_thread(runtime_from, settings, environ)
                # What is imported by now (SQLAlchemy, the store, the HTTP stack; objects the
                # collector would traverse again in each older-generation collection of the
                # pass) lives as long as the command: moved out of the collector's reach.
                # Cycles made from here on are collected as before (issue 10, round 26).
                gc.freeze()
                report = await _whole_pass(
                    runtime, feed_args, console, write_alerts, tally, fetcher, start, extractor
                )
            finally:
                if start is not None:  # requests handed over that the pass never took
                    await _drop_unused(start.prefetched.values())
            return report, runtime.store.disk_full


async def _drop_unused(handed_over: Iterable[object]) -> None:
    """Cancel the requests the start of the pass handed over that are still running (the
    whole pass failed before it took them), while the fetcher is open; and take the error of
    those that ended, so asyncio does not log it as never retrieved."""
    requests = [r for r in handed_over if isinstance(r, asyncio.Future)]
    for request in requests:
        request.cancel()
    if requests:
        await asyncio.wait(requests)
    for request in requests:
        if not request.cancelled():
            request.exception()


async def _whole_pass(
    runtime: Runtime,
    feed_args: tuple[str, ...],
    console: Console,
    write_alerts: bool,
    tally: Tally,
    fetcher: Fetcher,
    start: QuickStart | None,
    extractor: Extractor,
) -> PassReport:
    from worker.service.app import ensure_feeds, sync_feeds
    from worker.service.passes import feed_specs_from_args, one_pass

    specs = feed_specs_from_args(feed_args)
    if specs:
        await asyncio.to_thread(sync_feeds, runtime.store, specs)
    elif start is None:
        await asyncio.to_thread(ensure_feeds, runtime)
    # else quick_start found stored feeds and every configured one stored as configured
    # (storage.quick `_in_line`: exactly what sync_feeds would change), so ensure_feeds would
    # write nothing; it read and compared 100 feeds' ORM objects in its own transaction
    # (1.5% of a 5%-edited pass's GIL samples; bench/README.md, round 19)
    urls = [s.url for s in specs] or None
    return await one_pass(
        runtime,
        urls,
        console,
        write_alerts=write_alerts,
        tally=tally,
        fetcher=fetcher,
        prefetched=start.prefetched if start is not None else None,
        states=start.states if start is not None else None,
        extractor=extractor,
    )
