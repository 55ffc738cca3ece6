"""Reading tasks: one by id with ownership rules, or the caller's list, newest first."""

from __future__ import annotations

import re
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


# `<created seconds>_<task id>`: readable, and describable by a pattern in the OpenAPI
# document, so a client (or a fuzzer) can tell a well-formed cursor from a broken one.
CURSOR_PATTERN = r"^[0-9]{1,12}(\.[0-9]{1,9})?_ldtask_[0-9a-f]{32}$"


def _encode_cursor(task: Task) -> str:
    return f"{task.created!r}_{task.id}"


def _decode_cursor(cursor: str) -> tuple[float, str]:
    if re.fullmatch(CURSOR_PATTERN, cursor) is None:
        raise InvalidParameter("'after' is not a valid cursor.", param="after")
    created, task_id = cursor.split("_", 1)
    return float(created), task_id


MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class ListQuery:
    limit: int = 20
    after: str | None = None
    status: str | None = None


def list_tasks(
    uow_factory: UnitOfWorkFactory, credential: Credential, query: ListQuery
) -> TaskPage:
    if not 1 <= query.limit <= MAX_PAGE_SIZE:
        raise InvalidParameter(f"'limit' must be between 1 and {MAX_PAGE_SIZE}.", param="limit")
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
