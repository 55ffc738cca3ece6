"""Delivering one due webhook: claim it, fix its body, sign it, send it, record the attempt.

The body is the event envelope `{"type", "timestamp", "data"}` where data is the task object
exactly as GET /v1/tasks/{id} returns it at the event's first send; it is stored then, so
every retry and every destination of the event carries the same bytes and the same
`webhook-id`. Signatures follow the Standard Webhooks specification, made by the
`standardwebhooks` library.
"""

from __future__ import annotations

import datetime
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import structlog
from standardwebhooks.webhooks import Webhook

from songforge import __version__
from songforge.domain.tasks import Task
from songforge.domain.webhooks import Delivery, RetrySchedule, SigningSecrets
from songforge.outbound import OutboundRefused
from songforge.ports import Clock, UnitOfWorkFactory

log = structlog.get_logger("songforge.webhooks")

TaskRenderer = Callable[[Task, float], dict[str, Any]]


@dataclass(frozen=True)
class DeliveryContext:
    uow_factory: UnitOfWorkFactory
    clock: Clock
    client: httpx.Client  # a guarded client: checked addresses, no redirects, its timeout
    render_task: TaskRenderer
    schedule: RetrySchedule
    lease_seconds: float  # longer than one send may take


def iso_time(seconds: float) -> str:
    moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def signature_header(secrets: SigningSecrets, message_id: str, sent_at: int, body: str) -> str:
    """`v1,<sig>` for the current secret, and for the previous one during a rotation."""
    moment = datetime.datetime.fromtimestamp(sent_at, datetime.UTC)
    keys = [secrets.current] + ([secrets.previous] if secrets.previous else [])
    return " ".join(Webhook(key).sign(message_id, moment, body) for key in keys)


@dataclass(frozen=True)
class _Claimed:
    delivery: Delivery
    body: str
    secrets: SigningSecrets | None


def _claim(ctx: DeliveryContext, owner: str) -> _Claimed | None:
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        delivery = uow.webhooks.claim_due(owner, now, now + ctx.lease_seconds)
        if delivery is None:
            return None
        body = uow.webhooks.event_body(delivery.event_seq)
        if body is None:
            task = uow.webhooks.event_task(delivery.event_seq)
            envelope = {
                "type": delivery.event_type,
                "timestamp": iso_time(delivery.occurred_at),
                "data": ctx.render_task(task, now),
            }
            body = uow.webhooks.fix_body(
                delivery.event_seq, json.dumps(envelope, separators=(",", ":"))
            )
        secrets = uow.webhooks.signing_secrets(delivery, now)
        uow.commit()
    return _Claimed(delivery, body, secrets)


def _send(ctx: DeliveryContext, claimed: _Claimed) -> tuple[int | None, str | None, bool]:
    """(HTTP status, error, retryable) of one POST."""
    if claimed.secrets is None:
        return None, "the endpoint no longer exists", False
    sent_at = int(ctx.clock.now())
    delivery = claimed.delivery
    headers = {
        "content-type": "application/json",
        "user-agent": f"songforge-webhooks/{__version__}",
        "webhook-id": delivery.event_id,
        "webhook-timestamp": str(sent_at),
        "webhook-signature": signature_header(
            claimed.secrets, delivery.event_id, sent_at, claimed.body
        ),
    }
    try:
        # Streamed so that a receiver's (possibly huge) response body is never read.
        with ctx.client.stream(
            "POST", delivery.url, content=claimed.body.encode(), headers=headers
        ) as response:
            status = response.status_code
    except OutboundRefused as refused:
        return None, f"refused: {refused.reason}", False
    except httpx.TimeoutException:
        return None, "timed out", True
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, True
    if 200 <= status < 300:
        return status, None, False
    if 300 <= status < 400:
        return status, "redirects are not followed", True
    return status, f"HTTP {status}", True


def deliver_next(ctx: DeliveryContext, owner: str) -> bool:
    """Send the next due delivery, if any; True when one was attempted."""
    claimed = _claim(ctx, owner)
    if claimed is None:
        return False
    started_at = ctx.clock.now()
    began = time.perf_counter()
    status, error, retryable = _send(ctx, claimed)
    latency_ms = round((time.perf_counter() - began) * 1000.0, 1)
    now = ctx.clock.now()
    delivery = claimed.delivery
    next_at = None
    if error is None:
        outcome = "succeeded"
    else:
        if retryable:
            next_at = ctx.schedule.next_attempt_at(delivery.attempts, delivery.created_at, now)
        outcome = "pending" if next_at is not None else "failed"
    with ctx.uow_factory() as uow:
        recorded = uow.webhooks.finish_attempt(
            delivery,
            owner,
            started_at,
            status_code=status,
            latency_ms=latency_ms,
            error=error,
            outcome=outcome,
            next_attempt_at=next_at,
            now=now,
        )
        uow.commit()
    log.info(
        "webhook_attempt",
        delivery_id=delivery.id,
        event_id=delivery.event_id,
        attempt=delivery.attempts,
        status_code=status,
        error=error,
        outcome=outcome,
        recorded=recorded,
    )
    return True
