"""Cluster throughput: feeds checked per second with 1, 2 and 4 workers on one PostgreSQL store.

In: a PostgreSQL server URL (--pg or WIREDIFF_TEST_POSTGRES_URL), farm size and added latency.
Out: one table row per worker count on stdout: feed checks per second against the local farm
(bench/farm.py, every response delayed by --latency so the work is I/O-bound), and the load
the cluster puts on PostgreSQL (transactions/s, rows written/s, rows read/s and connections, from
pg_stat_database / pg_stat_activity of a fresh database per run).

    PYTHONPATH=. python bench/bench_workers.py --feeds 150 --latency 0.1 --workers 1,2,4

Every feed has a 1 s interval, so feeds are always due and the cluster, not the schedule, sets
the pace; after the first pass every check is a conditional GET answered 304.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.farm import Farm  # noqa: E402
from storage.db import Store  # noqa: E402
from storage.engine import install_engine_schema  # noqa: E402
from tests.support.pg import create_database, drop_database  # noqa: E402

STATS = (
    "SELECT xact_commit + xact_rollback, tup_inserted + tup_updated + tup_deleted, "
    "tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()"
)


def worker_main(config: str) -> None:
    """One cluster worker (what `wirediff run` does on a PostgreSQL store)."""
    from worker.config import load_settings
    from worker.service.app import open_runtime
    from worker.service.cluster import run_cluster

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    run_cluster(open_runtime(load_settings(config, os.environ), os.environ))


def pg_stats(engine: sa.Engine) -> tuple[int, int, int, int]:
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT pg_stat_clear_snapshot()"))
        xacts, written, read = conn.execute(sa.text(STATS)).one()
        conns = conn.execute(
            sa.text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        ).scalar_one()
    return int(xacts), int(written), int(read), int(conns) - 1


def run(base: str, farm: Farm, workers: int, duration: float, work: Path) -> dict[str, float]:
    url = create_database(base, "wd_bench")
    procs: list[subprocess.Popen[bytes]] = []
    try:
        store = Store(url)
        store.upgrade()
        store.dispose()
        install_engine_schema(url)
        config = work / f"bench-{workers}.toml"
        feeds = "".join(f'[[feeds]]\nurl = "{u}"\ninterval = "1s"\n' for u in farm.feed_urls)
        config.write_text(
            f'[storage]\nurl = "{url}"\n[fetch]\ntimeout = 20\nallow_private = true\n'
            f'revisit = []\n[daemon]\ntick = "1s"\n{feeds}'
        )
        procs = [
            subprocess.Popen(
                [sys.executable, __file__, "--worker", str(config)],
                cwd=REPO,
                env={**os.environ, "PYTHONPATH": str(REPO)},
                stdin=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        engine = sa.create_engine(url)
        expected = farm.n_feeds * farm.n_pages
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:  # first pass: every page stored once
            with engine.connect() as conn:
                if conn.execute(sa.text("SELECT count(*) FROM versions")).scalar_one() >= expected:
                    break
            time.sleep(1)
        else:
            raise SystemExit(f"{workers} workers: first pass did not finish")
        time.sleep(2)
        farm.reset_hits()
        x0, w0, r0, _ = pg_stats(engine)
        started = time.monotonic()
        peak = 0
        while time.monotonic() - started < duration:
            time.sleep(1)
            peak = max(peak, pg_stats(engine)[3])
        elapsed = time.monotonic() - started
        hits = farm.reset_hits()
        x1, w1, r1, _ = pg_stats(engine)
        engine.dispose()
        return {
            "checks_s": hits["feed"] / elapsed,
            "xacts_s": (x1 - x0) / elapsed,
            "written_s": (w1 - w0) / elapsed,
            "read_s": (r1 - r0) / elapsed,
            "connections": float(peak),
        }
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            try:
                p.wait(40)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        drop_database(base, url)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pg", default=os.environ.get("WIREDIFF_TEST_POSTGRES_URL"))
    ap.add_argument("--feeds", type=int, default=150)
    ap.add_argument("--pages", type=int, default=3)
    ap.add_argument("--latency", type=float, default=0.1, help="seconds added to each response")
    ap.add_argument("--workers", default="1,2,4")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds measured per run")
    ap.add_argument("--worker", metavar="CONFIG", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker_main(args.worker)
        return
    if not args.pg:
        raise SystemExit("give --pg URL or set WIREDIFF_TEST_POSTGRES_URL")
    work = Path(os.environ.get("TMPDIR", "/tmp"))
    print(f"farm: {args.feeds} feeds x {args.pages} pages, latency {args.latency}s, 1 s intervals")
    print(
        "| workers | feed checks/s | PG transactions/s | rows written/s | rows read/s | PG connections |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    with Farm(args.feeds, args.pages, seed=1, latency=args.latency) as farm:
        for n in (int(x) for x in args.workers.split(",")):
            r = run(args.pg, farm, n, args.duration, work)
            print(
                f"| {n} | {r['checks_s']:.1f} | {r['xacts_s']:.0f} | {r['written_s']:.0f} "
                f"| {r['read_s']:.0f} | {r['connections']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
