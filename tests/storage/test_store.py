"""The store on a real SQLite file and a real PostgreSQL database (db_url fixture)."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from storage import articles, bodies, changes, deliveries, feeds, versions
from storage.db import SCHEMA_HEAD, Store, check_url, open_store
from storage.errors import (
    DuplicateFeed,
    FeedNotFound,
    SchemaOutdated,
    StoreConflict,
    StoreMissing,
    StoreUnavailable,
    StoreURLError,
)
from storage.feeds import FeedSpec
from storage.models import Article, Body, Delivery
from storage.versions import NewVersion
from tests.support.events import change_event

NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
ROOT = Path(__file__).parents[2]


def _version(text: str, title: str = "T", link: str = "https://e.org/a") -> NewVersion:
    return NewVersion(title, link, NOW, text, "raw", "page", "trafilatura", "2.0")


@pytest.fixture
def store(db_url: str) -> Store:
    s = Store(db_url)
    s.upgrade()
    yield s
    s.dispose()


def test_upgrade_reaches_head_and_is_idempotent(store: Store) -> None:
    assert store.current_revision() == store.head_revision()
    assert store.upgrade() == store.head_revision()


def test_versions_are_numbered_stored_once_and_round_trip(store: Store) -> None:
    text = "Li Qiang, Zhao Leji and Wang Huning attended the meeting. " * 40
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k1", guid="g", url="https://e.org/a", title="T")
        v1 = versions.add(s, art, _version(text), None)
        assert not versions.differs(v1, _version(text))
        assert versions.differs(v1, _version(text, title="T2"))
        assert versions.differs(v1, _version(text, link="https://e.org/b"))
        v2 = versions.add(s, art, _version(text + " Changed."), v1)
        # the same text in another article is stored once
        art2 = articles.get_or_create(s, feed.id, "k2", guid=None, url=None, title="T")
        versions.add(s, art2, _version(text), None)
    with store.read() as s:
        assert [v.number for v in versions.history(s, art.id)] == [1, 2]
        assert versions.text_of(s, v2).endswith("Changed.")
        assert s.scalar(sa.select(sa.func.count()).select_from(Body)) == 2
        stored = s.get(Body, bodies.text_hash(text))
        assert stored is not None and len(stored.data) < len(text.encode()) / 5
        assert v1.fetched_at.tzinfo is not None


def test_version_numbers_are_unique_per_article(store: Store) -> None:
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k", guid=None, url=None, title="T")
        versions.add(s, art, _version("a"), None)
        feed_id, art_id = feed.id, art.id
    with pytest.raises(StoreConflict), store.write() as s:
        art = articles.get_or_create(s, feed_id, "k", guid=None, url=None, title="T")
        versions.add(s, art, _version("b"), None)  # a second "version 1"
    with store.read() as s:
        assert len(versions.history(s, art_id)) == 1


def test_change_and_outbox_rows_commit_together_once(store: Store) -> None:
    event = change_event("c1", detected_at=NOW)
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k", guid=None, url=None, title="T")
        assert changes.save_with_outbox(
            s, article_id=art.id, feed_id=feed.id, event=event, channels=["email:1", "webhook:2"]
        )
        assert not changes.save_with_outbox(
            s, article_id=art.id, feed_id=feed.id, event=event, channels=["email:1"]
        )
    with store.read() as s:
        rows = changes.query(s)
        assert [changes.event_of(r)["id"] for r in rows] == ["c1"]
        assert sorted(d.channel for d in deliveries.pending(s)) == ["email:1", "webhook:2"]


def test_a_failing_transaction_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as s:
        feeds.add(s, FeedSpec("https://e.org/rss"))
        raise RuntimeError("crash mid-transaction")
    with store.read() as s:
        assert feeds.all_feeds(s) == []


def test_deliveries_claimed_by_one_worker_until_the_claim_lapses(store: Store) -> None:
    event = change_event("c1", detected_at=NOW)
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k", guid=None, url=None, title="T")
        changes.save_with_outbox(s, article_id=art.id, feed_id=feed.id, event=event, channels=["w"])
    later = datetime.now(UTC) + timedelta(seconds=1)
    with store.write() as s:
        assert len(deliveries.claim_due(s, later, "a", channels=["w"])) == 1
    with store.write() as s:
        assert deliveries.claim_due(s, later, "b", channels=["w"]) == []
    with store.write() as s:  # worker a died: the claim lapses
        claimed = deliveries.claim_due(s, later + timedelta(minutes=6), "b", channels=["w"])
        assert [d.claimed_by for d in claimed] == ["b"]
        deliveries.mark_sent(s, claimed[0].id, later)
    with store.read() as s:
        assert deliveries.undelivered(s) == []
        assert s.scalars(sa.select(Delivery)).one().state == "sent"


def test_feeds_add_remove_and_errors(store: Store) -> None:
    with store.write() as s:
        feeds.add(s, FeedSpec("https://e.org/rss", "E", 60))
    with pytest.raises(DuplicateFeed), store.write() as s:
        feeds.add(s, FeedSpec("https://e.org/rss"))
    with store.write() as s:
        f = feeds.get_by_url(s, "https://e.org/rss")
        assert f is not None
        assert feeds.record_error(s, f.id, "boom", next_fetch_at=NOW) == 1
        assert feeds.record_error(s, f.id, "boom", next_fetch_at=NOW) == 2
    with store.read() as s:
        f = feeds.get_by_url(s, "https://e.org/rss")
        assert f is not None and f.error_count == 2 and f.last_error == "boom"
    with store.write() as s:
        feeds.remove(s, "https://e.org/rss")
    with pytest.raises(FeedNotFound), store.write() as s:
        feeds.remove(s, "https://e.org/rss")


def test_upsert_many_adds_in_order_once_per_url_and_keeps_state(store: Store) -> None:
    """New feeds go in with one flush, in the order given; a URL listed twice is one feed
    with the later spec's settings; a stored feed keeps its id and state."""
    with store.write() as s:
        feeds.add(s, FeedSpec("https://e.org/old", "Old", 60))
    with store.write() as s:
        old = feeds.get_by_url(s, "https://e.org/old")
        assert old is not None
        feeds.record_error(s, old.id, "boom", next_fetch_at=NOW)
        old_id = old.id
    specs = [
        FeedSpec("https://e.org/b", "B", 120),
        FeedSpec("https://e.org/old", "Renamed", 60),
        FeedSpec("https://e.org/a", "A", 300, follow_links=False, category="news"),
        FeedSpec("https://e.org/b", "B2", 240, strict_interval=True),
    ]
    with store.write() as s:
        feeds.upsert_many(s, specs)
    with store.read() as s:
        rows = [(f.url, f.name, f.interval_s) for f in feeds.all_feeds(s)]
        by_url = {f.url: f for f in feeds.all_feeds(s)}
        assert sorted(rows) == [
            ("https://e.org/a", "A", 300),
            ("https://e.org/b", "B2", 240),
            ("https://e.org/old", "Renamed", 60),
        ]
        assert by_url["https://e.org/b"].id < by_url["https://e.org/a"].id  # order given
        assert by_url["https://e.org/b"].strict_interval is True
        assert by_url["https://e.org/a"].follow_links is False
        assert by_url["https://e.org/a"].category == "news"
        assert by_url["https://e.org/old"].id == old_id
        assert by_url["https://e.org/old"].error_count == 1
    with store.write() as s:
        feeds.upsert_many(s, specs)  # nothing new: nothing added
    with store.read() as s:
        assert len(feeds.all_feeds(s)) == 3


