"""Where a first pass's wall time goes: a timeline of its stages from launch to the last
process reaped, with each process's CPU at each point (load-independent enough to read on a
shared machine, where the wall clock is not).

Builds the fetch benchmark's farm (100 x 5 over 10 hosts), runs wirediff's first pass as
bench_fetch.py does, with bench/timeline_hook/ first on PYTHONPATH (its sitecustomize wraps
the pipeline's stages and the pool's hand-offs in every process of the pass, writing
timestamps to a file per process in /dev/shm), and prints: the serial steps to the first page handed to the pool and from the last one to
the end, with the pipeline's CPU at each; per pool worker its pages, the time it spent in
pages, sending results and waiting for the next page.

    PYTHONPATH=.:bench python bench/first_pass_timeline.py [--feeds 100 --pages 5] [--keep FILE]

Network only to 127.0.0.x.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import bench.bench_fetch as bf
from bench.farm import Farm

HOOK = Path(__file__).resolve().parent / "timeline_hook"
Event = tuple[float, int, str, float | None, str]


def run(feeds: int, pages: int, hosts: int, trace: Path) -> list[Event]:
    bf.precompile()
    farm = Farm(feeds, pages, seed=1, hosts=hosts).start()
    work = Path(tempfile.mkdtemp(prefix="timeline-"))
    try:
        tool = bf.Wirediff(work, farm, False)
        cmd = [sys.executable, "-m", "worker", "fetch", "--json", "--config", str(tool.config)]
        cmd += ["--db", f"sqlite:///{tool.db}"]
        env = bf.child_env()
        env["PYTHONPATH"] = f"{HOOK}{os.pathsep}{env['PYTHONPATH']}"
        env["WD_TRACE"] = str(trace)
        launched = time.time()
        done = subprocess.run(cmd, cwd=bf.REPO, env=env, capture_output=True, check=False)
        reaped = time.time()  # stdout and stderr closed: every process of the pass has ended
        if done.returncode != 0:
            raise SystemExit(done.stderr.decode(errors="replace")[-2000:])
        stats = tool.store_stats()
        if stats["versions"] != feeds * pages:
            raise SystemExit(f"the pass stored {stats['versions']} versions")
    finally:
        farm.stop()
        shutil.rmtree(work, ignore_errors=True)
    events: list[Event] = [(0.0, 0, "launch", None, ""), (reaped - launched, 0, "reaped", None, "")]
    for name in glob.glob(f"{trace}.*"):
        for line in Path(name).read_text().splitlines():
            t, pid, what, cpu, *rest = line.split(" ", 4)
            events.append((float(t) - launched, int(pid), what, float(cpu), "".join(rest).strip()))
        os.unlink(name)
    return sorted(events)


def report(ev: list[Event]) -> str:
    main = next(p for t, p, w, c, x in ev if w == "interp" and "fetch" in x)

    def at(what: str, pid: int | None = None, last: bool = False) -> tuple[float, float | None]:
        hits = [(t, c) for t, p, w, c, x in ev if w == what and (pid is None or p == pid)]
        return hits[-1] if last else hits[0]

    workers = sorted({p for t, p, w, c, x in ev if w == "wextract+"})
    steps = [
        ("interpreter up", at("interp", main)),
        ("click and the command imported", at("import-", main)),
        ("settings read, HTTP stack imported", at("quick+", main)),
        ("pool start asked (forkserver launched)", at("startpool+", main)),
        ("pool's first worker up", at("startpool-", main)),
        ("store created (runtime_from)", at("runtime-", main)),
        ("pass begins (feeds synced, states read)", at("runpass+", main)),
        ("first feed parsed", at("parse-", main)),
        ("first page handed to the pool", at("extract+", main)),
        ("last page handed to the pool", at("extract+", main, last=True)),
        ("last page extracted", max(at("wextract-", p, last=True) for p in workers)),
        ("last feed stored", at("store-", main, last=True)),
        ("pool shut down", at("poolclose-", main)),
        ("os._exit", at("os._exit", main)),
        ("every process of the pass ended", at("reaped")),
    ]
    out = ["step                                          wall s  pipeline CPU s"]
    for name, (t, c) in sorted(steps, key=lambda s: s[1][0]):
        cpu = f"{c:.3f}" if c is not None and name != "last page extracted" else ""
        out.append(f"{name:44s} {t:7.3f}  {cpu:>8s}")
    for p in workers:
        wall: dict[str, float] = defaultdict(float)
        cpu: dict[str, float] = defaultdict(float)
        prev: tuple[float, str, float] | None = None
        for t, pid, w, c, _ in ev:
            if pid != p or w not in ("wextract+", "wextract-", "sput+", "qget+", "qget-"):
                continue
            if prev is not None and c is not None:
                phase = {"wextract+": "page", "wextract-": "result", "sput+": "result"}.get(
                    prev[1], "next page"
                )
                wall[phase] += t - prev[0]
                cpu[phase] += c - prev[2]
            prev = (t, w, c if c is not None else 0.0)
        n = sum(1 for t, pid, w, c, x in ev if pid == p and w == "wextract-")
        first, last = at("wextract+", p)[0], at("wextract-", p, last=True)[0]
        parts = ", ".join(
            f"{k} {wall[k]:.2f} s (CPU {cpu[k]:.2f})" for k in ("page", "result", "next page")
        )
        switches = next((x for t, pid, w, c, x in ev if pid == p and w == "os._exit"), "")
        out.append(f"worker {p}: {n} pages from {first:.2f} to {last:.2f} s: {parts}")
        if switches:  # "voluntary/involuntary", the whole life of the worker
            out.append(f"  context switches (blocked/preempted): {switches}")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--pages", type=int, default=5)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--keep", type=Path, help="write the raw events there")
    args = ap.parse_args()
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    events = run(args.feeds, args.pages, args.hosts, shm / f"wd-timeline-{os.getpid()}")
    if args.keep:
        args.keep.write_text("".join(f"{t:.6f} {p} {w} {c} {x}\n" for t, p, w, c, x in events))
    print(report(events))


if __name__ == "__main__":
    main()
