"""A song's form at every length: the sections a listener expects, in an order that makes a
song. A 90 s song sang one verse and then its chorus three times in a row; a three-minute
ballad two choruses back to back."""

from __future__ import annotations

import itertools
import random

import pytest

from songforge.engine.form import plan_form

DURATIONS = range(20, 400, 5)  # seconds
TEMPI = range(60, 181, 7)  # beats per minute, the styles' range


@pytest.mark.parametrize("continuation", [False, True])
def test_no_section_follows_one_of_its_own_kind(continuation: bool) -> None:
    for duration in DURATIONS:
        for bpm in TEMPI:
            plan = plan_form(duration, (bpm, bpm), random.Random(duration), continuation)
            kinds = [kind for _, kind, _ in plan.sections]
            doubled = [a for a, b in itertools.pairwise(kinds) if a == b]
            assert not doubled, (duration, bpm, plan.sections)


def test_a_song_of_a_minute_or_more_has_two_verses_and_two_choruses() -> None:
    # At a mid tempo (100 bpm a minute holds 24 bars): two verses and two choruses of at
    # least a line each, as a short radio edit has.
    for duration in range(60, 400, 5):
        for bpm in range(90, 181, 7):
            plan = plan_form(duration, (bpm, bpm), random.Random(duration))
            kinds = [kind for _, kind, bars in plan.sections if bars >= 2]
            assert kinds.count("verse") >= 2, (duration, bpm, plan.sections)
            assert kinds.count("chorus") >= 2, (duration, bpm, plan.sections)


def test_the_form_still_fills_the_duration() -> None:
    for duration in DURATIONS:
        for bpm in TEMPI:
            plan = plan_form(duration, (bpm, bpm), random.Random(duration))
            bars = sum(b for _, _, b in plan.sections)
            # The tempo is tuned so the bars fill the body (the duration less the last
            # chord's ring) exactly.
            assert abs(bars * plan.bar_seconds - (max(8.0, duration - 1.5))) < 0.05 * bars
