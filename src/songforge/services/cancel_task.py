"""Cancelling a task that has not started: it fails as cancelled and its hold is released."""

from __future__ import annotations

from songforge.domain.errors import TaskNotCancellable
from songforge.domain.tasks import Task, TaskError, TaskStatus
from songforge.ports import Clock, Credential, UnitOfWorkFactory
from songforge.services.read_tasks import check_owner

CANCELLED = TaskError("cancelled", "The task was cancelled by the caller.")


def cancel_task(
    uow_factory: UnitOfWorkFactory, clock: Clock, credential: Credential, task_id: str
) -> Task:
    now = clock.now()
    with uow_factory() as uow:
        task = check_owner(uow.tasks.get(task_id), credential)
        won = uow.tasks.mark_failed(
            task.id,
            from_status=TaskStatus.PENDING.value,
            owner=None,
            error=CANCELLED,
            now=now,
            cancelled=True,
        )
        if not won:
            raise TaskNotCancellable(
                f"Only a pending task can be cancelled; this one is {task.status.value}.",
                param="id",
            )
        uow.ledger.release(task, now)
        cancelled = uow.tasks.get(task.id)
        uow.commit()
    assert cancelled is not None
    return cancelled
