"""The lean reads of grouping (round 14, evspeed14) on a real store, SQLite and PostgreSQL: the
discrepancy check's members and finding ids are what the full reads give, in their order, and
the candidate query is answered from its index alone."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import sqlalchemy as sa

from storage import events as stored
from storage.db import open_store
from storage.models import Article, Feed
from worker.detect.events import GroupingOptions, report_features
from worker.pipeline.grouping import check_event, place
from worker.service.seeds import load_roster

DATA = Path(__file__).parents[1] / "data" / "events"
ROSTER = load_roster()
DAY = date(2024, 1, 9)
# one meeting (the CCDI plenary of January 2024) told by three outlets in two languages
MEETING = ("ccdi2024_peoplecn_en.txt", "ccdi2024_tdi_en.txt", "ccdi2024_cctv_zh.txt")


def features(name: str):  # type: ignore[no-untyped-def]
    lines = [line for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]
    return report_features(lines[0], "\n".join(lines[1:]), DAY, ROSTER)


def test_the_checks_reads_give_what_the_full_reads_give(db_url: str) -> None:
    store = open_store(db_url, auto_upgrade=True)
    now = datetime.now(UTC)
    try:
        with store.write() as s:
            feed = Feed(url="https://wire.example/rss")
            s.add(feed)
            s.flush()
            events = set()
            for n, name in enumerate(MEETING):
                article = Article(feed_id=feed.id, key=f"k{n}", url=f"https://wire.example/{n}")
                s.add(article)
                s.flush()
                event, _ = place(s, GroupingOptions(), article.id, f"f{n}", 1, features(name), now)
                events.add(event)
                check_event(SimpleNamespace(alert_discrepancies=False), s, event, now)  # type: ignore[arg-type]
        assert len(events) == 1
        (event,) = events
        with store.write() as s:  # these reports differ in nothing: a finding written by hand
            stored.add_finding(
                s,
                finding_id="f" * 32,
                event_id=event,
                kind="missing",
                summary="someone is missing",
                reports=["https://wire.example/0"],
                detail={"person": "someone"},
                now=now,
            )
        with store.read() as s:
            lean = stored.member_features(s, event)
            full = stored.members(s, event)
            assert [(r.article_id, r.version, r.url) for r in lean] == [
                (r.article_id, r.version, r.url) for r in full
            ]
            assert [json.loads(r.features) for r in lean] == [r.features for r in full]
            assert stored.finding_ids(s, event) == {f.id for f in stored.findings(s, event)}
            assert stored.finding_ids(s, event) == {"f" * 32}
            assert stored.finding_ids(s, "no-such-event") == set()
    finally:
        store.dispose()


def test_the_candidate_query_reads_its_index_alone(db_url: str) -> None:
    store = open_store(db_url, auto_upgrade=True)
    try:
        indexes = {
            i["name"]: i["column_names"] for i in sa.inspect(store.engine).get_indexes("event_keys")
        }
        assert indexes["ix_event_keys_key_day_article"] == ["key", "day", "article_id"]
        assert "ix_event_keys_key_day" not in indexes  # replaced, not kept beside it
        if store.is_sqlite:
            sql = stored._candidate_sql(2)
            params = {"k0": "p:xi jinping", "k1": "t:ccdi", "low": "2024-01-01"}
            params.update({"high": "2024-01-20", "per_key": 300, "limit": 64})
            with store.read() as s:
                plan = " | ".join(
                    str(row[-1]) for row in s.execute(sa.text(f"EXPLAIN QUERY PLAN {sql}"), params)
                )
            assert "COVERING INDEX ix_event_keys_key_day_article" in plan
    finally:
        store.dispose()
