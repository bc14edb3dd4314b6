"""A feed's entries stored with fewer statements and no ORM objects where the rows' columns do
(issue 10, round 22): a first pass's new versions INSERTed by one statement executed over the
rows (not one INSERT each, as the ORM's flush sends them on SQLite to read each id back), the
feed's row updated without being read (neither by its bookkeeping nor by the evidence records),
the change and its outbox rows INSERTed without being looked up first.

Real pipeline passes over a real HTTP server and store (SQLite and PostgreSQL), the pipeline
tests' three reports; what is stored is what was stored before: every version numbered, its
record sealed with its id, exactly the edited report stored again, one change, its outbox.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from storage import changes, feeds
from storage.errors import FeedNotFound
from storage.feeds import FeedSpec
from storage.models import Article, Change, Record, Version
from tests.support.events import change_event
from tests.support.farm import Farm, three_reports
from tests.worker.pipeline.test_refresh import make_runtime, run
from worker.evidence.verify import verify
from worker.service.app import sync_feeds

pytestmark = pytest.mark.timeout(300)

PAGE = "/news/2026/1.html"
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def farm(server) -> Farm:
    return three_reports(server)


def _statements(engine: sa.Engine) -> list[str]:
    """Every statement the engine sends from now on (one per executemany), its first words."""
    seen: list[str] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _count(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(" ".join(statement.split()[:4]))

    return seen


def test_a_feeds_new_versions_go_in_one_insert_and_its_row_is_not_read(db_url, farm, server):
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec(server.url("/rss.xml"), "Test", 60)])
    sent = _statements(rt.store.engine)

    first = run(rt)

    assert first.new_versions == 3
    assert sent.count("INSERT INTO versions (article_id,") == 1  # before: 3 on SQLite
    # the feeds read once, as the pass starts; before, the feed's row twice more
    assert len([s for s in sent if s.startswith("SELECT feeds.id, feeds.url")]) == 1
    with rt.store.read() as s:
        stored = s.execute(sa.select(Version.id, Version.article_id, Version.number)).all()
        records = s.execute(
            sa.select(Record.version_id, Record.article_id, Record.number, Record.feed_id)
        ).all()
        feed_id = s.scalar(sa.select(Article.feed_id).limit(1))
    assert sorted(n for _, _, n in stored) == [1, 1, 1]
    # each record names its version's id, article and number (the ids set from the read-back)
    assert sorted(records) == sorted((i, a, n, feed_id) for i, a, n in stored)
    # the ids follow the feed's order, as the flush gave them
    assert [a for _, a, _ in sorted(stored)] == sorted(a for _, a, _ in stored)

    page = farm.pages[PAGE]
    page.paragraphs[3] = page.paragraphs[3].replace("5.2 percent", "4.9 percent")
    farm.descriptions[PAGE] = "updated"
    del sent[:]

    edited = run(rt)

    assert (edited.new_versions, edited.changes) == (1, 1)
    assert sent.count("INSERT INTO versions (article_id,") == 1
    assert not [s for s in sent if s.startswith("SELECT changes.")]  # inserted, not looked up
    with rt.store.read() as s:
        counts = dict(
            s.execute(
                sa.select(Article.url, sa.func.count(Version.id))
                .join(Version, Version.article_id == Article.id)
                .group_by(Article.url)
            ).all()
        )
        assert counts[server.url(PAGE)] == 2  # exactly the edited report stored again
        assert sum(counts.values()) == 4
        assert s.scalar(sa.select(sa.func.count()).select_from(Change)) == 1
    assert verify(rt.store).ok  # the log's chain, every record's material, every text


def test_the_bookkeeping_of_a_feed_gone_meanwhile_fails_as_before(db_url) -> None:
    rt = make_runtime(db_url)
    with pytest.raises(FeedNotFound), rt.store.write() as s:
        wait = feeds.Wait(NOW, 60, "the configured interval")
        feeds.record_ok(s, 12345, wait=wait, etag=None, last_modified=None, body_hash=None)


def test_a_change_saved_twice_is_stored_once_with_its_outbox(db_url) -> None:
    rt = make_runtime(db_url)
    sync_feeds(rt.store, [FeedSpec("https://e.org/rss", "Test", 60)])
    event = change_event("c1", detected_at=NOW)
    with rt.store.write() as s:
        feed = feeds.get_by_url(s, "https://e.org/rss")
        assert feed is not None
        article = Article(feed_id=feed.id, key="k", guid=None, url=None, title="T")
        s.add(article)
        s.flush()
        saved = [
            changes.save_with_outbox(
                s, article_id=article.id, feed_id=feed.id, event=event, channels=["a", "b"]
            )
            for _ in range(2)
        ]
    assert saved == [True, False]
    with rt.store.read() as s:
        assert [c.id for c in changes.query(s)] == ["c1"]
        assert sorted(d.channel for d in changes.delivery_states(s, ["c1"])["c1"]) == ["a", "b"]
