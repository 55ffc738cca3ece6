"""A stored file sent with the answers players and download managers expect.

Starlette's FileResponse already serves Range and HEAD. Two of its answers are not what
clients cope with: a malformed Range header gets a 400 in plain text, where RFC 9110
section 14.2 lets a server ignore the header and send the whole file (what nginx and S3
do); and a 416 has no body in the contract's error envelope. It also answers conditional
GETs (RFC 9110 section 13): 304 without a body when the client's copy is current.
"""

from __future__ import annotations

import os
from email.utils import parsedate_to_datetime
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse, MalformedRangeHeader, Response
from starlette.responses import RangeNotSatisfiable as StarletteRangeNotSatisfiable
from starlette.types import Receive, Scope, Send

from songforge.api.errors import error_response
from songforge.domain.errors import RangeNotSatisfiable


def _without_range(scope: Scope) -> Scope:
    headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"range"]
    return {**scope, "headers": headers}


# Headers a 304 repeats from the 200 it stands for (RFC 9110 section 15.4.5).
_NOT_MODIFIED_HEADERS = ("etag", "cache-control", "last-modified")


def _opaque(tag: str) -> str:
    """An entity tag without its weakness mark: If-None-Match compares weakly (13.1.2)."""
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def _not_modified(request: Headers, etag: str | None, modified_at: float) -> bool:
    """Whether the client's copy is current: If-None-Match when sent (it then overrules
    If-Modified-Since), otherwise If-Modified-Since not older than the file."""
    if_none_match = request.get("if-none-match")
    if if_none_match is not None:
        tags = [_opaque(tag) for tag in if_none_match.split(",")]
        return "*" in tags or (etag is not None and _opaque(etag) in tags)
    since = request.get("if-modified-since")
    if since is None:
        return False
    try:
        return int(modified_at) <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False  # an unreadable date is ignored, as RFC 9110 section 13.1.3 says


class AssetFileResponse(FileResponse):
    def __init__(
        self, path: Path, *, media_type: str, headers: dict[str, str], request_id: str
    ) -> None:
        super().__init__(path, media_type=media_type, headers=headers)
        self._request_id = request_id

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Headers(scope=scope)
        stat = os.stat(self.path)
        self.set_stat_headers(stat)
        if _not_modified(request, self.headers.get("etag"), stat.st_mtime):
            kept = {k: v for k, v in self.headers.items() if k in _NOT_MODIFIED_HEADERS}
            await Response(status_code=304, headers=kept)(scope, receive, send)
            return
        requested = request.get("range")
        if requested is not None:
            size = stat.st_size
            try:
                self._parse_range_header(requested, size)
            except MalformedRangeHeader:
                scope = _without_range(scope)
            except StarletteRangeNotSatisfiable:
                error = RangeNotSatisfiable(
                    f"The file has {size} bytes; the requested range starts past its end.",
                    param="Range",
                    headers={"Content-Range": f"bytes */{size}"},
                )
                await error_response(error, self._request_id)(scope, receive, send)
                return
        await super().__call__(scope, receive, send)
