"""Task routes: create, read (two paths), list, cancel, and a server-sent event stream."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from songforge.api.dependencies import InferenceKey, ServicesDep
from songforge.api.errors import request_id_of
from songforge.api.json_body import read_json
from songforge.api.presenters import present_task, task_headers
from songforge.domain.errors import InvalidJson
from songforge.domain.tasks import Task, TaskStatus
from songforge.services.cancel_task import cancel_task
from songforge.services.create_task import create_task
from songforge.services.read_tasks import (
    CURSOR_PATTERN,
    MAX_PAGE_SIZE,
    ListQuery,
    get_task,
    list_tasks,
)
from songforge.services.task_stream import next_step, seq_of

router = APIRouter(tags=["tasks"])


@router.post("/v1/music/generations", summary="Create a music, lyrics or continuation task")
async def create_generation(
    request: Request,
    services: ServicesDep,
    credential: InferenceKey,
    idempotency_key: Annotated[
        str | None, Header(alias="Idempotency-Key", min_length=1, max_length=255)
    ] = None,
) -> JSONResponse:
    body = await read_json(request)
    if body is None:
        raise InvalidJson("Request body must be a JSON object.")
    outcome = await run_in_threadpool(
        create_task,
        services.create_context(),
        credential,
        body,
        request_id_of(request),
        idempotency_key,
    )
    dispatcher = getattr(request.app.state, "dispatcher", None)
    if dispatcher is not None and not outcome.replayed:
        dispatcher.notify()
    headers = task_headers(outcome.task)
    if outcome.replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(
        present_task(outcome.task, services.file_urls, services.clock.now()), headers=headers
    )


def _task_response(services: ServicesDep, credential: InferenceKey, task_id: str) -> JSONResponse:
    task = get_task(services.uow_factory, credential, task_id)
    return JSONResponse(
        present_task(task, services.file_urls, services.clock.now()), headers=task_headers(task)
    )


# Reads are async: one indexed SELECT costs less than handing off to a thread.
@router.get("/v1/tasks/{task_id}", summary="Get a task (the poll_url)")
async def read_task(task_id: str, services: ServicesDep, credential: InferenceKey) -> JSONResponse:
    return _task_response(services, credential, task_id)


@router.get("/v1/music/generations/{task_id}", summary="Get a task (compatibility route)")
async def read_generation(
    task_id: str, services: ServicesDep, credential: InferenceKey
) -> JSONResponse:
    return _task_response(services, credential, task_id)


@router.get("/v1/tasks", summary="The caller's tasks, newest first")
def list_my_tasks(
    services: ServicesDep,
    credential: InferenceKey,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 20,
    after: Annotated[
        str | None,
        Query(pattern=CURSOR_PATTERN, description="The previous page's next_cursor"),
    ] = None,
    status: Annotated[TaskStatus | None, Query()] = None,
) -> JSONResponse:
    query = ListQuery(limit, after, status.value if status else None)
    page = list_tasks(services.uow_factory, credential, query)
    now = services.clock.now()
    return JSONResponse(
        {
            "object": "list",
            "data": [present_task(t, services.file_urls, now) for t in page.tasks],
            "has_more": page.next_cursor is not None,
            "next_cursor": page.next_cursor,
        }
    )


@router.delete("/v1/tasks/{task_id}", summary="Cancel a pending task")
def cancel(task_id: str, services: ServicesDep, credential: InferenceKey) -> JSONResponse:
    task = cancel_task(services.uow_factory, services.clock, credential, task_id)
    return JSONResponse(
        present_task(task, services.file_urls, services.clock.now()), headers=task_headers(task)
    )


@router.get("/v1/tasks/{task_id}/events", summary="Server-sent events until the task ends")
async def task_events(
    task_id: str,
    request: Request,
    services: ServicesDep,
    credential: InferenceKey,
    last_event_id: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
) -> Response:
    """Each message carries `id:`; reconnecting with `Last-Event-ID` sends the status changes
    missed since, then the current state. The terminal state is sent once: a reconnect that
    already holds it gets 204, which tells EventSource clients to stop reconnecting."""
    resumed = seq_of(last_event_id)
    step = await run_in_threadpool(
        next_step,
        services.uow_factory,
        credential,
        task_id,
        resumed or 0,
        last_event_id,
        replay=resumed is not None,
    )
    if step.task.is_terminal and not step.messages:
        return Response(status_code=204, headers={"X-Task-ID": step.task.id})

    def message(event: str, task: Task) -> str:
        body = present_task(task, services.file_urls, services.clock.now())
        return f"id: {event}\nevent: task\ndata: {json.dumps(body)}\n\n"

    async def stream() -> AsyncIterator[str]:
        current = step
        last_sent = last_event_id
        idle = 0.0
        while True:
            for event, task in current.messages:
                last_sent, idle = event, 0.0
                yield message(event, task)
            if idle >= 15:
                idle = 0.0
                yield ": keep-alive\n\n"
            if current.task.is_terminal or await request.is_disconnected():
                return
            await asyncio.sleep(0.5)
            idle += 0.5
            current = await run_in_threadpool(
                next_step,
                services.uow_factory,
                credential,
                task_id,
                current.seq,
                last_sent,
                replay=True,
            )

    return StreamingResponse(
        stream(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Task-ID": step.task.id},
    )
