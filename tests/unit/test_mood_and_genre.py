"""Mood and genre words steer the song: measured on the planned score, against the request."""

from __future__ import annotations

from pathlib import Path
from statistics import mean

import pytest

from songforge.engine.mood import read_feeling
from songforge.engine.patterns import KICK
from songforge.engine.planning import Continuation, PlannedSong, SongRequest, plan_song
from songforge.engine.styles import STYLES, match_style

GENRES = (
    "pop",
    "rock",
    "folk",
    "country",
    "jazz",
    "r&b",
    "synth-pop",
    "hip-hop",
    "edm",
    "latin",
    "bossa nova",
    "reggae",
    "gospel",
)
SUBJECTS = ("a lighthouse keeper", "the last summer", "an old photograph", "a train at night")
SAD = ("sad", "melancholic", "ballad")
HAPPY = ("happy", "upbeat", "party")
PAIRS = [
    (genre, SAD[i % 3], HAPPY[i % 3], SUBJECTS[i % len(SUBJECTS)])
    for i, genre in enumerate(GENRES + GENRES[:9])
]


def _plan(genre: str, mood: str, subject: str, seed: int) -> PlannedSong:
    return plan_song(
        SongRequest(
            prompt=f"a {mood} {genre} song about {subject}",
            tags=f"{genre}, {mood}",
            duration=60,
            seed=seed,
        )
    )


def _per_bar(song: PlannedSong, role: str) -> float:
    notes = next((t.notes for t in song.score.tracks if t.role == role), [])
    bars = sum(s.bars for s in song.score.sections)
    return len(notes) / bars


def _velocity(song: PlannedSong) -> float:
    return mean(n.velocity for t in song.score.tracks for n in t.notes)


def test_sad_songs_are_minor_slower_sparser_and_softer_than_happy_ones() -> None:
    assert len(PAIRS) >= 20
    for seed, (genre, sad_word, happy_word, subject) in enumerate(PAIRS):
        sad = _plan(genre, sad_word, subject, seed)
        happy = _plan(genre, happy_word, subject, seed)
        where = f"{genre}: {sad_word} vs {happy_word}"
        assert sad.style.name == happy.style.name == match_style(None, genre, None).style.name
        assert sad.score.mode in ("minor", "dorian"), where
        assert sad.score.key.split()[1] == sad.score.mode, where  # the key names its mode
        assert happy.score.mode in ("major", "mixolydian"), where
        assert sad.score.bpm < happy.score.bpm, (where, sad.score.bpm, happy.score.bpm)
        assert _per_bar(sad, "drums") + _per_bar(sad, "bass") < _per_bar(happy, "drums") + _per_bar(
            happy, "bass"
        ), where
        assert _velocity(sad) < _velocity(happy), where


def test_a_ballad_is_slow_and_sparse() -> None:
    song = plan_song(
        SongRequest(
            prompt="a melancholic indie folk ballad about a lighthouse keeper",
            tags="folk, acoustic, sad",
            duration=60,
            seed=3,
        )
    )
    assert song.style.name == "folk"
    assert song.score.mode in ("minor", "dorian")
    assert song.score.bpm <= 80
    assert {"sad", "melancholic", "ballad"} <= set(song.score.mood)
    kicks = [n for t in song.score.tracks if t.role == "drums" for n in t.notes if n.pitch == KICK]
    bars = sum(s.bars for s in song.score.sections)
    assert len(kicks) <= 1.2 * bars  # about one kick a bar, not one on every beat


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("a sad song", ["sad"]),
        ("heartbroken and lonely", ["sad"]),
        ("a wistful, nostalgic tune", ["melancholic"]),
        ("an eerie, haunting piece", ["dark"]),
        ("furious and aggressive", ["angry"]),
        ("a joyful, cheerful song", ["happy"]),
        ("an upbeat party anthem", ["energetic"]),
        ("dreamy and ethereal", ["dreamy"]),
        ("calm and peaceful", ["calm"]),
        ("a slow ballad", ["calm", "ballad"]),
        ("not sad at all, a happy song", ["happy"]),
        ("a song about a car", []),
    ],
)
def test_mood_words_and_their_synonyms_are_read(text: str, moods: list[str]) -> None:
    assert sorted(read_feeling(text, None).names) == sorted(moods)


