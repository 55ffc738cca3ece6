"""Money rules. Amounts are exact Decimals with four places; storage keeps ten-thousandths."""

from __future__ import annotations

import secrets
from decimal import ROUND_HALF_UP, Decimal

from songforge.domain.catalog import Model

QUANTUM = Decimal("0.0001")
UNITS_PER_DOLLAR = 10_000


def money(value: Decimal | str | int) -> Decimal:
    return Decimal(value).quantize(QUANTUM, rounding=ROUND_HALF_UP)


def to_units(amount: Decimal) -> int:
    return int(money(amount) * UNITS_PER_DOLLAR)


def from_units(units: int) -> Decimal:
    return money(Decimal(units) / UNITS_PER_DOLLAR)


def money_str(amount: Decimal) -> str:
    return str(money(amount))


def estimate(model: Model, operation: str) -> Decimal:
    """Prices are per request, so the estimate is the operation's listed price."""
    return money(model.operations[operation].price)


def settle_amount(estimated: Decimal) -> Decimal:
    """Per-request pricing: the charge on completion equals the estimate."""
    return money(estimated)


def new_transaction_id() -> str:
    return "btx_" + secrets.token_hex(16)
