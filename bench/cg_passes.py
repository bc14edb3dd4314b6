"""Instructions of a first pass and a 5%-edited pass, for several checkouts over one farm, and
whether their stores hold the same things afterwards.

The wall clock of a shared machine is noise; the instructions a pass executes are not (within
~0.5% between runs of one checkout: which pages wait for the pool, the deadlines). For each
checkout given, in turn over the same farm (100 x 5 over 10 hosts by default): the first pass
from an empty store; with `--unchanged`, a pass where nothing changed; then the farm edits
`--edit` of its articles and each checkout runs the edited pass. With `--valgrind` each pass
runs under `valgrind --tool=cachegrind --cache-sim=no --trace-children=yes` and the
instructions of every process it started (the pipeline, the extraction pool's forkserver and
workers) are printed; without it, the CPU of the pass and its descendants. Then the stores are
compared with the first checkout's: articles, versions, texts (and their compressed bytes),
people over time, changes (their event JSON less its times), events, evidence records and
captures, keyed by URL (ids depend on the order feeds finish in). Events grouping depends on
that order too: compare a checkout with a copy of itself to see how much (`--events`).

    PYTHONPATH=. python bench/cg_passes.py BEFORE_DIR,AFTER_DIR --valgrind
    PYTHONPATH=. python bench/cg_passes.py BEFORE_DIR,AFTER_DIR --events
    PYTHONPATH=. python bench/cg_passes.py BEFORE_DIR,AFTER_DIR --valgrind --unchanged

Each directory is a checkout (`git archive COMMIT | tar -x -C DIR`), byte-compiled here first.
Under valgrind a pass takes ~50x its CPU: the request timeout is raised to 600 s there (else
some pages of the edited pass ran out of their 30 s and were left for the next pass). With
`--first-plain` only the edited passes run under valgrind; with `--pipeline-only` only the
pipeline's process does (the extraction pool's run natively: a first pass in ~1/3 of the
time, for changes outside the pool). Network only to 127.0.0.x.
"""

from __future__ import annotations

import argparse
import compileall
import ctypes
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import zstandard

import bench.bench_fetch as bf
from bench.farm import Farm

_TIMES = re.compile(r'"(detected_at|fetched_at|found_at|created_at|updated_at)": ?"[^"]*"')


def run_pass(tree: Path, work: Path, phase: str, valgrind: bool, *, children: bool = True) -> str:
    cmd = [sys.executable, "-m", "worker", "fetch", "--json"]
    cmd += ["--config", str(work / "wirediff.toml"), "--db", f"sqlite:///{work / 'wirediff.db'}"]
    traces = work / f"cg-{phase}"
    if valgrind:
        traces.mkdir()
        cmd = [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            f"--trace-children={'yes' if children else 'no'}",
            f"--cachegrind-out-file={traces}/cg.%p",
            *cmd,
        ]
    env = bf.child_env()
    env["PYTHONPATH"] = str(tree)
    started, before = time.perf_counter(), os.times()
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False)
    _reap()
    after = os.times()
    cpu = after.children_user - before.children_user + after.children_system
    cpu -= before.children_system
    line = (
        f"{tree.name} {phase}: exit {done.returncode}, wall {time.perf_counter() - started:.1f} s"
    )
    line += f", CPU {cpu:.2f} s"
    if valgrind:
        counts = []
        for trace in traces.glob("cg.*"):
            text = trace.read_text(errors="replace")
            total = re.search(r"^summary: (\d+)", text, re.M)
            command = re.search(r"^cmd: (.*)$", text, re.M)
            what = command.group(1) if command else "?"
            role = (
                "forkserver or pool worker"
                if "forkserver" in what
                else "pipeline"
                if "worker fetch" in what
                else what
            )
            counts.append((int(total.group(1)) if total else 0, role[:60]))
        line += f", {sum(n for n, _ in counts) / 1e6:,.0f} M instructions"
        line += "".join(f"\n    {n / 1e6:>10,.0f} M  {role}" for n, role in sorted(counts)[::-1])
    if done.returncode:
        line += "\n" + done.stderr[-1500:]
    return line


