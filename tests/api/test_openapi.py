"""The OpenAPI document describes what the API really sends and accepts."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from songforge.api.openapi_document import ErrorEnvelope, TaskList, TaskObject
from songforge.services.bootstrap import Bootstrapped
from songforge.wiring import Services
from tests.conftest import bearer, run_pending

SONG = {"model": "suno_music", "prompt": "a song about rain", "title": "Rain"}


def _document(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def test_request_bodies_are_described_from_the_catalogue(
    client: TestClient, services: Services
) -> None:
    document = _document(client)
    schemas = document["components"]["schemas"]
    create = document["paths"]["/v1/music/generations"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/GenerationRequestBody"
    }
    body = schemas["GenerationRequestBody"]
    accepted = {p for model in services.catalog for p in model.parameters}
    assert set(body["properties"]) == accepted | {"callback_url", "callback_events"}
    assert body["additionalProperties"] is False
    assert body["properties"]["model"]["enum"] == services.catalog.ids()
    assert "songforge-1" in body["properties"]["mv"]["anyOf"][0]["enum"]
    keys = document["paths"]["/v1/management/api-keys"]["post"]["requestBody"]
    assert keys["content"]["application/json"]["schema"]["$ref"].endswith("/KeyCreateBody")


def test_errors_are_documented_as_the_envelope_never_as_422(client: TestClient) -> None:
    document = _document(client)
    assert "HTTPValidationError" not in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "422" not in operation["responses"], (method, path)
    create = document["paths"]["/v1/music/generations"]["post"]["responses"]
    assert {"400", "401", "402", "403", "404", "409", "413", "429"} <= set(create)
    schema = create["402"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}


def test_real_responses_match_the_documented_models(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    headers = bearer(org.api_key)
    post = client.post
    created = [
        post("/v1/music/generations", json=SONG, headers=headers).json(),
        post("/v1/music/generations", json={**SONG, "prompt": "fake:fail"}, headers=headers).json(),
        post(
            "/v1/music/generations", json={"model": "suno_lyrics", "prompt": "sea"}, headers=headers
        ).json(),
    ]
    cancelled = post("/v1/music/generations", json=SONG, headers=headers).json()
    client.delete(cancelled["poll_url"], headers=headers)
    for body in created:
        TaskObject.model_validate(body)  # pending, as created
    run_pending(services)
    finished = [client.get(t["poll_url"], headers=headers).json() for t in [*created, cancelled]]
    assert [t["status"] for t in finished] == ["completed", "failed", "completed", "failed"]
    for body in finished:
        TaskObject.model_validate(body)
    TaskList.model_validate(client.get("/v1/tasks?limit=2", headers=headers).json())
    for response in (
        post("/v1/music/generations", json={"style_weight": 1}, headers=headers),
        post("/v1/music/generations", json={**SONG, "mv": "v9"}, headers=headers),
        client.get("/v1/tasks/ldtask_" + "0" * 32, headers=headers),
        client.get("/v1/tasks", headers=bearer("sk-wrong")),
    ):
        assert response.status_code >= 400
        ErrorEnvelope.model_validate(response.json())


def _accepts(document: dict[str, Any], name: str, body: Any) -> bool:
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return bool(jsonschema_rs.validator_for(schema, validate_formats=True).is_valid(body))


PUBLIC_URL = "https://93.184.216.34/hook"  # an address literal: no lookup, a public address
KEY_BODIES: list[Any] = [
    {"name": "a"},
    {"name": "  padded  ", "limitAmount": 12.5, "limitCurrency": "USD"},
    {"name": "a", "limitAmount": "0.0001", "models": ["suno_music"], "expiresAt": "2999-01-01"},
    {"name": "a", "limitAmount": 1000000, "models": None, "expiresAt": None},
    {"name": "a", "expiresAt": "2999-01-01T00:00:00.5+05:30"},
    {"name": "x" * 50},
    {"name": "x" * 51},
    {"name": " \u3000 "},
    {"name": None},
    {},
    [],
    {"name": "a", "limitAmount": 1000000.0001},
    {"name": "a", "limitAmount": 0.00001},
    {"name": "a", "limitAmount": "1e2"},
    {"name": "a", "limitAmount": True},
    {"name": "a", "limitCurrency": "CNY"},
    {"name": "a", "limitCurrency": None},
    {"name": "a", "models": ["no_such_model"]},
    {"name": "a", "expiresAt": ""},
    {"name": "a", "expiresAt": "2999-01-01 00:00:00Z"},
    {"name": "a", "expiresAt": "2999-02-29"},
    {"name": "a", "status": "active"},
]
WEBHOOK_BODIES: list[Any] = [
    {"url": PUBLIC_URL},
    {"url": " HTTPS://93.184.216.34/x ", "events": ["task.completed"], "status": "disabled"},
    {"url": PUBLIC_URL, "events": None, "description": None},
    {"url": PUBLIC_URL, "description": "d" * 200},
    {"url": PUBLIC_URL, "description": "d" * 201},
    {"url": PUBLIC_URL, "events": []},
    {"url": PUBLIC_URL, "events": ["task.exploded"]},
    {"url": PUBLIC_URL, "status": None},
    {"url": "ftp://93.184.216.34/x"},
    {"url": "https://"},
    {"url": "   "},
    {"url": None},
    {},
    {"url": PUBLIC_URL, "secret": "mine"},
]


@pytest.mark.parametrize("body", KEY_BODIES)
def test_the_document_and_the_server_agree_on_key_bodies(
    client: TestClient, org: Bootstrapped, body: Any
) -> None:
    document = _document(client)
    headers = bearer(org.management_token)
    created = client.post("/v1/management/api-keys", json=body, headers=headers)
    assert (created.status_code == 201) == _accepts(document, "KeyCreateBody", body), created.text
    key = client.post("/v1/management/api-keys", json={"name": "k"}, headers=headers).json()
    changed = client.patch(f"/v1/management/api-keys/{key['id']}", json=body, headers=headers)
    assert (changed.status_code == 200) == _accepts(document, "KeyUpdateBody", body), changed.text


@pytest.mark.parametrize("body", WEBHOOK_BODIES)
def test_the_document_and_the_server_agree_on_webhook_bodies(
    client: TestClient, org: Bootstrapped, body: Any
) -> None:
    document = _document(client)
    headers = bearer(org.management_token)
    path = "/v1/management/webhooks"
    created = client.post(path, json=body, headers=headers)
    valid = _accepts(document, "WebhookEndpointCreateBody", body)
    assert (created.status_code == 201) == valid, created.text
    endpoint = client.post(path, json={"url": PUBLIC_URL}, headers=headers).json()
    changed = client.patch(f"{path}/{endpoint['id']}", json=body, headers=headers)
    valid = _accepts(document, "WebhookEndpointUpdateBody", body)
    assert (changed.status_code == 200) == valid, changed.text


CALLBACK_BODIES: list[Any] = [
    {"callback_url": PUBLIC_URL},
    {"callback_url": PUBLIC_URL, "callback_events": ["task.processing", "task.completed"]},
    {"callback_url": None, "callback_events": None},
    {"callback_events": ["task.completed"]},
    {"callback_url": PUBLIC_URL, "callback_events": []},
    {"callback_url": "ftp://93.184.216.34/x"},
    {"callback_url": ""},
]


@pytest.mark.parametrize("fields", CALLBACK_BODIES)
def test_the_document_and_the_server_agree_on_callbacks(
    client: TestClient, org: Bootstrapped, fields: dict[str, Any]
) -> None:
    body = {**SONG, **fields}
    created = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    valid = _accepts(_document(client), "GenerationRequestBody", body)
    assert (created.status_code == 200) == valid, created.text
