"""Two songforge installations chained: A routes suno_music to `upstream` = B (a real server
process running the embedded engine). A's caller sees only A; B bills A's operator."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.ports import ProviderFailure, ProviderJob
from songforge.providers.upstream import UpstreamProvider
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import LiveServer, bearer, run_pending

SONG = {
    "model": "suno_music",
    "prompt": "a calm piano piece for a rainy morning",
    "make_instrumental": True,
    "duration": 30,
    "seed": 7,
}


@pytest.fixture(scope="module")
def songforge_b(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from tests.conftest import free_port, start_server

    # The catalogue's own routing: the embedded engine makes B's songs.
    server = start_server(
        tmp_path_factory.mktemp("b"),
        free_port(),
        SONGFORGE_PROVIDER_OVERRIDE="",
        SONGFORGE_WORKERS=1,
    )
    yield server
    server.stop()


@pytest.fixture
def songforge_a(
    tmp_path: Path, songforge_b: LiveServer
) -> Iterator[tuple[Services, TestClient, Bootstrapped]]:
    settings = Settings(
        data_dir=tmp_path / "a",
        workers=0,
        public_base_url="http://testserver",
        log_json=False,
        log_level="warning",
        retry_backoff_seconds=0.0,
        model_providers={"suno_music": "upstream"},
        upstream_url=songforge_b.base_url,
        upstream_api_key=songforge_b.api_key,
        upstream_poll_initial_seconds=0.3,
        upstream_poll_max_seconds=1.0,
    )
    services = build_services(settings)
    upgrade(services.engine)
    with TestClient(create_app(settings, services=services), raise_server_exceptions=False) as c:
        org = create_funded_organisation(services.uow_factory, services.clock, "acme", Decimal(10))
        yield services, c, org
    services.close()


def _b_tasks(b: LiveServer) -> list[dict[str, Any]]:
    with b.client() as client:
        data: list[dict[str, Any]] = client.get("/v1/tasks?limit=100").json()["data"]
    return data


def _b_usage(b: LiveServer) -> list[dict[str, Any]]:
    headers = bearer(b.management_token)
    with httpx.Client(base_url=b.base_url, headers=headers, timeout=10) as client:
        keys = client.get("/v1/management/api-keys").json()["data"]
        items: list[dict[str, Any]] = []
        for key in keys:
            items += client.get(f"/v1/management/api-keys/{key['id']}/usage").json()["items"]
    return items


def test_a_song_made_by_b_is_served_billed_and_owned_by_a(
    songforge_a: tuple[Services, TestClient, Bootstrapped], songforge_b: LiveServer
) -> None:
    services, client, org = songforge_a
    before = len(_b_tasks(songforge_b))
    created = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    assert created.status_code == 200, created.text
    assert run_pending(services) == 1
    done = client.get(created.json()["poll_url"], headers=bearer(org.api_key))
    body = done.json()
    assert body["status"] == "completed", body

    # A's URLs, served by A, holding B's song.
    for field in ("audio_url", "video_url", "image_url"):
        assert body[field].startswith("http://testserver/v1/files/")
        assert client.get(body[field]).status_code == 200
    assert body["metadata"]["duration"] == pytest.approx(30, abs=3)
    assert body["metadata"]["instrumental"] is True

    # Nothing of B shows: not its address, its task or clip ids.
    b_tasks = _b_tasks(songforge_b)
    assert len(b_tasks) == before + 1
    b_task = b_tasks[0]
    shown = done.text
    assert songforge_b.base_url not in shown
    assert b_task["id"] not in shown
    assert b_task["clip_id"] not in shown
    assert body["clip_id"] != b_task["clip_id"]

    # B billed A's operator for one song; A charged its user A's price once.
    usage = [u for u in _b_usage(songforge_b) if u["task_id"] == b_task["id"]]
    assert len(usage) == 1
    assert usage[0]["status"] == "completed"
    balance = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert (balance["total_used_decimal"], balance["reserved_decimal"]) == ("0.1000", "0.0000")
    assert body["cost"] == "0.1000"


def test_an_attempt_that_dies_after_b_accepted_resumes_the_same_b_task(
    songforge_a: tuple[Services, TestClient, Bootstrapped],
    songforge_b: LiveServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services, client, org = songforge_a
    before = len(_b_tasks(songforge_b))
    follow = UpstreamProvider.follow
    calls: list[str] = []

    def lose_the_first_poll(
        self: UpstreamProvider, job: ProviderJob, task_id: str, poll_url: str, accepted_at: float
    ) -> Any:
        calls.append(task_id)
        if len(calls) == 1:
            raise ProviderFailure("upstream_error", "the connection dropped")
        return follow(self, job, task_id, poll_url, accepted_at)

    monkeypatch.setattr(UpstreamProvider, "follow", lose_the_first_poll)
    body = {**SONG, "seed": 8, "duration": 31}
    created = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))
    assert run_pending(services) == 2
    done = client.get(created.json()["poll_url"], headers=bearer(org.api_key)).json()
    assert done["status"] == "completed", done
    assert calls[0] == calls[1]  # the second attempt polled the task the first one started
    assert len(_b_tasks(songforge_b)) == before + 1
    balance = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert (balance["total_used_decimal"], balance["reserved_decimal"]) == ("0.1000", "0.0000")
