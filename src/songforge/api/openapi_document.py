"""The OpenAPI document: request bodies, the task object and the error envelope, described.

Routes read their bodies themselves, so that every mistake gets the contract's own error
code (`unsupported_parameter`, `invalid_parameter`, ...) rather than a framework 422. These
models exist only to describe those bodies to client generators and readers; the
validation that answers requests lives in the domain.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from songforge.api.create_body_schema import create_body_rules, given
from songforge.api.management_request_schema import (
    DATE_ORDER_RULE,
    EVENTS,
    INSTANT,
    key_create_body,
    key_update_body,
    url_schema,
    webhook_create_body,
    webhook_update_body,
)
from songforge.api.openapi_shapes import describe_responses
from songforge.api.routes.files import MAX_UPLOAD_FIELDS, UPLOAD_PURPOSES
from songforge.api.routes.webhooks import SECRET_SEGMENT
from songforge.api.schema_text import NO_CONTROL, NO_CONTROL_BUT_LAYOUT, NO_NUL
from songforge.domain.catalog import Catalog
from songforge.domain.generation_request import MAX_SEED
from songforge.domain.model_versions import accepted_versions
from songforge.outbound.policy import STRICT, OutboundPolicy
from songforge.services.catalogue_query import recommended_for_values
from songforge.services.create_task import CALLBACK_FIELDS
from songforge.services.run_task import ASSET_EXTENSIONS

_MONEY = r"^\d+\.\d{4}$"
T = TypeVar("T")


class GenerationRequestBody(BaseModel):
    """A music, lyrics or continuation task. Which fields a model accepts is listed in its
    catalogue entry (`GET /v1/models/{model}`); any other field is a 400."""

    model_config = ConfigDict(extra="forbid")

    model: str = Field("suno_music", description="Catalogue id.")
    action: Literal["MUSIC", "LYRICS"] | None = Field(
        None,
        description="MUSIC (default) or LYRICS, exactly (lowercase is a 400 with did_you_mean); "
        "lyrics-only models default to LYRICS.",
    )
    prompt: str | None = Field(
        None,
        max_length=3000,
        pattern=NO_CONTROL_BUT_LAYOUT,
        description="What the song (or the lyrics) is about. Required except to continue. "
        "Tabs and line breaks are kept; any other control character is a 400.",
    )
    title: str | None = Field(
        None, max_length=120, pattern=NO_CONTROL, description="No control characters."
    )
    tags: str | None = Field(
        None,
        max_length=500,
        pattern=NO_CONTROL,
        description='Styles, e.g. "synth-pop, upbeat". No control characters.',
    )
    negative_tags: str | None = Field(
        None, max_length=500, pattern=NO_CONTROL, description="Styles to avoid."
    )
    make_instrumental: bool | None = Field(None, description="No vocals.")
    lyrics: str | None = Field(
        None,
        max_length=20_000,
        pattern=NO_CONTROL_BUT_LAYOUT,
        description="Your own lyrics, [Verse]/[Chorus] markers allowed; tabs and line breaks "
        "are kept, any other control character is a 400.",
    )
    mv: str | None = Field(None, description="Model version, one the model's contract lists.")
    continue_clip_id: str | None = Field(
        None, max_length=64, description="A completed clip (or its task id) to continue."
    )
    continue_at: float | None = Field(
        None, gt=0, description="Seconds into the clip where the new part starts; default: end."
    )
    audio_url: str | None = Field(
        None,
        max_length=2048,
        description="Your own audio: an https URL or a file_ id from POST /v1/files. Offered "
        "only by models whose contract lists it.",
    )
    audio_operation: Literal["upload-cover", "upload-extend", "add-instrumental"] | None = Field(
        None, description="What to do with audio_url; default upload-cover."
    )
    duration: float | None = Field(None, description="Target length in seconds.")
    seed: int | None = Field(
        None, ge=0, le=MAX_SEED, description="Same request and seed, same audio bytes."
    )
    user: str | None = Field(
        None, max_length=256, pattern=NO_CONTROL, description="Your end user's id, echoed."
    )
    callback_url: str | None = Field(
        None, description="Where to POST this task's events (signed, as webhooks.md says)."
    )
    callback_events: list[str] | None = Field(
        None,
        description="Events to send to callback_url (needs it); default: the terminal ones.",
    )


class TaskErrorBody(BaseModel):
    code: str
    message: str


class TaskObject(BaseModel):
    """A task as every task route returns it. Fields without a value are omitted; media
    and `clip_id` appear only on a completed MUSIC task."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^ldtask_[0-9a-f]{32}$")
    task_id: str
    object: Literal["music.task"]
    poll_url: str
    status: Literal["pending", "processing", "completed", "failed"]
    progress: int = Field(ge=0, le=100)
    stage: Literal[
        "queued",
        "waiting_for_backend",
        "writing_lyrics",
        "composing",
        "rendering",
        "singing",
        "mixing",
        "encoding",
        "done",
    ] = Field(
        description="The step the work is at; a failed task keeps the one it stopped at "
        "(there is no failure stage; status and error say it failed). done only when completed."
    )
    model: str
    action: Literal["MUSIC", "LYRICS"]
    created: int
    updated: int
    request_id: str | None
    user: str | None
    reserved_amount: str | None = Field(pattern=_MONEY)
    clip_id: str | None = None
    title: str | None = None
    lyrics: str | None = None
    audio_url: str | None = None
    video_url: str | None = None
    image_url: str | None = None
    metadata: dict[str, Any] | None = None
    cost: str | None = Field(None, pattern=_MONEY)
    billing_transaction_id: str | None = None
    error: TaskErrorBody | None = None
    cancelled: bool | None = None
    cancellation_status: Literal["cancelled"] | None = None


