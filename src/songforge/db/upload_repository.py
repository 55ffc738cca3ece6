"""Upload records: a caller's own audio, whose it is and where its bytes are stored."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from songforge.db.tables import uploads
from songforge.ports import Upload


def _row_to_upload(row: Any) -> Upload:
    m = row._mapping
    return Upload(
        id=m["id"],
        organisation_id=m["organisation_id"],
        api_key_id=m["api_key_id"],
        storage_key=m["storage_key"],
        filename=m["filename"],
        content_type=m["content_type"],
        bytes=m["bytes"],
        duration=m["duration_seconds"],
        sample_rate=m["sample_rate"],
        source=m["source"],
        created_at=m["created_at"],
    )


class SqlUploadRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    def add(self, upload: Upload) -> None:
        self._c.execute(
            uploads.insert().values(
                id=upload.id,
                organisation_id=upload.organisation_id,
                api_key_id=upload.api_key_id,
                storage_key=upload.storage_key,
                filename=upload.filename,
                content_type=upload.content_type,
                bytes=upload.bytes,
                duration_seconds=upload.duration,
                sample_rate=upload.sample_rate,
                source=upload.source,
                created_at=upload.created_at,
            )
        )

    def get(self, upload_id: str) -> Upload | None:
        row = self._c.execute(sa.select(uploads).where(uploads.c.id == upload_id)).first()
        return _row_to_upload(row) if row is not None else None
