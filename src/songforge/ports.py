"""The ports: what services need from storage, money, queues, files, providers and time."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import (
    GenerationResult,
    RemoteTask,
    Stage,
    StoredAsset,
    Task,
    TaskError,
)
from songforge.domain.webhooks import Delivery, Endpoint, SigningSecrets, TaskEvent


class Clock(Protocol):
    def now(self) -> float: ...


@dataclass(frozen=True)
class Credential:
    id: str
    organisation_id: str
    kind: str
    name: str
    key_prefix: str
    status: str
    limit_amount: Decimal | None
    used_amount: Decimal
    reserved_amount: Decimal
    models: tuple[str, ...]
    expires_at: float | None
    last_used_at: float | None
    created_at: float
    create_per_minute: int | None = None
    read_per_minute: int | None = None
    max_in_flight: int | None = None


@dataclass(frozen=True)
class UsageFilter:
    api_key_id: str
    model: str | None = None
    scene: str | None = None
    start: float | None = None
    end: float | None = None
    # Records of these models only (a vendor filter resolved through the catalogue).
    models: tuple[str, ...] | None = None


@dataclass(frozen=True)
class UsageRecord:
    id: str
    request_id: str
    task_id: str
    billing_transaction_id: str | None
    model: str
    logical_model: str
    scene: str
    usage_unit: str
    usage_quantity: int
    cost: Decimal
    status: str
    created_at: float


@dataclass(frozen=True)
class ModelUsage:
    """One (model, logical_model) group: request count, summed quantity and cost in USD."""

    model: str
    logical_model: str
    requests: int
    quantity: int
    cost: Decimal


@dataclass(frozen=True)
class UsageTotals:
    requests: int
    quantity: int
    cost: Decimal
    by_model: list[ModelUsage]
    by_scene: list[tuple[str, int, Decimal]]
    # (UTC epoch day number, requests, cost)
    daily: list[tuple[str, int, Decimal]]
    # (usage_unit, summed quantity)
    by_unit: list[tuple[str, int]]


class UsageRepository(Protocol):
    def records(self, where: UsageFilter, *, offset: int, limit: int) -> list[UsageRecord]: ...
    def totals(self, where: UsageFilter) -> UsageTotals: ...


@dataclass(frozen=True)
class Balance:
    organisation_id: str
    total_recharge: Decimal
    total_used: Decimal
    reserved: Decimal

    @property
    def balance(self) -> Decimal:
        return self.total_recharge - self.total_used

    @property
    def available(self) -> Decimal:
        return self.balance - self.reserved


@dataclass(frozen=True)
class TaskPage:
    tasks: list[Task]
    next_cursor: str | None


class TaskRepository(Protocol):
    def insert(self, task: Task) -> None: ...
    def get(self, task_id: str) -> Task | None: ...
    def list_for_organisation(
        self,
        organisation_id: str,
        *,
        api_key_id: str,
        limit: int,
        after: tuple[float, str] | None,
        status: str | None,
    ) -> list[Task]: ...
    def claim_next(self, owner: str, now: float, lease_until: float) -> Task | None: ...
    def extend_lease(self, task_id: str, owner: str, until: float) -> bool: ...
    def record_progress(
        self, task_id: str, owner: str, stage: Stage, percent: int, now: float
    ) -> bool: ...
    def mark_completed(
        self,
        task_id: str,
        owner: str,
        result: GenerationResult,
        clip_id: str | None,
        cost: Decimal,
        billing_transaction_id: str,
        now: float,
    ) -> bool: ...
    def requeue(
        self,
        task_id: str,
        owner: str | None,
        available_at: float,
        error: TaskError,
        now: float,
        *,
        stage: Stage = Stage.QUEUED,
        forget_remote: bool = False,
        refund_attempt: bool = False,
    ) -> bool: ...
    def reserve_remote_server(
        self, task_id: str, owner: str, backend: str, servers: list[str], per_server: int
    ) -> str | None: ...
    def record_remote(self, task_id: str, owner: str, remote: RemoteTask, now: float) -> bool: ...
    def remote_load(self, backend: str) -> dict[str, int]: ...
    def forget_files(self, task_id: str, now: float) -> None: ...
    def mark_failed(
        self,
        task_id: str,
        *,
        from_status: str,
        owner: str | None,
        error: TaskError,
        now: float,
        cancelled: bool = False,
    ) -> bool: ...
    def expired_leases(self, now: float) -> list[Task]: ...
    def find_clip(self, organisation_id: str, clip_or_task_id: str) -> Task | None: ...
    def count_by_status(self) -> dict[str, int]: ...


class AssetRepository(Protocol):
    def add(self, task_id: str, asset: StoredAsset, now: float) -> None: ...
    def get(self, asset_id: str) -> StoredAsset | None: ...
    def for_task(self, task_id: str) -> list[StoredAsset]: ...
    def created_before(self, cutoff: float, limit: int) -> list[tuple[str, StoredAsset]]:
        """(task id, asset) pairs of the oldest assets stored before `cutoff`."""
        ...

    def delete(self, asset_ids: list[str]) -> None: ...


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    created_at: float


class KeyRepository(Protocol):
    def create_organisation(self, organisation_id: str, name: str, now: float) -> None: ...
    def organisation_ids(self) -> list[str]: ...
    def organisations(self) -> list[Organisation]:
        """Every organisation, oldest first."""
        ...

    def insert(self, credential: Credential, secret_hash: str) -> None: ...
    def find_by_hash(self, secret_hash: str) -> Credential | None: ...
    def touch(self, key_id: str, now: float) -> None: ...
    def get(self, key_id: str) -> Credential | None: ...
    def list_for_organisation(
        self, organisation_id: str, kind: str, *, offset: int, limit: int
    ) -> tuple[list[Credential], int]: ...
    def update(self, key_id: str, changes: dict[str, Any]) -> None: ...
    def in_flight(self, key_id: str) -> int: ...


class Ledger(Protocol):
    def balance(self, organisation_id: str) -> Balance: ...
    def recharge(self, organisation_id: str, amount: Decimal, note: str, now: float) -> str: ...
    def reserve(self, organisation_id: str, api_key_id: str, amount: Decimal) -> None: ...
    def settle(self, task: Task, cost: Decimal, now: float) -> str: ...
    def release(self, task: Task, now: float) -> None: ...


@dataclass(frozen=True)
class Upload:
    """A caller's own audio, checked as audio and stored: `duration` in seconds,
    `sample_rate` in Hz, `source` "upload" (POST /v1/files) or "url" (a fetched audio_url)."""

    id: str
    organisation_id: str
    api_key_id: str
    storage_key: str
    filename: str
    content_type: str
    bytes: int
    duration: float
    sample_rate: int
    source: str
    created_at: float


class UploadRepository(Protocol):
    def add(self, upload: Upload) -> None: ...
    def get(self, upload_id: str) -> Upload | None: ...


class IdempotencyRepository(Protocol):
    def find(self, api_key_id: str, key: str, since: float) -> tuple[str, str] | None: ...
    def remember(
        self, api_key_id: str, key: str, body_hash: str, task_id: str, now: float
    ) -> bool: ...


class WebhookRepository(Protocol):
    def set_callback(self, task_id: str, url: str, events: tuple[str, ...]) -> None: ...
    def record_event(self, task_state: dict[str, Any], type_: str, now: float) -> int: ...
    def event_task(self, seq: int) -> Task: ...
    def task_history(self, task_id: str, after_seq: int) -> list[tuple[int, str, Task]]: ...
    def events_for_task(self, task_id: str, after_seq: int = 0) -> list[TaskEvent]: ...
    def event_body(self, seq: int) -> str | None: ...
    def fix_body(self, seq: int, body: str) -> str: ...
    def claim_due(self, owner: str, now: float, lease_until: float) -> Delivery | None: ...
    def get_delivery(self, delivery_id: str, *, with_history: bool = False) -> Delivery | None: ...
    def finish_attempt(
        self,
        delivery: Delivery,
        owner: str,
        started_at: float,
        *,
        status_code: int | None,
        latency_ms: float | None,
        error: str | None,
        outcome: str,
        next_attempt_at: float | None,
        now: float,
    ) -> bool: ...
    def list_deliveries(
        self, organisation_id: str, target: str, *, limit: int, offset: int
    ) -> tuple[list[Delivery], int]: ...
    def retry_delivery(self, delivery_id: str, now: float) -> bool: ...
    def add_endpoint(self, endpoint: Endpoint, secret: str) -> None: ...
    def get_endpoint(self, organisation_id: str, endpoint_id: str) -> Endpoint | None: ...
    def list_endpoints(self, organisation_id: str) -> list[Endpoint]: ...
    def update_endpoint(self, endpoint_id: str, changes: dict[str, Any]) -> None: ...
    def delete_endpoint(self, endpoint_id: str) -> None: ...
    def rotate_endpoint_secret(self, endpoint_id: str, overlap_until: float, now: float) -> str: ...
    def default_secret(self, organisation_id: str, now: float) -> tuple[str, float | None]: ...
    def reveal_default_secret(self, organisation_id: str, now: float) -> bool: ...
    def rotate_default_secret(
        self, organisation_id: str, overlap_until: float, now: float
    ) -> str: ...
    def signing_secrets(self, delivery: Delivery, now: float) -> SigningSecrets | None: ...


class JobQueue(Protocol):
    def enqueue(self, task_id: str) -> None: ...


class UnitOfWork(Protocol):
    """One database transaction; repositories share it. Leaving without commit rolls back."""

    tasks: TaskRepository
    assets: AssetRepository
    keys: KeyRepository
    ledger: Ledger
    idempotency: IdempotencyRepository
    usage: UsageRepository
    uploads: UploadRepository
    jobs: JobQueue
    webhooks: WebhookRepository

    def commit(self) -> None: ...
    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> None: ...


UnitOfWorkFactory = Callable[..., AbstractContextManager[UnitOfWork]]


class BlobStore(Protocol):
    def put_file(self, key: str, source: Path, content_type: str) -> int: ...
    def put_bytes(self, key: str, data: bytes, content_type: str) -> int: ...
    def get_bytes(self, key: str) -> bytes: ...
    def local_path(self, key: str) -> Path | None: ...
    def exists(self, key: str) -> bool: ...
    def delete(self, key: str) -> None:
        """Removes the blob; a key that is already gone is not an error."""
        ...


@runtime_checkable
class RemoteBlobStore(BlobStore, Protocol):
    """A store whose files are not on this machine (S3): they are redirected to or fetched."""

    def presigned_url(
        self, key: str, filename: str, content_type: str, expires_seconds: int
    ) -> str: ...
    def download_to(self, key: str, target: Path) -> None: ...


ProgressCallback = Callable[[Stage, int], None]
# (kind, bytes or a file, content type) -> the asset, already stored
AssetSaverPort = Callable[[str, "bytes | Path", str], StoredAsset]


@dataclass
class SourceClip:
    """A completed clip handed to a provider for continuation, with its title and the
    prompt it was asked for (None when it had none)."""

    clip_id: str
    task_id: str
    metadata: dict[str, Any]
    assets: dict[str, StoredAsset]
    title: str | None = None
    prompt: str | None = None


@dataclass(frozen=True)
class InputAudio:
    """The caller's own audio for an upload operation, already fetched, checked and stored:
    its BlobStore key, content type, length in seconds, and a URL another server can fetch
    it from (expiring; None when songforge serves no public URL)."""

    file_id: str
    storage_key: str
    content_type: str
    duration: float
    url: str | None = None


class RemoteTaskBook(Protocol):
    """What a provider that generates on other servers may write on its task, under the
    worker's lease. Both methods raise LeaseLost (services.run_task) when the lease is gone:
    the provider must then stop, leaving the remote task to the lease's new holder."""

    def reserve_server(self, backend: str, servers: list[str], per_server: int) -> str | None:
        """One of `servers` with fewer than `per_server` live tasks of `backend`, now
        reserved for this task (the least busy, earlier ones winning ties); None when all
        are full."""
        ...

    def record(self, remote: RemoteTask) -> None:
        """Persists the server's task id the moment the server accepts the job, so a
        worker that dies while it renders is replaced by one that resumes polling it."""
        ...


