"""LYRICS tasks through the API with the built-in writer: about the prompt, in Spanish for a
Spanish prompt, and in English with a notice for a language the writer does not have."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import create_funded_organisation
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer, run_pending


@pytest.fixture
def writer_services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "d", workers=0, public_base_url="http://testserver")
    services = build_services(settings)
    upgrade(services.engine)
    yield services
    services.close()


def _lyrics(services: Services, prompts: list[str]) -> list[dict[str, Any]]:
    org = create_funded_organisation(services.uow_factory, services.clock, "w", Decimal(5))
    app = create_app(services.settings, services=services)
    with TestClient(app) as client:
        headers = bearer(org.api_key)
        tasks = [
            client.post(
                "/v1/music/generations",
                json={"model": "suno_lyrics", "prompt": prompt, "seed": 5},
                headers=headers,
            ).json()
            for prompt in prompts
        ]
        run_pending(services)
        return [client.get(t["poll_url"], headers=headers).json() for t in tasks]


def test_lyrics_follow_the_prompts_language(writer_services: Services) -> None:
    english, spanish, chinese = _lyrics(
        writer_services,
        [
            "country song about a pickup truck and a dog",
            "una canción de amor en la playa",
            "一首关于夏天的歌",
        ],
    )
    for done in (english, spanish, chinese):
        assert done["status"] == "completed", done
        assert "[Chorus]" in done["lyrics"]
    assert english["metadata"]["lyrics_language"] == "en"
    assert "truck" in english["lyrics"].lower()
    assert "dog" in english["lyrics"].lower()
    assert "notices" not in english["metadata"]

    assert spanish["metadata"]["lyrics_language"] == "es"
    assert "playa" in spanish["lyrics"].lower()
    assert "notices" not in spanish["metadata"]

    assert chinese["metadata"]["lyrics_language"] == "en"
    assert chinese["lyrics"].isascii()
    assert any("Chinese" in notice for notice in chinese["metadata"]["notices"])
