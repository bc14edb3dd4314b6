"""The events aggregate with the grouping step on a real store: a later edit moves a report to
another event, and an event its last report leaves is gone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from storage.db import open_store
from storage.models import Article, Event, EventKey, EventReport, Feed
from worker.detect.events import GroupingOptions, report_features
from worker.pipeline.grouping import place
from worker.service.seeds import load_roster

DATA = Path(__file__).parents[1] / "data" / "events"
ROSTER = load_roster()
DAY = date(2024, 1, 9)


def features(name: str):  # type: ignore[no-untyped-def]
    lines = [line for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    return report_features(lines[0], "\n".join(lines[1:]), DAY, ROSTER)


def test_a_later_edit_moves_a_report_and_an_emptied_event_goes(db_url: str) -> None:
    store = open_store(db_url, auto_upgrade=True)
    now = datetime.now(UTC)
    opts = GroupingOptions()
    try:
        with store.write() as s:
            feed = Feed(url="https://wire.example/rss")
            s.add(feed)
            s.flush()
            ids = []
            for n in range(3):
                article = Article(feed_id=feed.id, key=f"k{n}", url=f"https://wire.example/{n}")
                s.add(article)
                s.flush()
                ids.append(article.id)
        a, b, c = ids

        def put(article_id: int, name: str, version: int) -> str:
            with store.write() as s:
                event, _ = place(
                    s, opts, article_id, f"f{article_id}-{version}", version, features(name), now
                )
            return event

        meeting = put(a, "ccdi2024_peoplecn_en.txt", 1)
        assert put(b, "ccdi2024_tdi_en.txt", 1) == meeting
        other = put(c, "unrelated_reuters_en.txt", 1)
        assert other != meeting
        # c is edited into a copy of the meeting's report: it moves, and its old event goes
        assert put(c, "ccdi2024_cctv_zh.txt", 2) == meeting
        # b is edited into something else entirely: it leaves the meeting for a new event
        assert put(b, "unrelated_reuters_en.txt", 2) != meeting
        with store.read() as s:
            assert s.get(Event, other) is None
            members = dict(s.execute(sa.select(EventReport.article_id, EventReport.event_id)).all())
            assert members[a] == members[c] == meeting and members[b] != meeting
            assert s.scalar(sa.select(sa.func.count()).select_from(Event)) == 2
            keys = s.scalars(sa.select(EventKey.key).where(EventKey.article_id == c)).all()
            assert set(keys) == features("ccdi2024_cctv_zh.txt").index_keys()  # re-indexed
    finally:
        store.dispose()
