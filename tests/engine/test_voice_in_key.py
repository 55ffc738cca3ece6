"""The singer and the band in one key, heard from the rendered vocal stem (librosa pYIN),
for songs in keys with four or more sharps or flats (where a wrong scale shows most)."""

from __future__ import annotations

import functools
from typing import Any

import librosa
import numpy as np
import pytest
import soundfile

from songforge.engine.planning import SongRequest, plan_song
from songforge.engine.theory import SCALES
from tests.engine import analysis

pytestmark = pytest.mark.slow

# Sharps or flats in the signature of each major key, by tonic pitch class.
_ACCIDENTALS = {0: 0, 7: 1, 2: 2, 9: 3, 4: 4, 11: 5, 6: 6, 1: 5, 8: 4, 3: 3, 10: 2, 5: 1}
# How far above each mode's tonic its relative major lies (A minor and C major: 3).
_TO_MAJOR = {"major": 0, "minor": 3, "dorian": 10, "mixolydian": 5}
PROMPTS = (
    ("a children's song about counting stars", "children, happy, simple"),
    ("country song about a pickup truck and a dog", "country, upbeat"),
    ("a sad folk song about a lighthouse keeper", "folk, sad"),
    ("a synth-pop song about city lights", "synth-pop"),
    ("a soul song about coming home", "soul"),
    ("a rock song about the open road", "rock"),
    ("a bossa nova for a rainy café", "bossa nova"),
    ("a gospel song about the morning", "gospel"),
    ("a k-pop song about a first date", "k-pop"),
    ("a reggae song about the sunshine", "reggae"),
)


def accidentals(tonic: int, mode: str) -> int:
    return _ACCIDENTALS[(tonic + _TO_MAJOR[mode]) % 12]


@functools.cache
def _requests() -> tuple[SongRequest, ...]:
    """Ten short sung songs, one per prompt, each on the first seed whose chosen key has
    at least four sharps or flats."""
    chosen = []
    for prompt, tags in PROMPTS:
        for seed in range(1000, 1100):
            request = SongRequest(prompt=prompt, tags=tags, duration=30, seed=seed)
            score = plan_song(request).score
            if accidentals(score.tonic, score.mode) >= 4 and len(score.vocal) >= 16:
                chosen.append(request)
                break
    return tuple(chosen)


def _voiced_pitch_classes(path: str) -> np.ndarray:
    vocal, rate = soundfile.read(path)
    mono = vocal if vocal.ndim == 1 else vocal.mean(axis=1)
    y = librosa.resample(mono, orig_sr=rate, target_sr=16_000)
    f0, voiced, _ = librosa.pyin(y, fmin=70, fmax=500, sr=16_000, frame_length=1024, hop_length=320)
    sung = f0[voiced & ~np.isnan(f0)]
    return np.asarray(np.round(librosa.hz_to_midi(sung)).astype(int) % 12)


def _best_transposition(chroma: np.ndarray, mode: str) -> int:
    """The tonic whose scale (in `mode`) holds the most of the chroma's energy."""
    return max(range(12), key=lambda t: sum(chroma[(t + step) % 12] for step in SCALES[mode]))


@pytest.mark.parametrize("index", range(len(PROMPTS)))
def test_the_voice_sings_in_the_band_s_key(render: Any, index: int) -> None:
    request = _requests()[index]
    score = plan_song(request).score
    assert accidentals(score.tonic, score.mode) >= 4
    song = render(request)
    assert song.output.metadata["key"] == score.key
    scale = {(score.tonic + step) % 12 for step in SCALES[score.mode]}
    classes = _voiced_pitch_classes(str(song.file("stem_vocals")))
    assert len(classes) > 200  # seconds of singing, at 50 frames a second
    share = float(np.mean([c in scale for c in classes]))
    assert share >= 0.85, f"{share:.0%} of sung frames in {score.key} ({score.mode})"
    # The band, heard on its own, plays that scale and no other transposition of it.
    band = analysis.decode(song.file("stem_instrumental"))
    assert _best_transposition(analysis.chroma(band), score.mode) == score.tonic
