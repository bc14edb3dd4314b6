"""An index for browsing changes by feed (`wirediff serve`): each feed's newest change, and
keyset pages of one feed, newest first. (Indexes on (detected_at, id) and (kind,
detected_at, id) were measured too, and gained nothing over the existing single-column ones
at 100,000 changes: bench/bench_serve.py.)

Revision ID: 0002_browse_indexes
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op


revision = "0002_browse_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_changes_feed_detected_id", ["feed_id", "detected_at", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_feed_detected_id")
