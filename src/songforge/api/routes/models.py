"""Catalogue and pricing routes; they answer without a key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from songforge.api.catalog_presenters import (
    present_compact_item,
    present_list_item,
    present_model,
    present_model_pricing,
    present_pricing,
)
from songforge.api.dependencies import ServicesDep
from songforge.services.catalogue_query import CATEGORIES, VIEWS, listed_models, one_of

router = APIRouter(tags=["models"])

Provider = Annotated[str | None, Query(description="Public provider (owned_by).")]
Tag = Annotated[str | None, Query(description="A capability, e.g. vocals.")]


@router.get("/v1/models", summary="The model catalogue")
def list_models(
    services: ServicesDep,
    provider: Provider = None,
    tag: Tag = None,
    category: Annotated[str | None, Query(json_schema_extra={"enum": list(CATEGORIES)})] = None,
    recommended_for: Annotated[
        str | None, Query(description="A use; the document lists this catalogue's values.")
    ] = None,
    view: Annotated[str, Query(json_schema_extra={"enum": list(VIEWS)})] = "full",
) -> JSONResponse:
    one_of("view", view, VIEWS)
    models = listed_models(
        services.routing,
        provider=provider,
        tag=tag,
        category=category,
        recommended_for=recommended_for,
    )
    if view == "full":
        return JSONResponse({"object": "list", "data": [present_list_item(m) for m in models]})
    ranked = recommended_for is not None
    items = [present_compact_item(m, i + 1 if ranked else None) for i, m in enumerate(models)]
    return JSONResponse({"object": "list", "view": "compact", "count": len(items), "data": items})


@router.get("/v1/models/{model_id}", summary="One model with its request contract")
def get_model(model_id: str, services: ServicesDep) -> JSONResponse:
    return JSONResponse(present_model(services.routing.served(model_id)))


@router.get("/v1/models/{model_id}/pricing", summary="One model's prices")
def get_model_pricing(model_id: str, services: ServicesDep) -> JSONResponse:
    return JSONResponse(present_model_pricing(services.routing.served(model_id)))


@router.get("/v1/pricing", summary="Every model's prices")
def get_pricing(services: ServicesDep, provider: Provider = None, tag: Tag = None) -> JSONResponse:
    models = listed_models(services.routing, provider=provider, tag=tag)
    return JSONResponse(present_pricing(models, services.catalog.updated_at))
