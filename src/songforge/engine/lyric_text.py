"""Caller lyrics: sections and lines parsed, words split into syllables for the melody."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pronouncing

from songforge.engine import syllabify

_HEADER = re.compile(r"^\s*[\[(]\s*([^\])]{1,40}?)\s*[\])]\s*:?\s*$")
_STRAY = re.compile(r"[^\w\s'\u2019,.!?;:&-]")
_VOWELS = re.compile(r"[aeiouy]+")
# Short words a singer passes over lightly, whatever the dictionary marks them as.
_LIGHT_TEXT = (
    "a an the of to in on at by for from with and or but as if so than that this is "
    "am are was were be been it its my your our their his her me us them you i we he "
    "she they do does did can will would could should has have had not no up out into "
    "onto through just all"
)
_LIGHT_WORDS = frozenset(_LIGHT_TEXT.split())


@dataclass(frozen=True)
class LyricSection:
    name: str
    lines: tuple[str, ...]


def parse_lyrics(text: str) -> list[LyricSection]:
    """Splits on [Section] headers (or blank lines); drops stray symbols, keeps words."""
    sections: list[LyricSection] = []
    name: str | None = None
    lines: list[str] = []

    def flush() -> None:
        nonlocal lines
        if lines:
            sections.append(LyricSection(name or f"Verse {len(sections) + 1}", tuple(lines)))
        lines = []

    for raw in text.replace("\r\n", "\n").split("\n"):
        header = _HEADER.match(raw)
        if header:
            flush()
            name = header.group(1).strip().title()
            continue
        cleaned = " ".join(_STRAY.sub(" ", raw).split())
        if not cleaned:
            if lines:
                flush()
                name = None
            continue
        if any(ch.isalnum() for ch in cleaned):
            lines.append(cleaned)
    flush()
    return sections


def format_lyrics(sections: list[LyricSection]) -> str:
    return "\n\n".join(f"[{s.name}]\n" + "\n".join(s.lines) for s in sections)


def line_numbers(sections: list[LyricSection]) -> list[list[int]]:
    """Per section, the 1-based number of each of its lines in `format_lyrics(sections)`
    (a marker line before each section, a blank line between sections)."""
    numbers: list[list[int]] = []
    at = 1
    for section in sections:
        numbers.append([at + 1 + i for i in range(len(section.lines))])
        at += len(section.lines) + 2
    return numbers


@lru_cache(maxsize=20_000)
def syllable_count(word: str) -> int:
    clean = re.sub(r"[^a-z']", "", word.lower().replace("\u2019", "'"))
    if not clean:
        return 0
    phones = pronouncing.phones_for_word(clean)
    if phones:
        return max(1, int(pronouncing.syllable_count(phones[0])))
    groups = _VOWELS.findall(clean)
    count = len(groups)
    if clean.endswith("e") and count > 1 and not clean.endswith(("le", "ee")):
        count -= 1
    return max(1, count)


def split_word(word: str) -> list[str]:
    """A word cut into as many pieces as it has syllables (for display under notes)."""
    count = syllable_count(word)
    if count <= 1:
        return [word]
    size = max(1, round(len(word) / count))
    pieces = [word[i * size : (i + 1) * size] for i in range(count - 1)]
    pieces.append(word[(count - 1) * size :])
    return [p for p in pieces if p] or [word]


def syllables(line: str, language: str = "en") -> tuple[str, ...]:
    """The line's syllables as shown under the notes; `language` is an ISO 639-1 code of
    engine.languages."""
    if language != "en":
        return tuple(
            piece
            for word in line.split()
            if any(ch.isalnum() for ch in word)
            for piece in syllabify.pieces(word, language)
        )
    out: list[str] = []
    for word in line.split():
        if any(ch.isalnum() for ch in word):
            pieces = split_word(word)
            out += pieces + [""] * (syllable_count(word) - len(pieces))
    return tuple(out)


def _word_stresses(word: str) -> list[int]:
    clean = re.sub(r"[^a-z']", "", word.lower().replace("\u2019", "'"))
    count = syllable_count(word)
    if count == 1:
        return [0 if clean in _LIGHT_WORDS else 1]
    phones = pronouncing.phones_for_word(clean)
    if phones:
        marks = pronouncing.stresses(phones[0])
        if len(marks) == count:
            return [1 if mark in "12" else 0 for mark in marks]
    # Unknown words: English mostly stresses the first syllable.
    return [1] + [0] * (count - 1)


def stresses(line: str, language: str = "en") -> tuple[int, ...]:
    """1 for each syllable a singer would put on a beat, 0 for the light ones; one mark per
    entry of `syllables(line, language)`."""
    out: list[int] = []
    for word in line.split():
        if any(ch.isalnum() for ch in word):
            if language != "en":
                marks = syllabify.word_stresses(word, language)
                out += marks if len(marks) == len(syllabify.pieces(word, language)) else [1]
                continue
            out += _word_stresses(word)
    return tuple(out)
