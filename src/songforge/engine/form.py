"""Form: sections sized so the song lasts the requested time at the chosen tempo."""

from __future__ import annotations

import random
from dataclasses import dataclass

# (name, kind, bars) in the order they are played; kinds drive composition.
_TEMPLATE = (
    ("Intro", "intro", 4),
    ("Verse 1", "verse", 8),
    ("Pre-Chorus", "prechorus", 4),
    ("Chorus", "chorus", 8),
    ("Verse 2", "verse", 8),
    ("Pre-Chorus", "prechorus", 4),
    ("Chorus", "chorus", 8),
    ("Bridge", "bridge", 8),
    ("Chorus", "chorus", 8),
    ("Outro", "outro", 4),
)
# A continuation starts with a fresh section, never an intro.
_CONTINUATION = (
    ("Bridge", "bridge", 8),
    ("Chorus", "chorus", 8),
    ("Verse 3", "verse", 8),
    ("Chorus", "chorus", 8),
    ("Outro", "outro", 4),
)
# Sections dropped first when the song is short, in order, each step's sections together
# (the last of each name): a short song keeps verse, chorus, verse, chorus, since a verse
# or a bridge dropped alone left two or three choruses in a row (a 90 s song sang its
# chorus three times after one verse).
_DROP_ORDER = (("Pre-Chorus",), ("Bridge", "Chorus"), ("Pre-Chorus",), ("Verse 2", "Chorus"))
# Below this many bars a song has one verse and one chorus: two verses and two choruses of
# two lines (4 bars) each, and an intro and an outro of 2 to 3 bars, need about this many.
_TWO_VERSES_BARS = 22
TAIL_SECONDS = 1.5  # the last chord rings out after the final bar


@dataclass
class _Part:
    name: str
    kind: str
    bars: int


@dataclass(frozen=True)
class FormPlan:
    sections: list[tuple[str, str, int]]
    bpm: float
    bar_seconds: float


def plan_form(
    duration: float,
    tempo_range: tuple[float, float],
    rng: random.Random,
    continuation: bool = False,
    fixed_bpm: float | None = None,
) -> FormPlan:
    bpm = fixed_bpm or rng.uniform(*tempo_range)
    body = max(8.0, duration - TAIL_SECONDS)
    total_bars = max(4, round(body / (240.0 / bpm)))
    template = _CONTINUATION if continuation else _TEMPLATE
    sections = [_Part(name, kind, bars) for name, kind, bars in template]
    for names in _DROP_ORDER:
        if sum(s.bars for s in sections) <= total_bars:
            break
        if "Verse 2" in names and total_bars >= _TWO_VERSES_BARS:
            break  # the sections shrink instead
        for name in names:
            for index in range(len(sections) - 1, -1, -1):
                if sections[index].name == name and len(sections) > 3:
                    del sections[index]
                    break
    if total_bars < _TWO_VERSES_BARS:
        # A very short song's bars are for singing: its intro is two bars (its outro keeps
        # its four, where the band comes home to the key).
        for part in sections:
            if part.kind == "intro":
                part.bars = min(part.bars, 2)
    # Grow or shrink sections by whole bars until the bar count matches.
    current = sum(s.bars for s in sections)
    body_parts = [i for i, s in enumerate(sections) if s.kind in ("verse", "chorus", "bridge")]
    # Songs grow in their body; short songs shrink everywhere, intro and outro last.
    edges = [i for i in range(len(sections)) if i not in body_parts]
    step = 0
    while current != total_bars and step < 1000:
        order = body_parts if current < total_bars or step < 200 else body_parts + edges
        index = (order or list(range(len(sections))))[step % max(1, len(order))]
        part = sections[index]
        if current < total_bars:
            part.bars += 4 if total_bars - current >= 4 else 1
        elif part.bars > 2 or (part.bars > 1 and index in edges):
            part.bars -= 4 if current - total_bars >= 4 and part.bars > 4 else 1
        current = sum(s.bars for s in sections)
        step += 1
    if fixed_bpm:
        return FormPlan([(p.name, p.kind, p.bars) for p in sections], fixed_bpm, 240.0 / fixed_bpm)
    # Tempo is then tuned so the bars fill the body exactly.
    bpm = 240.0 * current / body
    return FormPlan(
        [(p.name, p.kind, p.bars) for p in sections], round(bpm, 2), 240.0 / round(bpm, 2)
    )
