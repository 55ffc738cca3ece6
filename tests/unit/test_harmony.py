"""The parts of a planned song against each other: every pitched part in the song's key,
the tune on the chord under it. Measured on the planned score (no audio), over every key
and mode the engine can choose and many prompts."""

from __future__ import annotations

import pytest

from songforge.engine.planning import SongRequest, plan_song
from songforge.engine.score import Score
from songforge.engine.theory import NOTE_NAMES, SCALES, parse_key

PROMPTS = (
    ("a children's song about counting stars", "children, happy, simple"),
    ("country song about a pickup truck and a dog", "country, upbeat"),
    ("an upbeat synth-pop song about city lights at night", "synth-pop"),
    ("a rock anthem about leaving town", "rock"),
    ("heavy metal about a storm at sea", "metal"),
    ("a club track for a summer night", "edm, house"),
    ("a hip-hop track about growing up in the city", "hip-hop"),
    ("a lo-fi beat about rain on the window", "lo-fi, chill"),
    ("a jazz tune about a late train", "jazz, swing"),
    ("a slow blues about losing a job", "blues"),
    ("a soul song about coming home", "soul, r&b"),
    ("an epic film score about a mountain", "cinematic, orchestral"),
    ("ambient music for a quiet morning", "ambient"),
    ("a reggae song about the sunshine", "reggae"),
    ("a salsa about dancing all night", "latin, salsa"),
    ("a love song for a wedding", "pop, romantic"),
    ("a song about the ocean and the moon", "pop"),
    ("a road trip song", "rock, indie"),
    ("a song about a broken heart", "pop, sad"),
    ("a party song for friends", "dance, party"),
    ("a lullaby for a sleepy child", "calm"),
    ("an anthem about strength and courage", "rock, epic"),
    ("a song about autumn leaves", "folk, acoustic"),
    ("a track about neon dreams", "synthwave, 80s"),
    ("a funky groove about Friday night", "funk"),
    ("a song about space travel", "electronic"),
    ("a dark song about a haunted house", "metal, dark"),
    ("a happy song about a puppy", "pop, happy"),
    ("a song about the desert wind", "country, western"),
    ("a gentle tune about a garden", "acoustic, mellow"),
    ("a trap song about money", "trap"),
    ("a bluesy song about whiskey", "blues, bluesy"),
)
MODES = tuple(SCALES)  # every mode the engine composes in
CASES = [(tonic, mode) for mode in MODES for tonic in range(12)]


def _scale(score: Score) -> set[int]:
    return {(score.tonic + step) % 12 for step in SCALES[score.mode]}


def _bar(score: Score, seconds: float) -> int:
    """The bar a time falls in; section starts are rounded to 0.1 ms in the score."""
    return int(seconds / score.bar_seconds + 1e-3)


def _bar_chords(score: Score) -> dict[int, set[int]]:
    """Pitch classes the chord instrument (or the pad when chords are removed) plays in
    each bar, read from the score's notes."""
    tracks = {t.role: t for t in score.tracks}
    harmony = tracks.get("chords") or tracks["pad"]
    chords: dict[int, set[int]] = {}
    for note in harmony.notes:
        chords.setdefault(_bar(score, note.start), set()).add(note.pitch % 12)
    return chords


def _plan(index: int, tonic: int, mode: str, instrumental: bool = False) -> Score:
    prompt, tags = PROMPTS[index % len(PROMPTS)]
    key = f"{NOTE_NAMES[tonic]} {mode}"
    request = SongRequest(
        prompt=prompt,
        tags=f"{tags}, in {key}",
        duration=60,
        seed=1000 + index,
        instrumental=instrumental,
    )
    score = plan_song(request).score
    assert (score.tonic, score.mode) == (tonic, mode), key
    return score


