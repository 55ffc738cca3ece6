"""The task event stream: ids on every message, resume with Last-Event-ID, terminal once."""

from __future__ import annotations

import json
import threading
from typing import Any

from fastapi.testclient import TestClient

from songforge.services.bootstrap import Bootstrapped
from songforge.services.run_task import claim_next, execute
from songforge.wiring import Services
from tests.conftest import bearer, run_pending

SONG = {"model": "suno_music", "prompt": "a song about trains", "title": "Trains"}


def read_stream(
    client: TestClient, org: Bootstrapped, task_id: str, last_event_id: str | None = None
) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
    headers = bearer(org.api_key)
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id
    messages: list[tuple[str, dict[str, Any]]] = []
    with client.stream("GET", f"/v1/tasks/{task_id}/events", headers=headers) as response:
        event_id = ""
        for line in response.iter_lines():
            if line.startswith("id: "):
                event_id = line.removeprefix("id: ")
            elif line.startswith("data: "):
                messages.append((event_id, json.loads(line.removeprefix("data: "))))
        return response.status_code, messages


def create(client: TestClient, org: Bootstrapped) -> str:
    response = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    return str(response.json()["id"])


def test_reconnect_gets_missed_changes_and_the_terminal_state_once(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    task_id = create(client, org)
    # A client saw the task start, then lost its connection.
    claimed = claim_next(services.run_context(), "w", 30.0)
    assert claimed is not None
    status, seen = read_stream_once(client, org, task_id)
    assert status == 200
    [(started_id, started)] = seen
    assert started["status"] == "processing"
    execute(services.run_context(), claimed, "w")

    status, resumed = read_stream(client, org, task_id, started_id)
    assert status == 200
    states = [(m["status"], m["stage"]) for _id, m in resumed]
    # The lyrics it missed (the song left the lyric stage), then the end, once.
    assert states[0] == ("processing", "composing")
    assert [s for s, _stage in states].count("completed") == 1
    assert states[-1][0] == "completed"
    ids = [event_id for event_id, _m in resumed]
    assert len(set(ids)) == len(ids)
    assert started_id not in ids
    polled = client.get(f"/v1/tasks/{task_id}", headers=bearer(org.api_key)).json()
    assert resumed[-1][1] == polled

    # Holding the terminal id already: nothing more, and 204 stops EventSource retrying.
    status, again = read_stream(client, org, task_id, ids[-1])
    assert status == 204
    assert again == []


def read_stream_once(
    client: TestClient, org: Bootstrapped, task_id: str
) -> tuple[int, list[tuple[str, dict[str, Any]]]]:
    """The first message of a live stream, then disconnect."""
    with client.stream("GET", f"/v1/tasks/{task_id}/events", headers=bearer(org.api_key)) as r:
        event_id = ""
        for line in r.iter_lines():
            if line.startswith("id: "):
                event_id = line.removeprefix("id: ")
            elif line.startswith("data: "):
                return r.status_code, [(event_id, json.loads(line.removeprefix("data: ")))]
    raise AssertionError("the stream sent nothing")


def test_a_live_stream_sends_the_terminal_state_exactly_once(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    task_id = create(client, org)
    worker = threading.Timer(0.3, run_pending, args=(services,))
    worker.start()
    status, messages = read_stream(client, org, task_id)
    worker.join()
    assert status == 200
    statuses = [m["status"] for _id, m in messages]
    assert statuses[0] == "pending"
    assert statuses.count("completed") == 1
    assert statuses[-1] == "completed"
    assert all(event_id for event_id, _m in messages)
    assert len({event_id for event_id, _m in messages}) == len(messages)


def test_a_fresh_stream_of_a_finished_task_sends_it_once_and_foreign_ids_are_ignored(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    task_id = create(client, org)
    run_pending(services)
    status, messages = read_stream(client, org, task_id)
    assert status == 200
    assert [m["status"] for _id, m in messages] == ["completed"]
    status, foreign = read_stream(client, org, task_id, "not-one-of-ours")
    assert [m["status"] for _id, m in foreign] == ["completed"]
