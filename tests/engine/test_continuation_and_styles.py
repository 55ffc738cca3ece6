"""Continuations keep the source, and styles and prompts steer the music."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from songforge.engine.pipeline import Continuation, SongRequest
from songforge.engine.styles import STYLES, choose_style
from tests.engine import analysis

pytestmark = pytest.mark.slow
SOURCE = SongRequest(prompt="an upbeat pop song about summer", tags="pop", duration=40, seed=21)


def _continue(render: Any, source: Any, at: float | None, seed: int) -> Any:
    continuation = Continuation(
        score_json=source.file("score").read_text(),
        master_path=source.file("master"),
        continue_at=at,
    )
    return render(SongRequest(prompt="more", duration=30, seed=seed, continuation=continuation))


def _master(song: Any) -> np.ndarray:
    audio, _ = soundfile.read(str(song.file("master")), dtype="float32")
    return np.asarray(audio)


def test_continuation_keeps_source_up_to_the_snapped_cut(render: Any) -> None:
    source = render(SOURCE)
    new = _continue(render, source, 17.0, 5)
    cut = new.output.metadata["continued_from"]["continue_at"]
    bar = json.loads(source.file("score").read_text())["bar_seconds"]
    assert abs(cut - round(cut / bar) * bar) < 0.001  # on a bar line (reported to the ms)
    assert abs(cut - 17.0) <= bar / 2
    original = analysis.decode(source.file("audio"))
    joined = analysis.decode(new.file("audio"))
    n = int(cut * 44_100) - 2048
    correlation = np.corrcoef(original[:n].ravel(), joined[:n].ravel())[0, 1]
    assert correlation > 0.99
    expected = cut + 30
    assert abs(new.output.metadata["duration"] - expected) <= 0.05 * expected
    assert new.output.metadata["bpm"] == source.output.metadata["bpm"]
    assert new.output.metadata["key"] == source.output.metadata["key"]
    assert new.output.metadata["style"] == source.output.metadata["style"]
    audio = analysis.decode(new.file("audio"))
    assert (
        analysis.key_tonic(audio[int(cut * 44_100) :]) == source.output.metadata["key"].split()[0]
    )
    # No click: the first joined sample steps from the last kept one no further than the
    # source itself stepped there (the join adds no discontinuity of its own).
    master, source_master = _master(new), _master(source)
    at = round(round(cut / bar) * bar * 44_100)  # the exact bar line, not the ms report
    join_step = float(np.abs(master[at] - master[at - 1]).max())
    source_step = float(np.abs(source_master[at] - source_master[at - 1]).max())
    typical = float(np.median(np.abs(np.diff(master[at - 2205 : at + 2205], axis=0))))
    assert join_step <= max(source_step, typical) * 1.5


def test_chained_continuation(render: Any) -> None:
    source = render(SOURCE)
    first = _continue(render, source, 17.0, 5)
    second = _continue(render, first, None, 6)
    first_cut = first.output.metadata["continued_from"]["continue_at"]
    second_cut = second.output.metadata["continued_from"]["continue_at"]
    assert second_cut > first_cut
    a, b = _master(first), _master(second)
    n = int(second_cut * 44_100) - 2048
    assert np.corrcoef(a[:n].ravel(), b[:n].ravel())[0, 1] > 0.99
    assert second.output.metadata["bpm"] == source.output.metadata["bpm"]


TEN_STYLES = [
    "pop",
    "rock",
    "metal",
    "edm",
    "hip-hop",
    "jazz",
    "country",
    "orchestral",
    "ambient",
    "reggae",
]


# Ten and twenty real renders: the per-test guard is widened, not the measures.
@pytest.mark.timeout(360)
def test_ten_styles_follow_the_table(render: Any) -> None:
    for name in TEN_STYLES:
        style = choose_style(f"a {name} track", name, None)
        assert style.name == name
        song = render(
            SongRequest(prompt=f"a {name} track", tags=name, instrumental=True, duration=30, seed=1)
        )
        score = json.loads(song.file("score").read_text())
        assert score["style"] == name
        low, high = style.tempo
        assert low * 0.85 <= song.output.metadata["bpm"] <= high * 1.15
        programs = {t["role"]: t["program"] for t in score["tracks"]}
        assert programs["chords"] == style.programs["chords"]
        assert programs["bass"] == style.programs["bass"]


@pytest.mark.timeout(360)
def test_twenty_prompts_tempo_and_key(render: Any) -> None:
    prompts = [f"{STYLES[i % len(STYLES)].name} song number {i}" for i in range(20)]
    tempo_ok = key_ok = 0
    for i, prompt in enumerate(prompts):
        song = render(SongRequest(prompt=prompt, instrumental=True, duration=30, seed=100 + i))
        audio = analysis.decode(song.file("audio"))
        tempo_ok += analysis.tempo_agrees(analysis.tempo(audio), song.output.metadata["bpm"])
        key_ok += analysis.key_tonic(audio) == song.output.metadata["key"].split()[0]
    assert tempo_ok >= 16, tempo_ok
    assert key_ok >= 16, key_ok


def test_negative_tags_remove_instruments_and_styles(render: Any) -> None:
    song = render(
        SongRequest(
            prompt="an edm banger",
            tags="edm",
            negative_tags="drums",
            instrumental=True,
            duration=30,
            seed=4,
        )
    )
    roles = {t["role"] for t in json.loads(song.file("score").read_text())["tracks"]}
    assert "drums" not in roles
    assert choose_style("rock or metal", "rock", "rock").name != "rock"


def test_seeds_and_prompts_give_different_songs(render: Any) -> None:
    songs = [
        render(SongRequest(prompt="a pop song", duration=30, seed=s, instrumental=True))
        for s in (1, 2, 3)
    ]
    keys = {(s.output.metadata["bpm"], s.output.metadata["key"]) for s in songs}
    assert len(keys) == 3
    melodies = [
        tuple(
            n["pitch"]
            for t in json.loads(s.file("score").read_text())["tracks"]
            if t["role"] == "lead"
            for n in t["notes"][:16]
        )
        for s in songs
    ]
    assert len(set(melodies)) == 3


def test_score_midi_is_valid(render: Any, tmp_path: Path) -> None:
    import mido

    song = render(SOURCE)
    midi = mido.MidiFile(str(song.file("midi")))
    assert abs(midi.length - song.output.metadata["duration"]) < 3
    names = {t.name for t in midi.tracks}
    assert {"drums", "bass", "vocal"} <= names


def test_continuation_with_too_many_new_words_is_refused(render: Any, tmp_path: Path) -> None:
    from songforge.engine.pipeline import Engine, LyricsDoNotFit

    source = render(SOURCE)
    words = "\n".join(["I walked along the river in the rain tonight"] * 40)
    continuation = Continuation(
        score_json=source.file("score").read_text(),
        master_path=source.file("master"),
        continue_at=None,
    )
    request = SongRequest(lyrics=words, duration=30, seed=3, continuation=continuation)
    with pytest.raises(LyricsDoNotFit) as refused:
        Engine().make_song(request, tmp_path, lambda stage, percent: None)
    assert refused.value.needed is not None
    assert 30 < refused.value.needed <= 240
