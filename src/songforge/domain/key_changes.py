"""Validation of management bodies: creating and updating API keys."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from songforge.domain.billing import money
from songforge.domain.catalog import Catalog
from songforge.domain.errors import (
    CurrencyRetired,
    InvalidJson,
    InvalidParameter,
    UnsupportedParameter,
)

CREATE_FIELDS = ("name", "limitAmount", "limitCurrency", "models", "expiresAt")
UPDATE_FIELDS = ("name", "status", "limitAmount", "limitCurrency", "models", "expiresAt")
STATUSES = ("active", "inactive", "revoked")
MAX_LIMIT_USD = Decimal(1_000_000)  # TokenLab's OpenAPI bounds limitAmount at 1,000,000


def parse_timestamp(value: str, param: str, *, end_of_day: bool = False) -> float:
    """RFC 3339, or a plain YYYY-MM-DD date (UTC; its last second when `end_of_day`)."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
            return day.timestamp() + (86_399.999 if end_of_day else 0.0)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidParameter(
            f"'{param}' must be an RFC 3339 timestamp or a YYYY-MM-DD date.", param=param
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def _check_fields(body: object, allowed: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise InvalidJson("Request body must be a JSON object.")
    UnsupportedParameter.check(body, allowed, "here")
    _currency(body.get("limitCurrency", "USD"))
    return body


def _currency(value: object) -> None:
    """USD is the only currency; TokenLab answers any other (it retired CNY) the same way."""
    if not isinstance(value, str):
        raise InvalidParameter("'limitCurrency' must be the string 'USD'.", param="limitCurrency")
    if value != "USD":
        raise CurrencyRetired(
            f"Currency '{value}' is retired; limits are set in USD.", param="limitCurrency"
        )


def _name(value: object) -> str:
    if not isinstance(value, str) or not 1 <= len(value.strip()) <= 50:
        raise InvalidParameter("'name' must be 1 to 50 characters.", param="name")
    return value.strip()


def _limit(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidParameter(
            "'limitAmount' must be a number of USD or null.", param="limitAmount"
        )
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise InvalidParameter(
            "'limitAmount' must be a number of USD or null.", param="limitAmount"
        ) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_LIMIT_USD:
        raise InvalidParameter(
            f"'limitAmount' must be between 0 and {MAX_LIMIT_USD}.", param="limitAmount"
        )
    if money(amount) != amount:
        # Rounding would change the cap, and 0.00001 would silently become "spend nothing".
        raise InvalidParameter("'limitAmount' has at most 4 decimal places.", param="limitAmount")
    return money(amount)


def _models(value: object, catalog: Catalog) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(m, str) for m in value):
        raise InvalidParameter("'models' must be a list of model ids.", param="models")
    known = set(catalog.ids())
    for model in value:
        if model not in known:
            raise InvalidParameter(f"'models' names an unknown model '{model}'.", param="models")
    return tuple(dict.fromkeys(value))


def _expires(value: object, now: float) -> float | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidParameter(
            "'expiresAt' must be an RFC 3339 timestamp or null.", param="expiresAt"
        )
    when = parse_timestamp(value, "expiresAt")
    if when <= now:
        raise InvalidParameter("'expiresAt' must be in the future.", param="expiresAt")
    return when


def validate_key_create(body: object, catalog: Catalog, now: float) -> dict[str, Any]:
    fields = _check_fields(body, CREATE_FIELDS)
    if "name" not in fields:
        raise InvalidParameter("'name' is required.", param="name")
    return {
        "name": _name(fields["name"]),
        "limit_amount": _limit(fields.get("limitAmount")),
        "models": _models(fields.get("models"), catalog),
        "expires_at": _expires(fields.get("expiresAt"), now),
    }


def validate_key_update(body: object, catalog: Catalog, now: float) -> dict[str, Any]:
    fields = _check_fields(body, UPDATE_FIELDS)
    if not fields:
        raise InvalidParameter(
            "Send at least one of: name, status, limitAmount, limitCurrency, models, expiresAt.",
            param=None,
        )
    changes: dict[str, Any] = {}
    if "name" in fields:
        changes["name"] = _name(fields["name"])
    if "status" in fields:
        if fields["status"] not in STATUSES:
            raise InvalidParameter("'status' must be active, inactive or revoked.", param="status")
        changes["status"] = fields["status"]
    if "limitAmount" in fields:
        changes["limit_amount"] = _limit(fields["limitAmount"])
    if "models" in fields:
        changes["models"] = _models(fields["models"], catalog)
    if "expiresAt" in fields:
        changes["expires_at"] = _expires(fields["expiresAt"], now)
    return changes
