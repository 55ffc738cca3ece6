"""A Spanish sheet reads as lines a songwriter would write: most lines have a verb, no
line frame is worn out, no word is doubled, the prompt's genre is not sung, and what the
prompt says happens to its subject is sung in the first verse and goes on in the second."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from songforge.engine.lyricist.spanish import NOUNS
from songforge.engine.lyricist.spanish_happening import (
    find_happening,
    going_on_lines,
    opening_lines,
    title_of,
)
from songforge.engine.lyricist.writer import STANDARD_FORM, LyricsDraft, write_lyrics
from tests.unit.spanish_measures import doubled_words, frame, has_verb, words

# (prompt, stem of the verb that happens, the place or thing it reaches)
SITUATIONS: list[tuple[str, str, str]] = [
    ("una canción triste sobre un perro que espera en la estación", "esper", "estación"),
    ("una niña que baila en la lluvia", "bail", "lluvia"),
    ("un pescador esperando el barco", "esper", "barco"),
    ("un barco perdido en el mar", "perdid", "mar"),
    ("una cumbia sobre un hombre que camina por la playa", "camin", "playa"),
    ("un bolero sobre una mujer que espera un tren", "esper", "tren"),
    ("reguetón sobre una chica bailando en la discoteca", "bail", "discoteca"),
    ("una balada sobre un gato que duerme en la ventana", "dorm|duerm", "ventana"),
    ("un viejo marinero que vuelve al puerto", "volv|vuelv", "puerto"),
    ("un niño que juega en la calle", "jug|jueg", "calle"),
    ("mi madre cantando en la cocina", "cant", "cocina"),
    ("un caballo que corre por el campo", "corr", "campo"),
    ("dos amigos perdidos en la ciudad", "perdid", "ciudad"),
]
OTHERS = [
    "una canción de amor en la playa",
    "canción triste sobre la lluvia",
    "una bachata sobre la luna y el mar",
    "un bolero para mi abuela",
    "una cumbia sobre la fiesta del pueblo",
    "reguetón para bailar toda la noche",
    "una ranchera sobre un caballo y su camino",
    "una canción sobre mi guitarra vieja",
    "una balada sobre el invierno en Madrid",
    "una salsa sobre la ciudad de noche",
    "tango sobre una carta que nunca llegó",
]
PROMPTS = [p for p, _, _ in SITUATIONS] + OTHERS
SEEDS = (1, 2)
GENRES = frozenset(
    ["cumbia", "bolero", "reguetón", "bachata", "ranchera", "salsa", "balada", "tango"]
)
DRAFTS = {
    (prompt, seed): write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
    for prompt in PROMPTS
    for seed in SEEDS
}


def _lines(draft: LyricsDraft) -> list[str]:
    return [line for s in draft.sections for line in s.lines]


def _verbless_share(draft: LyricsDraft) -> float:
    lines = _lines(draft)
    return sum(not has_verb(line) for line in lines) / len(lines)


def _frame_repeats(prompt: str, draft: LyricsDraft) -> list[str]:
    """Frames used more than once in a section or more than twice in the sheet, the
    choruses that repeat word for word counted once."""
    nouns = set(NOUNS) | {w for w in words(prompt) if len(w) > 2}
    seen: set[tuple[str, ...]] = set()
    sheet: Counter[str] = Counter()
    worn: list[str] = []
    for section in draft.sections:
        if section.lines in seen:
            continue
        seen.add(section.lines)
        frames = Counter(frame(line, nouns) for line in section.lines)
        worn += [f"{section.name}: {f}" for f, n in frames.items() if n > 1]
        sheet.update(frames)
    return worn + [f"sheet: {f}" for f, n in sheet.items() if n > 2]


def _section(draft: LyricsDraft, name: str) -> tuple[str, ...]:
    return next(s.lines for s in draft.sections if s.name == name)


# The measures themselves, on lines written by hand.
@pytest.mark.parametrize(
    ("line", "verb"),
    [
        ("La lluvia cae sobre la plaza", True),
        ("El mar se lleva la tarde", True),
        ("Recuerdo la playa y el amor", True),
        ("Quédate conmigo en la noche", True),
        ("El perro todavía espera en la estación", True),
        ("Solo el perro y la plaza", False),
        ("Por la playa y por la puerta", False),
        ("Soñando con la tormenta", False),
        ("Bajo la luna llena", False),
        ("Un beso en el camino", False),
        ("Tu voz en el cielo", False),
        ("Amor en la playa", False),
    ],
)
def test_the_verb_measure(line: str, verb: bool) -> None:
    assert has_verb(line) is verb


def test_the_frame_and_doubling_measures() -> None:
    nouns = {"amor", "tambor", "pescador", "playa", "flor"}
    assert frame("Me queda el amor, el tambor", nouns) == "me queda _, _"
    assert frame("Y me queda el amor, el pescador", nouns) == "me queda _, _"
    assert frame("Recuerdo la playa y el amor", nouns) == frame("Recuerdo el amor y la flor", nouns)
    assert doubled_words("Y y la playa en la calle") == ["y"]
    assert not doubled_words("La lluvia cae sobre la plaza")


def test_most_lines_have_a_verb() -> None:
    shares = {key: _verbless_share(d) for key, d in DRAFTS.items()}
    worst = max(shares, key=shares.__getitem__)
    assert shares[worst] <= 0.30, (worst, shares[worst], _lines(DRAFTS[worst]))


def test_no_word_is_doubled() -> None:
    doubled = [
        (key, line)
        for key, d in DRAFTS.items()
        for line in [d.title, *_lines(d)]
        if doubled_words(line)
    ]
    assert not doubled, doubled


def test_no_frame_is_worn_out() -> None:
    worn = {key: r for key, d in DRAFTS.items() if (r := _frame_repeats(key[0], d))}
    assert not worn, list(worn.items())[:3]


def test_the_genre_is_not_sung() -> None:
    sung = [
        (key, line)
        for key, d in DRAFTS.items()
        for line in [d.title, *_lines(d)]
        if GENRES & set(words(line))
    ]
    assert not sung, sung


def test_what_happens_is_sung_in_the_first_verse() -> None:
    songs = [(p, stem, reach, DRAFTS[p, s]) for p, stem, reach in SITUATIONS for s in SEEDS]
    missed = [
        (prompt, _section(d, "Verse 1"))
        for prompt, stem, reach, d in songs
        if not any(
            re.search(rf"\b(?:{stem})", line.lower()) and reach in line.lower()
            for line in _section(d, "Verse 1")
        )
    ]
    assert len(missed) <= 0.1 * len(songs), missed


def test_what_happens_goes_on_in_the_second_verse() -> None:
    songs = [(p, stem, DRAFTS[p, s]) for p, stem, _ in SITUATIONS for s in SEEDS]
    missed = [
        (prompt, _section(d, "Verse 2"))
        for prompt, stem, d in songs
        if not any(
            re.search(rf"\b(?:todavía|aún|sigue|siguen)\b.*\b(?:{stem})", line.lower())
            for line in _section(d, "Verse 2")
        )
    ]
    assert len(missed) <= 0.1 * len(songs), missed


@pytest.mark.parametrize(
    ("prompt", "noun", "opening", "going_on", "title"),
    [
        (
            "un perro que espera en la estación",
            "perro",
            "el perro espera en la estación",
            "el perro sigue esperando en la estación",
            "Esperando en la estación",
        ),
        (
            "un hombre que sueña con el mar",
            "hombre",
            "el hombre sueña con el mar",
            "el hombre sigue soñando con el mar",
            "Soñando con el mar",
        ),
        (
            "un pescador esperando el barco",
            "pescador",
            "el pescador espera el barco",
            "el pescador sigue esperando el barco",
            "Esperando el barco",
        ),
        (
            "un barco perdido en el mar",
            "barco",
            "el barco está perdido en el mar",
            "el barco sigue perdido en el mar",
            "Perdido en el mar",
        ),
        (
            "mi perro que me espera en la puerta",
            "perro",
            "el perro me espera en la puerta",
            "el perro todavía me espera en la puerta",
            "",
        ),
        (
            "una carta que nunca llegó",
            "carta",
            "la carta nunca llegó",
            "aún recuerdo que la carta nunca llegó",
            "",
        ),
    ],
)
def test_what_happens_is_read_from_the_prompt(
    prompt: str, noun: str, opening: str, going_on: str, title: str
) -> None:
    happening = find_happening(prompt, [noun])
    assert happening is not None
    subject = f"{'la' if noun == 'carta' else 'el'} {noun}"
    assert opening in opening_lines(happening, subject, plural=False)
    assert going_on in going_on_lines(happening, subject, plural=False)
    assert title_of(happening) == title


def test_a_description_is_no_happening() -> None:
    assert (
        find_happening("una canción sobre un perro viejo y una casa abandonada", ["perro"]) is None
    )
    assert find_happening("una canción de amor en la playa", ["playa"]) is None
