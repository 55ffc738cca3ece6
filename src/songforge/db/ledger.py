"""The ledger in SQL. Holds and charges are conditional UPDATEs, so they can never overdraw."""

from __future__ import annotations

import secrets
from decimal import Decimal

import sqlalchemy as sa

from songforge.db.tables import api_keys, billing_transactions, organisations, usage_records
from songforge.domain.billing import from_units, money_str, new_transaction_id, to_units
from songforge.domain.errors import InsufficientBalance, QuotaExceeded
from songforge.domain.tasks import Task, TaskStatus
from songforge.ports import Balance


class SqlLedger:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def balance(self, organisation_id: str) -> Balance:
        row = self._c.execute(
            sa.select(
                organisations.c.total_recharge_units,
                organisations.c.total_used_units,
                organisations.c.reserved_units,
            ).where(organisations.c.id == organisation_id)
        ).one()
        return Balance(
            organisation_id=organisation_id,
            total_recharge=from_units(row[0]),
            total_used=from_units(row[1]),
            reserved=from_units(row[2]),
        )

    def recharge(self, organisation_id: str, amount: Decimal, note: str, now: float) -> str:
        units = to_units(amount)
        self._c.execute(
            organisations.update()
            .where(organisations.c.id == organisation_id)
            .values(total_recharge_units=organisations.c.total_recharge_units + units)
        )
        transaction_id = new_transaction_id()
        self._c.execute(
            billing_transactions.insert().values(
                id=transaction_id,
                organisation_id=organisation_id,
                kind="recharge",
                amount_units=units,
                note=note,
                created_at=now,
            )
        )
        return transaction_id

    def reserve(self, organisation_id: str, api_key_id: str, amount: Decimal) -> None:
        units = to_units(amount)
        org = organisations.c
        held = self._c.execute(
            organisations.update()
            .where(
                org.id == organisation_id,
                org.total_recharge_units - org.total_used_units - org.reserved_units >= units,
            )
            .values(reserved_units=org.reserved_units + units)
        )
        if held.rowcount != 1:
            balance = self.balance(organisation_id)
            raise InsufficientBalance(
                "Insufficient balance for this request.",
                balance_usd=float(balance.available),
                estimated_cost_usd=float(from_units(units)),
                balance_usd_decimal=money_str(balance.available),
                estimated_cost_usd_decimal=money_str(from_units(units)),
            )
        key = api_keys.c
        within_limit = self._c.execute(
            api_keys.update()
            .where(
                key.id == api_key_id,
                sa.or_(
                    key.limit_units.is_(None),
                    key.used_units + key.reserved_units + units <= key.limit_units,
                ),
            )
            .values(reserved_units=key.reserved_units + units)
        )
        if within_limit.rowcount != 1:
            # The caller rolls back the whole transaction, organisation hold included.
            raise QuotaExceeded(
                "This API key's spending limit would be exceeded.",
                estimated_cost_usd=float(from_units(units)),
                estimated_cost_usd_decimal=money_str(from_units(units)),
            )

    def _release_hold(self, task: Task) -> None:
        units = to_units(task.reserved_amount)
        self._c.execute(
            organisations.update()
            .where(organisations.c.id == task.organisation_id)
            .values(reserved_units=organisations.c.reserved_units - units)
        )
        self._c.execute(
            api_keys.update()
            .where(api_keys.c.id == task.api_key_id)
            .values(reserved_units=api_keys.c.reserved_units - units)
        )

    def _usage(
        self, task: Task, cost_units: int, transaction_id: str | None, status: str, now: float
    ) -> None:
        self._c.execute(
            usage_records.insert().values(
                id="usage_" + secrets.token_hex(12),
                organisation_id=task.organisation_id,
                api_key_id=task.api_key_id,
                task_id=task.id,
                request_id=task.request_id,
                billing_transaction_id=transaction_id,
                model=task.model,
                logical_model=task.model,
                scene="music",
                usage_unit="request",
                usage_quantity=1,
                cost_units=cost_units,
                status=status,
                created_at=now,
            )
        )

    def settle(self, task: Task, cost: Decimal, now: float) -> str:
        cost_units = to_units(cost)
        self._release_hold(task)
        self._c.execute(
            organisations.update()
            .where(organisations.c.id == task.organisation_id)
            .values(total_used_units=organisations.c.total_used_units + cost_units)
        )
        self._c.execute(
            api_keys.update()
            .where(api_keys.c.id == task.api_key_id)
            .values(used_units=api_keys.c.used_units + cost_units)
        )
        transaction_id = new_transaction_id()
        self._c.execute(
            billing_transactions.insert().values(
                id=transaction_id,
                organisation_id=task.organisation_id,
                api_key_id=task.api_key_id,
                task_id=task.id,
                kind="charge",
                amount_units=cost_units,
                created_at=now,
            )
        )
        self._usage(task, cost_units, transaction_id, TaskStatus.COMPLETED.value, now)
        return transaction_id

    def release(self, task: Task, now: float) -> None:
        self._release_hold(task)
        self._usage(task, 0, None, TaskStatus.FAILED.value, now)
