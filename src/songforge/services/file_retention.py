"""Removing generated files once they are older than the operator's retention period."""

from __future__ import annotations

from songforge.ports import BlobStore, Clock, UnitOfWorkFactory

SWEEP_BATCH = 100


def sweep_expired_files(
    uow_factory: UnitOfWorkFactory,
    blobs: BlobStore,
    clock: Clock,
    retention_seconds: float,
    batch: int = SWEEP_BATCH,
) -> int:
    """Deletes up to `batch` files stored more than `retention_seconds` ago and says so on
    their tasks; returns how many went.

    Blobs are deleted before their rows: a crash in between leaves rows whose next sweep
    deletes blobs that are already gone (harmless), never blobs nobody points to. Several
    nodes may sweep at once for the same reason."""
    now = clock.now()
    with uow_factory(read_only=True) as uow:
        expired = uow.assets.created_before(now - retention_seconds, batch)
    if not expired:
        return 0
    for _, asset in expired:
        blobs.delete(asset.storage_key)
    with uow_factory() as uow:
        uow.assets.delete([asset.id for _, asset in expired])
        for task_id in dict.fromkeys(task_id for task_id, _ in expired):
            uow.tasks.forget_files(task_id, now)
        uow.commit()
    return len(expired)
