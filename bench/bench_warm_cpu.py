"""CPU of a pass where nothing changed, and of the one-feed probe, for several checkouts in turn.

On a machine shared with other work the wall times of bench_fetch.py swing by 2-3x between
runs; the CPU a pass takes (RUSAGE of the tool and its descendants) moves much less. This
script runs, for each checkout given, a first pass over the same farm (not timed), then
`--rounds` times in alternation: the nothing-changed pass over every feed and the one-feed
probe (start-up and fixed cost). It prints medians and ranges of CPU, wall and launch -> first
request; CPU per feed check answered 304 = (pass - probe) / (feeds - 1).

    PYTHONPATH=. python bench/bench_warm_cpu.py BEFORE_DIR,AFTER_DIR --feeds 100 --rounds 7
    PYTHONPATH=. python bench/bench_warm_cpu.py BEFORE_DIR,AFTER_DIR --feeds 1000 --pages 1 --rounds 3
    PYTHONPATH=. python bench/bench_warm_cpu.py BEFORE_DIR,AFTER_DIR --edit 0.05 --rounds 8

With --cold, only first passes are timed instead: each round deletes each checkout's store and
runs the first pass over the whole farm again (every page fetched, extracted and stored),
checking that every article got exactly one version from its page.

    PYTHONPATH=. python bench/bench_warm_cpu.py BEFORE_DIR,AFTER_DIR --cold --rounds 5

With --edit FRACTION, after those rounds the farm edits that fraction of the articles once and
each round runs the edited pass from a copy of each checkout's store taken before the edit (the
same pass every time: its feeds fetched and parsed again, the edited pages fetched, extracted,
stored, changes detected), checking that exactly the edited articles got a second version.

Each directory is a checkout of wirediff (e.g. `git archive COMMIT | tar -x -C DIR`),
byte-compiled here first as bench_fetch.py does. Network only to 127.0.0.x.
"""

from __future__ import annotations

import argparse
import compileall
import random
import shutil
import sqlite3
import statistics
import tempfile
from pathlib import Path

import bench.bench_fetch as bf
from bench.farm import Farm


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("trees", help="checkouts, comma-separated")
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--pages", type=int, default=5)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--edit", type=float, default=0.0, help="also time the edited pass")
    ap.add_argument("--cold", action="store_true", help="time first passes only")
    args = ap.parse_args()
    trees = [Path(t).resolve() for t in args.trees.split(",")]
    farm = Farm(args.feeds, args.pages, seed=1, hosts=args.hosts).start()
    bf._FARM = farm
    if args.cold:
        figures = _first_passes(farm, trees, args.rounds)
        farm.stop()
        _report(trees, figures, args.feeds)
        return
    tools = {}
    for tree in trees:
        for package in ("worker", "storage", "alerts"):
            compileall.compile_dir(tree / package, quiet=1)
        bf.REPO = tree  # the checkout the children run (cwd and PYTHONPATH)
        work = Path(tempfile.mkdtemp(prefix="bench-warm-"))
        whole = bf.Wirediff(work, farm, False, name="all")
        probe = bf.Wirediff(work, farm, False, name="probe")
        probe.write_config(farm.feed_urls[:1])
        for tool in (whole, probe):
            if tool.run("cold").exit_code != 0:
                raise SystemExit(f"{tree}: first pass failed")
        tools[tree] = (whole, probe)
    figures: dict[Path, dict[str, list[float]]] = {t: {} for t in trees}
    for _ in range(args.rounds):
        for tree in trees:
            bf.REPO = tree
            for name, tool in zip(("pass", "probe"), tools[tree], strict=True):
                farm.reset_hits()
                run = tool.run("warm")
                hits = farm.reset_hits()
                expected = args.feeds if name == "pass" else 1
                if run.exit_code != 0 or hits.get("not_modified") != expected or hits.get("page"):
                    raise SystemExit(f"{tree}: {name} was not a nothing-changed pass: {dict(hits)}")
                for key, value in (
                    ("cpu", run.cpu_s),
                    ("wall", run.wall_s),
                    ("first request", run.first_request_s or 0.0),
                ):
                    figures[tree].setdefault(f"{name} {key}", []).append(value)
    if args.edit:
        _edited_passes(farm, trees, tools, figures, args.edit, args.rounds)
    farm.stop()
    _report(trees, figures, args.feeds)


