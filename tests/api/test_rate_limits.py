"""Per-key rate limits and the tasks-in-flight cap."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer

SONG = {"model": "suno_music", "prompt": "a song"}


@pytest.fixture
def limited(tmp_path: Path) -> Iterator[tuple[TestClient, Services, Bootstrapped]]:
    settings = Settings(
        data_dir=tmp_path / "rl",
        provider_override="fake",
        workers=0,
        rate_limit_create_per_minute=3,
        rate_limit_read_per_minute=5,
        max_tasks_in_flight=2,
    )
    services = build_services(settings)
    upgrade(services.engine)
    org = create_funded_organisation(services.uow_factory, services.clock, "r", Decimal(10))
    with TestClient(create_app(settings, services=services)) as client:
        yield client, services, org
    services.close()


def test_read_limit_with_headers(limited: tuple[TestClient, Services, Bootstrapped]) -> None:
    client, _, org = limited
    seen = []
    for _ in range(5):
        response = client.get("/v1/tasks", headers=bearer(org.api_key))
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "5"
        seen.append(int(response.headers["X-RateLimit-Remaining"]))
        assert int(response.headers["X-RateLimit-Reset"]) > 0
    assert seen == [4, 3, 2, 1, 0]
    refused = client.get("/v1/tasks", headers=bearer(org.api_key))
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["type"] == "rate_limit_exceeded"
    assert error["code"] == "rate_limit_exceeded"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert error["retry_after"] == int(refused.headers["Retry-After"])
    assert refused.headers["X-RateLimit-Remaining"] == "0"


def test_in_flight_and_create_limits(limited: tuple[TestClient, Services, Bootstrapped]) -> None:
    client, services, org = limited
    for _ in range(2):
        assert (
            client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key)).status_code
            == 200
        )
    busy = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    assert busy.status_code == 429
    assert busy.headers["Retry-After"] == "5"
    assert "tasks pending or processing" in busy.json()["error"]["message"]
    with services.uow_factory(read_only=True) as uow:
        assert uow.ledger.balance(org.organisation_id).reserved == Decimal("0.2000")
    # Three creates used the minute's create budget; the fourth is refused by the limiter.
    fourth = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key))
    assert fourth.status_code == 429
    assert fourth.headers["X-RateLimit-Limit"] == "3"
