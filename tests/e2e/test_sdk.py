"""The SDK against a live server (no mocks of our own API)."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

from songforge.client import AsyncClient, Client
from songforge.client import errors as sdk_errors


@pytest.fixture
def server(live_server_factory: Any) -> Any:
    return live_server_factory(SONGFORGE_WORKERS=1)


def _decodes(path: Path) -> bool:
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", str(path)], capture_output=True, text=True
    )
    return probe.returncode == 0 and "duration=" in probe.stdout


def test_song_lyrics_and_continuation(server: Any, tmp_path: Path) -> None:
    seen: list[str] = []
    with Client(server.api_key, server.base_url) as client:
        task = client.music.create("a song about rain", title="Rain", seed=3)
        assert task.status == "pending"
        done = client.tasks.wait(task.id, interval=0.1, on_progress=lambda t: seen.append(t.status))
        assert done.status == "completed"
        assert seen[-1] == "completed"
        assert done.audio_url is not None
        saved = client.files.download(done.audio_url, tmp_path / "rain.wav")
        assert _decodes(saved)
        words = client.lyrics.create("the sea")
        text = client.tasks.wait(words.id, interval=0.1)
        assert text.lyrics
        assert text.audio_url is None
        assert done.clip_id is not None
        more = client.music.continue_(done.clip_id, at=0.5)
        continued = client.tasks.wait(more.id, interval=0.1)
        assert continued.metadata["continued_from"]["clip_id"] == done.clip_id
        listed = client.tasks.list(limit=10)
        assert {t.id for t in listed.data} == {task.id, words.id, more.id}
        streamed = list(client.tasks.stream(task.id))
        assert streamed[-1].status == "completed"
        assert [m.id for m in client.models.list(recommended_for="lyrics")] == [
            "suno_music",
            "suno_lyrics",
        ]


def test_errors_map_to_exceptions(server: Any) -> None:
    with Client(server.api_key, server.base_url, max_retries=0) as client:
        with pytest.raises(sdk_errors.TaskNotFoundError) as missing:
            client.tasks.get("ldtask_nope")
        assert missing.value.request_id
        assert missing.value.status == 404
        with pytest.raises(sdk_errors.ModelNotFoundError):
            client.music.create("x", model="suno_musik")
        with pytest.raises(sdk_errors.UnsupportedParameterError) as unsupported:
            client.create({"prompt": "x", "style_weight": 1})
        assert unsupported.value.param == "style_weight"
        with pytest.raises(sdk_errors.InvalidParameterError):
            client.music.create("x", duration=5)
        failing = client.music.create("fake:fail")
        with pytest.raises(sdk_errors.TaskFailedError) as failed:
            client.tasks.wait(failing.id, interval=0.2, timeout=60)
        assert failed.value.code == "generation_failed"
        assert failed.value.task_id == failing.id
        assert failing.id in str(failed.value)
    with (
        Client("sk-wrong", server.base_url) as stranger,
        pytest.raises(sdk_errors.InvalidApiKeyError),
    ):
        stranger.tasks.list()


class _DropFirstCreateAnswer(httpx.HTTPTransport):
    """Delivers the first create to the server, then loses its answer on the way back."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method == "POST" and self.dropped == 0:
            response.read()  # the server has committed the task by now
            self.dropped += 1
            raise httpx.ReadError("connection dropped", request=request)
        return response


def test_lost_create_answer_is_retried_into_one_task(server: Any) -> None:
    transport = _DropFirstCreateAnswer()
    with Client(server.api_key, server.base_url, transport=transport) as client:
        task = client.music.create("a song about trains")
        assert transport.dropped == 1
        assert [t.id for t in client.tasks.list().data] == [task.id]


def test_async_client(server: Any) -> None:
    async def run() -> tuple[str, str]:
        async with AsyncClient(server.api_key, server.base_url) as client:
            task = await client.music.create("an async song", seed=1)
            done = await client.tasks.wait(task.id, interval=0.1)
            events = [t.status async for t in client.tasks.stream(task.id)]
            return done.status, events[-1]

    assert asyncio.run(run()) == ("completed", "completed")


def test_uploaded_audio_becomes_a_song(server: Any, tmp_path: Path) -> None:
    import io

    import numpy as np
    import soundfile as sf

    buffer = io.BytesIO()
    sf.write(buffer, 0.2 * np.sin(np.arange(16_000 * 2) / 8.0), 16_000, format="WAV")
    path = tmp_path / "hum.wav"
    path.write_bytes(buffer.getvalue())
    with Client(server.api_key, server.base_url) as client:
        uploaded = client.files.upload(path)
        assert (uploaded["filename"], uploaded["duration"]) == ("hum.wav", 2.0)
        task = client.create({"prompt": "a cover of my hum", "audio_url": uploaded["id"]})
        assert client.tasks.wait(task.id, interval=0.1).status == "completed"
        with pytest.raises(sdk_errors.SongforgeError) as refused:
            client.files.upload(Path(__file__))
        assert refused.value.param == "file"

    async def upload_async() -> str:
        async with AsyncClient(server.api_key, server.base_url) as client:
            return str((await client.files.upload(path))["id"])

    assert asyncio.run(upload_async()).startswith("file_")
