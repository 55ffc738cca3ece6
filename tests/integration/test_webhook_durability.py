"""A process killed while it delivers a webhook loses nothing: after a restart (SQLite) or on
the surviving node (PostgreSQL, two nodes) the event is delivered with the same webhook-id."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import LiveServer, bearer, free_port, start_server
from tests.http_receiver import Answer, Received, Receiver, run_receiver

SONG = {"model": "suno_music", "prompt": "a song about lanterns"}

WEBHOOK_ENV: dict[str, Any] = {
    "SONGFORGE_WORKERS": 1,
    "SONGFORGE_WEBHOOK_ALLOW_PRIVATE": "true",
    "SONGFORGE_WEBHOOK_ALLOW_HTTP": "true",
    "SONGFORGE_WEBHOOK_TIMEOUT_SECONDS": 1,  # a claimed delivery's lease: 6 s
    "SONGFORGE_WEBHOOK_POLL_INTERVAL_SECONDS": 0.05,
    "SONGFORGE_LEASE_SECONDS": 3,
    "SONGFORGE_HEARTBEAT_SECONDS": 0.5,
    "SONGFORGE_REAPER_INTERVAL_SECONDS": 0.5,
    "SONGFORGE_RETRY_BACKOFF_SECONDS": 0,
    "SONGFORGE_MAX_TASKS_IN_FLIGHT": 1000,
    "SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE": 1000,
    "SONGFORGE_TRIAL_BALANCE": 100,
}


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def slow_first(receiver: Receiver, seconds: float) -> Callable[[Received], Answer]:
    def answer(_got: Received) -> Answer:
        if len(receiver.requests) == 1:
            time.sleep(seconds)  # the sender is killed while it waits for this answer
        return 204, {}, b""

    return answer


def create_with_callback(server: LiveServer, url: str) -> str:
    with server.client() as client:
        response = client.post("/v1/music/generations", json={**SONG, "callback_url": url})
        assert response.status_code == 200, response.text
        return str(response.json()["id"])


def callback_deliveries(server: LiveServer) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{server.base_url}/v1/management/webhooks/callbacks/deliveries?limit=100",
        headers=bearer(server.management_token),
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def test_sqlite_server_killed_mid_delivery_delivers_after_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "node"
    with run_receiver() as receiver:
        receiver.answer = slow_first(receiver, 3.0)
        first = start_server(data_dir, free_port(), **WEBHOOK_ENV)
        try:
            task_id = create_with_callback(first, receiver.url())
            wait_until(lambda: len(receiver.requests) == 1, 30, "the first delivery attempt")
            first.kill()  # SIGKILL while the POST waits for its answer
        finally:
            first.stop()
        second = start_server(data_dir, free_port(), **WEBHOOK_ENV)
        second.api_key, second.management_token = first.api_key, first.management_token
        try:
            wait_until(lambda: len(receiver.requests) >= 2, 30, "the redelivery")
            wait_until(
                lambda: callback_deliveries(second)[0]["status"] == "succeeded", 10, "success"
            )
            [delivery] = callback_deliveries(second)
        finally:
            second.stop()
    ids = {got.headers["webhook-id"] for got in receiver.requests}
    assert ids == {delivery["event_id"]}
    assert len({got.body for got in receiver.requests}) == 1
    assert json.loads(receiver.requests[-1].body)["data"]["id"] == task_id
    assert json.loads(receiver.requests[-1].body)["type"] == "task.completed"


def test_postgres_two_nodes_one_killed_mid_delivery_loses_no_event(
    tmp_path: Path, postgres_url: str
) -> None:
    env = {**WEBHOOK_ENV, "SONGFORGE_DATABASE_URL": postgres_url, "SONGFORGE_WEBHOOK_SENDERS": 2}
    with run_receiver() as receiver:

        def answer(_got: Received) -> Answer:
            time.sleep(0.3)  # keep deliveries in flight when the node dies
            return 204, {}, b""

        receiver.answer = answer
        nodes = [start_server(tmp_path / "shared", free_port(), **env)]
        nodes.append(start_server(tmp_path / "shared", free_port(), **env))
        nodes[1].api_key, nodes[1].management_token = nodes[0].api_key, nodes[0].management_token
        try:
            task_ids = [create_with_callback(nodes[i % 2], receiver.url()) for i in range(6)]
            wait_until(lambda: len(receiver.requests) >= 3, 60, "some deliveries")
            nodes[0].kill()
            survivor = nodes[1]

            def all_delivered() -> bool:
                bodies = [json.loads(got.body) for got in list(receiver.requests)]
                return {b["data"]["id"] for b in bodies} >= set(task_ids)

            wait_until(all_delivered, 90, "every task's event")
            wait_until(
                lambda: all(d["status"] == "succeeded" for d in callback_deliveries(survivor)),
                30,
                "every delivery recorded as succeeded",
            )
            deliveries = callback_deliveries(survivor)
        finally:
            for node in nodes:
                node.stop()
    assert len(deliveries) == len(task_ids)
    by_task = {d["task_id"]: d["event_id"] for d in deliveries}
    for got in receiver.requests:
        payload = json.loads(got.body)
        # Duplicates are allowed; each carries its event's one id.
        assert got.headers["webhook-id"] == by_task[payload["data"]["id"]]
        assert payload["type"] == "task.completed"
