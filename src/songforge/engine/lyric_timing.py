"""Timed lyrics from the score: when each section, sung line and word starts and ends, in
seconds.

The score knows every sung syllable's start and length and the line it belongs to; a
line's syllables are its words' syllables in order (`lyric_text.syllables` counts them word
by word), so words are read off by counting. Everything is clipped to [0, duration] and
comes out in time order, ready for a karaoke display.
"""

from __future__ import annotations

from typing import Any

from songforge.engine.lyric_text import syllables
from songforge.engine.score import BACKING, SPOKEN, Score, Syllable

_EDGE_PUNCTUATION = ".,;:!?¡¿\"'()[]{}-\u2019\u2018\u201c\u201d"


def section_timings(score: Score, duration: float) -> list[dict[str, Any]]:
    """[{name, start, end}] per section of the score, in seconds rounded to the
    millisecond, tiling [0, `duration`] (the song's length as reported): the first starts
    at 0, each ends where the next starts, and the last ends with the song, its final
    chord ringing out."""
    end = round(duration, 3)
    starts = [round(min(max(0.0, section.start), end), 3) for section in score.sections]
    if starts:
        starts[0] = 0.0
    return [
        {"name": section.name, "start": start, "end": following}
        for section, start, following in zip(
            score.sections, starts, [*starts[1:], end], strict=True
        )
    ]


def line_timings(score: Score) -> list[dict[str, Any]]:
    """[{line, text, start, end, source_line, backing, spoken}] for every sung or spoken
    line, in order of their starts (seconds). `line` is the line's index in the song's
    lines (what `aligned_words` entries name); `source_line` is its 1-based number in the
    returned lyrics text, markers and blank lines counted (None for a line that text does
    not hold); `backing` marks a line of the backing voice, which may overlap the lead's;
    `spoken` a line the lead speaks."""
    timings = []
    for line, notes in _notes_by_line(score):
        start, end = _span(notes, score.duration)
        timings.append(
            {
                "line": line,
                "text": score.lines[line],
                "start": start,
                "end": end,
                "source_line": score.source_line(line),
                **_delivery(notes),
            }
        )
    return timings


def aligned_words(score: Score) -> list[dict[str, Any]]:
    """[{word, start, end, line, source_line, backing, spoken}] for every sung or spoken
    word, line by line in the order of `line_timings` (seconds): a word starts with its
    first syllable and ends when its last syllable's note ends; the other fields are its
    line's, as in `line_timings`."""
    words: list[dict[str, Any]] = []
    for line, notes in _notes_by_line(score):
        how = _delivery(notes)
        written = [w for w in score.lines[line].split() if any(ch.isalnum() for ch in w)]
        counts = [max(1, len(syllables(w, score.language))) for w in written]
        if sum(counts) != len(notes):
            counts = _share(len(notes), len(written))
        at = 0
        for word, count in zip(written, counts, strict=True):
            group = notes[at : at + count]
            at += count
            if not group:
                continue
            start, end = _span(group, score.duration)
            words.append({"word": word.strip(_EDGE_PUNCTUATION) or word, "start": start,
                          "end": end, "line": line,
                          "source_line": score.source_line(line), **how})  # fmt: skip
    return words


def _delivery(notes: list[Syllable]) -> dict[str, bool]:
    return {"backing": notes[0].delivery == BACKING, "spoken": notes[0].delivery == SPOKEN}


def _notes_by_line(score: Score) -> list[tuple[int, list[Syllable]]]:
    by_line: dict[int, list[Syllable]] = {}
    for note in sorted(score.vocal, key=lambda n: n.start):
        by_line.setdefault(note.line, []).append(note)
    return sorted(by_line.items(), key=lambda item: item[1][0].start)


def _span(notes: list[Syllable], duration: float) -> tuple[float, float]:
    start = min(max(0.0, notes[0].start), duration)
    end = min(max(start, max(n.start + n.duration for n in notes)), duration)
    return round(start, 3), round(end, 3)


def _share(notes: int, words: int) -> list[int]:
    """Notes shared out over words in order, as evenly as they go (for a melody that does
    not give each syllable one note)."""
    if words == 0:
        return []
    base, extra = divmod(notes, words)
    return [base + (1 if i < extra else 0) for i in range(words)]
