"""The `upstream` backend: any API speaking the TokenLab music contract (TokenLab itself, or
another songforge), used as a client.

A task is created upstream with an Idempotency-Key derived from our task id (a retried
create never pays twice), followed through its `poll_url` with a backing-off interval, and
its files are copied into our BlobStore before our task completes. Nothing of the upstream
(its task or clip ids, its URLs) reaches our callers: its clip id is kept only in private
metadata, so our clip can later be continued there.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from songforge.domain.catalog import OPERATION_CONTINUE, UPLOAD_OPERATIONS
from songforge.domain.tasks import Action, GenerationResult, RemoteTask, Stage, StoredAsset
from songforge.ports import (
    BackendProbe,
    BackendUnavailable,
    ProviderDeferred,
    ProviderFailure,
    ProviderJob,
)

# Error codes a caller can act on, passed on as they are; any other upstream failure is
# ours to own: upstream_error.
_CALLER_CODES = frozenset(
    {"invalid_parameter", "unsupported_parameter", "unsupported_language", "content_policy"}
)
# Metadata the contract defines, copied from the upstream's task; anything else (its clip
# ids, its URLs, routing details) stays behind.
_METADATA_KEYS = (
    "duration",
    "bpm",
    "key",
    "tags",
    "instrumental",
    "sample_rate",
    "audio_format",
    "sections",
    "lyrics_timing",
    "aligned_words",
)
_MEDIA = {"audio_url": "audio", "video_url": "video", "image_url": "image"}
_CONTENT_TYPES = {
    "audio": "audio/mpeg",
    "video": "video/mp4",
    "image": "image/png",
}
_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024
# The private metadata key holding the upstream's clip id of a clip it made.
UPSTREAM_CLIP_KEY = "_upstream_clip_id"
UNREACHABLE = "The music backend is not answering; the song resumes when it does."


@dataclass(frozen=True)
class UpstreamSettings:
    base_url: str
    api_key: str
    timeout_seconds: float = 30.0
    poll_initial_seconds: float = 2.0
    poll_max_seconds: float = 10.0
    # An upstream task still not finished after this long is treated as lost.
    deadline_seconds: float = 3600.0


def idempotency_key(task_id: str) -> str:
    """The same for every attempt of one task, so a retried create is a replay upstream."""
    return "songforge-" + hashlib.sha256(task_id.encode()).hexdigest()[:40]


class UpstreamProvider:
    name = "upstream"

    def __init__(
        self,
        settings: UpstreamSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._settings = settings
        self._base = settings.base_url.rstrip("/") + "/"
        self._client = httpx.Client(
            base_url=self._base,
            headers={"Authorization": f"Bearer {settings.api_key}"},
            timeout=settings.timeout_seconds,
            transport=transport,
            follow_redirects=False,
        )
        # Files are fetched without our key: it is for the upstream's API, not its CDN.
        self._downloads = httpx.Client(
            timeout=settings.timeout_seconds, transport=transport, follow_redirects=True
        )
        self._sleep = sleep
        self._contracts: dict[str, set[str]] = {}

    # -- health --------------------------------------------------------------------------
    def probe(self, timeout_seconds: float) -> BackendProbe:
        started = time.monotonic()
        try:
            response = self._client.get("v1/models", timeout=timeout_seconds)
        except httpx.HTTPError as exc:
            return BackendProbe(False, None, None, f"unreachable ({exc.__class__.__name__})")
        latency = time.monotonic() - started
        if response.status_code != 200:
            return BackendProbe(False, latency, None, f"answered HTTP {response.status_code}")
        return BackendProbe(True, latency, None)

    # -- the request ------------------------------------------------------------------------
    def _supported(self, model: str) -> set[str]:
        """The upstream model's accepted parameters (empty when it does not say)."""
        if model not in self._contracts:
            try:
                response = self._client.get(f"v1/models/{model}")
                details = response.json()["tokenlab"]["request_format_details"]
                self._contracts[model] = set(details["supported_parameters"])
            except (httpx.HTTPError, ValueError, KeyError, TypeError):
                return set()
        return self._contracts[model]

    def _body(self, job: ProviderJob) -> dict[str, Any]:
        request = job.request
        body: dict[str, Any] = {"model": request.model, "action": request.action.value}
        for name in ("prompt", "title", "tags", "negative_tags", "lyrics"):
            value = getattr(request, name)
            if value is not None:
                body[name] = value
        if request.action is Action.MUSIC:
            body["make_instrumental"] = request.make_instrumental
        supported = self._supported(request.model)
        # Fields TokenLab does not document go only where the upstream's contract has them
        # (another songforge does): a seed makes retries there render the same song.
        for name in ("mv", "duration", "seed"):
            value = getattr(request, name)
            if value is not None and name in supported:
                body[name] = value
        if request.operation == OPERATION_CONTINUE:
            source = job.source
            upstream_clip = source.metadata.get(UPSTREAM_CLIP_KEY) if source else None
            if not upstream_clip:
                raise ProviderFailure(
                    "unsupported_operation",
                    "This clip cannot be continued by the backend serving this model.",
                    retryable=False,
                )
            body["continue_clip_id"] = upstream_clip
            if request.continue_at is not None:
                body["continue_at"] = request.continue_at
        if request.operation in UPLOAD_OPERATIONS:
            if job.audio is None or job.audio.url is None:
                raise ProviderFailure(
                    "invalid_parameter", "The uploaded audio is gone.", retryable=False
                )
            body["audio_url"] = job.audio.url
            body["audio_operation"] = request.operation
            if request.continue_at is not None:
                body["continue_at"] = request.continue_at
        return body

    # -- create ------------------------------------------------------------------------------
    def create(self, job: ProviderJob) -> tuple[str, str]:
        """Starts the task upstream; returns (its task id, its poll URL).
        Raises BackendUnavailable when the upstream cannot take it now, ProviderFailure
        (not retryable) when it refuses the request itself."""
        body = self._body(job)
        try:
            response = self._client.post(
                "v1/music/generations",
                json=body,
                headers={"Idempotency-Key": idempotency_key(job.task_id)},
            )
        except httpx.HTTPError as exc:
            raise BackendUnavailable(
                f"The music backend is unreachable ({exc.__class__.__name__})."
            ) from None
        if response.status_code == 200:
            data = _json(response)
            task_id, poll_url = data.get("id"), data.get("poll_url")
            if isinstance(task_id, str) and task_id:
                return task_id, poll_url if isinstance(poll_url, str) else f"v1/tasks/{task_id}"
            raise BackendUnavailable("The music backend answered without a task.")
        code, message = _error_of(response)
        if response.status_code in (401, 402, 403, 429) or response.status_code >= 500:
            # Our key, our balance there, its queue or its health: not the caller's fault,
            # and nothing started, so another backend may serve the task.
            raise BackendUnavailable(
                f"The music backend refused work (HTTP {response.status_code})."
            )
        raise ProviderFailure(
            code if code in _CALLER_CODES else "upstream_error", message, retryable=False
        )

    # -- follow --------------------------------------------------------------------------------
    def follow(
        self, job: ProviderJob, task_id: str, poll_url: str, accepted_at: float
    ) -> GenerationResult:
        """Polls the upstream task to its end and copies its files.
        Raises ProviderDeferred while the upstream is unreachable or answers 5xx (the task
        waits without using an attempt; the next attempt resumes the same upstream task),
        ProviderFailure not retryable when it failed or was lost (forgotten, or not
        finished `deadline_seconds` after it accepted)."""
        interval = self._settings.poll_initial_seconds
        deadline = accepted_at + self._settings.deadline_seconds
        url = (
            urljoin(self._base, poll_url.lstrip("/"))
            if not poll_url.startswith("http")
            else poll_url
        )
        while True:
            if time.time() > deadline:
                raise ProviderFailure(
                    "upstream_error", "The music backend never finished the song.", retryable=False
                )
            try:
                response = self._client.get(url)
            except httpx.HTTPError:
                response = None
            if response is None or response.status_code >= 500:
                # The upstream is rendering a song we asked for (and it will charge for):
                # wait for it to answer again, without using an attempt, until the deadline
                # says it is lost. A later attempt resumes polling the same task.
                raise ProviderDeferred(UNREACHABLE, retry_after=self._settings.poll_max_seconds)
            if response.status_code == 429:  # polling too fast for it: wait, keep the task
                self._sleep(max(interval, _retry_after(response)))
                continue
            if response.status_code == 404:
                raise ProviderFailure(
                    "upstream_error", "The music backend lost the task.", retryable=False
                )
            if response.status_code != 200:
                raise ProviderFailure(
                    "upstream_error", f"The music backend answered HTTP {response.status_code}."
                )
            task = _json(response)
            status = task.get("status")
            if status == "completed":
                return self._result(job, task)
            if status == "failed":
                error = task.get("error") or {}
                code = error.get("code") if isinstance(error, dict) else None
                message = error.get("message") if isinstance(error, dict) else None
                if code in _CALLER_CODES and isinstance(message, str):
                    raise ProviderFailure(code, message, retryable=False)
                raise ProviderFailure(
                    "upstream_error", "The music backend could not make this song.", retryable=False
                )
            self._report(job, task)
            self._sleep(interval)
            interval = min(self._settings.poll_max_seconds, interval * 1.5)

    def _report(self, job: ProviderJob, task: dict[str, Any]) -> None:
        try:
            stage = Stage(task.get("stage", "queued"))
        except ValueError:
            stage = Stage.RENDERING
        if stage is Stage.WAITING_FOR_BACKEND:
            stage = Stage.QUEUED
        progress = task.get("progress")
        # Our own copying comes after the upstream is done: leave room for it.
        percent = int(progress) * 9 // 10 if isinstance(progress, int | float) else 0
        job.report(stage, max(1, percent))

    def _result(self, job: ProviderJob, task: dict[str, Any]) -> GenerationResult:
        job.report(Stage.ENCODING, 92)
        assets: list[StoredAsset] = []
        for field, kind in _MEDIA.items():
            url = task.get(field)
            if isinstance(url, str) and url:
                assets.append(self._copy(job, kind, url))
        metadata_in = task.get("metadata") or {}
        stems = metadata_in.get("stems") if isinstance(metadata_in, dict) else None
        if isinstance(stems, dict):
            for name, url in stems.items():
                if isinstance(url, str) and isinstance(name, str) and name.isidentifier():
                    assets.append(self._copy(job, f"stem_{name}", url))
        metadata = (
            {k: metadata_in[k] for k in _METADATA_KEYS if k in metadata_in}
            if isinstance(metadata_in, dict)
            else {}
        )
        clip_id = task.get("clip_id")
        if isinstance(clip_id, str) and clip_id:
            metadata[UPSTREAM_CLIP_KEY] = clip_id
        if job.source is not None and job.request.operation == OPERATION_CONTINUE:
            metadata["continued_from"] = {
                "clip_id": job.source.clip_id,
                "continue_at": job.request.continue_at or job.source.metadata.get("duration"),
            }
        if job.request.action is Action.MUSIC and not any(a.kind == "audio" for a in assets):
            raise ProviderFailure(
                "upstream_error", "The music backend finished without audio.", retryable=False
            )
        title = task.get("title")
        lyrics = task.get("lyrics")
        return GenerationResult(
            title=title if isinstance(title, str) else job.request.title,
            lyrics=lyrics if isinstance(lyrics, str) else None,
            metadata=metadata,
            assets=assets,
        )

    def _copy(self, job: ProviderJob, kind: str, url: str) -> StoredAsset:
        """Downloads one file into our BlobStore (the upstream's URLs expire)."""
        with tempfile.TemporaryDirectory(prefix="songforge-upstream-") as folder:
            target = Path(folder) / "file"
            try:
                with self._downloads.stream("GET", url) as response:
                    if response.status_code != 200:
                        raise ProviderFailure(
                            "upstream_error",
                            f"A file of the finished song could not be fetched "
                            f"(HTTP {response.status_code}).",
                        )
                    content_type = response.headers.get("content-type", "").split(";")[0]
                    size = 0
                    with target.open("wb") as out:
                        for chunk in response.iter_bytes():
                            size += len(chunk)
                            if size > _MAX_DOWNLOAD_BYTES:
                                raise ProviderFailure(
                                    "upstream_error", "A file of the song is too large."
                                )
                            out.write(chunk)
            except httpx.HTTPError as exc:
                raise ProviderFailure(
                    "upstream_error",
                    f"A file of the finished song could not be fetched ({exc.__class__.__name__}).",
                ) from None
            if not content_type or content_type == "application/octet-stream":
                content_type = _CONTENT_TYPES.get(kind.split("_")[0], "audio/mpeg")
            return job.save_asset(kind, target, content_type)

    # -- the whole attempt ----------------------------------------------------------------------
    def generate(self, job: ProviderJob) -> GenerationResult:
        """Resumes the upstream task an earlier attempt started, or starts one and records
        it on our task the moment the upstream accepts (so a dead worker's successor polls
        it instead of paying for a second song)."""
        remote = job.remote
        if remote is not None and remote.task_id is not None:
            accepted_at = remote.accepted_at or time.time()
            return self.follow(job, remote.task_id, f"/v1/tasks/{remote.task_id}", accepted_at)
        job.report(Stage.QUEUED, 1)
        task_id, poll_url = self.create(job)
        accepted_at = time.time()
        if job.remote_book is not None:
            job.remote_book.record(
                RemoteTask(self.name, self._settings.base_url, task_id, accepted_at)
            )
        return self.follow(job, task_id, poll_url, accepted_at)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        raise ProviderFailure("upstream_error", "The music backend answered garbage.") from None
    if not isinstance(data, dict):
        raise ProviderFailure("upstream_error", "The music backend answered garbage.")
    return data


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("retry-after", "")
    return min(60.0, float(value)) if value.isdigit() else 0.0


def _error_of(response: httpx.Response) -> tuple[str | None, str]:
    try:
        error = response.json().get("error") or {}
        code, message = error.get("code"), error.get("message")
    except (ValueError, AttributeError):
        code, message = None, None
    fallback = f"The music backend refused the request (HTTP {response.status_code})."
    return (
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else fallback,
    )
