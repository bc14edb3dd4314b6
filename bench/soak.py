"""Soak benchmark: `wirediff run` for a long stretch on a local farm of feeds with edits.

Input: --feeds N --pages M --minutes T --interval I (and edit options). Output: a table on
stdout and a JSON file in bench/results/ with the daemon's RSS over time (growth after the
first minutes), CPU time per feed check, checks per second, and whether every edit made on the
farm came back as a change event (`wirediff changes --json`).

    PYTHONPATH=. python bench/soak.py                       # 1,000 feeds x 5 pages, 10 minutes
    PYTHONPATH=. python bench/soak.py --feeds 50 --minutes 1   # a quick look

The daemon is a child process (`python -m worker run --config soak.toml`, SQLite store, metrics
on 127.0.0.1), so its RSS and CPU (from /proc: Linux only, no psutil needed for two numbers) are
its own; the farm (bench/farm.py) runs in this process on 127.0.0.x. Feed checks are counted
from the daemon's own /metrics. Edits start once the first pass has stored every article, stop
`--settle` seconds before the end, and re-list the item in its feed (new pubDate), as CMSs that
republish on update do.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prometheus_client.parser import text_string_to_metric_families

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.farm import Farm  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Sample:
    t: float  # seconds since the daemon started
    rss_mb: float
    cpu_s: float
    checks: float
    versions: float


@dataclass
class Soak:
    samples: list[Sample] = field(default_factory=list)
    edits: Counter[str] = field(default_factory=Counter)
    edit_rounds: int = 0
    warm_at: float | None = None  # when the first pass had stored every article


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _proc(pid: int) -> tuple[float, float]:
    """(RSS in MB, user+system CPU seconds) of a live process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
    rss_pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return rss_pages * PAGE_SIZE / 2**20, cpu


