"""A report published well after the occasion its lead dates still joins the occasion's event
(worker.detect.events.within_window, worker.pipeline.grouping.place: the store is asked for
the reports of the occasion's days too), on SQLite and PostgreSQL. Excerpts of
putin-xi-2024-xitheory-zh (Xinhua's report of the talks of 16 May 2024, published on the 17th)
and putin-xi-2024-hezeshi-press-zh (a copy of Xinhua's report of the joint press conference
that closed them, published on the 25th); sources in tests/data/events/PROVENANCE.md."""

from __future__ import annotations

from datetime import UTC, date, datetime

from storage.db import open_store
from tests.support.events import wire_articles
from worker.detect.events import GroupingOptions, report_features, score, when, within_window
from worker.pipeline.grouping import place
from worker.service.seeds import load_roster

ROSTER = load_roster()
NOW = datetime(2024, 5, 25, tzinfo=UTC)

TALKS = (
    "习近平同俄罗斯总统普京会谈",
    "新华社北京5月16日电(记者杨依军、王宾)5月16日上午,国家主席习近平在北京人民大会堂同来华进行国事"
    "访问的俄罗斯总统普京举行会谈。\n\n两国元首首先举行小范围会谈。\n\n习近平对普京开启新一届总统任期"
    "表示衷心祝贺,对他再次来华进行国事访问表示热烈欢迎。",
    date(2024, 5, 17),
)
PRESS = (
    "习近平同俄罗斯总统普京共同会见记者",
    "新华社北京5月16日电(记者杨依军、王宾)5月16日,国家主席习近平在北京人民大会堂同俄罗斯总统普京"
    "会谈后共同会见记者。\n\n习近平指出,普京总统这次对中国进行国事访问,是他开启新一届总统任期后的"
    "首次访问,充分体现了普京总统本人和俄方对发展中俄关系的高度重视。",
    date(2024, 5, 25),
)


def test_a_late_report_dating_the_occasion_is_within_its_window() -> None:
    talks, press = (report_features(*r, ROSTER) for r in (TALKS, PRESS))
    assert when(press) == date(2024, 5, 16) and press.day == date(2024, 5, 25)
    assert within_window(press, talks.day, when(talks), GroupingOptions().window_days)
    # the talks and the press conference that closes them, both dated to the 16th: one occasion
    assert score(press, talks).score >= GroupingOptions().join


def test_a_late_report_joins_the_event_of_the_occasion_in_the_store(db_url: str) -> None:
    store = open_store(db_url, auto_upgrade=True)
    opts = GroupingOptions()
    try:
        ids = wire_articles(store, "talks", "press")
        placed = {}
        for name, report in (("talks", TALKS), ("press", PRESS)):
            with store.write() as session:
                features = report_features(*report, ROSTER)
                placed[name], _ = place(session, opts, ids[name], name, 1, features, NOW)
        assert placed["press"] == placed["talks"]
    finally:
        store.dispose()
