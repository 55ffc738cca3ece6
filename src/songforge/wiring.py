"""Object-graph wiring: builds one process's services, stores and dispatcher from Settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from songforge.db.connection import create_db_engine
from songforge.db.migrate import upgrade
from songforge.db.unit_of_work import SqlUnitOfWorkFactory
from songforge.domain.catalog import Catalog
from songforge.domain.webhooks import RetrySchedule
from songforge.outbound import SystemResolver, guarded_client
from songforge.outbound.policy import OutboundPolicy
from songforge.ports import BlobStore, Clock
from songforge.providers.registry import ProviderRegistry
from songforge.runtime.clock import SystemClock
from songforge.services.audio_inputs import AudioInputContext
from songforge.services.backend_health import BackendHealth
from songforge.services.backend_status import BackendMonitor
from songforge.services.create_task import CreateContext
from songforge.services.credentials import CredentialCache
from songforge.services.deliver_webhooks import DeliveryContext
from songforge.services.provider_routing import ProviderRouting
from songforge.services.rate_limits import RateLimitDefaults, RateLimiter, SharedRateLimiter
from songforge.services.run_task import RunContext
from songforge.services.webhook_destinations import DestinationRules
from songforge.services.webhook_management import WebhookContext
from songforge.settings import Settings
from songforge.storage.file_urls import FileUrls
from songforge.storage.local import LocalBlobStore

if TYPE_CHECKING:
    from songforge.outbound.resolver import Resolver


@dataclass
class Services:
    settings: Settings
    engine: sa.Engine
    uow_factory: SqlUnitOfWorkFactory
    catalog: Catalog
    routing: ProviderRouting
    providers: ProviderRegistry
    blobs: BlobStore
    clock: Clock
    file_urls: FileUrls
    credential_cache: CredentialCache
    rate_limiter: RateLimiter | SharedRateLimiter
    file_cache_dir: Path  # proxied remote files, fetched once per node
    health: BackendHealth  # this process's circuit breakers, one per backend
    monitor: BackendMonitor  # what /readyz and /metrics say of each backend
    resolver: Resolver | None = None  # DNS for outbound URLs; None: the system's

    def audio_inputs(self) -> AudioInputContext:
        from songforge.outbound.audio_download import AudioDownloader

        settings = self.settings
        return AudioInputContext(
            uow_factory=self.uow_factory,
            blobs=self.blobs,
            clock=self.clock,
            fetch=AudioDownloader(
                OutboundPolicy(
                    allow_http=settings.audio_url_allow_http,
                    allow_private=settings.audio_url_allow_private,
                ),
                max_bytes=settings.upload_max_bytes,
                timeout_seconds=settings.audio_url_timeout_seconds,
                resolver=self.resolver,
            ),
            max_bytes=settings.upload_max_bytes,
            max_seconds=settings.upload_max_seconds,
        )

    def destination_rules(self) -> DestinationRules:
        return DestinationRules(
            OutboundPolicy(
                allow_http=self.settings.webhook_allow_http,
                allow_private=self.settings.webhook_allow_private,
            ),
            self.resolver or SystemResolver(),
        )

    def webhook_context(self) -> WebhookContext:
        return WebhookContext(
            uow_factory=self.uow_factory,
            clock=self.clock,
            destinations=self.destination_rules(),
            secret_overlap_seconds=self.settings.webhook_secret_overlap_seconds,
        )

    def delivery_context(self) -> DeliveryContext:
        # The webhook body is the task object of the API; its presenter is the one source.
        from songforge.api.presenters import present_task

        rules = self.destination_rules()
        return DeliveryContext(
            uow_factory=self.uow_factory,
            clock=self.clock,
            client=guarded_client(
                rules.policy, rules.resolver, timeout=self.settings.webhook_timeout_seconds
            ),
            render_task=lambda task, now: present_task(task, self.file_urls, now),
            schedule=RetrySchedule(
                delays=tuple(self.settings.webhook_retry_delays),
                every=self.settings.webhook_retry_every,
                give_up_after=self.settings.webhook_retry_for,
            ),
            lease_seconds=self.settings.webhook_timeout_seconds + 5.0,
        )

    def create_context(self) -> CreateContext:
        return CreateContext(
            uow_factory=self.uow_factory,
            catalog=self.catalog,
            clock=self.clock,
            routing=self.routing,
            max_attempts=self.settings.max_attempts,
            max_in_flight=self.settings.max_tasks_in_flight,
            request_checks=self.providers.checks(),
            audio=self.audio_inputs(),
            destinations=self.destination_rules(),
        )

    def run_context(self) -> RunContext:
        return RunContext(
            uow_factory=self.uow_factory,
            catalog=self.catalog,
            routing=self.routing,
            providers=self.providers,
            blobs=self.blobs,
            clock=self.clock,
            retry_backoff_seconds=self.settings.retry_backoff_seconds,
            progress_throttle_seconds=self.settings.progress_throttle_seconds,
            health=self.health,
            upload_url=self.file_urls.upload_url,
        )

    def migrate(self) -> None:
        upgrade(self.engine, procrastinate=self.uow_factory.procrastinate)

    def close(self) -> None:
        self.engine.dispose()


def uses_procrastinate(settings: Settings, engine: sa.Engine) -> bool:
    if settings.dispatcher != "procrastinate":
        return False
    if engine.dialect.name != "postgresql":
        raise ValueError("SONGFORGE_DISPATCHER=procrastinate needs a PostgreSQL database.")
    return True


def build_blob_store(settings: Settings) -> BlobStore:
    if settings.storage == "local":
        return LocalBlobStore(settings.blob_dir())
    if settings.storage.startswith("s3://"):
        from songforge.storage.s3 import S3BlobStore, parse_s3_url

        bucket, prefix = parse_s3_url(settings.storage)
        return S3BlobStore(
            bucket,
            prefix,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
        )
    raise ValueError(
        f"Unsupported SONGFORGE_STORAGE: {settings.storage!r} (use 'local' or 's3://bucket/prefix')."
    )


def build_services(settings: Settings) -> Services:
    engine = create_db_engine(settings.resolved_database_url())
    catalog = Catalog.load(settings.catalog_path)
    providers = ProviderRegistry(settings)
    routing = ProviderRouting(
        catalog=catalog,
        available=providers.names(),
        override=settings.provider_override,
        per_model=settings.model_providers,
        capabilities=providers.capabilities(),
    )
    clock = SystemClock()
    uow_factory = SqlUnitOfWorkFactory(engine, procrastinate=uses_procrastinate(settings, engine))
    health = BackendHealth(
        clock,
        failure_threshold=settings.breaker_failure_threshold,
        reset_seconds=settings.breaker_reset_seconds,
    )

    def pending_tasks() -> int:
        with uow_factory(read_only=True) as uow:
            return uow.tasks.count_by_status().get("pending", 0)

    return Services(
        settings=settings,
        engine=engine,
        uow_factory=uow_factory,
        catalog=catalog,
        routing=routing,
        providers=providers,
        blobs=build_blob_store(settings),
        clock=clock,
        file_urls=FileUrls(
            public_base_url=settings.resolved_public_base_url(),
            secret=settings.resolved_signing_secret(),
            signed=settings.signed_urls,
            ttl_seconds=settings.signed_url_ttl_seconds,
        ),
        credential_cache=CredentialCache(settings.credential_cache_seconds),
        rate_limiter=build_rate_limiter(settings, engine),
        file_cache_dir=settings.resolved_data_dir() / "cache",
        health=health,
        monitor=BackendMonitor(
            routing.backends,
            providers,
            health,
            pending_tasks,
            probe_timeout_seconds=settings.backend_probe_timeout_seconds,
        ),
    )


def build_rate_limiter(settings: Settings, engine: sa.Engine) -> RateLimiter | SharedRateLimiter:
    defaults = RateLimitDefaults(
        create_per_minute=settings.rate_limit_create_per_minute,
        read_per_minute=settings.rate_limit_read_per_minute,
        max_in_flight=settings.max_tasks_in_flight,
        processes=settings.api_processes,
    )
    if engine.dialect.name == "postgresql":
        # Clusters: API nodes share PostgreSQL, so they share the windows there.
        from songforge.db.rate_window_counter import PostgresWindowCounter

        return SharedRateLimiter(defaults, PostgresWindowCounter(engine))
    return RateLimiter(defaults)
