"""One pass over the feeds, as `wirediff fetch` runs it: refresh, revisit, deliver alerts."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from storage.feeds import FeedSpec
from worker.app import Runtime, deliver_outbox, pipeline_context
from worker.errors import ConfigError
from worker.evidence.retention import prune_due
from worker.extract_pool import Extractor
from worker.fetch import Fetcher
from worker.output import Console, PassReport
from worker.pipeline import load_feed_states, run_pass
from worker.revisits import revisit_due


def feed_specs_from_args(args: Iterable[str]) -> list[FeedSpec]:
    """`--feed` values: http(s) URLs as given, anything else a local file (checked now)."""
    specs = []
    for arg in args:
        if arg.startswith(("http://", "https://", "file:")):
            specs.append(FeedSpec(url=arg))
            continue
        path = Path(arg).expanduser()
        if not path.is_file():
            raise ConfigError(f"--feed {arg}: no such file (give an http(s) URL or a feed file)")
        if not os.access(path, os.R_OK):
            raise ConfigError(f"--feed {arg}: file is not readable")
        specs.append(FeedSpec(url=path.resolve().as_uri(), follow_links=True))
    return specs


async def one_pass(
    runtime: Runtime, urls: Sequence[str] | None, console: Console, *, write_alerts: bool = True
) -> PassReport:
    settings = runtime.settings
    states = load_feed_states(runtime.store, urls)
    report = PassReport(feeds=len(states))
    async with (
        Fetcher(settings.fetch) as fetcher,
        Extractor(settings.extract_workers) as extractor,
    ):
        ctx = pipeline_context(runtime, fetcher, extractor=extractor, write_alerts=write_alerts)
        console.start(len(states))
        try:
            outcomes = await run_pass(
                ctx,
                states,
                on_outcome=lambda o: console.advance(),
                concurrency=settings.fetch.concurrency,
            )
            events = [e for o in outcomes for e in o.events]
            events += await revisit_due(ctx) if urls is None else []
        finally:
            console.stop()
    for outcome in outcomes:
        console.feed(outcome.to_json())
        report.errors += outcome.status == "error"
        report.new_versions += outcome.new_versions
    for event in events:
        console.change(event)
    report.changes = len(events)
    report.events = events
    report.alerts_sent, report.alerts_pending = await deliver_outbox(runtime)
    await prune_due(runtime.store, settings.evidence, ctx.clock)
    return report