# Genre words users write (from the tag lists of public music-generation APIs), each with
# the style it plays: its own, or the nearest one on purpose.
GENRE_TABLE = {
    "pop": "pop",
    "indie pop": "pop",
    "dance-pop": "pop",
    "children's": "pop",
    "christmas": "pop",
    "broadway": "pop",
    "synthwave": "synth-pop",
    "synth pop": "synth-pop",
    "80s": "synth-pop",
    "dream pop": "synth-pop",
    "city pop": "synth-pop",
    "chiptune": "synth-pop",
    "cyberpunk": "synth-pop",
    "rock": "rock",
    "indie rock": "rock",
    "alternative": "rock",
    "grunge": "rock",
    "hard rock": "rock",
    "classic rock": "rock",
    "psychedelic": "rock",
    "punk": "punk",
    "pop punk": "punk",
    "punk rock": "punk",
    "emo": "punk",
    "hardcore": "punk",
    "metal": "metal",
    "heavy metal": "metal",
    "metalcore": "metal",
    "industrial": "metal",
    "edm": "edm",
    "house": "edm",
    "techno": "edm",
    "trance": "edm",
    "dubstep": "edm",
    "drum and bass": "edm",
    "electronic": "edm",
    "hip-hop": "hip-hop",
    "rap": "hip-hop",
    "trap": "hip-hop",
    "drill": "hip-hop",
    "phonk": "hip-hop",
    "lo-fi": "lo-fi",
    "chillhop": "lo-fi",
    "jazz": "jazz",
    "swing": "jazz",
    "big band": "jazz",
    "lounge": "jazz",
    "bossa nova": "bossa nova",
    "bossa": "bossa nova",
    "brazilian": "bossa nova",
    "blues": "blues",
    "country": "country",
    "bluegrass": "country",
    "americana": "country",
    "folk": "folk",
    "indie folk": "folk",
    "acoustic": "folk",
    "singer-songwriter": "folk",
    "celtic": "folk",
    "r&b": "r&b",
    "soul": "r&b",
    "neo-soul": "r&b",
    "motown": "r&b",
    "funk": "funk",
    "disco": "funk",
    "gospel": "gospel",
    "worship": "gospel",
    "choir": "gospel",
    "k-pop": "k-pop",
    "j-pop": "k-pop",
    "orchestral": "orchestral",
    "cinematic": "orchestral",
    "classical": "orchestral",
    "soundtrack": "orchestral",
    "anime": "orchestral",
    "ambient": "ambient",
    "new age": "ambient",
    "meditation": "ambient",
    "reggae": "reggae",
    "ska": "reggae",
    "dancehall": "reggae",
    "latin": "latin",
    "salsa": "latin",
    "reggaeton": "latin",
    "tango": "latin",
    "flamenco": "latin",
    "afrobeats": "latin",
}


@pytest.mark.parametrize(("word", "style"), list(GENRE_TABLE.items()))
def test_each_genre_word_maps_to_its_style(word: str, style: str) -> None:
    from_tags = match_style(None, word, None)
    assert (from_tags.style.name, from_tags.word, from_tags.source) == (style, word, "tags")
    from_prompt = match_style(f"a {word} song about the sea", None, None)
    assert (from_prompt.style.name, from_prompt.word) == (style, word)


def test_every_style_is_reachable_and_the_specific_word_wins() -> None:
    assert {s.name for s in STYLES} <= set(GENRE_TABLE.values())
    assert match_style("bossa nova for a rainy café", "latin, bossa nova", None).word == (
        "bossa nova"
    )
    assert match_style("a melancholic indie folk ballad", None, None).style.name == "folk"
    assert match_style("a jazz song for the children", None, None).style.name == "jazz"
    unnamed = match_style("a song about my cat", None, None)
    assert (unnamed.style.name, unnamed.word, unnamed.source) == ("pop", None, "default")
    calm = match_style("a calm piece for the evening", None, None)
    assert (calm.style.name, calm.word) == ("ambient", "calm")


def test_a_continuation_keeps_the_mood_of_its_source(tmp_path: Path) -> None:
    source = plan_song(
        SongRequest(prompt="a sad ballad about the sea", tags="pop, sad", duration=60, seed=5)
    )
    follow = plan_song(
        SongRequest(
            prompt="more",
            duration=30,
            seed=6,
            continuation=Continuation(source.score.to_json(), tmp_path / "source.flac", None),
        )
    )
    assert follow.score.mood == source.score.mood == ["sad", "ballad"]
    assert (follow.score.mode, follow.score.bpm) == (source.score.mode, source.score.bpm)
    assert follow.style.drums == source.style.drums == "ballad"
