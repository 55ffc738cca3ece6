"""Serving a stored asset: a local file to send, or a presigned URL to redirect to."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from songforge.domain.errors import FileNotFound
from songforge.domain.tasks import StoredAsset
from songforge.ports import BlobStore, RemoteBlobStore, UnitOfWorkFactory


@dataclass(frozen=True)
class AssetDelivery:
    asset: StoredAsset
    path: Path | None = None
    redirect_to: str | None = None


def deliver_asset(
    uow_factory: UnitOfWorkFactory,
    blobs: BlobStore,
    asset_id: str,
    cache_dir: Path,
    *,
    presigned: bool,
    presign_seconds: int,
) -> AssetDelivery:
    with uow_factory(read_only=True) as uow:
        asset = uow.assets.get(asset_id)
    if asset is None:
        # A file removed under retention must not live on in this node's proxy cache.
        (cache_dir / asset_id).unlink(missing_ok=True)
        raise FileNotFound("File not found.", param="asset_id")
    local = blobs.local_path(asset.storage_key)
    if local is not None:
        if not local.is_file():
            raise FileNotFound("File not found.", param="asset_id")
        return AssetDelivery(asset, path=local)
    if isinstance(blobs, RemoteBlobStore):
        if presigned:
            url = blobs.presigned_url(
                asset.storage_key, asset.filename, asset.content_type, presign_seconds
            )
            return AssetDelivery(asset, redirect_to=url)
        # Proxy mode: fetched once into this node's cache, then served with Range support.
        cached = cache_dir / asset.id
        if not cached.exists():
            cache_dir.mkdir(parents=True, exist_ok=True)
            draft = cached.with_suffix(f".{os.getpid()}.part")
            blobs.download_to(asset.storage_key, draft)
            draft.replace(cached)
        return AssetDelivery(asset, path=cached)
    raise FileNotFound("File not found.", param="asset_id")
