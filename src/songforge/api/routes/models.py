"""Catalogue and pricing routes; they answer without a key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from songforge.api.dependencies import ServicesDep
from songforge.api.presenters import present_model, present_pricing
from songforge.domain.errors import InvalidParameter

router = APIRouter(tags=["models"])


@router.get("/v1/models", summary="The model catalogue")
def list_models(
    services: ServicesDep,
    category: Annotated[str | None, Query()] = None,
    recommended_for: Annotated[str | None, Query()] = None,
    provider: Annotated[str | None, Query()] = None,
    view: Annotated[str, Query()] = "compact",
) -> JSONResponse:
    if view not in ("compact", "full"):
        raise InvalidParameter("'view' must be 'compact' or 'full'.", param="view")
    entries = []
    for model in services.routing.served_catalog():
        if not services.routing.listed(model):
            continue
        entry = present_model(model, full=view == "full")
        details = entry["tokenlab"]
        if category and details["category"] != category:
            continue
        if recommended_for and recommended_for not in details["recommended_for"]:
            continue
        if provider and provider not in details["providers"]:
            continue
        entries.append(entry)
    return JSONResponse({"object": "list", "data": entries})


@router.get("/v1/models/{model_id}", summary="One model with its request contract")
def get_model(model_id: str, services: ServicesDep) -> JSONResponse:
    return JSONResponse(present_model(services.routing.served(model_id), full=True))


@router.get("/v1/models/{model_id}/pricing", summary="One model's prices")
def get_model_pricing(model_id: str, services: ServicesDep) -> JSONResponse:
    return JSONResponse(present_pricing(services.routing.served(model_id)))


@router.get("/v1/pricing", summary="Every model's prices")
def get_pricing(services: ServicesDep) -> JSONResponse:
    served = services.routing.served_catalog()
    listed = [present_pricing(m) for m in served if services.routing.listed(m)]
    return JSONResponse({"object": "list", "data": listed})
