"""The child side of a worker slot: a long-lived process that runs one task at a time.

It builds its own object graph once (database pool, providers, the engine's SoundFont) and
then waits for (task_id, owner) messages from its slot.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal
from multiprocessing.connection import Connection

from songforge.composition import build_services
from songforge.services.run_task import execute
from songforge.settings import Settings

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    # A worker must not outlive the server that leased its task; Linux can enforce that.
    libc_name = ctypes.util.find_library("c")
    if libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def worker_main(settings_json: str, conn: Connection) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    settings = Settings.model_validate_json(settings_json)
    services = build_services(settings)
    ctx = services.run_context()
    services.providers.warm()
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
        conn.send(("done", task_id))
    services.close()
