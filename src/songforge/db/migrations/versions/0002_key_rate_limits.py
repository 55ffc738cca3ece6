"""per-key rate limits and tasks in flight

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("create_per_minute", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("read_per_minute", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("max_in_flight", sa.Integer(), nullable=True))
    op.create_index("ix_tasks_api_key_status", "tasks", ["api_key_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_tasks_api_key_status", table_name="tasks")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("max_in_flight")
        batch.drop_column("read_per_minute")
        batch.drop_column("create_per_minute")
