"""Serving: one process, or several API processes beside one embedded dispatcher."""

from __future__ import annotations

import os

import uvicorn
from fastapi import FastAPI

from songforge.api.app import announce_bootstrap, create_app
from songforge.api.asgi import tune_garbage_collector
from songforge.runtime.embedded import EmbeddedDispatcher
from songforge.settings import Settings
from songforge.wiring import build_services


def _serve(
    app: FastAPI | str, settings: Settings, *, factory: bool = False, workers: int | None = None
) -> None:
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        factory=factory,
        workers=workers,
        log_level="warning",
        access_log=False,  # the app logs requests itself, with ids
        loop="uvloop",
        http="httptools",
    )


def run_server(settings: Settings) -> None:
    if settings.api_processes == 1:
        application = create_app(settings)
        tune_garbage_collector()
        _serve(application, settings)
        return
    # Several API processes share the port; the dispatcher runs once, in this parent, so the
    # number of worker slots stays what the operator set.
    services = build_services(settings)
    services.migrate()
    announce_bootstrap(services)
    dispatcher = None
    if settings.workers > 0:
        dispatcher = EmbeddedDispatcher(settings, services.run_context(), settings.workers)
        dispatcher.start()
    os.environ["SONGFORGE_WORKERS"] = "0"  # read by each API process's factory
    try:
        _serve("songforge.api.asgi:app", settings, factory=True, workers=settings.api_processes)
    finally:
        if dispatcher is not None:
            dispatcher.stop()
        services.close()
