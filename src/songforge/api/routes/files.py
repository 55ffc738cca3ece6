"""Generated files at stable, unguessable URLs; Range requests let players seek."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from songforge.api.asset_file_response import AssetFileResponse
from songforge.api.dependencies import InferenceKey, ServicesDep
from songforge.api.errors import request_id_of
from songforge.api.presenters import present_upload
from songforge.domain.download_names import content_disposition
from songforge.domain.errors import FileNotFound, InvalidParameter
from songforge.services.audio_inputs import store_upload, upload_bytes
from songforge.services.files import deliver_asset
from songforge.storage.file_urls import is_asset_id

router = APIRouter(tags=["files"])
UPLOAD_PURPOSES = ("user_data", "audio")
# Parts read from an upload besides the file; other fields are ignored but count.
MAX_UPLOAD_FIELDS = 8


async def _read_upload(request: Request, limit: int) -> tuple[bytes, str | None]:
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InvalidParameter(
            "Send the file as multipart/form-data in a field named 'file'.", param="file"
        )
    try:
        async with request.form(max_files=1, max_fields=MAX_UPLOAD_FIELDS) as form:
            purpose = form.get("purpose")
            if purpose is not None and purpose not in UPLOAD_PURPOSES:
                raise InvalidParameter(
                    f"'purpose' must be one of: {', '.join(UPLOAD_PURPOSES)}.", param="purpose"
                )
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise InvalidParameter("A file in a field named 'file' is required.", param="file")
            # One byte past the limit is enough to know it is too large.
            return await upload.read(limit + 1), upload.filename
    except MultiPartException as bad:
        raise InvalidParameter(f"Malformed multipart body: {bad.message}", param="file") from None
    except HTTPException as bad:
        # Starlette turns its parser's complaints (too many parts, a part too large) into a
        # bare 400 of its own; they are the caller's malformed body all the same.
        raise InvalidParameter(f"Malformed multipart body: {bad.detail}", param="file") from None


@router.post("/v1/files", summary="Upload audio, usable as audio_url")
async def upload_file(
    request: Request, services: ServicesDep, credential: InferenceKey
) -> JSONResponse:
    data, filename = await _read_upload(request, services.settings.upload_max_bytes)
    upload = await run_in_threadpool(
        store_upload, services.audio_inputs(), credential, data, filename
    )
    return JSONResponse(present_upload(upload))


@router.get("/v1/files/{file_id}/content", summary="An upload, by signed URL")
def get_upload_content(
    request: Request,
    file_id: str,
    services: ServicesDep,
    expires: Annotated[str | None, Query()] = None,
    signature: Annotated[str | None, Query()] = None,
) -> Response:
    if not file_id.startswith("file_"):
        return get_file(request, file_id, services, "content", expires, signature)
    services.file_urls.check_upload(file_id, expires, signature, services.clock.now())
    upload, data = upload_bytes(services.audio_inputs(), file_id)
    return Response(data, media_type=upload.content_type, headers={"Cache-Control": "private"})


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
