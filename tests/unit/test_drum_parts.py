"""The drum part moves like a drummer's: phrases closed by a figure, no two hits alike."""

from __future__ import annotations

from collections import Counter

from songforge.engine.planning import PlannedSong, SongRequest, plan_song
from songforge.engine.score import Note, Section

STYLES = ("pop", "rock", "edm", "hip-hop", "country", "latin", "jazz", "reggae")


def _drums(song: PlannedSong) -> list[Note]:
    return next(t.notes for t in song.score.tracks if t.role == "drums")


def _bar(song: PlannedSong, notes: list[Note], section: Section, bar: int) -> set[tuple[int, int]]:
    """(drum, sixteenth) pairs played in one bar of a section."""
    step_seconds = song.score.bar_seconds / 16
    start = section.start + bar * song.score.bar_seconds
    return {
        (n.pitch, round((n.start - start) / step_seconds))
        for n in notes
        if start - 1e-6 <= n.start < start + song.score.bar_seconds - 1e-6
    }


def test_every_four_bar_phrase_is_closed_by_a_figure() -> None:
    checked = 0
    for i, style in enumerate(STYLES):
        song = plan_song(SongRequest(prompt=f"a {style} song", tags=style, duration=120, seed=i))
        notes = _drums(song)
        for section in song.score.sections:
            if section.kind in ("intro", "outro") or section.bars < 8:
                continue
            second, third = _bar(song, notes, section, 1), _bar(song, notes, section, 2)
            fourth = _bar(song, notes, section, 3)
            assert fourth != third, (style, section.name)
            # Before the figure, the groove itself carries on unchanged.
            assert {hit for hit in fourth if hit[1] < 12} == {hit for hit in third if hit[1] < 12}
            assert second == third
            checked += 1
    assert checked >= 16


def test_hits_vary_in_strength_and_repeat_by_seed() -> None:
    request = SongRequest(prompt="a rock song about the road", tags="rock", duration=60, seed=4)
    notes = _drums(plan_song(request))
    by_drum = Counter(n.pitch for n in notes)
    busiest = by_drum.most_common(1)[0][0]
    velocities = {n.velocity for n in notes if n.pitch == busiest}
    assert len(velocities) >= 8
    assert _drums(plan_song(request)) == notes
