"""Fetch benchmark: wirediff against urlwatch on the same local feed farm, in one run.

Input: --feeds N --pages M (and farm options). Output: a table on stdout (and a JSON file in
bench/results/) with, for a cold pass (empty store), a warm pass (nothing changed) and a pass
after editing --edit of the articles: wall time, CPU, feeds/s, articles/s, requests, peak RSS,
bytes stored per version, checks that exactly the edited articles got new versions, one
wirediff/urlwatch ratio line per pass (with the CPU other processes on the machine used during
each tool's pass: on a shared machine a ratio is only worth reading when that is near 0);
start-up times (`--version`, `--help`, time until a fetch with nothing to do sends its first
request) against `urlwatch --version`; CPU per feed check answered 304 and per new article.

    PYTHONPATH=. python bench/bench_fetch.py                            # 100 x 5 over 10 hosts
    PYTHONPATH=. python bench/bench_fetch.py --feeds 1000 --pages 10
    PYTHONPATH=. python bench/bench_fetch.py --profile  # py-spy

Each pass of each tool is a child process (`python -m worker fetch --json` with an SQLite
store, follow_links=true; `urlwatch` from bench/.venv-urlwatch with every article URL as a
job and the html2text filter), so its peak RSS and CPU (RUSAGE_CHILDREN of a small wrapper
that also reaps orphaned descendants: extraction workers) and wall time, start-up included, are
its own; the farm runs in this process. The urlwatch virtualenv (--urlwatch-venv, default
bench/.venv-urlwatch) is created from bench/requirements-urlwatch.txt when missing. Network
only to 127.0.0.x.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.farm import Farm

REPO = Path(__file__).resolve().parent.parent
URLWATCH_VENV = Path(os.environ.get("URLWATCH_VENV", REPO / "bench" / ".venv-urlwatch"))
URLWATCH_REQUIREMENTS = REPO / "bench" / "requirements-urlwatch.txt"
RESULTS = REPO / "bench" / "results"
PASSES = ("cold", "warm", "edit")
PROXY_VARS = {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}


@dataclass
class Run:
    tool: str
    phase: str
    wall_s: float  # the child process, start-up included
    inner_s: float | None  # the tool's own pass time, when it reports one
    peak_rss_mb: float
    exit_code: int
    cpu_s: float = 0.0  # user + system, the tool and every descendant
    # CPU the rest of the machine used meanwhile (other sessions; not the tool, not the farm)
    others_cpu_s: float | None = None
    first_request_s: float | None = None  # launch -> first request at the farm
    hits: dict[str, int] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)
    ok: bool = True


def child_env() -> dict[str, str]:
    """The environment minus proxies (everything goes to 127.0.0.x), with the repo importable."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in PROXY_VARS}
    extra = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(REPO)]
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *extra])  # this checkout's code first
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.0/8,localhost"
    return env


# A child's ru_maxrss starts at the RSS of the process that spawned it (Linux carries the
# parent's high-water mark across fork/vfork + exec), and this process holds the farm's
# pre-rendered pages. So each tool is started by this small wrapper, whose children's peak
# (RUSAGE_CHILDREN) is the tool's own; the wrapper writes it to the file named in argv[1].
# The wrapper is a child subreaper (Linux prctl), so descendants orphaned when the tool exits
# (a multiprocessing forkserver and the extraction workers it reaped) are reaped by it and
# their CPU counts too.
_WRAPPER = (
    "import ctypes, os, resource, subprocess, sys\n"
    "ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "while True:\n"
    "    try:\n"
    "        os.wait()\n"
    "    except ChildProcessError:\n"
    "        break\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "open(sys.argv[1], 'w').write(f'{use.ru_maxrss} {use.ru_utime + use.ru_stime}')\n"
    "sys.exit(code)\n"
)


@dataclass
class Child:
    wall_s: float
    peak_rss_mb: float
    cpu_s: float
    exit_code: int
    started: float  # time.perf_counter() at launch
    others_cpu_s: float | None = None  # see machine_busy_s


