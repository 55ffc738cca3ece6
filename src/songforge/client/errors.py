"""One exception class per contract error code, each carrying the request id."""

from __future__ import annotations

from typing import Any


class SongforgeError(Exception):
    """An error answer from the API (or a transport failure, with status 0)."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        code: str = "",
        type: str = "",
        param: str | None = None,
        request_id: str | None = None,
        body: dict[str, Any] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.type = type
        self.param = param
        self.request_id = request_id
        self.body = body or {}
        self.retry_after = retry_after

    def __str__(self) -> str:
        where = f" (request {self.request_id})" if self.request_id else ""
        return f"{self.status} {self.code}: {self.message}{where}"


class UnsupportedParameterError(SongforgeError): ...


class InvalidParameterError(SongforgeError): ...


class UnsupportedOperationError(SongforgeError): ...


class InvalidJsonError(SongforgeError): ...


class InvalidApiKeyError(SongforgeError): ...


class ExpiredApiKeyError(SongforgeError): ...


class InsufficientBalanceError(SongforgeError): ...


class QuotaExceededError(SongforgeError): ...


class ModelNotAllowedError(SongforgeError): ...


class TaskNotAvailableError(SongforgeError): ...


class ModelNotFoundError(SongforgeError): ...


class TaskNotFoundError(SongforgeError): ...


class ClipNotFoundError(SongforgeError): ...


class TaskNotCancellableError(SongforgeError): ...


class IdempotencyKeyReusedError(SongforgeError): ...


class PayloadTooLargeError(SongforgeError): ...


class RateLimitError(SongforgeError): ...


class ServerError(SongforgeError): ...


class UpstreamUnavailableError(SongforgeError): ...


class TaskFailedError(SongforgeError):
    """A task ended `failed`; `task_id` is the task, `code` and `message` its error."""

    def __init__(self, message: str, *, task_id: str, code: str, **kwargs: Any) -> None:
        super().__init__(message, code=code, **kwargs)
        self.task_id = task_id

    def __str__(self) -> str:
        return f"task {self.task_id} failed: {self.code}: {self.message}"


class WaitTimeoutError(SongforgeError):
    """`tasks.wait` gave up before the task ended; the task itself goes on."""


BY_CODE: dict[str, type[SongforgeError]] = {
    "unsupported_parameter": UnsupportedParameterError,
    "invalid_parameter": InvalidParameterError,
    "unsupported_operation": UnsupportedOperationError,
    "invalid_json": InvalidJsonError,
    "invalid_api_key": InvalidApiKeyError,
    "expired_api_key": ExpiredApiKeyError,
    "insufficient_balance": InsufficientBalanceError,
    "quota_exceeded": QuotaExceededError,
    "model_not_allowed": ModelNotAllowedError,
    "task_not_available": TaskNotAvailableError,
    "model_not_found": ModelNotFoundError,
    "async_task_not_found": TaskNotFoundError,
    "clip_not_found": ClipNotFoundError,
    "task_not_cancellable": TaskNotCancellableError,
    "idempotency_key_reused": IdempotencyKeyReusedError,
    "payload_too_large": PayloadTooLargeError,
    "rate_limit_exceeded": RateLimitError,
    "server_error": ServerError,
    "upstream_unavailable": UpstreamUnavailableError,
}


def from_response(status: int, body: Any, headers: dict[str, str]) -> SongforgeError:
    error = body.get("error", {}) if isinstance(body, dict) else {}
    code = str(error.get("code") or ("server_error" if status >= 500 else "http_error"))
    retry_after = headers.get("retry-after")
    cls = BY_CODE.get(code, ServerError if status >= 500 else SongforgeError)
    return cls(
        str(error.get("message") or f"HTTP {status}"),
        status=status,
        code=code,
        type=str(error.get("type") or ""),
        param=error.get("param"),
        request_id=error.get("request_id") or headers.get("x-request-id"),
        body=error,
        retry_after=float(retry_after) if retry_after and retry_after.isdigit() else None,
    )
