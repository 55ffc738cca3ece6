"""JSON shapes of the contract: the task object, model entries, pricing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from songforge.domain.billing import money_str
from songforge.domain.tasks import Action, Task, TaskStatus
from songforge.ports import Upload
from songforge.storage.file_urls import FileUrls

_MEDIA = {"audio": "audio_url", "video": "video_url", "image": "image_url"}
# Assets published in `metadata` rather than at the top level of the task object.
_METADATA_URLS = {"master": "lossless_url", "score": "score_url", "midi": "midi_url"}


def _money(value: Decimal | None) -> str | None:
    return money_str(value) if value is not None else None


def present_task(task: Task, urls: FileUrls, now: float) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": task.id,
        "task_id": task.id,
        "object": "music.task",
        "poll_url": f"/v1/tasks/{task.id}",
        "status": task.status.value,
        "progress": task.progress,
        "stage": task.stage.value,
        "model": task.model,
        "action": task.action.value,
        "created": int(task.created),
        "updated": int(task.updated),
        "request_id": task.request_id,
        "user": task.user,
        "reserved_amount": _money(task.reserved_amount),
    }
    if not task.status.is_terminal and task.request.get("title"):
        body["title"] = task.request["title"]  # the caller's own title, shown while it runs
    if task.status is TaskStatus.COMPLETED:
        public = {k: v for k, v in task.metadata.items() if not k.startswith("_")}
        assets: dict[str, dict[str, str]] = task.metadata.get("_assets", {})
        # Absent rather than null (an instrumental has no lyrics): TokenLab types both as strings.
        if task.title is not None:
            body["title"] = task.title
        if task.lyrics is not None:
            body["lyrics"] = task.lyrics
        if task.action is Action.MUSIC:
            body["clip_id"] = task.clip_id
            for kind, field in _MEDIA.items():
                if kind in assets:
                    body[field] = urls.url(assets[kind]["id"], assets[kind]["filename"], now)
            stems = {
                kind.removeprefix("stem_"): urls.url(a["id"], a["filename"], now)
                for kind, a in assets.items()
                if kind.startswith("stem_")
            }
            if stems:
                public["stems"] = stems
            for kind, field in _METADATA_URLS.items():
                if kind in assets:
                    public[field] = urls.url(assets[kind]["id"], assets[kind]["filename"], now)
        body["metadata"] = public
        body["cost"] = _money(task.cost)
        body["billing_transaction_id"] = task.billing_transaction_id
    if task.status is TaskStatus.FAILED:
        body["cost"] = "0.0000"
        if task.error is not None:
            body["error"] = {"code": task.error.code, "message": task.error.message}
        if task.cancelled:
            body["cancelled"] = True
            body["cancellation_status"] = "cancelled"
    return body


def task_headers(task: Task) -> dict[str, str]:
    headers = {"X-Task-ID": task.id}
    if task.billing_transaction_id:
        headers["X-Billing-Transaction-ID"] = task.billing_transaction_id
    return headers


def present_upload(upload: Upload) -> dict[str, Any]:
    """TokenLab's FileObject, plus what songforge learnt decoding the audio."""
    return {
        "id": upload.id,
        "object": "file",
        "bytes": upload.bytes,
        "created_at": int(upload.created_at),
        "filename": upload.filename,
        "purpose": "user_data",
        "status": "processed",
        "expires_at": None,
        "content_type": upload.content_type,
        "duration": upload.duration,
        "sample_rate": upload.sample_rate,
    }
