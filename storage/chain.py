"""The append-only log of records: appending, the head, and the rows `wirediff verify` walks.

Every stored version, every takedown and every feed removal appends one `records` row: its
record hash (storage/digests.py) commits to what it records and to the previous record of the
same article, and its chain hash extends the running SHA-256 over all records. Appends are
serialised so the log never forks: on PostgreSQL by a transaction-scoped advisory lock taken
just before the append (held until the version's transaction commits), on SQLite by the
database's single writer; the primary key on `seq` refuses a second record at one position.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage import captures, locks
from storage.captures import BodyPolicy
from storage.digests import (
    GENESIS,
    Exchange,
    chain_step,
    feed_removed_material,
    record_hash,
    removed_material,
    version_material_of,
)
from storage.models import Article, Capture, CaptureBlob, Feed, Record, Version, utcnow


class FeedKey(Protocol):
    """What a version's record takes of its feed: a Feed row, or a copy of its id and URL."""

    @property
    def id(self) -> int: ...

    @property
    def url(self) -> str: ...


def head(session: Session) -> Record | None:
    return session.scalars(sa.select(Record).order_by(Record.seq.desc()).limit(1)).first()


def hash_at(session: Session, seq: int) -> str | None:
    """The chain hash of the log's record `seq`, None when there is none."""
    return session.scalar(sa.select(Record.chain_hash).where(Record.seq == seq))


def _lock(session: Session) -> None:
    locks.hold(session, locks.LOG_APPEND)


def last_of_article(session: Session, article_id: int, before_seq: int | None = None) -> str | None:
    """The record hash of the article's latest record (before `before_seq` when given)."""
    query = sa.select(Record.record_hash).where(
        Record.article_id == article_id, Record.kind.in_(("version", "removed"))
    )
    if before_seq is not None:
        query = query.where(Record.seq < before_seq)
    return session.scalar(query.order_by(Record.seq.desc()).limit(1))


def last_of_articles(session: Session, article_ids: Sequence[int]) -> dict[int, str]:
    """article id -> the record hash of its latest record, for those among `article_ids` that
    have one (one query for a batch; `last_of_article` for one)."""
    if not article_ids:
        return {}
    newest = (
        sa.select(sa.func.max(Record.seq).label("seq"))
        .where(Record.article_id.in_(list(article_ids)), Record.kind.in_(("version", "removed")))
        .group_by(Record.article_id)
        .subquery()
    )
    query = sa.select(Record.article_id, Record.record_hash).join(
        newest, Record.seq == newest.c.seq
    )
    return {int(a): h for a, h in session.execute(query) if a is not None}


def _append(session: Session, material: Mapping[str, Any], **row: Any) -> Record:
    """Add one record after the current head (the caller holds the append lock)."""
    last = head(session)
    digest = record_hash(material)
    record = Record(
        seq=(last.seq + 1) if last else 1,
        record_hash=digest,
        chain_hash=chain_step(last.chain_hash if last else GENESIS, digest),
        **row,
    )
    session.add(record)
    session.flush()
    return record


def _version_material(
    feed: FeedKey, article: Article, version: Version, capture_digest: str | None, prev: str | None
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
    session: Session, feed: Feed, article: Article, version: Version, capture: Capture | None
) -> Record:
    _lock(session)
    prev = last_of_article(session, article.id)
    capture_digest = capture.digest if capture is not None else None
    material = _version_material(feed, article, version, capture_digest, prev)
    return _append(
        session,
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
    session: Session,
    feed: Feed,
    article: Article,
    number: int,
    capture: Capture | None,
    at: datetime,
    note: str | None = None,
) -> Record:
    _lock(session)
    prev = last_of_article(session, article.id)
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
        session,
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


def append_feed_removed(session: Session, feed: Feed) -> Record:
    _lock(session)
    at = utcnow()
    material = feed_removed_material(feed_id=feed.id, feed_url=feed.url, at=at)
    return _append(
        session, material, kind="feed_removed", feed_id=feed.id, created_at=at, note=feed.url
    )


def records_of_versions(session: Session, version_ids: Sequence[int]) -> dict[int, Record]:
    """version id -> its record (for `history`)."""
    if not version_ids:
        return {}
    rows = session.scalars(sa.select(Record).where(Record.version_id.in_(list(version_ids))))
    return {r.version_id: r for r in rows if r.version_id is not None}


def captured_versions(session: Session, version_ids: Sequence[int]) -> dict[int, bool]:
    """version id -> True when its capture body is still stored (not dropped, not missing)."""
    if not version_ids:
        return {}
    query = (
        sa.select(Record.version_id)
        .join(Capture, Capture.id == Record.capture_id)
        .join(CaptureBlob, CaptureBlob.sha256 == Capture.body_sha256)
        .where(
            Record.version_id.in_(list(version_ids)),
            CaptureBlob.place.in_((captures.IN_DB, captures.IN_DIR)),
        )
    )
    return {int(v): True for v in session.scalars(query) if v is not None}


