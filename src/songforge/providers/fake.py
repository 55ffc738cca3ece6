"""A fake provider for tests: quick, deterministic, and able to misbehave on request.

Directives in the prompt steer it: ``fake:sleep=2`` waits, ``fake:busy=2`` burns CPU,
``fake:fail`` raises, ``fake:crash`` kills its process, ``fake:hang`` never returns.
"""

from __future__ import annotations

import io
import math
import os
import re
import struct
import time
import wave

from songforge.domain.tasks import Action, GenerationResult, Stage
from songforge.ports import ProviderJob

_DIRECTIVE = re.compile(r"fake:(\w+)(?:=([0-9.]+))?")


def _tone_wav(seconds: float, frequency: float, rate: int = 22_050) -> bytes:
    frames = int(seconds * rate)
    samples = (int(12_000 * math.sin(2 * math.pi * frequency * n / rate)) for n in range(frames))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


class FakeProvider:
    name = "fake"

    def generate(self, job: ProviderJob) -> GenerationResult:
        request = job.request
        directives = dict(_DIRECTIVE.findall(request.prompt or ""))
        if request.action is Action.MUSIC and not request.lyrics and not request.make_instrumental:
            job.report(Stage.WRITING_LYRICS, 5)  # as the engine does before it composes
        job.report(Stage.COMPOSING, 10)
        if "sleep" in directives:
            deadline = time.monotonic() + float(directives["sleep"] or 1)
            while time.monotonic() < deadline:
                time.sleep(0.05)
                job.report(Stage.RENDERING, 50)
        if "busy" in directives:
            deadline = time.monotonic() + float(directives["busy"] or 1)
            while time.monotonic() < deadline:
                sum(i * i for i in range(10_000))
        if "fail" in directives:
            raise RuntimeError("the fake provider was asked to fail")
        if "crash" in directives:
            os._exit(17)
        if "hang" in directives:
            while True:
                time.sleep(1)
        title = request.title or "Fake Song"
        lyrics = request.lyrics or "[Verse 1]\nA fake line sung\n\n[Chorus]\nFake song, fake song"
        if request.action is Action.LYRICS:
            return GenerationResult(title=title, lyrics=lyrics, metadata={})
        job.report(Stage.ENCODING, 90)
        seconds = 1.0
        audio = job.save_asset("audio", _tone_wav(seconds, 220.0 + job.seed % 220), "audio/wav")
        metadata = {
            "duration": seconds,
            "bpm": 120,
            "key": "A minor",
            "sample_rate": 22_050,
            "audio_format": "wav",
            "sections": [{"name": "Verse 1", "start": 0.0}],
        }
        if job.source is not None:
            metadata["continued_from"] = {
                "clip_id": job.source.clip_id,
                "continue_at": request.continue_at or job.source.metadata.get("duration"),
            }
        return GenerationResult(
            title=title,
            lyrics=None if request.make_instrumental else lyrics,
            metadata=metadata,
            assets=[audio],
        )
