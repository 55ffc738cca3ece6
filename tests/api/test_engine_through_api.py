"""The default backends through the API: a sung song, lyrics, and a continuation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.composition import Services, build_services
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import Bootstrapped
from songforge.settings import Settings
from tests.conftest import bearer, run_pending

pytestmark = pytest.mark.slow


@pytest.fixture
def engine_services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "d", workers=0, public_base_url="http://testserver")
    services = build_services(settings)
    upgrade(services.engine)
    yield services
    services.close()


def test_song_lyrics_and_continuation(engine_services: Services) -> None:
    from decimal import Decimal

    from songforge.services.bootstrap import create_funded_organisation

    org: Bootstrapped = create_funded_organisation(
        engine_services.uow_factory, engine_services.clock, "e", Decimal(5)
    )
    app = create_app(engine_services.settings, services=engine_services)
    with TestClient(app) as client:
        headers = bearer(org.api_key)
        song = client.post(
            "/v1/music/generations",
            json={"prompt": "a country song about the open road", "duration": 30, "seed": 9},
            headers=headers,
        ).json()
        lyrics = client.post(
            "/v1/music/generations",
            json={"model": "suno_lyrics", "prompt": "the sea at night", "seed": 2},
            headers=headers,
        ).json()
        run_pending(engine_services)
        done = client.get(song["poll_url"], headers=headers).json()
        assert done["status"] == "completed", done
        for field in ("audio_url", "video_url", "image_url"):
            assert client.get(done[field]).status_code == 200
        assert done["metadata"]["style"] == "country"
        assert set(done["metadata"]["stems"]) == {"vocals", "instrumental"}
        for stem_url in done["metadata"]["stems"].values():
            stem = client.get(stem_url)
            assert stem.status_code == 200
            assert stem.headers["content-type"] == "audio/flac"
            assert stem_url.endswith(".flac")  # saved under a name players recognise
            assert stem.content[:4] == b"fLaC"
        assert done["metadata"]["lyrics_timing"][0]["start"] > 0
        assert done["lyrics"].startswith("[Verse 1]")
        text = client.get(lyrics["poll_url"], headers=headers).json()
        assert text["status"] == "completed"
        assert text["action"] == "LYRICS"
        assert text["title"]
        assert "[Chorus]" in text["lyrics"]
        assert "audio_url" not in text
        assert text["cost"] == "0.0100"
        more = client.post(
            "/v1/music/generations",
            json={"continue_clip_id": done["clip_id"], "continue_at": 12, "duration": 30},
            headers=headers,
        ).json()
        run_pending(engine_services)
        continued = client.get(more["poll_url"], headers=headers).json()
        assert continued["status"] == "completed", continued
        assert continued["metadata"]["continued_from"]["clip_id"] == done["clip_id"]
        assert continued["metadata"]["bpm"] == done["metadata"]["bpm"]


def test_caller_lyrics_round_trip(engine_services: Services) -> None:
    from decimal import Decimal

    from songforge.services.bootstrap import create_funded_organisation

    org = create_funded_organisation(
        engine_services.uow_factory, engine_services.clock, "c", Decimal(5)
    )
    written = (
        "[Verse 1]\nMorning light upon the water\nI can hear the river call\n\n"
        "[Chorus]\nRiver, carry me\nRiver, set me free\n\n"
        "[Verse 2]\nEvery stone a little story\nEvery bend a place to fall"
    )
    app = create_app(engine_services.settings, services=engine_services)
    with TestClient(app) as client:
        headers = bearer(org.api_key)
        task = client.post(
            "/v1/music/generations",
            json={"prompt": "folk", "lyrics": written, "title": "River", "duration": 30},
            headers=headers,
        ).json()
        run_pending(engine_services)
        done = client.get(task["poll_url"], headers=headers).json()
    assert done["status"] == "completed", done
    assert done["lyrics"] == written
    assert done["title"] == "River"
    sung = [line["text"] for line in done["metadata"]["lyrics_timing"]]
    assert sung == [line for line in written.splitlines() if line and not line.startswith("[")]
