"""One pass over the feeds, as `wirediff fetch` runs it: refresh, revisit, deliver alerts."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.request import url2pathname

from storage.feeds import FeedSpec
from worker.errors import ConfigError
from worker.evidence.retention import prune_due
from worker.ingest.extract_pool import Extractor
from worker.ingest.feedurl import check_feed_url
from worker.ingest.fetch import Fetcher
from worker.output.console import Console, PassReport
from worker.pipeline.context import FeedState, Tally
from worker.pipeline.refresh import load_feed_states, people_findings, run_pass
from worker.pipeline.revisits import revisit_due
from worker.service.app import Runtime, deliver_outbox, extractor_for, pipeline_context

if TYPE_CHECKING:
    from worker.pipeline.context import Prefetched


def feed_specs_from_args(args: Iterable[str]) -> list[FeedSpec]:
    """`--feed` values: http(s) URLs (checked as everywhere), else a local feed file.

    A path (or a file: URL) given here is the only way a feed is ever read from local disk; it
    is stored under its file: URL, and a pass without it on the command line does not read it.
    """
    specs = []
    for arg in args:
        if arg.startswith("file:"):
            path = Path(url2pathname(urlsplit(arg).path))
        elif "://" in arg or arg.split(":", 1)[0].lower() in ("javascript", "data"):
            specs.append(FeedSpec(url=check_feed_url(arg)))
            continue
        else:
            path = Path(arg).expanduser()
        specs.append(FeedSpec(url=_local_feed(arg, path), follow_links=True))
    return specs


def _local_feed(arg: str, path: Path) -> str:
    if path.is_dir():
        raise ConfigError(f"--feed {arg}: is a directory, not a feed file")
    if not path.exists():
        raise ConfigError(f"--feed {arg}: no such file (give an http(s) URL or a feed file)")
    if not os.access(path, os.R_OK):
        raise ConfigError(f"--feed {arg}: file is not readable")
    return path.resolve().as_uri()


async def one_pass(
    runtime: Runtime,
    urls: Sequence[str] | None,
    console: Console,
    *,
    write_alerts: bool = True,
    tally: Tally | None = None,
    fetcher: Fetcher | None = None,
    prefetched: Mapping[str, Prefetched] | None = None,
    extractor: Extractor | None = None,
    states: Sequence[FeedState] | None = None,
) -> PassReport:
    """One pass over `urls` (None: every feed); the file: URLs among them are the local feed
    files named on the command line, read from disk in this pass only. `fetcher`: the caller's
    (open, and closed by the caller), else the pass's own; `prefetched`: feed bodies fetched
    already by the start of the pass (worker.service.quick), by URL; `extractor`: the caller's
    (closed by the caller), else the pass's own; `states`: every stored feed's state as the
    start of the pass read it (with `urls` None), else they are read here."""
    settings = runtime.settings
    if states is None or urls is not None:
        states = load_feed_states(runtime.store, urls)
    report = PassReport(feeds=len(states))
    tally = tally or Tally()
    tally.feeds = len(states)
    async with (
        nullcontext(fetcher) if fetcher is not None else Fetcher(settings.fetch) as fetcher,
        nullcontext(extractor) if extractor is not None else extractor_for(settings) as extractor,
    ):
        local = frozenset(u for u in urls or () if u.startswith("file:"))
        ctx = pipeline_context(
            runtime,
            fetcher,
            extractor=extractor,
            write_alerts=write_alerts,
            local_files=local,
            tally=tally,
        )
        ctx.prefetched.update(prefetched or {})
        console.start(len(states))
        try:
            outcomes = await run_pass(
                ctx,
                states,
                on_outcome=lambda o: console.advance(),
                concurrency=settings.fetch.concurrency,
            )
            events = [e for o in outcomes for e in o.events]
            if urls is None:
                revisited = await revisit_due(ctx)
                events += revisited.events
                report.new_versions += revisited.new_versions  # changes come with versions
            events += await people_findings(ctx, now=True)  # absence, rank: once per pass
        finally:
            console.stop()
    for outcome in outcomes:
        console.feed(outcome.to_json())
        report.errors += outcome.status == "error"
        report.deferred += outcome.status == "deferred"
        report.new_versions += outcome.new_versions
        report.fell_back += outcome.fell_back.total()
    for event in events:
        console.change(event)
    report.changes = len(events)
    report.events = events
    report.alerts_sent, report.alerts_pending = await deliver_outbox(runtime)
    await prune_due(runtime.store, settings.evidence, ctx.clock)
    return report
