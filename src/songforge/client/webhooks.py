"""Verifying webhooks songforge sends (Standard Webhooks signatures, standardwebhooks.com).

from songforge.client import webhooks

event = webhooks.verify(request_body, request_headers, "whsec_…")   # raises on a bad one
if event.type == "task.completed":
    save(event.task.audio_url)

Receivers should answer 2xx quickly and drop a `webhook-id` they have already handled:
delivery is at least once, so the same event can arrive more than once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from standardwebhooks.webhooks import EmptyWebhookSecretError, Webhook
from standardwebhooks.webhooks import WebhookVerificationError as _LibraryError

from songforge.client.errors import SongforgeError
from songforge.client.models import Task


class WebhookVerificationError(SongforgeError):
    """The message is not a genuine, fresh songforge webhook: `code` says why
    (missing_headers, bad_signature, stale_timestamp, invalid_secret, invalid_body)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, code=code, type="webhook_verification_error")


@dataclass(frozen=True)
class WebhookEvent:
    """One verified event: its id (`webhook-id`, the same on every redelivery), type
    (`task.completed`…), ISO 8601 timestamp, and the task as GET /v1/tasks/{id} returned it."""

    id: str
    type: str
    timestamp: str
    task: Task
    data: dict[str, Any]


def _code_for(reason: str) -> str:
    if "Missing" in reason:
        return "missing_headers"
    if "too old" in reason or "too new" in reason:
        return "stale_timestamp"
    return "bad_signature"


def verify(
    body: bytes | str, headers: Mapping[str, str], secret: str | Sequence[str]
) -> WebhookEvent:
    """Check the signature (HMAC-SHA256 of `id.timestamp.body`) and that the timestamp is
    within 5 minutes of now, against `secret` (a `whsec_…` string, or several while a
    rotation is under way). `body` must be the raw bytes received, before any JSON parsing.
    Raises WebhookVerificationError."""
    lowered = {str(k).lower(): str(v) for k, v in headers.items()}
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        raise WebhookVerificationError("The body is not UTF-8.", "invalid_body") from None
    secrets = [secret] if isinstance(secret, str) else list(secret)
    if not secrets:
        raise WebhookVerificationError("No signing secret was given.", "invalid_secret")
    reason = "No matching signature found"
    for candidate in secrets:
        try:
            checker = Webhook(candidate)
        except (EmptyWebhookSecretError, ValueError) as exc:
            raise WebhookVerificationError(
                f"The signing secret is not a valid whsec_ secret ({exc}).", "invalid_secret"
            ) from None
        try:
            checker.verify(text, lowered, json_parse=False)
        except _LibraryError as exc:
            reason = str(exc)
            if _code_for(reason) != "bad_signature":  # the same whatever the secret
                raise WebhookVerificationError(
                    f"Webhook rejected: {reason}.", _code_for(reason)
                ) from None
            continue
        except ValueError:  # a malformed webhook-signature header
            raise WebhookVerificationError(
                "Webhook rejected: malformed webhook-signature header.", "bad_signature"
            ) from None
        return _event(text, lowered["webhook-id"])
    raise WebhookVerificationError(f"Webhook rejected: {reason}.", "bad_signature")


def _event(text: str, event_id: str) -> WebhookEvent:
    try:
        payload = json.loads(text)
        return WebhookEvent(
            id=event_id,
            type=str(payload["type"]),
            timestamp=str(payload["timestamp"]),
            task=Task.model_validate(payload["data"]),
            data=dict(payload["data"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise WebhookVerificationError(
            f"The signed body is not a songforge event ({exc}).", "invalid_body"
        ) from None
