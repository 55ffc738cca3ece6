"""A caller's own audio: uploaded (POST /v1/files) or named by `audio_url` and fetched.

Either way the bytes are size-capped, decoded and checked as audio, stored in the BlobStore
and recorded as an upload of the caller's organisation, before any task is created or money
reserved. A `file_…` id names an upload; only its own organisation may use it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from songforge.domain.errors import FileNotFound, InvalidParameter, PayloadTooLarge
from songforge.ports import (
    BlobStore,
    Clock,
    Credential,
    Fetcher,
    FetchRefused,
    UnitOfWorkFactory,
    Upload,
)
from songforge.storage.audio_probe import NotAudio, inspect_audio

FILE_ID = re.compile(r"^file_[0-9a-f]{32}$")
_EXTENSIONS = {
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
    "audio/flac": ".flac",
    "audio/ogg": ".ogg",
    "audio/aiff": ".aiff",
}


@dataclass(frozen=True)
class AudioInputContext:
    uow_factory: UnitOfWorkFactory
    blobs: BlobStore
    clock: Clock
    fetch: Fetcher
    max_bytes: int = 50 * 1024 * 1024
    max_seconds: float = 600.0


def new_file_id() -> str:
    return "file_" + secrets.token_hex(16)


def _safe_filename(name: str | None, extension: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", (name or "").rsplit("/", 1)[-1]).strip("-.")
    return stem[:100] or f"audio{extension}"


def _store(
    ctx: AudioInputContext,
    credential: Credential,
    data: bytes,
    filename: str | None,
    source: str,
    param: str,
) -> Upload:
    if len(data) > ctx.max_bytes:
        message = f"The audio is larger than {ctx.max_bytes} bytes."
        if source == "upload":
            raise PayloadTooLarge(message, param=param)
        raise InvalidParameter(f"'{param}': {message}", param=param)
    try:
        facts = inspect_audio(data, ctx.max_seconds)
    except NotAudio as bad:
        raise InvalidParameter(f"'{param}': {bad.reason}", param=param) from None
    file_id = new_file_id()
    extension = _EXTENSIONS[facts.content_type]
    key = f"uploads/{credential.organisation_id}/{file_id}{extension}"
    size = ctx.blobs.put_bytes(key, data, facts.content_type)
    upload = Upload(
        id=file_id,
        organisation_id=credential.organisation_id,
        api_key_id=credential.id,
        storage_key=key,
        filename=_safe_filename(filename, extension),
        content_type=facts.content_type,
        bytes=size,
        duration=facts.duration,
        sample_rate=facts.sample_rate,
        source=source,
        created_at=ctx.clock.now(),
    )
    with ctx.uow_factory() as uow:
        uow.uploads.add(upload)
        uow.commit()
    return upload


def store_upload(
    ctx: AudioInputContext, credential: Credential, data: bytes, filename: str | None
) -> Upload:
    """Checks and keeps an uploaded file. Raises PayloadTooLarge (over max_bytes) or
    InvalidParameter naming `file` (not audio, too short or too long)."""
    return _store(ctx, credential, data, filename, "upload", "file")


def find_upload(ctx: AudioInputContext, credential: Credential, file_id: str) -> Upload:
    """The organisation's upload. Raises InvalidParameter naming audio_url when unknown."""
    with ctx.uow_factory(read_only=True) as uow:
        upload = uow.uploads.get(file_id)
    if upload is None or upload.organisation_id != credential.organisation_id:
        raise InvalidParameter(
            f"'audio_url': no uploaded file '{file_id}' was found.", param="audio_url"
        )
    return upload


def resolve_audio_url(ctx: AudioInputContext, credential: Credential, audio_url: str) -> Upload:
    """The upload an audio_url names: a `file_…` id of the caller's organisation, or a URL
    fetched now (public addresses only, size-capped) and checked as audio.
    Raises InvalidParameter naming audio_url, or PayloadTooLarge."""
    if audio_url.startswith("file_"):
        if not FILE_ID.match(audio_url):
            raise InvalidParameter("'audio_url': malformed file id.", param="audio_url")
        return find_upload(ctx, credential, audio_url)
    try:
        data = ctx.fetch(audio_url)
    except FetchRefused as refused:
        raise InvalidParameter(f"'audio_url': {refused.reason}", param="audio_url") from None
    name = audio_url.split("?", 1)[0].rsplit("/", 1)[-1]
    return _store(ctx, credential, data, name, "url", "audio_url")


def upload_bytes(ctx: AudioInputContext, file_id: str) -> tuple[Upload, bytes]:
    """An upload and its bytes (the URL's signature was checked by the caller).
    Raises FileNotFound."""
    with ctx.uow_factory(read_only=True) as uow:
        upload = uow.uploads.get(file_id) if FILE_ID.match(file_id) else None
    if upload is None or not ctx.blobs.exists(upload.storage_key):
        raise FileNotFound("File not found.", param="file_id")
    return upload, ctx.blobs.get_bytes(upload.storage_key)
