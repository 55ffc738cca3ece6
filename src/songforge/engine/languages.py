"""The languages the engine can sing: each with the espeak-ng voice that phonemises it.

The singing voice is one neural voice trained on English; its phoneme table is espeak-ng's
full IPA set, so the phonemes espeak-ng gives for these languages are all ones it can say
(with an English accent). Languages written in other scripts or with lexical tone (e.g.
Chinese, Japanese) are not in the table: the voice has no phonemes or tones for them.
"""

from __future__ import annotations

from dataclasses import dataclass

ENGLISH = "en"


@dataclass(frozen=True)
class SungLanguage:
    code: str  # ISO 639-1
    name: str  # in English, for messages
    espeak_voice: str  # `espeak-ng -v` name


SUNG_LANGUAGES: dict[str, SungLanguage] = {
    language.code: language
    for language in (
        SungLanguage("en", "English", "en-us"),
        SungLanguage("es", "Spanish", "es"),
        SungLanguage("fr", "French", "fr-fr"),
        SungLanguage("de", "German", "de"),
        SungLanguage("it", "Italian", "it"),
        # Most Portuguese lyrics are Brazilian; espeak-ng's "pt" is European.
        SungLanguage("pt", "Portuguese", "pt-br"),
    )
}


def espeak_voice(code: str) -> str:
    """The espeak-ng voice for an ISO 639-1 code the engine sings; KeyError for others."""
    return SUNG_LANGUAGES[code].espeak_voice


_OTHER_NAMES = {
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian", "uk": "Ukrainian",
    "ar": "Arabic", "he": "Hebrew", "fa": "Persian", "hi": "Hindi", "bn": "Bengali",
    "th": "Thai", "vi": "Vietnamese", "id": "Indonesian", "ms": "Malay", "tl": "Tagalog",
    "tr": "Turkish", "el": "Greek", "nl": "Dutch", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian", "fi": "Finnish", "pl": "Polish", "cs": "Czech", "sk": "Slovak",
    "hu": "Hungarian", "ro": "Romanian", "ca": "Catalan", "eu": "Basque", "gl": "Galician",
    "la": "Latin", "sw": "Swahili", "ta": "Tamil", "ur": "Urdu",
    "und": "a script other than Latin",
}  # fmt: skip


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ("zh" -> "Chinese"), or the code itself."""
    if code in SUNG_LANGUAGES:
        return SUNG_LANGUAGES[code].name
    return _OTHER_NAMES.get(code, code)