def machine_busy_s() -> float | None:
    """CPU seconds every process on the machine has used since boot (/proc/stat), or None.

    On a shared machine the wall times of both tools follow what the neighbours do: the CPU
    they used during a pass (the machine's busy time minus this process's, which serves the
    farm, and minus the tool's) says whether a run's wall ratio can be read at all."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_child(cmd: list[str], out: Path, err: Path, cwd: Path) -> Child:
    """Run cmd; wall seconds, peak RSS in MB and CPU seconds of cmd alone, exit code."""
    rss_file = out.with_suffix(".rss")
    wrapped = [sys.executable, "-I", "-c", _WRAPPER, str(rss_file), *cmd]
    with out.open("wb") as stdout, err.open("wb") as stderr:
        busy, own = machine_busy_s(), _own_cpu_s()
        started = time.perf_counter()
        code = subprocess.call(wrapped, stdout=stdout, stderr=stderr, cwd=cwd, env=child_env())
        wall = time.perf_counter() - started
        busy_after, own_after = machine_busy_s(), _own_cpu_s()
    peak_kib, cpu = rss_file.read_text().split() if rss_file.exists() else ("0", "0")
    others = None
    if busy is not None and busy_after is not None:  # the wrapper and the tool are our children
        others = max(0.0, (busy_after - busy) - (own_after - own))
    child = Child(wall, int(peak_kib) / 1024, float(cpu), code, started)  # ru_maxrss: KiB
    child.others_cpu_s = others
    return child


# -- wirediff ---------------------------------------------------------------------------------


class Wirediff:
    def __init__(self, work: Path, farm: Farm, profile: bool, *, name: str = "wirediff") -> None:
        self.work = work
        self.db = work / f"{name}.db"
        self.config = work / f"{name}.toml"
        self.name = name
        self.profile = profile
        self.write_config(farm.feed_urls)

    def write_config(self, feed_urls: list[str]) -> None:
        lines = ["[fetch]", "allow_private = true", "revisit = []", ""]
        for url in feed_urls:
            lines += ["[[feeds]]", f'url = "{url}"', "follow_links = true", ""]
        self.config.write_text("\n".join(lines), encoding="utf-8")

    def run(self, phase: str) -> Run:
        cmd = [sys.executable, "-m", "worker", "fetch", "--json"]
        cmd += ["--config", str(self.config), "--db", f"sqlite:///{self.db}"]
        if self.profile:
            raw = self.work / f"wirediff-{phase}.pyspy"
            cmd = [
                "py-spy",
                "record",
                "--gil",
                "-r",
                "250",
                "-f",
                "raw",
                "-o",
                str(raw),
                "--",
                *cmd,
            ]
        out, err = self.work / f"{self.name}-{phase}.out", self.work / f"{self.name}-{phase}.err"
        child = run_child(cmd, out, err, REPO)
        summary = _summary(out)
        run = Run(
            self.name,
            phase,
            child.wall_s,
            summary.get("seconds"),
            child.peak_rss_mb,
            child.exit_code,
        )
        run.cpu_s = child.cpu_s
        run.others_cpu_s = child.others_cpu_s
        run.first_request_s = _first_request(child)
        run.checks = {"summary": summary}
        if child.exit_code != 0:
            run.ok = False
            run.checks["stderr"] = err.read_text(errors="replace")[-2000:]
        return run

    def store_stats(self) -> dict[str, Any]:
        """Versions, their sources, and bytes stored per version, read from the SQLite file."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as con:
            versions = con.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
            articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            sources = dict(con.execute("SELECT source, COUNT(*) FROM versions GROUP BY source"))
            n_bodies, compressed, raw = con.execute(
                "SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0), COALESCE(SUM(size), 0) FROM bodies"
            ).fetchone()
            per_article = con.execute(
                "SELECT a.url, COUNT(v.id), COUNT(DISTINCT v.text_hash) FROM articles a "
                "JOIN versions v ON v.article_id = a.id GROUP BY a.id"
            ).fetchall()
        files = [self.db, self.db.with_name(self.db.name + "-wal")]
        file_bytes = sum(p.stat().st_size for p in files if p.exists())
        return {
            "articles": articles,
            "versions": versions,
            "sources": sources,
            "bodies": n_bodies,
            "db_file_bytes": file_bytes,
            "db_bytes_per_version": round(file_bytes / max(versions, 1)),
            "compressed_body_bytes_per_version": round(compressed / max(versions, 1)),
            "text_bytes_per_version": round(raw / max(versions, 1)),
            "multi_version": {url: (n, texts) for url, n, texts in per_article if n > 1},
        }


