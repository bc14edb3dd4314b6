"""What feeds list and history show: the effective interval and why, entries that took the
feed's text, a feed's own interval winning over its hints, and items that left their feed.

Revision ID: 0003
Revises: 0002_browse_indexes
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002_browse_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch rebuild: SQLite adds a column in place, while a rebuild
    # drops the old table, and with foreign keys on that cascades to every article and version.
    op.add_column(
        "feeds",
        sa.Column("strict_interval", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("feeds", sa.Column("hint_s", sa.Integer(), nullable=True))
    op.add_column("feeds", sa.Column("hint", sa.String(length=256), nullable=True))
    op.add_column("feeds", sa.Column("wait_s", sa.Integer(), nullable=True))
    op.add_column("feeds", sa.Column("wait_reason", sa.String(length=256), nullable=True))
    op.add_column("feeds", sa.Column("last_entries", sa.Integer(), nullable=True))
    op.add_column(
        "feeds", sa.Column("fell_back", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("feeds", sa.Column("fell_back_reasons", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("left_feed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("left_feed_at")
    with op.batch_alter_table("feeds") as batch:
        for column in (
            "fell_back_reasons",
            "fell_back",
            "last_entries",
            "wait_reason",
            "wait_s",
            "hint",
            "hint_s",
            "strict_interval",
        ):
            batch.drop_column(column)
