"""Validation of management bodies: creating and updating API keys."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from songforge.domain.billing import money
from songforge.domain.catalog import Catalog
from songforge.domain.errors import (
    CurrencyRetired,
    InvalidJson,
    InvalidParameter,
    UnsupportedParameter,
)
from songforge.domain.rfc3339 import END_OF_YEAR_9999, parse_instant

CREATE_FIELDS = ("name", "limitAmount", "limitCurrency", "models", "expiresAt")
UPDATE_FIELDS = ("name", "status", "limitAmount", "limitCurrency", "models", "expiresAt")
STATUSES = ("active", "inactive", "revoked")
MAX_LIMIT_USD = Decimal(1_000_000)  # TokenLab's OpenAPI bounds limitAmount at 1,000,000
# limitAmount as a string: plain digits and an optional fraction, nothing Decimal() would
# also take (exponents, signs, spaces, underscores, other scripts' digits, "NaN").
DECIMAL_TEXT = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?\Z")


def parse_timestamp(value: str, param: str, *, end_of_day: bool = False) -> float:
    """Unix seconds of an RFC 3339 date-time, or of a YYYY-MM-DD date (UTC midnight; its
    last millisecond when `end_of_day`). Exactly JSON Schema's `date-time` and `date`
    formats (see rfc3339.py); InvalidParameter naming `param` for anything else."""
    try:
        return parse_instant(value, end_of_day=end_of_day)
    except ValueError:
        raise InvalidParameter(
            f"'{param}' must be an RFC 3339 timestamp or a YYYY-MM-DD date.", param=param
        ) from None


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
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float | str)
        or (isinstance(value, str) and not DECIMAL_TEXT.match(value))
    ):
        raise InvalidParameter(
            "'limitAmount' must be a number of USD (or a decimal string) or null.",
            param="limitAmount",
        )
    amount = Decimal(str(value))
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
    if when >= END_OF_YEAR_9999:
        # Keys show expires_at in UTC, which has no four-digit year past 9999.
        raise InvalidParameter("'expiresAt' must be before the year 10000 UTC.", param="expiresAt")
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
