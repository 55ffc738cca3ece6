"""The real server process: durability across SIGKILL, crashing and hanging providers,
and an API that stays responsive while every worker is busy."""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from tests.conftest import wait_for

SONG = {
    "model": "suno_music",
    "prompt": "An upbeat synth-pop song about city lights at night",
    "title": "City Lights",
    "tags": "synth-pop, upbeat",
    "action": "MUSIC",
}


def _db_rows(data_dir: Path, query: str) -> list[Any]:
    engine = sa.create_engine(f"sqlite:///{data_dir / 'songforge.db'}")
    with engine.connect() as connection:
        rows = list(connection.execute(sa.text(query)))
    engine.dispose()
    return rows


def test_guide_request_reaches_completed_and_audio_serves(live_server_factory: Any) -> None:
    server = live_server_factory(SONGFORGE_WORKERS=1)
    with server.client() as client:
        created = client.post("/v1/music/generations", json=SONG)
        assert created.status_code == 200
        task = created.json()
        done = wait_for(client, task["id"], ("completed", "failed"))
        assert done["status"] == "completed"
        audio = httpx.get(done["audio_url"])
        assert audio.status_code == 200
        assert len(audio.content) > 1000


def test_sigkill_mid_task_then_restart_completes_exactly_once(
    live_server_factory: Any, tmp_path: Path
) -> None:
    data_dir = tmp_path / "durable"
    timing = {
        "SONGFORGE_WORKERS": 1,
        "SONGFORGE_LEASE_SECONDS": 2,
        "SONGFORGE_HEARTBEAT_SECONDS": 0.5,
        "SONGFORGE_REAPER_INTERVAL_SECONDS": 0.5,
        "SONGFORGE_RETRY_BACKOFF_SECONDS": 0,
    }
    first = live_server_factory(data_dir, **timing)
    key = first.api_key
    with first.client() as client:
        task = client.post(
            "/v1/music/generations", json={**SONG, "prompt": "slow song fake:sleep=3"}
        ).json()
        wait_for(client, task["id"], ("processing",))
    first.kill()

    second = live_server_factory(data_dir, **timing)
    second.api_key = key
    with second.client() as client:
        done = wait_for(client, task["id"], ("completed", "failed"), timeout=40)
    assert done["status"] == "completed"
    [(attempts, status)] = _db_rows(
        data_dir, f"SELECT attempts, status FROM tasks WHERE id = '{task['id']}'"
    )
    assert attempts == 2
    assert status == "completed"
    charges = _db_rows(
        data_dir, f"SELECT count(*) FROM billing_transactions WHERE task_id = '{task['id']}'"
    )
    usage = _db_rows(data_dir, f"SELECT count(*) FROM usage_records WHERE task_id = '{task['id']}'")
    assert charges[0][0] == 1
    assert usage[0][0] == 1
    [(reserved, used)] = _db_rows(
        data_dir, "SELECT reserved_units, total_used_units FROM organisations"
    )
    assert reserved == 0
    assert used == 1000


def test_crashing_provider_fails_after_configured_attempts(live_server_factory: Any) -> None:
    server = live_server_factory(
        SONGFORGE_WORKERS=1, SONGFORGE_MAX_ATTEMPTS=2, SONGFORGE_RETRY_BACKOFF_SECONDS=0
    )
    with server.client() as client:
        task = client.post(
            "/v1/music/generations", json={**SONG, "prompt": "fake:crash now"}
        ).json()
        failed = wait_for(client, task["id"], ("completed", "failed"), timeout=60)
        assert failed["status"] == "failed"
        assert failed["error"] == {
            "code": "generation_failed",
            "message": "The generation process crashed.",
        }
        # The slot came back: a good task still completes afterwards.
        good = client.post("/v1/music/generations", json=SONG).json()
        assert wait_for(client, good["id"], ("completed", "failed"))["status"] == "completed"
    rows = _db_rows(server.data_dir, f"SELECT attempts FROM tasks WHERE id = '{task['id']}'")
    assert rows[0][0] == 2


def test_hanging_provider_times_out(live_server_factory: Any, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.json"
    from importlib import resources

    text = resources.files("songforge.data").joinpath("catalog.json").read_text()
    catalog.write_text(text.replace('"time_limit_seconds": 300', '"time_limit_seconds": 1.5'))
    server = live_server_factory(
        SONGFORGE_WORKERS=1,
        SONGFORGE_MAX_ATTEMPTS=2,
        SONGFORGE_RETRY_BACKOFF_SECONDS=0,
        SONGFORGE_CATALOG_PATH=catalog,
    )
    with server.client() as client:
        task = client.post("/v1/music/generations", json={**SONG, "prompt": "fake:hang"}).json()
        failed = wait_for(client, task["id"], ("completed", "failed"), timeout=60)
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "generation_timeout"
    assert failed["error"]["message"] == "Generation took longer than 1.5 s."


def test_reads_stay_fast_while_every_worker_is_busy(live_server_factory: Any) -> None:
    server = live_server_factory(SONGFORGE_WORKERS=2)
    with server.client() as client:
        busy = [
            client.post("/v1/music/generations", json={**SONG, "prompt": f"fake:busy=6 {i}"}).json()
            for i in range(2)
        ]
        for task in busy:
            wait_for(client, task["id"], ("processing",))
        latencies = []
        for _ in range(40):
            started = time.perf_counter()
            response = client.get(f"/v1/tasks/{busy[0]['id']}")
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200
            assert response.json()["status"] == "processing"
            time.sleep(0.05)
    assert max(latencies) < 0.2, f"slowest read {max(latencies):.3f}s"
    assert statistics.median(latencies) < 0.05


def test_server_removes_files_past_retention(live_server_factory: Any) -> None:
    # 3 seconds of retention, swept every half second by the server's own dispatcher.
    server = live_server_factory(
        SONGFORGE_WORKERS=1,
        SONGFORGE_FILE_RETENTION_DAYS=3 / 86_400,
        SONGFORGE_RETENTION_SWEEP_INTERVAL_SECONDS=0.5,
    )
    with server.client() as client:
        task = client.post("/v1/music/generations", json=SONG).json()
        done = wait_for(client, task["id"], ("completed", "failed"))
        assert httpx.get(done["audio_url"]).status_code == 200
        deadline = time.monotonic() + 30
        while httpx.get(done["audio_url"]).status_code == 200:
            assert time.monotonic() < deadline, "the file outlived its retention"
            time.sleep(0.2)
        gone = httpx.get(done["audio_url"])
        assert gone.status_code == 404
        assert gone.json()["error"]["code"] == "file_not_found"
        body = client.get(task["poll_url"]).json()
        assert "audio_url" not in body
        assert body["metadata"]["files_expired_at"] >= done["updated"]
