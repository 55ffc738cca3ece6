"""A song about a feeling is sung with the situations and objects of that feeling (jealousy
with her phone and a stranger's name, anxiety with the ceiling and the clock), not with
candlelight and moons; and no line counts what cannot be counted ("you left a sugar").

Each row is a prompt and words its sheet should sing, written before reading any sheet; at
least two of them must be sung (whole words, singular or plural) for seeds 1 and 2.
"""

from __future__ import annotations

import re

import pytest

from songforge.engine.lyricist.imagery import MASS
from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics
from tests.unit.test_lyrics_imagery import PROMPTS as IMAGERY_PROMPTS

ROWS = [
    ("a song about jealousy", "phone stranger lipstick name green lie doorway night"),
    ("a song about my anxiety", "ceiling clock breath heartbeat screen wall pulse"),
    ("a song about nostalgia", "photograph polaroid cassette bike summer radio porch"),
    ("a punk rock song about anger", "fist door glass fire red shout scream"),
    ("an angry song about rage", "fist door glass fire red shout scream"),
    ("a song about loneliness", "chair cup phone bed streetlight window"),
    ("a song about regret", "letter bridge apology word train door"),
    ("a song about hope", "dawn seed window light spring road"),
    ("a proud song about pride", "medal trophy banner flag crown ribbon"),
    ("a song about grief", "casket flower candle grave lily wreath"),
    ("a song about heartbreak", "ring letter photograph pillow door tear promise"),
    ("a sweet song about first love", "note locker bike kiss porch hand hall class"),
    ("a song about freedom", "road wing highway sky horizon window"),
    ("a song about fear", "shadow dark footstep stair door closet"),
    ("a song about gratitude", "table bread hand prayer harvest thank"),
]
SEEDS = (1, 2)
# Nouns English does not count, listed here apart from the writer's own set.
_UNCOUNTED_TEXT = (
    "honey sugar flour rain snow sand milk butter salt rice dust smoke fog mist tea wine "
    "silence laughter advice furniture luggage money news wisdom fame glory honor rust brass "
    "cream steam straw hay moss ink lace velvet confetti sunshine weather thunder"
)
UNCOUNTED = frozenset(_UNCOUNTED_TEXT.split())
# Kitchens and hives, where the uncountable nouns are.
MASS_PROMPTS = [
    "a cheerful song about a baker and his bread",
    "a cheerful song about a bakery at dawn",
    "a happy song about bees in the clover",
    "a song about my grandmother's kitchen",
]


def _text(prompt: str, seed: int) -> str:
    draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
    return "\n".join(line for section in draft.sections for line in section.lines).lower()


def _sung(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{re.escape(word)}(s|es)?\b", text))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("prompt", "words"), ROWS, ids=[p for p, _ in ROWS])
def test_feeling_is_sung_with_its_things(prompt: str, words: str, seed: int) -> None:
    text = _text(prompt, seed)
    found = [w for w in words.split() if _sung(text, w)]
    assert len(found) >= 2, (prompt, seed, found, text)


def test_no_line_counts_a_mass_noun() -> None:
    sheets = [(p, s) for p in [*IMAGERY_PROMPTS, *(p for p, _ in ROWS)] for s in SEEDS]
    sheets += [(p, s) for p in MASS_PROMPTS for s in range(1, 7)]
    counted = [
        (prompt, seed, line)
        for prompt, seed in sheets
        for line in _text(prompt, seed).splitlines()
        for noun in re.findall(r"\ban? ([a-z]+)\b", line)
        if noun in UNCOUNTED | MASS
    ]
    assert not counted, counted
