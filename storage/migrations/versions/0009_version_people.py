"""Each version keeps the people read in its text: versions.people and versions.people_key.

Change detection compares the people of a report's previous version with those of the new
one. The previous version's people were read again from its text in every edited pass (a
second reading of every edited report, ~a third of its people-reading work); they are now kept
when a version is stored and read back (worker/pipeline/snapshot.py). `people` is JSON (one
[name, canonical, role, segment, position] per person, in text order); `people_key` names the
reading that made them (the people readers' code and the roster: worker.ingest.
reading_key): people kept under another key, or none (versions stored before this
migration), are read from the text again, as before.

Revision ID: 0009_version_people
Revises: 0008_event_keys_covering
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_version_people"
down_revision = "0008_event_keys_covering"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("versions", sa.Column("people", sa.Text(), nullable=True))
    op.add_column("versions", sa.Column("people_key", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("versions") as batch:
        batch.drop_column("people_key")
        batch.drop_column("people")
