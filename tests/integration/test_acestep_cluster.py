"""The `acestep` backend in a running server: a worker killed mid-render is replaced by one
that resumes the same upstream task, and a pool of GPU servers shares the work within its
per-server limit, surviving the loss of one server."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from songforge.providers.acestep_fake import FakeAceStepServer
from tests.conftest import LiveServer, bearer, free_port, start_server, wait_for

KEY = "gpu-box-key"


def backend_env(*servers: FakeAceStepServer, **extra: Any) -> dict[str, Any]:
    return {
        "SONGFORGE_PROVIDER_OVERRIDE": "",
        "SONGFORGE_ACESTEP_URL": ",".join(s.url for s in servers),
        "SONGFORGE_ACESTEP_API_KEY": KEY,
        "SONGFORGE_ACESTEP_POLL_INITIAL_SECONDS": "0.1",
        "SONGFORGE_ACESTEP_POLL_MAX_SECONDS": "0.3",
        "SONGFORGE_ACESTEP_UNREACHABLE_GRACE_SECONDS": "1",
        "SONGFORGE_HEARTBEAT_SECONDS": "0.5",
        "SONGFORGE_REAPER_INTERVAL_SECONDS": "0.5",
        "SONGFORGE_RETRY_BACKOFF_SECONDS": "0.2",
        **extra,
    }


@pytest.fixture
def fakes() -> Iterator[Callable[..., FakeAceStepServer]]:
    started: list[FakeAceStepServer] = []

    def make(**options: Any) -> FakeAceStepServer:
        server = FakeAceStepServer(api_key=KEY, **options).start()
        started.append(server)
        return server

    yield make
    for server in started:
        if server._http is not None:
            server.stop()


def create(client: httpx.Client, **body: Any) -> str:
    response = client.post(
        "/v1/music/generations",
        json={"model": "ace_step_1_5", "make_instrumental": True, "duration": 10, **body},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


# Worker slots load the engine before they take work: slow on a busy machine.
pytestmark = pytest.mark.timeout(400)


def until(condition: Callable[[], bool], timeout: float = 150.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_killed_worker_is_replaced_and_the_same_upstream_task_completes(
    tmp_path: Path, fakes: Callable[..., FakeAceStepServer], live_server_factory: Any
) -> None:
    fake = fakes(render_seconds=4.0)
    env = backend_env(fake, SONGFORGE_WORKERS=1, SONGFORGE_LEASE_SECONDS=2)
    first: LiveServer = live_server_factory(tmp_path / "node", **env)
    with first.client() as client:
        task_id = create(client, prompt="slow strings", seed=11)
    # The GPU renders our song and the worker polls it, so its task id is on our task: a kill
    # between the GPU's answer and that write costs one more generation (docs/operations.md).
    until(lambda: fake.generations == 1 and fake.queries >= 1)
    first.kill()  # SIGKILL: the server and its worker processes die mid-render

    second = start_server(tmp_path / "node", free_port(), **env)
    try:
        with httpx.Client(base_url=second.base_url, headers=bearer(first.api_key)) as client:
            done = wait_for(client, task_id, ("completed", "failed"), timeout=150)
    finally:
        second.stop()
    assert done["status"] == "completed", done
    assert fake.generations == 1  # resumed, never submitted again
    assert len(fake.requests) == 1
    assert done["cost"] == "0.1000"


def test_a_pool_spreads_tasks_within_the_limit_per_server(
    tmp_path: Path, fakes: Callable[..., FakeAceStepServer], live_server_factory: Any
) -> None:
    gpu_a, gpu_b = fakes(render_seconds=0.6), fakes(render_seconds=0.6)
    server: LiveServer = live_server_factory(
        tmp_path / "pool", **backend_env(gpu_a, gpu_b, SONGFORGE_WORKERS=3)
    )
    with server.client() as client:
        ids = [create(client, prompt=f"pool song {n}", seed=n) for n in range(8)]
        finished = [wait_for(client, i, ("completed", "failed"), timeout=200) for i in ids]
    assert [t["status"] for t in finished] == ["completed"] * 8
    assert gpu_a.generations > 0
    assert gpu_b.generations > 0
    assert gpu_a.generations + gpu_b.generations == 8
    assert gpu_a.max_in_flight == 1  # SONGFORGE_ACESTEP_MAX_IN_FLIGHT's default
    assert gpu_b.max_in_flight == 1


def test_a_pool_finishes_on_the_other_server_when_one_stops(
    tmp_path: Path, fakes: Callable[..., FakeAceStepServer], live_server_factory: Any
) -> None:
    gpu_a, gpu_b = fakes(render_seconds=1.0), fakes(render_seconds=1.0)
    server: LiveServer = live_server_factory(
        tmp_path / "pool", **backend_env(gpu_a, gpu_b, SONGFORGE_WORKERS=2)
    )
    with server.client() as client:
        ids = [create(client, prompt=f"pool song {n}", seed=n) for n in range(5)]
        until(lambda: gpu_a.generations >= 1)
        gpu_a.stop()  # the GPU box goes away mid-run, its job with it
        finished = [wait_for(client, i, ("completed", "failed"), timeout=200) for i in ids]
    assert [t["status"] for t in finished] == ["completed"] * 5
    assert gpu_b.generations >= 4
    assert gpu_b.max_in_flight == 1
