"""remote tasks: the generation a backend server runs for a task, kept across workers

Revision ID: 0006_remote_tasks
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_remote_tasks"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("remote_backend", sa.String(40), nullable=True))
        batch.add_column(sa.Column("remote_server", sa.String(300), nullable=True))
        batch.add_column(sa.Column("remote_task_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("remote_accepted_at", sa.Float(), nullable=True))
    op.create_index("ix_tasks_remote_server", "tasks", ["remote_server"])


def downgrade() -> None:
    op.drop_index("ix_tasks_remote_server", table_name="tasks")
    with op.batch_alter_table("tasks") as batch:
        batch.drop_column("remote_accepted_at")
        batch.drop_column("remote_task_id")
        batch.drop_column("remote_server")
        batch.drop_column("remote_backend")
