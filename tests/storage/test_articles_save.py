"""articles.save: the fetch path's changes to stored articles written back as the ORM's flush
wrote them, only the columns that changed (issue 10, round 23)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from storage import articles, feeds
from storage.db import Store
from storage.values import FeedSpec


def test_only_the_changed_columns_of_the_changed_rows_are_written(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    store.ensure_schema(auto_upgrade=True)
    try:
        with store.begin() as conn:
            feeds.upsert_many(conn, [FeedSpec("https://e.org/rss")])
            (feed,) = feeds.states(conn)
            entries = [(k, None, f"https://e.org/{k}", k) for k in ("a", "b", "c")]
            found, _ = articles.get_or_create_many(conn, feed.id, entries)
        statements: list[str] = []

        def seen(conn, cursor, statement, *_):
            if statement.startswith("UPDATE"):
                statements.append(statement)

        sa.event.listen(store.engine, "before_cursor_execute", seen)
        with store.begin() as conn:
            rows = articles.get_or_create_many(conn, feed.id, entries)[0]
            rows["a"].title = "A, retitled"
            rows["b"].state, rows["b"].checks_done = "removed", 1
            articles.save(conn, rows.values())
            articles.save(conn, rows.values())  # nothing changed since: nothing written
        assert sorted(s.split(" WHERE")[0] for s in statements) == [
            "UPDATE articles SET state=?, checks_done=?",
            "UPDATE articles SET title=?",
        ]
        with store.connect() as conn:
            stored = {r.key: r for r in conn.execute(sa.select(articles.table))}
        assert (stored["a"].title, stored["a"].state) == ("A, retitled", "live")
        assert (stored["b"].title, stored["b"].state, stored["b"].checks_done) == (
            "b",
            "removed",
            1,
        )
        assert (stored["c"].title, stored["c"].last_seen) == ("c", found["c"].last_seen)
    finally:
        store.dispose()