_FARM: Farm | None = None  # the running farm, for the time of a tool's first request


def _first_request(child: Child) -> float | None:
    hit = _FARM.first_hit if _FARM is not None else None
    return None if hit is None else hit - child.started


def _summary(out: Path) -> dict[str, Any]:
    for line in reversed(out.read_text(encoding="utf-8", errors="replace").splitlines()):
        if line.startswith("{") and '"summary"' in line:
            parsed: dict[str, Any] = json.loads(line)
            return parsed
    return {}


def check_wirediff(run: Run, stats: dict[str, Any], farm: Farm, edited: list[str]) -> None:
    total = farm.n_feeds * farm.n_pages
    multi = stats.pop("multi_version")
    checks: dict[str, Any] = {"versions": stats["versions"], "sources": stats["sources"]}
    if run.phase in ("cold", "warm"):
        checks["expect"] = f"{total} versions, all from pages, no article with 2"
        run.ok &= stats["versions"] == total and stats["sources"].get("page") == total and not multi
    if run.phase == "warm":
        checks["expect"] += ", no page fetched"
        run.ok &= run.hits.get("page", 0) == 0
    if run.phase == "edit":
        wrong = set(multi) ^ set(edited)
        same_text = [url for url, (_, texts) in multi.items() if texts < 2]
        checks["expect"] = f"{total + len(edited)} versions; the {len(edited)} edited have 2"
        checks["unexpected"] = sorted(wrong)[:5]
        checks["new_version_same_text"] = same_text[:5]
        run.ok &= stats["versions"] == total + len(edited) and not wrong and not same_text
    run.checks.update(checks)
    run.checks["store"] = stats


# -- urlwatch ---------------------------------------------------------------------------------


