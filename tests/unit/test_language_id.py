"""Language identification of prompts and lyric sheets, on the short texts users type."""

from __future__ import annotations

import pytest

from songforge.engine.language_id import detect_language, prompt_language

# (expected ISO 639-1 code, text): prompts as users write them, plus lyric lines.
SAMPLES = [
    ("en", "country song about a pickup truck and a dog"),
    ("en", "a melancholic indie folk ballad about a lighthouse keeper"),
    ("en", "blues shuffle about a broken guitar string"),
    ("en", "a children's song about counting stars"),
    ("en", "a song for my mom"),
    ("en", "drum and bass"),
    ("en", "mariachi love song"),
    ("en", "bossa nova about the sea"),
    ("es", "una canción de amor en la playa"),
    ("es", "canción triste sobre la lluvia"),
    ("es", "reggaetón para bailar toda la noche"),
    ("es", "una balada sobre mi madre"),
    ("es", "salsa para el verano"),
    ("es", "Caminando por la calle bajo la luna llena, baila conmigo"),
    ("fr", "une chanson d'amour sur la plage"),
    ("fr", "les étoiles de la nuit"),
    ("de", "ein trauriges Lied über den Regen"),
    ("it", "canzone triste sulla pioggia"),
    ("pt", "uma canção sobre saudade do mar"),
    ("nl", "een liedje over de zee"),
    ("pl", "piosenka o miłości"),
    ("ru", "песня о любви"),  # noqa: RUF001
    ("ar", "أغنية عن الحب"),
    ("hi", "प्यार के बारे में गाना"),
    ("zh", "一首关于夏天的歌"),
    ("zh", "写一首歌"),
    ("ja", "夏の海についての歌"),
    ("ja", "さくら"),
    ("ko", "여름 바다에 대한 노래"),
]


def test_short_prompts_are_identified() -> None:
    wrong = []
    for code, text in SAMPLES:
        found = detect_language(text)
        if found is None or found.code != code or not found.reliable:
            wrong.append((code, text, found))
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize("text", ["lofi beat", "jazz", "rock anthem", "synthwave", "reggaeton"])
def test_genre_only_prompts_are_answered_in_english(text: str) -> None:
    # One or two loanwords are no evidence of a language: the writer keeps to its default.
    assert prompt_language(text).code == "en"


@pytest.mark.parametrize("text", ["", "   ", "🎵🎶", "123 456", "!!! ...", "\n\n"])
def test_text_without_letters_has_no_language(text: str) -> None:
    assert detect_language(text) is None
    assert prompt_language(text).code == "en"
    assert prompt_language(text).confidence == 0.0


def test_a_latin_prompt_naming_one_character_keeps_its_language() -> None:
    found = detect_language("a love song called 爱 about the ocean at night")
    assert found is not None
    assert found.code == "en"


def test_long_lyric_sheets_are_identified() -> None:
    sheet = "\n".join(
        ["[Verso 1]", "Caminando por la calle", "bajo la luna llena", "[Coro]"]
        + ["Baila conmigo hasta que salga el sol"] * 200
    )
    found = detect_language(sheet)
    assert found is not None
    assert (found.code, found.reliable) == ("es", True)
