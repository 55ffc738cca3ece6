"""Schemathesis hooks for the fuzzing run over our own OpenAPI document.

Two rules cannot be written as JSON Schema, and the document says them in words: caller
lyrics must be words in a language the voice sings and fit the song's length (syllables
against bars), and an upload must be audio that decodes. These hooks keep the fuzzer to
create bodies whose lyrics pass the server's own check, and put a real one-second WAV in
generated uploads, so that "schema-valid but refused" findings stay about what the schema
could have said. The refusals themselves are tested in tests/api and tests/integration.
"""

from __future__ import annotations

import io
import math
import wave
from typing import Any

import schemathesis

from songforge.domain.catalog import Catalog
from songforge.domain.errors import SongforgeError
from songforge.domain.generation_request import validate_create_body
from songforge.providers.engine_checks import check_lyrics_fit


def _ascii_wav(seconds: float = 1.0, rate: int = 8000) -> str:
    """A one-second 8-bit WAV whose every byte is ASCII, as text.

    Schemathesis revalidates a body a hook changed, and counts any bytes in it as breaking
    the schema; a text value keeps a valid case valid (and an invalid one invalid). 8-bit
    samples between 40 and 120 and an 8 kHz rate keep every header and sample byte < 128,
    so the text goes out unchanged as UTF-8."""
    frames = bytes(
        int(80 + 40 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(int(seconds * rate))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return out.getvalue().decode("ascii")


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Every phase's uploads (the coverage phase too) carry a real WAV as their file."""
    operation = case.operation
    if (operation.method.upper(), operation.path) != ("POST", "/v1/files"):
        return
    if isinstance(case.body, dict) and isinstance(case.body.get("file"), bytes | str):
        case.body["file"] = _ascii_wav()


@schemathesis.hook("filter_body").apply_to(method="POST", path="/v1/music/generations")  # type: ignore[attr-defined,untyped-decorator]
def singable_lyrics_only(context: Any, body: Any) -> bool:
    if not isinstance(body, dict) or not isinstance(body.get("lyrics"), str):
        return True
    try:
        request = validate_create_body(body, Catalog.load())
    except SongforgeError:
        return True  # refused for a reason the schema describes: the fuzzer should see it
    model = Catalog.load().get(request.model)
    try:
        check_lyrics_fit(request, model.duration.max if model.duration else 240.0)
    except SongforgeError:
        return False
    return True
