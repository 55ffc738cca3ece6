"""The OpenAPI document describes what the API really sends and accepts."""

from __future__ import annotations

from typing import Any

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
    assert set(body["properties"]) == accepted
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
