"""Every TokenLab operation songforge implements, driven through the app and checked against
TokenLab's own OpenAPI: each response body must validate against the schema the vendor
documents for that operation and status (its `ApiError` for errors it does not list).

Deliberate deviations are listed in docs/api.md ("Differences from TokenLab's OpenAPI").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Protocol

import pytest
from fastapi.testclient import TestClient

from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.wiring import Services
from tests.api.test_uploaded_audio import wav_bytes
from tests.conformance.vendor_schema import VendorSchema, vendor_schema
from tests.conftest import bearer, run_pending

# The operations of TokenLab's OpenAPI that songforge serves (checked against its routes below).
IMPLEMENTED = {
    "createMusic",
    "getMusicTask",
    "getAsyncTask",
    "cancelAsyncTask",
    "listModels",
    "getModel",
    "getModelPricing",
    "getPricing",
    "getManagementBalance",
    "listManagementApiKeys",
    "createManagementApiKey",
    "updateManagementApiKey",
    "getManagementApiKeyUsage",
    "getManagementApiKeyBilling",
    "uploadFile",
    "retrieveFileContent",
}
# TokenLab documents these two without a body schema; their body is the async task that
# getAsyncTask documents (the same task, as the vendor's guide says).
TASK_SCHEMA_FOR = {"createMusic", "getMusicTask"}

SONG = {
    "model": "suno_music",
    "prompt": "An upbeat synth-pop song about city lights at night",
    "title": "City Lights",
    "tags": "synth-pop, upbeat",
    "mv": "chirp-v4",
}


class Reply(Protocol):
    """A response from the test client or from a live server."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    def json(self) -> Any: ...


# songforge's own /openapi.json of the app under test, read once per test.
_OWN: list[VendorSchema] = []


@pytest.fixture(autouse=True)
def own_document(client: TestClient) -> None:
    _OWN[:] = [VendorSchema(client.get("/openapi.json").json())]


def _own_errors(operation_id: str, status: int, body: Any) -> list[str]:
    """The body checked against our own document too, where it describes this response."""
    vendor = vendor_schema().operations[operation_id]
    own = _OWN[0]
    [ours] = [
        op
        for op in own.operations.values()
        if (op.method, op.path_pattern) == (vendor.method, vendor.path_pattern)
    ]
    pointer = own.response_pointer(ours.operation_id, status)
    if pointer is None:
        assert status >= 400, f"our document has no {status} body for {ours.path}"
        return []
    return own.errors(pointer, body)


def check(operation_id: str, response: Reply, status: int) -> Any:
    """Asserts the status, then validates the body against the vendor's schema for it and
    against songforge's own OpenAPI document."""
    assert operation_id in IMPLEMENTED
    assert response.status_code == status, response.text
    if (operation_id, status) == ("retrieveFileContent", 200):
        return None  # the audio itself (the vendor's text/plain is for its JSONL batch files)
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    schema = vendor_schema()
    pointer = schema.response_pointer(operation_id, status)
    if pointer is None:
        if status >= 400:
            pointer = "/components/schemas/ApiError"
        else:
            assert operation_id in TASK_SCHEMA_FOR, f"{operation_id} {status}: no vendor schema"
            pointer = "/components/schemas/VideoTaskResponse"
    errors = schema.errors(pointer, body)
    assert not errors, f"{operation_id} {status} breaks {pointer}:\n" + "\n".join(errors)
    errors = _own_errors(operation_id, status, body)
    assert not errors, f"{operation_id} {status} breaks our document:\n" + "\n".join(errors)
    if status >= 400:
        assert body["error"]["code"]
        assert body["error"].get("param", "") is not None
    return body


def test_every_matching_route_is_an_implemented_operation(client: TestClient) -> None:
    served = {
        (method.lower(), re.sub(r"\{[^}]+\}", "{}", path))
        for path, item in client.get("/openapi.json").json()["paths"].items()
        for method in item
    }
    matching = {
        op.operation_id
        for op in vendor_schema().operations.values()
        if (op.method, op.path_pattern) in served
    }
    assert matching == IMPLEMENTED


