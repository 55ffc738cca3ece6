"""Measures of how a rendered vocal stem is sung, read from the audio at the score's times.

Two faults a listener hears: hard silences between the syllables of one line (choppy, not
legato) and clicks (single-sample discontinuities or pulses starting at full strength,
heard as ticks and seen as vertical lines in a spectrogram). Nothing here reads the
engine's own audio internals: only the stem's samples and the score's syllable times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
from scipy.signal import stft

HOP_SECONDS = 0.005
GAP_SECONDS = 0.030
# A frame is silent when it is this far below the line's loud level (its 90th percentile).
SILENCE_BELOW_DB = 35.0


@dataclass(frozen=True)
class JoinReport:
    joins: int
    gaps: int
    gap_seconds: list[float]

    @property
    def gap_fraction(self) -> float:
        return self.gaps / self.joins if self.joins else 0.0


def _frame_db(mono: np.ndarray, rate: int) -> np.ndarray:
    """RMS level in dB of 10 ms windows every 5 ms."""
    hop = int(HOP_SECONDS * rate)
    window = 2 * hop
    count = max(0, (len(mono) - window) // hop + 1)
    if count == 0:
        return np.zeros(0)
    squares = np.concatenate([[0.0], np.cumsum(mono.astype(np.float64) ** 2)])
    starts = np.arange(count) * hop
    energy = (squares[starts + window] - squares[starts]) / window
    return np.asarray(10 * np.log10(np.maximum(energy, 1e-20)))


def syllable_joins(stem: np.ndarray, rate: int, syllables: Sequence[dict[str, Any]]) -> JoinReport:
    """Counts within-line syllable joins with a silence longer than 30 ms.

    `syllables` are the score's vocal notes (`start`, `duration` in seconds, `line`), in
    time order. A join spans from the middle of one syllable to the middle of the next in
    the same line; it has a gap when the stem stays more than 35 dB under the line's loud
    level for over 30 ms anywhere in that span. Unvoiced consonants are sound, not gaps.
    """
    mono = stem if stem.ndim == 1 else stem.mean(axis=1)
    db = _frame_db(mono, rate)
    by_line: dict[int, list[dict[str, Any]]] = {}
    for syllable in syllables:
        by_line.setdefault(int(syllable["line"]), []).append(syllable)
    joins = gaps = 0
    gap_seconds: list[float] = []
    for sung in by_line.values():
        sung = sorted(sung, key=lambda s: float(s["start"]))
        first = int(float(sung[0]["start"]) / HOP_SECONDS)
        last = int((float(sung[-1]["start"]) + float(sung[-1]["duration"])) / HOP_SECONDS)
        line_db = db[first:last]
        if len(line_db) == 0:
            continue
        floor = float(np.percentile(line_db, 90)) - SILENCE_BELOW_DB
        for before, after in pairwise(sung):
            a = int((float(before["start"]) + float(before["duration"]) / 2) / HOP_SECONDS)
            b = int((float(after["start"]) + float(after["duration"]) / 2) / HOP_SECONDS)
            silent = db[a:b] < floor
            longest = _longest_run(silent) * HOP_SECONDS
            joins += 1
            if longest > GAP_SECONDS:
                gaps += 1
                gap_seconds.append(round(longest, 3))
    return JoinReport(joins, gaps, gap_seconds)


def _longest_run(flags: np.ndarray) -> int:
    longest = run = 0
    for flag in flags:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    return longest


@dataclass(frozen=True)
class Click:
    time: float
    rise_db: float


def spectral_spikes(
    stem: np.ndarray, rate: int, *, rise_db: float = 6.0, floor_db: float = -40.0
) -> list[Click]:
    """Broadband transients: 10 ms frames (every 5 ms) that stand out from both
    neighbours 15 ms away by `rise_db` or more in most of twelve bands from 1 to 10 kHz.

    These are the vertical lines of a spectrogram: a discontinuity, a pulse from silence
    or a spectral envelope jumping from one frame to the next. Frames quieter than
    `floor_db` under the stem's loudest treble frame are ignored. Frames within 20 ms are
    one event. Times in seconds.
    """
    mono = stem if stem.ndim == 1 else stem.mean(axis=1)
    hop = int(HOP_SECONDS * rate)
    window = 2 * hop
    if len(mono) < 4 * window:
        return []
    freqs, times, spectrum = stft(
        mono.astype(np.float64),
        fs=rate,
        nperseg=window,
        noverlap=window - hop,
        boundary=None,
        padded=False,
    )
    power = np.abs(spectrum) ** 2
    edges = np.geomspace(1000.0, 10_000.0, 13)
    bands = np.stack(
        [power[(freqs >= low) & (freqs < high)].sum(axis=0) for low, high in pairwise(edges)]
    )
    levels = 10 * np.log10(bands + 1e-20)
    treble = 10 * np.log10(power[freqs >= 1000.0].sum(axis=0) + 1e-20)
    lag = 3
    padded = np.pad(levels, ((0, 0), (lag, lag)), mode="edge")
    neighbours = np.maximum(padded[:, : -2 * lag], padded[:, 2 * lag :])
    rise = np.median(levels - neighbours, axis=0)
    loud = treble > treble.max() + floor_db
    found: list[Click] = []
    for i in np.nonzero((rise >= rise_db) & loud)[0]:
        click = Click(round(float(times[i]), 3), round(float(rise[i]), 1))
        if found and click.time - found[-1].time < 0.02:
            # One event seen by overlapping frames: keep its strongest frame.
            if click.rise_db > found[-1].rise_db:
                found[-1] = click
            continue
        found.append(click)
    return found


def clicks(
    stem: np.ndarray, rate: int, syllables: Sequence[dict[str, Any]], *, rise_db: float = 6.0
) -> list[Click]:
    """Broadband transients where nothing broadband belongs: inside the held part of each
    sung note (from 80 ms after its start to 80 ms before its end: consonants sit at
    note edges) and in the rests between lines (more than 0.3 s from any note).
    """
    spikes = spectral_spikes(stem, rate, rise_db=rise_db)
    spans = sorted((float(s["start"]), float(s["start"]) + float(s["duration"])) for s in syllables)
    held = [(a + 0.08, b - 0.08) for a, b in spans if b - a > 0.16 + HOP_SECONDS]

    def in_held(t: float) -> bool:
        return any(a <= t <= b for a, b in held)

    def in_rest(t: float) -> bool:
        return all(t < a - 0.3 or t > b + 0.3 for a, b in spans)

    return [c for c in spikes if in_held(c.time) or in_rest(c.time)]