class TaskList(BaseModel):
    object: Literal["list"]
    data: list[TaskObject]
    has_more: bool
    next_cursor: str | None


# A field that is absent rather than null when it has no value (TokenLab's ApiError types).
Absent = Annotated[T | SkipJsonSchema[None], "absent when empty"]


class Suggestion(BaseModel):
    id: str


class ErrorDetail(BaseModel):
    """Typed as TokenLab's `ApiError`: optional fields are absent, never null; like it,
    the envelope may carry further fields."""

    model_config = ConfigDict(extra="allow")

    message: str
    type: str
    code: str
    param: Absent[str] = Field(None, description="The field at fault; absent when none is.")
    request_id: str
    hint: Absent[str] = None
    retryable: Absent[bool] = None
    retry_after: Absent[int] = None
    supported_parameters: Absent[list[str]] = None
    unsupported_parameters: Absent[list[str]] = Field(
        None, description="Every refused field of the body (unsupported_parameter)."
    )
    supported_operations: Absent[list[str]] = None
    allowed_values: Absent[list[str]] = None
    allowed_models: Absent[list[str]] = Field(None, description="model_not_allowed: the key's.")
    did_you_mean: Absent[str] = Field(
        None, description="The closest model id, or for `action` the exact value meant."
    )
    suggestions: Absent[list[Suggestion]] = None
    balance_usd: Absent[float] = None
    balance_usd_decimal: Absent[str] = Field(None, pattern=_MONEY)
    estimated_cost_usd: Absent[float] = None
    estimated_cost_usd_decimal: Absent[str] = Field(None, pattern=_MONEY)


class ErrorEnvelope(BaseModel):
    """Every error, whatever its status."""

    error: ErrorDetail


