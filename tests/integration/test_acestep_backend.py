"""The `acestep` backend against the in-package fake ACE-Step server (real HTTP, real audio):
songs, lyrics, seeds, continuation, and what each way of failing costs the user."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile
from fastapi.testclient import TestClient

from songforge.db.migrate import upgrade
from songforge.providers.acestep_fake import FakeAceStepServer
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer, run_pending

KEY = "gpu-box-key"


@pytest.fixture
def fake() -> Iterator[FakeAceStepServer]:
    with FakeAceStepServer(api_key=KEY, render_seconds=0.2) as server:
        yield server


def acestep_settings(tmp_path: Path, url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "workers": 0,
        "public_base_url": "http://testserver",
        "log_json": False,
        "log_level": "warning",
        "retry_backoff_seconds": 0.0,
        "acestep_url": url,
        "acestep_api_key": KEY,
        "acestep_poll_initial_seconds": 0.05,
        "acestep_poll_max_seconds": 0.2,
        "acestep_lost_after_seconds": 0.5,
        "acestep_unreachable_grace_seconds": 0.5,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(tmp_path: Path, fake: FakeAceStepServer) -> Settings:
    return acestep_settings(tmp_path, fake.url)


@pytest.fixture
def backend(settings: Settings) -> Iterator[tuple[TestClient, Services, Bootstrapped]]:
    from songforge.api.app import create_app

    services = build_services(settings)
    upgrade(services.engine)
    org = create_funded_organisation(services.uow_factory, services.clock, "acme", Decimal(10))
    with TestClient(create_app(settings, services=services)) as client:
        yield client, services, org
    services.close()


def create(client: TestClient, org: Bootstrapped, **body: Any) -> str:
    response = client.post(
        "/v1/music/generations",
        json={"model": "ace_step_1_5", **body},
        headers=bearer(org.api_key),
    )
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


def task(client: TestClient, org: Bootstrapped, task_id: str) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"/v1/tasks/{task_id}", headers=bearer(org.api_key)).json()
    return body


def fetch_audio(client: TestClient, url: str) -> tuple[np.ndarray, int]:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    audio, rate = soundfile.read(io.BytesIO(response.content), dtype="float32", always_2d=True)
    return audio, int(rate)


def master_of(services: Services, task_id: str) -> tuple[np.ndarray, int]:
    with services.uow_factory(read_only=True) as uow:
        assets = {a.kind: a for a in uow.assets.for_task(task_id)}
    data = services.blobs.get_bytes(assets["master"].storage_key)
    audio, rate = soundfile.read(io.BytesIO(data), dtype="float32", always_2d=True)
    return audio, int(rate)


def money(services: Services, org: Bootstrapped) -> tuple[Decimal, Decimal]:
    with services.uow_factory(read_only=True) as uow:
        balance = uow.ledger.balance(org.organisation_id)
    return balance.total_used, balance.reserved


def test_the_model_is_listed_only_when_a_server_is_configured(
    backend: tuple[TestClient, Services, Bootstrapped], tmp_path: Path
) -> None:
    client, _, org = backend
    ids = [m["id"] for m in client.get("/v1/models", headers=bearer(org.api_key)).json()["data"]]
    assert "ace_step_1_5" in ids
    plain = build_services(acestep_settings(tmp_path / "plain", "", acestep_url=None))
    assert not plain.routing.listed(plain.catalog.get("ace_step_1_5"))
    plain.close()


def test_an_instrumental_is_made_stored_and_described_by_us(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    task_id = create(
        client, org, prompt="calm piano at dawn", make_instrumental=True, duration=12, seed=7
    )
    assert run_pending(services) == 1
    done = task(client, org, task_id)
    assert done["status"] == "completed", done
    sent = fake.requests[0]
    assert sent["task_type"] == "text2music"
    assert sent["lyrics"] == "[Instrumental]"
    assert (sent["seed"], sent["use_random_seed"], sent["batch_size"]) == (7, False, 1)
    assert sent["audio_duration"] == 12
    assert fake.generations == 1
    # Every asset is ours, served by us, and decodes.
    for field in ("audio_url", "video_url", "image_url"):
        assert done[field].startswith("http://testserver/v1/files/")
    audio, _ = fetch_audio(client, done["audio_url"])
    assert abs(len(audio) / 44_100 - 12) < 0.2
    assert float(np.abs(audio).max()) > 0.05
    video = client.get(done["video_url"].removeprefix("http://testserver"))
    assert video.content[4:8] == b"ftyp"
    metadata = done["metadata"]
    assert metadata["bpm"] == 120
    assert metadata["key"].split()[1] in ("major", "minor")
    assert abs(metadata["duration"] - 12) < 0.1
    assert metadata["instrumental"] is True
    assert done.get("lyrics") is None
    assert fake.url not in str(done)  # the backend never shows
    assert money(services, org) == (Decimal("0.1000"), Decimal(0))


def test_a_vocal_song_sings_the_callers_lyrics(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    words = "[Verse]\nLanterns on the harbour wall\nWaiting for the tide to call"
    task_id = create(client, org, prompt="folk ballad", title="Harbour", lyrics=words, duration=20)
    run_pending(services)
    done = task(client, org, task_id)
    assert done["status"] == "completed", done
    assert fake.requests[0]["lyrics"] == words
    assert done["lyrics"] == words
    assert done["title"] == "Harbour"


def test_a_vocal_song_without_lyrics_gets_words_from_our_writer(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    task_id = create(client, org, prompt="a summer road trip with friends", duration=30)
    run_pending(services)
    done = task(client, org, task_id)
    assert done["status"] == "completed", done
    sent = fake.requests[0]["lyrics"]
    assert "[Chorus]" in sent
    assert done["lyrics"] == sent


def test_a_continuation_keeps_the_source_up_to_the_cut(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    first = create(client, org, prompt="synth groove", make_instrumental=True, duration=12, seed=3)
    run_pending(services)
    source_clip = task(client, org, first)["clip_id"]
    second = create(
        client,
        org,
        continue_clip_id=source_clip,
        continue_at=6.0,
        duration=10,
        make_instrumental=True,
        seed=4,
        prompt="keep going, add a final chorus",
    )
    run_pending(services)
    done = task(client, org, second)
    assert done["status"] == "completed", done
    assert done["title"] == task(client, org, first)["title"]  # the same song, its title kept
    sent = fake.requests[1]
    assert sent["task_type"] == "repaint"
    assert sent["src_audio"] is True  # the source went up as a file
    assert (float(sent["repainting_start"]), float(sent["repainting_end"])) == (6.0, 16.0)
    assert done["metadata"]["continued_from"] == {"clip_id": source_clip, "continue_at": 6.0}
    assert abs(done["metadata"]["duration"] - 16.0) < 0.1

    source, rate = master_of(services, first)
    new, new_rate = master_of(services, second)
    assert rate == new_rate
    cut = 6 * rate
    kept_source, kept_new = source[: cut - rate // 10, 0], new[: cut - rate // 10, 0]
    assert float(np.corrcoef(kept_source, kept_new)[0, 1]) > 0.99
    # After the cut the song is new music, not the source played on.
    after = slice(cut + rate, cut + 4 * rate)
    assert abs(float(np.corrcoef(source[after, 0], new[after, 0])[0, 1])) < 0.9


def test_a_full_queue_then_success_is_charged_once(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    fake.busy_next = 1  # the first create is answered 429 "queue is full"
    task_id = create(client, org, prompt="drum and bass", make_instrumental=True, duration=10)
    run_pending(services)
    done = task(client, org, task_id)
    assert done["status"] == "completed", done
    assert fake.generations == 1
    assert len(fake.requests) == 1  # the refused create started nothing
    with services.uow_factory(read_only=True) as uow:
        attempts = uow.tasks.get(task_id)
    assert attempts is not None
    assert attempts.attempts == 2
    assert money(services, org) == (Decimal("0.1000"), Decimal(0))


def test_a_lost_task_fails_and_releases_the_hold(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    fake.render_seconds = 2.0
    task_id = create(client, org, prompt="ambient drone", make_instrumental=True, duration=10)
    forget = threading.Timer(0.5, fake.lose_all)  # as a restarted server: "[]" from now on
    forget.start()
    run_pending(services)
    forget.join()
    failed = task(client, org, task_id)
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "upstream_error"
    assert money(services, org) == (Decimal(0), Decimal(0))


def test_a_failed_generation_fails_the_task_and_releases_the_hold(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    task_id = create(client, org, prompt="fake:fail", make_instrumental=True, duration=10)
    run_pending(services)
    failed = task(client, org, task_id)
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "upstream_error"
    assert "CUDA" in failed["error"]["message"]
    assert fake.generations == 1  # not retried: a second try would cost a second render
    assert money(services, org) == (Decimal(0), Decimal(0))


def test_a_refused_key_leaves_nothing_charged(tmp_path: Path, fake: FakeAceStepServer) -> None:
    settings = acestep_settings(tmp_path, fake.url, acestep_api_key="wrong")
    services = build_services(settings)
    upgrade(services.engine)
    org = create_funded_organisation(services.uow_factory, services.clock, "acme", Decimal(10))
    from songforge.api.app import create_app

    with TestClient(create_app(settings, services=services)) as client:
        task_id = create(client, org, prompt="anything", make_instrumental=True, duration=10)
        run_pending(services)
        failed = task(client, org, task_id)
    services.close()
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "upstream_error"
    assert fake.generations == 0
    assert money(services, org) == (Decimal(0), Decimal(0))


def upload(client: TestClient, org: Bootstrapped, seconds: float, seed: int) -> str:
    from songforge.providers.acestep_fake import SAMPLE_RATE, _chord_audio

    buffer = io.BytesIO()
    soundfile.write(buffer, _chord_audio(seconds, seed, 100), SAMPLE_RATE, format="WAV")
    response = client.post(
        "/v1/files",
        files={"file": ("take.wav", buffer.getvalue(), "audio/wav")},
        headers=bearer(org.api_key),
    )
    assert response.status_code == 200, response.text
    return str(response.json()["id"])


def test_an_uploaded_file_is_covered(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    file_id = upload(client, org, 12.0, seed=5)
    task_id = create(
        client, org, prompt="as a jazz trio", audio_url=file_id, audio_operation="upload-cover"
    )
    run_pending(services)
    done = task(client, org, task_id)
    assert done["status"] == "completed", done
    sent = fake.requests[0]
    assert sent["task_type"] == "cover"
    assert sent["src_audio"] is True
    assert abs(done["metadata"]["duration"] - 12.0) < 0.1
    assert file_id not in str(done)
    assert money(services, org) == (Decimal("0.1000"), Decimal(0))


def test_an_uploaded_file_is_extended_from_continue_at(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    file_id = upload(client, org, 12.0, seed=6)
    task_id = create(
        client,
        org,
        prompt="carry it on",
        audio_url=file_id,
        audio_operation="upload-extend",
        continue_at=8.0,
        duration=10,
        make_instrumental=True,
    )
    run_pending(services)
    done = task(client, org, task_id)
    assert done["status"] == "completed", done
    sent = fake.requests[0]
    assert (sent["task_type"], float(sent["repainting_start"])) == ("repaint", 8.0)
    from songforge.providers.acestep_fake import SAMPLE_RATE, _chord_audio

    original = _chord_audio(12.0, 6, 100)
    new, rate = master_of(services, task_id)
    assert rate == SAMPLE_RATE
    kept = 8 * rate - rate // 10
    assert float(np.corrcoef(original[:kept, 0], new[:kept, 0])[0, 1]) > 0.99


def test_a_200_answer_carrying_an_error_code_is_not_taken_for_acceptance(
    backend: tuple[TestClient, Services, Bootstrapped], fake: FakeAceStepServer
) -> None:
    client, services, org = backend
    task_id = create(client, org, prompt="fake:error-code", make_instrumental=True, duration=10)
    run_pending(services)
    failed = task(client, org, task_id)
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "upstream_error"
    assert fake.generations == 0
    with services.uow_factory(read_only=True) as uow:
        stored = uow.tasks.get(task_id)
    assert stored is not None
    assert stored.remote is None or stored.remote.task_id is None  # nothing accepted
    assert money(services, org) == (Decimal(0), Decimal(0))
