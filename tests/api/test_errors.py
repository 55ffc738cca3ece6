"""Every contract error row owned by the task API: status, type, code, param and message."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.services.credentials import INFERENCE, issue_credential
from songforge.wiring import Services
from tests.conftest import bearer, run_pending

SONG = {"model": "suno_music", "prompt": "a song about rain", "title": "Rain", "tags": "pop"}


def error_of(response: Any, status: int, type_: str, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["type"] == type_
    assert error["code"] == code
    assert error["request_id"].startswith("req_")
    assert error["request_id"] == response.headers["x-request-id"]
    assert error["message"]
    return dict(error)


def tasks_count(services: Services) -> int:
    with services.uow_factory(read_only=True) as uow:
        return sum(uow.tasks.count_by_status().values())


def test_unknown_field_is_unsupported_parameter_naming_it(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    response = client.post(
        "/v1/music/generations", json={**SONG, "style_weight": 0.5}, headers=bearer(org.api_key)
    )
    error = error_of(response, 400, "invalid_request_error", "unsupported_parameter")
    assert error["param"] == "style_weight"
    assert error["message"] == "Parameter 'style_weight' is not supported by model 'suno_music'."
    assert "prompt" in error["supported_parameters"]
    assert "style_weight" not in error["supported_parameters"]
    assert tasks_count(services) == 0


def test_unsupported_parameter_names_every_unknown_field(
    client: TestClient, org: Bootstrapped
) -> None:
    body = {**SONG, "style_weight": 0.5, "weirdness": 1, "persona_id": "p"}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 400, "invalid_request_error", "unsupported_parameter")
    assert error["unsupported_parameters"] == ["style_weight", "weirdness", "persona_id"]
    assert error["param"] == "style_weight"
    assert all(f"'{name}'" in error["message"] for name in error["unsupported_parameters"])


def test_param_is_absent_rather_than_null(client: TestClient, org: Bootstrapped) -> None:
    response = client.patch(
        f"/v1/management/api-keys/{org.organisation_id}",
        json={},
        headers=bearer(org.management_token),
    )
    error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
    assert "param" not in error


def test_instrumental_model_rejects_lyrics_field(client: TestClient, org: Bootstrapped) -> None:
    body = {"model": "songforge_instrumental", "prompt": "calm piano", "lyrics": "[Verse]\nhi"}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 400, "invalid_request_error", "unsupported_parameter")
    assert error["param"] == "lyrics"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("prompt", 42, "'prompt' must be a string."),
        ("prompt", "x" * 3001, "'prompt' must be at most 3000 characters."),
        ("prompt", "   ", "'prompt' must not be empty."),
        ("duration", 5, "'duration' must be between 30 and 240 seconds."),
        ("duration", "long", "'duration' must be a number."),
        ("seed", -1, "'seed' must be an integer from 0 to 4294967295."),
        ("seed", 1.5, "'seed' must be an integer from 0 to 4294967295."),
        ("seed", True, "'seed' must be an integer from 0 to 4294967295."),
        ("make_instrumental", "yes", "'make_instrumental' must be true or false."),
        (
            "mv",
            "v9",
            "'mv' must be one of: chirp-v3-5, chirp-v4, chirp-v4-5, chirp-v4.5, chirp-v4-5plus, "
            "chirp-v4.5plus, chirp-v4-5all, chirp-v4.5all, chirp-v5, chirp-v5-5, chirp-v5.5, "
            "songforge-1.",
        ),
        ("action", "DANCE", "'action' must be one of: MUSIC, LYRICS."),
        ("title", "t" * 121, "'title' must be at most 120 characters."),
        ("model", 7, "'model' must be a non-empty string."),
    ],
)
def test_bad_values_are_invalid_parameter(
    client: TestClient, org: Bootstrapped, services: Services, field: str, value: Any, message: str
) -> None:
    response = client.post(
        "/v1/music/generations", json={**SONG, field: value}, headers=bearer(org.api_key)
    )
    error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
    assert error["param"] == field
    assert error["message"] == message
    assert tasks_count(services) == 0


def test_missing_prompt_is_invalid_parameter(client: TestClient, org: Bootstrapped) -> None:
    response = client.post(
        "/v1/music/generations", json={"model": "suno_music"}, headers=bearer(org.api_key)
    )
    error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
    assert error["param"] == "prompt"
    assert error["message"] == "'prompt' is required."


def test_lyrics_on_instrumental_model_is_unsupported_operation(
    client: TestClient, org: Bootstrapped
) -> None:
    body = {"model": "songforge_instrumental", "prompt": "rain", "action": "LYRICS"}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 400, "invalid_request_error", "unsupported_operation")
    assert error["param"] == "action"
    assert error["message"] == (
        "Model 'songforge_instrumental' does not support the lyrics operation."
    )


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"", b'"a string"', b"\xff\xfe"])
def test_non_object_body_is_invalid_json(client: TestClient, org: Bootstrapped, raw: bytes) -> None:
    response = client.post(
        "/v1/music/generations",
        content=raw,
        headers={**bearer(org.api_key), "content-type": "application/json"},
    )
    error_of(response, 400, "invalid_request_error", "invalid_json")


def test_oversized_body_is_413(client: TestClient, org: Bootstrapped, services: Services) -> None:
    body = json.dumps({**SONG, "lyrics": "la " * 30_000})
    response = client.post(
        "/v1/music/generations",
        content=body,
        headers={**bearer(org.api_key), "content-type": "application/json"},
    )
    error = error_of(response, 413, "invalid_request_error", "payload_too_large")
    assert error["message"] == "Request body is larger than 64 KiB."
    assert tasks_count(services) == 0


def test_unknown_model_is_404_with_suggestions(client: TestClient, org: Bootstrapped) -> None:
    response = client.post(
        "/v1/music/generations", json={**SONG, "model": "suno_musik"}, headers=bearer(org.api_key)
    )
    error = error_of(response, 404, "invalid_request_error", "model_not_found")
    assert error["message"] == "Model 'suno_musik' not found"
    assert error["param"] == "model"
    assert error["did_you_mean"] == "suno_music"
    assert error["suggestions"][0] == {"id": "suno_music"}
    detail = client.get("/v1/models/suno_musik")
    assert error_of(detail, 404, "invalid_request_error", "model_not_found")["did_you_mean"]
    far = client.get("/v1/models/zzzzzzzz").json()["error"]
    assert "did_you_mean" not in far  # absent, not null, when nothing is close


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Missing API key. Send 'Authorization: Bearer <key>'."),
        (
            {"Authorization": "Basic abc"},
            "Malformed Authorization header. Send 'Authorization: Bearer <key>'.",
        ),
        ({"Authorization": "Bearer sk-unknown"}, "Invalid API key."),
        (
            {"Authorization": "Bearer mt-whatever"},
            "Invalid API key: this route needs an inference key (sk-…).",
        ),
    ],
)
def test_bad_keys_are_401(client: TestClient, headers: dict[str, str], message: str) -> None:
    response = client.post("/v1/music/generations", json=SONG, headers=headers)
    error = error_of(response, 401, "invalid_api_key", "invalid_api_key")
    assert error["message"] == message


def test_management_token_on_inference_route_is_401(client: TestClient, org: Bootstrapped) -> None:
    response = client.get("/v1/tasks", headers=bearer(org.management_token))
    error_of(response, 401, "invalid_api_key", "invalid_api_key")


def _key(services: Services, org: Bootstrapped, **options: Any) -> str:
    with services.uow_factory() as uow:
        issued = issue_credential(
            uow, org.organisation_id, INFERENCE, "extra", services.clock.now(), **options
        )
        uow.commit()
    return issued.secret


def test_expired_key_is_401_expired(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    secret = _key(services, org, expires_at=services.clock.now() - 1)
    response = client.get("/v1/tasks", headers=bearer(secret))
    error = error_of(response, 401, "expired_api_key", "expired_api_key")
    assert error["message"] == "This API key has expired."


def test_model_outside_allow_list_is_403(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    secret = _key(services, org, models=("suno_lyrics",))
    response = client.post("/v1/music/generations", json=SONG, headers=bearer(secret))
    error = error_of(response, 403, "permission_error", "model_not_allowed")
    assert error["param"] == "model"
    assert error["message"] == "This API key may not use model 'suno_music'."


def test_insufficient_balance_is_402_and_leaves_nothing(
    client: TestClient, services: Services
) -> None:
    poor = create_funded_organisation(services.uow_factory, services.clock, "poor", Decimal("0.05"))
    response = client.post("/v1/music/generations", json=SONG, headers=bearer(poor.api_key))
    error = error_of(response, 402, "insufficient_balance", "insufficient_balance")
    assert error["balance_usd"] == 0.05
    assert error["estimated_cost_usd"] == 0.1
    assert (error["balance_usd_decimal"], error["estimated_cost_usd_decimal"]) == (
        "0.0500",
        "0.1000",
    )
    with services.uow_factory(read_only=True) as uow:
        assert uow.ledger.balance(poor.organisation_id).reserved == 0
    assert tasks_count(services) == 0


def test_key_limit_is_402_quota_exceeded(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    secret = _key(services, org, limit_amount=Decimal("0"))
    response = client.post("/v1/music/generations", json=SONG, headers=bearer(secret))
    error_of(response, 402, "quota_exceeded", "quota_exceeded")
    with services.uow_factory(read_only=True) as uow:
        assert uow.ledger.balance(org.organisation_id).reserved == 0
    assert tasks_count(services) == 0


def test_unknown_task_is_404(client: TestClient, org: Bootstrapped) -> None:
    for path in ("/v1/tasks/ldtask_nope", "/v1/music/generations/ldtask_nope"):
        response = client.get(path, headers=bearer(org.api_key))
        error = error_of(response, 404, "invalid_request_error", "async_task_not_found")
        assert error["message"] == "Task not found or no longer available."


def test_other_organisations_task_is_404_and_other_keys_task_is_403(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    task_id = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key)).json()[
        "id"
    ]
    stranger = create_funded_organisation(services.uow_factory, services.clock, "b", Decimal(1))
    response = client.get(f"/v1/tasks/{task_id}", headers=bearer(stranger.api_key))
    error_of(response, 404, "invalid_request_error", "async_task_not_found")
    colleague = _key(services, org)
    response = client.get(f"/v1/tasks/{task_id}", headers=bearer(colleague))
    error = error_of(response, 403, "permission_error", "task_not_available")
    assert error["message"] == "This task was created with another API key of your organisation."


def test_unknown_clip_is_404_clip_not_found(client: TestClient, org: Bootstrapped) -> None:
    body = {"model": "suno_music", "continue_clip_id": "clip_missing", "continue_at": 10}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 404, "invalid_request_error", "clip_not_found")
    assert error["param"] == "continue_clip_id"


def test_continue_at_past_clip_end_is_invalid(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    created = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key)).json()
    run_pending(services)
    clip = client.get(f"/v1/tasks/{created['id']}", headers=bearer(org.api_key)).json()["clip_id"]
    body = {"model": "suno_music", "continue_clip_id": clip, "continue_at": 999}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
    assert error["param"] == "continue_at"


def test_cancel_of_running_task_is_409(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    created = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key)).json()
    run_pending(services)
    response = client.delete(f"/v1/tasks/{created['id']}", headers=bearer(org.api_key))
    error = error_of(response, 409, "invalid_request_error", "task_not_cancellable")
    assert error["message"] == "Only a pending task can be cancelled; this one is completed."


def test_idempotency_key_with_other_body_is_409(client: TestClient, org: Bootstrapped) -> None:
    headers = {**bearer(org.api_key), "Idempotency-Key": "abc-1"}
    first = client.post("/v1/music/generations", json=SONG, headers=headers)
    assert first.status_code == 200
    response = client.post(
        "/v1/music/generations", json={**SONG, "title": "Other"}, headers=headers
    )
    error_of(response, 409, "invalid_request_error", "idempotency_key_reused")


def test_unavailable_backend_is_503_retryable(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    services.routing = type(services.routing)(
        catalog=services.catalog, available=frozenset({"fake"}), override="gpu-cluster"
    )
    response = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    error = error_of(response, 503, "upstream_error", "upstream_unavailable")
    assert error["retryable"] is True


def test_framework_errors_use_the_envelope(client: TestClient, org: Bootstrapped) -> None:
    error_of(client.get("/no/such/route"), 404, "invalid_request_error", "route_not_found")
    not_allowed = client.put("/v1/tasks/x")
    error_of(not_allowed, 405, "invalid_request_error", "method_not_allowed")
    # RFC 9110: a 405 names every method the path allows (two routes share this path).
    assert not_allowed.headers["allow"] == "DELETE, GET, HEAD"
    assert client.post("/v1/models").headers["allow"] == "GET, HEAD"
    # The callback secret's path is not also an endpoint id of /webhooks/{endpoint_id}.
    mt = bearer(org.management_token)
    secret_path = "/v1/management/webhooks/callback-secret"
    for method in ("PATCH", "DELETE"):
        response = client.request(method, secret_path, headers=mt)
        error_of(response, 405, "invalid_request_error", "method_not_allowed")
        assert response.headers["allow"] == "GET, HEAD"
    response = client.get("/v1/tasks?limit=abc", headers=bearer(org.api_key))
    assert error_of(response, 400, "invalid_request_error", "invalid_parameter")["param"] == "limit"
    response = client.get("/v1/tasks?limit=500", headers=bearer(org.api_key))
    assert error_of(response, 400, "invalid_request_error", "invalid_parameter")["param"] == "limit"
    response = client.get("/v1/models?view=huge")
    assert error_of(response, 400, "invalid_request_error", "invalid_parameter")["param"] == "view"


def test_oversized_chunked_body_is_413(client: TestClient, org: Bootstrapped) -> None:
    def chunks() -> Any:
        for _ in range(80):
            yield b" " * 1024

    response = client.post(
        "/v1/music/generations",
        content=chunks(),
        headers={**bearer(org.api_key), "content-type": "application/json"},
    )
    error_of(response, 413, "invalid_request_error", "payload_too_large")


def test_nul_characters_are_refused_everywhere(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    # PostgreSQL cannot hold NUL in text; every database refuses it the same way, up front.
    for field in ("prompt", "title", "tags", "user", "lyrics"):
        body = {**SONG, field: "before\u0000after"}
        response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
        error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
        assert error["param"] == field
        assert error["message"] == f"'{field}' must not contain NUL characters."
    assert tasks_count(services) == 0
    for path in ("/v1/tasks/ldtask_%00", "/v1/tasks?after=%00", "/v1/models/suno%00"):
        response = client.get(path, headers=bearer(org.api_key))
        error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
        assert error["message"] == "The URL must not contain NUL characters."
    response = client.get(
        "/v1/management/api-keys/key_%00/usage?model=%00",
        headers=bearer(org.management_token),
    )
    error_of(response, 400, "invalid_request_error", "invalid_parameter")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Neon\x1b[2J\x1b]0;pwned\x07"),
        ("title", "two\r\nlines"),
        ("tags", "pop\x7f"),
        ("negative_tags", "rock\x85"),
        ("prompt", "rain\x1b[31m"),
        ("lyrics", "[Verse]\x01"),
        ("lyrics", "[Verse]\x9b31m"),
    ],
)
def test_control_characters_are_refused_naming_the_field(
    client: TestClient, org: Bootstrapped, field: str, value: str
) -> None:
    body = {"model": "suno_music", "prompt": "rain", field: value}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
    assert error["param"] == field
    assert "control characters" in error["message"]


def test_line_breaks_and_tabs_are_kept_in_prompt_and_lyrics(
    client: TestClient, org: Bootstrapped
) -> None:
    body = {"model": "suno_music", "prompt": "rain\non\tglass", "lyrics": "[Verse]\r\nla la"}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    assert response.status_code in (200, 201, 202), response.text


@pytest.mark.parametrize(
    ("sent", "meant"),
    [("music", "MUSIC"), ("lyrics", "LYRICS"), ("Lyrics ", "LYRICS"), ("song", None)],
)
def test_action_takes_exact_values_only(
    client: TestClient, org: Bootstrapped, sent: str, meant: str | None
) -> None:
    body = {"model": "suno_music", "prompt": "rain", "action": sent}
    response = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    error = error_of(response, 400, "invalid_request_error", "invalid_parameter")
    assert error["param"] == "action"
    assert error["allowed_values"] == ["MUSIC", "LYRICS"]
    assert error.get("did_you_mean") == meant


def test_head_is_get_without_content_on_every_get_route(
    client: TestClient, org: Bootstrapped
) -> None:
    # RFC 9110 section 9.3.2; monitors and link checkers probe with HEAD.
    for path, headers in (
        ("/v1/models", {}),
        ("/v1/models/suno_music", {}),
        ("/v1/tasks", bearer(org.api_key)),
        ("/v1/management/balance", bearer(org.management_token)),
    ):
        got, head = client.get(path, headers=headers), client.head(path, headers=headers)
        assert (head.status_code, head.content) == (got.status_code, b""), path
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-length"] == str(len(got.content))
    # Errors too: a HEAD without a key is refused as the GET is, without content.
    refused = client.head("/v1/tasks")
    assert (refused.status_code, refused.content) == (401, b"")
    assert client.head("/no/such/route").status_code == 404
