"""The form of a song sung from a caller's sheet: the caller's sections, in their order,
sized in whole bars so the song lasts the requested time.

Each line wants two bars; an instrumental section four. An instrumental intro and outro
frame the words (a continuation has no intro). A longer song first lengthens the intro
and outro (to 8 bars), then gives lines more room (up to 3 bars each), then adds 8-bar
instrumental sections after sung ones; a shorter one takes bars away in the reverse order,
down to two lines a bar. The tempo is then tuned so the bars fill the time exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from songforge.engine.caller_lyrics import (
    BRIDGE,
    INSTRUMENTAL,
    INTRO,
    OUTRO,
    Sheet,
    SheetLine,
)
from songforge.engine.form import TAIL_SECONDS, FormPlan

RELAXED_BARS_PER_LINE = 2
_MOST_BARS_PER_LINE = 3
_PAD_BARS = 4
_LONGEST_PAD = 8
_ADDED_BREAK = "Instrumental"


@dataclass
class _Part:
    name: str
    kind: str  # the composer's kind (an instrumental section plays as a bridge)
    bars: int
    lines: tuple[SheetLine, ...]
    added: bool  # not written by the caller: an intro, outro or break for length
    spoken: bool = False  # the caller asked for the lines to be spoken

    @property
    def words(self) -> int:
        return len(self.lines)

    @property
    def pad(self) -> bool:
        return not self.lines


@dataclass(frozen=True)
class CallerForm:
    plan: FormPlan
    lines: list[tuple[SheetLine, ...]]  # per form section
    spoken: list[bool]  # per form section: its lines are spoken, not sung
    from_sheet: list[bool]  # per form section: written by the caller (not added for length)
    relaxed: bool  # every line has at least two bars


def plan_caller_form(
    sheet: Sheet,
    duration: float,
    bpm: float,
    *,
    continuation: bool = False,
    fixed: bool = False,
) -> CallerForm:
    """Bars per section for `sheet` in a song of `duration` seconds (`duration` is the new
    part's length for a continuation) at about `bpm` beats a minute: the song gets the
    whole bars `bpm` gives the time, and the tempo is then tuned so they fill it exactly,
    unless `fixed` (a continuation keeps its source's tempo)."""
    body = max(8.0, duration - TAIL_SECONDS)
    target = max(4, round(body / (240.0 / bpm)))
    parts = [
        _Part(
            s.name,
            BRIDGE if s.kind == INSTRUMENTAL else s.kind,
            RELAXED_BARS_PER_LINE * len(s.lines) if s.lines else _PAD_BARS,
            s.lines,
            added=False,
            spoken=s.spoken,
        )
        for s in sheet.sections
    ]
    if not continuation and (not parts or parts[0].kind != INTRO):
        parts.insert(0, _Part("Intro", INTRO, _PAD_BARS, (), added=True))
    if not parts or parts[-1].kind != OUTRO:
        parts.append(_Part("Outro", OUTRO, _PAD_BARS, (), added=True))
    _fit(parts, target)
    current = sum(p.bars for p in parts)
    tuned = bpm if fixed else round(240.0 * current / body, 2)
    plan = FormPlan([(p.name, p.kind, p.bars) for p in parts], tuned, 240.0 / tuned)
    relaxed = all(p.bars >= RELAXED_BARS_PER_LINE * p.words for p in parts if p.words)
    return CallerForm(
        plan,
        [p.lines for p in parts],
        [p.spoken for p in parts],
        [not p.added for p in parts],
        relaxed,
    )


def _fit(parts: list[_Part], target: int) -> None:
    """Whole bars added or taken until the parts hold `target` bars (or can change no more)."""
    total = sum(p.bars for p in parts)
    pads = [p for p in parts if p.pad]
    sung = [p for p in parts if not p.pad]
    while total < target:
        grown = _grow_once(pads, sung, parts)
        if not grown:
            break
        total += grown
    while total > target:
        if not _shrink_once(pads, sung):
            break
        total -= 1


def _grow_once(pads: list[_Part], sung: list[_Part], parts: list[_Part]) -> int:
    short_pads = [p for p in pads if p.bars < _LONGEST_PAD]
    if short_pads:
        min(short_pads, key=lambda p: p.bars).bars += 1
        return 1
    roomy = [p for p in sung if p.bars < _MOST_BARS_PER_LINE * p.words]
    if roomy:
        min(roomy, key=lambda p: p.bars / p.words).bars += 1
        return 1
    # Still short: an 8-bar instrumental after the sung section with the fewest breaks
    # after it, never after the last one (the outro follows that).
    candidates = [p for p in sung if p is not sung[-1]] or sung
    if not candidates:
        return 0
    host = min(candidates, key=lambda p: _breaks_after(parts, p))
    at = parts.index(host) + 1 + _breaks_after(parts, host)
    added = _Part(_ADDED_BREAK, BRIDGE, _LONGEST_PAD, (), added=True)
    parts.insert(at, added)
    pads.append(added)
    return _LONGEST_PAD


def _breaks_after(parts: list[_Part], host: _Part) -> int:
    count = 0
    for part in parts[parts.index(host) + 1 :]:
        if not (part.added and part.name == _ADDED_BREAK):
            break
        count += 1
    return count


def _shrink_once(pads: list[_Part], sung: list[_Part]) -> bool:
    long_pads = [p for p in pads if p.bars > 2]
    if long_pads:
        max(long_pads, key=lambda p: p.bars).bars -= 1
        return True
    roomy = [p for p in sung if p.bars > max(1, (p.words + 1) // 2)]
    if roomy:
        max(roomy, key=lambda p: p.bars / p.words).bars -= 1
        return True
    short_pads = [p for p in pads if p.bars > 1]
    if short_pads:
        max(short_pads, key=lambda p: p.bars).bars -= 1
        return True
    return False
