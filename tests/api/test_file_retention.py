"""Files older than the operator's retention period are removed, and tasks say so."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from songforge.runtime.clock import FakeClock
from songforge.services.bootstrap import Bootstrapped
from songforge.services.file_retention import sweep_expired_files
from songforge.wiring import Services
from tests.conftest import bearer, run_pending

DAY = 86_400.0
SONG = {"model": "suno_music", "prompt": "a song", "title": "Old Song"}


def _completed(client: TestClient, org: Bootstrapped, services: Services) -> dict[str, Any]:
    task = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key)).json()
    run_pending(services)
    done = client.get(task["poll_url"], headers=bearer(org.api_key)).json()
    assert done["status"] == "completed"
    return dict(done)


def _sweep(services: Services, days: float) -> int:
    return sweep_expired_files(services.uow_factory, services.blobs, services.clock, days * DAY)


def test_old_files_go_new_ones_stay(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    clock = FakeClock()
    services.clock = clock
    old = _completed(client, org, services)
    media = [old[f] for f in ("audio_url", "video_url", "image_url") if f in old]
    old_urls = [*media, *old["metadata"].get("stems", {}).values()]
    assert old["audio_url"] in old_urls
    assert all(client.get(url).status_code == 200 for url in old_urls)
    with services.uow_factory(read_only=True) as uow:
        old_keys = [a.storage_key for a in uow.assets.for_task(old["id"])]
    assert old_keys
    assert all(services.blobs.exists(k) for k in old_keys)

    clock.advance(31 * DAY)
    new = _completed(client, org, services)
    assert _sweep(services, days=30) == len(old_keys)
    assert _sweep(services, days=30) == 0  # nothing left to do; a second sweep is harmless

    for url in old_urls:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "file_not_found"
    assert not any(services.blobs.exists(k) for k in old_keys)
    body = client.get(old["poll_url"], headers=bearer(org.api_key)).json()
    assert body["status"] == "completed"
    assert body["title"] == "Old Song"
    assert body["metadata"]["files_expired_at"] == int(clock.now())
    assert not {"audio_url", "video_url", "image_url"} & set(body)
    assert "stems" not in body["metadata"]
    assert client.get(new["audio_url"]).status_code == 200

    again = client.post(
        "/v1/music/generations",
        json={"continue_clip_id": old["clip_id"]},
        headers=bearer(org.api_key),
    )
    assert again.status_code == 404
    assert again.json()["error"]["code"] == "clip_not_found"
    assert again.json()["error"]["param"] == "continue_clip_id"


def test_retention_spares_what_is_younger(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    clock = FakeClock()
    services.clock = clock
    song = _completed(client, org, services)
    clock.advance(29 * DAY)
    assert _sweep(services, days=30) == 0
    assert client.get(song["audio_url"]).status_code == 200
