"""Usage records for reconciliation: filtered pages and aggregates computed in SQL."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from songforge.db.tables import usage_records
from songforge.domain.billing import from_units
from songforge.ports import ModelUsage, UsageFilter, UsageRecord, UsageTotals

_DAY = 86_400


def _where(where: UsageFilter) -> Any:
    c = usage_records.c
    clauses = [c.api_key_id == where.api_key_id]
    if where.model:
        clauses.append(c.model == where.model)
    if where.scene:
        clauses.append(c.scene == where.scene)
    if where.models is not None:
        clauses.append(c.model.in_(where.models))
    if where.start is not None:
        clauses.append(c.created_at >= where.start)
    if where.end is not None:
        clauses.append(c.created_at <= where.end)
    return sa.and_(*clauses)


class SqlUsageRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def records(self, where: UsageFilter, *, offset: int, limit: int) -> list[UsageRecord]:
        rows = self._c.execute(
            sa.select(usage_records)
            .where(_where(where))
            .order_by(usage_records.c.created_at.desc(), usage_records.c.id)
            .offset(offset)
            .limit(limit)
        )
        return [
            UsageRecord(
                id=r.id,
                request_id=r.request_id,
                task_id=r.task_id,
                billing_transaction_id=r.billing_transaction_id,
                model=r.model,
                logical_model=r.logical_model,
                scene=r.scene,
                usage_unit=r.usage_unit,
                usage_quantity=r.usage_quantity,
                cost=from_units(r.cost_units),
                status=r.status,
                created_at=r.created_at,
            )
            for r in rows
        ]

    def _grouped(self, where: UsageFilter, key: Any) -> list[tuple[str, int, Any]]:
        c = usage_records.c
        rows = self._c.execute(
            sa.select(
                key.label("k"), sa.func.count(), sa.func.coalesce(sa.func.sum(c.cost_units), 0)
            )
            .where(_where(where))
            .group_by(key)
            .order_by(key)
        )
        return [(str(k), int(n), from_units(int(units))) for k, n, units in rows]

    def totals(self, where: UsageFilter) -> UsageTotals:
        c = usage_records.c
        requests, quantity, units = self._c.execute(
            sa.select(
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(c.usage_quantity), 0),
                sa.func.coalesce(sa.func.sum(c.cost_units), 0),
            ).where(_where(where))
        ).one()
        # Days as UTC epoch-day numbers; turned into dates by the presenter.
        day = sa.cast(sa.func.floor(c.created_at / _DAY), sa.BigInteger)
        by_model = self._c.execute(
            sa.select(
                c.model,
                c.logical_model,
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(c.usage_quantity), 0),
                sa.func.coalesce(sa.func.sum(c.cost_units), 0),
            )
            .where(_where(where))
            .group_by(c.model, c.logical_model)
            .order_by(c.model, c.logical_model)
        )
        by_unit = self._c.execute(
            sa.select(c.usage_unit, sa.func.coalesce(sa.func.sum(c.usage_quantity), 0))
            .where(_where(where))
            .group_by(c.usage_unit)
            .order_by(c.usage_unit)
        )
        return UsageTotals(
            requests=int(requests),
            quantity=int(quantity),
            cost=from_units(int(units)),
            by_model=[
                ModelUsage(str(m), str(lm), int(n), int(q), from_units(int(u)))
                for m, lm, n, q, u in by_model
            ],
            by_scene=self._grouped(where, c.scene),
            daily=self._grouped(where, day),
            by_unit=[(str(unit), int(q)) for unit, q in by_unit],
        )
