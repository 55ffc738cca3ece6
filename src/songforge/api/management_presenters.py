"""JSON shapes of the management API: keys, balance, usage records and aggregates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from songforge.domain.billing import money_str
from songforge.ports import Balance, Credential, UsageRecord, UsageTotals
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


def present_record(record: UsageRecord) -> dict[str, Any]:
    return {
        "object": "usage_record",
        "id": record.id,
        "request_id": record.request_id,
        "task_id": record.task_id,
        "billing_transaction_id": record.billing_transaction_id,
        "model": record.model,
        "logical_model": record.logical_model,
        "scene": record.scene,
        "usage_unit": record.usage_unit,
        "usage_quantity": record.usage_quantity,
        **_money("cost", record.cost),
        "status": record.status,
        "created_at": rfc3339(record.created_at),
    }


def _group(rows: list[tuple[str, int, Decimal]], label: str) -> list[dict[str, Any]]:
    return [{label: key, "requests": n, **_money("cost", cost)} for key, n, cost in rows]


def present_totals(totals: UsageTotals) -> dict[str, Any]:
    return {
        "summary": {
            "total_requests": totals.requests,
            "total_quantity": totals.quantity,
            **_money("total_cost", totals.cost),
        },
        "breakdowns": {
            "by_model": _group(totals.by_model, "model"),
            "by_scene": _group(totals.by_scene, "scene"),
            "daily_cost": [
                {
                    "date": date.fromordinal(date(1970, 1, 1).toordinal() + int(day)).isoformat(),
                    "requests": n,
                    **_money("cost", cost),
                }
                for day, n, cost in totals.daily
            ],
        },
    }
