"""Running a claimed task: call its provider, store the result, settle; or retry, or fail."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from songforge.domain.billing import settle_amount
from songforge.domain.catalog import Catalog
from songforge.domain.download_names import song_file_name
from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import (
    Action,
    GenerationResult,
    RemoteTask,
    Stage,
    StoredAsset,
    Task,
    TaskError,
    TaskStatus,
    new_clip_id,
)
from songforge.ports import (
    BackendUnavailable,
    BlobStore,
    Clock,
    InputAudio,
    ProviderDeferred,
    ProviderFailure,
    ProviderJob,
    ProviderRegistryPort,
    SourceClip,
    UnitOfWorkFactory,
)
from songforge.services.backend_health import BackendHealth
from songforge.services.provider_routing import ProviderRouting


class LeaseLost(Exception):
    """The task is no longer ours (lease expired and taken over); stop working on it."""


@dataclass(frozen=True)
class RunContext:
    uow_factory: UnitOfWorkFactory
    catalog: Catalog
    routing: ProviderRouting
    providers: ProviderRegistryPort
    blobs: BlobStore
    clock: Clock
    retry_backoff_seconds: float = 2.0
    progress_throttle_seconds: float = 0.5
    health: BackendHealth = field(default_factory=lambda: BackendHealth(_MonotonicClock()))
    # (file id, expires) -> a signed URL of the upload another server may fetch
    upload_url: Callable[[str, int], str] | None = None


# A backend fetching a caller's audio gets a URL valid this long after the task was made; one
# URL for every attempt, so a retried create upstream is the same request.
UPLOAD_URL_SECONDS = 7 * 86_400


class _MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class ProgressWriter:
    """Writes progress back throttled, only forward; notices when the lease is gone."""

    def __init__(self, ctx: RunContext, task_id: str, owner: str) -> None:
        self._ctx = ctx
        self._task_id = task_id
        self._owner = owner
        self._stage: Stage | None = None
        self._percent = 0
        self._written_at = 0.0

    def __call__(self, stage: Stage, percent: int) -> None:
        percent = max(self._percent, min(99, int(percent)))
        now = self._ctx.clock.now()
        changed_stage = stage != self._stage
        if not changed_stage and now - self._written_at < self._ctx.progress_throttle_seconds:
            self._percent = percent
            return
        with self._ctx.uow_factory() as uow:
            ok = uow.tasks.record_progress(self._task_id, self._owner, stage, percent, now)
            uow.commit()
        if not ok and not _still_ours(self._ctx, self._task_id, self._owner):
            raise LeaseLost(self._task_id)
        self._stage, self._percent, self._written_at = stage, percent, now


def _still_ours(ctx: RunContext, task_id: str, owner: str) -> bool:
    with ctx.uow_factory(read_only=True) as uow:
        task = uow.tasks.get(task_id)
    return task is not None and task.status is TaskStatus.PROCESSING and task.lease_owner == owner


class LeasedRemoteBook:
    """The RemoteTaskBook of one claimed attempt: every write is guarded by its lease."""

    def __init__(self, ctx: RunContext, task_id: str, owner: str) -> None:
        self._ctx = ctx
        self._task_id = task_id
        self._owner = owner

    def reserve_server(self, backend: str, servers: list[str], per_server: int) -> str | None:
        with self._ctx.uow_factory() as uow:
            server = uow.tasks.reserve_remote_server(
                self._task_id, self._owner, backend, servers, per_server
            )
            uow.commit()
        if server is None and not _still_ours(self._ctx, self._task_id, self._owner):
            raise LeaseLost(self._task_id)
        return server

    def record(self, remote: RemoteTask) -> None:
        with self._ctx.uow_factory() as uow:
            ok = uow.tasks.record_remote(self._task_id, self._owner, remote, self._ctx.clock.now())
            uow.commit()
        if not ok:
            raise LeaseLost(self._task_id)


ASSET_EXTENSIONS = {
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
    "audio/flac": ".flac",
    "video/mp4": ".mp4",
    "image/png": ".png",
    "application/json": ".json",
    "audio/midi": ".mid",
}


class AssetSaver:
    def __init__(self, blobs: BlobStore, task_id: str) -> None:
        self._blobs = blobs
        self._task_id = task_id

    def __call__(self, kind: str, data: bytes | Path, content_type: str) -> StoredAsset:
        asset_id = secrets.token_hex(16)
        extension = ASSET_EXTENSIONS.get(content_type, ".bin")
        key = f"{self._task_id}/{asset_id}{extension}"
        if isinstance(data, Path):
            size = self._blobs.put_file(key, data, content_type)
            digest = _file_digest(data)
        else:
            size = self._blobs.put_bytes(key, data, content_type)
            digest = hashlib.sha256(data).hexdigest()
        return StoredAsset(
            id=asset_id,
            kind=kind,
            content_type=content_type,
            filename=f"{kind}{extension}",
            size=size,
            etag=digest[:32],
            storage_key=key,
        )


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _load_source(ctx: RunContext, task: Task, request: GenerationRequest) -> SourceClip | None:
    if request.continue_clip_id is None:
        return None
    with ctx.uow_factory(read_only=True) as uow:
        source = uow.tasks.find_clip(task.organisation_id, request.continue_clip_id)
        if source is None or source.clip_id is None:
            raise ProviderFailure(
                "clip_not_found", "The clip to continue is gone.", retryable=False
            )
        assets = {a.kind: a for a in uow.assets.for_task(source.id)}
    prompt = source.request.get("prompt")
    return SourceClip(
        source.clip_id,
        source.id,
        source.metadata,
        assets,
        title=source.title,
        prompt=prompt if isinstance(prompt, str) else None,
    )


def accepted_remote(task: Task) -> RemoteTask | None:
    """The remote task an earlier attempt started and its server accepted, if any."""
    remote = task.remote
    return remote if remote is not None and remote.task_id is not None else None


def _load_audio(ctx: RunContext, task: Task, request: GenerationRequest) -> InputAudio | None:
    if request.audio_file_id is None:
        return None
    with ctx.uow_factory(read_only=True) as uow:
        upload = uow.uploads.get(request.audio_file_id)
    if upload is None:
        raise ProviderFailure("invalid_parameter", "The uploaded audio is gone.", retryable=False)
    url = None
    if ctx.upload_url is not None:
        url = ctx.upload_url(upload.id, int(task.created) + UPLOAD_URL_SECONDS)
    return InputAudio(upload.id, upload.storage_key, upload.content_type, upload.duration, url)


NO_BACKEND = "No backend serving this model is reachable right now."


def _generate(ctx: RunContext, task: Task, job: ProviderJob) -> GenerationResult:
    """Tries the model's backends in the operator's order, skipping those whose breaker is
    open and moving on from one that is unreachable. Raises BackendUnavailable when none
    could take the task, or what the serving backend raised."""
    request = job.request
    tried: list[str] = []
    pinned = job.remote.backend if job.remote is not None else None
    # A task whose remote task was accepted resumes with that backend only, whatever the
    # routing or its breaker say now: the work is already paid for there.
    names = [pinned] if pinned else ctx.routing.candidates(task.model, request.operation)
    for name in names:
        if pinned is None and not ctx.health.allows(name):
            continue
        tried.append(name)
        provider = ctx.providers.get(name)
        started = time.monotonic()
        try:
            result = provider.generate(job)
        except BackendUnavailable as down:
            ctx.health.failed(name, down.message)
            continue
        ctx.health.succeeded(name, time.monotonic() - started)
        return result
    raise BackendUnavailable(NO_BACKEND)


def execute(ctx: RunContext, task: Task, owner: str) -> bool:
    """Runs one claimed attempt to its end. True when this call completed the task."""
    request = GenerationRequest.from_dict(task.request)
    try:
        job = ProviderJob(
            task_id=task.id,
            request=request,
            seed=int(request.seed or 0),
            report=ProgressWriter(ctx, task.id, owner),
            blobs=ctx.blobs,
            save_asset=AssetSaver(ctx.blobs, task.id),
            source=_load_source(ctx, task, request),
            remote=accepted_remote(task),
            remote_book=LeasedRemoteBook(ctx, task.id, owner),
            audio=_load_audio(ctx, task, request),
        )
        result = _generate(ctx, task, job)
    except LeaseLost:
        return False
    except BackendUnavailable:
        # Nothing was started anywhere: wait in the queue, saying why, until a backend
        # answers or the attempts run out (then upstream_error, the hold released).
        record_failure(
            ctx,
            task.id,
            owner,
            TaskError("upstream_error", NO_BACKEND),
            retryable=True,
            waiting_stage=Stage.WAITING_FOR_BACKEND,
        )
        return False
    except ProviderDeferred as deferred:
        defer(ctx, task.id, owner, deferred.reason, deferred.retry_after)
        return False
    except ProviderFailure as failure:
        record_failure(
            ctx,
            task.id,
            owner,
            TaskError(failure.code, failure.message),
            retryable=failure.retryable,
            retry_after=failure.retry_after,
            forget_remote=failure.forget_remote,
        )
        return False
    except Exception as exc:  # a provider bug must fail the attempt, never the worker
        record_failure(
            ctx,
            task.id,
            owner,
            TaskError("generation_failed", f"Generation failed: {exc}"),
            retryable=True,
        )
        return False
    return complete(ctx, task.id, owner, request, result)


def _final_metadata(
    task: Task, request: GenerationRequest, result: GenerationResult, assets: list[StoredAsset]
) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "prompt": request.prompt,
        "tags": request.tags,
        "seed": request.seed,
        "model_version": request.mv,
    }
    if request.mv_requested is not None:
        metadata["mv_requested"] = request.mv_requested
        metadata["mv"] = request.mv
    metadata.update(result.metadata)
    if task.action is Action.MUSIC:
        metadata.setdefault("instrumental", request.make_instrumental)
    # Asset ids ride along so reads build URLs without another query.
    metadata["_assets"] = {a.kind: {"id": a.id, "filename": a.filename} for a in assets}
    return metadata


def complete(
    ctx: RunContext,
    task_id: str,
    owner: str,
    request: GenerationRequest,
    result: GenerationResult,
) -> bool:
    now = ctx.clock.now()
    title = result.title or request.title
    assets = [
        replace(
            a,
            filename=song_file_name(title, task_id[-8:], a.kind, Path(a.filename).suffix),
        )
        for a in result.assets
    ]
    with ctx.uow_factory() as uow:
        task = uow.tasks.get(task_id)
        if task is None or task.status is not TaskStatus.PROCESSING or task.lease_owner != owner:
            return False
        metadata = _final_metadata(task, request, result, assets)
        final = GenerationResult(result.title, result.lyrics, metadata, assets)
        cost = settle_amount(task.reserved_amount)
        transaction_id = uow.ledger.settle(task, cost, now)
        for asset in assets:
            uow.assets.add(task.id, asset, now)
        clip_id = new_clip_id() if task.action is Action.MUSIC else None
        if not uow.tasks.mark_completed(task.id, owner, final, clip_id, cost, transaction_id, now):
            return False  # leaving without commit rolls the charge back
        uow.commit()
    return True


def defer(ctx: RunContext, task_id: str, owner: str, reason: str, retry_after: float) -> None:
    """The attempt could not start (nothing spent): back to pending, attempt not used up."""
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        uow.tasks.requeue(
            task_id,
            owner,
            now + retry_after,
            TaskError("upstream_busy", reason),
            now,
            refund_attempt=True,
        )
        uow.commit()


def record_failure(
    ctx: RunContext,
    task_id: str,
    owner: str | None,
    error: TaskError,
    *,
    retryable: bool,
    waiting_stage: Stage = Stage.QUEUED,
    retry_after: float | None = None,
    forget_remote: bool = False,
) -> None:
    """An attempt failed: retry with backoff while attempts remain, else fail and release.

    A retried task keeps its accepted remote task (the next attempt polls it) unless
    `forget_remote`."""
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        task = uow.tasks.get(task_id)
        if task is None or task.status is not TaskStatus.PROCESSING:
            return
        if owner is not None and task.lease_owner != owner:
            return
        if retryable and task.attempts < task.max_attempts:
            backoff = ctx.retry_backoff_seconds * 2 ** max(0, task.attempts - 1)
            if retry_after is not None:
                backoff = max(backoff, retry_after)
            uow.tasks.requeue(
                task.id,
                task.lease_owner,
                now + backoff,
                error,
                now,
                stage=waiting_stage,
                forget_remote=forget_remote,
            )
        elif uow.tasks.mark_failed(
            task.id,
            from_status=TaskStatus.PROCESSING.value,
            owner=task.lease_owner,
            error=error,
            now=now,
        ):
            uow.ledger.release(task, now)
        uow.commit()


WORKER_LOST = TaskError("generation_failed", "The worker running this task stopped responding.")


def reap_expired_leases(ctx: RunContext) -> int:
    """Tasks whose worker vanished go back to the queue, or fail past their attempts."""
    with ctx.uow_factory(read_only=True) as uow:
        expired = uow.tasks.expired_leases(ctx.clock.now())
    for task in expired:
        record_failure(ctx, task.id, task.lease_owner, WORKER_LOST, retryable=True)
    return len(expired)


def claim_next(ctx: RunContext, owner: str, lease_seconds: float) -> Task | None:
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        task = uow.tasks.claim_next(owner, now, now + lease_seconds)
        uow.commit()
    return task


def heartbeat(ctx: RunContext, task_id: str, owner: str, lease_seconds: float) -> bool:
    with ctx.uow_factory() as uow:
        alive = uow.tasks.extend_lease(task_id, owner, ctx.clock.now() + lease_seconds)
        uow.commit()
    return alive