def evidence_of(session: Session, version_ids: Sequence[int]) -> dict[int, tuple[bool, str | None]]:
    """version id -> (its capture body is stored, its record hash): what `history` shows."""
    records = records_of_versions(session, version_ids)
    captured = captured_versions(session, version_ids)
    return {
        v: (captured.get(v, False), records[v].record_hash if v in records else None)
        for v in version_ids
    }


# -- what verify walks -----------------------------------------------------------------------

LOG_COLUMNS = (
    Record.seq,
    Record.kind,
    Record.feed_id,
    Record.article_id,
    Record.version_id,
    Record.number.label("r_number"),
    Record.capture_id,
    Record.text_hash.label("r_text_hash"),
    Record.capture_digest,
    Record.adopted,
    Record.note,
    Record.created_at,
    Record.prev_hash,
    Record.record_hash,
    Record.chain_hash,
    Feed.url.label("feed_url"),
    Article.key.label("article_key"),
    Article.url.label("article_url"),
    Version.id.label("v_id"),
    Version.article_id.label("v_article_id"),
    Version.number,
    Version.fetched_at,
    Version.title,
    Version.link,
    Version.published,
    Version.text_hash,
    Version.raw_hash,
    Version.source,
    Version.extractor,
    Version.extractor_version,
    Capture.id.label("c_id"),
    Capture.digest.label("c_digest"),
    Capture.url,
    Capture.final_url,
    Capture.status,
    Capture.reason,
    Capture.http_version,
    Capture.requested_at,
    Capture.peer,
    Capture.request_headers,
    Capture.response_headers,
    Capture.redirects,
    Capture.body_sha256,
    Capture.body_size,
)


# Version and capture columns keep their names (a row reads like a Version for
# digests.version_material_of, like a Capture for captures.material_of); the record's own
# copies of number and text_hash are r_number and r_text_hash.


def log_query(
    *, from_seq: int = 1, article_ids: Sequence[int] | None = None
) -> sa.Select[*tuple[Any, ...]]:
    """Records from `from_seq` on, in log order, with the rows they name (outer joins: a row
    deleted behind the log's back comes back as NULLs)."""
    query = (
        sa.select(*LOG_COLUMNS)
        .select_from(Record)
        .outerjoin(Feed, Feed.id == Record.feed_id)
        .outerjoin(Article, Article.id == Record.article_id)
        .outerjoin(Version, Version.id == Record.version_id)
        .outerjoin(Capture, Capture.id == Record.capture_id)
        .where(Record.seq >= from_seq)
        .order_by(Record.seq)
    )
    if article_ids is not None:
        query = query.where(Record.article_id.in_(list(article_ids)))
    return query


def stream(
    session: Session, query: sa.Select[*tuple[Any, ...]], batch: int = 5000
) -> Iterator[sa.Row[Any]]:
    """Rows of a large query in batches (server-side cursor on PostgreSQL): bounded memory."""
    result = session.execute(query.execution_options(yield_per=batch))
    for partition in result.partitions():
        yield from partition


# -- what the pipeline calls, inside the transaction that stores the version ------------------


def seal_version(
    session: Session,
    article: Article,
    version: Version,
    exchange: Exchange | None,
    policy: BodyPolicy,
) -> Record:
    """Store the version's capture (if any) and append its record: call last in the
    transaction, so the append lock is held only until the commit that follows."""
    capture = captures.put(session, exchange, policy) if exchange is not None else None
    feed = session.get(Feed, article.feed_id)
    assert feed is not None
    return append_version(session, feed, article, version, capture)


def seal_versions(
    session: Session,
    feed: FeedKey,
    seals: Sequence[tuple[Article, Version, Exchange | None]],
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
    stored = iter(captures.put_many_keys(session, exchanges, policy))
    kept = [next(stored) if exchange is not None else None for _, _, exchange in seals]
    session.flush()  # the versions' ids
    _lock(session)
    prevs = last_of_articles(session, [a.id for a, _, _ in seals if a.id not in new_articles])
    # the head's position and chain hash, not its row as an ORM object
    query = sa.select(Record.seq, Record.chain_hash).order_by(Record.seq.desc()).limit(1)
    last = session.execute(query).first()
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
    session.execute(sa.insert(Record), records)


def seal_removed(
    session: Session,
    article: Article,
    number: int,
    exchange: Exchange | None,
    policy: BodyPolicy,
    at: datetime,
    note: str | None = None,
) -> Record:
    """Store the takedown answer (if any) and append a `removed` record."""
    capture = captures.put(session, exchange, policy) if exchange is not None else None
    feed = session.get(Feed, article.feed_id)
    assert feed is not None
    return append_removed(session, feed, article, number, capture, at, note)
