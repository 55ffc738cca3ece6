"""Asset records: which stored blob belongs to which task, and how to serve it."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from songforge.db.tables import assets
from songforge.domain.tasks import StoredAsset


def _row_to_asset(row: Any) -> StoredAsset:
    m = row._mapping
    return StoredAsset(
        id=m["id"],
        kind=m["kind"],
        content_type=m["content_type"],
        filename=m["filename"],
        size=m["size"],
        etag=m["etag"],
        storage_key=m["storage_key"],
    )


class SqlAssetRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def add(self, task_id: str, asset: StoredAsset, now: float) -> None:
        self._c.execute(
            assets.insert().values(
                id=asset.id,
                task_id=task_id,
                kind=asset.kind,
                content_type=asset.content_type,
                filename=asset.filename,
                size=asset.size,
                etag=asset.etag,
                storage_key=asset.storage_key,
                created_at=now,
            )
        )

    def get(self, asset_id: str) -> StoredAsset | None:
        row = self._c.execute(sa.select(assets).where(assets.c.id == asset_id)).first()
        return _row_to_asset(row) if row else None

    def for_task(self, task_id: str) -> list[StoredAsset]:
        rows = self._c.execute(
            sa.select(assets).where(assets.c.task_id == task_id).order_by(assets.c.kind)
        )
        return [_row_to_asset(r) for r in rows]

    def created_before(self, cutoff: float, limit: int) -> list[tuple[str, StoredAsset]]:
        rows = self._c.execute(
            sa.select(assets)
            .where(assets.c.created_at < cutoff)
            .order_by(assets.c.created_at, assets.c.id)
            .limit(limit)
        )
        return [(r._mapping["task_id"], _row_to_asset(r)) for r in rows]

    def delete(self, asset_ids: list[str]) -> None:
        if asset_ids:
            self._c.execute(assets.delete().where(assets.c.id.in_(asset_ids)))
