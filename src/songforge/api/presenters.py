"""JSON shapes of the contract: the task object, model entries, pricing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from songforge.domain.billing import money_str
from songforge.domain.catalog import Model
from songforge.domain.tasks import Action, Task, TaskStatus
from songforge.ports import Upload
from songforge.storage.file_urls import FileUrls

_MEDIA = {"audio": "audio_url", "video": "video_url", "image": "image_url"}
# Assets published in `metadata` rather than at the top level of the task object.
_METADATA_URLS = {"master": "lossless_url"}


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
        body["title"] = task.title
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


def present_pricing(model: Model) -> dict[str, Any]:
    return {
        "object": "model.pricing",
        "model": model.id,
        "currency": "USD",
        "pricing_unit": "request",
        "operations": {
            name: {"price": float(op.price), "price_decimal": money_str(op.price)}
            for name, op in model.operations.items()
        },
    }


def _request_format_details(model: Model) -> dict[str, Any]:
    details: dict[str, Any] = {
        "supported_parameters": list(model.parameters),
        "lyrics_parameters": list(model.lyrics_parameters),
        "required_selectors": ["prompt"],
        "prompt_max_chars": model.prompt_max_chars,
        "notes": model.notes,
    }
    if model.mv:
        details["mv"] = list(model.mv)
    if model.duration is not None:
        details["duration"] = {
            "min": model.duration.min,
            "max": model.duration.max,
            "default": model.duration.default,
        }
    return details


def present_model(model: Model, *, full: bool) -> dict[str, Any]:
    tokenlab: dict[str, Any] = {
        "category": "music",
        "description": model.description,
        "capabilities": list(model.capabilities),
        "recommended_for": list(model.recommended_for),
        "supported_operations": list(model.operations),
        # Who answers for the model, never the backend serving it (operator configuration).
        "providers": [model.owned_by],
        "pricing_unit": "request",
        "pricing": present_pricing(model)["operations"],
        "lifecycle": "active",
    }
    if full:
        tokenlab["request_format_details"] = _request_format_details(model)
    else:
        tokenlab["request_format_summary"] = {
            "public_operations": list(model.operations),
            "request_endpoint": "/v1/music/generations",
        }
    return {
        "id": model.id,
        "object": "model",
        "created": model.created,
        "owned_by": model.owned_by,
        "tokenlab": tokenlab,
    }


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
