"""The candidate index covers its query: event_keys (key, day, article_id).

The candidate query (storage.events.candidates) reads, for each key, the newest reports of the
window: with article_id in the index it never visits the table (half its cost on a store of
100,000 reports, bench/README.md "Round 14 (branch issue-evspeed14)").

Revision ID: 0008_event_keys_covering
Revises: 0007_event_redirects
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0008_event_keys_covering"
down_revision = "0007_event_redirects"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_event_keys_key_day_article", "event_keys", ["key", "day", "article_id"], unique=False
    )
    op.drop_index("ix_event_keys_key_day", table_name="event_keys")


def downgrade() -> None:
    op.create_index("ix_event_keys_key_day", "event_keys", ["key", "day"], unique=False)
    op.drop_index("ix_event_keys_key_day_article", table_name="event_keys")
