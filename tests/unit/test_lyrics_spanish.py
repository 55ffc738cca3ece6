"""The built-in writer in Spanish: Spanish words, about the prompt, rhymed and counted by
Spanish rules, with articles that agree."""

from __future__ import annotations

import re

import pytest

from songforge.engine.language_id import detect_language
from songforge.engine.lyric_text import format_lyrics
from songforge.engine.lyricist.spanish import (
    NOUNS,
    TARGETS,
    assonance,
    line_syllables,
    rhyme_tail,
    rhymes,
)
from songforge.engine.lyricist.writer import STANDARD_FORM, LyricsDraft, write_lyrics

PROMPT_NOUNS: list[tuple[str, set[str]]] = [
    ("una canción de amor en la playa", {"amor", "playa"}),
    ("canción triste sobre la lluvia", {"lluvia"}),
    ("reggaetón para bailar toda la noche", {"noche"}),
    ("una balada sobre mi madre", {"madre"}),
    ("corrido sobre un caballo y su camino", {"caballo", "camino"}),
    ("una canción alegre sobre el verano y el mar", {"verano", "mar"}),
    ("bachata sobre una carta que nunca llegó", {"carta"}),
    ("una canción para mi abuela en su jardín", {"abuela", "jardín"}),
]
DRAFTS = {
    prompt: write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
    for seed in (1, 2)
    for prompt, _ in PROMPT_NOUNS
}
KINDS = {name: kind for name, kind, _ in STANDARD_FORM}


def _lines(draft: LyricsDraft) -> list[str]:
    return [line for s in draft.sections for line in s.lines]


def test_spanish_prompts_get_spanish_lyrics_about_them() -> None:
    for prompt, nouns in PROMPT_NOUNS:
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=4)
        assert draft.language == "es", prompt
        assert not draft.notices
        text = " ".join(_lines(draft)).lower()
        found = detect_language(text)
        assert found is not None
        assert (found.code, found.reliable) == ("es", True), (prompt, text)
        assert all(re.search(rf"\b{noun}\b", text) for noun in nouns), (prompt, text)
        chorus = " ".join(next(s for s in draft.sections if s.name == "Chorus").lines).lower()
        assert any(re.search(rf"\b{noun}\b", chorus) for noun in nouns), (prompt, chorus)


def test_the_issue_example_is_sung_in_spanish() -> None:
    draft = write_lyrics("una canción de amor en la playa", title=None, form=STANDARD_FORM, seed=7)
    assert draft.language == "es"
    assert "playa" in draft.title.lower()
    assert "playa" in format_lyrics(draft.sections).lower()


def test_choruses_repeat_and_open_with_the_title() -> None:
    for draft in DRAFTS.values():
        choruses = [s.lines for s in draft.sections if s.name == "Chorus"]
        assert len(choruses) == 2
        assert choruses[0] == choruses[1]
        assert draft.title in choruses[0][0]


def test_declared_rhymes_rhyme_by_spanish_rules() -> None:
    pairs = [p for d in DRAFTS.values() for p in d.rhyme_pairs]
    assert len(pairs) > 50
    assert sum(rhymes(a, b) for a, b in pairs) / len(pairs) >= 0.9
    for draft in DRAFTS.values():
        ends = {re.findall(r"[^\W\d_]+", line.lower())[-1] for line in _lines(draft)}
        assert all(a in ends and b in ends for a, b in draft.rhyme_pairs)


def test_lines_fit_their_syllable_targets() -> None:
    checked = within = 0
    for draft in DRAFTS.values():
        for section in draft.sections:
            target = TARGETS[KINDS[section.name]]
            for line in section.lines:
                if line == draft.title:
                    continue
                checked += 1
                within += abs(line_syllables(line) - target) <= 1
    assert within / checked >= 0.95, within / checked


def test_articles_agree_with_their_nouns() -> None:
    article_gender = {"el": "m", "del": "m", "al": "m", "un": "m", "la": "f", "una": "f"}
    errors = []
    for draft in DRAFTS.values():
        for line in _lines(draft):
            words = re.findall(r"[^\W\d_]+", line.lower())
            for article, *rest in zip(words, words[1:], words[2:], strict=False):
                if article not in article_gender:
                    continue
                noun = next((w for w in rest if w in NOUNS), None)
                if noun is not None and NOUNS[noun][0] != article_gender[article]:
                    errors.append(line)
    assert not errors, errors[:5]


def test_no_uncontracted_articles() -> None:
    text = " ".join(" ".join(_lines(d)) for d in DRAFTS.values()).lower()
    assert not re.search(r"\b(a|de) el\b", text)


@pytest.mark.parametrize(
    ("a", "b"),
    [("playa", "raya"), ("corazón", "canción"), ("luna", "cuna"), ("cielo", "vuelo")],
)
def test_full_rhymes(a: str, b: str) -> None:
    assert rhyme_tail(a) == rhyme_tail(b)
    assert rhymes(a, b)


@pytest.mark.parametrize(("a", "b"), [("luna", "duda"), ("mirada", "madrugada")])
def test_vowel_rhymes(a: str, b: str) -> None:
    assert rhymes(a, b)


@pytest.mark.parametrize(("a", "b"), [("playa", "mar"), ("corazón", "noche"), ("sol", "luna")])
def test_non_rhymes(a: str, b: str) -> None:
    assert not rhymes(a, b), (assonance(a), assonance(b))


