"""HEAD on every GET route: RFC 9110 section 9.3.2 makes HEAD "identical to GET except that
the server MUST NOT send content", and clients (link checkers, monitors, TokenLab clients
probing `/v1/models`) send it. FastAPI routes answer only the methods they declare, so a
HEAD to a GET route is served as that GET, status and headers kept, content dropped."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from songforge.api.errors import declared_methods


class HeadRequests:
    """Pure ASGI middleware; a route that declares HEAD itself (file downloads) keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        declared = declared_methods(scope["app"], scope)
        if "GET" not in declared or "HEAD" in declared:
            await self.app(scope, receive, send)
            return

        async def without_content(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_content)
