"""Two workers on one PostgreSQL store group reports of one new occasion at the same moment:
one event, never two (grouping takes an advisory lock for its transaction). Real processes,
real PostgreSQL, started together at a barrier, several rounds."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storage.db import Store
from storage.models import Article, EventReport, Feed

DATA = Path(__file__).parents[2] / "data" / "events"
ROUNDS = 5


def _features(name: str) -> Any:
    from worker.detect.events import report_features
    from worker.service.seeds import load_roster

    lines = [line for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    return report_features(lines[0], "\n".join(lines[1:]), date(2024, 1, 9), load_roster())


def _racer(url: str, article_id: int, name: str, barrier: Any) -> None:
    from worker.detect.events import GroupingOptions
    from worker.pipeline.grouping import place

    features = _features(name)
    store = Store(url)
    try:
        with store.write() as session:
            session.execute(sa.text("SELECT 1"))
            barrier.wait(30)
            place(
                session,
                GroupingOptions(),
                article_id,
                f"a{article_id}",
                1,
                features,
                datetime.now(UTC),
            )
    finally:
        store.dispose()


@pytest.mark.postgres
# Ten spawned processes, each importing the worker before it races: seconds on a quiet machine,
# over the suite's 60 s limit on a loaded one (round 15: load average 14-21 on 2 cores).
@pytest.mark.timeout(300)
def test_two_workers_never_create_the_same_event_twice(pg_url: str) -> None:
    store = Store(pg_url)
    store.upgrade()
    spawn = multiprocessing.get_context("spawn")
    try:
        for round_ in range(ROUNDS):
            with store.write() as session:
                feed = Feed(url=f"https://wire{round_}.example/rss")
                session.add(feed)
                session.flush()
                ids = []
                for n in range(2):
                    article = Article(
                        feed_id=feed.id, key=f"r{round_}-{n}", url=f"https://x/{round_}/{n}"
                    )
                    session.add(article)
                    session.flush()
                    ids.append(article.id)
            barrier = spawn.Barrier(2)
            names = ("ccdi2024_peoplecn_en.txt", "ccdi2024_tdi_en.txt")
            procs = [
                spawn.Process(target=_racer, args=(pg_url, aid, name, barrier))
                for aid, name in zip(ids, names, strict=True)
            ]
            for p in procs:
                p.start()
            for p in procs:
                p.join(120)
            assert [p.exitcode for p in procs] == [0, 0]
            with store.read() as session:
                events = session.scalars(
                    sa.select(EventReport.event_id).where(EventReport.article_id.in_(ids))
                ).all()
            assert len(events) == 2 and len(set(events)) == 1, (round_, events)
    finally:
        store.dispose()
