"""How the melody sets words: stressed syllables on beats, line ends held, repeats alike.

Measured on composed scores (no audio needed) for the lyric writer's prompts; word stress
comes from the CMU pronouncing dictionary directly, not from the engine's own marks.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from pathlib import Path

import pronouncing
import pytest

from songforge.engine.lyric_text import syllable_count
from songforge.engine.planning import PlannedSong, SongRequest, plan_song
from songforge.engine.rhythm import Feel, place_line
from songforge.engine.score import Syllable
from tests.unit.test_lyricist import PROMPTS

TAGS = ("pop", "rock", "country", "synth-pop", "jazz", "lo-fi")


def _songs() -> list[PlannedSong]:
    return [
        plan_song(SongRequest(prompt=prompt, tags=TAGS[i % len(TAGS)], duration=120, seed=i))
        for i, prompt in enumerate(PROMPTS)
    ]


@pytest.fixture(scope="module")
def songs() -> list[PlannedSong]:
    return _songs()


def _lines(song: PlannedSong) -> dict[int, list[Syllable]]:
    by_line: dict[int, list[Syllable]] = defaultdict(list)
    for syllable in song.score.vocal:
        by_line[syllable.line].append(syllable)
    return by_line


def _beats(song: PlannedSong, seconds: float) -> float:
    return seconds / (song.score.bar_seconds / 4)


def _on_beat(song: PlannedSong, seconds: float) -> bool:
    beats = _beats(song, seconds - song.score.sections[0].start)
    return abs(beats - round(beats)) < 0.02


def _dictionary_stress(line: str) -> list[bool | None]:
    """Per syllable: True stressed, False unstressed, None where the dictionary has no say
    (one-syllable words, unknown words)."""
    marks: list[bool | None] = []
    for word in line.split():
        count = syllable_count(word)
        if count == 0:
            continue
        clean = "".join(ch for ch in word.lower() if ch.isalpha() or ch == "'")
        phones = pronouncing.phones_for_word(clean)
        pattern = pronouncing.stresses(phones[0]) if phones else ""
        if count > 1 and len(pattern) == count:
            marks += [mark in "12" for mark in pattern]
        else:
            marks += [None] * count
    return marks


def test_stressed_syllables_land_on_beats(songs: list[PlannedSong]) -> None:
    stressed_on_beat = stressed = 0
    for song in songs:
        for index, sung in _lines(song).items():
            marks = _dictionary_stress(song.score.lines[index])
            assert len(marks) == len(sung)
            for mark, syllable in zip(marks, sung, strict=True):
                if mark:
                    stressed += 1
                    stressed_on_beat += _on_beat(song, syllable.start)
    assert stressed > 300
    assert stressed_on_beat / stressed >= 0.85


def test_line_ends_on_a_beat_and_is_held(songs: list[PlannedSong]) -> None:
    for song in songs:
        for sung in _lines(song).values():
            last = sung[-1]
            assert _on_beat(song, last.start)
            assert last.duration >= max(s.duration for s in sung)
            assert _beats(song, last.duration) >= 1.0


def test_notes_follow_each_other_without_overlap(songs: list[PlannedSong]) -> None:
    for song in songs:
        vocal = song.score.vocal
        for before, after in itertools.pairwise(vocal):
            assert after.start >= before.start + before.duration - 1e-3
        lines = _lines(song)
        # A breath between lines: the next line starts after the last note has ended.
        for index in sorted(lines)[:-1]:
            end = lines[index][-1].start + lines[index][-1].duration
            assert lines[index + 1][0].start >= end


def _section_kind(song: PlannedSong, seconds: float) -> str:
    return [s.kind for s in song.score.sections if s.start <= seconds + 1e-6][-1]


def test_repeated_choruses_are_sung_to_the_same_rhythm(songs: list[PlannedSong]) -> None:
    compared = 0
    for song in songs:
        seen: dict[str, list[tuple[float, float]]] = {}
        for index, sung in _lines(song).items():
            if _section_kind(song, sung[0].start) != "chorus":
                continue
            # Onsets, and lengths but the last: its hold depends on the room the line has.
            shape = [
                (
                    round(_beats(song, s.start - sung[0].start), 2),
                    round(_beats(song, s.duration), 2) if s is not sung[-1] else 0.0,
                )
                for s in sung
            ]
            text = song.score.lines[index]
            if text in seen:
                assert seen[text] == shape, text
                compared += 1
            seen[text] = shape
    assert compared > 30


def test_crowded_lines_still_fit_their_bars() -> None:
    marks = (1, 0) * 12  # 24 syllables into two bars
    placements = place_line(marks, 16, Feel(pickup=1, spread=True))
    assert len(placements) == len(marks)
    assert placements[-1].start + placements[-1].length <= 16
    starts = [p.start for p in placements]
    assert starts == sorted(starts)


def test_words_sent_with_the_continuation_of_an_instrumental_are_sung() -> None:
    from songforge.engine.planning import Continuation

    source = plan_song(SongRequest(prompt="a pop tune", instrumental=True, duration=40, seed=2))
    assert source.score.vocal == []
    continuation = Continuation(source.score.to_json(), Path("unused"), None)
    words = "[Verse]\nNow the voices join the band\nSinging over open land"
    with_words = plan_song(SongRequest(lyrics=words, seed=3, continuation=continuation))
    assert not with_words.instrumental
    assert with_words.score.lines == words.splitlines()[1:]
    assert len(with_words.score.vocal) > 10
    without = plan_song(SongRequest(prompt="more", seed=3, continuation=continuation))
    assert without.instrumental
    assert without.score.vocal == []


def test_a_continuation_without_duration_is_as_long_as_its_new_words_need() -> None:
    from songforge.engine.planning import Continuation, is_singable

    source = plan_song(SongRequest(prompt="a pop tune", instrumental=True, duration=40, seed=2))
    continuation = Continuation(source.score.to_json(), Path("unused"), None)
    words = "\n".join(["I walked along the river in the rain tonight"] * 30)
    fitted = plan_song(SongRequest(lyrics=words, seed=3, continuation=continuation))
    assert is_singable(fitted.score)
    assert fitted.score.duration > 60
    squeezed = plan_song(SongRequest(lyrics=words, seed=3, duration=30, continuation=continuation))
    assert not is_singable(squeezed.score)
