"""Procrastinate delivers each task's job to a worker node; the job wakes the dispatcher.

The job carries only the task id. The dispatcher then claims work from the task table as
always (conditional UPDATE, lease), so the table stays the source of truth: a job that is
delivered twice, or to a node whose slots are full, can never run a task twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable

import procrastinate
import structlog

from songforge.db.job_queue import QUEUE, TASK_NAME

log = structlog.get_logger("songforge.procrastinate")


def conninfo(database_url: str) -> str:
    return database_url.replace("postgresql+psycopg://", "postgresql://", 1)


def build_app(database_url: str, on_job: Callable[[str], None]) -> procrastinate.App:
    app = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=conninfo(database_url))
    )

    @app.task(name=TASK_NAME, queue=QUEUE)
    async def wake(task_id: str) -> None:
        on_job(task_id)

    return app


class ProcrastinateListener:
    """Runs a procrastinate worker on its own thread and event loop."""

    def __init__(self, database_url: str, on_job: Callable[[str], None], name: str) -> None:
        self._app = build_app(database_url, on_job)
        self._name = name
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._run, name="songforge-procrastinate", daemon=True
        )
        self._thread.start()
        self._ready.wait(timeout=30)

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(timeout=15)

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        async with self._app.open_async():
            worker = asyncio.create_task(
                self._app.run_worker_async(
                    queues=[QUEUE],
                    name=self._name,
                    install_signal_handlers=False,
                    delete_jobs="successful",
                    concurrency=4,
                )
            )
            self._ready.set()
            log.info("procrastinate_listening", queue=QUEUE)
            await self._stop.wait()
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker
