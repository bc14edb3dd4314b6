"""Event redirects: the id of an event merged into another still finds it (event_redirects).

Revision ID: 0007_event_redirects
Revises: 0006_appearances
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_event_redirects"
down_revision = "0006_appearances"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_redirects",
        sa.Column("old_id", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("old_id"),
    )
    op.create_index("ix_event_redirects_event_id", "event_redirects", ["event_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_event_redirects_event_id", table_name="event_redirects")
    op.drop_table("event_redirects")
