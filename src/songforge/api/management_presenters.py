"""JSON shapes of the management API: keys, balance, usage records and aggregates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from songforge.domain.billing import money_str
from songforge.ports import Balance, Credential, ModelUsage, UsageRecord, UsageTotals
from songforge.services.management import Page


def rfc3339(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")


def _money(name: str, value: Decimal | None) -> dict[str, Any]:
    if value is None:
        return {name: None, f"{name}_decimal": None}
    return {name: float(value), f"{name}_decimal": money_str(value)}


def present_key(key: Credential, secret: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "object": "api_key",
        "id": key.id,
        "name": key.name,
        "key_prefix": key.key_prefix,
        "status": key.status,
        **_money("limit_amount", key.limit_amount),
        **_money("used_amount", key.used_amount),
        "models": list(key.models),
        "expires_at": rfc3339(key.expires_at),
        "last_used_at": rfc3339(key.last_used_at),
        "created_at": rfc3339(key.created_at),
    }
    if secret is not None:
        body["key"] = secret
    return body


def present_balance(balance: Balance) -> dict[str, Any]:
    return {
        "object": "organization_balance",
        "organization_id": balance.organisation_id,
        **_money("balance", balance.balance),
        **_money("total_recharge", balance.total_recharge),
        **_money("total_used", balance.total_used),
        **_money("reserved", balance.reserved),
    }


def present_pagination(page: Page) -> dict[str, int]:
    return {
        "page": page.page,
        "limit": page.limit,
        "total": page.total,
        "totalPages": page.total_pages,
    }


VendorOf = Callable[[str], str | None]


def present_record(record: UsageRecord, vendor_of: VendorOf) -> dict[str, Any]:
    """A `ManagementUsageItem` of TokenLab's OpenAPI, plus `object`, `id`, `task_id`, `status`.

    Token and cache-token counters are 0: music is billed per request.
    """
    return {
        "object": "usage_record",
        "id": record.id,
        "request_id": record.request_id,
        "task_id": record.task_id,
        "billing_transaction_id": record.billing_transaction_id,
        "model": record.model,
        "logical_model": record.logical_model,
        "model_vendor": vendor_of(record.model),
        "scene": record.scene,
        "usage_unit": record.usage_unit,
        "usage_quantity": record.usage_quantity,
        "usage_quantity_decimal": str(record.usage_quantity),
        **_NO_TOKENS,
        **_money("cost", record.cost),
        "status": record.status,
        "created_at": rfc3339(record.created_at),
    }


_NO_TOKENS = {
    "prompt_tokens": 0,
    "completion_tokens": 0,
    "total_tokens": 0,
    "cache_read_tokens": 0,
    "cache_write_tokens": 0,
    "cache_write_tokens_5m": 0,
    "cache_write_tokens_1h": 0,
}


def _model_rows(
    groups: list[ModelUsage], label: Callable[[ModelUsage], tuple[str, str]], vendor_of: VendorOf
) -> list[dict[str, Any]]:
    """`ManagementModelBreakdown` rows, merging the groups that share a (model, logical) label."""
    merged: dict[tuple[str, str], list[Any]] = {}
    for group in groups:
        row = merged.setdefault(label(group), [0, 0, Decimal(0)])
        row[0] += group.requests
        row[1] += group.quantity
        row[2] += group.cost
    return [
        {
            "model": model,
            "logical_model": logical,
            "model_vendor": vendor_of(model),
            "requests": requests,
            **_money("cost", cost),
            "usage_quantity": quantity,
            "usage_quantity_decimal": str(quantity),
        }
        for (model, logical), (requests, quantity, cost) in merged.items()
    ]


def _vendor_rows(groups: list[ModelUsage], vendor_of: VendorOf) -> list[dict[str, Any]]:
    merged: dict[str, list[Any]] = {}
    for group in groups:
        # A model that left the catalogue keeps its records; its vendor is no longer known.
        row = merged.setdefault(vendor_of(group.model) or "unknown", [0, Decimal(0)])
        row[0] += group.requests
        row[1] += group.cost
    return [
        {"model_vendor": vendor, "requests": n, **_money("cost", cost)}
        for vendor, (n, cost) in sorted(merged.items())
    ]


def _day(epoch_day: str) -> str:
    """Midnight UTC of the day, RFC 3339: TokenLab types `daily_cost[].date` as date-time."""
    day = date.fromordinal(date(1970, 1, 1).toordinal() + int(epoch_day))
    return f"{day.isoformat()}T00:00:00Z"


def present_totals(totals: UsageTotals, vendor_of: VendorOf) -> dict[str, Any]:
    """`summary` (ManagementUsageSummary) and `breakdowns` (ManagementBreakdowns)."""
    return {
        "summary": {
            "total_requests": totals.requests,
            "total_quantity": totals.quantity,
            **_money("total_cost", totals.cost),
            "total_prompt_tokens": 0,
            "total_completion_tokens": 0,
            "total_tokens": 0,
            "usage_unit_breakdown": [
                {"usage_unit": unit, "usage_quantity": q, "usage_quantity_decimal": str(q)}
                for unit, q in totals.by_unit
            ],
        },
        "breakdowns": {
            "by_model_vendor": _vendor_rows(totals.by_model, vendor_of),
            "by_model": _model_rows(
                totals.by_model, lambda g: (g.model, g.logical_model), vendor_of
            ),
            "by_logical_model": _model_rows(
                totals.by_model, lambda g: (g.logical_model, g.logical_model), vendor_of
            ),
            "by_scene": [
                {"scene": scene, "requests": n, **_money("cost", cost)}
                for scene, n, cost in totals.by_scene
            ],
            "daily_cost": [
                {"date": _day(day), "requests": n, **_money("cost", cost)}
                for day, n, cost in totals.daily
            ],
        },
    }
