"""Rate-limit windows in PostgreSQL: an atomic UPSERT per request, shared by every node."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from songforge.db.tables import rate_windows


class PostgresWindowCounter:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._calls = 0

    def increment(self, api_key_id: str, kind: str, window: int) -> int:
        upsert = insert(rate_windows).values(
            api_key_id=api_key_id, kind=kind, window=window, count=1
        )
        statement = upsert.on_conflict_do_update(
            index_elements=["api_key_id", "kind", "window"],
            set_={"count": rate_windows.c.count + 1},
        ).returning(rate_windows.c.count)
        with self._engine.begin() as connection:
            count = int(connection.execute(statement).scalar_one())
            self._calls += 1
            if self._calls % 1000 == 0:  # old windows are of no use; sweep now and then
                connection.execute(rate_windows.delete().where(rate_windows.c.window < window - 1))
        return count
