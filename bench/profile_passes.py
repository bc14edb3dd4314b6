"""Where a first pass and a 5%-edited pass spend their CPU: py-spy over every process.

Builds the fetch benchmark's farm (100 x 5 over 10 hosts by default), runs wirediff's first pass
and, after the farm edited `--edit` of the articles, the edited pass, each under
`py-spy record --gil --subprocesses` (samples taken while a thread holds the GIL, in the
pipeline's process and in the extraction pool's), and prints for each pass: the share of the
samples per process (pipeline, forkserver, pool workers), the share of the imports by the
package whose module was being run, and the share of the pipeline's stages (outside imports).

    PYTHONPATH=. python bench/profile_passes.py [--feeds 100 --pages 5 --rate 500 --keep]

The raw py-spy files (collapsed stacks) stay in the printed directory with --keep. py-spy's
sampling slows the processes it watches; shares compare within one pass, not absolute times.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import bench.bench_fetch as bf
from bench.farm import Farm

# Stages of the pipeline, first match wins (a frame of the stack containing the key).
STAGES = [
    ("people reading", "extract_people ("),
    ("extraction (trafilatura)", "extract_article ("),
    ("evidence records (seal_versions)", "seal_versions ("),
    ("change detection (_detect)", "_detect ("),
    ("storing a feed's entries", "store_entries ("),
    ("fetching (Fetcher.fetch)", "Fetcher.fetch ("),
    ("parsing feeds", "parse_feed ("),
    ("feed bookkeeping (record_ok)", "_record_ok"),
    ("opening the store", "runtime_from ("),
]


def profile(cmd: list[str], raw: Path, rate: int) -> None:
    beside = Path(sys.executable).parent / "py-spy"  # installed in the interpreter's venv
    exe = shutil.which("py-spy") or (str(beside) if beside.exists() else "py-spy")
    spy = [exe, "record", "--gil", "--subprocesses"]
    spy += ["-r", str(rate), "-f", "raw", "-o", str(raw), "--", *cmd]
    subprocess.run(spy, cwd=bf.REPO, env=bf.child_env(), capture_output=True, check=True)


def summary(raw: Path) -> str:
    total = 0
    procs: Counter[str] = Counter()
    imports: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        procs[_process(stack)] += n
        modules = [f for f in stack.split(";") if f.startswith("<module> (")]
        modules = [m for m in modules if "worker/__main__" not in m and "(<string>" not in m]
        if "_find_and_load" in stack and modules:
            imports[_package(modules[-1])] += n
            continue
        stage = next((name for name, key in STAGES if key in stack), "other")
        stages[stage] += n
    out = [f"{raw.name}: {total} samples holding the GIL"]
    out += [f"  {n / total:6.1%}  process: {p}" for p, n in procs.most_common()]
    out.append(f"  {sum(imports.values()) / total:6.1%}  imports, by the package being run:")
    out += [f"    {n / total:6.1%}  {p}" for p, n in imports.most_common(14)]
    out.append("  outside imports:")
    out += [f"    {n / total:6.1%}  {s}" for s, n in stages.most_common()]
    return "\n".join(out)


def _process(stack: str) -> str:
    if "_serve_one (" in stack:
        return "extraction pool worker"
    if "forkserver" in stack:
        return "forkserver (imports the extractor and people reading)"
    return "pipeline (python -m worker fetch)"


def _package(frame: str) -> str:
    path = re.sub(r":\d+\)$", "", frame.split(" (", 1)[1])
    for marker in ("site-packages/", "python3.11/", str(bf.REPO) + "/"):
        path = path.split(marker, 1)[-1]
    if path.startswith(("worker/", "storage/", "alerts/")):
        return path  # wirediff's own module (regular expressions compiled at import, models)
    return path.split("/")[0].removesuffix(".py")  # a library, or the standard library's


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--pages", type=int, default=5)
    ap.add_argument("--hosts", type=int, default=10)
    ap.add_argument("--edit", type=float, default=0.05)
    ap.add_argument("--rate", type=int, default=500, help="py-spy samples per second")
    ap.add_argument("--keep", action="store_true", help="keep the work dir (raw profiles)")
    args = ap.parse_args()
    bf.precompile()
    farm = Farm(args.feeds, args.pages, seed=1, hosts=args.hosts).start()
    work = Path(tempfile.mkdtemp(prefix="profile-passes-"))
    try:
        tool = bf.Wirediff(work, farm, False)
        cmd = [sys.executable, "-m", "worker", "fetch", "--json", "--config", str(tool.config)]
        cmd += ["--db", f"sqlite:///{tool.db}"]
        profile(cmd, work / "first.raw", args.rate)
        edited = farm.edit(args.edit, random.Random(2))
        profile(cmd, work / "edited.raw", args.rate)
        again = tool.store_stats()["multi_version"]
        if set(again) != set(edited):
            raise SystemExit(
                f"the edited pass stored {len(again)} articles again, not {len(edited)}"
            )
        print(summary(work / "first.raw"))
        print()
        print(summary(work / "edited.raw"))
        print(f"\nwork dir: {work}" if args.keep else "")
    finally:
        farm.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
