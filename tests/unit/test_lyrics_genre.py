"""A genre changes what a song says: a genre named alone is sung about the genre's own world,
and the same subject in two genres is told in two moods. Users complained that punk,
reggae, gospel and jazz came out as the same ballad."""

from __future__ import annotations

import re

import pytest

from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics
from tests.unit.written_lines import couplet_mood

SEEDS = (1, 2, 3)
# Each genre's world in words a listener would name, written here apart from the writer's
# own lists. A word counts in any form ("islands", "chanting").
WORLDS = {
    "reggae": "sun sunshine island beach sand palm tide breeze lagoon reef shore wave boat shell",
    "jazz": "bar barman stool neon midnight whiskey glass booth tavern saxophone horn piano",
    "gospel": "choir hymn chapel church pray prayer grace altar heaven amen robe aisle praise "
    "rafter hallelujah cross kneel baptiz pew",
    "punk rock": "chant march sign banner shout fist fight wall law war city protest",
    "blues": "train track station platform lonely alone goodbye cry tear whistle suitcase "
    "leave gone rain",
    "heavy metal": "fire flame battle sword shield warrior storm war hill glory blood",
}


def _sung(prompt: str, seed: int, genre: str = "") -> list[str]:
    draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed, genre=genre)
    return list(dict.fromkeys(line for s in draft.sections for line in s.lines))


def _naming(lines: list[str], words: str) -> int:
    """How many of `lines` name a word of `words` (any inflection: a prefix match)."""
    stems = words.split()
    return sum(
        any(w.startswith(stem) for w in re.findall(r"[a-z]+", line.lower()) for stem in stems)
        for line in lines
    )


@pytest.mark.parametrize("genre", sorted(WORLDS))
def test_a_genre_alone_is_sung_about_its_own_world(genre: str) -> None:
    """A sheet for the genre alone names its world in more lines than the other genres'
    sheets name it: the genre, not a stock theme, chose the words."""
    for seed in SEEDS:
        own = _sung(genre, seed)
        mine = _naming(own, WORLDS[genre])
        assert mine >= 4, (genre, seed, own)
        for other in WORLDS:
            if other != genre:
                theirs = _naming(_sung(other, seed), WORLDS[genre])
                assert mine > theirs, (genre, other, seed, mine, theirs)


SUBJECTS = ["a song about my boss", "a song about my truck", "a song about my hometown"]
# Words a listener hears as sad or as glad, written here apart from the couplets' own
# "dim" and "bright" tags, so the mood is judged by more than the writer's filing.
SAD = "alone lonely gone empty cold grey gray tear tears cry lost goodbye rust dark broken"
GLAD = "sun sunny bright laugh laughing smile shine shining warm gold golden dance free sing"


def _share(lines: list[str], mood: str) -> float:
    """The share of `lines` from couplets, sung from couplets filed for `mood` ("dim" for
    sad songs, "bright" for happy ones)."""
    moods = [m for line in lines if (m := couplet_mood(line)) is not None]
    return sum(m == mood for m in moods) / max(1, len(moods))


@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_same_subject_in_two_genres_is_two_songs(subject: str) -> None:
    """A blues song about a thing grieves, a reggae song about it shines: the blues sheets
    sing couplets written for sad songs and none for happy ones, the reggae sheets the
    other way round, and the two share at most half their lines. The genre is
    read from the prompt or given as the engine's style."""
    for seed in SEEDS:
        blues = _sung(subject.replace("a song", "a blues song"), seed)
        reggae = _sung(subject.replace("a song", "a reggae song"), seed)
        assert _share(blues, "dim") >= 0.1, (seed, blues)
        assert _share(blues, "bright") == 0, (seed, blues)
        assert _share(reggae, "bright") >= 0.1, (seed, reggae)
        assert _share(reggae, "dim") == 0, (seed, reggae)
        sad_blues, sad_reggae = _naming(blues, SAD), _naming(reggae, SAD)
        glad_blues, glad_reggae = _naming(blues, GLAD), _naming(reggae, GLAD)
        assert sad_blues - glad_blues > sad_reggae - glad_reggae, (seed, blues, reggae)
        # The title is the song's either way; the rest is more than half new.
        shared = {line for line in set(blues) & set(reggae) if "My" not in line}
        assert len(shared) <= len(blues) // 2, (subject, seed, shared)
        # A genre the request's tags chose (the engine's style) counts as one in the prompt.
        tagged = _sung(subject, seed, genre="blues")
        assert _share(tagged, "dim") >= 0.1, (seed, tagged)
        assert _share(tagged, "bright") == 0, (seed, tagged)


def test_a_mood_the_request_names_outranks_the_genres() -> None:
    """ "A happy blues song" is happy: the genre's mood is only the default."""
    for seed in SEEDS:
        happy = _sung("a happy blues song about my truck", seed)
        sad = _sung("a blues song about my truck", seed)
        assert _share(happy, "dim") == 0, (seed, happy)
        assert _share(happy, "bright") > 0, (seed, happy)
        assert _share(sad, "bright") == 0, (seed, sad)


def test_a_genre_comes_after_the_subject() -> None:
    """A punk song about a grandmother's kitchen is still about the kitchen: the genre's
    worlds come after the subject's."""
    for seed in SEEDS:
        lines = _sung("a punk song about my grandmother's kitchen", seed)
        assert _naming(lines, "kitchen grandmother oven bread stove table") >= 3, lines


# Subjects of no genre's world: whatever the song is about, its genre must be heard.
_PLAIN_SUBJECTS = (
    "my grandmother's kitchen",
    "a leaking roof",
    "my first day at a new job",
    "my dog",
    "my landlord raising the rent",
)


@pytest.mark.parametrize("subject", _PLAIN_SUBJECTS)
def test_a_gospel_song_about_anything_turns_to_faith(subject: str) -> None:
    """A listener hears a gospel song in its words, not only in its organ and choir: its
    bridge turns to prayer, whatever the song is about."""
    for seed in SEEDS:
        draft = write_lyrics(
            f"a gospel song about {subject}", title=None, form=STANDARD_FORM, seed=seed
        )
        bridge = next(s.lines for s in draft.sections if s.name == "Bridge")
        worship = "lift up your hands" in " ".join(bridge).lower()
        words = WORLDS["gospel"] + " god lord jesus faith soul bless glory"
        assert worship or _naming(list(bridge), words), bridge


@pytest.mark.parametrize("subject", _PLAIN_SUBJECTS)
def test_a_blues_is_named_for_its_trouble(subject: str) -> None:
    draft = write_lyrics(f"a blues song about {subject}", title=None, form=STANDARD_FORM, seed=1)
    assert draft.title.endswith(" Blues"), draft.title
    named = write_lyrics(
        f"a blues song about {subject}", title="Rain on Me", form=STANDARD_FORM, seed=1
    )
    assert named.title == "Rain on Me"  # a caller's title is the caller's
