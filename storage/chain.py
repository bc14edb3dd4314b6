"""The append-only log of records: appending, the head, and the rows `wirediff verify` walks.

Every stored version, every takedown and every feed removal appends one `records` row: its
record hash (storage/digests.py) commits to what it records and to the previous record of the
same article, and its chain hash extends the running SHA-256 over all records. Appends are
serialised so the log never forks: on PostgreSQL by a transaction-scoped advisory lock taken
just before the append (held until the version's transaction commits), on SQLite by the
database's single writer; the primary key on `seq` refuses a second record at one position.

Core statements on storage/tables.py, through a connection or a session (issue 10, round 23).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

import sqlalchemy as sa

from storage import captures, locks, tables
from storage.captures import BodyPolicy
from storage.digests import (
    GENESIS,
    Exchange,
    VersionFields,
    chain_step,
    feed_removed_material,
    record_hash,
    removed_material,
    version_material_of,
)
from storage.tables import flushed
from storage.tables import records as log
from storage.values import utcnow

if TYPE_CHECKING:
    from storage.tables import Conn

_feeds, _articles, _versions = tables.feeds.c, tables.articles.c, tables.versions.c
_captures, _blobs, _log = tables.captures.c, tables.capture_blobs.c, log.c


class FeedKey(Protocol):
    """What a record takes of its feed: a feeds row, or a copy of its id and URL."""

    @property
    def id(self) -> int: ...

    @property
    def url(self) -> str: ...


class ArticleKey(Protocol):
    """What a record takes of its article: an articles row, or an object with these."""

    @property
    def id(self) -> int: ...

    @property
    def feed_id(self) -> int: ...

    @property
    def key(self) -> str: ...


class CaptureKey(Protocol):
    """What a record takes of its capture: a captures row, or its digest and id."""

    @property
    def id(self) -> int: ...

    @property
    def digest(self) -> str: ...


class VersionRecorded(VersionFields, Protocol):
    """What a version's record takes of it: the fields its material commits to, and its id."""

    @property
    def id(self) -> int: ...


def head(conn: Conn) -> sa.Row[Any] | None:
    """The log's last record (a records row), None when the log is empty."""
    return flushed(conn).execute(sa.select(log).order_by(_log.seq.desc()).limit(1)).first()


def hash_at(conn: Conn, seq: int) -> str | None:
    """The chain hash of the log's record `seq`, None when there is none."""
    found: str | None = conn.execute(sa.select(_log.chain_hash).where(_log.seq == seq)).scalar()
    return found


def _lock(conn: Conn) -> None:
    locks.hold(conn, locks.LOG_APPEND)


def last_of_article(conn: Conn, article_id: int, before_seq: int | None = None) -> str | None:
    """The record hash of the article's latest record (before `before_seq` when given)."""
    query = sa.select(_log.record_hash).where(
        _log.article_id == article_id, _log.kind.in_(("version", "removed"))
    )
    if before_seq is not None:
        query = query.where(_log.seq < before_seq)
    found: str | None = conn.execute(query.order_by(_log.seq.desc()).limit(1)).scalar()
    return found


def last_of_articles(conn: Conn, article_ids: Sequence[int]) -> dict[int, str]:
    """article id -> the record hash of its latest record, for those among `article_ids` that
    have one (one query for a batch; `last_of_article` for one)."""
    if not article_ids:
        return {}
    rows = conn.execute(_LAST_OF, {"ids": list(article_ids)})
    return {int(a): h for a, h in rows if a is not None}


# Statements a pass runs per feed, built once with bound parameters (storage/feeds.py says why)
_newest = (
    sa.select(sa.func.max(_log.seq).label("seq"))
    .where(
        _log.article_id.in_(sa.bindparam("ids", expanding=True)),
        _log.kind.in_(("version", "removed")),
    )
    .group_by(_log.article_id)
    .subquery()
)
_LAST_OF = sa.select(_log.article_id, _log.record_hash).join(_newest, _log.seq == _newest.c.seq)
_HEAD = sa.select(_log.seq, _log.chain_hash).order_by(_log.seq.desc()).limit(1)
_INSERT = sa.insert(log)


# A record's columns that a kind of record leaves empty
_EMPTY: dict[str, Any] = {
    "article_id": None,
    "version_id": None,
    "number": None,
    "capture_id": None,
    "text_hash": None,
    "capture_digest": None,
    "adopted": False,
    "note": None,
    "prev_hash": None,
}


def _append(conn: Conn, material: Mapping[str, Any], **row: Any) -> dict[str, Any]:
    """Add one record after the current head (the caller holds the append lock); returns
    its columns."""
    query = sa.select(_log.seq, _log.chain_hash).order_by(_log.seq.desc()).limit(1)
    last = flushed(conn).execute(query).first()
    digest = record_hash(material)
    record = {
        **_EMPTY,
        **row,
        "seq": (last.seq + 1) if last else 1,
        "record_hash": digest,
        "chain_hash": chain_step(last.chain_hash if last else GENESIS, digest),
    }
    conn.execute(sa.insert(log), [record])
    return record


