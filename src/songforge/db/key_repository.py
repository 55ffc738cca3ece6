"""Organisations and credentials (inference keys and management tokens) in SQL."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from songforge.db.tables import api_keys, organisations, tasks
from songforge.domain.billing import from_units, to_units
from songforge.ports import Credential, Organisation


def row_to_credential(row: Any) -> Credential:
    m = row._mapping
    return Credential(
        id=m["id"],
        organisation_id=m["organisation_id"],
        kind=m["kind"],
        name=m["name"],
        key_prefix=m["key_prefix"],
        status=m["status"],
        limit_amount=from_units(m["limit_units"]) if m["limit_units"] is not None else None,
        used_amount=from_units(m["used_units"]),
        reserved_amount=from_units(m["reserved_units"]),
        models=tuple(m["models"] or ()),
        expires_at=m["expires_at"],
        last_used_at=m["last_used_at"],
        created_at=m["created_at"],
        create_per_minute=m["create_per_minute"],
        read_per_minute=m["read_per_minute"],
        max_in_flight=m["max_in_flight"],
    )


class SqlKeyRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def create_organisation(self, organisation_id: str, name: str, now: float) -> None:
        self._c.execute(
            organisations.insert().values(id=organisation_id, name=name, created_at=now)
        )

    def organisation_ids(self) -> list[str]:
        return list(self._c.execute(sa.select(organisations.c.id)).scalars())

    def organisations(self) -> list[Organisation]:
        rows = self._c.execute(
            sa.select(
                organisations.c.id, organisations.c.name, organisations.c.created_at
            ).order_by(organisations.c.created_at, organisations.c.id)
        )
        return [Organisation(r.id, r.name, r.created_at) for r in rows]

    def insert(self, credential: Credential, secret_hash: str) -> None:
        self._c.execute(
            api_keys.insert().values(
                id=credential.id,
                organisation_id=credential.organisation_id,
                kind=credential.kind,
                name=credential.name,
                key_prefix=credential.key_prefix,
                secret_hash=secret_hash,
                status=credential.status,
                limit_units=(
                    to_units(credential.limit_amount)
                    if credential.limit_amount is not None
                    else None
                ),
                models=list(credential.models),
                expires_at=credential.expires_at,
                created_at=credential.created_at,
            )
        )

    def find_by_hash(self, secret_hash: str) -> Credential | None:
        row = self._c.execute(
            sa.select(api_keys).where(api_keys.c.secret_hash == secret_hash)
        ).first()
        return row_to_credential(row) if row else None

    def touch(self, key_id: str, now: float) -> None:
        self._c.execute(api_keys.update().where(api_keys.c.id == key_id).values(last_used_at=now))

    def get(self, key_id: str) -> Credential | None:
        row = self._c.execute(sa.select(api_keys).where(api_keys.c.id == key_id)).first()
        return row_to_credential(row) if row else None

    def list_for_organisation(
        self, organisation_id: str, kind: str, *, offset: int, limit: int
    ) -> tuple[list[Credential], int]:
        where = sa.and_(api_keys.c.organisation_id == organisation_id, api_keys.c.kind == kind)
        total = self._c.execute(sa.select(sa.func.count()).where(where)).scalar_one()
        rows = self._c.execute(
            sa.select(api_keys)
            .where(where)
            .order_by(api_keys.c.created_at.desc(), api_keys.c.id)
            .offset(offset)
            .limit(limit)
        )
        return [row_to_credential(r) for r in rows], int(total)

    def update(self, key_id: str, changes: dict[str, Any]) -> None:
        values = dict(changes)
        if "limit_amount" in values:
            amount = values.pop("limit_amount")
            values["limit_units"] = to_units(amount) if amount is not None else None
        if "models" in values:
            values["models"] = list(values["models"])
        self._c.execute(api_keys.update().where(api_keys.c.id == key_id).values(**values))

    def in_flight(self, key_id: str) -> int:
        return int(
            self._c.execute(
                sa.select(sa.func.count()).where(
                    tasks.c.api_key_id == key_id,
                    tasks.c.status.in_(("pending", "processing")),
                )
            ).scalar_one()
        )