def test_create_music_requests_are_the_vendors(client: TestClient, org: Bootstrapped) -> None:
    """The bodies this suite sends are valid createMusic requests by the vendor's schema."""
    pointer = vendor_schema().request_pointer("createMusic")
    for body in (SONG, {**SONG, "action": "LYRICS", "mv": None}, {"prompt": "rain"}):
        sent = {k: v for k, v in body.items() if v is not None}
        assert not vendor_schema().errors(pointer, sent)


@pytest.fixture
def key(client: TestClient, org: Bootstrapped) -> dict[str, Any]:
    created = check(
        "createManagementApiKey",
        client.post(
            "/v1/management/api-keys",
            json={"name": "conformance", "limitAmount": 2, "limitCurrency": "USD"},
            headers=bearer(org.management_token),
        ),
        201,
    )
    return dict(created)


@pytest.fixture
def tasks(client: TestClient, services: Services, key: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """One task in every state a client meets: completed music and lyrics, failed,
    cancelled, and still pending."""
    headers = bearer(key["key"])

    def create(body: dict[str, Any]) -> dict[str, Any]:
        return dict(
            check(
                "createMusic", client.post("/v1/music/generations", json=body, headers=headers), 200
            )
        )

    made = {
        "music": create(SONG),
        "lyrics": create({"model": "suno_lyrics", "prompt": "the sea at dawn"}),
        "instrumental": create(
            {"model": "songforge_instrumental", "prompt": "calm piano", "make_instrumental": True}
        ),
        "failed": create({**SONG, "prompt": "fake:fail"}),
        "cancelled": create(SONG),
    }
    check(
        "cancelAsyncTask",
        client.delete(f"/v1/tasks/{made['cancelled']['id']}", headers=headers),
        200,
    )
    run_pending(services)
    made["pending"] = create({**SONG, "title": "Still Waiting"})
    return made


def test_create_music_errors(
    client: TestClient, org: Bootstrapped, services: Services, key: dict[str, Any]
) -> None:
    headers = bearer(key["key"])
    post = client.post
    error = check("createMusic", post("/v1/music/generations", json=SONG), 401)
    assert error["error"]["type"] == "invalid_api_key"
    bad = {**SONG, "style_weight": 1, "persona_id": "x"}
    error = check("createMusic", post("/v1/music/generations", json=bad, headers=headers), 400)
    assert error["error"]["unsupported_parameters"] == ["style_weight", "persona_id"]
    check(
        "createMusic",
        post("/v1/music/generations", json={**SONG, "mv": "v9"}, headers=headers),
        400,
    )
    # A model whose backends cannot take a caller's audio does not accept the fields for it.
    cover = {
        "model": "songforge_instrumental",
        "prompt": "calm piano",
        "audio_url": "https://example.com/take.mp3",
        "audio_operation": "upload-cover",
    }
    error = check("createMusic", post("/v1/music/generations", json=cover, headers=headers), 400)
    assert error["error"]["code"] == "unsupported_parameter"
    assert error["error"]["unsupported_parameters"] == ["audio_url", "audio_operation"]
    check("createMusic", post("/v1/music/generations", content=b"[1]", headers=headers), 400)
    error = check(
        "createMusic",
        post("/v1/music/generations", json={**SONG, "model": "suno_musik"}, headers=headers),
        404,
    )
    assert error["error"]["did_you_mean"] == "suno_music"
    poor = create_funded_organisation(services.uow_factory, services.clock, "p", Decimal("0.01"))
    error = check(
        "createMusic", post("/v1/music/generations", json=SONG, headers=bearer(poor.api_key)), 402
    )
    assert (error["error"]["balance_usd"], error["error"]["estimated_cost_usd"]) == (0.01, 0.1)
    limited = check(
        "createManagementApiKey",
        post(
            "/v1/management/api-keys",
            json={"name": "lyrics only", "models": ["suno_lyrics"], "limitAmount": 0},
            headers=bearer(org.management_token),
        ),
        201,
    )
    check(
        "createMusic", post("/v1/music/generations", json=SONG, headers=bearer(limited["key"])), 403
    )
    lyrics = {"model": "suno_lyrics", "prompt": "x"}
    check(
        "createMusic",
        post("/v1/music/generations", json=lyrics, headers=bearer(limited["key"])),
        402,
    )
    replay = {**headers, "Idempotency-Key": "conformance-1"}
    check("createMusic", post("/v1/music/generations", json=SONG, headers=replay), 200)
    check(
        "createMusic",
        post("/v1/music/generations", json={**SONG, "title": "B"}, headers=replay),
        409,
    )
    huge = {**SONG, "lyrics": "la " * 30_000}
    check("createMusic", post("/v1/music/generations", json=huge, headers=headers), 413)


def test_task_reads_in_every_state(
    client: TestClient, org: Bootstrapped, key: dict[str, Any], tasks: dict[str, dict[str, Any]]
) -> None:
    headers = bearer(key["key"])
    for name, task in tasks.items():
        canonical = check("getAsyncTask", client.get(task["poll_url"], headers=headers), 200)
        compat = check(
            "getMusicTask", client.get(f"/v1/music/generations/{task['id']}", headers=headers), 200
        )
        assert {k: v for k, v in compat.items() if k != "updated"} == {
            k: v for k, v in canonical.items() if k != "updated"
        }
        expected = {"failed": "failed", "cancelled": "failed", "pending": "pending"}
        assert canonical["status"] == expected.get(name, "completed"), name
    done = client.get(tasks["music"]["poll_url"], headers=headers).json()
    assert done["audio_url"].startswith("http")
    assert done["billing_transaction_id"].startswith("btx_")
    cancelled = client.get(tasks["cancelled"]["poll_url"], headers=headers).json()
    assert (cancelled["cancelled"], cancelled["cancellation_status"]) == (True, "cancelled")
    missing = "ldtask_" + "0" * 32
    check("getAsyncTask", client.get(f"/v1/tasks/{missing}", headers=headers), 404)
    check("getMusicTask", client.get(f"/v1/music/generations/{missing}", headers=headers), 404)
    check("getAsyncTask", client.get(tasks["music"]["poll_url"]), 401)
    # Same organisation, another key: the vendor's 403.
    check("getAsyncTask", client.get(tasks["music"]["poll_url"], headers=bearer(org.api_key)), 403)


def test_cancel_errors(
    client: TestClient, org: Bootstrapped, key: dict[str, Any], tasks: dict[str, dict[str, Any]]
) -> None:
    headers = bearer(key["key"])
    check("cancelAsyncTask", client.delete(tasks["music"]["poll_url"], headers=headers), 409)
    check("cancelAsyncTask", client.delete(f"/v1/tasks/ldtask_{'0' * 32}", headers=headers), 404)
    check("cancelAsyncTask", client.delete(tasks["pending"]["poll_url"]), 401)
    check(
        "cancelAsyncTask",
        client.delete(tasks["pending"]["poll_url"], headers=bearer(org.api_key)),
        403,
    )
    check("cancelAsyncTask", client.delete(tasks["pending"]["poll_url"], headers=headers), 200)


def test_catalogue(client: TestClient) -> None:
    full = check("listModels", client.get("/v1/models"), 200)
    ids = [m["id"] for m in full["data"]]
    assert {"suno_music", "suno_lyrics", "songforge_instrumental"} <= set(ids)
    compact = check("listModels", client.get("/v1/models?view=compact"), 200)
    assert compact["view"] == "compact"
    assert [m["id"] for m in compact["data"]] == ids
    for query in (
        "view=full",
        "view=compact&recommended_for=music",
        "recommended_for=music",
        "provider=songforge",
        "tag=vocals",
        "category=music",
        "category=chat",
    ):
        check("listModels", client.get(f"/v1/models?{query}"), 200)
    for query in ("category=songs", "recommended_for=karaoke", "view=wide"):
        check("listModels", client.get(f"/v1/models?{query}"), 400)
    for model_id in ids:
        detail = check("getModel", client.get(f"/v1/models/{model_id}"), 200)
        assert detail["tokenlab"]["request_format_details"]["request_endpoint"] == (
            "/v1/music/generations"
        )
        check("getModelPricing", client.get(f"/v1/models/{model_id}/pricing"), 200)
    check("getModel", client.get("/v1/models/no_such_model"), 404)
    check("getModelPricing", client.get("/v1/models/no_such_model/pricing"), 404)
    pricing = check("getPricing", client.get("/v1/pricing"), 200)
    assert [e["model"] for e in pricing["data"]] == ids
    check("getPricing", client.get("/v1/pricing?provider=songforge&tag=lyrics"), 200)


def test_management(
    client: TestClient, org: Bootstrapped, key: dict[str, Any], tasks: dict[str, dict[str, Any]]
) -> None:
    admin = bearer(org.management_token)
    check("getManagementBalance", client.get("/v1/management/balance", headers=admin), 200)
    check("getManagementBalance", client.get("/v1/management/balance"), 401)
    check("listManagementApiKeys", client.get("/v1/management/api-keys", headers=admin), 200)
    check(
        "listManagementApiKeys",
        client.get("/v1/management/api-keys", headers=bearer(key["key"])),
        401,
    )
    refused: list[dict[str, Any]] = [
        {"name": ""},
        {"name": "x", "limitCurrency": "CNY"},
        {"name": "x", "scopes": 1},
    ]
    for body in refused:
        check(
            "createManagementApiKey",
            client.post("/v1/management/api-keys", json=body, headers=admin),
            400,
        )
    check("createManagementApiKey", client.post("/v1/management/api-keys", json={"name": "x"}), 401)
    path = f"/v1/management/api-keys/{key['id']}"
    changes: list[dict[str, Any]] = [
        {"name": "renamed"},
        {"limitAmount": None},
        {"status": "inactive"},
    ]
    for body in changes:
        check("updateManagementApiKey", client.patch(path, json=body, headers=admin), 200)
    check("updateManagementApiKey", client.patch(path, json={}, headers=admin), 400)
    check(
        "updateManagementApiKey",
        client.patch(path, json={"limitCurrency": "CNY"}, headers=admin),
        400,
    )
    unknown = "/v1/management/api-keys/key_unknown"
    check("updateManagementApiKey", client.patch(unknown, json={"name": "x"}, headers=admin), 404)

    usage = check("getManagementApiKeyUsage", client.get(f"{path}/usage", headers=admin), 200)
    assert usage["pagination"]["total"] == len(usage["items"]) == 5  # every ended task
    settled = {r["billing_transaction_id"] for r in usage["items"]} - {None}
    assert len(settled) == 3
    for query in ("scene=music&limit=1&page=2", "model=suno_lyrics", "startDate=2020-01-01"):
        check("getManagementApiKeyUsage", client.get(f"{path}/usage?{query}", headers=admin), 200)
    for query in ("scene=podcast", f"model={'m' * 101}", "limit=0", "startDate=soon"):
        check("getManagementApiKeyUsage", client.get(f"{path}/usage?{query}", headers=admin), 400)
    check("getManagementApiKeyUsage", client.get(f"{unknown}/usage", headers=admin), 404)
    check("getManagementApiKeyUsage", client.get(f"{path}/usage"), 401)

    billing = check("getManagementApiKeyBilling", client.get(f"{path}/billing", headers=admin), 200)
    assert billing["summary"] == usage["summary"]
    assert billing["breakdowns"] == usage["breakdowns"]
    check(
        "getManagementApiKeyBilling",
        client.get(f"{path}/billing?scene=video", headers=admin),
        200,
    )
    check("getManagementApiKeyBilling", client.get(f"{path}/billing?scene=x", headers=admin), 400)
    check("getManagementApiKeyBilling", client.get(f"{unknown}/billing", headers=admin), 404)


def test_files(client: TestClient, org: Bootstrapped, services: Services) -> None:
    headers = bearer(org.api_key)
    audio = wav_bytes(1.0)
    uploaded = check(
        "uploadFile",
        client.post("/v1/files", files={"file": ("take.wav", audio, "audio/wav")}, headers=headers),
        200,
    )
    assert uploaded["id"].startswith("file_")
    not_audio = {"file": ("take.wav", b"not audio", "audio/wav")}
    check("uploadFile", client.post("/v1/files", files=not_audio, headers=headers), 400)
    check("uploadFile", client.post("/v1/files", files=not_audio), 401)
    # Uploads are read back only through the signed URLs songforge hands to its backends.
    content = f"/v1/files/{uploaded['id']}/content"
    check("retrieveFileContent", client.get(content, headers=headers), 403)
    signed = services.file_urls.upload_url(uploaded["id"], int(services.clock.now()) + 60)
    check("retrieveFileContent", client.get(signed.removeprefix("http://testserver")), 200)
    assert client.get(signed.removeprefix("http://testserver")).content == audio