def _version_material(
    feed: FeedKey,
    article: ArticleKey,
    version: VersionRecorded,
    capture_digest: str | None,
    prev: str | None,
) -> dict[str, Any]:
    """What a version's record seals (one place for `append_version` and `seal_versions`)."""
    return version_material_of(
        version,
        feed_url=feed.url,
        article_key=article.key,
        capture_digest=capture_digest,
        adopted=False,
        prev=prev,
    )


def append_version(
    conn: Conn,
    feed: FeedKey,
    article: ArticleKey,
    version: VersionRecorded,
    capture: CaptureKey | None,
) -> dict[str, Any]:
    _lock(conn)
    prev = last_of_article(conn, article.id)
    capture_digest = capture.digest if capture is not None else None
    material = _version_material(feed, article, version, capture_digest, prev)
    return _append(
        conn,
        material,
        kind="version",
        feed_id=feed.id,
        article_id=article.id,
        version_id=version.id,
        number=version.number,
        capture_id=capture.id if capture is not None else None,
        text_hash=version.text_hash,
        capture_digest=capture_digest,
        created_at=version.fetched_at,
        prev_hash=prev,
    )


def append_removed(
    conn: Conn,
    feed: FeedKey,
    article: ArticleKey,
    number: int,
    capture: CaptureKey | None,
    at: datetime,
    note: str | None = None,
) -> dict[str, Any]:
    _lock(conn)
    prev = last_of_article(conn, article.id)
    capture_digest = capture.digest if capture is not None else None
    material = removed_material(
        feed_url=feed.url,
        article_key=article.key,
        number=number,
        at=at,
        capture_digest=capture_digest,
        note=note,
        prev=prev,
    )
    return _append(
        conn,
        material,
        kind="removed",
        feed_id=feed.id,
        article_id=article.id,
        number=number,
        capture_id=capture.id if capture is not None else None,
        capture_digest=capture_digest,
        created_at=at,
        prev_hash=prev,
        note=note,
    )


def append_feed_removed(conn: Conn, feed: FeedKey) -> dict[str, Any]:
    _lock(conn)
    at = utcnow()
    material = feed_removed_material(feed_id=feed.id, feed_url=feed.url, at=at)
    return _append(
        conn, material, kind="feed_removed", feed_id=feed.id, created_at=at, note=feed.url
    )


def records_of_versions(conn: Conn, version_ids: Sequence[int]) -> dict[int, sa.Row[Any]]:
    """version id -> its record (for `history`)."""
    if not version_ids:
        return {}
    rows = conn.execute(sa.select(log).where(_log.version_id.in_(list(version_ids))))
    return {r.version_id: r for r in rows if r.version_id is not None}


def captured_versions(conn: Conn, version_ids: Sequence[int]) -> dict[int, bool]:
    """version id -> True when its capture body is still stored (not dropped, not missing)."""
    if not version_ids:
        return {}
    query = (
        sa.select(_log.version_id)
        .join(tables.captures, _captures.id == _log.capture_id)
        .join(tables.capture_blobs, _blobs.sha256 == _captures.body_sha256)
        .where(
            _log.version_id.in_(list(version_ids)),
            _blobs.place.in_((captures.IN_DB, captures.IN_DIR)),
        )
    )
    return {int(v): True for v in conn.execute(query).scalars() if v is not None}


def evidence_of(conn: Conn, version_ids: Sequence[int]) -> dict[int, tuple[bool, str | None]]:
    """version id -> (its capture body is stored, its record hash): what `history` shows."""
    records = records_of_versions(conn, version_ids)
    captured = captured_versions(conn, version_ids)
    return {
        v: (captured.get(v, False), records[v].record_hash if v in records else None)
        for v in version_ids
    }


# -- what verify walks -----------------------------------------------------------------------

LOG_COLUMNS = (
    _log.seq,
    _log.kind,
    _log.feed_id,
    _log.article_id,
    _log.version_id,
    _log.number.label("r_number"),
    _log.capture_id,
    _log.text_hash.label("r_text_hash"),
    _log.capture_digest,
    _log.adopted,
    _log.note,
    _log.created_at,
    _log.prev_hash,
    _log.record_hash,
    _log.chain_hash,
    _feeds.url.label("feed_url"),
    _articles.key.label("article_key"),
    _articles.url.label("article_url"),
    _versions.id.label("v_id"),
    _versions.article_id.label("v_article_id"),
    _versions.number,
    _versions.fetched_at,
    _versions.title,
    _versions.link,
    _versions.published,
    _versions.text_hash,
    _versions.raw_hash,
    _versions.source,
    _versions.extractor,
    _versions.extractor_version,
    _captures.id.label("c_id"),
    _captures.digest.label("c_digest"),
    _captures.url,
    _captures.final_url,
    _captures.status,
    _captures.reason,
    _captures.http_version,
    _captures.requested_at,
    _captures.peer,
    _captures.request_headers,
    _captures.response_headers,
    _captures.redirects,
    _captures.body_sha256,
    _captures.body_size,
)


