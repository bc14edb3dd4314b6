"""The reads `wirediff verify` and `wirediff export --warc` make, every one streamed.

Each function names what it reads and returns rows (sa.Row, attributes named as below) or a
small value; the large ones go through chain.stream (yield_per batches, a server-side cursor on
PostgreSQL), each with the batch size that suits its rows: bounded memory however large the
store. worker/evidence walks the rows; it builds no query of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.chain import log_query, stream
from storage.models import Article, Body, Capture, CaptureBlob, Change, Feed, Record, Version

BODY_BATCH = 200  # capture bodies are large: small batches
CAPTURE_BATCH = 50  # export: a capture row carries its (compressed) body
EXPORT_BATCH = 500  # export: records with their version, text, article, feed and capture

# -- verify ----------------------------------------------------------------------------------


def first_seq_since(session: Session, since: datetime) -> int | None:
    """The log position of the first record made at or after `since`."""
    first = session.scalar(sa.select(sa.func.min(Record.seq)).where(Record.created_at >= since))
    return None if first is None else int(first)


def feed_removals(session: Session) -> dict[int, int]:
    """feed id -> the log position of its (last) feed-removal record."""
    rows = session.execute(
        sa.select(Record.feed_id, sa.func.max(Record.seq))
        .where(Record.kind == "feed_removed")
        .group_by(Record.feed_id)
    ).all()
    return {int(feed_id): int(seq) for feed_id, seq in rows}


def log(
    session: Session, from_seq: int, article_ids: Sequence[int] | None
) -> Iterator[sa.Row[Any]]:
    """Records from `from_seq` on in log order, with the rows they name (chain.LOG_COLUMNS)."""
    return stream(session, log_query(from_seq=from_seq, article_ids=article_ids))


def _scoped(query: Any, from_seq: int, article_ids: Sequence[int] | None) -> Any:
    query = query.where(Record.seq >= from_seq)
    if article_ids is not None:
        query = query.where(Record.article_id.in_(article_ids))
    return query


def version_texts(
    session: Session, from_seq: int, article_ids: Sequence[int] | None
) -> Iterator[sa.Row[Any]]:
    """(seq, article_id, number, text_hash, data) of each version record in scope, in article
    order (so a delta's base, the previous version's text, comes just before it); data is
    None when the text's row is gone."""
    query = _scoped(
        sa.select(Record.seq, Record.article_id, Record.number, Version.text_hash, Body.data)
        .select_from(Record)
        .join(Version, Version.id == Record.version_id)
        .outerjoin(Body, Body.hash == Version.text_hash)
        .where(Record.kind == "version"),
        from_seq,
        article_ids,
    ).order_by(Version.article_id, Version.number)
    return stream(session, query)


def capture_bodies(
    session: Session, from_seq: int, article_ids: Sequence[int] | None
) -> Iterator[sa.Row[Any]]:
    """(seq, sha, place, data) of each capture body in scope, once per body, at the first
    record naming it, in log order; place is None when the body's row is gone."""
    used = (
        _scoped(
            sa.select(sa.func.min(Record.seq).label("seq"), Capture.body_sha256.label("sha"))
            .select_from(Record)
            .join(Capture, Capture.id == Record.capture_id),
            from_seq,
            article_ids,
        )
        .group_by(Capture.body_sha256)
        .subquery()
    )
    query = (
        sa.select(used.c.seq, used.c.sha, CaptureBlob.place, CaptureBlob.data)
        .select_from(used)
        .outerjoin(CaptureBlob, CaptureBlob.sha256 == used.c.sha)
        .order_by(used.c.seq)
    )
    return stream(session, query, batch=BODY_BATCH)


def unlogged_versions(
    session: Session, since: datetime | None, article_ids: Sequence[int] | None
) -> Iterator[sa.Row[Any]]:
    """(article_id, number) of each version no record names, oldest first."""
    query = (
        sa.select(Version.article_id, Version.number)
        .outerjoin(Record, Record.version_id == Version.id)
        .where(Record.seq.is_(None))
        .order_by(Version.id)
    )
    if since is not None:
        query = query.where(Version.fetched_at >= since)
    if article_ids is not None:
        query = query.where(Version.article_id.in_(article_ids))
    return stream(session, query)


def record_at(session: Session, seq: int) -> Record | None:
    return session.get(Record, seq)


def article(session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id)


# -- export ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scope:
    """Which version and takedown records an export takes (None: no limit)."""

    feed_id: int | None = None
    article_ids: Sequence[int] | None = None
    since: datetime | None = None

    def where(self) -> Any:
        clauses: list[Any] = [Record.kind.in_(("version", "removed"))]
        if self.feed_id is not None:
            clauses.append(Record.feed_id == self.feed_id)
        if self.article_ids is not None:
            clauses.append(Record.article_id.in_(self.article_ids))
        if self.since is not None:
            clauses.append(Record.created_at >= self.since)
        return sa.and_(*clauses)


def export_captures(session: Session, scope: Scope) -> Iterator[sa.Row[Any]]:
    """(Capture, place, data) of each capture a record in scope names, by capture id."""
    wanted = sa.select(Record.capture_id).where(scope.where(), Record.capture_id.is_not(None))
    query = (
        sa.select(Capture, CaptureBlob.place, CaptureBlob.data)
        .outerjoin(CaptureBlob, CaptureBlob.sha256 == Capture.body_sha256)
        .where(Capture.id.in_(wanted))
        .order_by(Capture.id)
    )
    return stream(session, query, batch=CAPTURE_BATCH)


def export_records(session: Session, scope: Scope) -> Iterator[sa.Row[Any]]:
    """(Record, Version, text_data, article_url, article_key, feed_url, Capture) of each
    record in scope, report by report, each in log order (outer joins: a row gone is None)."""
    query = (
        sa.select(
            Record,
            Version,
            Body.data.label("text_data"),
            Article.url.label("article_url"),
            Article.key.label("article_key"),
            Feed.url.label("feed_url"),
            Capture,
        )
        .select_from(Record)
        .outerjoin(Version, Version.id == Record.version_id)
        .outerjoin(Body, Body.hash == Version.text_hash)
        .outerjoin(Article, Article.id == Record.article_id)
        .outerjoin(Feed, Feed.id == Record.feed_id)
        .outerjoin(Capture, Capture.id == Record.capture_id)
        .where(scope.where())
        .order_by(Record.article_id, Record.seq)
    )
    return stream(session, query, batch=EXPORT_BATCH)


def export_changes(session: Session, scope: Scope) -> Iterator[sa.Row[Any]]:
    """(article_id, kind, from_version, to_version, event) of the change events of the
    articles in scope, in the order of export_records' reports (a second cursor to merge)."""
    articles_in_scope = sa.select(Record.article_id).where(scope.where())
    query = (
        sa.select(
            Change.article_id, Change.kind, Change.from_version, Change.to_version, Change.event
        )
        .where(Change.article_id.in_(articles_in_scope))
        .order_by(Change.article_id, Change.detected_at)
    )
    return stream(session, query, batch=EXPORT_BATCH)