def test_backoff_doubles_from_the_interval_up_to_the_cap() -> None:
    delays = [feeds.backoff_delay(600, n).total_seconds() for n in range(1, 6)]
    assert delays == [600, 1200, 2400, 3600, 3600]
    assert feeds.backoff_delay(7200, 3).total_seconds() == 7200  # cap is max(interval, 1h)


def test_unknown_database_urls_are_refused() -> None:
    for url in ("mysql://x@y/z", "not a url", "oracle://a"):
        with pytest.raises(StoreURLError):
            check_url(url)


def test_sqlite_store_is_migrated_on_first_use(tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'sub' / 'new.db'}")
    assert store.current_revision() == store.head_revision()


def test_postgres_store_is_not_migrated_behind_the_users_back(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    with pytest.raises(SchemaOutdated):
        open_store(db_url)


def test_a_locked_sqlite_store_waits_then_fails_clearly(tmp_path) -> None:
    path = tmp_path / "locked.db"
    store = Store(f"sqlite:///{path}", busy_timeout_ms=300)
    store.upgrade()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreUnavailable, match="locked"), store.write() as s:
            feeds.add(s, FeedSpec("https://e.org/rss"))
    finally:
        holder.rollback()
        holder.close()
    with store.write() as s:  # and works again once the other process lets go
        feeds.add(s, FeedSpec("https://e.org/rss"))


