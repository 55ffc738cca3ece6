"""Routing models to backends: contracts follow the backends, failover, breakers, health."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.backend_health import BackendHealth
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.services.run_task import claim_next, execute
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer, free_port, run_pending

SONG = {"model": "suno_music", "prompt": "a song about rain on a tin roof"}


class _Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def now(self) -> float:
        return self.t


@pytest.fixture
def routed(tmp_path: Path) -> Iterator[Any]:
    """Builds an app whose models are routed as given; `upstream` is a closed port."""
    built: list[tuple[Services, TestClient]] = []

    def build(routes: dict[str, Any], **extra: Any) -> tuple[Services, TestClient, Bootstrapped]:
        settings = Settings(
            data_dir=tmp_path / f"data{len(built)}",
            workers=0,
            public_base_url="http://testserver",
            log_json=False,
            log_level="warning",
            retry_backoff_seconds=0.0,
            model_providers=routes,
            upstream_url=f"http://127.0.0.1:{free_port()}",
            upstream_api_key="sk-nothing-listens",
            upstream_timeout_seconds=2.0,
            **extra,
        )
        services = build_services(settings)
        upgrade(services.engine)
        client = TestClient(create_app(settings, services=services), raise_server_exceptions=False)
        client.__enter__()
        built.append((services, client))
        org = create_funded_organisation(services.uow_factory, services.clock, "acme", Decimal(10))
        return services, client, org

    yield build
    for services, client in built:
        client.__exit__(None, None, None)
        services.close()


def _contract(client: TestClient, model: str) -> dict[str, Any]:
    details: dict[str, Any] = client.get(f"/v1/models/{model}").json()["tokenlab"]
    return details


def test_a_models_contract_offers_only_what_all_its_backends_honour(routed: Any) -> None:
    _, client, org = routed({"suno_music": "upstream"})
    upstream_only = _contract(client, "suno_music")
    assert {"upload-cover", "upload-extend", "add-instrumental"} <= set(
        upstream_only["supported_operations"]
    )
    assert "audio_url" in upstream_only["request_format_details"]["supported_parameters"]

    _, client, org = routed({"suno_music": ["upstream", "engine"]})
    with_engine = _contract(client, "suno_music")
    # The engine fallback cannot take a caller's audio, so the model does not offer it.
    assert with_engine["supported_operations"] == ["music", "lyrics", "continue"]
    parameters = with_engine["request_format_details"]["supported_parameters"]
    assert "audio_url" not in parameters
    assert "continue_clip_id" in parameters
    response = client.post(
        "/v1/music/generations",
        json={**SONG, "audio_url": "https://example.com/a.mp3"},
        headers=bearer(org.api_key),
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["param"]) == ("unsupported_parameter", "audio_url")
    # Nothing is shown of which backend serves the model.
    listed = client.get("/v1/models?view=full").text
    assert "upstream" not in listed
    assert "engine" not in listed


def test_primary_down_the_listed_fallback_serves(routed: Any) -> None:
    services, client, org = routed({"suno_music": ["upstream", "fake"]})
    created = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    assert created.status_code == 200
    assert run_pending(services) == 1
    done = client.get(created.json()["poll_url"], headers=bearer(org.api_key)).json()
    assert done["status"] == "completed"
    assert client.get(done["audio_url"]).status_code == 200
    assert services.health.snapshot("upstream").consecutive_failures == 1
    balance = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert balance["total_used_decimal"] == "0.1000"
    assert balance["reserved_decimal"] == "0.0000"


def test_no_backend_healthy_the_task_waits_then_fails_released(routed: Any) -> None:
    services, client, org = routed({"suno_music": ["upstream"]}, max_attempts=2)
    created = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    task_id = created.json()["id"]
    ctx = services.run_context()
    task = claim_next(ctx, "w1", 30.0)
    assert task is not None
    execute(ctx, task, "w1")
    waiting = client.get(f"/v1/tasks/{task_id}", headers=bearer(org.api_key)).json()
    assert (waiting["status"], waiting["stage"]) == ("pending", "waiting_for_backend")
    held = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert held["reserved_decimal"] == "0.1000"

    task = claim_next(ctx, "w1", 30.0)
    assert task is not None
    execute(ctx, task, "w1")
    failed = client.get(f"/v1/tasks/{task_id}", headers=bearer(org.api_key)).json()
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "upstream_error"
    assert "127.0.0.1" not in failed["error"]["message"]
    balance = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert (balance["reserved_decimal"], balance["total_used_decimal"]) == ("0.0000", "0.0000")


def test_readyz_and_metrics_report_each_backend(routed: Any) -> None:
    _, client, _ = routed({"suno_music": ["upstream", "fake"]})
    ready = client.get("/readyz")
    assert ready.status_code == 200
    backends = ready.json()["backends"]
    assert backends["upstream"]["reachable"] is False
    assert backends["upstream"]["failures"] >= 1
    assert backends["fake"]["reachable"] is True
    assert backends["fake"]["queue_depth"] == 0
    metrics = client.get("/metrics").text
    assert 'songforge_backend_up{backend="upstream"} 0.0' in metrics
    assert 'songforge_backend_up{backend="fake"} 1.0' in metrics
    assert 'songforge_backend_queue_depth{backend="fake"} 0.0' in metrics


def test_breaker_opens_skips_then_lets_one_trial_through() -> None:
    clock = _Clock()
    health = BackendHealth(clock, failure_threshold=2, reset_seconds=30)
    health.failed("gpu", "refused")
    assert health.allows("gpu")
    health.failed("gpu", "refused")
    assert not health.allows("gpu")
    clock.t += 31
    assert health.allows("gpu")  # the half-open trial
    assert not health.allows("gpu")  # only one at a time
    health.failed("gpu", "refused")
    assert not health.allows("gpu")
    clock.t += 31
    assert health.allows("gpu")
    health.succeeded("gpu", 0.2)
    assert health.allows("gpu")
    assert health.snapshot("gpu").consecutive_failures == 0
