"""Melody rhythm: where each syllable of a line starts and how long it is held.

Syllables sit on an eighth-note grid. Stressed syllables land on beats and light ones
between them, as a singer phrases speech; the last syllable lands on a strong beat and is
held, with a breath before the next line. Lines too crowded for eighths fall back to an
even sixteenth grid.
"""

from __future__ import annotations

from dataclasses import dataclass

# Costs of a placement; only their order matters.
_STRESS_OFF_BEAT = 2.0
_LIGHT_ON_DOWNBEAT = 0.6
_LIGHT_ON_BEAT = 0.15
_STRETCHED_LIGHT = 0.4
_STRETCHED_STRESSED = 0.1
_DOTTED = 1.0
_LENGTHS = (1, 2, 3)
_MAX_HOLD = 6  # eighths: the last syllable is held at most three beats


@dataclass(frozen=True)
class Feel:
    """A section's rhythmic habit, kept for all of its lines so that repeats sound alike."""

    pickup: int  # eighths after the line's first downbeat where singing starts (0..2)
    spread: bool  # fill the line (last word late) rather than finish early and hold


@dataclass(frozen=True)
class Placement:
    start: float  # in eighths from the line's start
    length: float  # in eighths


def place_line(marks: tuple[int, ...], eighths: int, feel: Feel) -> list[Placement]:
    """One placement per syllable; `marks` are 1 for stressed, 0 for light syllables."""
    count = len(marks)
    if count == 0:
        return []
    # A line opening on a stressed syllable starts on a beat, not on the pickup's off-beat.
    pickup = feel.pickup - feel.pickup % 2 if marks[0] else feel.pickup
    start = min(pickup, max(0, eighths - count - 2))
    if count == 1:
        return [Placement(start, max(1, min(_MAX_HOLD, eighths - 1 - start)))]
    last = _last_position(count, eighths, start, feel.spread)
    if last is None:
        return _even_sixteenths(count, eighths)
    lengths = _best_lengths(marks[:-1], start, last)
    if lengths is None:
        return _even_sixteenths(count, eighths)
    placements: list[Placement] = []
    at = start
    for length in lengths:
        placements.append(Placement(at, length))
        at += length
    placements.append(Placement(last, max(1, min(_MAX_HOLD, eighths - 1 - last))))
    return placements


def _last_position(count: int, eighths: int, start: int, spread: bool) -> int | None:
    """A beat for the line's last syllable: late enough for the others to fit at one to
    three eighths each, early enough for a held note and a breath."""
    latest = eighths - 3
    fits = [
        p
        for p in range(start + count - 1, latest + 1)
        if p % 2 == 0 and p - start <= 3 * (count - 1)
    ]
    if not fits:
        return None
    strong = [p for p in fits if p % 4 == 0] or fits
    if spread:
        # As late as leaves most syllables a single eighth or a quarter (no dotted notes).
        relaxed = [p for p in strong if p - start <= 2 * (count - 1)] or strong
        return relaxed[-1]
    return strong[0]


def _best_lengths(marks: tuple[int, ...], start: int, end: int) -> list[int] | None:
    """Lengths (in eighths) for the syllables before the last so that they run from
    `start` to `end`, stressed ones on beats: a small dynamic programme over positions."""
    infinity = float("inf")
    # best[i][p]: least cost of placing the first i syllables so that syllable i starts at p
    best: list[dict[int, tuple[float, int]]] = [{start: (0.0, 0)}]
    for mark in marks:
        step: dict[int, tuple[float, int]] = {}
        for position, (cost, _) in best[-1].items():
            here = cost + _position_cost(mark, position)
            for length in _LENGTHS:
                following = position + length
                if following > end:
                    continue
                total = here + _length_cost(mark, length)
                if total < step.get(following, (infinity, 0))[0]:
                    step[following] = (total, length)
        best.append(step)
    if end not in best[-1]:
        return None
    lengths: list[int] = []
    position = end
    for i in range(len(marks), 0, -1):
        length = best[i][position][1]
        lengths.append(length)
        position -= length
    return lengths[::-1]


def _position_cost(mark: int, position: int) -> float:
    if mark and position % 2:
        return _STRESS_OFF_BEAT
    if not mark and position % 4 == 0:
        return _LIGHT_ON_DOWNBEAT
    if not mark and position % 2 == 0:
        return _LIGHT_ON_BEAT
    return 0.0


def _length_cost(mark: int, length: int) -> float:
    if length == 3:
        return _DOTTED
    if length == 2:
        return _STRETCHED_STRESSED if mark else _STRETCHED_LIGHT
    return 0.0


def _even_sixteenths(count: int, eighths: int) -> list[Placement]:
    """Crowded lines: every syllable the same length, on sixteenths, the last one held."""
    usable = max(eighths - 2, count * 0.5)
    step = max(0.5, int(usable / count * 2) / 2)
    placements = [Placement(i * step, step) for i in range(count - 1)]
    last = (count - 1) * step
    placements.append(Placement(last, max(step, min(float(_MAX_HOLD), eighths - 1 - last))))
    return placements
