"""webhooks: task callbacks, the task-event outbox, endpoints, secrets, deliveries, attempts

Revision ID: 0008_webhooks
Revises: 0007_uploads
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_webhooks"
down_revision = "0007_uploads"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_callbacks",
        sa.Column("task_id", sa.String(48), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("task_id", name="pk_task_callbacks"),
    )
    op.create_table(
        "task_events",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("task_id", sa.String(48), nullable=False),
        sa.Column("organisation_id", sa.String(40), nullable=False),
        sa.Column("type", sa.String(24), nullable=False),
        sa.Column("occurred_at", sa.Float(), nullable=False),
        sa.Column("task_state", sa.JSON(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_task_events"),
        sa.UniqueConstraint("id", name="uq_task_events_id"),
    )
    op.create_index("ix_task_events_task_id", "task_events", ["task_id"])
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("organisation_id", sa.String(40), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("description", sa.String(200), nullable=True),
        sa.Column("secret", sa.String(80), nullable=False),
        sa.Column("previous_secret", sa.String(80), nullable=True),
        sa.Column("previous_secret_until", sa.Float(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_webhook_endpoints_organisation_id_organisations",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_endpoints"),
    )
    op.create_index(
        "ix_webhook_endpoints_organisation_id", "webhook_endpoints", ["organisation_id"]
    )
    op.create_table(
        "webhook_default_secrets",
        sa.Column("organisation_id", sa.String(40), nullable=False),
        sa.Column("secret", sa.String(80), nullable=False),
        sa.Column("previous_secret", sa.String(80), nullable=True),
        sa.Column("previous_secret_until", sa.Float(), nullable=True),
        sa.Column("revealed_at", sa.Float(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_webhook_default_secrets_organisation_id_organisations",
        ),
        sa.PrimaryKeyConstraint("organisation_id", name="pk_webhook_default_secrets"),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.String(48), nullable=False),
        sa.Column("organisation_id", sa.String(40), nullable=False),
        sa.Column("target", sa.String(40), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_attempt_at", sa.Float(), nullable=True),
        sa.Column("lease_owner", sa.String(80), nullable=True),
        sa.Column("lease_expires_at", sa.Float(), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_latency_ms", sa.Float(), nullable=True),
        sa.Column("last_error", sa.String(300), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.Float(), nullable=False),
        sa.Column("delivered_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_deliveries"),
    )
    op.create_index(
        "ix_webhook_deliveries_due", "webhook_deliveries", ["status", "next_attempt_at"]
    )
    op.create_index(
        "ix_webhook_deliveries_order", "webhook_deliveries", ["task_id", "target", "event_seq"]
    )
    op.create_index(
        "ix_webhook_deliveries_target",
        "webhook_deliveries",
        ["organisation_id", "target", "created_at"],
    )
    op.create_table(
        "webhook_attempts",
        sa.Column("delivery_id", sa.String(40), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.Float(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Float(), nullable=True),
        sa.Column("error", sa.String(300), nullable=True),
        sa.PrimaryKeyConstraint("delivery_id", "attempt", name="pk_webhook_attempts"),
    )


def downgrade() -> None:
    op.drop_table("webhook_attempts")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhook_default_secrets")
    op.drop_table("webhook_endpoints")
    op.drop_table("task_events")
    op.drop_table("task_callbacks")
