"""Schemathesis hooks for the fuzzing run over our own OpenAPI document.

Some rules cannot be written as JSON Schema, and the document says them in words (and, for
management bodies and filters, under `x-songforge-rule`): caller lyrics must be words in a
language the voice sings and fit the song's length (syllables against bars); an upload must
be audio that decodes; a key's `expiresAt` must lie in the future (and before the year
10000 UTC); a revoked key takes no change; a usage range must not end before it starts; the
host of a webhook endpoint's or a task callback's URL must resolve to an address the server
may reach. These hooks keep the fuzzer's valid cases on the right side of those rules:
create bodies only with lyrics that pass the server's own check, a real one-second WAV in
uploads, expiries moved into the future, keys made inactive rather than revoked, reversed
date ranges swapped, and valid URLs pointed at a loopback address the fuzzing server allows
(SONGFORGE_WEBHOOK_ALLOW_PRIVATE=true; nothing listens there). A value the schema already
calls invalid is left alone, so that "schema-valid but refused" and "invalid but accepted"
findings stay about what the schema could have said. The refusals themselves are tested in
tests/api, tests/unit and tests/integration.
"""

from __future__ import annotations

import io
import math
import re
import time
import wave
from typing import Any

import schemathesis
from schemathesis.openapi.checks import UseAfterFree

from songforge.domain.catalog import Catalog
from songforge.domain.errors import SongforgeError
from songforge.domain.generation_request import validate_create_body
from songforge.domain.rfc3339 import END_OF_YEAR_9999, FULL_DATE, parse_instant
from songforge.providers.engine_checks import check_lyrics_fit
from songforge.services.create_task import CALLBACK_FIELDS


def _ascii_wav(seconds: float = 1.0, rate: int = 8000) -> str:
    """A one-second 8-bit WAV whose every byte is ASCII, as text.

    Schemathesis revalidates a body a hook changed, and counts any bytes in it as breaking
    the schema; a text value keeps a valid case valid (and an invalid one invalid). 8-bit
    samples between 40 and 120 and an 8 kHz rate keep every header and sample byte < 128,
    so the text goes out unchanged as UTF-8."""
    frames = bytes(
        int(80 + 40 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(int(seconds * rate))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return out.getvalue().decode("ascii")


FUZZ_WEBHOOK_URL = "https://127.0.0.1:9/songforge-fuzz"
FUTURE = "2999-12-31T00:00:00Z"
_KEY_BODIES = {("POST", "/v1/management/api-keys"), ("PATCH", "/v1/management/api-keys/{key_id}")}
_WEBHOOK_BODIES = {
    ("POST", "/v1/management/webhooks"): "WebhookEndpointCreateBody",
    ("PATCH", "/v1/management/webhooks/{endpoint_id}"): "WebhookEndpointUpdateBody",
}
_USAGE_ROUTES = {
    "/v1/management/api-keys/{key_id}/usage",
    "/v1/management/api-keys/{key_id}/billing",
}


def _instant(value: object, *, end_of_day: bool = False) -> float | None:
    """Seconds of a value the document's `date`/`date-time` formats admit, else None."""
    if not isinstance(value, str):
        return None
    try:
        return parse_instant(value, end_of_day=end_of_day)
    except ValueError:
        return None


def _future_expiry(body: dict[str, Any]) -> None:
    when = _instant(body.get("expiresAt"))
    if when is not None and not time.time() + 3600 < when < END_OF_YEAR_9999:
        body["expiresAt"] = "2999-12-31" if FULL_DATE.match(body["expiresAt"]) else FUTURE


def _ordered_dates(query: dict[str, Any]) -> None:
    start = _instant(query.get("startDate"))
    end = _instant(query.get("endDate"), end_of_day=True)
    if start is not None and end is not None and start > end:
        query["startDate"], query["endDate"] = query["endDate"], query["startDate"]


def _reachable_url(case: Any, body_schema: str, field: str) -> None:
    url = case.body.get(field)
    schemas = case.operation.schema.raw_schema["components"]["schemas"]
    url_schema = schemas[body_schema]["properties"][field]
    pattern = next(s["pattern"] for s in url_schema.get("anyOf", [url_schema]) if "pattern" in s)
    if isinstance(url, str) and re.match(pattern, url):
        case.body[field] = FUZZ_WEBHOOK_URL


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Applies to every phase (the coverage phase too, which filter hooks do not reach)."""
    operation = (case.operation.method.upper(), case.operation.path)
    body = case.body if isinstance(case.body, dict) else None
    if operation == ("POST", "/v1/files") and body is not None:
        if isinstance(body.get("file"), bytes | str):
            body["file"] = _ascii_wav()
    elif operation in _KEY_BODIES and body is not None:
        _future_expiry(body)
        if body.get("status") == "revoked":
            # Revoking is final: every later change to that key is refused, a rule of the
            # key's state that no schema can carry. Keys are revoked in tests/api instead.
            body["status"] = "inactive"
    elif operation in _WEBHOOK_BODIES and body is not None:
        _reachable_url(case, _WEBHOOK_BODIES[operation], "url")
    elif operation == ("POST", "/v1/music/generations") and body is not None:
        _reachable_url(case, "GenerationRequestBody", "callback_url")
    elif case.operation.path in _USAGE_ROUTES and isinstance(case.query, dict):
        _ordered_dates(case.query)


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keeps every failure but one kind: a task read after `DELETE /v1/tasks/{task_id}`.
    That DELETE cancels a pending task (CONTRACT.md §2, §4), which stays readable as failed
    with `cancelled: true`; the stateful phase takes DELETE for removal and calls the read a
    use after free. Dropped only when the read shows the task cancelled."""
    cancelled = re.search(r'"cancelled": ?true', response.text_lossy()) is not None
    return not (
        isinstance(failure, UseAfterFree)
        and failure.operation == "DELETE /v1/tasks/{task_id}"
        and cancelled
    )


def _singable(body: Any) -> bool:
    """Whether caller lyrics in a create body pass the server's own check (True when the
    body has none, or is refused for a reason the schema describes: the fuzzer should see
    that refusal)."""
    if not isinstance(body, dict) or not isinstance(body.get("lyrics"), str):
        return True
    model_fields = {k: v for k, v in body.items() if k not in CALLBACK_FIELDS}
    try:
        request = validate_create_body(model_fields, Catalog.load())
    except SongforgeError:
        return True
    model = Catalog.load().get(request.model)
    try:
        check_lyrics_fit(request, model.duration.max if model.duration else 240.0)
    except SongforgeError:
        return False
    return True


@schemathesis.hook
def filter_case(context: Any, case: Any) -> bool:
    """Every phase (the coverage phase too, which `filter_body` hooks do not reach) drops:
    create bodies whose lyrics the voice could not sing; and `{endpoint_id}` values of
    `callback-secret`, which the document rules out (`not`) and which make another
    operation's URL (the callback secret's, whose answers, 405 for PATCH and DELETE and its
    own 200 or 409 for GET, are documented there)."""
    if (case.path_parameters or {}).get("endpoint_id") == "callback-secret":
        return False
    if (case.operation.method.upper(), case.operation.path) == ("POST", "/v1/music/generations"):
        return _singable(case.body)
    return True
