"""Idempotency keys: one row per (key, Idempotency-Key); the primary key settles races."""

from __future__ import annotations

import sqlalchemy as sa

from songforge.db.tables import idempotency_keys


class SqlIdempotencyRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def find(self, api_key_id: str, key: str, since: float) -> tuple[str, str] | None:
        row = self._c.execute(
            sa.select(idempotency_keys.c.body_hash, idempotency_keys.c.task_id).where(
                idempotency_keys.c.api_key_id == api_key_id,
                idempotency_keys.c.key == key,
                idempotency_keys.c.created_at >= since,
            )
        ).first()
        return (row[0], row[1]) if row else None

    def remember(self, api_key_id: str, key: str, body_hash: str, task_id: str, now: float) -> bool:
        # An expired row for the same key is replaced; a live one wins the race.
        self._c.execute(
            idempotency_keys.delete().where(
                idempotency_keys.c.api_key_id == api_key_id,
                idempotency_keys.c.key == key,
                idempotency_keys.c.created_at < now - 86_400,
            )
        )
        try:
            with self._c.begin_nested():
                self._c.execute(
                    idempotency_keys.insert().values(
                        api_key_id=api_key_id,
                        key=key,
                        body_hash=body_hash,
                        task_id=task_id,
                        created_at=now,
                    )
                )
        except sa.exc.IntegrityError:
            return False
        return True
