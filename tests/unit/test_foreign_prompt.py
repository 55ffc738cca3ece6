"""A French, German, Italian or Portuguese prompt said in English (lyricist.foreign_prompt):
the English the writer reads it as, word order and all."""

from __future__ import annotations

import pytest

from songforge.engine.lyricist.foreign_prompt import GLOSSARIES, english_prompt
from songforge.engine.lyricist.glossary import NOTHING


@pytest.mark.parametrize(
    ("prompt", "language", "english"),
    [
        # Mood after the piece, elision, a name after "à".
        ("une chanson triste sur la pluie à Paris", "fr", "a sad song about the rain in Paris"),
        ("une chanson pop joyeuse", "fr", "a happy pop song"),
        (
            "une chanson nostalgique sur la cuisine de ma grand-mère",
            "fr",
            "a nostalgic song about my grandmother's kitchen",
        ),
        ("une chanson d'amour pour ma fille", "fr", "a love song for my daughter"),
        ("une fille au bord de la mer", "fr", "a girl by the sea"),
        ("Une Chanson Sur La Pluie À Paris", "fr", "a song about the rain in Paris"),
        (
            "une chanson sur les étoiles et les chevaux",
            "fr",
            "a song about the stars and the horses",
        ),
        # German: capitalised nouns, compounds, cases, contractions, exonyms.
        (
            "ein trauriges Lied über den Regen in Berlin",
            "de",
            "a sad song about the rain in Berlin",
        ),
        ("ein Liebeslied über eine Sommernacht", "de", "a love song about a summer night"),
        ("ein Lied über die Häuser am Strand", "de", "a song about the houses at the beach"),
        ("Regen über München", "de", "rain over Munich"),
        ("ein Lied über die Sehnsucht", "de", "a song about the longing"),
        # Italian: articulated prepositions, "d'" compounds, owners after articles.
        (
            "una canzone sulla notte d'estate al mare",
            "it",
            "a song about the summer night at the sea",
        ),
        ("una canzone sul mio gatto a Roma", "it", "a song about my cat in Rome"),
        (
            "una canzone sul mio cane che aspetta alla finestra",
            "it",
            "a song about my dog waiting at the window",
        ),
        # Portuguese: contractions, plural endings, names of more than one word.
        ("uma canção triste sobre a chuva em Lisboa", "pt", "a sad song about the rain in Lisbon"),
        ("uma música romântica sobre dois corações", "pt", "a romantic song about two hearts"),
        ("canção sobre o Rio de Janeiro", "pt", "song about Rio de Janeiro"),
        ("uma canção sobre São Paulo à noite", "pt", "a song about Sao Paulo at night"),
        (
            "uma bossa nova sobre a garota de Ipanema",
            "pt",
            "a bossa nova about the girl of Ipanema",
        ),
    ],
)
def test_a_prompt_is_said_in_english(prompt: str, language: str, english: str) -> None:
    said = english_prompt(prompt, language)
    assert said == english
    assert said.isascii(), said


def test_someones_noun_is_a_possessive() -> None:
    said = english_prompt("une chanson sur la cuisine de ma grand-mère", "fr")
    assert said == "a song about my grandmother's kitchen"
    assert "waiting" in english_prompt("una canzone sul mio cane che aspetta", "it")


def test_words_without_an_entry_are_dropped() -> None:
    said = english_prompt("une chanson sur la saudade et la mélancolie", "fr")
    assert said == "a song about the melancholy"
    assert "saudade" not in english_prompt("ein Lied über die Saudade", "de")


def test_a_german_noun_no_entry_knows_is_not_taken_for_a_name() -> None:
    """German writes every noun with a capital: an unknown one is dropped, while names
    (known to the pronouncing dictionary, or after "in", "nach", "aus") pass."""
    assert english_prompt("ein Lied über Kraniche und Zikaden", "de") == "a song"
    assert english_prompt("Mütter und Vögel", "de") == "mothers and birds"
    assert english_prompt("ein Lied über Anna und Kassel", "de") == "a song about Anna and Kassel"
    assert english_prompt("ein Lied über die Reise nach Rostock", "de").endswith("to Rostock")


def test_a_prompt_with_nothing_to_read_gives_nothing() -> None:
    assert english_prompt("blablabla trululu", "fr") == ""
    assert english_prompt("une chanson sur la pluie", "nl") == ""  # no glossary


def test_each_glossary_knows_the_common_subjects() -> None:
    """Every language has the nouns song prompts name most."""
    common = {"night", "rain", "sea", "love", "city", "heart", "summer", "winter", "road"}
    common |= {"train", "mother", "father", "friend", "dog", "cat", "house", "kitchen"}
    common |= {"garden", "river", "mountain", "star", "moon", "sun", "snow", "wind", "fire"}
    common |= {"church", "wedding", "school", "work", "morning", "evening", "child", "girl"}
    common |= {"boy", "war", "death", "freedom", "dance", "party"}
    for glossary in GLOSSARIES.values():
        english = {e for v in glossary.nouns.values() for e in v.split("|")}
        assert common <= english, (glossary.code, common - english)
        assert len(glossary.nouns) >= 150, glossary.code
        assert NOTHING not in glossary.nouns.values(), glossary.code