def _reap() -> None:
    """The forkserver and the pool's workers outlive the pass: wait for them (their CPU)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _text(con: sqlite3.Connection, digest: str) -> str:
    data = con.execute("SELECT data FROM bodies WHERE hash = ?", (digest,)).fetchone()[0]
    if data[:1] == b"D":  # a delta against its base text
        raw = zstandard.DICT_TYPE_RAWCONTENT
        base = zstandard.ZstdCompressionDict(_text(con, data[1:65].decode()).encode(), raw)
        return zstandard.ZstdDecompressor(dict_data=base).decompress(data[65:]).decode()
    return zstandard.ZstdDecompressor().decompress(data).decode()


def contents(db: Path) -> dict[str, Any]:
    """What a store holds, keyed by article URL, without ids and times."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    url = dict(con.execute("SELECT id, url FROM articles"))

    def rows(sql: str, keyed: bool = True) -> list[tuple[Any, ...]]:
        found = con.execute(sql).fetchall()
        return sorted((url[r[0]], *r[1:]) if keyed else r for r in found)

    out: dict[str, Any] = {
        "articles": rows("SELECT id, key, guid, title, state, item_hash, page_etag FROM articles"),
        "versions": rows(
            "SELECT article_id, number, title, link, published, text_hash, raw_hash, source,"
            " extractor, extractor_version FROM versions"
        ),
        "texts": sorted((h, _text(con, h)) for (h,) in con.execute("SELECT hash FROM bodies")),
        "compressed texts": rows("SELECT hash, size, data FROM bodies", keyed=False),
        "people over time": rows(
            "SELECT article_id, version, date, language, canonical, name, role, list_index,"
            " position, colisted, event_id FROM appearances"
        ),
        "changes": sorted(
            (url[a], kind, f, t, s, summary, _TIMES.sub("", event))
            for a, kind, f, t, s, summary, event in con.execute(
                "SELECT article_id, kind, from_version, to_version, similarity, summary, event"
                " FROM changes"
            )
        ),
        "outbox": rows("SELECT channel, state, attempts FROM deliveries", keyed=False),
        "event places": rows("SELECT article_id, day, score, reason, features FROM event_reports"),
        "event keys": rows("SELECT article_id, key, day FROM event_keys"),
        "events": rows("SELECT day, title FROM events", keyed=False),
        "event findings": rows("SELECT kind, summary, reports FROM event_findings", keyed=False),
        "records": rows("SELECT kind, number, text_hash FROM records", keyed=False),
        "captures": rows("SELECT sha256, size, place, data FROM capture_blobs", keyed=False),
    }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("trees", help="checkouts, comma-separated")
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--pages", type=int, default=5)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--edit", type=float, default=0.05)
    ap.add_argument("--valgrind", action="store_true", help="count instructions (cachegrind)")
    ap.add_argument(
        "--first-plain", action="store_true", help="with --valgrind: the first pass without it"
    )
    ap.add_argument("--events", action="store_true", help="[events] enabled in the config")
    ap.add_argument(
        "--unchanged",
        action="store_true",
        help="a pass with nothing changed between the first and the edited (under valgrind too)",
    )
    ap.add_argument(
        "--pipeline-only",
        action="store_true",
        help="with --valgrind: count the pipeline's process alone (the pool runs natively)",
    )
    args = ap.parse_args()
    trees = [Path(t).resolve() for t in args.trees.split(",")]
    for tree in trees:
        for package in ("worker", "storage", "alerts"):
            compileall.compile_dir(tree / package, quiet=1)
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: the pool's CPU counts
    children = not args.pipeline_only
    farm = Farm(args.feeds, args.pages, seed=1, hosts=args.hosts).start()
    root = Path(tempfile.mkdtemp(prefix="cg-passes-"))
    works = {tree: root / f"{i}-{tree.name}" for i, tree in enumerate(trees)}
    try:
        for tree, work in works.items():
            work.mkdir()
            config = bf.Wirediff(work, farm, False).config
            text = config.read_text(encoding="utf-8")
            if args.valgrind:  # ~50x slower: a page must not run out of its 30 s
                text = text.replace("[fetch]", "[fetch]\ntimeout = 600", 1)
            if args.events:
                text = "[events]\nenabled = true\n\n" + text
            config.write_text(text, encoding="utf-8")
            first = args.valgrind and not args.first_plain
            print(run_pass(tree, work, "first", first, children=children), flush=True)
        if args.unchanged:
            for tree, work in works.items():
                print(
                    run_pass(tree, work, "unchanged", args.valgrind, children=children), flush=True
                )
        edited = farm.edit(args.edit, random.Random(2))
        print(f"the farm edited {len(edited)} articles", flush=True)
        for tree, work in works.items():
            print(run_pass(tree, work, "edited", args.valgrind, children=children), flush=True)
        first = contents(works[trees[0]] / "wirediff.db")
        for tree in trees[1:]:
            other = contents(works[tree] / "wirediff.db")
            differ = [k for k in first if first[k] != other[k]]
            sizes = json.dumps({k: len(v) for k, v in first.items()})
            print(f"{tree.name} against {trees[0].name}: "
                  + (f"DIFFERENT in {', '.join(differ)}" if differ else "the same") + f" {sizes}")  # fmt: skip
    finally:
        farm.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
