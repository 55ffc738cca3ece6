"""The optional chat backend for lyrics, against a local server speaking that API."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import Action, StoredAsset
from songforge.ports import ProviderJob
from songforge.providers.chat_lyrics import ChatSettings, UnusableLyrics, repair
from songforge.providers.lyricist_provider import LyricistProvider
from songforge.storage.memory import MemoryBlobStore

GOOD = """Sure! Here are your lyrics:
```
Title: Harbor Lights
**[Verse 1]**
The boats come home across the bay
The gulls are calling out the day
The lanterns swing above the pier
And every sailor's coming near

[CHORUS]
Harbor lights, guide me home
Through the night I'm not alone
Harbor lights, shining bright
Bring me back to you tonight

Verse 2:
The nets are folded, ropes are tied
The tide is turning by my side
```
I hope you enjoy them!"""


class _ChatServer(BaseHTTPRequestHandler):
    mode = "good"
    seen: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        body = json.loads(self.rfile.read(length))
        _ChatServer.seen.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
        )
        if self.mode == "slow":
            time.sleep(2)
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        content = {
            "good": GOOD,
            "garbage": "I cannot help with that.",
            "echo": "[Chorus]\n" + "\n".join(["a song about the sea at night time"] * 9),
            "slow": GOOD,
        }[self.mode]
        payload = json.dumps(
            {"choices": [{"message": {"role": "assistant", "content": content}}]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        return


@pytest.fixture
def chat_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ChatServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _ChatServer.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def _no_assets(kind: str, data: bytes | Path, content_type: str) -> StoredAsset:
    raise AssertionError("a lyrics task stores no files")


def _job(prompt: str) -> ProviderJob:
    request = GenerationRequest(
        model="suno_lyrics", action=Action.LYRICS, operation="lyrics", prompt=prompt, seed=3
    )
    return ProviderJob(
        task_id="t",
        request=request,
        seed=3,
        report=lambda stage, percent: None,
        blobs=MemoryBlobStore(),
        save_asset=_no_assets,
    )


def _provider(url: str, timeout: float = 1.0) -> LyricistProvider:
    return LyricistProvider(ChatSettings(url, "secret-key", "some-model", timeout))


def test_good_answer_is_cleaned_up(chat_server: str) -> None:
    _ChatServer.mode = "good"
    result = _provider(chat_server).generate(_job("a song about a harbor at night"))
    assert result.title == "Harbor Lights"
    assert result.metadata["writer"] == "chat"
    assert result.lyrics is not None
    assert result.lyrics.startswith("[Verse 1]\nThe boats come home across the bay")
    assert "[Chorus]\nHarbor lights, guide me home" in result.lyrics
    assert "[Verse 2]\nThe nets are folded, ropes are tied" in result.lyrics
    for chatter in ("Sure", "hope", "```", "**", "Title:"):
        assert chatter not in result.lyrics
    [call] = _ChatServer.seen
    assert call["path"] == "/v1/chat/completions"
    assert call["auth"] == "Bearer secret-key"
    assert call["body"]["model"] == "some-model"
    assert "harbor at night" in call["body"]["messages"][-1]["content"]


@pytest.mark.parametrize("mode", ["garbage", "echo", "error", "slow"])
def test_bad_answers_fall_back_to_the_built_in_writer(chat_server: str, mode: str) -> None:
    _ChatServer.mode = mode
    prompt = "a song about the sea at night time"
    result = _provider(chat_server, timeout=0.5).generate(_job(prompt))
    assert result.metadata["writer"] == "built-in"
    assert result.lyrics is not None
    assert "[Chorus]" in result.lyrics


def test_unreachable_backend_falls_back() -> None:
    result = _provider("http://127.0.0.1:9/v1").generate(_job("rain"))
    assert result.metadata["writer"] == "built-in"


def test_repair_refuses_what_cannot_be_sung() -> None:
    with pytest.raises(UnusableLyrics):
        repair("[Verse]\nonly\ntwo lines", "x")
    with pytest.raises(UnusableLyrics):
        repair("[Chorus]\n" + "\n".join(["word " * 30] * 8), "x")
    title, sections = repair(GOOD, "harbor")
    assert title == "Harbor Lights"
    assert [s.name for s in sections] == ["Verse 1", "Chorus", "Verse 2"]
