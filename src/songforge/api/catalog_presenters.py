"""JSON shapes of the catalogue and pricing routes, as TokenLab's OpenAPI (v0.6.14) types them.

The list route's `view=full` items are `ModelListItem`, `view=compact` items
`CompactModelListItem`, the detail route a `Model`, the pricing routes `ModelPricingResponse`
and `PricingResponse`. The list shapes forbid unknown keys, so songforge's own fields (the
description, `recommended_for`, the `mv` and `duration` limits) appear only on the detail
route, whose `tokenlab` object and request details allow extras.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from songforge.domain.billing import money_str
from songforge.domain.catalog import (
    ADD_INSTRUMENTAL,
    OPERATION_CONTINUE,
    OPERATION_LYRICS,
    OPERATION_MUSIC,
    UPLOAD_COVER,
    UPLOAD_EXTEND,
    Model,
)
from songforge.domain.model_versions import accepted_versions, served_as
from songforge.domain.tasks import Action

REQUEST_ENDPOINT = "/v1/music/generations"
STATUS_ENDPOINT = "/v1/tasks/{id}"
CATEGORY = "music"
UNIT = "request"


def _rfc3339(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")


def _prices(model: Model) -> list[Decimal]:
    return sorted({op.price for op in model.operations.values()})


def has_complex_pricing(model: Model) -> bool:
    """Complex when the operations of one model cost different amounts."""
    return len(_prices(model)) > 1


def _price_range(model: Model) -> dict[str, str]:
    prices = _prices(model)
    if not prices:
        return {}
    if len(prices) == 1:
        return {"per_request": money_str(prices[0])}
    return {"min_price": money_str(prices[0]), "max_price": money_str(prices[-1])}


def _operation_prices(model: Model) -> dict[str, dict[str, Any]]:
    return {
        name: {"price": float(op.price), "price_decimal": money_str(op.price)}
        for name, op in model.operations.items()
    }


def _pricing_summary(model: Model) -> dict[str, Any]:
    return {"unit": UNIT, "currency": "USD", **_price_range(model)}


def _lifecycle(model: Model) -> dict[str, Any]:
    return {
        "stage": "active",
        "reason": None,
        "replacement_model": None,
        "released_at": _rfc3339(model.created) if model.created else None,
        "deprecated_at": None,
        "retired_at": None,
        "sunset_at": None,
        "latest": False,
        "latest_source": "none",
        "latest_window_days": None,
    }


def _is_free(model: Model) -> bool:
    return all(op.price == 0 for op in model.operations.values())


def _commercial(model: Model) -> dict[str, Any]:
    free = _is_free(model)
    return {
        "user_charge_policy": "free" if free else "paid",
        "free_reason": "platform" if free else None,
        "free_until": None,
    }


def _badges(model: Model) -> list[dict[str, Any]]:
    if not _is_free(model):
        return []
    return [
        {"key": "free", "tone": "green", "priority": 10, "tooltip": {"key": "free", "values": {}}}
    ]


def _summary(model: Model) -> dict[str, Any]:
    """`ModelListRequestFormatSummary`: operations and where to send them."""
    return {
        "public_operations": list(model.operations),
        "request_endpoint": REQUEST_ENDPOINT,
        "request_endpoint_by_operation": {name: REQUEST_ENDPOINT for name in model.operations},
    }


def _common(model: Model) -> dict[str, Any]:
    return {
        "aliases": [],
        "pricing": _operation_prices(model),
        "capabilities": list(model.capabilities),
        # The public provider (who answers for the model), never the backend serving it.
        "providers": [model.owned_by],
        "max_input_tokens": None,
        "max_output_tokens": None,
        "category": CATEGORY,
        "pricing_unit": UNIT,
        "has_complex_pricing": has_complex_pricing(model),
        "pricing_summary": _pricing_summary(model),
        "lifecycle": _lifecycle(model),
        "commercial": _commercial(model),
        "badges": _badges(model),
    }


def present_list_item(model: Model) -> dict[str, Any]:
    """A `view=full` list entry (`ModelListItem`)."""
    return {
        "id": model.id,
        "object": "model",
        "created": model.created,
        "owned_by": model.owned_by,
        "tokenlab": {**_common(model), "request_format_summary": _summary(model)},
    }


def present_compact_item(model: Model, rank: int | None) -> dict[str, Any]:
    """A `view=compact` entry (`CompactModelListItem`); `rank` (1 = first) when the caller
    asked for recommendations. songforge keeps no success-rate history, so the evidence says
    `insufficient_samples`."""
    item: dict[str, Any] = {
        "id": model.id,
        "provider": model.owned_by,
        "category": CATEGORY,
        "capabilities": list(model.capabilities),
        "max_input_tokens": None,
        "max_output_tokens": None,
        "pricing": {
            "unit": UNIT,
            "currency": "USD",
            **_price_range(model),
            "has_complex_pricing": has_complex_pricing(model),
        },
        "status": "active",
        "latest": False,
        "supported_operations": list(model.operations),
        "request_endpoint": REQUEST_ENDPOINT,
    }
    if rank is not None:
        item["recommendation"] = {
            "preferred_rank": rank,
            "success_rate_24h": None,
            "sample_count_24h": 0,
            "status": "insufficient_samples",
        }
    return item


# What a request must carry for each operation, as domain.generation_request enforces it
# (upload operations and add-instrumental's fields from TokenLab's published OpenAPI).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    OPERATION_CONTINUE: ("continue_clip_id",),
    UPLOAD_EXTEND: ("audio_url", "audio_operation", "prompt"),
    UPLOAD_COVER: ("audio_url", "prompt"),
    ADD_INSTRUMENTAL: ("audio_url", "audio_operation", "title", "tags", "negative_tags"),
}


def _constraint(model: Model, operation: str) -> dict[str, Any]:
    """A `NonChatOperationConstraint`: the fields one operation accepts."""
    parameters = model.lyrics_parameters if operation == OPERATION_LYRICS else model.parameters
    return {
        "operation": operation,
        "request_endpoint": REQUEST_ENDPOINT,
        "status_mode": "poll",
        "supported_parameters": list(parameters),
        "required_selectors": list(REQUIRED_FIELDS.get(operation, ("prompt",))),
        "optional_selectors": [p for p in ("mv", "duration") if p in parameters],
    }


def _details(model: Model) -> dict[str, Any]:
    """`NonChatRequestFormatDetails`, plus songforge's own limits (`mv`, `duration`,
    `prompt_max_chars`, `lyrics_parameters`)."""
    details: dict[str, Any] = {
        **_summary(model),
        "supported_parameters": list(model.parameters),
        "lyrics_parameters": list(model.lyrics_parameters),
        "required_selectors": ["prompt"],
        "optional_selectors": [p for p in ("mv", "duration") if p in model.parameters],
        "status_mode": "poll",
        "fallback_status_endpoints": [STATUS_ENDPOINT, "/v1/music/generations/{id}"],
        "service_limits": {"prompt_max_characters": model.prompt_max_chars},
        "prompt_max_chars": model.prompt_max_chars,
        "documented_inputs": ["text"],
        "documented_outputs": ["text"]
        if set(model.operations) == {OPERATION_LYRICS}
        else ["audio", "video", "image", "text"],
        "operation_constraints": [_constraint(model, name) for name in model.operations],
        "notes": [model.notes] if model.notes else [],
    }
    if "mv" in model.parameters:
        details["mv"] = list(accepted_versions(model.mv))
        details["mv_served_as"] = served_as(model.mv)
    if model.duration is not None:
        details["duration"] = {
            "min": model.duration.min,
            "max": model.duration.max,
            "default": model.duration.default,
        }
    return details


def present_model(model: Model) -> dict[str, Any]:
    """The detail route's `Model`: every list field plus the full request contract."""
    return {
        "id": model.id,
        "object": "model",
        "created": model.created,
        "owned_by": model.owned_by,
        "tokenlab": {
            **_common(model),
            "description": model.description,
            "recommended_for": list(model.recommended_for),
            "supported_operations": list(model.operations),
            "accepted_request_formats": [],  # no chat formats: music has its own endpoint
            "request_format_summary": _summary(model),
            "request_format_details": _details(model),
        },
    }