def _report(trees: list[Path], figures: dict[Path, dict[str, list[float]]], feeds: int) -> None:
    for tree in trees:
        print(tree)
        for key, values in figures[tree].items():
            print(
                f"  {key:20s} median {statistics.median(values):6.3f} s"
                f"  range {min(values):.3f}-{max(values):.3f}"
            )
        if "probe cpu" not in figures[tree]:
            continue
        per_304 = (
            statistics.median(figures[tree]["pass cpu"])
            - statistics.median(figures[tree]["probe cpu"])
        ) / max(feeds - 1, 1)
        print(f"  CPU per feed check answered 304 (medians): {per_304 * 1000:.2f} ms")


def _first_passes(farm: Farm, trees: list[Path], rounds: int) -> dict[Path, dict[str, list[float]]]:
    """First passes (store deleted before each), the checkouts in alternation."""
    figures: dict[Path, dict[str, list[float]]] = {t: {} for t in trees}
    tools = {}
    for tree in trees:
        for package in ("worker", "storage", "alerts"):
            compileall.compile_dir(tree / package, quiet=1)
        tools[tree] = bf.Wirediff(Path(tempfile.mkdtemp(prefix="bench-cold-")), farm, False)
    total = farm.n_feeds * farm.n_pages
    for _ in range(rounds):
        for tree in trees:
            bf.REPO = tree
            tool = tools[tree]
            for suffix in ("", "-wal", "-shm"):
                tool.db.with_name(tool.db.name + suffix).unlink(missing_ok=True)
            run = tool.run("cold")
            stats = tool.store_stats()
            if run.exit_code != 0 or stats["versions"] != total or stats["multi_version"]:
                raise SystemExit(f"{tree}: first pass stored {stats['versions']} versions")
            if stats["sources"].get("page") != total:
                raise SystemExit(
                    f"{tree}: first pass versions not all from pages: {stats['sources']}"
                )
            figures[tree].setdefault("first pass cpu", []).append(run.cpu_s)
            figures[tree].setdefault("first pass wall", []).append(run.wall_s)
    return figures


def _edited_passes(
    farm: Farm,
    trees: list[Path],
    tools: dict[Path, tuple[bf.Wirediff, bf.Wirediff]],
    figures: dict[Path, dict[str, list[float]]],
    fraction: float,
    rounds: int,
) -> None:
    snapshots = {}
    for tree in trees:
        whole = tools[tree][0]
        snapshots[tree] = whole.db.with_name("before-edit.db")
        with sqlite3.connect(whole.db) as source, sqlite3.connect(snapshots[tree]) as copy:
            source.backup(copy)
    edited = farm.edit(fraction, random.Random(5))
    for _ in range(rounds):
        for tree in trees:
            bf.REPO = tree
            whole = tools[tree][0]
            for suffix in ("", "-wal", "-shm"):
                whole.db.with_name(whole.db.name + suffix).unlink(missing_ok=True)
            shutil.copyfile(snapshots[tree], whole.db)
            run = whole.run("edit")
            again = set(whole.store_stats()["multi_version"])
            if run.exit_code != 0 or again != set(edited):
                raise SystemExit(f"{tree}: the edited pass stored {len(again)} articles again")
            figures[tree].setdefault("edit cpu", []).append(run.cpu_s)
            figures[tree].setdefault("edit wall", []).append(run.wall_s)


if __name__ == "__main__":
    main()