@dataclass
class ProviderJob:
    task_id: str
    request: GenerationRequest
    seed: int
    report: ProgressCallback
    blobs: BlobStore
    save_asset: AssetSaverPort
    source: SourceClip | None = None
    audio: InputAudio | None = None
    # The remote task an earlier attempt started (resume polling it: never submit twice).
    remote: RemoteTask | None = None
    # Where a remote provider records the task it starts; None outside a worker's lease.
    remote_book: RemoteTaskBook | None = None


class ProviderFailure(Exception):
    """A provider's way of failing with a contract error code.

    `retryable`: the task goes back to pending (backoff, within its attempt limit) instead
    of failing. `retry_after`: seconds the backend asked us to wait (overrides the backoff).
    `forget_remote`: the recorded remote task is gone for good (its server forgot it or
    was replaced), so the next attempt submits anew instead of polling it.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retryable: bool = True,
        retry_after: float | None = None,
        forget_remote: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after
        self.forget_remote = forget_remote


class ProviderDeferred(Exception):
    """The provider could not start yet and nothing was spent (every server of its pool is
    busy): the task goes back to pending for `retry_after` seconds without using up an
    attempt."""

    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class BackendUnavailable(ProviderFailure):
    """The backend could not take the work now (unreachable, queue full, refused our key)
    and nothing was started there: another listed backend may serve the task, or it waits."""

    def __init__(self, message: str) -> None:
        super().__init__("upstream_error", message, retryable=True)


class Provider(Protocol):
    name: str

    def generate(self, job: ProviderJob) -> GenerationResult: ...


@dataclass(frozen=True)
class BackendProbe:
    """One look at a backend: whether it answered, how fast (seconds), how much work waits
    there (None when the backend does not say), and why it did not answer."""

    reachable: bool
    latency_seconds: float | None = None
    queue_depth: int | None = None
    detail: str | None = None


@runtime_checkable
class ProbingProvider(Protocol):
    """A backend that can be asked whether it is up (HTTP backends)."""

    name: str

    def generate(self, job: ProviderJob) -> GenerationResult: ...
    def probe(self, timeout_seconds: float) -> BackendProbe: ...


class RequestCheck(Protocol):
    """A provider's look at a request before it is accepted: raises a domain error (an
    InvalidParameter) for one it could only fail later. Runs in the API process; cheap."""

    def __call__(self, request: GenerationRequest, longest_duration: float) -> None: ...


class FetchRefused(Exception):
    """A URL that may not or could not be fetched; `reason` is a sentence for the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# url -> the body's bytes; raises FetchRefused. The guarded audio downloader in production.
Fetcher = Callable[[str], bytes]


class Dispatcher(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def notify(self) -> None: ...


class ProviderRegistryPort(Protocol):
    def get(self, name: str) -> Provider: ...
