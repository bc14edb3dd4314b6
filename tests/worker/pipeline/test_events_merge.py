"""One occasion that reached the store as two events is merged when a report links them
(worker.detect.events.place, worker.pipeline.grouping.place, storage.events.absorb), on SQLite
and PostgreSQL: a short English report naming only Xi Jinping and CCTV's Chinese report with the
whole list share one name and found two events; Xinhua's full English report matches both."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from storage import events as stored
from storage.db import open_store
from tests.support.events import wire_articles
from worker.detect.events import Discrepancy, GroupingOptions, report_features
from worker.pipeline.grouping import _finding_id, place
from worker.service.seeds import load_roster

DATA = Path(__file__).parents[2] / "data" / "events"
ROSTER = load_roster()
NOW = datetime(2023, 12, 9, tzinfo=UTC)


def features(name: str, day: date):  # type: ignore[no-untyped-def]
    title, _, text = (DATA / name).read_text("utf-8").partition("\n")
    return report_features(title, text, day, ROSTER)


def test_a_report_matching_two_events_merges_them_and_keeps_their_findings(db_url: str) -> None:
    store = open_store(db_url, auto_upgrade=True)
    opts = GroupingOptions(merge=0.8)  # merging is opt-in
    try:
        ids = wire_articles(store, "cctv", "digest", "full")

        placed: dict[str, str] = {}
        reports = [
            ("cctv", "nonparty2023_cctv_zh.txt", date(2023, 12, 7)),
            ("digest", "nonparty2023_peoplecn_en.txt", date(2023, 12, 8)),
        ]
        for name, file, day in reports:
            with store.write() as session:
                placed[name], _ = place(session, opts, ids[name], name, 1, features(file, day), NOW)
        assert placed["cctv"] != placed["digest"]  # one name in common: two events so far

        # a finding already stored (and alerted) in one of the two events
        finding = Discrepancy(
            "missing", "X is missing", ("https://wire.example/digest",), {"person": "X"}
        )
        with store.write() as session:
            stored.add_finding(
                session,
                finding_id=_finding_id(placed["digest"], finding),
                event_id=placed["digest"],
                kind=finding.kind,
                summary=finding.summary,
                reports=finding.reports,
                detail=finding.detail,
                now=NOW,
            )

        full = features("nonparty2023_xinhuanet_en.txt", date(2023, 12, 8))
        with store.write() as session:
            event, _ = place(session, opts, ids["full"], "full", 1, full, NOW)
        with store.read() as session:
            assert {m.article_id for m in stored.members(session, event)} == set(ids.values())
            gone = ({placed["cctv"], placed["digest"]} - {event}).pop()
            assert stored.get(session, gone) is None
            kept = stored.get(session, event)
            assert kept is not None and kept.day == "2023-12-07"  # the earlier of the two
            # the finding now belongs to the merged event, under the id the check derives
            # for it there: found again, it is known, so it is not alerted a second time
            assert [f.id for f in stored.findings(session, event)] == [_finding_id(event, finding)]
    finally:
        store.dispose()
