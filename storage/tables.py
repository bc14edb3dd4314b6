"""The store's tables as SQLAlchemy Core `Table` objects: the one schema.

`wirediff fetch` reads and writes the store through these and a `Connection` (storage.db's
`Store.connect` and `Store.begin`), never importing SQLAlchemy's ORM (~440 M instructions of
imports and mapper configuration a pass, issue 10, round 23). storage/models.py maps its ORM
classes onto these very tables for the commands that use objects; Alembic's migrations make
them (storage/migrations; tests/storage/test_tables.py compares the two). Times are
timezone-aware UTC; SQLite stores them as ISO text via UTCDateTime.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storage.values import utcnow

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy.orm import Session

    # What the store's functions take: the fetch path's Core connection, or an ORM session
    # (the other commands'), whose execute() runs the same Core statements in its transaction.
    Conn: TypeAlias = sa.Connection | Session


def dialect_of(conn: Conn) -> sa.Dialect:
    """The dialect of a connection or of a session's bind."""
    return conn.dialect if isinstance(conn, sa.Connection) else conn.get_bind().dialect


def flushed(conn: Conn) -> sa.Connection | Session:
    """`conn`, with a session's pending objects flushed first (a Core statement run through a
    session does not flush it, and may refer to rows the session holds)."""
    if not isinstance(conn, sa.Connection):
        conn.flush()
    return conn


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every dialect (SQLite drops tzinfo otherwise)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # SQLite hands back ISO text
            value = datetime.fromisoformat(value)
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = sa.MetaData()

# strict_interval: the configured interval wins over the feed's hints (ttl, sy:updatePeriod,
# Cache-Control); hint_s, hint: the feed's own update hint as last parsed, and its source;
# wait_s, wait_reason: the wait after the last success and what set it; last_entries,
# fell_back, fell_back_reasons: of the last pass that parsed the feed, its entries and those
# that took the feed's own text because their page could not be used, by reason (JSON).
feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.String(2048), nullable=False, unique=True),
    sa.Column("name", sa.String(512), nullable=True),
    sa.Column("title", sa.String(1024), nullable=True),
    sa.Column("category", sa.String(512), nullable=True),
    sa.Column("interval_s", sa.Integer, nullable=False, default=900),
    sa.Column("follow_links", sa.Boolean, nullable=False, default=True),
    sa.Column("etag", sa.String(1024), nullable=True),
    sa.Column("last_modified", sa.String(128), nullable=True),
    sa.Column("body_hash", sa.String(64), nullable=True),
    sa.Column("next_fetch_at", UTCDateTime, nullable=True, index=True),
    sa.Column("error_count", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("last_ok_at", UTCDateTime, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False, default=utcnow),
    sa.Column(
        "strict_interval", sa.Boolean, nullable=False, default=False, server_default=sa.false()
    ),
    sa.Column("hint_s", sa.Integer, nullable=True),
    sa.Column("hint", sa.String(256), nullable=True),
    sa.Column("wait_s", sa.Integer, nullable=True),
    sa.Column("wait_reason", sa.String(256), nullable=True),
    sa.Column("last_entries", sa.Integer, nullable=True),
    sa.Column("fell_back", sa.Integer, nullable=False, default=0, server_default="0"),
    sa.Column("fell_back_reasons", sa.Text, nullable=True),
)

