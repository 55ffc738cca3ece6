"""Webhooks end to end: a real receiver on 127.0.0.1, signatures checked by the
standardwebhooks library, the retry policy, manual retries, endpoints and their secrets."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from songforge.runtime.clock import FakeClock
from songforge.services.bootstrap import Bootstrapped
from songforge.services.deliver_webhooks import DeliveryContext, deliver_next
from songforge.settings import Settings
from songforge.wiring import Services
from tests.conftest import bearer, free_port, run_pending
from tests.http_receiver import Receiver, run_receiver

ALL_EVENTS = ["task.processing", "task.lyrics_ready", "task.completed", "task.failed"]
SONG = {"model": "suno_music", "prompt": "a song about rivers", "title": "Rivers"}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"webhook_allow_private": True, "webhook_allow_http": True})


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with run_receiver() as running:
        yield running


@pytest.fixture
def delivery(services: Services) -> Iterator[DeliveryContext]:
    ctx = services.delivery_context()
    yield ctx
    ctx.client.close()


def deliver_all(ctx: DeliveryContext, owner: str = "test-sender") -> int:
    sent = 0
    while deliver_next(ctx, owner):
        sent += 1
    return sent


def callback_secret(client: TestClient, org: Bootstrapped) -> str:
    response = client.get(
        "/v1/management/webhooks/callback-secret", headers=bearer(org.management_token)
    )
    assert response.status_code == 200, response.text
    secret = response.json()["secret"]
    assert secret.startswith("whsec_")
    return str(secret)


def create(client: TestClient, org: Bootstrapped, **fields: Any) -> dict[str, Any]:
    response = client.post(
        "/v1/music/generations", json={**SONG, **fields}, headers=bearer(org.api_key)
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_callback_gets_each_event_signed_and_the_task_as_polled(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    receiver: Receiver,
    delivery: DeliveryContext,
) -> None:
    task = create(client, org, callback_url=receiver.url(), callback_events=ALL_EVENTS)
    assert "callback_url" not in task
    assert "callback_events" not in task
    assert run_pending(services) == 1
    assert deliver_all(delivery) == 3

    secret = callback_secret(client, org)
    types = []
    for got in receiver.requests:
        payload = Webhook(secret).verify(got.body, got.headers)
        assert got.headers["content-type"] == "application/json"
        assert payload["data"]["id"] == task["id"]
        types.append(payload["type"])
    assert types == ["task.processing", "task.lyrics_ready", "task.completed"]
    assert len({got.headers["webhook-id"] for got in receiver.requests}) == 3

    polled = client.get(f"/v1/tasks/{task['id']}", headers=bearer(org.api_key)).json()
    final = json.loads(receiver.requests[-1].body)
    assert final["data"] == polled
    assert final["data"]["status"] == "completed"
    assert final["data"]["audio_url"]
    assert json.loads(receiver.requests[0].body)["data"]["status"] == "processing"

    # A wrong secret or a changed body fails verification with the library too.
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 32).verify(
            receiver.requests[-1].body, receiver.requests[-1].headers
        )
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(receiver.requests[-1].body + b" ", receiver.requests[-1].headers)
    again = client.get(
        "/v1/management/webhooks/callback-secret", headers=bearer(org.management_token)
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "webhook_secret_revealed"


def test_default_callback_events_are_terminal_only(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    receiver: Receiver,
    delivery: DeliveryContext,
) -> None:
    done = create(client, org, callback_url=receiver.url("/done"))
    failed = create(client, org, prompt="fake:fail", callback_url=receiver.url("/failed"))
    cancelled = create(client, org, callback_url=receiver.url("/cancelled"))
    assert (
        client.delete(f"/v1/tasks/{cancelled['id']}", headers=bearer(org.api_key)).status_code
        == 200
    )
    while run_pending(services):
        pass
    deliver_all(delivery)
    seen = {(got.path, json.loads(got.body)["type"]) for got in receiver.requests}
    assert seen == {
        ("/done", "task.completed"),
        ("/failed", "task.failed"),
        ("/cancelled", "task.cancelled"),
    }
    bodies = {got.path: json.loads(got.body)["data"] for got in receiver.requests}
    assert bodies["/done"]["id"] == done["id"]
    assert bodies["/failed"]["id"] == failed["id"]
    assert bodies["/failed"]["status"] == "failed"
    assert bodies["/cancelled"]["cancelled"] is True


def _deliveries(client: TestClient, org: Bootstrapped, target: str = "callbacks") -> list[Any]:
    response = client.get(
        f"/v1/management/webhooks/{target}/deliveries", headers=bearer(org.management_token)
    )
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def test_receiver_down_then_up_gets_the_event_with_the_same_id(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    clock = FakeClock(start=time.time())
    services.clock = clock
    ctx = services.delivery_context()
    port = free_port()  # nothing listens here yet
    task = create(client, org, callback_url=f"http://127.0.0.1:{port}/hook")
    run_pending(services)
    assert deliver_next(ctx, "s")
    assert not deliver_next(ctx, "s")
    [first] = _deliveries(client, org)
    assert first["status"] == "pending"
    assert first["attempts"] == 1
    assert first["next_attempt_at"] == int(clock.now() + 5)
    clock.advance(5)
    assert deliver_next(ctx, "s")
    clock.advance(30)
    with run_receiver(port=port) as receiver:
        assert deliver_next(ctx, "s")
        assert not deliver_next(ctx, "s")
    [done] = _deliveries(client, org)
    assert done["status"] == "succeeded"
    assert [a["status_code"] for a in done["attempt_history"]] == [None, None, 204]
    assert all(a["error"] for a in done["attempt_history"][:2])
    [got] = receiver.requests
    assert got.headers["webhook-id"] == done["event_id"]
    assert json.loads(got.body)["data"]["id"] == task["id"]

    # A manual retry sends the very same event again: same id, same bytes.
    retried = client.post(
        f"/v1/management/webhooks/callbacks/deliveries/{done['id']}/retry",
        headers=bearer(org.management_token),
    )
    assert retried.status_code == 202
    assert retried.json()["status"] == "pending"
    with run_receiver(port=port) as receiver_again:
        assert deliver_next(ctx, "s")
    [dup] = receiver_again.requests
    assert dup.headers["webhook-id"] == got.headers["webhook-id"]
    assert dup.body == got.body
    ctx.client.close()


def test_receiver_failing_forever_is_retried_on_the_schedule_then_given_up(
    client: TestClient, org: Bootstrapped, services: Services, receiver: Receiver
) -> None:
    receiver.answer = lambda _r: (500, {}, b"oops")
    clock = FakeClock(start=time.time())
    services.clock = clock
    ctx = services.delivery_context()
    create(client, org, callback_url=receiver.url())
    run_pending(services)
    # 5 s, 30 s, 2 min, 10 min, 1 h, then every 6 h while within 3 days of the event.
    gaps = [5, 30, 120, 600, 3600]
    while sum(gaps) + 21600 <= 3 * 24 * 3600:
        gaps.append(21600)
    assert deliver_next(ctx, "s")
    for gap in gaps:
        clock.advance(gap - 1)
        assert not deliver_next(ctx, "s")  # not a second early
        clock.advance(1)
        assert deliver_next(ctx, "s")
    [state] = _deliveries(client, org)
    assert state["status"] == "failed"
    assert state["next_attempt_at"] is None
    assert len(gaps) + 1 == 17
    assert state["attempts"] == 17
    assert len(state["attempt_history"]) == 17
    assert len(receiver.requests) == 17
    assert {a["status_code"] for a in state["attempt_history"]} == {500}
    assert len({got.headers["webhook-id"] for got in receiver.requests}) == 1
    clock.advance(86400)
    assert not deliver_next(ctx, "s")
    ctx.client.close()


def test_events_reach_a_task_in_order_per_receiver(
    client: TestClient, org: Bootstrapped, services: Services, receiver: Receiver
) -> None:
    # The first event fails once; the later ones wait for it instead of overtaking it.
    answers: Iterator[tuple[int, dict[str, str], bytes]] = iter([(503, {}, b"")])
    receiver.answer = lambda _r: next(answers, (204, {}, b""))
    clock = FakeClock(start=time.time())
    services.clock = clock
    ctx = services.delivery_context()
    create(client, org, callback_url=receiver.url(), callback_events=ALL_EVENTS)
    run_pending(services)
    assert deliver_next(ctx, "s")
    assert not deliver_next(ctx, "s")  # processing waits 5 s; the others wait behind it
    clock.advance(5)
    while deliver_next(ctx, "s"):
        pass
    ctx.client.close()
    types = [json.loads(got.body)["type"] for got in receiver.requests]
    assert types == ["task.processing", "task.processing", "task.lyrics_ready", "task.completed"]


def test_endpoints_are_managed_signed_with_their_secret_and_rotated(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    receiver: Receiver,
    delivery: DeliveryContext,
) -> None:
    mt = bearer(org.management_token)
    created = client.post(
        "/v1/management/webhooks",
        json={"url": receiver.url("/org"), "events": ["task.completed"], "description": "ci"},
        headers=mt,
    )
    assert created.status_code == 201, created.text
    endpoint = created.json()
    secret = endpoint["secret"]
    assert secret.startswith("whsec_")
    shown = client.get(f"/v1/management/webhooks/{endpoint['id']}", headers=mt).json()
    assert "secret" not in shown
    assert shown["events"] == ["task.completed"]
    listed = client.get("/v1/management/webhooks", headers=mt).json()["data"]
    assert [e["id"] for e in listed] == [endpoint["id"]]

    task = create(client, org)
    run_pending(services)
    deliver_all(delivery)
    [got] = receiver.requests
    assert Webhook(secret).verify(got.body, got.headers)["data"]["id"] == task["id"]

    rotated = client.post(f"/v1/management/webhooks/{endpoint['id']}/rotate-secret", headers=mt)
    new_secret = rotated.json()["secret"]
    assert new_secret != secret
    patched = client.patch(
        f"/v1/management/webhooks/{endpoint['id']}",
        json={"events": ["task.completed", "task.failed"]},
        headers=mt,
    )
    assert patched.json()["events"] == ["task.completed", "task.failed"]
    create(client, org, prompt="fake:fail")
    run_pending(services)
    deliver_all(delivery)
    last = receiver.requests[-1]
    assert json.loads(last.body)["type"] == "task.failed"
    # During the overlap both secrets verify, so receivers can switch over.
    assert Webhook(new_secret).verify(last.body, last.headers)
    assert Webhook(secret).verify(last.body, last.headers)

    [record] = _deliveries(client, org, endpoint["id"])[:1]
    assert record["status"] == "succeeded"
    assert record["last_status_code"] == 204
    assert record["last_latency_ms"] is not None

    disabled = client.patch(
        f"/v1/management/webhooks/{endpoint['id']}", json={"status": "disabled"}, headers=mt
    )
    assert disabled.json()["status"] == "disabled"
    create(client, org)
    run_pending(services)
    assert deliver_all(delivery) == 0
    assert client.delete(f"/v1/management/webhooks/{endpoint['id']}", headers=mt).status_code == 200
    assert client.get(f"/v1/management/webhooks/{endpoint['id']}", headers=mt).status_code == 404


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"url": "ftp://example.com/x"}, "url"),
        ({"url": "http://127.0.0.1:1/x", "events": ["task.exploded"]}, "events"),
        ({"url": "http://127.0.0.1:1/x", "events": []}, "events"),
        ({"url": "http://127.0.0.1:1/x", "status": "paused"}, "status"),
        ({"url": "http://127.0.0.1:1/x", "secret": "mine"}, "secret"),
        ({}, "url"),
    ],
)
def test_bad_endpoint_bodies_are_refused(
    client: TestClient, org: Bootstrapped, body: dict[str, Any], param: str
) -> None:
    response = client.post(
        "/v1/management/webhooks", json=body, headers=bearer(org.management_token)
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == param
    listed = client.get("/v1/management/webhooks", headers=bearer(org.management_token))
    assert listed.json()["data"] == []


def test_bad_callback_fields_are_refused_and_nothing_is_reserved(
    client: TestClient, org: Bootstrapped, receiver: Receiver
) -> None:
    before = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    cases: list[tuple[dict[str, Any], str]] = [
        ({"callback_url": 42}, "callback_url"),
        ({"callback_url": "mailto:a@b.c"}, "callback_url"),
        ({"callback_events": ["task.completed"]}, "callback_url"),
        ({"callback_url": receiver.url(), "callback_events": "task.completed"}, "callback_events"),
        ({"callback_url": receiver.url(), "callback_events": ["task.done"]}, "callback_events"),
    ]
    for fields, param in cases:
        response = client.post(
            "/v1/music/generations", json={**SONG, **fields}, headers=bearer(org.api_key)
        )
        assert response.status_code == 400, (fields, response.text)
        assert response.json()["error"]["param"] == param
    after = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert after == before
    listed = client.get("/v1/tasks", headers=bearer(org.api_key)).json()
    assert listed["data"] == []
    assert Decimal(str(after.get("reserved", 0) or 0)) == Decimal(
        str(before.get("reserved", 0) or 0)
    )


def test_a_redirect_is_recorded_not_followed(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    receiver: Receiver,
    delivery: DeliveryContext,
) -> None:
    receiver.answer = lambda _r: (307, {"location": "http://169.254.169.254/latest/"}, b"")
    create(client, org, callback_url=receiver.url())
    run_pending(services)
    assert deliver_next(delivery, "s")
    [state] = _deliveries(client, org)
    assert state["status"] == "pending"
    assert state["last_status_code"] == 307
    assert state["last_error"] == "redirects are not followed"
    assert len(receiver.requests) == 1
