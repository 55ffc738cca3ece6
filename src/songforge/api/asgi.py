"""ASGI entry point for `uvicorn songforge.api.asgi:app --factory`."""

from __future__ import annotations

import gc

from fastapi import FastAPI

from songforge.api.app import create_app
from songforge.logging_setup import configure_logging
from songforge.settings import Settings


def app() -> FastAPI:
    settings = Settings()
    configure_logging(settings.log_level, settings.log_json)
    application = create_app(settings)
    tune_garbage_collector()
    return application


def tune_garbage_collector() -> None:
    """Fewer, cheaper collections: the long-lived startup objects are frozen out of every
    scan, and young collections wait for more garbage (they were the latency tail)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
