"""One Settings object, read from SONGFORGE_* environment variables, built once, passed down."""

from __future__ import annotations

import contextlib
import os
import secrets
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SONGFORGE_", extra="ignore")

    data_dir: Path = Path("./data")
    database_url: str | None = None
    storage: str = "local"  # or s3://bucket/prefix
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    s3_presigned: bool = True  # redirect file URLs to presigned ones; else proxy the bytes
    public_base_url: str | None = None
    url_signing_secret: str | None = None
    signed_urls: bool = False
    signed_url_ttl_seconds: int = 3600
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(default=2, ge=0)
    # "procrastinate" (PostgreSQL only): jobs deferred with each task wake workers at once
    dispatcher: Literal["embedded", "procrastinate"] = "embedded"
    api_processes: int = Field(default=1, ge=1)
    catalog_path: Path | None = None
    provider_override: str | None = None
    # model id -> backend name, or an ordered list of names (the first healthy one serves)
    model_providers: dict[str, str | list[str]] = Field(default_factory=dict)
    # A backend that failed this many times in a row is skipped for breaker_reset_seconds.
    breaker_failure_threshold: int = Field(default=3, ge=1)
    breaker_reset_seconds: float = Field(default=30.0, gt=0)
    backend_probe_timeout_seconds: float = Field(default=2.0, gt=0)
    # A TokenLab-compatible API (TokenLab itself or another songforge) as the `upstream` backend
    upstream_url: str | None = None
    upstream_api_key: str | None = None
    upstream_timeout_seconds: float = Field(default=30.0, gt=0)
    upstream_poll_initial_seconds: float = Field(default=2.0, gt=0)
    upstream_poll_max_seconds: float = Field(default=10.0, gt=0)
    # An accepted upstream task unfinished this long after acceptance is lost (failed).
    upstream_deadline_seconds: float = Field(default=3600.0, gt=0)
    # ACE-Step 1.5 API servers as the `acestep` backend: one base URL per GPU, comma-separated
    acestep_url: str | None = None
    acestep_api_key: str | None = None
    acestep_max_in_flight: int = Field(default=1, ge=1)  # jobs per server at once
    acestep_model: str | None = None  # DiT model to ask for, e.g. acestep-v15-base
    acestep_timeout_seconds: float = Field(default=30.0, gt=0)
    acestep_poll_initial_seconds: float = Field(default=2.0, gt=0)
    acestep_poll_max_seconds: float = Field(default=10.0, gt=0)
    acestep_lost_after_seconds: float = Field(default=60.0, gt=0)
    acestep_unreachable_grace_seconds: float = Field(default=30.0, gt=0)
    # Uploaded audio (POST /v1/files, or audio_url fetched by songforge)
    upload_max_bytes: int = Field(default=50 * 1024 * 1024, ge=1)
    upload_max_seconds: float = Field(default=600.0, gt=0)
    audio_url_allow_http: bool = False
    # Development only: let audio_url reach loopback/private/link-local addresses.
    audio_url_allow_private: bool = False
    audio_url_timeout_seconds: float = Field(default=20.0, gt=0)
    lease_seconds: float = 30.0
    heartbeat_seconds: float = 5.0
    reaper_interval_seconds: float = 5.0
    # Generated files older than this many days are deleted; unset keeps them forever.
    file_retention_days: float | None = Field(default=None, gt=0)
    retention_sweep_interval_seconds: float = Field(default=60.0, gt=0)
    poll_interval_seconds: float = 0.2
    max_attempts: int = Field(default=3, ge=1)
    retry_backoff_seconds: float = 2.0
    progress_throttle_seconds: float = 0.5
    trial_balance: Decimal = Decimal("5.0000")
    max_body_bytes: int = 64 * 1024
    credential_cache_seconds: float = 2.0
    rate_limit_create_per_minute: int = Field(default=60, ge=1)
    rate_limit_read_per_minute: int = Field(default=1200, ge=1)
    max_tasks_in_flight: int = Field(default=10, ge=1)
    lyrics_api_base_url: str | None = None
    lyrics_api_key: str | None = None
    lyrics_api_model: str = "gpt-4o-mini"
    lyrics_api_timeout_seconds: float = 20.0
    # Webhooks. Destinations on loopback/private/CGNAT/link-local addresses (local
    # development and tests only) and plain http are refused unless allowed here; metadata,
    # multicast and reserved addresses are always refused.
    webhook_allow_private: bool = False
    webhook_allow_http: bool = False
    webhook_senders: int = Field(default=4, ge=0)  # delivery threads per node; 0 = none
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)
    webhook_poll_interval_seconds: float = Field(default=0.2, gt=0)
    # Retry schedule after failed attempts (seconds), then every ..._every, for ..._for.
    webhook_retry_delays: tuple[float, ...] = (5.0, 30.0, 120.0, 600.0, 3600.0)
    webhook_retry_every: float = Field(default=6 * 3600.0, gt=0)
    webhook_retry_for: float = Field(default=3 * 24 * 3600.0, gt=0)
    # After a secret rotation the old secret keeps signing (alongside) this long.
    webhook_secret_overlap_seconds: float = Field(default=24 * 3600.0, ge=0)
    log_level: str = "info"
    log_json: bool = True

    def resolved_public_base_url(self) -> str:
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"

    def resolved_data_dir(self) -> Path:
        path = self.data_dir.expanduser().resolve()
        path.mkdir(parents=True, exist_ok=True)
        return path

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolved_data_dir() / 'songforge.db'}"

    def resolved_signing_secret(self) -> str:
        """The configured secret, else one generated on first use and kept in the data dir."""
        if self.url_signing_secret:
            return self.url_signing_secret
        path = self.resolved_data_dir() / "url-signing.secret"
        if not path.exists():
            # Written aside and linked into place so concurrent first starts agree on one.
            draft = path.with_suffix(f".{os.getpid()}.tmp")
            draft.write_text(secrets.token_hex(32), encoding="utf-8")
            draft.chmod(0o600)
            with contextlib.suppress(FileExistsError):
                os.link(draft, path)
            draft.unlink()
        return path.read_text(encoding="utf-8").strip()

    def blob_dir(self) -> Path:
        path = self.resolved_data_dir() / "files"
        path.mkdir(parents=True, exist_ok=True)
        return path
