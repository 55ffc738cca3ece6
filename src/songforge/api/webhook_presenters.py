"""JSON shapes of webhook endpoints, secrets and deliveries (times in Unix seconds)."""

from __future__ import annotations

from typing import Any

from songforge.domain.webhooks import Delivery, Endpoint


def _seconds(value: float | None) -> int | None:
    return int(value) if value is not None else None


def present_endpoint(endpoint: Endpoint, secret: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": endpoint.id,
        "object": "webhook_endpoint",
        "url": endpoint.url,
        "events": list(endpoint.events),
        "status": endpoint.status,
        "description": endpoint.description,
        "created": _seconds(endpoint.created_at),
        "updated": _seconds(endpoint.updated_at),
    }
    if secret is not None:
        body["secret"] = secret  # only when created or rotated
    return body


def present_delivery(delivery: Delivery) -> dict[str, Any]:
    return {
        "id": delivery.id,
        "object": "webhook_delivery",
        "event_id": delivery.event_id,
        "event_type": delivery.event_type,
        "task_id": delivery.task_id,
        "url": delivery.url,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_status_code": delivery.last_status_code,
        "last_latency_ms": delivery.last_latency_ms,
        "last_error": delivery.last_error,
        "next_attempt_at": _seconds(delivery.next_attempt_at),
        "created": _seconds(delivery.created_at),
        "delivered_at": _seconds(delivery.delivered_at),
        "attempt_history": [
            {
                "attempt": a.attempt,
                "started_at": round(a.started_at, 3),
                "status_code": a.status_code,
                "latency_ms": a.latency_ms,
                "error": a.error,
            }
            for a in delivery.history
        ],
    }
