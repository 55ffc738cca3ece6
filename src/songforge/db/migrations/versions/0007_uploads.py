"""uploads: callers' own audio files (POST /v1/files and fetched audio_url)

Revision ID: 0007_uploads
Revises: 0006_remote_tasks
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_uploads"
down_revision = "0006_remote_tasks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("organisation_id", sa.String(40), nullable=False),
        sa.Column("api_key_id", sa.String(40), nullable=False),
        sa.Column("storage_key", sa.String(200), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("bytes", sa.BigInteger(), nullable=False),
        sa.Column("duration_seconds", sa.Float(), nullable=False),
        sa.Column("sample_rate", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_uploads_organisation_id_organisations",
        ),
        sa.ForeignKeyConstraint(
            ["api_key_id"], ["api_keys.id"], name="fk_uploads_api_key_id_api_keys"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_uploads"),
    )
    op.create_index("ix_uploads_organisation_id", "uploads", ["organisation_id"])


def downgrade() -> None:
    op.drop_index("ix_uploads_organisation_id", table_name="uploads")
    op.drop_table("uploads")
