"""One tree of domain errors; each knows its contract code, type and HTTP status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


class SongforgeError(Exception):
    status = 500
    type = "server_error"
    code = "server_error"

    def __init__(
        self,
        message: str,
        *,
        param: str | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.headers = headers or {}
        self.extra = extra


class InvalidRequest(SongforgeError):
    status = 400
    type = "invalid_request_error"
    code = "invalid_request"


class UnsupportedParameter(InvalidRequest):
    """Names every refused field: `param` is the first, `unsupported_parameters` all of them."""

    code = "unsupported_parameter"

    def __init__(self, names: list[str], context: str, supported: list[str]) -> None:
        quoted = ", ".join(f"'{name}'" for name in names)
        noun = "Parameter" if len(names) == 1 else "Parameters"
        verb = "is" if len(names) == 1 else "are"
        super().__init__(
            f"{noun} {quoted} {verb} not supported {context}.",
            param=names[0],
            unsupported_parameters=names,
            supported_parameters=supported,
        )

    @classmethod
    def check(cls, fields: Iterable[str], supported: Sequence[str], context: str) -> None:
        """Raises when any of `fields` (names, in the caller's order) is not in `supported`."""
        unknown = [str(name) for name in fields if name not in supported]
        if unknown:
            raise cls(unknown, context, list(supported))


class InvalidParameter(InvalidRequest):
    code = "invalid_parameter"


class UnsupportedOperation(InvalidRequest):
    code = "unsupported_operation"


class CurrencyRetired(InvalidRequest):
    code = "currency_retired"


class UnsupportedLanguage(InvalidRequest):
    """Lyrics or a prompt in a language the model cannot sing or write; the message names
    the language (and its ISO 639-1 code)."""

    code = "unsupported_language"


class InvalidJson(InvalidRequest):
    code = "invalid_json"


class InvalidApiKey(SongforgeError):
    status = 401
    type = "invalid_api_key"
    code = "invalid_api_key"


class ExpiredApiKey(SongforgeError):
    status = 401
    type = "expired_api_key"
    code = "expired_api_key"


class InsufficientBalance(SongforgeError):
    status = 402
    type = "insufficient_balance"
    code = "insufficient_balance"


class QuotaExceeded(SongforgeError):
    status = 402
    type = "quota_exceeded"
    code = "quota_exceeded"


class PermissionDenied(SongforgeError):
    status = 403
    type = "permission_error"
    code = "permission_denied"


class ModelNotAllowed(PermissionDenied):
    code = "model_not_allowed"


class TaskNotAvailable(PermissionDenied):
    code = "task_not_available"


class FileAccessDenied(PermissionDenied):
    code = "invalid_signature"


class NotFound(SongforgeError):
    status = 404
    type = "invalid_request_error"
    code = "not_found"


class ModelNotFound(NotFound):
    code = "model_not_found"


class TaskNotFound(NotFound):
    code = "async_task_not_found"

    def __init__(self) -> None:
        super().__init__("Task not found or no longer available.")


class ClipNotFound(NotFound):
    code = "clip_not_found"


class ApiKeyNotFound(NotFound):
    code = "api_key_not_found"


class FileNotFound(NotFound):
    code = "file_not_found"


class RouteNotFound(NotFound):
    code = "route_not_found"


class MethodNotAllowed(SongforgeError):
    status = 405
    type = "invalid_request_error"
    code = "method_not_allowed"


class RangeNotSatisfiable(SongforgeError):
    """A Range header whose every range starts past the end of the file (RFC 9110 15.5.17)."""

    status = 416
    type = "invalid_request_error"
    code = "range_not_satisfiable"


class Conflict(SongforgeError):
    status = 409
    type = "invalid_request_error"
    code = "conflict"


class TaskNotCancellable(Conflict):
    code = "task_not_cancellable"


class IdempotencyKeyReused(Conflict):
    code = "idempotency_key_reused"


class PayloadTooLarge(SongforgeError):
    status = 413
    type = "invalid_request_error"
    code = "payload_too_large"


class RateLimited(SongforgeError):
    status = 429
    type = "rate_limit_exceeded"
    code = "rate_limit_exceeded"


class UpstreamUnavailable(SongforgeError):
    status = 503
    type = "upstream_error"
    code = "upstream_unavailable"


class WebhookNotFound(NotFound):
    code = "webhook_not_found"


class WebhookDeliveryNotFound(NotFound):
    code = "webhook_delivery_not_found"


class WebhookSecretRevealed(Conflict):
    code = "webhook_secret_revealed"


class WebhookDeliveryInFlight(Conflict):
    code = "webhook_delivery_in_flight"
