"""What grouping one more report costs in a store that already holds many.

    python bench/bench_events.py [--reports 100000] [--per-day 1000] [--db URL]
    python bench/bench_events.py --checkouts BEFORE_DIR,AFTER_DIR [--rounds 3] [--instructions 20]

Fills a fresh store (SQLite file in a temporary directory, or --db) with `--reports` grouped
reports: the features of the real reports of bench/data/events (dev) spread over
`--reports / --per-day` days, so every day holds many reports naming the same leaders (the
hard case for a candidate index on people). Then groups `--batch` (200) more reports, one
transaction each, exactly as the pipeline does after storing a version (worker.pipeline.grouping.place: lock,
candidate query on the index, scoring, membership and index rows) and reports the time per
report, wall clock and CPU of this process (median and 95th percentile), how many candidates
were scored, and the CPU per report by stage (`--stages` off: no wrappers). Reading a report's
features from its text (people extraction) is timed apart: it runs whether or not there is a
store. The goal (issue 13) is at most 20 ms per report at 100,000 reports.

On a machine shared with other work the wall clock swings 2-3x; the CPU of the process much
less, and the instructions not at all. With --checkouts, each directory (a checkout of
wirediff, e.g. `git archive COMMIT | tar -x -C DIR`) is run in a child process of its own
code: each fills its own store once (kept in --work), then the checkouts take turns `--rounds`
times, each round grouping the same batch into a fresh copy of its store, and the medians are
printed with the ratios after/before. `--instructions N` then counts the instructions of
grouping N reports (after 10 not counted, so lazy imports and caches are warm) under
valgrind's callgrind, instrumentation switched on for those N only: deterministic, whatever
the load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

# a child of --checkouts runs the checkout's code, not this file's
sys.path.insert(0, os.environ.get("WIREDIFF_CHECKOUT") or str(Path(__file__).resolve().parents[1]))

import sqlalchemy as sa

import storage.events as stored
import worker.detect.events as detect
import worker.pipeline.grouping as grouping
from bench.events_data import load
from storage.db import open_store
from storage.models import Article, Event, EventFinding, EventKey, EventReport, Feed
from worker.detect.events import Features, GroupingOptions, report_features
from worker.service.seeds import load_roster

FIRST_DAY = date(2025, 1, 1)
WARM = 10  # reports grouped before the counted ones in --checkouts (lazy imports, caches)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200, help="reports grouped and timed")
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    parser.add_argument(
        "--merge",
        type=float,
        default=GroupingOptions().merge,
        help="[events] merge; above 1 no events are merged (the cost without the merge step)",
    )
    parser.add_argument("--no-stages", action="store_true", help="no CPU by stage (no wrappers)")
    parser.add_argument("--checkouts", help="BEFORE_DIR,AFTER_DIR,...: alternate these")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--instructions", type=int, default=0, help="N reports under callgrind")
    parser.add_argument("--work", help="--checkouts: where the stores are kept (default: temp)")
    parser.add_argument("--child", choices=["prepare", "run"], help=argparse.SUPPRESS)
    parser.add_argument("--callgrind", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
    elif args.checkouts:
        compare(args)
    else:
        single(args)


def single(args: argparse.Namespace) -> None:
    base, extract_ms = _features(None)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'events.db'}"
        store = open_store(url, auto_upgrade=True)
        days = max(1, args.reports // args.per_day)
        fill(store, base, args.reports, FIRST_DAY, days)
        opts = replace(GroupingOptions(), merge=args.merge)
        got = group_batch(store, base, days, opts, args.batch, 0, not args.no_stages, True)
        print(
            f"store: {store.display_url.split('://')[0]}, {args.reports} reports over {days} days "
            f"({args.per_day} a day)"
        )
        _print_result(got)
        print(
            f"events: {got['events_before']} before the {args.batch} reports, "
            f"{got['events_after']} after (the store is filled without grouping, so copies of "
            "one text sit in separate events: a new copy merges one of them, "
            "worker.detect.events.MAX_ABSORBED a report at most)"
        )
        print(f"what was made (reports' events, findings): {got['digest']}")
        print(f"reading a report's features from its text: {extract_ms:.1f} ms a report (mean)")
        store.dispose()


def _print_result(got: dict[str, Any]) -> None:
    wall, cpu = sorted(got["wall"]), sorted(got["cpu"])
    p95 = int(len(wall) * 0.95)
    print(
        f"grouping one more report: wall median {statistics.median(wall):.1f} ms, "
        f"p95 {wall[p95]:.1f} ms, max {wall[-1]:.1f} ms; CPU median "
        f"{statistics.median(cpu):.1f} ms, mean {statistics.mean(cpu):.1f} ms, p95 {cpu[p95]:.1f} "
        f"ms (candidates scored: median {statistics.median(got['scored']):.0f}, "
        f"max {max(got['scored'])}); with the event's discrepancy check after it (as the "
        f"pipeline does): CPU median {statistics.median(got['checked']):.1f} ms"
    )
    if got["stages"]:
        n = len(cpu)
        print(
            "CPU per report by stage (mean ms): "
            + ", ".join(f"{label} {total * 1000 / n:.2f}" for label, total in got["stages"].items())
        )


def group_batch(
    store: Any,
    base: list[Features],
    days: int,
    opts: GroupingOptions,
    batch: int,
    warm: int,
    stages: bool,
    count_candidates: bool,
    callgrind: bool = False,
) -> dict[str, Any]:
    """Group `warm` reports (not timed), then `batch` more, each in its transaction as the
    pipeline does, then check its event for discrepancies (timed apart, a stage of its own)."""
    timer = _Stages() if stages else None
    if timer is not None:
        timer.install()
    now = datetime.now(UTC)
    middle = FIRST_DAY + timedelta(days=days // 2)
    ctx = SimpleNamespace(alert_discrepancies=False)
    wall: list[float] = []
    cpu: list[float] = []
    scored: list[int] = []
    checked: list[float] = []  # CPU of placing and then checking the event (the pipeline's)
    with store.read() as session:
        before = session.scalar(sa.select(sa.func.count()).select_from(Event))
    for i in range(warm + batch):
        if i == warm:
            if timer is not None:
                timer.cpu.clear()
            if callgrind:
                _callgrind("on")
        f = replace(base[i % len(base)], day=middle)
        with store.write() as session:
            article_id = _article(session, f"https://new.example/{i}")
            if count_candidates and i >= warm:
                scored.append(_scored(session, f, opts, timer))
        t0, c0 = time.perf_counter(), time.process_time()
        with store.write() as session:
            event_id, _ = grouping.place(session, opts, article_id, f"new{i}", 1, f, now)
        c1 = time.process_time()
        if i >= warm:
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((c1 - c0) * 1000)
        check = _check(store, ctx, event_id, now, timer)
        if i >= warm:
            checked.append((c1 - c0 + check) * 1000)
            if timer is not None:
                timer.cpu["discrepancy check (apart)"] += check
    if callgrind:
        _callgrind("off")
    if timer is not None:
        timer.uninstall(sum(cpu) / 1000)
    with store.read() as session:
        after = session.scalar(sa.select(sa.func.count()).select_from(Event))
        digest = _digest(session)
    return {
        "wall": wall,
        "cpu": cpu,
        "checked": checked,
        "scored": scored or [0],
        "stages": dict(timer.cpu) if timer is not None else {},
        "events_before": before,
        "events_after": after,
        "digest": digest,
    }


def _check(store: Any, ctx: Any, event_id: str, now: datetime, timer: _Stages | None) -> float:
    """The event's discrepancy check, in its transaction; its CPU (s), a stage of its own
    whatever it calls."""
    started = time.process_time()
    if timer is not None:
        timer.depth += 1
    with store.write() as session:
        grouping.check_event(ctx, session, event_id, now)
    if timer is not None:
        timer.depth -= 1
    return time.process_time() - started


def _digest(session: Any) -> str:
    """What grouping made, in a few characters: every report's event and every finding (two
    checkouts that print the same formed the same events and found the same discrepancies)."""
    members = session.execute(
        sa.select(EventReport.article_id, EventReport.event_id).order_by(EventReport.article_id)
    ).all()
    found = session.execute(
        sa.select(EventFinding.id, EventFinding.event_id).order_by(EventFinding.id)
    ).all()
    made = repr(([tuple(r) for r in members], [tuple(r) for r in found]))
    return hashlib.sha256(made.encode()).hexdigest()[:16]


def _scored(session: Any, f: Features, opts: GroupingOptions, timer: _Stages | None) -> int:
    """How many candidates the report's query finds (outside the timed work, no stage)."""
    if timer is not None:
        timer.depth += 1
    found = stored.candidates(session, f.index_keys(), f.day, opts.window_days, opts.candidates)
    if timer is not None:
        timer.depth -= 1
    return len(found)


