"""The asyncio client: the same surface as `Client`, awaited."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx

from songforge.client._shared import (
    ClientConfig,
    answer,
    music_body,
    new_idempotency_key,
    retry_delay,
    should_retry,
)
from songforge.client.errors import SongforgeError, TaskFailedError, WaitTimeoutError
from songforge.client.models import ModelInfo, Task, TaskPage


class AsyncClient:
    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 4,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = ClientConfig.build(api_key, base_url, timeout, max_retries)
        self._http = httpx.AsyncClient(
            base_url=self.config.base_url,
            headers=self.config.headers(),
            timeout=timeout,
            transport=transport,
        )
        self.music = _Music(self)
        self.lyrics = _Lyrics(self)
        self.tasks = _Tasks(self)
        self.models = _Models(self)
        self.files = _Files(self)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        keyed = bool(headers and "Idempotency-Key" in headers)
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    method, path, json=json_body, params=params, headers=headers
                )
            except httpx.TransportError as exc:
                if (method == "GET" or keyed) and attempt < self.config.max_retries:
                    await asyncio.sleep(retry_delay(attempt, self.config, None))
                    attempt += 1
                    continue
                raise SongforgeError(f"Could not reach {self.config.base_url}: {exc}") from exc
            if (
                should_retry(method, keyed, response.status_code)
                and attempt < self.config.max_retries
            ):
                try:
                    answer(response)
                except SongforgeError as error:
                    await asyncio.sleep(retry_delay(attempt, self.config, error))
                attempt += 1
                continue
            return answer(response)

    async def create(self, body: dict[str, Any], idempotency_key: str | None = None) -> Task:
        headers = {"Idempotency-Key": idempotency_key or new_idempotency_key()}
        return Task.model_validate(
            await self.request("POST", "/v1/music/generations", json_body=body, headers=headers)
        )


class _Music:
    def __init__(self, client: AsyncClient) -> None:
        self._c = client

    async def create(
        self,
        prompt: str | None = None,
        *,
        model: str = "suno_music",
        idempotency_key: str | None = None,
        **fields: Any,
    ) -> Task:
        return await self._c.create(music_body(prompt, model=model, **fields), idempotency_key)

    async def continue_(
        self,
        clip_id: str,
        *,
        at: float | None = None,
        prompt: str | None = None,
        model: str = "suno_music",
        idempotency_key: str | None = None,
        **fields: Any,
    ) -> Task:
        body = music_body(prompt, model=model, continue_clip_id=clip_id, continue_at=at, **fields)
        return await self._c.create(body, idempotency_key)


class _Lyrics:
    def __init__(self, client: AsyncClient) -> None:
        self._c = client

    async def create(
        self,
        prompt: str,
        *,
        model: str = "suno_lyrics",
        idempotency_key: str | None = None,
        **fields: Any,
    ) -> Task:
        body = music_body(prompt, model=model, action="LYRICS", **fields)
        return await self._c.create(body, idempotency_key)


class _Tasks:
    def __init__(self, client: AsyncClient) -> None:
        self._c = client

    async def get(self, task_id: str) -> Task:
        return Task.model_validate(await self._c.request("GET", f"/v1/tasks/{task_id}"))

    async def list(
        self, *, limit: int = 20, after: str | None = None, status: str | None = None
    ) -> TaskPage:
        params = {
            k: v
            for k, v in {"limit": limit, "after": after, "status": status}.items()
            if v is not None
        }
        return TaskPage.model_validate(await self._c.request("GET", "/v1/tasks", params=params))

    async def cancel(self, task_id: str) -> Task:
        return Task.model_validate(await self._c.request("DELETE", f"/v1/tasks/{task_id}"))

    async def wait(
        self,
        task_id: str,
        *,
        on_progress: Callable[[Task], None] | None = None,
        interval: float = 5.0,
        timeout: float = 900.0,
        raise_on_failure: bool = True,
    ) -> Task:
        deadline = time.monotonic() + timeout
        task = await self.get(task_id)
        while True:
            if on_progress is not None:
                on_progress(task)
            if task.is_terminal:
                break
            if time.monotonic() >= deadline:
                raise WaitTimeoutError(f"Task {task_id} still {task.status} after {timeout} s.")
            await asyncio.sleep(interval)
            task = Task.model_validate(await self._c.request("GET", task.poll_url))
        if task.status == "failed" and raise_on_failure:
            error = task.error
            raise TaskFailedError(
                error.message if error else "The task failed.",
                task_id=task.id,
                code=error.code if error else "generation_failed",
                request_id=task.request_id,
            )
        return task

    async def stream(self, task_id: str) -> AsyncIterator[Task]:
        async with self._c._http.stream(
            "GET", f"/v1/tasks/{task_id}/events", timeout=httpx.Timeout(30.0, read=None)
        ) as response:
            if response.status_code >= 400:
                await response.aread()
                answer(response)
            async for line in response.aiter_lines():
                if line.startswith("data: "):
                    yield Task.model_validate(json.loads(line[6:]))


class _Models:
    def __init__(self, client: AsyncClient) -> None:
        self._c = client

    async def list(
        self, *, recommended_for: str | None = None, view: str = "full"
    ) -> list[ModelInfo]:
        params = {"view": view, **({"recommended_for": recommended_for} if recommended_for else {})}
        body = await self._c.request("GET", "/v1/models", params=params)
        return [ModelInfo.model_validate(m) for m in body["data"]]


class _Files:
    def __init__(self, client: AsyncClient) -> None:
        self._c = client

    async def upload(self, path: str | Path) -> dict[str, Any]:
        """Uploads an audio file (POST /v1/files); its `id` (`file_…`) is usable as
        `audio_url`. Raises the API's error (400 not audio, 413 too large)."""
        source = Path(path)
        data = source.read_bytes()
        response = await self._c._http.post("/v1/files", files={"file": (source.name, data)})
        body: dict[str, Any] = answer(response)
        return body

    async def download(self, url: str, path: str | Path) -> Path:
        target = Path(path)
        async with (
            httpx.AsyncClient(timeout=self._c.config.timeout, follow_redirects=True) as http,
            http.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                await response.aread()
                answer(response)
            part = target.with_name(target.name + ".part")
            with part.open("wb") as out:
                async for chunk in response.aiter_bytes():
                    out.write(chunk)
            part.replace(target)
        return target
