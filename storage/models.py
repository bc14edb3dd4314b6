"""Tables. Times are timezone-aware UTC; SQLite stores them as ISO text via UTCDateTime."""

# No `from __future__ import annotations` here: with it every `Mapped[...]` annotation is a string
# that SQLAlchemy parses and evaluates when the class is mapped; without it Python evaluates them
# once, as the class is defined. The same types, mapped alike; importing this module took 190.7 M
# instructions, 168.9 M without (-11%), paid by every pass that stores something (bench/README.md,
# issue 10, round 16, branch issue-edit16).
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.values import utcnow as utcnow  # defined there, used from here too


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


class Base(DeclarativeBase):
    pass


class Feed(Base):
    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(sa.String(2048), unique=True)
    name: Mapped[str | None] = mapped_column(sa.String(512))
    title: Mapped[str | None] = mapped_column(sa.String(1024))
    category: Mapped[str | None] = mapped_column(sa.String(512))
    interval_s: Mapped[int] = mapped_column(default=900)
    follow_links: Mapped[bool] = mapped_column(default=True)
    etag: Mapped[str | None] = mapped_column(sa.String(1024))
    last_modified: Mapped[str | None] = mapped_column(sa.String(128))
    body_hash: Mapped[str | None] = mapped_column(sa.String(64))
    next_fetch_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    error_count: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    last_ok_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the configured interval wins over the feed's hints (ttl, sy:updatePeriod, Cache-Control)
    strict_interval: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # the feed's own update hint (<ttl>, sy:updatePeriod), as last parsed, and its source
    hint_s: Mapped[int | None]
    hint: Mapped[str | None] = mapped_column(sa.String(256))
    # the wait after the last success (the effective interval) and what set it
    wait_s: Mapped[int | None]
    wait_reason: Mapped[str | None] = mapped_column(sa.String(256))
    # of the last pass that parsed the feed: entries, and those that took the feed's own text
    # because their page could not be used, by reason (JSON object)
    last_entries: Mapped[int | None]
    fell_back: Mapped[int] = mapped_column(default=0, server_default="0")
    fell_back_reasons: Mapped[str | None] = mapped_column(sa.Text)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (sa.UniqueConstraint("feed_id", "key", name="uq_articles_feed_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(sa.ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(sa.String(2048))
    guid: Mapped[str | None] = mapped_column(sa.String(2048))
    url: Mapped[str | None] = mapped_column(sa.String(2048), index=True)
    title: Mapped[str | None] = mapped_column(sa.Text)
    item_hash: Mapped[str | None] = mapped_column(sa.String(64))
    page_etag: Mapped[str | None] = mapped_column(sa.String(1024))
    page_last_modified: Mapped[str | None] = mapped_column(sa.String(128))
    state: Mapped[str] = mapped_column(sa.String(16), default="live")  # live | removed
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    checks_done: Mapped[int] = mapped_column(default=0)
    left_feed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # None: in its feed


class Body(Base):
    """Normalized texts, zstd-compressed, deduplicated by the hash of the text."""

    __tablename__ = "bodies"

    hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)


class Version(Base):
    __tablename__ = "versions"
    __table_args__ = (
        sa.UniqueConstraint("article_id", "number", name="uq_versions_article_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(sa.ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int]
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    title: Mapped[str | None] = mapped_column(sa.Text)
    link: Mapped[str | None] = mapped_column(sa.String(2048))
    published: Mapped[datetime | None] = mapped_column(UTCDateTime)
    text_hash: Mapped[str] = mapped_column(sa.ForeignKey("bodies.hash"))
    raw_hash: Mapped[str | None] = mapped_column(sa.String(64))
    source: Mapped[str] = mapped_column(sa.String(16))  # page | feed
    extractor: Mapped[str | None] = mapped_column(sa.String(64))
    extractor_version: Mapped[str | None] = mapped_column(sa.String(32))
    # The people read in the text (JSON, worker/pipeline/snapshot.py) and the reading that read
    # them (worker.ingest.reading_key); None in versions stored before 0009
    people: Mapped[str | None] = mapped_column(sa.Text)
    people_key: Mapped[str | None] = mapped_column(sa.String(64))


class Change(Base):
    __tablename__ = "changes"
    __table_args__ = (
        sa.UniqueConstraint(
            "article_id",
            "from_version",
            "to_version",
            "kind",
            name="uq_changes_article_versions_kind",
        ),
        # each feed's newest change, and one feed's changes newest first (serve)
        sa.Index("ix_changes_feed_detected_id", "feed_id", "detected_at", "id"),
    )

    id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    feed_id: Mapped[int] = mapped_column(sa.ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(16), index=True)
    from_version: Mapped[int | None]
    to_version: Mapped[int | None]
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    similarity: Mapped[float] = mapped_column(default=1.0)
    summary: Mapped[str] = mapped_column(sa.Text)
    event: Mapped[str] = mapped_column(sa.Text)  # the change event JSON, exactly as emitted


class Delivery(Base):
    """The alert outbox: one row per change and channel, written with the change."""

    __tablename__ = "deliveries"
    __table_args__ = (
        sa.UniqueConstraint("change_id", "channel", name="uq_deliveries_change_channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[str] = mapped_column(sa.ForeignKey("changes.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(sa.String(128))
    state: Mapped[str] = mapped_column(
        sa.String(16), default="pending", index=True
    )  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(sa.String(128))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


# -- evidence (issue 15): raw captures and the append-only log of records ---------------------


class Appearance(Base):
    """One person in one list of a report's latest version (people over time)."""

    __tablename__ = "appearances"
    __table_args__ = (sa.Index("ix_appearances_canonical_date", "canonical", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    feed_id: Mapped[int] = mapped_column(sa.ForeignKey("feeds.id", ondelete="CASCADE"))
    version: Mapped[int]  # the version number the lists were read from
    date: Mapped[date] = mapped_column(sa.Date, index=True)  # the report's date
    language: Mapped[str] = mapped_column(sa.String(16))
    canonical: Mapped[str] = mapped_column(sa.String(256))
    name: Mapped[str] = mapped_column(sa.String(256))  # as written
    role: Mapped[str] = mapped_column(sa.String(16))
    list_index: Mapped[int]  # which list of the report (0, 1, ...)
    position: Mapped[int]  # 1-based in its list
    colisted: Mapped[str] = mapped_column(sa.Text)  # JSON: the list's canonical names, in order
    event_id: Mapped[str | None] = mapped_column(sa.String(64))  # where events exist


class CaptureBlob(Base):
    """A captured response body, zstd-compressed, stored once per SHA-256 of its bytes.

    place: "db" (data holds the frame), "dir" (a file in the capture directory), or "pruned"
    (dropped by `[storage] keep_raw`; the digest stays, so the chain still holds).
    """

    __tablename__ = "capture_blobs"

    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    size: Mapped[int] = mapped_column(sa.BigInteger)
    place: Mapped[str] = mapped_column(sa.String(8))
    data: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Capture(Base):
    """One HTTP exchange behind a version or a takedown; `digest` commits to every field."""

    __tablename__ = "captures"

    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(sa.String(64), unique=True)
    url: Mapped[str] = mapped_column(sa.Text)
    final_url: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[int]
    reason: Mapped[str] = mapped_column(sa.String(256))
    http_version: Mapped[str] = mapped_column(sa.String(16))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    peer: Mapped[str | None] = mapped_column(sa.String(128))
    request_headers: Mapped[str] = mapped_column(sa.Text)  # JSON [[name, value], ...]
    response_headers: Mapped[str] = mapped_column(sa.Text)  # JSON, in the order received
    redirects: Mapped[str] = mapped_column(sa.Text)  # JSON [{url, status, headers}, ...]
    body_sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    body_size: Mapped[int] = mapped_column(sa.BigInteger)


class Record(Base):
    """The append-only log: one row per version, takedown or feed removal, in `seq` order.

    No foreign keys on purpose: a record outlives a tampered or deleted row it names, which is
    how `wirediff verify` finds the deletion.
    """

    __tablename__ = "records"
    __table_args__ = (sa.Index("ix_records_article_seq", "article_id", "seq"),)

    seq: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(sa.String(16))  # version | removed | feed_removed
    feed_id: Mapped[int]
    article_id: Mapped[int | None]
    version_id: Mapped[int | None] = mapped_column(index=True)
    number: Mapped[int | None]
    capture_id: Mapped[int | None]
    text_hash: Mapped[str | None] = mapped_column(sa.String(64))
    capture_digest: Mapped[str | None] = mapped_column(sa.String(64))
    adopted: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(sa.Text)  # takedown reason; removed feed's URL
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    prev_hash: Mapped[str | None] = mapped_column(sa.String(64))
    record_hash: Mapped[str] = mapped_column(sa.String(64))
    chain_hash: Mapped[str] = mapped_column(sa.String(64))


# -- events (issue 13): reports of one occasion grouped, and where they disagree ---------------


class Event(Base):
    """One real-world occasion that several reports describe; `id` comes from its first report."""

    __tablename__ = "events"

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    day: Mapped[str] = mapped_column(sa.String(10), index=True)  # YYYY-MM-DD, the first report's
    title: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class EventReport(Base):
    """A report's (latest version's) place in an event, with the features grouping read."""

    __tablename__ = "event_reports"

    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[str] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    day: Mapped[str] = mapped_column(sa.String(10))
    score: Mapped[float] = mapped_column(default=1.0)
    reason: Mapped[str] = mapped_column(sa.String(64), default="")
    features: Mapped[str] = mapped_column(sa.Text)  # worker.detect.events.Features JSON
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventKey(Base):
    """The candidate index: a report's canonical people and title terms, with its day (the
    index on (key, day, article_id) covers the candidate query: it never reads the table)."""

    __tablename__ = "event_keys"
    __table_args__ = (sa.Index("ix_event_keys_key_day_article", "key", "day", "article_id"),)

    article_id: Mapped[int] = mapped_column(
        sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    day: Mapped[str] = mapped_column(sa.String(10))


class EventFinding(Base):
    """A discrepancy found in an event; its id is stable, so a finding is alerted once."""

    __tablename__ = "event_findings"

    id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(sa.String(16))
    summary: Mapped[str] = mapped_column(sa.Text)
    reports: Mapped[str] = mapped_column(sa.Text)  # JSON list of report URLs
    detail: Mapped[str] = mapped_column(sa.Text)  # JSON object
    found_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EventRedirect(Base):
    """An event merged into another (one occasion that reached the store as two events): its
    id still finds the event it became part of (`wirediff events show OLD_ID`)."""

    __tablename__ = "event_redirects"

    old_id: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(
        sa.ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
