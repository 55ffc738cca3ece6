"""Fitting lyric lines to the form's singing sections, in order, every line sung."""

from __future__ import annotations

from songforge.engine.composition import LyricLine
from songforge.engine.lyric_text import LyricSection, line_numbers, stresses, syllables

SUNG_KINDS = ("verse", "prechorus", "chorus", "bridge", "outro")


def lines_per_section(bars: int) -> int:
    return max(1, bars // 2)


def room_for_lines(form: list[tuple[str, str, int]]) -> int:
    """How many lines the form's singing sections hold at the relaxed pace of two bars each."""
    return sum(lines_per_section(bars) for _, kind, bars in form if kind in SUNG_KINDS)


def assign_lines(
    form: list[tuple[str, str, int]], sections: list[LyricSection], language: str = "en"
) -> list[list[LyricLine]]:
    """One list of lines per form section; intro and outro stay instrumental. `language` is
    the ISO 639-1 code the words are syllabified in. Each line knows its number in
    `format_lyrics(sections)`, the text returned to the caller."""
    lines = [
        LyricLine(text, syllables(text, language), stresses(text, language), number)
        for s, numbers in zip(sections, line_numbers(sections), strict=True)
        for text, number in zip(s.lines, numbers, strict=True)
    ]
    lines = [line for line in lines if line.syllables]
    sung = [i for i, (_, kind, _) in enumerate(form) if kind in SUNG_KINDS]
    result: list[list[LyricLine]] = [[] for _ in form]
    if not lines or not sung:
        return result
    capacity = room_for_lines(form)
    if len(lines) <= capacity:
        cursor = 0
        for i in sung:
            take = lines_per_section(form[i][2])
            result[i] = lines[cursor : cursor + take]
            cursor += take
        return result
    # More words than room at two bars a line: share lines out by section length.
    total_bars = sum(form[i][2] for i in sung)
    cursor, placed_bars = 0, 0
    for i in sung:
        placed_bars += form[i][2]
        until = round(len(lines) * placed_bars / total_bars)
        result[i] = lines[cursor:until]
        cursor = until
    return result
