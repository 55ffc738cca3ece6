"""Webhook management routes (mt- tokens): endpoints, secrets, deliveries, retries."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor

from songforge.api.dependencies import ManagementToken, ServicesDep
from songforge.api.json_body import read_json
from songforge.api.webhook_presenters import present_delivery, present_endpoint
from songforge.services import webhook_management as webhooks

router = APIRouter(prefix="/v1/management/webhooks", tags=["webhooks"])
SECRET_SEGMENT = "callback-secret"


class EndpointIdConvertor(Convertor[str]):
    """An endpoint id: one path segment, never SECRET_SEGMENT. Without the exception the
    `/{endpoint_id}` routes would also match `/callback-secret`, so PATCH or DELETE there
    would look up an endpoint of that name (404) and a 405 would list their methods."""

    regex = f"(?!{SECRET_SEGMENT}(?:/|$))[^/]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


# Starlette's convertors are a process-wide table read when a route's path is compiled, so
# this one is registered as the module defines its routes; registering again replaces it.
register_url_convertor("endpoint_id", EndpointIdConvertor())


@router.post("", summary="Register an endpoint; its signing secret is shown once")
async def create_endpoint(
    request: Request, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    body = await read_json(request)
    endpoint, secret = await run_in_threadpool(
        webhooks.create_endpoint, services.webhook_context(), token, body
    )
    return JSONResponse(present_endpoint(endpoint, secret), status_code=201)


@router.get("", summary="The organisation's webhook endpoints")
def list_endpoints(services: ServicesDep, token: ManagementToken) -> JSONResponse:
    found = webhooks.list_endpoints(services.webhook_context(), token)
    return JSONResponse({"object": "list", "data": [present_endpoint(e) for e in found]})


@router.get("/callback-secret", summary="The secret signing per-task callbacks (shown once)")
def reveal_callback_secret(services: ServicesDep, token: ManagementToken) -> JSONResponse:
    secret = webhooks.reveal_callback_secret(services.webhook_context(), token)
    return JSONResponse({"object": "webhook_secret", "secret": secret})


@router.post("/callback-secret/rotate", summary="A new secret for per-task callbacks")
def rotate_callback_secret(services: ServicesDep, token: ManagementToken) -> JSONResponse:
    secret = webhooks.rotate_callback_secret(services.webhook_context(), token)
    return JSONResponse({"object": "webhook_secret", "secret": secret})


@router.get("/{endpoint_id:endpoint_id}", summary="One webhook endpoint")
def get_endpoint(endpoint_id: str, services: ServicesDep, token: ManagementToken) -> JSONResponse:
    return JSONResponse(
        present_endpoint(webhooks.get_endpoint(services.webhook_context(), token, endpoint_id))
    )


@router.patch(
    "/{endpoint_id:endpoint_id}",
    summary="Change an endpoint's url, events, status, description",
)
async def update_endpoint(
    endpoint_id: str, request: Request, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    body = await read_json(request)
    endpoint = await run_in_threadpool(
        webhooks.update_endpoint, services.webhook_context(), token, endpoint_id, body
    )
    return JSONResponse(present_endpoint(endpoint))


@router.delete(
    "/{endpoint_id:endpoint_id}", summary="Remove an endpoint; its waiting deliveries stop"
)
def delete_endpoint(
    endpoint_id: str, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    endpoint = webhooks.delete_endpoint(services.webhook_context(), token, endpoint_id)
    return JSONResponse({"id": endpoint.id, "object": "webhook_endpoint", "deleted": True})


@router.post("/{endpoint_id:endpoint_id}/rotate-secret", summary="A new signing secret, shown once")
def rotate_endpoint_secret(
    endpoint_id: str, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    endpoint, secret = webhooks.rotate_endpoint_secret(
        services.webhook_context(), token, endpoint_id
    )
    return JSONResponse(present_endpoint(endpoint, secret))


@router.get(
    "/{endpoint_id:endpoint_id}/deliveries",
    summary="Deliveries to an endpoint (or to per-task callbacks: id 'callbacks')",
)
def list_deliveries(
    endpoint_id: str,
    services: ServicesDep,
    token: ManagementToken,
    limit: Annotated[int, Query(ge=1, le=webhooks.MAX_DELIVERY_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=webhooks.MAX_DELIVERY_OFFSET)] = 0,
) -> JSONResponse:
    found, total = webhooks.list_deliveries(
        services.webhook_context(), token, endpoint_id, limit, offset
    )
    return JSONResponse(
        {
            "object": "list",
            "data": [present_delivery(d) for d in found],
            "total": total,
            "has_more": offset + len(found) < total,
        }
    )


@router.post(
    "/{endpoint_id:endpoint_id}/deliveries/{delivery_id}/retry", summary="Send a delivery again"
)
def retry_delivery(
    endpoint_id: str, delivery_id: str, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    delivery = webhooks.retry_delivery(services.webhook_context(), token, endpoint_id, delivery_id)
    return JSONResponse(present_delivery(delivery), status_code=202)
