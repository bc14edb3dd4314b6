"""The slow farm of issue 16 at full size: do healthy pages get reported timed out?

    PYTHONPATH=. python bench/busy_farm.py [--feeds 100] [--pages 3] [--slow-feeds 20]
                                           [--slow 2] [--deadline 3] [--concurrency 4]

`--feeds` feeds of `--pages` pages each on one local host; the pages of the first
`--slow-feeds` feeds answer after `--slow` seconds, the others at once; one `fetch` pass
(the pipeline's one_pass, a fresh SQLite store) with `[fetch] timeout = --deadline` and
`concurrency = per_host = --concurrency`. Every page answers within the deadline, so every
version should be the page's own text: the figure to watch is how many pages took the feed's
text instead (a page reported timed out) and how many feeds were errors. The test suite runs
the same farm at half size with shorter times (tests/worker/pipeline/test_busy_pass.py); this one takes
about a minute. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.db import Store
from storage.feeds import FeedSpec
from storage.models import Version
from tests.support.farm import REPORT, Farm
from tests.support.httpserver import LocalServer
from worker.config import Settings
from worker.ingest.fetch import FetchOptions
from worker.output.console import Console
from worker.service.app import Runtime, sync_feeds
from worker.service.passes import one_pass
from worker.service.seeds import load_roster


class _Quiet:
    def write(self, s: str) -> int:
        return len(s)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--slow-feeds", type=int, default=20)
    parser.add_argument("--slow", type=float, default=2.0)
    parser.add_argument("--deadline", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()

    server = LocalServer().start()
    farm = Farm(server)
    urls = []
    for f in range(args.feeds):
        paths = [f"/f{f}/{p}.html" for p in range(args.pages)]
        for path in paths:
            farm.add_page(path, f"Feed {f} {path}", [f"Story {path}.", *REPORT[:2]])
            if f < args.slow_feeds:
                server.route(path, _slowly(farm._serve_page, args.slow))
        urls.append(farm.add_feed(f"/f{f}.xml", paths))

    db = f"sqlite:///{Path(tempfile.mkdtemp()) / 'w.db'}"
    store = Store(db)
    store.upgrade()
    options = FetchOptions(
        timeout=args.deadline, concurrency=args.concurrency, per_host=args.concurrency
    )
    base = Settings(database_url=db, database_source="flag")
    runtime = Runtime(replace(base, fetch=options), store, load_roster(), ())
    sync_feeds(store, [FeedSpec(url=u, interval_s=3600) for u in urls])
    started = time.monotonic()
    report = asyncio.run(one_pass(runtime, None, Console(as_json=True, stream=_Quiet())))
    seconds = time.monotonic() - started
    with store.read() as session:
        rows = session.execute(
            sa.select(Version.source, sa.func.count()).group_by(Version.source)
        ).all()
    by_source = {str(source): int(n) for source, n in rows}
    server.stop()
    pages = args.feeds * args.pages
    print(
        f"{args.feeds} feeds x {args.pages} pages, {args.slow_feeds} feeds' pages answering "
        f"after {args.slow:g} s, deadline {args.deadline:g} s, {args.concurrency} at once"
    )
    print(
        f"pass {seconds:.1f} s; feed errors {report.errors}; versions from the page "
        f"{by_source.get('page', 0)} of {pages}; pages that took the feed's text (reported "
        f"failed although they answer within the deadline) {by_source.get('feed', 0)}"
    )


def _slowly(handler, delay: float):  # type: ignore[no-untyped-def]
    def serve(req, h):  # type: ignore[no-untyped-def]
        time.sleep(delay)
        return handler(req, h)

    return serve


if __name__ == "__main__":
    main()
