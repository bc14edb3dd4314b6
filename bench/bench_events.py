"""What grouping one more report costs in a store that already holds many.

    python bench/bench_events.py [--reports 100000] [--per-day 1000] [--db URL]

Fills a fresh store (SQLite file in a temporary directory, or --db) with `--reports` grouped
reports: the features of the real reports of bench/data/events (dev and test) spread over
`--reports / --per-day` days, so every day holds many reports naming the same leaders (the
hard case for a candidate index on people). Then groups 200 more reports, one transaction
each, exactly as the pipeline does after storing a version (worker.pipeline.grouping.place: lock,
candidate query on the index, scoring, membership and index rows) and reports the time per
report (median and 95th percentile) and how many candidates were scored. Reading a report's
features from its text (people extraction) is timed apart: it runs whether or not there is a
store. The goal (issue 13) is at most 20 ms per report at 100,000 reports.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from bench.events_data import load
from storage import events as stored
from storage.db import open_store
from storage.models import Article, Event, EventKey, EventReport, Feed
from worker.detect.events import Features, GroupingOptions, report_features
from worker.pipeline.grouping import place
from worker.service.seeds import load_roster


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    parser.add_argument(
        "--merge",
        type=float,
        default=GroupingOptions().merge,
        help="[events] merge; above 1 no events are merged (the cost without the merge step)",
    )
    args = parser.parse_args()
    roster = load_roster()
    texts = load("dev")  # the held-out test split stays unread here
    started = time.perf_counter()
    base = [report_features(r.title, r.text, r.published, roster) for r in texts]
    extract_ms = (time.perf_counter() - started) * 1000 / len(texts)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'events.db'}"
        store = open_store(url, auto_upgrade=True)
        first_day = date(2025, 1, 1)
        days = max(1, args.reports // args.per_day)
        fill(store, base, args.reports, first_day, days)
        opts = replace(GroupingOptions(), merge=args.merge)
        timings, scored = [], []
        now = datetime.now(UTC)
        middle = first_day + timedelta(days=days // 2)
        with store.read() as session:
            events_before = session.scalar(sa.select(sa.func.count()).select_from(Event))
        for i in range(200):
            f = replace(base[i % len(base)], day=middle)
            with store.write() as session:
                article_id = _article(session, f"https://new.example/{i}")
                keys = f.index_keys()
                scored.append(
                    len(stored.candidates(session, keys, f.day, opts.window_days, opts.candidates))
                )
            t0 = time.perf_counter()
            with store.write() as session:
                place(session, opts, article_id, f"new{i}", 1, f, now)
            timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        with store.read() as session:
            events_after = session.scalar(sa.select(sa.func.count()).select_from(Event))
        print(
            f"store: {store.display_url.split('://')[0]}, {args.reports} reports over {days} days "
            f"({args.per_day} a day)"
        )
        print(
            f"grouping one more report: median {statistics.median(timings):.1f} ms, "
            f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms, max {timings[-1]:.1f} ms "
            f"(candidates scored: median {statistics.median(scored):.0f}, max {max(scored)})"
        )
        print(
            f"events: {events_before} before the 200 reports, {events_after} after (the store "
            "is filled without grouping, so copies of one text sit in separate events: a new "
            "copy merges one of them, worker.detect.events.MAX_ABSORBED a report at most)"
        )
        print(f"reading a report's features from its text: {extract_ms:.1f} ms a report (mean)")
        store.dispose()


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