# Version and capture columns keep their names (a row reads like a version for
# digests.version_material_of, like a capture for captures.material_of); the record's own
# copies of number and text_hash are r_number and r_text_hash.


def log_query(
    *, from_seq: int = 1, article_ids: Sequence[int] | None = None
) -> sa.Select[*tuple[Any, ...]]:
    """Records from `from_seq` on, in log order, with the rows they name (outer joins: a row
    deleted behind the log's back comes back as NULLs)."""
    query = (
        sa.select(*LOG_COLUMNS)
        .select_from(log)
        .outerjoin(tables.feeds, _feeds.id == _log.feed_id)
        .outerjoin(tables.articles, _articles.id == _log.article_id)
        .outerjoin(tables.versions, _versions.id == _log.version_id)
        .outerjoin(tables.captures, _captures.id == _log.capture_id)
        .where(_log.seq >= from_seq)
        .order_by(_log.seq)
    )
    if article_ids is not None:
        query = query.where(_log.article_id.in_(list(article_ids)))
    return query


def stream(
    conn: Conn, query: sa.Select[*tuple[Any, ...]], batch: int = 5000
) -> Iterator[sa.Row[Any]]:
    """Rows of a large query in batches (server-side cursor on PostgreSQL): bounded memory."""
    result = conn.execute(query.execution_options(yield_per=batch))
    for partition in result.partitions():
        yield from partition


# -- what the pipeline calls, inside the transaction that stores the version ------------------


def _capture(conn: Conn, exchange: Exchange | None, policy: BodyPolicy) -> CaptureKey | None:
    return None if exchange is None else captures.put_many_keys(conn, [exchange], policy)[0]


def feed_key(conn: Conn, feed_id: int) -> FeedKey | None:
    """The feed's id and URL as stored, None when it is not."""
    query = sa.select(_feeds.id, _feeds.url).where(_feeds.id == feed_id)
    return flushed(conn).execute(query).first()


def _feed_of(conn: Conn, article: ArticleKey) -> FeedKey:
    feed = feed_key(conn, article.feed_id)
    assert feed is not None
    return feed


def seal_version(
    conn: Conn,
    article: ArticleKey,
    version: VersionRecorded,
    exchange: Exchange | None,
    policy: BodyPolicy,
) -> dict[str, Any]:
    """Store the version's capture (if any) and append its record: call last in the
    transaction, so the append lock is held only until the commit that follows."""
    capture = _capture(conn, exchange, policy)
    return append_version(conn, _feed_of(conn, article), article, version, capture)


def seal_versions(
    conn: Conn,
    feed: FeedKey,
    seals: Sequence[tuple[ArticleKey, VersionRecorded, Exchange | None]],
    policy: BodyPolicy,
    *,
    new_articles: frozenset[int] = frozenset(),
) -> None:
    """`seal_version` for a feed's batch: captures stored together, the append lock taken
    once, the previous records of all the articles read in one query (none for the articles
    in `new_articles`, created in this transaction), the records inserted by one INSERT. The
    records are those `seal_version` would append one by one, in the same order. `feed`: its
    row, or its id and URL when the caller knows the row is there (it updated it in this
    transaction)."""
    if not seals:
        return
    exchanges = [exchange for _, _, exchange in seals if exchange is not None]
    stored = iter(captures.put_many_keys(flushed(conn), exchanges, policy))
    kept = [next(stored) if exchange is not None else None for _, _, exchange in seals]
    _lock(conn)
    prevs = last_of_articles(conn, [a.id for a, _, _ in seals if a.id not in new_articles])
    last = conn.execute(_HEAD).first()  # the head's position and chain hash
    seq, chain_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS)
    records: list[dict[str, Any]] = []
    for (article, version, _), capture in zip(seals, kept, strict=True):
        prev = prevs.get(article.id)
        capture_digest = capture.digest if capture is not None else None
        material = _version_material(feed, article, version, capture_digest, prev)
        digest = record_hash(material)
        seq, chain_hash = seq + 1, chain_step(chain_hash, digest)
        records.append(
            {
                "seq": seq,
                "record_hash": digest,
                "chain_hash": chain_hash,
                "kind": "version",
                "feed_id": feed.id,
                "article_id": article.id,
                "version_id": version.id,
                "number": version.number,
                "capture_id": capture.id if capture is not None else None,
                "text_hash": version.text_hash,
                "capture_digest": capture_digest,
                "adopted": False,
                "note": None,
                "created_at": version.fetched_at,
                "prev_hash": prev,
            }
        )
        prevs[article.id] = digest
    conn.execute(_INSERT, records)


def seal_removed(
    conn: Conn,
    article: ArticleKey,
    number: int,
    exchange: Exchange | None,
    policy: BodyPolicy,
    at: datetime,
    note: str | None = None,
) -> dict[str, Any]:
    """Store the takedown answer (if any) and append a `removed` record."""
    capture = _capture(conn, exchange, policy)
    return append_removed(conn, _feed_of(conn, article), article, number, capture, at, note)
