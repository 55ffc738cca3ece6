"""Enqueueing a task's job inside the same transaction that inserts the task.

With procrastinate the job row (and its NOTIFY) commits or rolls back together with the
task and its money hold; without it, the task row alone is the queue.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

QUEUE = "songforge"
TASK_NAME = "songforge.wake"

_DEFER = sa.text(
    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task_name, 0, NULL, NULL, "
    "CAST(:args AS jsonb), NULL)::procrastinate_job_to_defer_v1])"
)


class ProcrastinateJobQueue:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def enqueue(self, task_id: str) -> None:
        self._c.execute(
            _DEFER,
            {"queue": QUEUE, "task_name": TASK_NAME, "args": json.dumps({"task_id": task_id})},
        )


class TableOnlyQueue:
    """The task row is the whole queue: workers find it by polling."""

    def enqueue(self, task_id: str) -> None:
        return None