def ensure_urlwatch() -> Path:
    """urlwatch from URLWATCH_VENV (env URLWATCH_VENV or --urlwatch-venv), made when missing."""
    exe = URLWATCH_VENV / "bin" / "urlwatch"
    if not exe.exists():
        print(f"creating {URLWATCH_VENV} from {URLWATCH_REQUIREMENTS.name}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(URLWATCH_VENV)], check=True)
        pip = [str(URLWATCH_VENV / "bin" / "pip"), "install", "-q"]
        subprocess.run([*pip, "-r", str(URLWATCH_REQUIREMENTS)], check=True)
    return exe


class Urlwatch:
    def __init__(self, work: Path, farm: Farm) -> None:
        self.exe = ensure_urlwatch()
        self.work = work / "urlwatch"
        self.work.mkdir()
        self.urls = self.work / "urls.yaml"
        # one job per article page, the way urlwatch users watch pages (YAML documents), with
        # the html2text filter, so it too reduces each page to text before comparing
        jobs = "".join(f"---\nurl: {u}\nfilter: html2text\n" for u in farm.page_urls)
        self.urls.write_text(jobs, encoding="utf-8")

    def run(self, phase: str) -> Run:
        cmd = [
            str(self.exe),
            "--urls",
            str(self.urls),
            "--config",
            str(self.work / "urlwatch.yaml"),
        ]
        cmd += ["--cache", str(self.work / "cache.db"), "--hooks", str(self.work / "hooks.py")]
        out, err = self.work / f"{phase}.out", self.work / f"{phase}.err"
        child = run_child(cmd, out, err, self.work)
        code = child.exit_code
        report = out.read_text(encoding="utf-8", errors="replace")
        counts = Counter(
            word
            for line in report.splitlines()
            for word in ("NEW", "CHANGED", "ERROR", "UNCHANGED")
            if line[:3].strip(" .").isdigit() and f". {word}: " in line
        )
        run = Run("urlwatch", phase, child.wall_s, None, child.peak_rss_mb, code)
        run.cpu_s = child.cpu_s
        run.others_cpu_s = child.others_cpu_s
        run.first_request_s = _first_request(child)
        run.checks = {"report": dict(counts)}
        if code != 0:
            run.ok = False
            run.checks["stderr"] = err.read_text(errors="replace")[-2000:]
        return run

    def settings(self) -> dict[str, Any]:
        version = subprocess.run([str(self.exe), "--version"], capture_output=True, text=True)
        return {"version": version.stdout.strip(), "max_workers": "urlwatch default (10 threads)"}


def check_urlwatch(run: Run, farm: Farm, edited: list[str]) -> None:
    report = run.checks["report"]
    total = farm.n_feeds * farm.n_pages
    expected = {"cold": {"NEW": total}, "warm": {}, "edit": {"CHANGED": len(edited)}}[run.phase]
    run.checks["expect"] = expected or "nothing reported"
    run.ok &= report == expected


# -- start-up ---------------------------------------------------------------------------------


def startup(urlwatch_exe: Path | None, work: Path, repeat: int) -> dict[str, float]:
    """Median wall seconds of `wirediff --version`, `--help` and `urlwatch --version`."""
    commands = {
        "wirediff --version": [sys.executable, "-m", "worker", "--version"],
        "wirediff --help": [sys.executable, "-m", "worker", "--help"],
    }
    if urlwatch_exe is not None:
        commands["urlwatch --version"] = [str(urlwatch_exe), "--version"]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so a burst of load hits every command alike
        for name, cmd in commands.items():
            started = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, cwd=work, env=child_env())
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(t) for name, t in times.items()}


# -- table ------------------------------------------------------------------------------------


def table(runs: list[Run], farm: Farm) -> str:
    total = farm.n_feeds * farm.n_pages
    head = f"{'pass':5} {'tool':9} {'wall s':>7} {'inner s':>7} {'CPU s':>6} {'1st req':>7} "
    head += f"{'art/s':>7} {'feed req':>8} {'page req':>8} {'304s':>6} {'MB out':>7} {'RSS MB':>7} "
    head += f"{'others':>6}  check"
    lines = [head, "-" * len(head)]
    for r in runs:
        inner = f"{r.inner_s:7.2f}" if r.inner_s is not None else f"{'-':>7}"
        first = f"{r.first_request_s:7.2f}" if r.first_request_s is not None else f"{'-':>7}"
        others = f"{r.others_cpu_s:6.2f}" if r.others_cpu_s is not None else f"{'-':>6}"
        lines.append(
            f"{r.phase:5} {r.tool:9} {r.wall_s:7.2f} {inner} {r.cpu_s:6.2f} {first} "
            f"{total / r.wall_s:7.0f} {r.hits.get('feed', 0):8} {r.hits.get('page', 0):8} "
            f"{r.hits.get('not_modified', 0):6} {r.hits.get('bytes', 0) / 1e6:7.1f} "
            f"{r.peak_rss_mb:7.0f} {others}  {'ok' if r.ok else 'FAILED'}"
        )
    by = {(r.tool, r.phase): r for r in runs}
    lines.append("")
    for phase in PASSES:
        wd, uw = by.get(("wirediff", phase)), by.get(("urlwatch", phase))
        if wd and uw:
            lines.append(
                f"{phase:5} pass wirediff/urlwatch wall time {wd.wall_s / uw.wall_s:5.2f} "
                f"({wd.wall_s:.2f} s / {uw.wall_s:.2f} s; CPU {wd.cpu_s:.2f} s / {uw.cpu_s:.2f} s)"
                + _others(wd, uw)
            )
    return "\n".join(lines)


