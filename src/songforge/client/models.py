"""Typed results: the task object and catalogue entries, as the API sends them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class TaskError(BaseModel):
    code: str
    message: str


class Task(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    task_id: str
    object: str = "music.task"
    poll_url: str
    status: str
    progress: int = 0
    stage: str = "queued"
    model: str
    action: str
    created: int
    updated: int
    request_id: str | None = None
    user: str | None = None
    clip_id: str | None = None
    title: str | None = None
    lyrics: str | None = None
    audio_url: str | None = None
    video_url: str | None = None
    image_url: str | None = None
    metadata: dict[str, Any] = {}
    reserved_amount: str | None = None
    cost: str | None = None
    billing_transaction_id: str | None = None
    error: TaskError | None = None
    cancelled: bool = False

    @property
    def is_terminal(self) -> bool:
        return self.status in ("completed", "failed")

    def asset_urls(self) -> dict[str, str]:
        """Every downloadable file of a completed song by kind: `audio`, `video`, `image`,
        `stem_vocals`…, and `metadata`'s own `…_url` fields (`lossless`, `score`, `midi`…)."""
        urls = {
            kind: url
            for kind, url in (
                ("audio", self.audio_url),
                ("video", self.video_url),
                ("image", self.image_url),
            )
            if url
        }
        stems = self.metadata.get("stems")
        if isinstance(stems, dict):
            urls.update({f"stem_{k}": v for k, v in stems.items() if isinstance(v, str)})
        for key, value in self.metadata.items():
            if key.endswith("_url") and isinstance(value, str) and value:
                urls[key.removesuffix("_url")] = value
        return urls


class TaskPage(BaseModel):
    data: list[Task]
    has_more: bool
    next_cursor: str | None = None


class ModelInfo(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    object: str = "model"
    owned_by: str
    tokenlab: dict[str, Any]
