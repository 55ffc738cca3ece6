"""Management routes (mt- tokens): balance, keys, usage and billing."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from songforge.api.dependencies import ManagementToken, ServicesDep
from songforge.api.json_body import read_json
from songforge.api.management_presenters import (
    present_balance,
    present_key,
    present_pagination,
    present_record,
    present_totals,
)
from songforge.services import management

router = APIRouter(prefix="/v1/management", tags=["management"])


@router.get("/balance", summary="The organisation's balance")
def get_balance(services: ServicesDep, token: ManagementToken) -> JSONResponse:
    return JSONResponse(present_balance(management.balance(services.uow_factory, token)))


@router.get("/api-keys", summary="The organisation's API keys")
def list_keys(
    services: ServicesDep,
    token: ManagementToken,
    page: Annotated[int, Query(ge=1, le=management.MAX_PAGE)] = 1,
    limit: Annotated[int, Query(ge=1, le=management.MAX_PAGE_SIZE)] = 50,
) -> JSONResponse:
    keys, paging = management.list_keys(services.uow_factory, token, page, limit)
    return JSONResponse(
        {
            "object": "list",
            "data": [present_key(k) for k in keys],
            "pagination": present_pagination(paging),
        }
    )


@router.post("/api-keys", summary="Create an API key; its secret is shown once")
async def create_key(
    request: Request, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    body = await read_json(request)
    issued = await run_in_threadpool(
        management.create_key, services.uow_factory, services.catalog, services.clock, token, body
    )
    return JSONResponse(present_key(issued.credential, issued.secret), status_code=201)


@router.patch("/api-keys/{key_id}", summary="Change a key's name, status, limit, models or expiry")
async def update_key(
    key_id: str, request: Request, services: ServicesDep, token: ManagementToken
) -> JSONResponse:
    body = await read_json(request)
    key = await run_in_threadpool(
        management.update_key,
        services.uow_factory,
        services.catalog,
        services.clock,
        services.credential_cache,
        token,
        key_id,
        body,
    )
    return JSONResponse(present_key(key))


def usage_filters(
    model: Annotated[str | None, Query(max_length=management.MAX_FILTER_CHARS)] = None,
    scene: Annotated[str | None, Query(json_schema_extra={"enum": list(management.SCENES)})] = None,
    start_date: Annotated[str | None, Query(alias="startDate")] = None,
    end_date: Annotated[str | None, Query(alias="endDate")] = None,
    model_vendor: Annotated[
        str | None, Query(alias="modelVendor", max_length=management.MAX_FILTER_CHARS)
    ] = None,
) -> management.UsageQuery:
    return management.UsageQuery(model, scene, start_date, end_date, model_vendor=model_vendor)


UsageFilters = Annotated[management.UsageQuery, Depends(usage_filters)]


@router.get("/api-keys/{key_id}/usage", summary="A key's usage records")
def key_usage(
    key_id: str,
    services: ServicesDep,
    token: ManagementToken,
    filters: UsageFilters,
    page: Annotated[int, Query(ge=1, le=management.MAX_PAGE)] = 1,
    limit: Annotated[int, Query(ge=1, le=management.MAX_PAGE_SIZE)] = 50,
) -> JSONResponse:
    query = replace(filters, page=page, limit=limit)
    key, records, totals, paging = management.usage(
        services.uow_factory, services.catalog, token, key_id, query
    )
    vendor_of = services.catalog.vendor_of
    return JSONResponse(
        {
            "object": "api_key_usage",
            "api_key": present_key(key),
            "items": [present_record(r, vendor_of) for r in records],
            "pagination": present_pagination(paging),
            **present_totals(totals, vendor_of),
        }
    )


@router.get("/api-keys/{key_id}/billing", summary="A key's spending, aggregated")
def key_billing(
    key_id: str, services: ServicesDep, token: ManagementToken, filters: UsageFilters
) -> JSONResponse:
    key, totals = management.billing(services.uow_factory, services.catalog, token, key_id, filters)
    return JSONResponse(
        {
            "object": "api_key_billing",
            "api_key": present_key(key),
            **present_totals(totals, services.catalog.vendor_of),
        }
    )
