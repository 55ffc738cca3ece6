"""A worker sings song after song: nothing of one song may stay in memory after it."""

from __future__ import annotations

import gc
import tracemalloc
from typing import Any

import pytest

from songforge.engine.planning import SongRequest, plan_song

pytestmark = pytest.mark.slow


def test_singing_keeps_nothing_between_songs(engine: Any) -> None:
    voice = engine.voice
    first = plan_song(SongRequest(prompt="a pop song about the sea", duration=40, seed=1)).score
    voice.sing(first.vocal, first.lines, first.duration)  # warm: sessions, caches of code
    second = plan_song(SongRequest(prompt="a rock song about the road", duration=40, seed=2))
    score = second.score
    gc.collect()
    tracemalloc.start()
    try:
        vocal = voice.sing(score.vocal, score.lines, score.duration)
        assert vocal.any()
        del vocal
        gc.collect()
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Singing a 40 s song allocates tens of MB; under 2 MB may stay (interned phonemes).
    assert peak > 20_000_000
    assert retained < 2_000_000, retained