def _metrics(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
        text = resp.read().decode()
    out: Counter[str] = Counter()
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == "wirediff_fetches_total":
                out["checks"] += s.value
                out[f"fetch_{s.labels['outcome']}"] += s.value
            elif s.name == "wirediff_versions_stored_total":
                out["versions"] += s.value
            elif s.name == "wirediff_changes_total":
                out[f"change_{s.labels['kind']}"] += s.value
            elif s.name in ("wirediff_feeds_in_error", "wirediff_scheduler_lag_seconds"):
                out[s.name] = s.value
    return dict(out)


def _config(path: Path, db: Path, port: int, farm: Farm, args: argparse.Namespace) -> None:
    lines = [
        "[storage]",
        f'url = "sqlite:///{db}"',
        "[fetch]",
        "allow_private = true",
        f"concurrency = {args.concurrency}",
        "timeout = 20",
        "[daemon]",
        f'metrics = "127.0.0.1:{port}"',
        'tick = "1s"',
        'housekeeping_every = "15s"',
        'revisit_every = "30s"',
    ]
    for url in farm.feed_urls:
        lines += ["[[feeds]]", f'url = "{url}"', f'interval = "{args.interval}"']
    path.write_text("\n".join(lines) + "\n")


def _changes(db: Path) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, "-m", "worker", "changes", "--json", "--db", f"sqlite:///{db}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def soak(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="wirediff-soak-"))
    db, cfg, log = work / "soak.db", work / "soak.toml", work / "daemon.log"
    port = _free_port()
    rng = random.Random(args.seed)
    state = Soak()
    with Farm(feeds=args.feeds, pages=args.pages, seed=args.seed, hosts=args.hosts) as farm:
        _config(cfg, db, port, farm, args)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        with log.open("w") as log_fh:
            proc = subprocess.Popen(
                [sys.executable, "-m", "worker", "run", "--config", str(cfg)],
                stdout=subprocess.DEVNULL,
                stderr=log_fh,
                cwd=REPO,
                env=env,
            )
        started = time.monotonic()
        total = args.minutes * 60
        articles = args.feeds * args.pages
        next_edit = next_sample = 0.0
        try:
            while (now := time.monotonic() - started) < total:
                if proc.poll() is not None:
                    raise SystemExit(f"daemon exited early with {proc.returncode}; see {log}")
                if now >= next_sample:
                    next_sample = now + args.sample
                    try:
                        m = _metrics(port)
                    except OSError:
                        m = {}
                    rss, cpu = _proc(proc.pid)
                    state.samples.append(
                        Sample(
                            round(now, 1),
                            round(rss, 1),
                            cpu,
                            m.get("checks", 0),
                            m.get("versions", 0),
                        )
                    )
                    if state.warm_at is None and m.get("versions", 0) >= articles:
                        state.warm_at = now
                        next_edit = now + args.edit_every
                    print(
                        f"t={now:6.0f}s rss={rss:7.1f}MB cpu={cpu:7.1f}s checks={m.get('checks', 0):8.0f} "
                        f"versions={m.get('versions', 0):6.0f} edits={sum(state.edits.values())} "
                        f"lag={m.get('wirediff_scheduler_lag_seconds', 0):.1f}s",
                        flush=True,
                    )
                if state.warm_at is not None and now >= next_edit and now < total - args.settle:
                    next_edit = now + args.edit_every
                    state.edits.update(farm.edit(args.edit_fraction, rng))
                    state.edit_rounds += 1
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                exit_code = proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                exit_code = proc.wait()
        hits = dict(farm.hits)
    events = _changes(db)
    seen = Counter(e["article"]["url"] for e in events if e["kind"] not in ("removed", "restored"))
    missed = state.edits - seen
    extra = seen - state.edits
    return _report(args, state, exit_code, hits, seen, missed, extra, str(work))


def _report(
    args: argparse.Namespace,
    state: Soak,
    exit_code: int,
    hits: dict[str, int],
    seen: Counter[str],
    missed: Counter[str],
    extra: Counter[str],
    work: str,
) -> dict[str, Any]:
    samples = state.samples
    warm = state.warm_at or 0.0
    base_t = warm + args.baseline_after
    steady = [s for s in samples if s.t >= base_t] or samples[-1:]
    base = steady[0]
    last = samples[-1]
    peak = max(s.rss_mb for s in steady)
    warm_sample = next((s for s in samples if s.t >= warm), samples[0])
    checks = last.checks - warm_sample.checks
    cpu = last.cpu_s - warm_sample.cpu_s
    return {
        "args": vars(args),
        "exit_code": exit_code,
        "first_pass_s": state.warm_at,
        "rss_mb": {
            "baseline_t": base.t,
            "baseline": base.rss_mb,
            "end": last.rss_mb,
            "peak_after_baseline": peak,
            "growth_pct": round(100 * (last.rss_mb / base.rss_mb - 1), 1),
            "peak_growth_pct": round(100 * (peak / base.rss_mb - 1), 1),
        },
        "checks": {
            "total": last.checks,
            "after_first_pass": checks,
            "per_s_after_first_pass": round(checks / max(last.t - warm_sample.t, 1e-9), 1),
            "cpu_ms_per_check_after_first_pass": round(1000 * cpu / max(checks, 1), 3),
            "cpu_ms_per_check_overall": round(1000 * last.cpu_s / max(last.checks, 1), 3),
        },
        "edits": {
            "rounds": state.edit_rounds,
            "made": sum(state.edits.values()),
            "detected": sum((state.edits & seen).values()),
            "missed": sorted(missed.elements())[:20],
            "unexpected_changes": sorted(extra.elements())[:20],
        },
        "farm_hits": hits,
        "samples": [vars(s) for s in samples],
        "work_dir": work,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--feeds", type=int, default=1000)
    p.add_argument("--pages", type=int, default=5)
    p.add_argument("--hosts", type=int, default=10)
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--interval", default="10s", help="every feed's interval (default 10s)")
    p.add_argument("--concurrency", type=int, default=32)
    p.add_argument("--edit-every", type=float, default=30.0, help="seconds between edit rounds")
    p.add_argument("--edit-fraction", type=float, default=0.002, help="share of articles per round")
    p.add_argument("--settle", type=float, default=60.0, help="no edits in the last N seconds")
    p.add_argument("--sample", type=float, default=5.0, help="seconds between samples")
    p.add_argument(
        "--baseline-after", type=float, default=120.0, help="RSS baseline: N s after first pass"
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args()
    result = soak(args)
    out = args.out or REPO / "bench" / "results" / time.strftime(
        f"soak-{args.feeds}x{args.pages}-%Y%m%d-%H%M%S.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, default=str))
    summary = {k: v for k, v in result.items() if k not in ("samples", "args")}
    print(json.dumps(summary, indent=1, default=str))
    print(f"written {out}")
    ok = result["exit_code"] == 0 and not result["edits"]["missed"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
