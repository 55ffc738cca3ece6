"""Webhook and callback URLs are refused at registration and at send when they lead to
loopback, private, link-local, multicast, reserved, CGNAT or metadata addresses."""

from __future__ import annotations

import ipaddress

import pytest
from fastapi.testclient import TestClient

from songforge.outbound import RangeKind, StaticResolver
from songforge.services.bootstrap import Bootstrapped
from songforge.services.deliver_webhooks import deliver_next
from songforge.settings import Settings
from songforge.wiring import Services
from tests.conftest import bearer, run_pending
from tests.http_receiver import run_receiver
from tests.unit.test_outbound_guard import SAMPLES

SONG = {"model": "suno_music", "prompt": "a song about rivers"}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"rate_limit_create_per_minute": 1000})


def literal_url(address: str) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"https://{host}/hook"


def test_callback_into_each_range_is_refused_at_create(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    for address, kind in SAMPLES:
        services.resolver = StaticResolver({"hooks.example.com": address})
        for url in (literal_url(address), "https://hooks.example.com/hook"):
            _assert_refused(client, org, url, address, kind)
    assert client.get("/v1/tasks", headers=bearer(org.api_key)).json()["data"] == []


def _assert_refused(
    client: TestClient, org: Bootstrapped, url: str, address: str, kind: RangeKind
) -> None:
    response = client.post(
        "/v1/music/generations", json={**SONG, "callback_url": url}, headers=bearer(org.api_key)
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["param"] == "callback_url"
    assert kind.value in error["message"]
    assert str(ipaddress.ip_address(address)) in error["message"]


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/hook",  # plain http is not allowed here
        "https://169.254.169.254/latest/meta-data/",
        "https://[::ffff:10.0.0.1]/x",
        "https://meta.example.com/x",
    ],
)
def test_endpoint_urls_are_refused_at_registration(
    client: TestClient, org: Bootstrapped, services: Services, url: str
) -> None:
    services.resolver = StaticResolver(
        {"hooks.example.com": "93.184.215.14", "meta.example.com": "fd00:ec2::254"}
    )
    response = client.post(
        "/v1/management/webhooks", json={"url": url}, headers=bearer(org.management_token)
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == "url"
    listed = client.get("/v1/management/webhooks", headers=bearer(org.management_token))
    assert listed.json()["data"] == []


def test_a_name_that_rebinds_to_loopback_is_refused_at_send(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    with run_receiver() as receiver:
        # Public when the callback is registered; the receiver's loopback ever after.
        services.resolver = StaticResolver({"hooks.example.com": ["93.184.215.14", "127.0.0.1"]})
        url = f"https://hooks.example.com:{receiver.port}/hook"
        created = client.post(
            "/v1/music/generations", json={**SONG, "callback_url": url}, headers=bearer(org.api_key)
        )
        assert created.status_code == 200, created.text
        run_pending(services)
        ctx = services.delivery_context()
        assert deliver_next(ctx, "s")
        assert not deliver_next(ctx, "s")  # refused for good, not retried
        ctx.client.close()
        assert receiver.requests == []
    listed = client.get(
        "/v1/management/webhooks/callbacks/deliveries", headers=bearer(org.management_token)
    ).json()["data"]
    [delivery] = listed
    assert delivery["status"] == "failed"
    assert "loopback" in delivery["last_error"]
    assert delivery["attempt_history"][0]["status_code"] is None


def test_endpoints_rebinding_into_each_range_are_refused_at_send(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    # Each endpoint's name is public when registered and special-purpose ever after.
    services.resolver = StaticResolver(
        {f"h{i}.example.com": ["93.184.215.14", address] for i, (address, _k) in enumerate(SAMPLES)}
    )
    mt = bearer(org.management_token)
    endpoints = []
    for i in range(len(SAMPLES)):
        created = client.post(
            "/v1/management/webhooks", json={"url": f"https://h{i}.example.com/in"}, headers=mt
        )
        assert created.status_code == 201, created.text
        endpoints.append(created.json()["id"])
    client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    run_pending(services)
    ctx = services.delivery_context()
    while deliver_next(ctx, "s"):
        pass
    ctx.client.close()
    for endpoint_id, (address, kind) in zip(endpoints, SAMPLES, strict=True):
        [delivery] = client.get(
            f"/v1/management/webhooks/{endpoint_id}/deliveries", headers=mt
        ).json()["data"]
        assert delivery["status"] == "failed"
        assert delivery["attempts"] == 1
        assert kind.value in delivery["last_error"]
        assert str(ipaddress.ip_address(address)) in delivery["last_error"]
