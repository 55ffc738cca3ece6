"""The synchronous client."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
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


class Client:
    """`Client(api_key=..., base_url=...)`; both default to SONGFORGE_API_KEY and
    SONGFORGE_BASE_URL."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        timeout: float = 30.0,
        max_retries: int = 4,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.config = ClientConfig.build(api_key, base_url, timeout, max_retries)
        self._http = httpx.Client(
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

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
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
                response = self._http.request(
                    method, path, json=json_body, params=params, headers=headers
                )
            except httpx.TransportError as exc:
                # No answer at all: safe to resend a GET, or a create with its key.
                if (method == "GET" or keyed) and attempt < self.config.max_retries:
                    time.sleep(retry_delay(attempt, self.config, None))
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
                    time.sleep(retry_delay(attempt, self.config, error))
                attempt += 1
                continue
            return answer(response)

    def create(self, body: dict[str, Any], idempotency_key: str | None = None) -> Task:
        headers = {"Idempotency-Key": idempotency_key or new_idempotency_key()}
        return Task.model_validate(
            self.request("POST", "/v1/music/generations", json_body=body, headers=headers)
        )


class _Music:
    def __init__(self, client: Client) -> None:
        self._c = client

    def create(
        self,
        prompt: str | None = None,
        *,
        model: str = "suno_music",
        title: str | None = None,
        tags: str | None = None,
        negative_tags: str | None = None,
        make_instrumental: bool | None = None,
        lyrics: str | None = None,
        duration: float | None = None,
        seed: int | None = None,
        mv: str | None = None,
        user: str | None = None,
        idempotency_key: str | None = None,
    ) -> Task:
        body = music_body(
            prompt,
            model=model,
            title=title,
            tags=tags,
            negative_tags=negative_tags,
            make_instrumental=make_instrumental,
            lyrics=lyrics,
            duration=duration,
            seed=seed,
            mv=mv,
            user=user,
        )
        return self._c.create(body, idempotency_key)

    def continue_(
        self,
        clip_id: str,
        *,
        at: float | None = None,
        prompt: str | None = None,
        model: str = "suno_music",
        duration: float | None = None,
        seed: int | None = None,
        lyrics: str | None = None,
        idempotency_key: str | None = None,
    ) -> Task:
        body = music_body(
            prompt,
            model=model,
            continue_clip_id=clip_id,
            continue_at=at,
            duration=duration,
            seed=seed,
            lyrics=lyrics,
        )
        return self._c.create(body, idempotency_key)


class _Lyrics:
    def __init__(self, client: Client) -> None:
        self._c = client

    def create(
        self,
        prompt: str,
        *,
        model: str = "suno_lyrics",
        title: str | None = None,
        seed: int | None = None,
        idempotency_key: str | None = None,
    ) -> Task:
        body = music_body(prompt, model=model, action="LYRICS", title=title, seed=seed)
        return self._c.create(body, idempotency_key)


class _Tasks:
    def __init__(self, client: Client) -> None:
        self._c = client

    def get(self, task_id: str) -> Task:
        return Task.model_validate(self._c.request("GET", f"/v1/tasks/{task_id}"))

    def list(
        self, *, limit: int = 20, after: str | None = None, status: str | None = None
    ) -> TaskPage:
        params = {
            k: v
            for k, v in {"limit": limit, "after": after, "status": status}.items()
            if v is not None
        }
        return TaskPage.model_validate(self._c.request("GET", "/v1/tasks", params=params))

    def cancel(self, task_id: str) -> Task:
        return Task.model_validate(self._c.request("DELETE", f"/v1/tasks/{task_id}"))

    def wait(
        self,
        task_id: str,
        *,
        on_progress: Callable[[Task], None] | None = None,
        interval: float = 5.0,
        timeout: float = 900.0,
        raise_on_failure: bool = True,
    ) -> Task:
        """Follows `poll_url` until the task ends; progress goes to `on_progress`."""
        deadline = time.monotonic() + timeout
        task = self.get(task_id)
        while True:
            if on_progress is not None:
                on_progress(task)
            if task.is_terminal:
                break
            if time.monotonic() >= deadline:
                raise WaitTimeoutError(
                    f"Task {task_id} still {task.status} after {timeout} s.",
                    request_id=task.request_id,
                )
            time.sleep(interval)
            task = Task.model_validate(self._c.request("GET", task.poll_url))
        if task.status == "failed" and raise_on_failure:
            error = task.error
            raise TaskFailedError(
                error.message if error else "The task failed.",
                task_id=task.id,
                code=error.code if error else "generation_failed",
                request_id=task.request_id,
            )
        return task

    def stream(self, task_id: str) -> Iterator[Task]:
        """Task objects from the server-sent event route, until the task ends."""
        with self._c._http.stream(
            "GET", f"/v1/tasks/{task_id}/events", timeout=httpx.Timeout(30.0, read=None)
        ) as response:
            if response.status_code >= 400:
                response.read()
                answer(response)
            for line in response.iter_lines():
                if line.startswith("data: "):
                    yield Task.model_validate(json.loads(line[6:]))


class _Models:
    def __init__(self, client: Client) -> None:
        self._c = client

    def list(self, *, recommended_for: str | None = None, view: str = "full") -> list[ModelInfo]:
        params = {"view": view, **({"recommended_for": recommended_for} if recommended_for else {})}
        body = self._c.request("GET", "/v1/models", params=params)
        return [ModelInfo.model_validate(m) for m in body["data"]]


class _Files:
    def __init__(self, client: Client) -> None:
        self._c = client

    def upload(self, path: str | Path) -> dict[str, Any]:
        """Uploads an audio file (POST /v1/files); its `id` (`file_…`) is usable as
        `audio_url`. Raises the API's error (400 not audio, 413 too large)."""
        source = Path(path)
        with source.open("rb") as handle:
            response = self._c._http.post("/v1/files", files={"file": (source.name, handle)})
        body: dict[str, Any] = answer(response)
        return body

    def download(self, url: str, path: str | Path) -> Path:
        """Saves a media URL (absolute, as in the task) to `path`."""
        target = Path(path)
        with httpx.stream(
            "GET", url, timeout=self._c.config.timeout, follow_redirects=True
        ) as response:
            if response.status_code >= 400:
                response.read()
                answer(response)
            part = target.with_name(target.name + ".part")
            with part.open("wb") as out:
                for chunk in response.iter_bytes():
                    out.write(chunk)
            part.replace(target)
        return target
