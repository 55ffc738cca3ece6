"""The task state machine: statuses, stages, and the transitions allowed between them."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class TaskStatus(enum.StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"

    @property
    def is_terminal(self) -> bool:
        return self in (TaskStatus.COMPLETED, TaskStatus.FAILED)


class Stage(enum.StrEnum):
    QUEUED = "queued"
    # pending because no backend serving the model answers; retried with backoff
    WAITING_FOR_BACKEND = "waiting_for_backend"
    WRITING_LYRICS = "writing_lyrics"
    COMPOSING = "composing"
    RENDERING = "rendering"
    SINGING = "singing"
    MIXING = "mixing"
    ENCODING = "encoding"
    DONE = "done"


class Action(enum.StrEnum):
    MUSIC = "MUSIC"
    LYRICS = "LYRICS"


# Every status change in the system is one of these edges; stores turn each into a
# conditional UPDATE guarded by the source status.
TRANSITIONS: dict[TaskStatus, frozenset[TaskStatus]] = {
    TaskStatus.PENDING: frozenset({TaskStatus.PROCESSING, TaskStatus.FAILED}),
    # processing -> pending is the retry edge (attempt failed, or lease expired).
    TaskStatus.PROCESSING: frozenset({TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.PENDING}),
    TaskStatus.COMPLETED: frozenset(),
    TaskStatus.FAILED: frozenset(),
}


def can_transition(source: TaskStatus, target: TaskStatus) -> bool:
    return target in TRANSITIONS[source]


def new_task_id() -> str:
    return "ldtask_" + secrets.token_hex(16)


def new_clip_id() -> str:
    return "clip_" + secrets.token_hex(16)


@dataclass(frozen=True)
class TaskError:
    code: str
    message: str


@dataclass(frozen=True)
class RemoteTask:
    """A generation running on another server on a task's behalf (private: never shown).

    `backend` is the provider name that submitted it, `server` which server of that
    backend's pool (its base URL), `task_id` the id the server gave it, `accepted_at` when
    it accepted (epoch seconds). `task_id` is None while a server is only reserved: the
    submission has not been accepted yet.
    """

    backend: str
    server: str
    task_id: str | None = None
    accepted_at: float | None = None


@dataclass
class Task:
    id: str
    organisation_id: str
    api_key_id: str
    model: str
    action: Action
    status: TaskStatus
    stage: Stage
    progress: int
    request: dict[str, Any]
    request_id: str
    created: float
    updated: float
    reserved_amount: Decimal
    user: str | None = None
    attempts: int = 0
    max_attempts: int = 3
    time_limit_seconds: float = 300.0
    available_at: float = 0.0
    lease_owner: str | None = None
    lease_expires_at: float | None = None
    clip_id: str | None = None
    title: str | None = None
    lyrics: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    cost: Decimal | None = None
    billing_transaction_id: str | None = None
    error: TaskError | None = None
    cancelled: bool = False
    remote: RemoteTask | None = None

    @property
    def is_terminal(self) -> bool:
        return self.status.is_terminal


@dataclass(frozen=True)
class Progress:
    stage: Stage
    percent: int


@dataclass(frozen=True)
class StoredAsset:
    """An asset that is already written to the blob store."""

    id: str
    kind: str
    content_type: str
    filename: str
    size: int
    etag: str
    storage_key: str


@dataclass
class GenerationResult:
    """What a provider hands back; assets are already stored when this exists."""

    title: str | None
    lyrics: str | None
    metadata: dict[str, Any]
    assets: list[StoredAsset] = field(default_factory=list)
