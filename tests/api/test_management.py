"""The management API, field by field, and the key rules it controls."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

from fastapi.testclient import TestClient

from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.wiring import Services
from tests.conftest import bearer, run_pending

SONG = {"model": "suno_music", "prompt": "a song"}


def _new_key(client: TestClient, org: Bootstrapped, **body: Any) -> dict[str, Any]:
    response = client.post(
        "/v1/management/api-keys",
        json={"name": "app", **body},
        headers=bearer(org.management_token),
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_balance(client: TestClient, org: Bootstrapped) -> None:
    body = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert body == {
        "object": "organization_balance",
        "organization_id": org.organisation_id,
        "balance": 10.0,
        "balance_decimal": "10.0000",
        "total_recharge": 10.0,
        "total_recharge_decimal": "10.0000",
        "total_used": 0.0,
        "total_used_decimal": "0.0000",
        "reserved": 0.0,
        "reserved_decimal": "0.0000",
    }


def test_wrong_kind_of_secret_is_401(client: TestClient, org: Bootstrapped) -> None:
    response = client.get("/v1/management/balance", headers=bearer(org.api_key))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_api_key"
    response = client.post("/v1/music/generations", json=SONG, headers=bearer(org.management_token))
    assert response.status_code == 401


def test_create_key_shows_secret_once(client: TestClient, org: Bootstrapped) -> None:
    created = _new_key(
        client,
        org,
        name="  mobile app  ",
        limitAmount=2.5,
        models=["suno_lyrics"],
        expiresAt="2099-01-01T00:00:00Z",
    )
    assert created["key"].startswith("sk-")
    assert created["key_prefix"] == created["key"][:10]
    assert created["name"] == "mobile app"
    assert created["status"] == "active"
    assert created["limit_amount_decimal"] == "2.5000"
    assert created["used_amount_decimal"] == "0.0000"
    assert created["models"] == ["suno_lyrics"]
    assert created["expires_at"] == "2099-01-01T00:00:00Z"
    assert created["last_used_at"] is None
    assert created["created_at"].endswith("Z")
    listed = client.get("/v1/management/api-keys", headers=bearer(org.management_token)).json()
    assert all("key" not in k for k in listed["data"])
    assert {k["id"] for k in listed["data"]} >= {created["id"]}
    # The new key works at once, within its allow-list.
    lyrics = client.post(
        "/v1/music/generations",
        json={"model": "suno_lyrics", "prompt": "x"},
        headers=bearer(created["key"]),
    )
    assert lyrics.status_code == 200
    music = client.post("/v1/music/generations", json=SONG, headers=bearer(created["key"]))
    assert music.status_code == 403
    assert music.json()["error"]["code"] == "model_not_allowed"


def test_create_key_reads_values_as_the_document_describes_them(
    client: TestClient, org: Bootstrapped
) -> None:
    created = _new_key(
        client,
        org,
        name="   " + "n" * 50 + "\n",  # 50 characters once trimmed
        limitAmount="12.34500",  # a decimal string; trailing zeros are not places
        expiresAt="2999-02-28",
    )
    assert created["name"] == "n" * 50
    assert created["limit_amount_decimal"] == "12.3450"
    assert created["expires_at"] == "2999-02-28T00:00:00Z"
    later = _new_key(client, org, expiresAt="2999-12-31t23:59:60z")  # RFC 3339 allows both
    assert later["expires_at"] == "3000-01-01T00:00:00Z"


def test_create_key_validation(client: TestClient, org: Bootstrapped) -> None:
    cases = [
        ({"name": ""}, "name"),
        ({"name": "x" * 51}, "name"),
        ({}, "name"),
        ({"name": "a", "limitAmount": -1}, "limitAmount"),
        ({"name": "a", "limitAmount": "lots"}, "limitAmount"),
        ({"name": "a", "limitAmount": 0.00001}, "limitAmount"),  # would round to "spend nothing"
        ({"name": "nul\u0000name"}, "name"),
        ({"name": "a", "models": ["suno_music", "\u0000"]}, "models"),
        ({"name": "a", "models": ["no_such_model"]}, "models"),
        ({"name": "a", "models": "suno_music"}, "models"),
        ({"name": "a", "expiresAt": "2001-01-01"}, "expiresAt"),
        ({"name": "a", "expiresAt": "tomorrow"}, "expiresAt"),
        ({"name": "a", "expiresAt": ""}, "expiresAt"),
        ({"name": "a", "expiresAt": "2099-01-01 00:00:00"}, "expiresAt"),  # not RFC 3339
        # After 9999-12-31T23:59:59Z, which expires_at could not be written as (was a 500).
        ({"name": "a", "expiresAt": "9999-12-31T23:59:59-23:59"}, "expiresAt"),
        ({"name": "a", "limitAmount": "1e2"}, "limitAmount"),
        ({"name": "a", "limitAmount": " 5"}, "limitAmount"),
        ({"name": " \t "}, "name"),
    ]
    for body, param in cases:
        response = client.post(
            "/v1/management/api-keys", json=body, headers=bearer(org.management_token)
        )
        assert response.status_code == 400, body
        assert response.json()["error"]["param"] == param, body
    response = client.post(
        "/v1/management/api-keys",
        json={"name": "a", "scopes": ["all"]},
        headers=bearer(org.management_token),
    )
    assert response.json()["error"]["code"] == "unsupported_parameter"
    assert response.json()["error"]["param"] == "scopes"


def test_limit_currency_usd_only(client: TestClient, org: Bootstrapped) -> None:
    created = _new_key(client, org, limitAmount=3, limitCurrency="USD")
    assert created["limit_amount_decimal"] == "3.0000"
    path = f"/v1/management/api-keys/{created['id']}"
    unchanged = client.patch(
        path, json={"limitCurrency": "USD"}, headers=bearer(org.management_token)
    )
    assert unchanged.status_code == 200
    assert unchanged.json()["limit_amount_decimal"] == "3.0000"
    cny = {"name": "cny", "limitAmount": 20, "limitCurrency": "CNY"}
    for method, url in (("POST", "/v1/management/api-keys"), ("PATCH", path)):
        response = client.request(method, url, json=cny, headers=bearer(org.management_token))
        assert response.status_code == 400
        error = response.json()["error"]
        assert (error["code"], error["param"]) == ("currency_retired", "limitCurrency")
    keys = client.get("/v1/management/api-keys", headers=bearer(org.management_token)).json()
    assert [k["name"] for k in keys["data"]].count("cny") == 0
    [mine] = [k for k in keys["data"] if k["id"] == created["id"]]
    assert (mine["name"], mine["limit_amount_decimal"]) == ("app", "3.0000")


def test_list_keys_pagination(client: TestClient, org: Bootstrapped) -> None:
    for i in range(4):
        _new_key(client, org, name=f"k{i}")
    page = client.get(
        "/v1/management/api-keys?page=2&limit=2", headers=bearer(org.management_token)
    ).json()
    assert page["object"] == "list"
    assert page["pagination"] == {"page": 2, "limit": 2, "total": 5, "totalPages": 3}
    assert len(page["data"]) == 2
    for page_value in ("0", "792828214005780000228044177408"):
        bad = client.get(
            f"/v1/management/api-keys?page={page_value}", headers=bearer(org.management_token)
        )
        assert bad.status_code == 400
        assert bad.json()["error"]["param"] == "page"


def test_update_key_fields_and_status_rules(client: TestClient, org: Bootstrapped) -> None:
    key = _new_key(client, org)
    path = f"/v1/management/api-keys/{key['id']}"
    headers = bearer(org.management_token)
    changed = client.patch(
        path,
        json={"name": "renamed", "limitAmount": None, "models": ["suno_music"]},
        headers=headers,
    ).json()
    assert changed["name"] == "renamed"
    assert changed["limit_amount"] is None
    assert changed["models"] == ["suno_music"]
    empty = client.patch(path, json={}, headers=headers)
    assert empty.status_code == 400
    assert client.patch(path, json={"status": "inactive"}, headers=headers).status_code == 200
    refused = client.get("/v1/tasks", headers=bearer(key["key"]))
    assert refused.status_code == 401
    assert refused.json()["error"]["message"] == "Invalid API key: this key is inactive."
    assert client.patch(path, json={"status": "active"}, headers=headers).status_code == 200
    assert client.get("/v1/tasks", headers=bearer(key["key"])).status_code == 200
    assert client.patch(path, json={"status": "revoked"}, headers=headers).status_code == 200
    assert client.get("/v1/tasks", headers=bearer(key["key"])).status_code == 401
    final = client.patch(path, json={"status": "active"}, headers=headers)
    assert final.status_code == 400
    assert final.json()["error"]["message"] == "A revoked key is final and cannot be changed."
    assert client.patch(path, json={"status": "paused"}, headers=headers).status_code == 400


def test_expiry_and_limits_take_effect(client: TestClient, org: Bootstrapped) -> None:
    soon = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 2))
    key = _new_key(client, org, expiresAt=soon)
    assert client.get("/v1/tasks", headers=bearer(key["key"])).status_code == 200
    time.sleep(2.2)
    expired = client.get("/v1/tasks", headers=bearer(key["key"]))
    assert expired.status_code == 401
    assert expired.json()["error"]["code"] == "expired_api_key"
    capped = _new_key(client, org, limitAmount=0.15)
    assert (
        client.post("/v1/music/generations", json=SONG, headers=bearer(capped["key"])).status_code
        == 200
    )
    over = client.post("/v1/music/generations", json=SONG, headers=bearer(capped["key"]))
    assert over.status_code == 402
    assert over.json()["error"]["code"] == "quota_exceeded"


def test_other_organisations_key_is_404(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    other = create_funded_organisation(services.uow_factory, services.clock, "o", Decimal(1))
    key = _new_key(client, org)
    for method, suffix in (("PATCH", ""), ("GET", "/usage"), ("GET", "/billing")):
        response = client.request(
            method,
            f"/v1/management/api-keys/{key['id']}{suffix}",
            json={"name": "x"} if method == "PATCH" else None,
            headers=bearer(other.management_token),
        )
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "api_key_not_found"


def test_usage_and_billing_reconcile(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    key = _new_key(client, org)
    headers = bearer(key["key"])
    before = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    made = [
        client.post("/v1/music/generations", json=SONG, headers=headers).json(),
        client.post("/v1/music/generations", json=SONG, headers=headers).json(),
        client.post(
            "/v1/music/generations", json={"model": "suno_lyrics", "prompt": "sea"}, headers=headers
        ).json(),
        client.post(
            "/v1/music/generations", json={**SONG, "prompt": "fake:fail"}, headers=headers
        ).json(),
    ]
    cancelled = client.post("/v1/music/generations", json=SONG, headers=headers).json()
    client.delete(f"/v1/tasks/{cancelled['id']}", headers=headers)
    run_pending(services)
    tasks = [client.get(t["poll_url"], headers=headers).json() for t in [*made, cancelled]]
    statuses = sorted(t["status"] for t in tasks)
    assert statuses == ["completed", "completed", "completed", "failed", "failed"]
    task_cost = sum(Decimal(t["cost"]) for t in tasks)
    assert task_cost == Decimal("0.2100")

    usage = client.get(
        f"/v1/management/api-keys/{key['id']}/usage?limit=2",
        headers=bearer(org.management_token),
    ).json()
    assert usage["pagination"] == {"page": 1, "limit": 2, "total": 5, "totalPages": 3}
    assert Decimal(usage["summary"]["total_cost_decimal"]) == task_cost
    assert usage["summary"]["total_requests"] == 5
    assert usage["api_key"]["id"] == key["id"]
    assert usage["api_key"]["name"] == key["name"]
    assert "key" not in usage["api_key"]
    record = usage["items"][0]
    assert record["scene"] == "music"
    assert record["usage_unit"] == "request"
    assert (record["usage_quantity"], record["usage_quantity_decimal"]) == (1, "1")
    assert record["model_vendor"] == "songforge"
    assert record["prompt_tokens"] == record["cache_write_tokens_1h"] == 0
    # Every settled task is found by its billing transaction, with the task's own cost.
    everything = client.get(
        f"/v1/management/api-keys/{key['id']}/usage", headers=bearer(org.management_token)
    ).json()
    by_transaction = {r["billing_transaction_id"]: r for r in everything["items"]}
    for task in tasks:
        if task["status"] == "completed":
            assert by_transaction[task["billing_transaction_id"]]["cost_decimal"] == task["cost"]
            assert by_transaction[task["billing_transaction_id"]]["task_id"] == task["id"]
    breakdowns = usage["breakdowns"]
    by_model = {row["model"]: row["cost_decimal"] for row in breakdowns["by_model"]}
    assert by_model == {"suno_lyrics": "0.0100", "suno_music": "0.2000"}
    music = next(row for row in breakdowns["by_model"] if row["model"] == "suno_music")
    assert music == {
        "model": "suno_music",
        "logical_model": "suno_music",
        "model_vendor": "songforge",
        "requests": 4,
        "cost": 0.2,
        "cost_decimal": "0.2000",
        "usage_quantity": 4,
        "usage_quantity_decimal": "4",
    }
    assert [r["model"] for r in breakdowns["by_logical_model"]] == ["suno_lyrics", "suno_music"]
    assert breakdowns["by_model_vendor"] == [
        {"model_vendor": "songforge", "requests": 5, "cost": 0.21, "cost_decimal": "0.2100"}
    ]
    assert breakdowns["by_scene"] == [
        {"scene": "music", "requests": 5, "cost": 0.21, "cost_decimal": "0.2100"}
    ]
    assert usage["summary"]["usage_unit_breakdown"] == [
        {"usage_unit": "request", "usage_quantity": 5, "usage_quantity_decimal": "5"}
    ]
    [day] = breakdowns["daily_cost"]
    assert day["cost_decimal"] == "0.2100"
    assert day["date"].endswith("T00:00:00Z")
    today = day["date"][:10]

    after = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert Decimal(before["balance_decimal"]) - Decimal(after["balance_decimal"]) == task_cost
    assert after["reserved_decimal"] == "0.0000"

    only_lyrics = client.get(
        f"/v1/management/api-keys/{key['id']}/usage?model=suno_lyrics&startDate={today}"
        f"&endDate={today}",
        headers=bearer(org.management_token),
    ).json()
    assert only_lyrics["summary"]["total_requests"] == 1
    none_yet = client.get(
        f"/v1/management/api-keys/{key['id']}/usage?endDate=2000-01-01",
        headers=bearer(org.management_token),
    ).json()
    assert none_yet["summary"]["total_requests"] == 0
    for query, param in (
        ("startDate=yesterday", "startDate"),
        ("startDate=", "startDate"),  # empty is not absent
        ("endDate=2026-03-28T00:00", "endDate"),
        (f"startDate={today}&endDate=2000-01-01", "startDate"),
    ):
        bad = client.get(
            f"/v1/management/api-keys/{key['id']}/usage?{query}",
            headers=bearer(org.management_token),
        )
        assert bad.status_code == 400, query
        assert bad.json()["error"]["param"] == param, query
    billing = client.get(
        f"/v1/management/api-keys/{key['id']}/billing?scene=music",
        headers=bearer(org.management_token),
    ).json()
    assert billing["object"] == "api_key_billing"
    assert billing["summary"]["total_cost_decimal"] == "0.2100"
    assert billing["api_key"]["id"] == key["id"]
    assert "items" not in billing
    by_vendor = client.get(
        f"/v1/management/api-keys/{key['id']}/billing?modelVendor=someone-else",
        headers=bearer(org.management_token),
    ).json()
    assert by_vendor["summary"]["total_requests"] == 0
    for query, param in (
        ("scene=podcast", "scene"),
        (f"model={'m' * 101}", "model"),
        (f"modelVendor={'v' * 101}", "modelVendor"),
    ):
        for route in ("usage", "billing"):
            refused = client.get(
                f"/v1/management/api-keys/{key['id']}/{route}?{query}",
                headers=bearer(org.management_token),
            )
            assert refused.status_code == 400, (route, query)
            assert refused.json()["error"]["param"] == param
    listed = client.get("/v1/management/api-keys", headers=bearer(org.management_token)).json()
    [row] = [k for k in listed["data"] if k["id"] == key["id"]]
    assert row["used_amount_decimal"] == "0.2100"
    assert row["last_used_at"] is not None
