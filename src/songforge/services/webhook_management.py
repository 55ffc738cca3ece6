"""Managing an organisation's webhooks: endpoints, secrets, deliveries and manual retries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from songforge.domain.errors import (
    InvalidJson,
    InvalidParameter,
    UnsupportedParameter,
    WebhookDeliveryInFlight,
    WebhookDeliveryNotFound,
    WebhookNotFound,
    WebhookSecretRevealed,
)
from songforge.domain.webhooks import (
    CALLBACK_TARGET,
    Delivery,
    Endpoint,
    new_endpoint_id,
    new_secret,
)
from songforge.ports import Clock, Credential, UnitOfWork, UnitOfWorkFactory
from songforge.services.webhook_destinations import DestinationRules, check_events

STATUSES = ("enabled", "disabled")
_FIELDS = ("url", "events", "status", "description")
MAX_DELIVERY_OFFSET = 1_000_000
MAX_DELIVERY_PAGE = 100
MAX_DESCRIPTION_CHARS = 200


@dataclass(frozen=True)
class WebhookContext:
    uow_factory: UnitOfWorkFactory
    clock: Clock
    destinations: DestinationRules
    secret_overlap_seconds: float


def _body(body: object) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise InvalidJson("Request body must be a JSON object.")
    UnsupportedParameter.check(body, _FIELDS, "for webhook endpoints")
    return body


def _status(value: object) -> str:
    if value not in STATUSES:
        raise InvalidParameter("'status' must be 'enabled' or 'disabled'.", param="status")
    return str(value)


def _description(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_DESCRIPTION_CHARS:
        raise InvalidParameter(
            f"'description' must be a string of at most {MAX_DESCRIPTION_CHARS} characters.",
            param="description",
        )
    return value


def _own(uow: UnitOfWork, token: Credential, endpoint_id: str) -> Endpoint:
    found = uow.webhooks.get_endpoint(token.organisation_id, endpoint_id)
    if found is None:
        raise WebhookNotFound(f"Webhook endpoint '{endpoint_id}' was not found.", param="id")
    return found


def create_endpoint(ctx: WebhookContext, token: Credential, body: object) -> tuple[Endpoint, str]:
    """A new endpoint and its signing secret (`whsec_…`, returned only here)."""
    fields = _body(body)
    if "url" not in fields:
        raise InvalidParameter("'url' is required.", param="url")
    url = ctx.destinations.check_url(fields["url"], "url")
    now = ctx.clock.now()
    endpoint = Endpoint(
        id=new_endpoint_id(),
        organisation_id=token.organisation_id,
        url=url,
        events=check_events(fields.get("events"), "events"),
        status=_status(fields.get("status", "enabled")),
        description=_description(fields.get("description")),
        created_at=now,
        updated_at=now,
    )
    secret = new_secret()
    with ctx.uow_factory() as uow:
        uow.webhooks.add_endpoint(endpoint, secret)
        uow.commit()
    return endpoint, secret


def list_endpoints(ctx: WebhookContext, token: Credential) -> list[Endpoint]:
    with ctx.uow_factory(read_only=True) as uow:
        return uow.webhooks.list_endpoints(token.organisation_id)


def get_endpoint(ctx: WebhookContext, token: Credential, endpoint_id: str) -> Endpoint:
    with ctx.uow_factory(read_only=True) as uow:
        return _own(uow, token, endpoint_id)


def update_endpoint(
    ctx: WebhookContext, token: Credential, endpoint_id: str, body: object
) -> Endpoint:
    fields = _body(body)
    changes: dict[str, Any] = {}
    if "url" in fields:
        changes["url"] = ctx.destinations.check_url(fields["url"], "url")
    if "events" in fields:
        if fields["events"] is None:
            raise InvalidParameter("'events' may not be null.", param="events")
        changes["events"] = list(check_events(fields["events"], "events"))
    if "status" in fields:
        changes["status"] = _status(fields["status"])
    if "description" in fields:
        changes["description"] = _description(fields["description"])
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        endpoint = _own(uow, token, endpoint_id)
        if changes:
            uow.webhooks.update_endpoint(endpoint.id, {**changes, "updated_at": now})
        endpoint = _own(uow, token, endpoint_id)
        uow.commit()
    return endpoint


def delete_endpoint(ctx: WebhookContext, token: Credential, endpoint_id: str) -> Endpoint:
    with ctx.uow_factory() as uow:
        endpoint = _own(uow, token, endpoint_id)
        uow.webhooks.delete_endpoint(endpoint.id)
        uow.commit()
    return endpoint


def rotate_endpoint_secret(
    ctx: WebhookContext, token: Credential, endpoint_id: str
) -> tuple[Endpoint, str]:
    """A new secret, returned only here; the old one also signs for the overlap period."""
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        endpoint = _own(uow, token, endpoint_id)
        secret = uow.webhooks.rotate_endpoint_secret(
            endpoint.id, now + ctx.secret_overlap_seconds, now
        )
        uow.commit()
    return endpoint, secret


def reveal_callback_secret(ctx: WebhookContext, token: Credential) -> str:
    """The secret signing per-task callbacks, made on first use; readable once
    (WebhookSecretRevealed, 409, afterwards: rotate it to get a new one)."""
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        secret, _revealed_at = uow.webhooks.default_secret(token.organisation_id, now)
        if not uow.webhooks.reveal_default_secret(token.organisation_id, now):
            raise WebhookSecretRevealed(
                "The callback signing secret was already shown once; rotate it to get a new one.",
            )
        uow.commit()
    return secret


def rotate_callback_secret(ctx: WebhookContext, token: Credential) -> str:
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        secret = uow.webhooks.rotate_default_secret(
            token.organisation_id, now + ctx.secret_overlap_seconds, now
        )
        uow.commit()
    return secret


def _target(uow: UnitOfWork, token: Credential, endpoint_id: str) -> str:
    if endpoint_id == CALLBACK_TARGET:
        return CALLBACK_TARGET
    return _own(uow, token, endpoint_id).id


def list_deliveries(
    ctx: WebhookContext, token: Credential, endpoint_id: str, limit: int, offset: int
) -> tuple[list[Delivery], int]:
    """Deliveries to an endpoint (or to per-task callbacks: id `callbacks`), newest first,
    each with its attempts."""
    if not 1 <= limit <= MAX_DELIVERY_PAGE:
        raise InvalidParameter(f"'limit' must be between 1 and {MAX_DELIVERY_PAGE}.", param="limit")
    if not 0 <= offset <= MAX_DELIVERY_OFFSET:
        raise InvalidParameter(
            f"'offset' must be between 0 and {MAX_DELIVERY_OFFSET}.", param="offset"
        )
    with ctx.uow_factory(read_only=True) as uow:
        target = _target(uow, token, endpoint_id)
        return uow.webhooks.list_deliveries(
            token.organisation_id, target, limit=limit, offset=offset
        )


def retry_delivery(
    ctx: WebhookContext, token: Credential, endpoint_id: str, delivery_id: str
) -> Delivery:
    """Send a finished (succeeded or given-up) delivery again now, with its webhook-id."""
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        target = _target(uow, token, endpoint_id)
        delivery = uow.webhooks.get_delivery(delivery_id)
        if (
            delivery is None
            or delivery.organisation_id != token.organisation_id
            or delivery.target != target
        ):
            raise WebhookDeliveryNotFound(
                f"Delivery '{delivery_id}' was not found.", param="delivery_id"
            )
        if not uow.webhooks.retry_delivery(delivery.id, now):
            raise WebhookDeliveryInFlight(
                "This delivery is still being attempted; it can be retried once it has "
                "succeeded or failed."
            )
        retried = uow.webhooks.get_delivery(delivery.id, with_history=True)
        uow.commit()
    assert retried is not None
    return retried