_ERRORS = {
    "400": "Invalid request: unsupported_parameter, invalid_parameter, unsupported_operation, "
    "invalid_json",
    "401": "invalid_api_key or expired_api_key",
    "402": "insufficient_balance or quota_exceeded",
    "403": "model_not_allowed or task_not_available",
    "404": "Not found",
    "409": "task_not_cancellable, idempotency_key_reused, webhook_secret_revealed or "
    "webhook_delivery_in_flight",
    "413": "payload_too_large",
    "416": "range_not_satisfiable",
    "429": "rate_limit_exceeded",
    "503": "upstream_unavailable (retryable)",
}
# What a status means on one route when it is not what it means elsewhere.
_ROUTE_ERROR_TEXT = {
    ("get", "/v1/files/{asset_id}/{filename}", "403"): "invalid_signature: the file URL's "
    "signature is missing or wrong, or its `expires` has passed; ask for the task again for "
    "fresh URLs",
}
# Statuses a route answers beyond those its inputs and credential imply (see _statuses).
_ROUTE_ERRORS = {
    ("post", "/v1/music/generations"): ("402", "404", "409", "413", "503"),
    ("delete", "/v1/tasks/{task_id}"): ("409",),
    ("get", "/v1/files/{asset_id}/{filename}"): ("403", "416"),
    ("post", "/v1/files"): ("413",),
    ("get", "/v1/management/webhooks/callback-secret"): ("409",),
    ("post", "/v1/management/webhooks/{endpoint_id}/deliveries/{delivery_id}/retry"): ("409",),
}
# Non-JSON success bodies.
_CONTENT_TYPES = {
    ("get", "/metrics"): ("text/plain; version=1.0.0; charset=utf-8",),
    ("get", "/v1/tasks/{task_id}/events"): ("text/event-stream",),
    ("get", "/v1/files/{asset_id}/{filename}"): tuple(ASSET_EXTENSIONS),
}
_TASK_RESPONSES = {
    ("post", "/v1/music/generations"): "TaskObject",
    ("get", "/v1/tasks/{task_id}"): "TaskObject",
    ("get", "/v1/music/generations/{task_id}"): "TaskObject",
    ("delete", "/v1/tasks/{task_id}"): "TaskObject",
    ("get", "/v1/tasks"): "TaskList",
}
# Multipart bodies the routes read themselves.
_UPLOAD_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "contentMediaType": "audio/wav",
                        "description": "Audio (MP3, WAV, FLAC, OGG, M4A) that decodes, within "
                        "the size and duration limits.",
                    },
                    "purpose": {"type": "string", "enum": list(UPLOAD_PURPOSES)},
                },
                # Other fields are ignored, but the server reads the file and at most
                # MAX_UPLOAD_FIELDS other parts, each under 1 MiB; a list would be sent as
                # one part per item.
                "additionalProperties": {"type": ["string", "number", "boolean", "null", "object"]},
                "maxProperties": MAX_UPLOAD_FIELDS + 1,
            },
            "encoding": {"file": {"contentType": "audio/*"}},
        }
    },
}
# Bodies the routes read themselves that are not JSON models.
_RAW_BODIES = {("post", "/v1/files"): _UPLOAD_BODY}
_REQUEST_BODIES = {
    ("post", "/v1/music/generations"): "GenerationRequestBody",
    ("post", "/v1/management/api-keys"): "KeyCreateBody",
    ("patch", "/v1/management/api-keys/{key_id}"): "KeyUpdateBody",
    ("post", "/v1/management/webhooks"): "WebhookEndpointCreateBody",
    ("patch", "/v1/management/webhooks/{endpoint_id}"): "WebhookEndpointUpdateBody",
}
_MODELS: tuple[type[BaseModel], ...] = (GenerationRequestBody, TaskObject, TaskList, ErrorEnvelope)
_USAGE_ROUTES = (
    "/v1/management/api-keys/{key_id}/usage",
    "/v1/management/api-keys/{key_id}/billing",
)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _schemas(catalog: Catalog, webhook_policy: OutboundPolicy) -> dict[str, Any]:
    schemas: dict[str, Any] = {
        "KeyCreateBody": key_create_body(catalog.ids()),
        "KeyUpdateBody": key_update_body(catalog.ids()),
        "WebhookEndpointCreateBody": webhook_create_body(webhook_policy),
        "WebhookEndpointUpdateBody": webhook_update_body(webhook_policy),
    }
    for model in _MODELS:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    create = schemas["GenerationRequestBody"]
    body = create["properties"]
    body["model"]["enum"] = catalog.ids()
    # Every model takes a callback; the rules per model are about the other fields.
    model_fields = [name for name in body if name not in CALLBACK_FIELDS]
    create["allOf"] = [
        *create_body_rules(list(catalog), model_fields),
        {"if": given("callback_events"), "then": given("callback_url")},
    ]
    body["callback_url"] = {
        **body["callback_url"],
        "anyOf": [url_schema(webhook_policy), {"type": "null"}],
    }
    body["callback_events"] = {**body["callback_events"], "anyOf": [EVENTS, {"type": "null"}]}
    versions = sorted({mv for m in catalog for mv in accepted_versions(m.mv)})
    if versions:
        body["mv"]["anyOf"][0]["enum"] = versions
    return schemas


# No request text may hold NUL (PostgreSQL cannot store it; json_body and the middleware
# refuse it with 400), so every free-text string in a request says so.
def _forbid_nul(schema: Any) -> None:
    """Adds NO_NUL to every string schema below `schema` that has no pattern, enum or const."""
    if isinstance(schema, list):
        for item in schema:
            _forbid_nul(item)
        return
    if not isinstance(schema, dict):
        return
    kinds = schema.get("type")
    is_text = kinds == "string" or (isinstance(kinds, list) and "string" in kinds)
    plain = not {"pattern", "enum", "const", "format"} & set(schema)
    if is_text and plain:
        schema["pattern"] = NO_NUL
    for key, value in schema.items():
        if key != "examples":
            _forbid_nul(value)


