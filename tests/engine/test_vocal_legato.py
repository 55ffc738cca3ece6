"""The voice sings legato and without clicks, measured on the stem at the score's times."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np
import pytest

from songforge.engine.planning import SongRequest, plan_song
from songforge.engine.voice import OUTPUT_RATE, Voice
from tests.engine.vocal_measures import clicks, syllable_joins

SONGS = (
    ("An upbeat synth-pop song about city lights at night", "synth-pop, upbeat"),
    ("a melancholic indie folk ballad about a lighthouse keeper", "folk, acoustic, sad"),
    ("a rock song about the open road", "rock"),
    ("a children's song about counting stars", "children, happy, simple"),
    ("country song about a pickup truck and a dog", "country, upbeat"),
    ("a slow soul song about coming home", "r&b, soul"),
    ("a jazz tune about rain on the window", "jazz"),
    ("an edm anthem about dancing all night", "edm, energetic"),
    ("a blues song about losing the train", "blues"),
    ("a hip-hop track about the summer streets", "hip-hop"),
)


def _syllables(count: int, length: float, gap: float) -> list[dict[str, Any]]:
    return [
        {"start": 0.5 + i * (length + gap), "duration": length, "line": 0} for i in range(count)
    ]


def _tone(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * OUTPUT_RATE)) / OUTPUT_RATE
    rng = np.random.default_rng(0)
    return 0.3 * np.sin(2 * np.pi * 220 * t) + 0.01 * rng.standard_normal(len(t))


def test_measures_see_gaps_and_clicks_a_listener_hears() -> None:
    syllables = _syllables(6, 0.25, 0.05)
    legato = _tone(3.0)
    assert syllable_joins(legato, OUTPUT_RATE, syllables).gaps == 0
    assert clicks(legato, OUTPUT_RATE, syllables) == []
    choppy = legato.copy()
    for s in syllables[1:]:
        start = int((s["start"] - 0.05) * OUTPUT_RATE)
        choppy[start : start + int(0.05 * OUTPUT_RATE)] = 0.0
    assert syllable_joins(choppy, OUTPUT_RATE, syllables).gap_fraction == 1.0
    clicked = legato.copy()
    at = int((syllables[2]["start"] + 0.12) * OUTPUT_RATE)
    clicked[at] += 0.8
    found = clicks(clicked, OUTPUT_RATE, syllables)
    assert len(found) == 1
    assert abs(found[0].time - at / OUTPUT_RATE) < 0.01


@pytest.fixture(scope="module")
def sung() -> list[tuple[np.ndarray, list[dict[str, Any]]]]:
    voice = Voice()
    result = []
    for seed, (prompt, tags) in enumerate(SONGS):
        score = plan_song(SongRequest(prompt=prompt, tags=tags, duration=25, seed=200 + seed)).score
        stem = voice.sing(score.vocal, score.lines, score.duration)
        result.append((stem, [asdict(s) for s in score.vocal]))
    return result


@pytest.mark.slow
def test_syllables_of_a_line_are_joined(sung: list[tuple[np.ndarray, Any]]) -> None:
    reports = [syllable_joins(stem, OUTPUT_RATE, syllables) for stem, syllables in sung]
    joins = sum(r.joins for r in reports)
    gaps = sum(r.gaps for r in reports)
    assert joins > 200
    assert gaps / joins <= 0.10, [r.gap_seconds for r in reports]


@pytest.mark.slow
def test_no_clicks_in_held_notes_or_rests(sung: list[tuple[np.ndarray, Any]]) -> None:
    found = {i: clicks(stem, OUTPUT_RATE, syllables) for i, (stem, syllables) in enumerate(sung)}
    assert {i: c for i, c in found.items() if c} == {}