class _Stages:
    """CPU by stage of grouping: each wrapped function's time goes to the outermost wrapped
    call it runs in (scoring inside the strict merge is the merge's)."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.depth = 0
        self.saved: list[tuple[ModuleType, str, Any]] = []

    def install(self) -> None:
        for module, name, label in [
            (stored, "lock_grouping", "lock, leave"),
            (stored, "leave", "lock, leave"),
            (stored, "candidates", "candidate query"),
            (grouping, "_decoded", "candidates' features"),
            (grouping, "_features_of", "candidates' features"),
            (detect, "score", "scoring"),
            (detect, "other_occasion", "scoring"),
            (detect, "_absorbed", "strict merge"),
            (stored, "join", "membership, index rows"),
            (grouping, "_absorb", "merge writes"),
        ]:
            fn = getattr(module, name, None)
            if fn is not None:
                self.saved.append((module, name, fn))
                setattr(module, name, self._timed(fn, label))

    def uninstall(self, placing: float) -> None:
        """Restore the functions; what of `placing` (CPU s) no stage took is 'other'."""
        for module, name, fn in self.saved:
            setattr(module, name, fn)
        staged = sum(v for k, v in self.cpu.items() if k != "discrepancy check (apart)")
        self.cpu["other (placement, transaction)"] = placing - staged

    def _timed(self, fn: Any, label: str) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return fn(*args, **kwargs)
            self.depth += 1
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[label] += time.process_time() - started
                self.depth -= 1

        return timed


def _callgrind(state: str) -> None:
    subprocess.run(
        ["callgrind_control", "-i", state, str(os.getpid())], check=True, capture_output=True
    )


def _features(cache: Path | None) -> tuple[list[Features], float]:
    """The features of the dev reports (the held-out test split stays unread here), read from
    their texts, or from `cache` when a child made them before."""
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text())
        return [Features.from_json(d) for d in data["features"]], data["extract_ms"]
    roster = load_roster()
    texts = load("dev")
    started = time.perf_counter()
    base = [report_features(r.title, r.text, r.published, roster) for r in texts]
    extract_ms = (time.perf_counter() - started) * 1000 / len(texts)
    if cache is not None:
        cache.write_text(
            json.dumps({"features": [f.to_json() for f in base], "extract_ms": extract_ms})
        )
    return base, extract_ms


def compare(args: argparse.Namespace) -> None:
    """Each checkout in a child of its own code, taking turns; medians and ratios."""
    dirs = [Path(d).resolve() for d in args.checkouts.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work or tmp)
        common = [
            "--reports",
            str(args.reports),
            "--per-day",
            str(args.per_day),
            "--merge",
            str(args.merge),
        ]
        for n, d in enumerate(dirs):
            (work / str(n)).mkdir(parents=True, exist_ok=True)
            _run_child(d, work / str(n), ["--child", "prepare", *common])
        results: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in range(args.rounds):
            for n, d in enumerate(dirs):
                got = _run_child(
                    d, work / str(n), ["--child", "run", "--batch", str(args.batch), *common]
                )
                results[n].append(got)
                print(
                    f"round {r + 1} {d.name}: wall median {statistics.median(got['wall']):.1f} "
                    f"ms, CPU median {statistics.median(got['cpu']):.1f} ms, mean "
                    f"{statistics.mean(got['cpu']):.1f} ms; events after "
                    f"{got['events_after']}, what was made {got.get('digest')}",
                    flush=True,
                )
        instructions: dict[int, int] = {}
        if args.instructions:
            for n, d in enumerate(dirs):
                instructions[n] = _instructions(d, work / str(n), args.instructions, common)
        first = _summary(results[0], instructions.get(0))
        for n, d in enumerate(dirs):
            s = _summary(results[n], instructions.get(n))
            ratios = ", ".join(f"{k} x{s[k] / first[k]:.3f}" for k in s if first[k]) if n else ""
            print(
                f"{d.name}: "
                + ", ".join(f"{k} {v:,.1f}" for k, v in s.items())
                + (f" (after/before: {ratios})" if ratios else "")
            )
            stages = _merged_stages(results[n])
            print(
                "  CPU per report by stage (mean ms): "
                + ", ".join(f"{k} {v:.2f}" for k, v in stages.items())
            )


def _summary(runs: list[dict[str, Any]], instructions: int | None) -> dict[str, float]:
    s = {
        "wall median ms": statistics.median(statistics.median(r["wall"]) for r in runs),
        "CPU median ms": statistics.median(statistics.median(r["cpu"]) for r in runs),
        "CPU mean ms": statistics.median(statistics.mean(r["cpu"]) for r in runs),
        "CPU with check median ms": statistics.median(
            statistics.median(r["checked"]) for r in runs
        ),
    }
    if instructions is not None:
        s["instructions per report (M)"] = instructions / 1e6
    return s


def _merged_stages(runs: list[dict[str, Any]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    n = sum(len(r["cpu"]) for r in runs)
    for r in runs:
        for k, v in r["stages"].items():
            total[k] += v * 1000 / n
    return dict(total)


def _instructions(checkout: Path, work: Path, batch: int, common: list[str]) -> int:
    """Instructions per report of grouping `batch` reports, counted by callgrind."""
    out = work / "callgrind.out"
    valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"]
    _run_child(
        checkout, work, ["--child", "run", "--batch", str(batch), "--callgrind", *common], valgrind
    )
    counted = [
        int(line.split()[1])
        for line in out.read_text().splitlines()
        if line.startswith(("summary:", "totals:"))
    ]
    if not counted:
        raise SystemExit(f"no totals in {out}")
    return max(counted) // batch


def _run_child(
    checkout: Path, work: Path, argv: list[str], wrapper: list[str] | None = None
) -> dict[str, Any]:
    env = {
        **os.environ,
        "WIREDIFF_CHECKOUT": str(checkout),
        "PYTHONPATH": f"{checkout}:{checkout / 'bench'}",
    }
    cmd = [
        *(wrapper or []),
        sys.executable,
        str(Path(__file__).resolve()),
        "--work",
        str(work),
        *argv,
    ]
    done = subprocess.run(cmd, env=env, cwd=checkout, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "{}"
    return json.loads(last) if last.startswith("{") else {}


def _child(args: argparse.Namespace) -> None:
    """--checkouts' child: `prepare` fills its store once; `run` groups a batch into a copy."""
    work = Path(args.work)
    base, _ = _features(work / "features.json")
    days = max(1, args.reports // args.per_day)
    kept = work / "store.db"
    if args.child == "prepare":
        if not kept.exists():
            store = open_store(f"sqlite:///{work / 'filling.db'}", auto_upgrade=True)
            fill(store, base, args.reports, FIRST_DAY, days)
            store.dispose()
            (work / "filling.db").rename(kept)
        print("{}")
        return
    run = work / "run.db"
    shutil.copyfile(kept, run)
    store = open_store(f"sqlite:///{run}", auto_upgrade=True)
    opts = replace(GroupingOptions(), merge=args.merge)
    got = group_batch(
        store,
        base,
        days,
        opts,
        args.batch,
        WARM,
        not args.callgrind,
        not args.callgrind,
        args.callgrind,
    )
    store.dispose()
    run.unlink()
    print(json.dumps(got))


def _article(session: sa.orm.Session, url: str) -> int:
    feed = session.scalar(sa.select(Feed).where(Feed.url == "https://bench.example/rss"))
    article = Article(feed_id=feed.id, key=url, url=url, title=url)
    session.add(article)
    session.flush()
    return article.id


def fill(store, base: list[Features], total: int, first_day: date, days: int) -> None:
    """Bulk rows: one feed, `total` articles, each its own grouped report (events of 1-5)."""
    t0 = time.perf_counter()
    with store.write() as session:
        session.add(Feed(url="https://bench.example/rss", name="bench"))
        session.flush()
        feed_id = session.scalar(sa.select(Feed.id))
    batch = 5000
    now = datetime.now(UTC)
    for start in range(0, total, batch):
        articles, events, members, keys = [], [], [], []
        for n in range(start, min(total, start + batch)):
            f = base[n % len(base)]
            day = first_day + timedelta(days=n % days)
            event_id = f"bench{n // 3}"
            articles.append(
                {
                    "id": n + 1,
                    "feed_id": feed_id,
                    "key": f"k{n}",
                    "url": f"https://bench.example/{n}",
                    "title": f.display_title,
                    "state": "live",
                    "first_seen": now,
                    "last_seen": now,
                    "checks_done": 0,
                }
            )
            if n % 3 == 0:
                events.append(
                    {
                        "id": event_id,
                        "day": day.isoformat(),
                        "title": f.display_title,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
            data = replace(f, day=day).to_json()
            members.append(
                {
                    "article_id": n + 1,
                    "event_id": event_id,
                    "version": 1,
                    "day": day.isoformat(),
                    "score": 1.0,
                    "reason": "bench",
                    "features": json.dumps(data, ensure_ascii=False),
                    "joined_at": now,
                }
            )
            keys += [
                {"article_id": n + 1, "key": k, "day": day.isoformat()} for k in f.index_keys()
            ]
        with store.write() as session:
            session.execute(sa.insert(Article), articles)
            if events:
                session.execute(sa.insert(Event), events)
            session.execute(sa.insert(EventReport), members)
            session.execute(sa.insert(EventKey), keys)
    if not store.is_sqlite:  # ids were given: move PostgreSQL's sequence past them
        with store.write() as session:
            session.execute(
                sa.text("SELECT setval('articles_id_seq', (SELECT max(id) FROM articles))")
            )
    print(f"filled {total} reports in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
