"""storage/browse.py on a real SQLite file and a real PostgreSQL database: keyset pages with
ties on the time, filters, the accept hook, and the read-only connection serve uses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from storage import articles, browse, changes, feeds
from storage.browse import ChangeFilter
from storage.db import Store
from storage.errors import StorageError
from storage.feeds import FeedSpec
from tests.support.events import change_event, people

T0 = datetime(2026, 11, 1, tzinfo=UTC)


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store(db_url)
    s.upgrade()
    with s.write() as session:
        for f in range(2):
            feed = feeds.add(session, FeedSpec(f"https://e.org/{f}.xml", name=f"Feed {f}"))
            for i in range(6):
                art = articles.get_or_create(
                    session,
                    feed.id,
                    f"k{i}",
                    guid=None,
                    url=f"https://e.org/{f}/{i}",
                    title=f"Report {f}-{i}",
                )
                kind = "attendees" if i % 3 == 0 else "wording"
                event = change_event(
                    f"{f}{i:03d}",
                    kind,
                    # three changes share each time: the id breaks the tie
                    T0 + timedelta(hours=i // 3),
                    summary=f"Summary {f}-{i} Storm" if i == 4 else f"Summary {f}-{i}",
                    attendees=people(["Cai Qi"] if i == 0 else ["Li Xi"]),
                )
                changes.save_with_outbox(
                    session, article_id=art.id, feed_id=feed.id, event=event, channels=[]
                )
    yield s
    s.dispose()


def ids(page: browse.Page) -> list[str]:
    return [c.id for c in page.changes]


def all_pages(store: Store, flt: ChangeFilter, limit: int, accept=None) -> list[str]:
    seen: list[str] = []
    cursor = None
    with store.read() as session:
        while True:
            page = browse.change_page(session, flt, after=cursor, limit=limit, accept=accept)
            seen += ids(page)
            if page.next is None:
                return seen
            cursor = page.next


def test_keyset_pages_are_newest_first_with_ties_broken_by_id(store: Store) -> None:
    everything = all_pages(store, ChangeFilter(), limit=100)
    assert len(everything) == 12
    expected = sorted(everything, key=lambda i: (int(i[1:]) // 3, i), reverse=True)
    assert everything == expected
    for limit in (1, 2, 5, 12):
        assert all_pages(store, ChangeFilter(), limit=limit) == everything


def test_filters_narrow_in_the_database(store: Store) -> None:
    assert len(all_pages(store, ChangeFilter(feed_url="https://e.org/1.xml"), 4)) == 6
    assert set(all_pages(store, ChangeFilter(kind="attendees"), 4)) == {
        "0000",
        "0003",
        "1000",
        "1003",
    }
    assert set(all_pages(store, ChangeFilter(text="storm"), 4)) == {"0004", "1004"}  # any case
    assert set(all_pages(store, ChangeFilter(text="REPORT 1-5"), 4)) == {"1005"}  # the title
    assert set(all_pages(store, ChangeFilter(text="100%"), 4)) == set()  # % is a character
    assert set(all_pages(store, ChangeFilter(names=("Cai Qi",)), 4)) == {"0000", "1000"}
    since = ChangeFilter(since=T0 + timedelta(hours=1))
    assert set(all_pages(store, since, 4)) == {"0003", "0004", "0005", "1003", "1004", "1005"}
    until = ChangeFilter(until=T0 + timedelta(hours=1))
    assert len(all_pages(store, until, 4)) == 6


def test_accept_filters_after_the_query_and_pages_still_join_up(store: Store) -> None:
    even = lambda c: int(c.id) % 2 == 0  # noqa: E731
    assert all_pages(store, ChangeFilter(), 2, accept=even) == [
        i for i in all_pages(store, ChangeFilter(), 100) if int(i) % 2 == 0
    ]


def test_feeds_come_with_their_newest_change(store: Store) -> None:
    with store.read() as session:
        rows = browse.feeds_with_newest(session)
    assert [(f.name, c.id if c else None) for f, c in rows] == [
        ("Feed 0", "0005"),
        ("Feed 1", "1005"),
    ]
    assert json.loads(rows[0][1].event)["kind"] == "wording"


def test_a_read_only_store_refuses_writes(store: Store) -> None:
    browse.read_only(store)
    with store.read() as session:
        assert len(browse.change_page(session, ChangeFilter(), limit=3).changes) == 3
    # SQLite: "attempt to write a readonly database"; PostgreSQL: "read-only transaction"
    with (
        pytest.raises((StorageError, sa.exc.DBAPIError), match=r"read-?only"),
        store.write() as session,
    ):
        feeds.add(session, FeedSpec("https://e.org/new.xml"))


def test_searches_go_window_by_window_and_a_page_stops_at_its_budget(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = ChangeFilter(text="Summary")
    everything = all_pages(store, text, limit=100)
    assert len(everything) == 12
    monkeypatch.setattr(browse, "CHUNK", 5)
    assert all_pages(store, text, limit=4) == everything
    assert all_pages(store, ChangeFilter(names=("Cai Qi",)), limit=1) == ["1000", "0000"]
    monkeypatch.setattr(browse, "SCAN_BUDGET", 5)
    with store.read() as session:
        page = browse.change_page(session, ChangeFilter(names=("Cai Qi",)), limit=10)
    assert page.changes == [] and page.scanned_out and page.next is not None
    # following the cursors still finds everything, once each
    assert all_pages(store, ChangeFilter(names=("Cai Qi",)), limit=10) == ["1000", "0000"]