def present_model_pricing(model: Model) -> dict[str, Any]:
    """`ModelPricingResponse`, plus `object`, `currency` and per-operation `operations`."""
    return {
        "object": "model.pricing",
        "model": model.id,
        "currency": "USD",
        "pricing_unit": UNIT,
        "has_complex_pricing": has_complex_pricing(model),
        "supported_operations": list(model.operations),
        "pricing_summary": _pricing_summary(model),
        "pricing_provenance": {"source": "catalogue"},
        "pricing_details": {"operations": _operation_prices(model)},
        "scalar_pricing": _price_range(model),
        "operations": _operation_prices(model),
    }


def _lock_price(model: Model) -> str | None:
    """The price of the model's default operation: what a plain create request costs."""
    default = model.operations.get(
        OPERATION_LYRICS if model.default_action is Action.LYRICS else OPERATION_MUSIC
    )
    if default is None and model.operations:
        default = next(iter(model.operations.values()))
    return money_str(default.price) if default is not None else None


def present_pricing_entry(model: Model) -> dict[str, Any]:
    """A `PricingEntry`: prices are fixed per request, so they are lock prices."""
    return {
        "model": model.id,
        "provider": model.owned_by,
        "is_lock_price": True,
        "capabilities": list(model.capabilities),
        "aliases": [],
        "input_per_1m_tokens": None,
        "output_per_1m_tokens": None,
        "lock_price_per_request": _lock_price(model),
        "has_complex_pricing": has_complex_pricing(model),
        "supported_operations": list(model.operations),
        "pricing_summary": _pricing_summary(model),
        "operations": _operation_prices(model),
    }


def present_pricing(models: list[Model], updated_at: float) -> dict[str, Any]:
    """`PricingResponse`: `updated_at` is when the catalogue's prices last changed."""
    return {
        "object": "pricing",
        "updated_at": _rfc3339(updated_at),
        "currency": "USD",
        "data": [present_pricing_entry(m) for m in models],
    }
