"""Reading tasks: one by id with ownership rules, or the caller's list, newest first."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from songforge.domain.errors import InvalidParameter, TaskNotAvailable, TaskNotFound
from songforge.domain.tasks import Task, TaskStatus
from songforge.ports import Credential, TaskPage, UnitOfWorkFactory


def check_owner(task: Task | None, credential: Credential) -> Task:
    if task is None or task.organisation_id != credential.organisation_id:
        raise TaskNotFound()
    if task.api_key_id != credential.id:
        raise TaskNotAvailable(
            "This task was created with another API key of your organisation.",
            param="id",
        )
    return task


def get_task(uow_factory: UnitOfWorkFactory, credential: Credential, task_id: str) -> Task:
    with uow_factory(read_only=True) as uow:
        return check_owner(uow.tasks.get(task_id), credential)


def _encode_cursor(task: Task) -> str:
    raw = json.dumps([task.created, task.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, task_id = json.loads(base64.urlsafe_b64decode(padded))
        return float(created), str(task_id)
    except (ValueError, TypeError, binascii.Error):
        raise InvalidParameter("'after' is not a valid cursor.", param="after") from None


@dataclass(frozen=True)
class ListQuery:
    limit: int = 20
    after: str | None = None
    status: str | None = None


def list_tasks(
    uow_factory: UnitOfWorkFactory, credential: Credential, query: ListQuery
) -> TaskPage:
    if not 1 <= query.limit <= 100:
        raise InvalidParameter("'limit' must be between 1 and 100.", param="limit")
    if query.status is not None and query.status not in TaskStatus.__members__.values():
        raise InvalidParameter(
            "'status' must be one of: pending, processing, completed, failed.", param="status"
        )
    after = _decode_cursor(query.after) if query.after else None
    with uow_factory(read_only=True) as uow:
        found = uow.tasks.list_for_organisation(
            credential.organisation_id,
            api_key_id=credential.id,
            limit=query.limit + 1,
            after=after,
            status=query.status,
        )
    page = found[: query.limit]
    next_cursor = _encode_cursor(page[-1]) if len(found) > query.limit else None
    return TaskPage(page, next_cursor)