def test_a_down_database_is_a_clear_error() -> None:
    store = Store("postgresql+psycopg://postgres@127.0.0.1:1/none")
    with pytest.raises(StoreUnavailable, match=r"127\.0\.0\.1"):
        store.current_revision()


def test_writes_from_many_threads_all_land_on_sqlite(tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'threads.db'}")
    store.upgrade()

    def add(i: int) -> None:
        with store.write() as s:
            feeds.add(s, FeedSpec(f"https://e.org/{i}"))

    threads = [threading.Thread(target=add, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with store.read() as s:
        assert len(feeds.all_feeds(s)) == 20


def test_later_versions_are_stored_as_small_deltas_and_read_back(store: Store) -> None:
    rng = random.Random(3)
    words = [
        "meeting",
        "Beijing",
        "cooperation",
        "development",
        "security",
        "said",
        "percent",
        "province",
        "reform",
        "market",
        "trade",
        "energy",
        "policy",
        "council",
        "ministry",
    ]
    text = " ".join(
        f"Sentence {i} " + " ".join(rng.choice(words) for _ in range(12)) + "." for i in range(300)
    )
    texts = [text.replace(f"Sentence {n} ", f"Clause {n} ") for n in range(12)]
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k", guid=None, url=None, title="T")
        previous = None
        for t in texts:
            previous = versions.add(s, art, _version(t), previous)
    with store.read() as s:
        stored = [s.get(Body, bodies.text_hash(t)) for t in texts]
        full, later = stored[0], stored[1:]
        assert all(len(b.data) < len(full.data) / 5 for b in later[:7])
        # chains are capped: a full copy is stored again after MAX_CHAIN deltas
        assert sum(not b.data.startswith(b"D") for b in stored) >= 2
        assert [versions.text_of(s, v) for v in versions.history(s, art.id)] == texts


def test_the_schema_head_constant_is_alembics_head(tmp_path) -> None:
    from storage.db import SCHEMA_HEAD

    assert Store(f"sqlite:///{tmp_path / 'h.db'}").head_revision() == SCHEMA_HEAD


def test_a_new_sqlite_store_opened_by_several_at_once_is_created_once(tmp_path) -> None:
    # Two commands on a new WIREDIFF_HOME at the same moment both find no schema; the second
    # must wait for the first one's migration, not fail with "table ... already exists".
    for round_ in range(6):
        url = f"sqlite:///{tmp_path / str(round_) / 'wirediff.db'}"
        errors = _open_at_once(url, 3)
        assert errors == []
        assert Store(url).current_revision() == SCHEMA_HEAD


def _open_at_once(url: str, n: int) -> list[BaseException]:
    start = threading.Barrier(n)
    errors: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            open_store(url).dispose()
        except BaseException as err:  # collected for the caller's assertion
            errors.append(err)

    threads = [threading.Thread(target=open_it) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return errors


def test_read_only_opening_never_creates_a_store(tmp_path) -> None:
    missing = tmp_path / "no" / "dir" / "x.db"
    with pytest.raises(StoreMissing, match=f"no store at {missing}"):
        open_store(f"sqlite:///{missing}", create=False)
    assert not (tmp_path / "no").exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreMissing, match="not a wirediff store"):
        open_store(f"sqlite:///{empty}", create=False)
    assert empty.read_bytes() == b""
    with pytest.raises(StoreURLError, match="is a directory"):
        open_store(f"sqlite:///{tmp_path}")


def test_a_file_that_is_no_sqlite_database_is_refused_untouched(tmp_path) -> None:
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_bytes(b"these are notes, not a database\n" * 20)
    for create in (True, False):
        with pytest.raises(StoreURLError, match=f"store {not_a_store} is not an SQLite database"):
            open_store(f"sqlite:///{not_a_store}", create=create)
    assert not_a_store.read_bytes() == b"these are notes, not a database\n" * 20


def test_upgrading_a_store_of_every_older_schema_keeps_every_row(db_url: str) -> None:
    """Each migration from the first schema on, with data in the store: nothing is lost (a
    table rebuilt by a migration on SQLite would cascade its deletes to articles and versions)."""
    from alembic import command

    store = Store(db_url)
    cfg = store._alembic_config()
    text = "the first text"
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")  # the first schema, filled the way it was then
        conn.execute(
            sa.text(
                "INSERT INTO feeds (id, url, interval_s, follow_links, error_count, created_at) "
                "VALUES (1, 'https://example.org/rss', 60, true, 0, '2026-11-01 00:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, feed_id, key, url, state, first_seen, last_seen, "
                "checks_done) VALUES (1, 1, 'k', 'https://example.org/a', 'live', "
                "'2026-11-01 00:00:00', '2026-11-01 00:00:00', 0)"
            )
        )
        conn.execute(
            sa.text("INSERT INTO bodies (hash, size, data) VALUES (:h, :s, :d)"),
            {"h": bodies.text_hash(text), "s": len(text), "d": bodies.compress(text)},
        )
        conn.execute(
            sa.text(
                "INSERT INTO versions (article_id, number, fetched_at, title, text_hash, source) "
                "VALUES (1, 1, '2026-11-01 12:00:00', 'T', :h, 'feed')"
            ),
            {"h": bodies.text_hash(text)},
        )
    assert store.upgrade() == SCHEMA_HEAD
    with store.read() as session:
        counts = [
            session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("feeds", "articles", "versions", "bodies")
        ]
    assert counts == [1, 1, 1, 1]


def _schema(path) -> list[tuple[str, str, str, str | None]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")
        return list(rows)


def test_a_new_sqlite_store_has_the_migrations_schema_made_without_alembic(tmp_path) -> None:
    # A first `wirediff fetch` creates its store before its first request: replaying the
    # migrations' schema took ~25 ms of CPU there against ~0.3 s through Alembic.
    from storage import sqlite_schema
    from storage.schema_dump import migrated_schema

    revision, statements = migrated_schema()
    # Fails after a new migration: run `python -m storage.schema_dump` (until then new stores
    # are made by Alembic, test below).
    assert (sqlite_schema.REVISION, list(sqlite_schema.STATEMENTS)) == (revision, statements)
    by_alembic, replayed = tmp_path / "alembic.db", tmp_path / "new" / "wirediff.db"
    Store(f"sqlite:///{by_alembic}").upgrade()
    code = (
        "import sys; from storage.db import open_store; "
        f"open_store({f'sqlite:///{replayed}'!r}).dispose(); "
        "print(sorted(m for m in ('alembic', 'mako') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
    assert _schema(replayed) == _schema(by_alembic)  # same objects, same SQL, same order
    store = Store(f"sqlite:///{replayed}")
    assert store.current_revision() == SCHEMA_HEAD == store.upgrade()  # later migrations start here
    with sqlite3.connect(replayed) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with store.write() as s:  # and it stores
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        art = articles.get_or_create(s, feed.id, "k1", guid="g", url="https://e.org/a", title="T")
        versions.add(s, art, _version("A text."), None)
    store.dispose()


def test_new_sqlite_stores_go_through_the_migrations_when_the_schema_file_is_behind(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage import sqlite_schema

    monkeypatch.setattr(sqlite_schema, "REVISION", "0005_events")  # a migration added since
    monkeypatch.setattr(sqlite_schema, "STATEMENTS", ("CREATE TABLE wrong (x INTEGER)",))
    path = tmp_path / "wirediff.db"
    open_store(f"sqlite:///{path}").dispose()
    assert Store(f"sqlite:///{path}").current_revision() == SCHEMA_HEAD
    assert "wrong" not in {name for _, name, _, _ in _schema(path)}


def test_an_sqlite_file_holding_other_tables_is_migrated_as_before(tmp_path) -> None:
    # Not empty: the schema is not replayed over what is there; Alembic adds wirediff's tables.
    path = tmp_path / "shared.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('kept')")
    open_store(f"sqlite:///{path}").dispose()
    assert Store(f"sqlite:///{path}").current_revision() == SCHEMA_HEAD
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT body FROM notes").fetchall() == [("kept",)]


def test_a_feeds_new_articles_are_created_in_one_insert_in_the_order_listed(
    store: Store,
) -> None:
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        old = articles.get_or_create(s, feed.id, "k0", guid=None, url=None, title="T0")
    listed = [
        ("k2", "g2", "https://e.org/2", "Two"),
        ("k0", None, None, "T0"),
        ("k1", None, "https://e.org/1", "One"),
        ("k2", "g2", "https://e.org/2", "Two"),  # listed twice: one article
    ]
    with store.write() as s:
        found, created = articles.get_or_create_many(s, feed.id, listed)
        assert created == {"k1", "k2"} and found["k0"].id == old.id
        assert found["k2"].id < found["k1"].id  # in the order the feed lists them
        new = found["k1"]
        assert (new.guid, new.url, new.title, new.state, new.checks_done) == (
            None,
            "https://e.org/1",
            "One",
            "live",
            0,
        )
        assert new.first_seen.tzinfo is not None
        assert timedelta(0) <= new.last_seen - new.first_seen < timedelta(seconds=1)
    with store.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Article)) == 3


def test_a_feeds_listing_marks_the_articles_that_left_it_and_came_back(store: Store) -> None:
    """record_ok's listing: an article missing from the parse left the feed then (an earlier
    time kept), one listed again is back in it; more articles than one statement's ids."""
    keys = [f"k{i}" for i in range(1203)]
    with store.write() as s:
        feed = feeds.add(s, FeedSpec("https://e.org/rss"))
        articles.get_or_create_many(s, feed.id, [(k, None, None, k) for k in keys])

    def parse(listed: list[str], at: datetime) -> dict[str, datetime | None]:
        wait = feeds.Wait(at + timedelta(hours=1), 3600, "the configured interval")  # (unread)
        listing = feeds.Listing(frozenset(listed), len(listed), {}, None)
        with store.write() as s:
            feeds.record_ok(
                s, feed.id, wait=wait, etag=None, last_modified=None, body_hash=None,
                listing=listing,
            )  # fmt: skip
        with store.read() as s:
            rows = s.execute(sa.select(Article.key, Article.left_feed_at))
            return {key: left for key, left in rows}

    first = parse(keys[:3], NOW)  # 1,200 left, now
    assert {k for k, left in first.items() if left is None} == set(keys[:3])
    (left_at,) = {first[k] for k in keys[3:]}
    assert left_at is not None
    second = parse([*keys[:2], *keys[600:], "unknown"], NOW)  # k2 leaves, 603 come back
    assert second["k2"] is not None and second["k2"] >= left_at
    assert second["k3"] == left_at  # it left before: its time kept
    assert {k for k, left in second.items() if left is None} == {*keys[:2], *keys[600:]}