# state: live | removed; left_feed_at None: in its feed.
articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "feed_id",
        sa.Integer,
        sa.ForeignKey("feeds.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("key", sa.String(2048), nullable=False),
    sa.Column("guid", sa.String(2048), nullable=True),
    sa.Column("url", sa.String(2048), nullable=True, index=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("item_hash", sa.String(64), nullable=True),
    sa.Column("page_etag", sa.String(1024), nullable=True),
    sa.Column("page_last_modified", sa.String(128), nullable=True),
    sa.Column("state", sa.String(16), nullable=False, default="live"),
    sa.Column("first_seen", UTCDateTime, nullable=False, default=utcnow),
    sa.Column("last_seen", UTCDateTime, nullable=False, default=utcnow),
    sa.Column("next_check_at", UTCDateTime, nullable=True, index=True),
    sa.Column("checks_done", sa.Integer, nullable=False, default=0),
    sa.Column("left_feed_at", UTCDateTime, nullable=True),
    sa.UniqueConstraint("feed_id", "key", name="uq_articles_feed_key"),
)

# Normalized texts, zstd-compressed, deduplicated by the hash of the text (storage/bodies.py).
bodies = sa.Table(
    "bodies",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

# source: page | feed. people: the people read in the text (JSON, worker/pipeline/snapshot.py)
# and people_key the reading that read them (worker.ingest.reading_key); None before 0009.
versions = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("fetched_at", UTCDateTime, nullable=False, default=utcnow),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("link", sa.String(2048), nullable=True),
    sa.Column("published", UTCDateTime, nullable=True),
    sa.Column("text_hash", sa.String(64), sa.ForeignKey("bodies.hash"), nullable=False),
    sa.Column("raw_hash", sa.String(64), nullable=True),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("extractor", sa.String(64), nullable=True),
    sa.Column("extractor_version", sa.String(32), nullable=True),
    sa.Column("people", sa.Text, nullable=True),
    sa.Column("people_key", sa.String(64), nullable=True),
    sa.UniqueConstraint("article_id", "number", name="uq_versions_article_number"),
)

# event: the change event JSON, exactly as emitted; the index on (feed_id, detected_at, id):
# each feed's newest change, and one feed's changes newest first (serve).
changes = sa.Table(
    "changes",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "feed_id",
        sa.Integer,
        sa.ForeignKey("feeds.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("from_version", sa.Integer, nullable=True),
    sa.Column("to_version", sa.Integer, nullable=True),
    sa.Column("detected_at", UTCDateTime, nullable=False, index=True, default=utcnow),
    sa.Column("similarity", sa.Double, nullable=False, default=1.0),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("event", sa.Text, nullable=False),
    sa.UniqueConstraint(
        "article_id", "from_version", "to_version", "kind", name="uq_changes_article_versions_kind"
    ),
    sa.Index("ix_changes_feed_detected_id", "feed_id", "detected_at", "id"),
)

# The alert outbox: one row per change and channel, written with the change.
# state: pending | sent | failed.
deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "change_id", sa.String(64), sa.ForeignKey("changes.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("channel", sa.String(128), nullable=False),
    sa.Column("state", sa.String(16), nullable=False, index=True, default="pending"),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("next_attempt_at", UTCDateTime, nullable=False, index=True, default=utcnow),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False, default=utcnow),
    sa.Column("sent_at", UTCDateTime, nullable=True),
    sa.Column("claimed_by", sa.String(128), nullable=True),
    sa.Column("claimed_until", UTCDateTime, nullable=True),
    sa.UniqueConstraint("change_id", "channel", name="uq_deliveries_change_channel"),
)

# One person in one list of a report's latest version (people over time): version, the number
# the lists were read from; date, the report's; name as written; position 1-based in its list;
# colisted, JSON: the list's canonical names, in order.
appearances = sa.Table(
    "appearances",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("language", sa.String(16), nullable=False),
    sa.Column("canonical", sa.String(256), nullable=False),
    sa.Column("name", sa.String(256), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("list_index", sa.Integer, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("colisted", sa.Text, nullable=False),
    sa.Column("event_id", sa.String(64), nullable=True),
    sa.Index("ix_appearances_canonical_date", "canonical", "date"),
)

# -- evidence (issue 15): raw captures and the append-only log of records --------------------

# A captured response body, zstd-compressed, stored once per SHA-256 of its bytes. place: "db"
# (data holds the frame), "dir" (a file in the capture directory), or "pruned" (dropped by
# `[storage] keep_raw`; the digest stays, so the chain still holds).
capture_blobs = sa.Table(
    "capture_blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("place", sa.String(8), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=True),
    sa.Column("stored_at", UTCDateTime, nullable=False, default=utcnow),
)

# One HTTP exchange behind a version or a takedown; `digest` commits to every field. Headers:
# JSON [[name, value], ...] in the order received; redirects JSON [{url, status, headers}, ...].
captures = sa.Table(
    "captures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("digest", sa.String(64), nullable=False, unique=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("final_url", sa.Text, nullable=False),
    sa.Column("status", sa.Integer, nullable=False),
    sa.Column("reason", sa.String(256), nullable=False),
    sa.Column("http_version", sa.String(16), nullable=False),
    sa.Column("requested_at", UTCDateTime, nullable=False, index=True),
    sa.Column("peer", sa.String(128), nullable=True),
    sa.Column("request_headers", sa.Text, nullable=False),
    sa.Column("response_headers", sa.Text, nullable=False),
    sa.Column("redirects", sa.Text, nullable=False),
    sa.Column("body_sha256", sa.String(64), nullable=False, index=True),
    sa.Column("body_size", sa.BigInteger, nullable=False),
)

# The append-only log: one row per version, takedown or feed removal, in `seq` order. No
# foreign keys on purpose: a record outlives a tampered or deleted row it names, which is how
# `wirediff verify` finds the deletion. kind: version | removed | feed_removed; note: the
# takedown's reason, a removed feed's URL.
records = sa.Table(
    "records",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("feed_id", sa.Integer, nullable=False),
    sa.Column("article_id", sa.Integer, nullable=True),
    sa.Column("version_id", sa.Integer, nullable=True, index=True),
    sa.Column("number", sa.Integer, nullable=True),
    sa.Column("capture_id", sa.Integer, nullable=True),
    sa.Column("text_hash", sa.String(64), nullable=True),
    sa.Column("capture_digest", sa.String(64), nullable=True),
    sa.Column("adopted", sa.Boolean, nullable=False, default=False),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("created_at", UTCDateTime, nullable=False, index=True, default=utcnow),
    sa.Column("prev_hash", sa.String(64), nullable=True),
    sa.Column("record_hash", sa.String(64), nullable=False),
    sa.Column("chain_hash", sa.String(64), nullable=False),
    sa.Index("ix_records_article_seq", "article_id", "seq"),
)

# -- events (issue 13): reports of one occasion grouped, and where they disagree ------------

# One real-world occasion that several reports describe; `id` comes from its first report, day
# (YYYY-MM-DD) is the first report's.
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("day", sa.String(10), nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False, default=utcnow),
    sa.Column("updated_at", UTCDateTime, nullable=False, index=True, default=utcnow),
)

# A report's (latest version's) place in an event, with the features grouping read
# (worker.detect.events.Features JSON).
event_reports = sa.Table(
    "event_reports",
    metadata,
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "event_id",
        sa.String(32),
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("day", sa.String(10), nullable=False),
    sa.Column("score", sa.Double, nullable=False, default=1.0),
    sa.Column("reason", sa.String(64), nullable=False, default=""),
    sa.Column("features", sa.Text, nullable=False),
    sa.Column("joined_at", UTCDateTime, nullable=False, default=utcnow),
)

# The candidate index: a report's canonical people and title terms, with its day (the index on
# (key, day, article_id) covers the candidate query: it never reads the table).
event_keys = sa.Table(
    "event_keys",
    metadata,
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("day", sa.String(10), nullable=False),
    sa.Index("ix_event_keys_key_day_article", "key", "day", "article_id"),
)

# A discrepancy found in an event; its id is stable, so a finding is alerted once. reports:
# JSON list of report URLs; detail: JSON object.
event_findings = sa.Table(
    "event_findings",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column(
        "event_id",
        sa.String(32),
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("reports", sa.Text, nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("found_at", UTCDateTime, nullable=False, default=utcnow),
)

# An event merged into another (one occasion that reached the store as two events): its id
# still finds the event it became part of (`wirediff events show OLD_ID`).
event_redirects = sa.Table(
    "event_redirects",
    metadata,
    sa.Column("old_id", sa.String(32), primary_key=True),
    sa.Column(
        "event_id",
        sa.String(32),
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("merged_at", UTCDateTime, nullable=False, default=utcnow),
)
