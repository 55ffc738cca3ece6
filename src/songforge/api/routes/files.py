"""Generated files at stable, unguessable URLs; Range requests let players seek."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from songforge.api.asset_file_response import AssetFileResponse
from songforge.api.dependencies import ServicesDep
from songforge.api.errors import request_id_of
from songforge.domain.download_names import content_disposition
from songforge.domain.errors import FileNotFound
from songforge.services.files import deliver_asset
from songforge.storage.file_urls import is_asset_id

router = APIRouter(tags=["files"])


# HEAD answers like GET without the body (download managers and players ask it first).
@router.head("/v1/files/{asset_id}", include_in_schema=False)
@router.head("/v1/files/{asset_id}/{filename}", include_in_schema=False)
@router.get("/v1/files/{asset_id}", summary="A generated file", include_in_schema=False)
@router.get("/v1/files/{asset_id}/{filename}", summary="A generated file")
def get_file(
    request: Request,
    asset_id: str,
    services: ServicesDep,
    filename: str | None = None,
    expires: Annotated[str | None, Query()] = None,
    signature: Annotated[str | None, Query()] = None,
) -> Response:
    if not is_asset_id(asset_id):
        raise FileNotFound("File not found.", param="asset_id")
    services.file_urls.check(asset_id, expires, signature, services.clock.now())
    delivery = deliver_asset(
        services.uow_factory,
        services.blobs,
        asset_id,
        services.file_cache_dir,
        presigned=services.settings.s3_presigned,
        presign_seconds=services.settings.signed_url_ttl_seconds,
    )
    if delivery.redirect_to is not None:
        return RedirectResponse(delivery.redirect_to, status_code=307)
    asset = delivery.asset
    assert delivery.path is not None
    return AssetFileResponse(
        delivery.path,
        media_type=asset.content_type,
        request_id=request_id_of(request),
        headers={
            "ETag": f'"{asset.etag}"',
            "Content-Disposition": content_disposition(asset.filename),
            "Cache-Control": "public, max-age=31536000, immutable",
            "Accept-Ranges": "bytes",
        },
    )
