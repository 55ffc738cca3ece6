"""Catalogue and pricing routes; they answer without a key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from songforge.api.catalog_presenters import (
    CATEGORY,
    present_compact_item,
    present_list_item,
    present_model,
    present_model_pricing,
    present_pricing,
)
from songforge.api.dependencies import ServicesDep
from songforge.domain.catalog import Model
from songforge.domain.errors import InvalidParameter
from songforge.services.provider_routing import ProviderRouting

router = APIRouter(tags=["models"])

# The filter values TokenLab's OpenAPI documents for listModels; a value outside them (and,
# for recommended_for, outside the catalogue's own, e.g. "lyrics") is a 400, not an empty list.
CATEGORIES = (
    "chat",
    "embedding",
    "translation",
    "image",
    "video",
    "audio",
    "tts",
    "stt",
    "rerank",
    "3d",
    "music",
)
RECOMMENDED_FOR = (
    "image",
    "video",
    "music",
    "3d",
    "tts",
    "stt",
    "embedding",
    "rerank",
    "translation",
)
VIEWS = ("full", "compact")


def _one_of(name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise InvalidParameter(
            f"'{name}' must be one of: {', '.join(allowed)}.",
            param=name,
            allowed_values=list(allowed),
        )


def _listed(routing: ProviderRouting, provider: str | None, tag: str | None) -> list[Model]:
    """The models this installation serves, filtered by public provider and capability tag."""
    return [
        model
        for model in routing.served_catalog()
        if routing.listed(model)
        and (provider is None or model.owned_by == provider)
        and (tag is None or tag in model.capabilities)
    ]


@router.get("/v1/models", summary="The model catalogue")
def list_models(
    services: ServicesDep,
    category: Annotated[str | None, Query()] = None,
    recommended_for: Annotated[str | None, Query()] = None,
    provider: Annotated[str | None, Query(description="Public provider (owned_by).")] = None,
    tag: Annotated[str | None, Query(description="A capability, e.g. vocals.")] = None,
    view: Annotated[str, Query()] = "full",
) -> JSONResponse:
    _one_of("view", view, VIEWS)
    _one_of("category", category, CATEGORIES)
    known_uses = {use for model in services.catalog for use in model.recommended_for}
    _one_of(
        "recommended_for",
        recommended_for,
        (*RECOMMENDED_FOR, *sorted(known_uses - set(RECOMMENDED_FOR))),
    )
    models = _listed(services.routing, provider, tag)
    if category is not None and category != CATEGORY:
        models = []
    if recommended_for is not None:
        models = [m for m in models if recommended_for in m.recommended_for]
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
def get_pricing(
    services: ServicesDep,
    provider: Annotated[str | None, Query(description="Public provider (owned_by).")] = None,
    tag: Annotated[str | None, Query(description="A capability, e.g. vocals.")] = None,
) -> JSONResponse:
    models = _listed(services.routing, provider, tag)
    return JSONResponse(present_pricing(models, services.catalog.updated_at))
