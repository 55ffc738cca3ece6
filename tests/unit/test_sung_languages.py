"""The voice pronounces each sung language with that language's espeak-ng phonemes."""

from __future__ import annotations

import numpy as np
import pytest

from songforge.engine.languages import SUNG_LANGUAGES, espeak_voice
from songforge.engine.voice import Voice, _phonemize


def test_spanish_words_get_spanish_phonemes_not_english_ones() -> None:
    spanish = _phonemize("la canción del corazón", espeak_voice("es"))
    english = _phonemize("la canción del corazón", espeak_voice("en"))
    # Castilian "c" before a vowel is the dental fricative, and the stress falls on "-ción".
    assert "θj\u02c8on" in spanish
    assert spanish != english


@pytest.mark.parametrize("code", sorted(SUNG_LANGUAGES))
def test_every_sung_language_has_an_espeak_voice_that_phonemises(code: str) -> None:
    phonemes = _phonemize("amor", espeak_voice(code))
    # espeak-ng falls back to English and marks the switch with "(en)" when it cannot.
    assert phonemes
    assert "(en)" not in phonemes


def test_voice_speaks_a_line_differently_per_language() -> None:
    voice = Voice()
    spanish = voice.speak("quiero cantar contigo", "es")
    english = voice.speak("quiero cantar contigo", "en")
    assert len(spanish) > 0
    assert len(spanish) != len(english) or not np.allclose(spanish, english)
