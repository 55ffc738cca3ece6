"""The upstream backend's answers to what a TokenLab-compatible API can say."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import Action, RemoteTask, StoredAsset
from songforge.ports import BackendUnavailable, ProviderDeferred, ProviderFailure, ProviderJob
from songforge.providers.upstream import UpstreamProvider, UpstreamSettings, idempotency_key
from songforge.storage.local import LocalBlobStore

BASE = "https://music.example"


class Book:
    def __init__(self) -> None:
        self.recorded: list[RemoteTask] = []

    def reserve_server(self, backend: str, servers: list[str], per_server: int) -> str | None:
        return servers[0]

    def record(self, remote: RemoteTask) -> None:
        self.recorded.append(remote)


def _job(tmp_path: Path, remote: RemoteTask | None = None) -> tuple[ProviderJob, Book]:
    saved: list[StoredAsset] = []

    def save(kind: str, data: bytes | Path, content_type: str) -> StoredAsset:
        size = data.stat().st_size if isinstance(data, Path) else len(data)
        asset = StoredAsset(kind, kind, content_type, kind, size, "e", kind)
        saved.append(asset)
        return asset

    book = Book()
    request = GenerationRequest(
        model="suno_music", action=Action.MUSIC, operation="music", prompt="rain", seed=5
    )
    job = ProviderJob(
        task_id="ldtask_" + "a" * 32,
        request=request,
        seed=5,
        report=lambda stage, percent: None,
        blobs=LocalBlobStore(tmp_path),
        save_asset=save,
        remote=remote,
        remote_book=book,
    )
    return job, book


def _provider(handler: Any) -> UpstreamProvider:
    return UpstreamProvider(
        UpstreamSettings(BASE, "sk-up", poll_initial_seconds=0.01),
        transport=httpx.MockTransport(handler),
        sleep=lambda seconds: None,
    )


def _contract() -> httpx.Response:
    details = {"supported_parameters": ["model", "prompt", "seed"]}
    return httpx.Response(200, json={"tokenlab": {"request_format_details": details}})


def test_create_poll_and_copy_with_a_stable_idempotency_key(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    polls: Iterator[dict[str, Any]] = iter(
        [
            {"status": "processing", "progress": 40, "stage": "rendering"},
            {
                "status": "completed",
                "title": "Rain",
                "clip_id": "clip_up",
                "audio_url": "https://cdn.example/a.mp3",
                "metadata": {"duration": 31.0, "bpm": 90, "continued_from": {"clip_id": "x"}},
            },
        ]
    )

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/models/suno_music":
            return _contract()
        if request.method == "POST":
            return httpx.Response(200, json={"id": "ldtask_up", "poll_url": "/v1/tasks/ldtask_up"})
        if request.url.host == "cdn.example":
            return httpx.Response(200, content=b"ID3audio", headers={"content-type": "audio/mpeg"})
        return httpx.Response(200, json={"id": "ldtask_up", **next(polls)})

    job, book = _job(tmp_path)
    result = _provider(handler).generate(job)
    create = next(r for r in seen if r.method == "POST")
    assert create.headers["Idempotency-Key"] == idempotency_key(job.task_id)
    assert create.headers["Authorization"] == "Bearer sk-up"
    assert json.loads(create.content)["seed"] == 5  # the upstream's contract lists seed
    assert [r.task_id for r in book.recorded] == ["ldtask_up"]
    download = next(r for r in seen if r.url.host == "cdn.example")
    assert "Authorization" not in download.headers  # our key never leaves for a CDN
    assert [a.kind for a in result.assets] == ["audio"]
    assert result.metadata == {"duration": 31.0, "bpm": 90, "_upstream_clip_id": "clip_up"}


def test_a_recorded_task_is_resumed_not_created_again(tmp_path: Path) -> None:
    methods: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        methods.append(f"{request.method} {request.url.path}")
        if request.url.host == "cdn.example":
            return httpx.Response(200, content=b"audio")
        return httpx.Response(
            200, json={"status": "completed", "audio_url": "https://cdn.example/a.mp3"}
        )

    remote = RemoteTask("upstream", BASE, "ldtask_up", accepted_at=None)
    job, book = _job(tmp_path, remote)
    _provider(handler).generate(job)
    assert methods[0] == "GET /v1/tasks/ldtask_up"
    assert not any(m.startswith("POST") for m in methods)
    assert book.recorded == []


@pytest.mark.parametrize("status", [401, 402, 429, 500, 503])
def test_refusals_that_are_not_the_callers_fault_let_another_backend_serve(
    tmp_path: Path, status: int
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return _contract()
        return httpx.Response(status, json={"error": {"code": "x", "message": "secret detail"}})

    job, book = _job(tmp_path)
    with pytest.raises(BackendUnavailable) as raised:
        _provider(handler).generate(job)
    assert "secret detail" not in raised.value.message
    assert book.recorded == []


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (
            {"code": "unsupported_language", "message": "Cannot sing Klingon."},
            "unsupported_language",
        ),
        ({"code": "generation_failed", "message": "GPU 3 at 10.0.0.7 crashed"}, "upstream_error"),
    ],
)
def test_a_failed_upstream_task_fails_ours_with_a_mapped_code(
    tmp_path: Path, error: dict[str, str], code: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(200, json={"id": "t1", "poll_url": "/v1/tasks/t1"})
        if request.url.path == "/v1/tasks/t1":
            return httpx.Response(200, json={"status": "failed", "error": error})
        return _contract()

    job, _ = _job(tmp_path)
    with pytest.raises(ProviderFailure) as raised:
        _provider(handler).generate(job)
    assert (raised.value.code, raised.value.retryable) == (code, False)
    assert "10.0.0.7" not in raised.value.message


def test_an_upstream_that_forgot_the_task_fails_it(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": {"code": "async_task_not_found"}})

    job, _ = _job(tmp_path, RemoteTask("upstream", BASE, "gone", accepted_at=None))
    with pytest.raises(ProviderFailure) as raised:
        _provider(handler).generate(job)
    assert (raised.value.code, raised.value.retryable) == ("upstream_error", False)


@pytest.mark.parametrize("outage", ["connect", 502])
def test_an_upstream_down_while_rendering_keeps_the_task_waiting(
    tmp_path: Path, outage: str | int
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if outage == "connect":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(int(outage))

    accepted = time.time()
    job, _ = _job(tmp_path, RemoteTask("upstream", BASE, "ldtask_up", accepted_at=accepted))
    with pytest.raises(ProviderDeferred) as waiting:
        _provider(handler).generate(job)
    assert "ldtask_up" not in waiting.value.reason
    # Past the deadline from acceptance the task is lost: failed for good.
    late = RemoteTask("upstream", BASE, "ldtask_up", accepted_at=accepted - 7200)
    job, _ = _job(tmp_path, late)
    with pytest.raises(ProviderFailure) as lost:
        _provider(handler).generate(job)
    assert (lost.value.code, lost.value.retryable) == ("upstream_error", False)
