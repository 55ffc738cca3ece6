"""A stored file sent with the answers players and download managers expect.

Starlette's FileResponse already serves Range and HEAD. Two of its answers are not what
clients cope with: a malformed Range header gets a 400 in plain text, where RFC 9110
section 14.2 lets a server ignore the header and send the whole file (what nginx and S3
do); and a 416 has no body in the contract's error envelope.
"""

from __future__ import annotations

import os
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse, MalformedRangeHeader
from starlette.responses import RangeNotSatisfiable as StarletteRangeNotSatisfiable
from starlette.types import Receive, Scope, Send

from songforge.api.errors import error_response
from songforge.domain.errors import RangeNotSatisfiable


def _without_range(scope: Scope) -> Scope:
    headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"range"]
    return {**scope, "headers": headers}


class AssetFileResponse(FileResponse):
    def __init__(
        self, path: Path, *, media_type: str, headers: dict[str, str], request_id: str
    ) -> None:
        super().__init__(path, media_type=media_type, headers=headers)
        self._request_id = request_id

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        requested = Headers(scope=scope).get("range")
        if requested is not None:
            size = os.stat(self.path).st_size
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
