"""SQLAlchemy Core tables. Money columns hold ten-thousandths of a dollar as integers."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("total_recharge_units", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("total_used_units", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("reserved_units", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.Float, nullable=False),
)

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(2), nullable=False),  # "sk" inference key, "mt" management
    sa.Column("name", sa.String(50), nullable=False),
    sa.Column("key_prefix", sa.String(16), nullable=False),
    sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("status", sa.String(10), nullable=False, server_default="active"),
    sa.Column("limit_units", sa.BigInteger, nullable=True),
    sa.Column("used_units", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("reserved_units", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("models", sa.JSON, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=True),
    sa.Column("last_used_at", sa.Float, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    # Operator overrides of the settings' defaults; null means "use the default".
    sa.Column("create_per_minute", sa.Integer, nullable=True),
    sa.Column("read_per_minute", sa.Integer, nullable=True),
    sa.Column("max_in_flight", sa.Integer, nullable=True),
)

tasks = sa.Table(
    "tasks",
    metadata,
    sa.Column("id", sa.String(48), primary_key=True),
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), nullable=False),
    sa.Column("api_key_id", sa.ForeignKey("api_keys.id"), nullable=False),
    sa.Column("model", sa.String(64), nullable=False),
    sa.Column("action", sa.String(10), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("progress", sa.Integer, nullable=False, server_default="0"),
    sa.Column("request", sa.JSON, nullable=False),
    sa.Column("request_id", sa.String(64), nullable=False),
    sa.Column("user", sa.String(256), nullable=True),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("max_attempts", sa.Integer, nullable=False),
    sa.Column("time_limit_seconds", sa.Float, nullable=False),
    sa.Column("available_at", sa.Float, nullable=False),
    sa.Column("lease_owner", sa.String(80), nullable=True),
    sa.Column("lease_expires_at", sa.Float, nullable=True),
    sa.Column("clip_id", sa.String(48), nullable=True, unique=True),
    sa.Column("title", sa.String(200), nullable=True),
    sa.Column("lyrics", sa.Text, nullable=True),
    sa.Column("metadata", sa.JSON, nullable=False),
    sa.Column("reserved_units", sa.BigInteger, nullable=False),
    sa.Column("cost_units", sa.BigInteger, nullable=True),
    sa.Column("billing_transaction_id", sa.String(48), nullable=True),
    sa.Column("error_code", sa.String(40), nullable=True),
    sa.Column("error_message", sa.Text, nullable=True),
    sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    # The generation a remote backend runs for this task (private; see RemoteTask).
    sa.Column("remote_backend", sa.String(40), nullable=True),
    sa.Column("remote_server", sa.String(300), nullable=True),
    sa.Column("remote_task_id", sa.String(200), nullable=True),
    sa.Column("remote_accepted_at", sa.Float, nullable=True),
    sa.Index("ix_tasks_status_available_at", "status", "available_at"),
    sa.Index("ix_tasks_remote_server", "remote_server"),
    sa.Index("ix_tasks_organisation_created", "organisation_id", "created_at"),
    sa.Index("ix_tasks_api_key_status", "api_key_id", "status"),
)

assets = sa.Table(
    "assets",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("task_id", sa.ForeignKey("tasks.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("content_type", sa.String(100), nullable=False),
    sa.Column("filename", sa.String(200), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("etag", sa.String(80), nullable=False),
    sa.Column("storage_key", sa.String(300), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

billing_transactions = sa.Table(
    "billing_transactions",
    metadata,
    sa.Column("id", sa.String(48), primary_key=True),
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), nullable=False, index=True),
    sa.Column("api_key_id", sa.String(40), nullable=True),
    sa.Column("task_id", sa.String(48), nullable=True, unique=True),
    sa.Column("kind", sa.String(12), nullable=False),  # recharge | charge
    sa.Column("amount_units", sa.BigInteger, nullable=False),
    sa.Column("note", sa.String(200), nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

usage_records = sa.Table(
    "usage_records",
    metadata,
    sa.Column("id", sa.String(48), primary_key=True),
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), nullable=False),
    sa.Column("api_key_id", sa.String(40), nullable=False),
    sa.Column("task_id", sa.String(48), nullable=False, unique=True),
    sa.Column("request_id", sa.String(64), nullable=False),
    sa.Column("billing_transaction_id", sa.String(48), nullable=True),
    sa.Column("model", sa.String(64), nullable=False),
    sa.Column("logical_model", sa.String(64), nullable=False),
    sa.Column("scene", sa.String(20), nullable=False),
    sa.Column("usage_unit", sa.String(20), nullable=False),
    sa.Column("usage_quantity", sa.Integer, nullable=False),
    sa.Column("cost_units", sa.BigInteger, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Index("ix_usage_records_key_created", "api_key_id", "created_at"),
)

task_attempts = sa.Table(
    "task_attempts",
    metadata,
    sa.Column("task_id", sa.String(48), primary_key=True),
    sa.Column("attempt", sa.Integer, primary_key=True),
    sa.Column("owner", sa.String(80), nullable=False),
    sa.Column("started_at", sa.Float, nullable=False),
    sa.Column("finished_at", sa.Float, nullable=True),
    sa.Column("outcome", sa.String(20), nullable=True),
)

rate_windows = sa.Table(
    "rate_windows",
    metadata,
    sa.Column("api_key_id", sa.String(40), primary_key=True),
    sa.Column("kind", sa.String(10), primary_key=True),
    sa.Column("window", sa.BigInteger, primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    sa.Column("api_key_id", sa.String(40), primary_key=True),
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("task_id", sa.String(48), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
)

# A caller's own audio (POST /v1/files, or an audio_url songforge fetched), checked as audio.
uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),  # file_<32 hex>
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), nullable=False, index=True),
    sa.Column("api_key_id", sa.ForeignKey("api_keys.id"), nullable=False),
    sa.Column("storage_key", sa.String(200), nullable=False),
    sa.Column("filename", sa.String(200), nullable=False),
    sa.Column("content_type", sa.String(64), nullable=False),
    sa.Column("bytes", sa.BigInteger, nullable=False),
    sa.Column("duration_seconds", sa.Float, nullable=False),
    sa.Column("sample_rate", sa.Integer, nullable=False),
    sa.Column("source", sa.String(8), nullable=False),  # "upload" | "url"
    sa.Column("created_at", sa.Float, nullable=False),
)
# -- webhooks ---------------------------------------------------------------------------------

# The callback a caller gave when creating a task (kept apart from the task's own columns).
task_callbacks = sa.Table(
    "task_callbacks",
    metadata,
    sa.Column("task_id", sa.String(48), primary_key=True),
    sa.Column("url", sa.String(2048), nullable=False),
    sa.Column("events", sa.JSON, nullable=False),
)

# The durable outbox: one row per task event, written in the transaction of the status
# change. `seq` orders a task's events (and numbers its event-stream messages).
task_events = sa.Table(
    "task_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(40), nullable=False, unique=True),  # the webhook-id, msg_…
    sa.Column("task_id", sa.String(48), nullable=False, index=True),
    sa.Column("organisation_id", sa.String(40), nullable=False),
    sa.Column("type", sa.String(24), nullable=False),
    sa.Column("occurred_at", sa.Float, nullable=False),
    # The task's row as the change left it, so the event shows that moment, not a later one.
    sa.Column("task_state", sa.JSON, nullable=False),
    # The signed body, fixed at the first send so every retry carries the same bytes.
    sa.Column("body", sa.Text, nullable=True),
)

webhook_endpoints = sa.Table(
    "webhook_endpoints",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), nullable=False, index=True),
    sa.Column("url", sa.String(2048), nullable=False),
    sa.Column("events", sa.JSON, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),  # enabled | disabled
    sa.Column("description", sa.String(200), nullable=True),
    sa.Column("secret", sa.String(80), nullable=False),
    # After a rotation the old secret also signs for a day, so receivers can switch over.
    sa.Column("previous_secret", sa.String(80), nullable=True),
    sa.Column("previous_secret_until", sa.Float, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
)

# Signs per-task callbacks; made on first use, its value readable once.
webhook_default_secrets = sa.Table(
    "webhook_default_secrets",
    metadata,
    sa.Column("organisation_id", sa.ForeignKey("organisations.id"), primary_key=True),
    sa.Column("secret", sa.String(80), nullable=False),
    sa.Column("previous_secret", sa.String(80), nullable=True),
    sa.Column("previous_secret_until", sa.Float, nullable=True),
    sa.Column("revealed_at", sa.Float, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
)

# One row per (event, destination); `target` is an endpoint id or "callbacks".
webhook_deliveries = sa.Table(
    "webhook_deliveries",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("event_seq", sa.Integer, nullable=False),
    sa.Column("task_id", sa.String(48), nullable=False),
    sa.Column("organisation_id", sa.String(40), nullable=False),
    sa.Column("target", sa.String(40), nullable=False),
    sa.Column("url", sa.String(2048), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),  # pending|delivering|succeeded|failed
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.Float, nullable=True),
    sa.Column("lease_owner", sa.String(80), nullable=True),
    sa.Column("lease_expires_at", sa.Float, nullable=True),
    sa.Column("last_status_code", sa.Integer, nullable=True),
    sa.Column("last_latency_ms", sa.Float, nullable=True),
    sa.Column("last_error", sa.String(300), nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.Column("delivered_at", sa.Float, nullable=True),
    sa.Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
    sa.Index("ix_webhook_deliveries_order", "task_id", "target", "event_seq"),
    sa.Index("ix_webhook_deliveries_target", "organisation_id", "target", "created_at"),
)

webhook_attempts = sa.Table(
    "webhook_attempts",
    metadata,
    sa.Column("delivery_id", sa.String(40), primary_key=True),
    sa.Column("attempt", sa.Integer, primary_key=True),
    sa.Column("started_at", sa.Float, nullable=False),
    sa.Column("status_code", sa.Integer, nullable=True),
    sa.Column("latency_ms", sa.Float, nullable=True),
    sa.Column("error", sa.String(300), nullable=True),
)
