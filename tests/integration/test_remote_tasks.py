"""The remote-task seam every HTTP backend uses: the upstream task id persisted under the
lease, resumed by the next worker, never submitted twice; deferral and forgetting."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

from songforge.domain.tasks import GenerationResult, RemoteTask, TaskStatus
from songforge.ports import ProviderDeferred, ProviderFailure, ProviderJob
from songforge.providers.registry import ProviderRegistry
from songforge.runtime.clock import FakeClock
from songforge.services.bootstrap import Bootstrapped
from songforge.services.run_task import (
    LeasedRemoteBook,
    LeaseLost,
    RunContext,
    claim_next,
    execute,
    reap_expired_leases,
)
from songforge.wiring import Services
from tests.conftest import bearer


class ScriptedRemote:
    """A remote backend in miniature: submits once, then either 'dies' or finishes."""

    name = "fake"

    def __init__(self) -> None:
        self.submitted: list[str] = []
        self.resumed: list[str] = []
        self.die_after_submit = True
        self.outcome: BaseException | None = None

    def generate(self, job: ProviderJob) -> GenerationResult:
        assert job.remote_book is not None
        if job.remote is None:
            server = job.remote_book.reserve_server("fake", ["http://gpu-a"], 1)
            if server is None:
                raise ProviderDeferred("every server is busy", 1.0)
            upstream_id = f"up-{len(self.submitted) + 1}"
            self.submitted.append(upstream_id)
            job.remote_book.record(RemoteTask("fake", server, upstream_id, 1.0))
            if self.die_after_submit:
                # Not an Exception: nothing in the worker catches it, like a SIGKILL.
                raise KeyboardInterrupt
        else:
            assert job.remote.task_id is not None
            self.resumed.append(job.remote.task_id)
        if self.outcome is not None:
            raise self.outcome
        return GenerationResult("Remote Song", None, {"duration": 1.0})


@pytest.fixture
def remote(services: Services) -> tuple[ScriptedRemote, RunContext, FakeClock]:
    provider = ScriptedRemote()
    registry = ProviderRegistry(services.settings, {"fake": lambda _settings: provider})
    clock = FakeClock(start=services.clock.now() + 60)  # after the tasks are created
    ctx = replace(services.run_context(), providers=registry, clock=clock)
    return provider, ctx, clock


def _create(client: TestClient, org: Bootstrapped) -> str:
    response = client.post(
        "/v1/music/generations",
        json={"model": "suno_music", "prompt": "a song played elsewhere"},
        headers=bearer(org.api_key),
    )
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


def _task(client: TestClient, org: Bootstrapped, task_id: str) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"/v1/tasks/{task_id}", headers=bearer(org.api_key)).json()
    return body


def test_a_replacement_worker_resumes_the_recorded_upstream_task(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    remote: tuple[ScriptedRemote, RunContext, FakeClock],
) -> None:
    provider, ctx, clock = remote
    task_id = _create(client, org)
    first = claim_next(ctx, "worker-a", 30.0)
    assert first is not None
    with pytest.raises(KeyboardInterrupt):
        execute(ctx, first, "worker-a")
    with services.uow_factory(read_only=True) as uow:
        stored = uow.tasks.get(task_id)
    assert stored is not None
    assert stored.remote == RemoteTask("fake", "http://gpu-a", "up-1", 1.0)

    clock.advance(31)  # worker-a's lease runs out
    assert reap_expired_leases(ctx) == 1
    second = claim_next(ctx, "worker-b", 30.0)
    assert second is not None
    assert second.id == task_id
    assert execute(ctx, second, "worker-b")

    assert provider.submitted == ["up-1"]
    assert provider.resumed == ["up-1"]
    done = _task(client, org, task_id)
    assert done["status"] == "completed"
    assert done["cost"] == "0.1000"
    assert "up-1" not in str(done)
    assert "gpu-a" not in str(done)
    with services.uow_factory(read_only=True) as uow:
        balance = uow.ledger.balance(org.organisation_id)
    assert balance.total_used == Decimal("0.1000")
    assert balance.reserved == 0


def test_recording_needs_the_lease_and_refuses_a_second_upstream_task(
    client: TestClient,
    org: Bootstrapped,
    remote: tuple[ScriptedRemote, RunContext, FakeClock],
) -> None:
    _, ctx, _ = remote
    _create(client, org)
    task = claim_next(ctx, "worker-a", 30.0)
    assert task is not None
    book = LeasedRemoteBook(ctx, task.id, "worker-a")
    book.record(RemoteTask("fake", "http://gpu-a", "up-1"))
    book.record(RemoteTask("fake", "http://gpu-a", "up-1"))  # the same one again is fine
    with pytest.raises(LeaseLost):
        book.record(RemoteTask("fake", "http://gpu-a", "up-2"))
    with pytest.raises(LeaseLost):
        LeasedRemoteBook(ctx, task.id, "worker-b").record(RemoteTask("fake", "http://x", "up-3"))


def test_a_full_pool_defers_without_using_an_attempt(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    remote: tuple[ScriptedRemote, RunContext, FakeClock],
) -> None:
    provider, ctx, clock = remote
    provider.die_after_submit = False
    provider.outcome = KeyboardInterrupt()  # the first task holds the only server
    first_id, second_id = _create(client, org), _create(client, org)
    first = claim_next(ctx, "worker-a", 30.0)
    assert first is not None
    assert first.id == first_id
    with pytest.raises(KeyboardInterrupt):
        execute(ctx, first, "worker-a")
    second = claim_next(ctx, "worker-b", 30.0)
    assert second is not None
    assert second.id == second_id
    assert not execute(ctx, second, "worker-b")
    with services.uow_factory(read_only=True) as uow:
        waiting = uow.tasks.get(second_id)
        assert uow.tasks.remote_load("fake") == {"http://gpu-a": 1}
    assert waiting is not None
    assert waiting.status is TaskStatus.PENDING
    assert waiting.attempts == 0  # the deferral did not use one up
    assert waiting.remote is None
    assert waiting.available_at == pytest.approx(clock.now() + 1.0)
    clock.advance(1.5)
    again = claim_next(ctx, "worker-c", 30.0)  # its turn comes again, as attempt 1
    assert again is not None
    assert again.id == second_id
    assert again.attempts == 1


def test_an_upstream_failure_fails_and_releases_while_forget_resubmits(
    client: TestClient,
    org: Bootstrapped,
    services: Services,
    remote: tuple[ScriptedRemote, RunContext, FakeClock],
) -> None:
    provider, ctx, _ = remote
    provider.die_after_submit = False
    provider.outcome = ProviderFailure("upstream_error", "gone", forget_remote=True)
    task_id = _create(client, org)
    task = claim_next(ctx, "worker-a", 30.0)
    assert task is not None
    execute(ctx, task, "worker-a")
    with services.uow_factory(read_only=True) as uow:
        retried = uow.tasks.get(task_id)
    assert retried is not None
    assert retried.status is TaskStatus.PENDING
    assert retried.remote is None  # forgotten: the next attempt submits anew

    provider.outcome = ProviderFailure("upstream_error", "the server failed", retryable=False)
    task = claim_next(ctx, "worker-a", 30.0)
    assert task is not None
    execute(ctx, task, "worker-a")
    failed = _task(client, org, task_id)
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "upstream_error"
    assert provider.submitted == ["up-1", "up-2"]
    with services.uow_factory(read_only=True) as uow:
        balance = uow.ledger.balance(org.organisation_id)
    assert balance.total_used == 0
    assert balance.reserved == 0
