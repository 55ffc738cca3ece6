"""A worker-only node: the embedded dispatcher without the API, until SIGTERM or Ctrl-C."""

from __future__ import annotations

import signal
import threading

import structlog

from songforge.runtime.embedded import EmbeddedDispatcher
from songforge.runtime.webhook_senders import WebhookSenders
from songforge.settings import Settings
from songforge.wiring import build_services

log = structlog.get_logger("songforge.worker")


def run_worker_node(settings: Settings) -> None:
    services = build_services(settings)
    services.migrate()  # a no-op when the API nodes already migrated
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    dispatcher = EmbeddedDispatcher(settings, services.run_context(), max(1, settings.workers))
    dispatcher.start()
    senders = None
    if settings.webhook_senders > 0:
        senders = WebhookSenders(
            services.delivery_context(),
            settings.webhook_senders,
            dispatcher.worker_id,
            settings.webhook_poll_interval_seconds,
        )
        senders.start()
    listener = None
    if services.uow_factory.procrastinate:
        from songforge.runtime.procrastinate_wakeups import ProcrastinateListener

        listener = ProcrastinateListener(
            settings.resolved_database_url(),
            lambda _task_id: dispatcher.notify(),
            dispatcher.worker_id,
        )
        listener.start()
    log.info("worker_started", worker_id=dispatcher.worker_id, slots=max(1, settings.workers))
    try:
        stop.wait()
    finally:
        if listener is not None:
            listener.stop()
        if senders is not None:
            senders.stop()
        dispatcher.stop()
        services.close()
        log.info("worker_stopped", worker_id=dispatcher.worker_id)