def _others(*runs: Run) -> str:
    """What the rest of the machine used during the runs (see machine_busy_s)."""
    if any(r.others_cpu_s is None for r in runs):
        return ""
    used = " / ".join(f"{r.others_cpu_s:.2f}" for r in runs if r.others_cpu_s is not None)
    return f"; other processes meanwhile {used} s CPU"


def cpu_figures(runs: list[Run], farm: Farm, edited: int) -> dict[str, float]:
    """CPU per feed check answered 304 and per new article, start-up taken out.

    A one-feed store's nothing-changed pass (`probe`, same farm, same command) is the
    start-up and fixed cost of a pass; the warm pass minus it, over the other feeds, is the
    cost of one 304 check; the edit pass minus the warm pass, over the edited articles, is the
    cost of one new version (feed fetched and parsed again, page fetched, extracted, stored,
    change detected); the cold pass minus the probe, over every article, of a first version.
    """
    by = {(r.tool, r.phase): r for r in runs}
    probe, cold = by.get(("probe", "warm")), by.get(("wirediff", "cold"))
    warm, edit = by.get(("wirediff", "warm")), by.get(("wirediff", "edit"))
    out: dict[str, float] = {}
    if probe and warm and farm.n_feeds > 1:
        out["cpu_ms_per_304_check"] = (warm.cpu_s - probe.cpu_s) / (farm.n_feeds - 1) * 1e3
    if warm and edit and edited:
        out["cpu_ms_per_new_article"] = (edit.cpu_s - warm.cpu_s) / edited * 1e3
    if probe and cold:
        total = farm.n_feeds * farm.n_pages
        out["cpu_ms_per_first_version"] = (cold.cpu_s - probe.cpu_s) / total * 1e3
    return out


def goals(runs: list[Run], start: dict[str, float], cpu: dict[str, float], feeds: int) -> list[str]:
    """The issue's goals, each with the figure this run measured."""
    by = {(r.tool, r.phase): r for r in runs}
    out = []

    def line(what: str, value: float, limit: float, unit: str = "x", below: bool = False) -> None:
        met = value < limit if below else value <= limit
        out.append(f"{what}: {value:.2f}{unit} (goal {'<' if below else '<='} {limit:g}{unit}) "
                   f"{'MET' if met else 'NOT MET'}")  # fmt: skip

    uw_version = start.get("urlwatch --version")
    for name in ("wirediff --version", "wirediff --help"):
        if uw_version and name in start:
            line(f"{name} / urlwatch --version", start[name] / uw_version, 0.5)
    probe = by.get(("probe", "warm"))
    if probe and probe.first_request_s is not None:
        line("fetch with nothing to do: launch -> first request", probe.first_request_s, 0.3, " s")
    for phase, limit in (("warm", 0.5), ("cold", 1.5), ("edit", 0.5)):
        wd, uw = by.get(("wirediff", phase)), by.get(("urlwatch", phase))
        if wd and uw:
            line(f"{phase} pass wirediff/urlwatch", wd.wall_s / uw.wall_s, limit)
    per_304 = cpu.get("cpu_ms_per_304_check")
    if per_304 is not None and per_304 > 0:
        line("CPU per feed check answered 304", per_304, 1.0, " ms")
    elif per_304 is not None:
        # one run each: the warm pass's CPU under the probe's is noise, not a negative cost
        out.append(
            "CPU per feed check answered 304: not measurable in this run (the warm pass took "
            "less CPU than the one-feed probe); see bench/bench_warm_cpu.py for medians"
        )
    if "cpu_ms_per_new_article" in cpu:
        line("CPU per new article", cpu["cpu_ms_per_new_article"], 8.0, " ms")
    peak = max((r.peak_rss_mb for r in runs if r.tool == "wirediff"), default=0.0)
    if feeds >= 1000:
        line(f"wirediff peak RSS, {feeds} feeds", peak, 150.0, " MB", below=True)
    else:
        out.append(f"wirediff peak RSS, {feeds} feeds: {peak:.0f} MB (goal at 1,000 feeds)")
    return out


