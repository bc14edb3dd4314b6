"""How fast `wirediff serve` answers over a large store: 100,000 changes by default.

Fills a store (SQLite file, or a fresh PostgreSQL database with --pg BASE_URL) with feeds,
reports, change events shaped like real ones (wording edits with context, lists of people,
summaries) and one alert delivery each, starts the real `wirediff serve` on a free port, and
times pages over HTTP: the first page, a page deep in the list (keyset cursor), each filter,
the JSON twin, the Atom feed, the feeds page and one change page. With --without-indexes the
same run is repeated after dropping the index of migration 0002_browse_indexes.

    PYTHONPATH=. python bench/bench_serve.py [--changes 100000] [--feeds 200] [--repeat 20]
    PYTHONPATH=. python bench/bench_serve.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/test
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import sqlalchemy as sa

from storage import bodies
from storage.db import Store
from storage.models import Article, Body, Change, Delivery, Feed, Version
from worker.pipeline.events import Subject, build_event

REPO = Path(__file__).resolve().parent.parent
PEOPLE = [
    "Xi Jinping", "Li Qiang", "Zhao Leji", "Wang Huning", "Cai Qi", "Ding Xuexiang", "Li Xi",
    "Han Zheng", "Wang Yi", "He Lifeng", "Zhang Guoqing", "Chen Wenqing", "Yin Li", "Shi Taifeng",
]  # fmt: skip
RARE = "Ma Xingrui"  # named in one change in 5,000
WORDS = (
    "economy growth meeting conference council minister province reform trade talks "
    "delegation security budget energy climate agriculture export investment railway port "
    "market policy agreement summit visit statement cooperation development"
).split()
BROWSE_INDEXES = ("ix_changes_feed_detected_id",)


def sentence(rng: random.Random, n: int = 18) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_event(
    i: int, feed_url: str, article_url: str, when: datetime, rng: random.Random, number: int
) -> dict[str, Any]:
    kind = rng.choices(["wording", "attendees", "title", "removed", "restored"], [70, 18, 6, 4, 2])[
        0
    ]
    title = f"{sentence(rng, 7)[:-1]} ({i})"
    edits = []
    for _ in range(rng.randint(1, 4)):
        before, after = rng.choice(WORDS), rng.choice(WORDS)
        context = f"{sentence(rng, 10)[:-1]} {after} {sentence(rng, 12)}"
        touches = rng.sample(["number", "date", "name"], rng.randint(0, 2))
        edits.append(
            {"op": "replace", "before": before, "after": after, "context": context,
             "class": "edit", "touches": touches}
        )  # fmt: skip
    aspects: dict[str, Any] = {"wording": {"edits": edits}}
    summary = f"{len(edits)} edits (similarity 0.97)"
    if kind == "attendees":
        names = rng.sample(PEOPLE, rng.randint(5, 10))
        if i % 5000 == 0:
            names.append(RARE)
        after_names = names[:-1] if rng.random() < 0.5 else [*names, rng.choice(PEOPLE)]
        removed = [n for n in names if n not in after_names]
        added = [n for n in after_names if n not in names]
        aspects["attendees"] = {
            "before": names, "after": after_names, "added": added, "removed": removed,
            "reordered": False, "variants": [], "role_changes": [],
        }  # fmt: skip
        summary = "; ".join(
            [*(["removed from the list: " + ", ".join(removed)] if removed else []),
             *(["added to the list: " + ", ".join(added)] if added else []), summary]
        )  # fmt: skip
    subject = Subject(
        feed_url, f"Feed {feed_url[-3:]}", article_url, article_url, title, article_url
    )
    return build_event(
        subject,
        kind=kind,
        detected_at=when,
        from_version=number,
        to_version=None if kind == "removed" else number + 1,
        similarity=0.97,
        summary=summary,
        aspects=aspects,
    )


def fill(url: str, n_changes: int, n_feeds: int) -> dict[str, Any]:
    """Insert feeds, articles (one per four changes), two versions each and the changes."""
    rng = random.Random(12)
    store = Store(url)
    store.upgrade()
    now = datetime.now(UTC)
    n_articles = max(1, n_changes // 4)
    text_a = " ".join(sentence(rng) for _ in range(40))
    text_b = text_a.replace("economy", "growth", 3)
    started = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(
            sa.insert(Feed),
            [{"id": f + 1, "url": f"https://feeds.example/{f:03d}", "name": f"Feed {f:03d}",
              "interval_s": 900, "follow_links": True, "error_count": 0, "created_at": now,
              "last_ok_at": now} for f in range(n_feeds)],
        )  # fmt: skip
        conn.execute(
            sa.insert(Body),
            [{"hash": bodies.text_hash(t), "size": len(t), "data": bodies.compress(t)}
             for t in (text_a, text_b)],
        )  # fmt: skip
        arts = [
            {"id": a + 1, "feed_id": a % n_feeds + 1, "key": f"https://news.example/{a}",
             "guid": None, "url": f"https://news.example/{a}", "title": sentence(rng, 7),
             "state": "live", "first_seen": now, "last_seen": now, "checks_done": 0}
            for a in range(n_articles)
        ]  # fmt: skip
        for lo in range(0, len(arts), 5000):
            conn.execute(sa.insert(Article), arts[lo : lo + 5000])
            conn.execute(
                sa.insert(Version),
                [{"article_id": a["id"], "number": n, "fetched_at": now, "title": a["title"],
                  "link": a["url"], "text_hash": bodies.text_hash(t), "raw_hash": "0" * 64,
                  "source": "page", "extractor": "trafilatura", "extractor_version": "2.0"}
                 for a in arts[lo : lo + 5000] for n, t in ((1, text_a), (2, text_b))],
            )  # fmt: skip
        batch: list[dict[str, Any]] = []
        outbox: list[dict[str, Any]] = []
        for i in range(n_changes):
            art = arts[i % n_articles]
            when = now - timedelta(seconds=(n_changes - i) * 300 + rng.randint(0, 200))
            feed_url = f"https://feeds.example/{art['feed_id'] - 1:03d}"
            event = make_event(i, feed_url, art["url"], when, rng, i // n_articles + 1)
            batch.append(
                {"id": event["id"], "article_id": art["id"], "feed_id": art["feed_id"],
                 "kind": event["kind"], "from_version": event["from_version"],
                 "to_version": event["to_version"],
                 "detected_at": when, "similarity": 0.97, "summary": event["summary"],
                 "event": json.dumps(event, ensure_ascii=False)}
            )  # fmt: skip
            outbox.append(
                {"change_id": event["id"], "channel": "desk", "state": "sent", "attempts": 1,
                 "next_attempt_at": when, "created_at": when, "sent_at": when}
            )  # fmt: skip
            if len(batch) == 5000:
                conn.execute(sa.insert(Change), batch)
                conn.execute(sa.insert(Delivery), outbox)
                batch, outbox = [], []
        if batch:
            conn.execute(sa.insert(Change), batch)
            conn.execute(sa.insert(Delivery), outbox)
    if not store.is_sqlite:
        with store.engine.connect() as conn:
            # what autovacuum does in a store that has run a while: statistics, visibility map
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(sa.text("VACUUM ANALYZE"))
    else:
        with store.engine.begin() as conn:
            conn.execute(sa.text("ANALYZE"))
    with store.read() as s:
        middle = s.execute(
            sa.select(Change.detected_at, Change.id).order_by(Change.detected_at.desc(), Change.id.desc())
            .offset(n_changes // 2).limit(1)
        ).one()  # fmt: skip
        some_change = s.scalar(
            sa.select(Change.id).where(Change.kind == "wording", Change.from_version == 1).limit(1)
        )
    store.dispose()
    return {
        "seconds": time.perf_counter() - started,
        "cursor": f"{middle[0].isoformat()}~{middle[1]}",
        "change": some_change,
    }


def start(url: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREDIFF_")}
    env.update(PYTHONPATH=str(REPO), WIREDIFF_HOME=str(log.parent))
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "worker", "serve", "--db", url, "--bind", "127.0.0.1:0"],
            stderr=fh, stdout=subprocess.DEVNULL, cwd=REPO, env=env,
        )  # fmt: skip
    for _ in range(600):
        text = log.read_text()
        if "serving http://" in text:
            return proc, text.split("serving ", 1)[1].split()[0].rstrip("/")
        if proc.poll() is not None:
            raise SystemExit(f"serve exited: {text}")
        time.sleep(0.05)
    raise SystemExit("serve did not start")


def scenarios(info: dict[str, Any]) -> list[tuple[str, str]]:
    q = lambda **p: "/?" + urlencode(p)  # noqa: E731
    return [
        ("first page (HTML, 50 changes)", "/"),
        ("first page, JSON twin", "/changes.json"),
        ("page in the middle (cursor)", q(cursor=info["cursor"])),
        ("one feed of 200", q(feed="https://feeds.example/007")),
        ("kind=attendees", q(kind="attendees")),
        ("kind=restored (rare kind)", q(kind="restored")),
        ("since=7d", q(since="7d")),
        ("q= common word", q(q="summit")),
        ("q= no match (whole scan)", q(q="zzzz-nothing")),
        ("person=蔡奇 (common)", q(person="蔡奇")),
        (f"person={RARE} (1 in 5,000)", q(person=RARE)),
        ("Atom, 50 entries", "/changes.atom"),
        ("feeds page", "/feeds"),
        ("one change page (diff)", f"/changes/{info['change']}"),
    ]


def measure(base: str, path: str, repeat: int) -> list[float]:
    times = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for i in range(repeat + 2):
            t = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - t) * 1000
            assert response.status_code == 200, (path, response.status_code, response.text[:200])
            if i >= 2:  # two warm-up requests
                times.append(elapsed)
    return times


def run(url: str, info: dict[str, Any], repeat: int, tmp: Path, label: str) -> dict[str, Any]:
    proc, base = start(url, tmp / f"serve-{label}.log")
    results = {}
    try:
        print(f"\n{label}: median / p95 / max of {repeat} requests, ms")
        for name, path in scenarios(info):
            times = sorted(measure(base, path, repeat))
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            results[name] = {"median": statistics.median(times), "p95": p95, "max": times[-1]}
            print(f"  {name:<34} {statistics.median(times):7.1f} {p95:7.1f} {times[-1]:7.1f}")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--changes", type=int, default=100_000)
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--pg", metavar="BASE_URL", help="run on a fresh PostgreSQL database")
    ap.add_argument(
        "--without-indexes", action="store_true", help="also run without migration 0002's index"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        drop = None
        if args.pg:
            sys.path.insert(0, str(REPO))
            from tests.support.pg import create_database, drop_database

            url = create_database(args.pg, prefix="wd_bench_serve")
            drop = lambda: drop_database(args.pg, url)  # noqa: E731
        else:
            url = f"sqlite:///{tmp / 'serve.db'}"
        try:
            info = fill(url, args.changes, args.feeds)
            print(
                f"filled {args.changes:,} changes over {args.feeds} feeds in {info['seconds']:.1f}s ({url.split(':')[0]})"
            )
            out = {"with_indexes": run(url, info, args.repeat, tmp, "with the browse indexes")}
            if args.without_indexes:
                store = Store(url)
                with store.engine.begin() as conn:
                    for name in BROWSE_INDEXES:
                        conn.execute(sa.text(f"DROP INDEX {name}"))
                store.dispose()
                out["without_indexes"] = run(url, info, args.repeat, tmp, "without them")
            results = REPO / "bench" / "results"
            results.mkdir(exist_ok=True)
            (results / "serve.json").write_text(json.dumps(out, indent=1))
        finally:
            if drop:
                drop()


if __name__ == "__main__":
    main()
