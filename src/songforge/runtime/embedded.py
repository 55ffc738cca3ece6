"""The embedded dispatcher: N worker processes fed from the task table by one thread.

The thread claims pending tasks with a conditional update, hands each to an idle worker
process, renews leases while they run, kills a worker that passes its model's time limit or
dies, and reaps leases abandoned by other (crashed) servers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

import structlog

from songforge.domain.tasks import Task, TaskError
from songforge.runtime.worker_process import worker_main
from songforge.services.file_retention import sweep_expired_files
from songforge.services.run_task import (
    RunContext,
    claim_next,
    heartbeat,
    reap_expired_leases,
    record_failure,
)
from songforge.settings import Settings

log = structlog.get_logger("songforge.dispatcher")

CRASHED = TaskError("generation_failed", "The generation process crashed.")


def new_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class Slot:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: Task | None = None
    started_at: float = 0.0
    beat_at: float = 0.0


class EmbeddedDispatcher:
    def __init__(
        self,
        settings: Settings,
        ctx: RunContext,
        slots: int,
        on_finished: Callable[[float], None] | None = None,
    ) -> None:
        self._settings = settings
        self._ctx = ctx
        self._slot_count = slots
        self._slots: list[Slot] = []
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._mp = multiprocessing.get_context("spawn")
        self.worker_id = new_worker_id()
        self._on_finished = on_finished

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> None:
        self._slots = [self._spawn() for _ in range(self._slot_count)]
        self._thread = threading.Thread(target=self._run, name="songforge-dispatcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        for slot in self._slots:
            self._retire(slot)

    def notify(self) -> None:
        self._wake.set()

    def busy_slots(self) -> int:
        return sum(1 for s in self._slots if s.task is not None)

    # -- slots -------------------------------------------------------------------------------
    def _spawn(self) -> Slot:
        parent, child = self._mp.Pipe()
        process = self._mp.Process(
            target=worker_main,
            args=(self._settings.model_dump_json(), child),
            name="songforge-worker",
            daemon=True,
        )
        process.start()
        child.close()
        return Slot(process=process, conn=parent)

    def _retire(self, slot: Slot) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            slot.conn.send(None)
        slot.process.join(timeout=2)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join(timeout=2)
        slot.conn.close()

    def _replace(self, index: int) -> None:
        slot = self._slots[index]
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(timeout=5)
        slot.conn.close()
        self._slots[index] = self._spawn()

    # -- the loop ----------------------------------------------------------------------------
    def _run(self) -> None:
        next_reap = next_sweep = 0.0
        while not self._stopping.is_set():
            try:
                now = time.monotonic()
                if now >= next_reap:
                    reaped = reap_expired_leases(self._ctx)
                    if reaped:
                        log.info("reaped_expired_leases", count=reaped)
                    next_reap = now + self._settings.reaper_interval_seconds
                if now >= next_sweep:
                    next_sweep = now + self._sweep_files()
                self._watch_slots()
                self._fill_slots()
            except Exception:  # the loop must survive a database hiccup
                log.exception("dispatcher_iteration_failed")
            # While a slot is busy or still starting, look again soon: a slot that frees up
            # (or becomes ready) must take the next pending task without waiting for a poll
            # or a wake-up that came too early, and busy slots need their heartbeats.
            idle_wait = self._settings.poll_interval_seconds
            settling = self.busy_slots() or any(not slot.ready for slot in self._slots)
            self._wake.wait(min(idle_wait, 0.1) if settling else idle_wait)
            self._wake.clear()

    def _sweep_files(self) -> float:
        """One batch of the retention sweep; returns seconds until the next one (soon
        while a backlog remains)."""
        days = self._settings.file_retention_days
        interval = self._settings.retention_sweep_interval_seconds
        if days is None:
            return interval
        ctx = self._ctx
        removed = sweep_expired_files(ctx.uow_factory, ctx.blobs, ctx.clock, days * 86_400)
        if removed:
            log.info("expired_files_removed", count=removed)
        return 1.0 if removed else interval

    def _watch_slots(self) -> None:
        for index, slot in enumerate(self._slots):
            while slot.conn.poll():
                try:
                    kind, _ = slot.conn.recv()
                except (EOFError, OSError):
                    break
                if kind == "ready":
                    slot.ready = True
                elif kind == "done" and slot.task is not None:
                    if self._on_finished is not None:
                        self._on_finished(time.monotonic() - slot.started_at)
                    slot.task = None
            task = slot.task
            if not slot.process.is_alive():
                if task is not None:
                    log.warning("worker_crashed", task_id=task.id, exitcode=slot.process.exitcode)
                    record_failure(self._ctx, task.id, self.worker_id, CRASHED, retryable=True)
                self._replace(index)
                continue
            if task is None:
                continue
            now = time.monotonic()
            if now - slot.started_at > task.time_limit_seconds:
                log.warning("task_time_limit", task_id=task.id, limit=task.time_limit_seconds)
                self._replace(index)
                record_failure(
                    self._ctx,
                    task.id,
                    self.worker_id,
                    TaskError(
                        "generation_timeout",
                        f"Generation took longer than {task.time_limit_seconds:g} s.",
                    ),
                    retryable=True,
                )
            elif now - slot.beat_at >= self._settings.heartbeat_seconds:
                slot.beat_at = now
                if not heartbeat(self._ctx, task.id, self.worker_id, self._settings.lease_seconds):
                    log.warning("lease_lost", task_id=task.id)
                    self._replace(index)

    def _fill_slots(self) -> None:
        for slot in self._slots:
            if not slot.ready or slot.task is not None or not slot.process.is_alive():
                continue
            task = claim_next(self._ctx, self.worker_id, self._settings.lease_seconds)
            if task is None:
                return
            now = time.monotonic()
            slot.task, slot.started_at, slot.beat_at = task, now, now
            slot.conn.send((task.id, self.worker_id))
            log.info("task_started", task_id=task.id, attempt=task.attempts)
