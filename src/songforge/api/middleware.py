"""Pure ASGI middleware: request ids, the body-size cap, access logs and HTTP metrics."""

from __future__ import annotations

import json
import re
import secrets
import time
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from songforge.api.errors import error_body
from songforge.api.metrics import Metrics
from songforge.domain.errors import InvalidParameter, PayloadTooLarge, SongforgeError

log = structlog.get_logger("songforge.access")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def new_request_id() -> str:
    return "req_" + secrets.token_hex(12)


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        metrics: Metrics,
        max_body_bytes: int,
        max_upload_bytes: int | None = None,
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes
        # File uploads (POST /v1/files) carry audio: their own cap, plus room for the
        # multipart framing around the file.
        self.max_upload_bytes = (max_upload_bytes or max_body_bytes) + 64 * 1024

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        client_id = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = client_id if _CLIENT_ID.match(client_id) else new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status_holder = [500]

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder[0] = message["status"]
                message.setdefault("headers", [])
                extra = scope["state"].get("response_headers") or {}
                present = {name.lower() for name, _ in message["headers"]}
                message["headers"] = [
                    *message["headers"],
                    (b"x-request-id", request_id.encode()),
                    *(
                        (name.lower().encode(), value.encode())
                        for name, value in extra.items()
                        if name.lower().encode() not in present
                    ),
                ]
            await send(message)

        too_large = False
        is_upload = scope["method"] == "POST" and scope["path"] == "/v1/files"
        limit = self.max_upload_bytes if is_upload else self.max_body_bytes
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            too_large = True
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised inside the app, so the one error mapper answers it.
                    raise self._too_large(limit)
            return message

        # PostgreSQL cannot compare or store NUL, so a URL carrying one is refused here,
        # alike on every database, before any route hands it to a query.
        nul_in_url = "\x00" in scope["path"] or b"%00" in scope["query_string"].lower()
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                if too_large:
                    await self._reject(self._too_large(limit), request_id, send_with_id)
                elif nul_in_url:
                    error = InvalidParameter("The URL must not contain NUL characters.")
                    await self._reject(error, request_id, send_with_id)
                else:
                    await self.app(scope, limited_receive, send_with_id)
            finally:
                self._observe(scope, status_holder[0], time.perf_counter() - started)

    def _too_large(self, limit: int) -> PayloadTooLarge:
        return PayloadTooLarge(f"Request body is larger than {limit // 1024} KiB.")

    async def _reject(self, error: SongforgeError, request_id: str, send: Send) -> None:
        body = json.dumps(error_body(error, request_id)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _observe(self, scope: Scope, status: int, seconds: float) -> None:
        route: Any = scope.get("route")
        template = getattr(route, "path", None) or "unmatched"
        self.metrics.requests.labels(scope["method"], template, str(status)).inc()
        self.metrics.latency.labels(template).observe(seconds)
        if status >= 500 or template not in ("/metrics", "/healthz"):
            log.info(
                "request",
                method=scope["method"],
                route=template,
                status=status,
                ms=round(seconds * 1000, 2),
            )
