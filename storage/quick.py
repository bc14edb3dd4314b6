"""The store as a pass where nothing changed needs it, without SQLAlchemy (SQLite only).

`wirediff fetch` starts with this (worker/service/quick.py): the feeds' state read and, when
every feed answered 304 (or the same body), their bookkeeping written with the standard
library's sqlite3 take milliseconds, where importing SQLAlchemy and mapping the models took
~0.35 s before the first request. Whatever this module is not sure of (a store it cannot open
read-write, another schema, configured feeds not stored as configured, revisits or alerts
pending) it answers None or True for, and the pass goes through storage.db as always.

It writes one statement, the UPDATE of storage.feeds.record_unchanged, with the same values in
the same formats (tests/storage/test_quick.py compares the rows both write).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from storage.values import SCHEMA_HEAD, FeedSpec, Wait, utcnow

BUSY_TIMEOUT_MS = 30_000  # as storage.db

_FEED_COLUMNS = (
    "id, url, name, title, interval_s, follow_links, etag, last_modified, body_hash, "
    "error_count, strict_interval, hint_s, hint, category"
)

_RECORD_UNCHANGED = (
    "UPDATE feeds SET error_count = 0, last_error = NULL, last_ok_at = ?, next_fetch_at = ?, "
    "wait_s = ?, wait_reason = ?, etag = coalesce(nullif(?, ''), etag), "
    "last_modified = coalesce(nullif(?, ''), last_modified) WHERE id = ?"
)


class FeedRow(NamedTuple):
    """The columns of a feed row a pass reads (the names of storage.models.Feed's)."""

    id: int
    url: str
    name: str | None
    title: str | None
    interval_s: int
    follow_links: bool
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    error_count: int
    strict_interval: bool
    hint_s: int | None
    hint: str | None
    category: str | None


def sqlite_time(value: datetime) -> str:
    """A time as storage.models.UTCDateTime stores it in SQLite (UTC, no zone, microseconds)."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class QuickStore:
    """An open SQLite store of the current schema, read and written through sqlite3."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    @classmethod
    def open(cls, path: Path) -> QuickStore | None:
        """The store at `path`, or None when it is missing, not of the current schema or
        cannot be opened for writing (storage.db then opens it, or says what is wrong)."""
        if not path.is_file():
            return None
        try:
            con = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None
            )
        except sqlite3.Error:
            return None
        try:
            con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA synchronous=NORMAL")
            mode = con.execute("PRAGMA journal_mode").fetchone()
            head = con.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.Error:
            con.close()
            return None
        if mode is None or str(mode[0]).lower() != "wal" or head != [(SCHEMA_HEAD,)]:
            con.close()  # not a store made by this version: storage.db decides what to do
            return None
        return cls(con)

    def close(self) -> None:
        self._con.close()

    def feeds(self, specs: Sequence[FeedSpec]) -> list[FeedRow] | None:
        """Every stored feed by id (as storage.feeds.all_feeds), or None when syncing `specs`
        (storage.feeds.upsert_many) would change something: a feed to add or to update."""
        with closing(self._con.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")) as rows:
            stored = [_row(r) for r in rows]
        by_url = {row.url: row for row in stored}
        for spec in specs:
            row = by_url.get(spec.url)
            if row is None or not _in_line(row, spec):
                return None
        return stored

    def anything_pending(self, now: datetime, *, deliveries: bool) -> bool:
        """Articles due for a revisit, or (with `deliveries`: alert channels configured)
        alerts not delivered yet: work only the whole pipeline does."""
        due = self._con.execute(
            "SELECT 1 FROM articles WHERE next_check_at IS NOT NULL AND next_check_at <= ? LIMIT 1",
            (sqlite_time(now),),
        ).fetchone()
        if due is not None:
            return True
        if not deliveries:
            return False
        pending = self._con.execute(
            "SELECT 1 FROM deliveries WHERE state = 'pending' LIMIT 1"
        ).fetchone()
        return pending is not None

    def record_unchanged(self, feeds: Sequence[tuple[int, Wait, str | None, str | None]]) -> None:
        """storage.feeds.record_unchanged: one UPDATE executed over the rows, in one
        transaction; a feed removed meanwhile is skipped. sqlite3.Error on failure."""
        if not feeds:
            return
        now = sqlite_time(utcnow())
        rows = [
            (
                now,
                sqlite_time(wait.next_fetch_at),
                wait.seconds,
                wait.reason[:256],
                etag,
                last_modified,
                feed_id,
            )
            for feed_id, wait, etag, last_modified in feeds
        ]
        with self._transaction():
            self._con.executemany(_RECORD_UNCHANGED, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")


def _row(values: tuple[object, ...]) -> FeedRow:
    row = FeedRow(*values)  # type: ignore[arg-type]
    return row._replace(
        follow_links=bool(row.follow_links), strict_interval=bool(row.strict_interval)
    )


def _in_line(row: FeedRow, spec: FeedSpec) -> bool:
    """Whether storage.feeds._update would leave the stored row as it is."""
    return (
        (not spec.name or spec.name == row.name)
        and spec.interval_s == row.interval_s
        and spec.follow_links == row.follow_links
        and (not spec.category or spec.category == row.category)
        and spec.strict_interval == row.strict_interval
    )