@pytest.mark.parametrize(("tonic", "mode"), CASES, ids=[f"{NOTE_NAMES[t]}-{m}" for t, m in CASES])
def test_the_tune_is_in_key_and_on_the_chords(tonic: int, mode: str) -> None:
    score = _plan(CASES.index((tonic, mode)), tonic, mode)
    scale = _scale(score)
    notes = score.vocal
    assert len(notes) > 30
    in_key = sum(n.pitch % 12 in scale for n in notes) / len(notes)
    assert in_key >= 0.95, f"{in_key:.0%} of sung notes in {score.key} ({mode})"

    chords = _bar_chords(score)
    beat = score.bar_seconds / 4
    # Beats one and three of a bar.
    strong = [n for n in notes if abs(n.start / (2 * beat) - round(n.start / (2 * beat))) < 1e-3]
    assert len(strong) >= 8
    on_chord = [n.pitch % 12 in chords[_bar(score, n.start)] for n in strong]
    share = sum(on_chord) / len(on_chord)
    assert share >= 0.8, f"{share:.0%} of strong-beat notes are tones of their chord"

    # A note outside its chord is a passing or neighbour tone: the next sung note of its
    # line is a step away (at most a whole tone).
    unresolved = 0
    for note, following in zip(notes, [*notes[1:], None], strict=True):
        bar = _bar(score, note.start)
        if note.pitch % 12 in chords.get(bar, set()):
            continue
        last_of_line = following is None or following.line != note.line
        if last_of_line or abs(following.pitch - note.pitch) > 2:  # type: ignore[union-attr]
            unresolved += 1
    assert unresolved <= 0.05 * len(notes), f"{unresolved} of {len(notes)} notes left hanging"


@pytest.mark.parametrize(("tonic", "mode"), CASES, ids=[f"{NOTE_NAMES[t]}-{m}" for t, m in CASES])
def test_every_pitched_part_agrees_with_the_key(tonic: int, mode: str) -> None:
    index = CASES.index((tonic, mode))
    for instrumental in (False, True):
        score = _plan(index + 7, tonic, mode, instrumental)
        scale = _scale(score)
        parts = {t.role: t.notes for t in score.tracks if t.role != "drums"}
        parts["vocal"] = [n for n in score.vocal]  # type: ignore[misc]
        for role, notes in parts.items():
            outside = [NOTE_NAMES[n.pitch % 12] for n in notes if n.pitch % 12 not in scale]
            assert not outside, f"{role} plays {sorted(set(outside))} in {score.key} ({mode})"
        assert {"bass", "chords"} <= set(parts)


def test_the_key_the_song_chose_is_the_key_it_reports() -> None:
    """Without a key asked for, the engine picks one; every part and the metadata agree."""
    for index, (prompt, tags) in enumerate(PROMPTS):
        score = plan_song(SongRequest(prompt=prompt, tags=tags, duration=45, seed=index)).score
        scale = _scale(score)
        assert score.key.split()[0] == NOTE_NAMES[score.tonic]
        for track in score.tracks:
            if track.role != "drums":
                assert all(n.pitch % 12 in scale for n in track.notes), (track.role, score.key)
        assert all(s.pitch % 12 in scale for s in score.vocal), score.key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("in F# minor", (6, "minor")),
        ("in Gb major", (6, "major")),
        ("key of Db", (1, "major")),
        ("a ballad in the key of Ab", (8, "major")),
        ("in E flat dorian", (3, "dorian")),
        ("in G-sharp minor", (8, "minor")),
        ("in a minor", (9, "minor")),
        ("in Am", (9, "minor")),
        ("in Bb", (10, "major")),
        ("in Cb major", (11, "major")),
        ("in B# minor", (0, "minor")),
        ("rock in G mixolydian", (7, "mixolydian")),
        ("lost in a maze", None),
        ("in a mood", None),
        ("Love In A Small Town", None),
        ("", None),
    ],
)
def test_a_key_written_in_the_request_is_read_right(text: str, key: tuple[int, str] | None) -> None:
    assert parse_key(text) == key