# -- profile summary --------------------------------------------------------------------------


def hot_spots(raw: Path, top: int = 15) -> str:
    """Top functions by own and by inclusive samples from a py-spy raw (collapsed) file."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        frames = [_short(f) for f in stack.split(";")]
        total += n
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    lines = [f"{raw.name}: {total} samples holding the GIL, all threads", "  own time:"]
    lines += [f"    {n / total:6.1%}  {name}" for name, n in own.most_common(top)]
    lines.append("  inclusive (project and library entry points):")
    keep = [(name, n) for name, n in inclusive.most_common() if _interesting(name)][:top]
    lines += [f"    {n / total:6.1%}  {name}" for name, n in keep]
    return "\n".join(lines)


def _short(frame: str) -> str:
    # py-spy frames look like "function (path/to/file.py:123)"; keep function and file name
    name, _, where = frame.partition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path.removeprefix(str(REPO) + '/')})"


def _interesting(name: str) -> bool:
    skip = ("threading.py", "asyncio/", "concurrent/futures", "runpy.py", "<module>", "click/")
    return not any(s in name for s in skip)


# -- main -------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--pages", type=int, default=5, help="articles per feed")
    ap.add_argument("--hosts", type=int, default=10, help="feeds spread over 127.0.0.1..N")
    ap.add_argument("--edit", type=float, default=0.05, help="fraction of articles edited")
    ap.add_argument("--latency", type=float, default=0.0, help="seconds added to every response")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--startup-repeat", type=int, default=7, help="runs of each start-up command")
    ap.add_argument("--urlwatch-venv", type=Path, help="virtualenv with urlwatch (made if missing)")
    ap.add_argument("--no-urlwatch", action="store_true")
    ap.add_argument("--profile", action="store_true", help="run wirediff under py-spy (slower)")
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (stores, outputs)")
    return ap.parse_args()


def run_passes(
    args: argparse.Namespace, farm: Farm, work: Path
) -> tuple[list[Run], Urlwatch | None, list[str]]:
    """Cold, warm and edit passes, each tool in turn against the same farm state; between warm
    and edit, the probe: a one-feed store's nothing-changed pass (start-up and fixed cost)."""
    runs: list[Run] = []
    edited: list[str] = []
    wirediff = Wirediff(work, farm, args.profile)
    urlwatch = None if args.no_urlwatch or args.profile else Urlwatch(work, farm)
    for phase in PASSES:
        if phase == "edit":
            runs += probe(work, farm)
            edited = farm.edit(args.edit, random.Random(args.seed + 1))
        farm.reset_hits()
        run = wirediff.run(phase)
        run.hits = dict(farm.reset_hits())
        if run.exit_code == 0:
            check_wirediff(run, wirediff.store_stats(), farm, edited)
        runs.append(run)
        print(f"  wirediff {phase}: {run.wall_s:.2f}s {'ok' if run.ok else 'FAILED'}", flush=True)
        if urlwatch is not None:
            run = urlwatch.run(phase)
            run.hits = dict(farm.reset_hits())
            check_urlwatch(run, farm, edited)
            runs.append(run)
            print(
                f"  urlwatch {phase}: {run.wall_s:.2f}s {'ok' if run.ok else 'FAILED'}", flush=True
            )
    return runs, urlwatch, edited


def probe(work: Path, farm: Farm) -> list[Run]:
    """One feed's store: a first pass, then the timed pass where nothing changed."""
    one = Wirediff(work, farm, False, name="probe")
    one.write_config(farm.feed_urls[:1])
    first = one.run("cold")
    farm.reset_hits()
    run = one.run("warm")
    run.hits = dict(farm.reset_hits())
    run.ok = first.ok and run.ok and run.hits.get("not_modified", 0) == 1
    print(f"  probe (1 feed, nothing changed): {run.wall_s:.2f}s", flush=True)
    return [run]


