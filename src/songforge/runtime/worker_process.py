"""The child side of a worker slot: a long-lived process that runs one task at a time.

It builds its own object graph once (database pool, providers, the engine's SoundFont) and
then waits for (task_id, owner) messages from its slot.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
from multiprocessing.connection import Connection

from songforge.services.run_task import execute
from songforge.settings import Settings
from songforge.wiring import build_services

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # A worker must not outlive the server that leased its task; Linux can enforce that.
    libc = open_libc()
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def open_libc() -> ctypes.CDLL | None:
    libc_name = ctypes.util.find_library("c")
    return ctypes.CDLL(libc_name, use_errno=True) if libc_name else None


def release_free_memory(libc: ctypes.CDLL | None) -> None:
    # A song frees hundreds of MB of audio buffers, but glibc keeps freed memory in its
    # per-thread arenas; giving it back after each task keeps an idle worker ~110 MB
    # smaller (docs/benchmarks.md). Other C libraries have no malloc_trim: nothing to do.
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:
        trim(0)


def worker_main(settings_json: str, conn: Connection) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    settings = Settings.model_validate_json(settings_json)
    services = build_services(settings)
    ctx = services.run_context()
    # Only the backends this installation routes to: a worker that never renders with the
    # engine should not spend seconds and hundreds of MB loading its SoundFonts.
    services.providers.warm(services.routing.backends())
    libc = open_libc()
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            break
        if message is None:
            break
        task_id, owner = message
        with services.uow_factory(read_only=True) as uow:
            task = uow.tasks.get(task_id)
        if task is not None:
            execute(ctx, task, owner)
            release_free_memory(libc)
        conn.send(("done", task_id))
    services.close()
