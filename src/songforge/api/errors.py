"""The one error mapper: every failure leaves in the contract's envelope with a request id."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Scope

from songforge.domain.errors import (
    InvalidParameter,
    MethodNotAllowed,
    PayloadTooLarge,
    RouteNotFound,
    SongforgeError,
)

log = structlog.get_logger("songforge.api")


def request_id_of(request: Request) -> str:
    return str(getattr(request.state, "request_id", "") or "")


def error_body(error: SongforgeError, request_id: str) -> dict[str, Any]:
    """`{"error": {message, type, code, param?, request_id, …extra}}`.

    Typed as TokenLab's `ApiError` schema types it: `param` is a string or absent (never
    null), and extras whose value is None are left out for the same reason.
    """
    body: dict[str, Any] = {"message": error.message, "type": error.type, "code": error.code}
    if error.param is not None:
        body["param"] = error.param
    body["request_id"] = request_id
    body.update({name: value for name, value in error.extra.items() if value is not None})
    return {"error": body}


def error_response(error: SongforgeError, request_id: str) -> JSONResponse:
    return JSONResponse(
        error_body(error, request_id), status_code=error.status, headers=error.headers
    )


def _from_http_exception(exc: StarletteHTTPException) -> SongforgeError:
    if exc.status_code == 404:
        return RouteNotFound("No such route.")
    if exc.status_code == 405:
        return MethodNotAllowed("This method is not allowed on this route.")
    if exc.status_code == 413:
        return PayloadTooLarge("Request body is larger than 64 KiB.")
    error = SongforgeError(str(exc.detail))
    error.status = exc.status_code
    error.type = "invalid_request_error" if exc.status_code < 500 else "server_error"
    error.code = "http_error"
    return error


def _from_validation(exc: RequestValidationError) -> SongforgeError:
    first = exc.errors()[0] if exc.errors() else {}
    location = [
        str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body", "header")
    ]
    param = ".".join(location) or None
    message = first.get("msg", "Invalid request.")
    return InvalidParameter(f"Invalid value for '{param}': {message}.", param=param)


def _routes(routes: Iterable[BaseRoute]) -> Iterator[Route]:
    for route in routes:
        if isinstance(route, Route):
            yield route
        # FastAPI keeps an included router's routes behind a wrapper of its own.
        elif (inner := getattr(route, "original_router", None)) is not None:
            yield from _routes(inner.routes)


def declared_methods(app: Any, scope: Scope) -> set[str]:
    """Methods the routes of `app` whose path matches the scope's declare."""
    methods: set[str] = set()
    probe = {**scope, "method": "OPTIONS"}
    for route in _routes(app.router.routes):
        if route.methods and route.matches(probe)[0] is not Match.NONE:
            methods |= route.methods
    return methods


def allowed_methods(request: Request) -> list[str]:
    """Methods of every route whose path matches the request's, sorted; HEAD wherever GET
    is (api.head_requests answers it)."""
    methods = declared_methods(request.app, request.scope)
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    async def on_domain_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, SongforgeError)
        return error_response(exc, request_id_of(request))

    async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        error = _from_http_exception(exc)
        if exc.status_code == 405:
            # RFC 9110 section 15.5.6: a 405 lists every method the path allows. Starlette's
            # own header names only the first route that matched the path.
            error.headers["Allow"] = ", ".join(allowed_methods(request))
        return error_response(error, request_id_of(request))

    async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(_from_validation(exc), request_id_of(request))

    async def on_bug(request: Request, exc: Exception) -> JSONResponse:
        request_id = request_id_of(request)
        log.exception("unhandled_error", request_id=request_id, path=request.url.path)
        error = SongforgeError("Internal server error. Quote the request id when reporting it.")
        return error_response(error, request_id)

    app.add_exception_handler(SongforgeError, on_domain_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_bug)