def report(
    args: argparse.Namespace,
    runs: list[Run],
    farm: Farm,
    urlwatch: Urlwatch | None,
    work: Path,
    start: dict[str, float],
    edited: list[str],
) -> None:
    print()
    print(table(runs, farm))
    print()
    print("start-up, median of", args.startup_repeat, "runs:")
    for name, seconds in start.items():
        print(f"  {name:20} {seconds:6.3f} s")
    cpu = cpu_figures(runs, farm, len(edited))
    for name, ms in cpu.items():
        print(f"{name}: {ms:.2f}")
    print()
    for line in goals(runs, start, cpu, farm.n_feeds):
        print(line)
    store = next((r.checks.get("store") for r in reversed(runs) if r.tool == "wirediff"), None)
    if store:
        print(
            f"wirediff store after edit: {store['versions']} versions, {store['bodies']} bodies, "
            f"{store['db_file_bytes'] / 1e6:.1f} MB SQLite = {store['db_bytes_per_version']} B/version; "
            f"compressed text {store['compressed_body_bytes_per_version']} B/version "
            f"(plain text {store['text_bytes_per_version']} B/version)"
        )
    if urlwatch is not None:
        print(f"urlwatch: {urlwatch.settings()}")
    for run in runs:
        if not run.ok:
            print(f"FAILED {run.tool} {run.phase}: {json.dumps(run.checks, default=str)[:1500]}")
    for phase in PASSES if args.profile else ():
        raw = work / f"wirediff-{phase}.pyspy"
        if raw.exists():
            print()
            print(hot_spots(raw))
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    result_file = RESULTS / f"fetch-{args.feeds}x{args.pages}-{stamp}.json"
    payload = {
        "args": vars(args),
        "startup_s": start,
        "cpu": cpu,
        "runs": [asdict(r) for r in runs],
    }
    result_file.write_text(json.dumps(payload, indent=1, default=str), encoding="utf-8")
    print(f"\nresults: {result_file}")


def precompile() -> None:
    """Byte-compile this checkout, as installing a wheel does (pip compiles every module): the
    children then read bytecode even where PYTHONDONTWRITEBYTECODE is set (it is in some
    sandboxes), as urlwatch in its virtualenv does; else every wirediff process would compile
    its own ~70 modules from source (~0.12 s) and urlwatch none."""
    import compileall

    for package in ("worker", "storage", "alerts"):
        compileall.compile_dir(REPO / package, quiet=1)
    print("byte-compiled worker/, storage/, alerts/ (as a wheel install does)", flush=True)


def main() -> int:
    global URLWATCH_VENV, _FARM
    args = parse_args()
    if args.urlwatch_venv is not None:
        URLWATCH_VENV = args.urlwatch_venv
    work = Path(tempfile.mkdtemp(prefix="bench-fetch-"))
    precompile()
    started = time.perf_counter()
    farm = Farm(args.feeds, args.pages, seed=args.seed, hosts=args.hosts, latency=args.latency)
    farm.start()
    _FARM = farm
    page_kb = sum(len(farm.page_bytes(0, j)) for j in range(args.pages)) / args.pages / 1024
    print(
        f"farm: {args.feeds} feeds x {args.pages} pages on {args.hosts} hosts, {page_kb:.0f} KB/page, "
        f"latency {args.latency}s, built in {time.perf_counter() - started:.1f}s; work dir {work}",
        flush=True,
    )
    try:
        with_urlwatch = not (args.no_urlwatch or args.profile)
        start = startup(ensure_urlwatch() if with_urlwatch else None, work, args.startup_repeat)
        runs, urlwatch, edited = run_passes(args, farm, work)
        report(args, runs, farm, urlwatch, work, start, edited)
    finally:
        farm.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r.ok for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
