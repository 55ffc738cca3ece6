"""The ASGI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from songforge import __version__
from songforge.api.errors import install_error_handlers
from songforge.api.head_requests import HeadRequests
from songforge.api.metrics import Metrics
from songforge.api.middleware import RequestContextMiddleware
from songforge.api.openapi_document import describe_api
from songforge.api.routes import files, management, models, operations, tasks, web, webhooks
from songforge.domain.catalog import Catalog
from songforge.runtime.embedded import EmbeddedDispatcher, new_worker_id
from songforge.runtime.webhook_senders import WebhookSenders
from songforge.services.bootstrap import bootstrap_if_empty
from songforge.settings import Settings
from songforge.wiring import Services, build_services


def announce_bootstrap(services: Services) -> None:
    created = bootstrap_if_empty(
        services.uow_factory, services.clock, services.settings.trial_balance
    )
    if created is None:
        return
    # Shown once: only hashes are stored.
    print(
        "\nsongforge: created the default organisation with a trial balance of "
        f"${services.settings.trial_balance}.\n"
        f"  API key (inference):        {created.api_key}\n"
        f"  Management token:           {created.management_token}\n"
        "Store them now; they are not shown again.\n",
        flush=True,
    )


def create_app(
    settings: Settings,
    *,
    services: Services | None = None,
    run_workers: bool | None = None,
) -> FastAPI:
    services = services or build_services(settings)
    workers = settings.workers if run_workers is None or run_workers else 0
    metrics = Metrics(lambda: _task_counts(services), services.monitor.reports)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services.migrate()
        announce_bootstrap(services)
        dispatcher = None
        senders = None
        if workers > 0:
            dispatcher = EmbeddedDispatcher(
                settings, services.run_context(), workers, metrics.generation.observe
            )
            dispatcher.start()
            if settings.webhook_senders > 0:
                senders = WebhookSenders(
                    services.delivery_context(),
                    settings.webhook_senders,
                    new_worker_id(),
                    settings.webhook_poll_interval_seconds,
                )
                senders.start()
        app.state.dispatcher = dispatcher
        try:
            yield
        finally:
            if senders is not None:
                senders.stop()
            if dispatcher is not None:
                dispatcher.stop()
            services.close()

    # /docs with Swagger UI served from the installed package: it works without internet.
    app = FastAPIOffline(
        title="songforge",
        version=__version__,
        description="Self-hostable music generation speaking the TokenLab music API.",
        lifespan=lifespan,
        redoc_url=None,
        static_url="/docs-assets",
    )
    app.state.services = services
    app.state.metrics = metrics
    app.state.dispatcher = None
    install_error_handlers(app)
    served = services.routing.served_catalog()
    describe_api(
        app,
        Catalog([m for m in served if services.routing.listed(m)]),
        services.destination_rules().policy,
    )
    for module in (tasks, models, files, management, webhooks, operations):
        app.include_router(module.router)
    web.mount(app)
    app.add_middleware(HeadRequests)  # inside the request context, so HEADs are logged as HEAD
    app.add_middleware(
        RequestContextMiddleware,
        metrics=metrics,
        max_body_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.upload_max_bytes,
    )
    return app


def _task_counts(services: Services) -> dict[str, int]:
    with services.uow_factory(read_only=True) as uow:
        return uow.tasks.count_by_status()