def test_a_spanish_song_is_planned_and_sung_in_spanish() -> None:
    from songforge.engine.planning import SongRequest, is_singable, plan_song

    planned = plan_song(SongRequest(prompt="una canción de amor en la playa", duration=60, seed=2))
    assert planned.language == "es"
    assert planned.score.language == "es"
    assert not planned.notices
    assert is_singable(planned.score)
    assert "playa" in format_lyrics(planned.sections).lower()


def test_a_song_in_a_language_without_a_writer_says_so() -> None:
    from songforge.engine.planning import SongRequest, plan_song

    planned = plan_song(SongRequest(prompt="一首关于夏天的歌", duration=40, seed=2))
    assert planned.language == "en"
    assert any("Chinese" in notice for notice in planned.notices)
    instrumental = plan_song(
        SongRequest(prompt="一首关于夏天的歌", duration=40, seed=2, instrumental=True)
    )
    assert not instrumental.notices  # nothing is sung, so nothing was not honoured


# Prompts whose nouns carry adjectives after them, as Spanish puts them.
DESCRIBED: list[tuple[str, set[str]]] = [
    ("los gatos negros del tejado y la luna llena", {"negros", "llena"}),
    ("una canción sobre un perro viejo y una casa abandonada", {"viejo", "abandonada"}),
    ("bachata sobre las noches largas y el mar azul", {"largas", "azul"}),
    ("corrido sobre un caballo blanco en el desierto", {"blanco"}),
]
_ARTICLE = r"(?:el|la|los|las|un|una|unos|unas|mi|mis|su|sus|del|al)"


def test_adjectives_after_a_noun_are_not_sung_as_nouns() -> None:
    wrong = []
    for prompt, adjectives in DESCRIBED:
        for seed in (1, 2):
            draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
            for line in [draft.title, *_lines(draft)]:
                for adjective in adjectives:
                    if re.search(rf"\b{_ARTICLE}\s+{adjective}\b", line.lower()):
                        wrong.append((prompt, line))
    assert not wrong, wrong


def test_verbs_agree_with_a_plural_subject() -> None:
    wrong = []
    for prompt in ["los gatos negros del tejado y la luna llena", *[p for p, _ in DESCRIBED]]:
        for seed in range(1, 6):
            draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
            for line in _lines(draft):
                lowered = line.lower()
                if re.search(
                    r"\b(?:queda|esperaba|brillaba|caía|estaba|está)\s+(?:los|las)\b", lowered
                ):
                    wrong.append(line)
                if re.search(r"\b(?:los|las) \w+ (?:me esperaba|brillaba|estaba)\b", lowered):
                    wrong.append(line)
    assert not wrong, wrong


# Names take no article and keep their capitals, whole however many words they have.
NAMED = [
    ("una canción sobre mi abuelo que era pescador en Cádiz", "Cádiz"),
    ("un gato negro que vive en una biblioteca de Buenos Aires", "Buenos Aires"),
    ("una balada sobre una noche en Nueva York", "Nueva York"),
    ("una canción sobre mi novia de san juan", "San Juan"),
    ("un viaje a Los Ángeles con mi hermano", "Los Ángeles"),
]


@pytest.mark.parametrize(("prompt", "name"), NAMED)
def test_names_are_sung_whole_without_an_article(prompt: str, name: str) -> None:
    parts = name.lower().split()
    wrong = []
    said = 0
    for seed in (1, 2):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        for line in [draft.title, *_lines(draft)]:
            said += name in line
            if re.search(rf"\b{_ARTICLE}\s+{parts[0]}\b", line.lower()):
                wrong.append(line)
            if len(parts) > 1 and re.search(rf"\b{parts[0]}\b(?! {parts[1]})", line.lower()):
                wrong.append(line)
    assert said, prompt
    assert not wrong, (prompt, wrong)


# What a relative clause or a place after "en"/"de" names is part of the subject.
CLAUSE_NOUNS = [
    ("una canción sobre mi abuelo que era pescador en Cádiz", {"abuelo", "pescador"}),
    ("una mujer que espera un tren que nunca llega", {"mujer", "tren"}),
    ("un gato negro que vive en una biblioteca de Buenos Aires", {"gato", "biblioteca"}),
]


@pytest.mark.parametrize(("prompt", "nouns"), CLAUSE_NOUNS)
def test_nouns_in_clauses_are_sung(prompt: str, nouns: set[str]) -> None:
    for seed in (1, 2):
        text = " ".join(_lines(write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)))
        missing = [n for n in nouns if not re.search(rf"\b{n}\b", text.lower())]
        assert not missing, (prompt, seed, missing)


def test_verbs_agree_with_an_owned_plural() -> None:
    wrong = []
    for prompt in ["una canción sobre mis amigas", "una balada sobre tus ojos y la luna"]:
        for seed in range(1, 6):
            draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
            for line in _lines(draft):
                if re.search(
                    r"\b(?:queda|esperaba|brillaba|caía|estaba|está)\s+(?:mis|tus|sus)\b",
                    line.lower(),
                ):
                    wrong.append(line)
    assert not wrong, wrong


def test_choruses_of_different_lengths_sing_the_same_words() -> None:
    """A short song's form can give its choruses different lengths: the longer one sings
    the same chorus again from its start, never other words."""
    form = [("Verse 1", "verse", 2), ("Chorus", "chorus", 4), ("Chorus", "chorus", 6)]
    for seed in (1, 2, 3):
        draft = write_lyrics("una canción de amor en la playa", title=None, form=form, seed=seed)
        first, second = (s.lines for s in draft.sections if s.name == "Chorus")
        assert (len(first), len(second)) == (2, 3)
        assert second[:2] == first
        assert set(second) == set(first)
