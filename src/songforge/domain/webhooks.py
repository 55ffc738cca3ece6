"""Webhook events, their defaults, the retry schedule, and the shapes stores hand back.

Signing follows the Standard Webhooks specification (standardwebhooks.com): headers
`webhook-id`, `webhook-timestamp` (Unix seconds), `webhook-signature` (`v1,<base64
HMAC-SHA256 of "id.timestamp.body">`), secrets `whsec_<base64>`.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

EVENT_TYPES = (
    "task.processing",
    "task.lyrics_ready",
    "task.completed",
    "task.failed",
    "task.cancelled",
)
TERMINAL_EVENTS = ("task.completed", "task.failed", "task.cancelled")
CALLBACK_TARGET = "callbacks"  # deliveries to per-task callback_urls


def new_secret() -> str:
    """A signing secret: `whsec_` and 24 random bytes in base64 (the spec's format)."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode("ascii")


def new_event_id() -> str:
    return "msg_" + secrets.token_hex(16)


def new_endpoint_id() -> str:
    return "we_" + secrets.token_hex(12)


def new_delivery_id() -> str:
    return "whd_" + secrets.token_hex(12)


@dataclass(frozen=True)
class RetrySchedule:
    """When to try again after a failed attempt: `delays` (seconds) after the 1st, 2nd, …
    failure, then every `every` seconds, giving up once the next try would fall more than
    `give_up_after` seconds after the event. Defaults: 5 s, 30 s, 2 min, 10 min, 1 h, then
    every 6 h, for 3 days."""

    delays: tuple[float, ...] = (5.0, 30.0, 120.0, 600.0, 3600.0)
    every: float = 6 * 3600.0
    give_up_after: float = 3 * 24 * 3600.0

    def next_attempt_at(self, failures: int, first_at: float, now: float) -> float | None:
        delay = self.delays[failures - 1] if failures <= len(self.delays) else self.every
        at = now + delay
        return at if at - first_at <= self.give_up_after else None


@dataclass(frozen=True)
class Endpoint:
    id: str
    organisation_id: str
    url: str
    events: tuple[str, ...]
    status: str
    description: str | None
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class DeliveryAttempt:
    attempt: int
    started_at: float
    status_code: int | None
    latency_ms: float | None
    error: str | None


@dataclass(frozen=True)
class Delivery:
    id: str
    event_id: str
    event_type: str
    task_id: str
    organisation_id: str
    target: str
    url: str
    status: str  # pending | delivering | succeeded | failed
    attempts: int
    next_attempt_at: float | None
    last_status_code: int | None
    last_latency_ms: float | None
    last_error: str | None
    created_at: float
    delivered_at: float | None
    event_seq: int = 0
    occurred_at: float = 0.0
    history: tuple[DeliveryAttempt, ...] = ()


@dataclass(frozen=True)
class TaskEvent:
    seq: int
    id: str
    task_id: str
    type: str
    occurred_at: float
    body: str | None
    task_state: dict[str, Any]


@dataclass(frozen=True)
class SigningSecrets:
    """The secrets that sign a message now: the current one, and the previous one while a
    rotation's overlap lasts."""

    current: str
    previous: str | None = None
