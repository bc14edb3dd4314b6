"""Evidence (issue 15): raw captures (capture_blobs, captures) and the append-only log (records).

Versions stored before this revision have no capture. They are adopted into the log here, in
the order they were stored (versions.id), as records with `adopted = true` and no capture:
from now on any change to them is detected, but the log cannot vouch for what happened to
them before the upgrade (docs/evidence.md).

Revision ID: 0004_evidence
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from storage.digests import GENESIS, chain_step, record_hash, version_material

revision = "0004_evidence"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    op.create_table(
        "capture_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("place", sa.String(length=8), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "captures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=256), nullable=False),
        sa.Column("http_version", sa.String(length=16), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("peer", sa.String(length=128), nullable=True),
        sa.Column("request_headers", sa.Text(), nullable=False),
        sa.Column("response_headers", sa.Text(), nullable=False),
        sa.Column("redirects", sa.Text(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("body_size", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
    )
    with op.batch_alter_table("captures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_captures_body_sha256"), ["body_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_captures_requested_at"), ["requested_at"], unique=False)

    records = op.create_table(
        "records",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("capture_id", sa.Integer(), nullable=True),
        sa.Column("text_hash", sa.String(length=64), nullable=True),
        sa.Column("capture_digest", sa.String(length=64), nullable=True),
        sa.Column("adopted", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("record_hash", sa.String(length=64), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index("ix_records_article_seq", ["article_id", "seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_version_id"), ["version_id"], unique=False)
    assert records is not None
    _adopt_existing_versions(op.get_bind(), records)


def _utc(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands back text
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _adopt_existing_versions(conn: sa.Connection, records: sa.Table) -> None:
    """One adopted record per existing version, in stored order, chained like any other."""
    meta = sa.MetaData()
    feeds = sa.Table("feeds", meta, autoload_with=conn)
    articles = sa.Table("articles", meta, autoload_with=conn)
    versions = sa.Table("versions", meta, autoload_with=conn)
    query = (
        sa.select(
            versions.c.id,
            versions.c.article_id,
            versions.c.number,
            versions.c.fetched_at,
            versions.c.title,
            versions.c.link,
            versions.c.published,
            versions.c.text_hash,
            versions.c.raw_hash,
            versions.c.source,
            versions.c.extractor,
            versions.c.extractor_version,
            articles.c.key,
            articles.c.feed_id,
            feeds.c.url,
        )
        .select_from(versions)
        .join(articles, articles.c.id == versions.c.article_id)
        .join(feeds, feeds.c.id == articles.c.feed_id)
        .order_by(versions.c.id)
    )
    last_of_article: dict[int, str] = {}
    chain, seq, batch = GENESIS, 0, []
    # A second connection would not see this transaction's tables on SQLite: read with
    # fetchmany on the same connection, write after each batch is read.
    result = conn.execute(query.execution_options(stream_results=True))
    while rows := result.fetchmany(_BATCH):
        for r in rows:
            fetched_at = _utc(r.fetched_at)
            assert fetched_at is not None
            prev = last_of_article.get(r.article_id)
            digest = record_hash(
                version_material(
                    feed_url=r.url,
                    article_key=r.key,
                    number=r.number,
                    fetched_at=fetched_at,
                    title=r.title,
                    link=r.link,
                    published=_utc(r.published),
                    text_sha256=r.text_hash,
                    raw_sha256=r.raw_hash,
                    source=r.source,
                    extractor=r.extractor,
                    extractor_version=r.extractor_version,
                    capture_digest=None,
                    adopted=True,
                    prev=prev,
                )
            )
            seq += 1
            chain = chain_step(chain, digest)
            last_of_article[r.article_id] = digest
            batch.append(
                {
                    "seq": seq,
                    "kind": "version",
                    "feed_id": r.feed_id,
                    "article_id": r.article_id,
                    "version_id": r.id,
                    "number": r.number,
                    "capture_id": None,
                    "text_hash": r.text_hash,
                    "capture_digest": None,
                    "adopted": True,
                    "note": None,
                    "created_at": fetched_at,
                    "prev_hash": prev,
                    "record_hash": digest,
                    "chain_hash": chain,
                }
            )
        if len(batch) >= _BATCH:
            conn.execute(records.insert(), batch)
            batch = []
    if batch:
        conn.execute(records.insert(), batch)


def downgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_version_id"))
        batch_op.drop_index(batch_op.f("ix_records_created_at"))
        batch_op.drop_index("ix_records_article_seq")
    op.drop_table("records")
    with op.batch_alter_table("captures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_captures_requested_at"))
        batch_op.drop_index(batch_op.f("ix_captures_body_sha256"))
    op.drop_table("captures")
    op.drop_table("capture_blobs")
