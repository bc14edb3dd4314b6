"""ORM classes mapped onto the store's tables (storage/tables.py), for the commands that read
and write objects: the CLI's reads, the web interface, evidence, delivery, events grouping.

`wirediff fetch` does not import this module: it runs on the tables with SQLAlchemy Core
(issue 10, round 23). Each class maps the very Table of storage/tables.py (one schema, one
MetaData: `Base.metadata is tables.metadata`); the `Mapped[...]` annotations name the columns'
Python types for type checking, and add nothing to the tables.
"""

# No `from __future__ import annotations` here: with it every `Mapped[...]` annotation is a string
# that SQLAlchemy parses and evaluates when the class is mapped (issue 10, round 16).
from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from storage import tables
from storage.tables import UTCDateTime as UTCDateTime  # defined there, used from here too
from storage.values import utcnow as utcnow  # defined there, used from here too


class Base(DeclarativeBase):
    metadata = tables.metadata


class Feed(Base):
    __table__ = tables.feeds

    id: Mapped[int]
    url: Mapped[str]
    name: Mapped[str | None]
    title: Mapped[str | None]
    category: Mapped[str | None]
    interval_s: Mapped[int]
    follow_links: Mapped[bool]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    body_hash: Mapped[str | None]
    next_fetch_at: Mapped[datetime | None]
    error_count: Mapped[int]
    last_error: Mapped[str | None]
    last_ok_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    strict_interval: Mapped[bool]
    hint_s: Mapped[int | None]
    hint: Mapped[str | None]
    wait_s: Mapped[int | None]
    wait_reason: Mapped[str | None]
    last_entries: Mapped[int | None]
    fell_back: Mapped[int]
    fell_back_reasons: Mapped[str | None]


class Article(Base):
    __table__ = tables.articles

    id: Mapped[int]
    feed_id: Mapped[int]
    key: Mapped[str]
    guid: Mapped[str | None]
    url: Mapped[str | None]
    title: Mapped[str | None]
    item_hash: Mapped[str | None]
    page_etag: Mapped[str | None]
    page_last_modified: Mapped[str | None]
    state: Mapped[str]
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    next_check_at: Mapped[datetime | None]
    checks_done: Mapped[int]
    left_feed_at: Mapped[datetime | None]


class Body(Base):
    """Normalized texts, zstd-compressed, deduplicated by the hash of the text."""

    __table__ = tables.bodies

    hash: Mapped[str]
    size: Mapped[int]
    data: Mapped[bytes]


class Version(Base):
    __table__ = tables.versions

    id: Mapped[int]
    article_id: Mapped[int]
    number: Mapped[int]
    fetched_at: Mapped[datetime]
    title: Mapped[str | None]
    link: Mapped[str | None]
    published: Mapped[datetime | None]
    text_hash: Mapped[str]
    raw_hash: Mapped[str | None]
    source: Mapped[str]
    extractor: Mapped[str | None]
    extractor_version: Mapped[str | None]
    people: Mapped[str | None]
    people_key: Mapped[str | None]


class Change(Base):
    __table__ = tables.changes

    id: Mapped[str]
    article_id: Mapped[int]
    feed_id: Mapped[int]
    kind: Mapped[str]
    from_version: Mapped[int | None]
    to_version: Mapped[int | None]
    detected_at: Mapped[datetime]
    similarity: Mapped[float]
    summary: Mapped[str]
    event: Mapped[str]


class Delivery(Base):
    """The alert outbox: one row per change and channel, written with the change."""

    __table__ = tables.deliveries

    id: Mapped[int]
    change_id: Mapped[str]
    channel: Mapped[str]
    state: Mapped[str]
    attempts: Mapped[int]
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None]
    claimed_until: Mapped[datetime | None]


class Appearance(Base):
    """One person in one list of a report's latest version (people over time)."""

    __table__ = tables.appearances

    id: Mapped[int]
    article_id: Mapped[int]
    feed_id: Mapped[int]
    version: Mapped[int]
    date: Mapped[date]
    language: Mapped[str]
    canonical: Mapped[str]
    name: Mapped[str]
    role: Mapped[str]
    list_index: Mapped[int]
    position: Mapped[int]
    colisted: Mapped[str]
    event_id: Mapped[str | None]


class CaptureBlob(Base):
    """A captured response body, stored once per SHA-256 of its bytes."""

    __table__ = tables.capture_blobs

    sha256: Mapped[str]
    size: Mapped[int]
    place: Mapped[str]
    data: Mapped[bytes | None]
    stored_at: Mapped[datetime]


class Capture(Base):
    """One HTTP exchange behind a version or a takedown; `digest` commits to every field."""

    __table__ = tables.captures

    id: Mapped[int]
    digest: Mapped[str]
    url: Mapped[str]
    final_url: Mapped[str]
    status: Mapped[int]
    reason: Mapped[str]
    http_version: Mapped[str]
    requested_at: Mapped[datetime]
    peer: Mapped[str | None]
    request_headers: Mapped[str]
    response_headers: Mapped[str]
    redirects: Mapped[str]
    body_sha256: Mapped[str]
    body_size: Mapped[int]


class Record(Base):
    """The append-only log: one row per version, takedown or feed removal, in `seq` order."""

    __table__ = tables.records

    seq: Mapped[int]
    kind: Mapped[str]
    feed_id: Mapped[int]
    article_id: Mapped[int | None]
    version_id: Mapped[int | None]
    number: Mapped[int | None]
    capture_id: Mapped[int | None]
    text_hash: Mapped[str | None]
    capture_digest: Mapped[str | None]
    adopted: Mapped[bool]
    note: Mapped[str | None]
    created_at: Mapped[datetime]
    prev_hash: Mapped[str | None]
    record_hash: Mapped[str]
    chain_hash: Mapped[str]


class Event(Base):
    """One real-world occasion that several reports describe."""

    __table__ = tables.events

    id: Mapped[str]
    day: Mapped[str]
    title: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class EventReport(Base):
    """A report's (latest version's) place in an event."""

    __table__ = tables.event_reports

    article_id: Mapped[int]
    event_id: Mapped[str]
    version: Mapped[int]
    day: Mapped[str]
    score: Mapped[float]
    reason: Mapped[str]
    features: Mapped[str]
    joined_at: Mapped[datetime]


class EventKey(Base):
    """The candidate index of events."""

    __table__ = tables.event_keys

    article_id: Mapped[int]
    key: Mapped[str]
    day: Mapped[str]


class EventFinding(Base):
    """A discrepancy found in an event."""

    __table__ = tables.event_findings

    id: Mapped[str]
    event_id: Mapped[str]
    kind: Mapped[str]
    summary: Mapped[str]
    reports: Mapped[str]
    detail: Mapped[str]
    found_at: Mapped[datetime]


class EventRedirect(Base):
    """An event merged into another."""

    __table__ = tables.event_redirects

    old_id: Mapped[str]
    event_id: Mapped[str]
    merged_at: Mapped[datetime]