def _statuses(method: str, path: str, operation: dict[str, Any]) -> set[str]:
    """Error statuses an operation can answer: 400 when it takes input, 404 for a path with
    ids, 401 behind a credential, 403 and 429 behind an inference key (another key's task,
    a model the key may not use; per-key rate limits), plus the route's own."""
    found = set(_ROUTE_ERRORS.get((method, path), ()))
    if operation.get("parameters") or "requestBody" in operation:
        found.add("400")
    if "{" in path:
        found.add("404")
    schemes = {name for requirement in operation.get("security", []) for name in requirement}
    if schemes:
        found.add("401")
    if "InferenceKey" in schemes:
        found |= {"403", "429"}
    return found


def _describe_file_answers(responses: dict[str, Any], types: tuple[str, ...]) -> None:
    """The file route's other successes: a Range's part, and a conditional GET's 304."""
    responses["206"] = {
        "description": "Partial content: the bytes a valid `Range: bytes=…` asked for, with "
        "Content-Range (one range) or multipart/byteranges (several). A malformed Range is "
        "ignored and the whole file sent with 200.",
        "content": {media_type: {} for media_type in (*types, "multipart/byteranges")},
    }
    responses["304"] = {
        "description": "Not modified, no body (RFC 9110 section 13): `If-None-Match` names "
        "the file's ETag (or is `*`), or, without If-None-Match, `If-Modified-Since` is not "
        "older than Last-Modified. Carries ETag, Last-Modified and Cache-Control.",
    }


def build_openapi(
    app: FastAPI, catalog: Catalog, webhook_policy: OutboundPolicy = STRICT
) -> dict[str, Any]:
    """The document for `app`: `catalog` decides model enums and the create body's rules,
    `webhook_policy` which webhook URLs are valid."""
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)  # nothing here answers with FastAPI's 422 body
    schemas.update(_schemas(catalog, webhook_policy))
    envelope = _ref("ErrorEnvelope")
    for name in set(_REQUEST_BODIES.values()):
        _forbid_nul(schemas[name])
    # Query values the catalogue decides (known only once it is loaded), and dates.
    parameter_schemas: dict[tuple[str, str], dict[str, Any]] = {
        ("/v1/models", "recommended_for"): {
            "type": "string",
            "enum": list(recommended_for_values(catalog)),
        },
    }
    for path in _USAGE_ROUTES:
        parameter_schemas[(path, "startDate")] = parameter_schemas[(path, "endDate")] = INSTANT
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                _forbid_nul(parameter.get("schema"))
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            if (raw := _RAW_BODIES.get((method, path))) is not None:
                operation["requestBody"] = raw
            for parameter in operation.get("parameters", []):
                if (schema := parameter_schemas.get((path, parameter["name"]))) is not None:
                    parameter["schema"] = schema
                if parameter["name"] == "endpoint_id":
                    # Not a name the callback secret's own routes take (EndpointIdConvertor).
                    parameter["schema"]["not"] = {"const": SECRET_SEGMENT}
            if path in _USAGE_ROUTES:
                operation["x-songforge-rule"] = DATE_ORDER_RULE
            if (body := _REQUEST_BODIES.get((method, path))) is not None:
                operation["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": _ref(body)}},
                }
            for status in sorted(_statuses(method, path, operation)):
                text = _ROUTE_ERROR_TEXT.get((method, path, status), _ERRORS[status])
                responses.setdefault(status, _json(envelope, text))
            if (answer := _TASK_RESPONSES.get((method, path))) is not None:
                responses["200"] = _json(
                    _ref(answer), "The task" if answer == "TaskObject" else "A page of tasks"
                )
            if (types := _CONTENT_TYPES.get((method, path))) is not None:
                ok = responses.setdefault("200", {"description": "OK"})
                ok["content"] = {media_type: {} for media_type in types}
                if path == "/v1/files/{asset_id}/{filename}":
                    _describe_file_answers(responses, types)
    describe_responses(document)
    return document


def describe_api(app: FastAPI, catalog: Catalog, webhook_policy: OutboundPolicy) -> None:
    """Serves the described document at /openapi.json, built once on first request."""
    cache: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        if not cache:
            cache.append(build_openapi(app, catalog, webhook_policy))
        return cache[0]

    app.openapi = openapi  # type: ignore[method-assign]
