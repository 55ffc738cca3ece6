"""Compares the Debian SoundFonts instrument by instrument for the programs the styles use.

For every General MIDI program a style plays, and for the drum notes the patterns use,
renders the same notes with each SoundFont and measures: treble extent (the frequency
under which 95 % of the energy lies, median over notes: dull, low-rate samples score
low), evenness across the range (standard deviation of note levels in dB over two
octaves: sample-zone seams score high), dynamics (level difference between velocity 40
and 110, in dB: one flat layer scores low). Prints a JSON table.

    .venv/bin/python bench/soundfont_compare.py [--soundfonts PATH ...]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import fluidsynth
import numpy as np

from songforge.engine.patterns import (
    CLAP,
    CONGA,
    CRASH,
    HAT,
    KICK,
    OPEN_HAT,
    RIDE,
    SHAKER,
    SIDE_STICK,
    SNARE,
    TOM,
)
from songforge.engine.styles import STYLES

RATE = 44_100
DEFAULT_FONTS = (
    Path("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
    Path("/usr/share/sounds/sf2/MuseScore_General_Full.sf2"),
    Path("/usr/share/sounds/sf2/Black_Pearl_4_LV2.sf2"),
    Path("/usr/share/sounds/sf2/Red_Zeppelin_4_LV2.sf2"),
)
DRUMS = {
    "kick": KICK,
    "snare": SNARE,
    "clap": CLAP,
    "hat": HAT,
    "open_hat": OPEN_HAT,
    "ride": RIDE,
    "crash": CRASH,
    "side_stick": SIDE_STICK,
    "shaker": SHAKER,
    "conga": CONGA,
    "tom": TOM,
}


def _note(synth: fluidsynth.Synth, channel: int, pitch: int, velocity: int) -> np.ndarray:
    synth.noteon(channel, pitch, velocity)
    held = synth.get_samples(int(0.35 * RATE))
    synth.noteoff(channel, pitch)
    tail = synth.get_samples(int(0.25 * RATE))
    mixed = np.concatenate([held, tail]).astype(np.float64).reshape(-1, 2).mean(axis=1)
    return np.asarray(mixed / 32768)


def _level(audio: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(audio**2) + 1e-20))


def _rolloff(audio: np.ndarray) -> float:
    power = np.abs(np.fft.rfft(audio * np.hanning(len(audio)))) ** 2
    cumulative = np.cumsum(power)
    if cumulative[-1] <= 0:
        return 0.0
    index = int(np.searchsorted(cumulative, 0.95 * cumulative[-1]))
    return float(index * RATE / 2 / (len(power) - 1))


def _measure(
    font: Path, bank: int, program: int, pitches: list[int], channel: int
) -> dict[str, float] | None:
    synth = fluidsynth.Synth(samplerate=float(RATE), gain=0.4)
    try:
        sfid = synth.sfload(str(font))
        if not synth.sfpreset_name(sfid, bank, program):
            return None
        synth.program_select(channel, sfid, bank, program)
        notes = [_note(synth, channel, p, 90) for p in pitches]
        levels = [_level(n) for n in notes]
        if max(levels) < -70:
            return None
        middle = pitches[len(pitches) // 2]
        soft, loud = _note(synth, channel, middle, 40), _note(synth, channel, middle, 110)
        return {
            "treble_hz": round(float(np.median([_rolloff(n) for n in notes])), 0),
            "spread_db": round(float(np.std(levels)), 2),
            "dynamics_db": round(_level(loud) - _level(soft), 1),
        }
    finally:
        synth.delete()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--soundfonts", nargs="*", type=Path, default=list(DEFAULT_FONTS))
    args = parser.parse_args()
    fonts = [f for f in args.soundfonts if f.exists()]
    uses: dict[int, set[str]] = {}
    for style in STYLES:
        for role, program in style.programs.items():
            uses.setdefault(program, set()).add(role)
    table: dict[str, dict[str, object]] = {}
    for program in sorted(uses):
        low = 28 if uses[program] == {"bass"} else 48
        pitches = list(range(low, low + 25, 4))
        table[f"program {program} ({', '.join(sorted(uses[program]))})"] = {
            font.name: _measure(font, 0, program, pitches, 0) for font in fonts
        }
    for name, pitch in DRUMS.items():
        row: dict[str, object] = {}
        for font in fonts:
            bank = 128 if "GM" in font.name or "General" in font.name else 0
            row[font.name] = _measure(font, bank, 0, [pitch], 9)
        table[f"drum {name} ({pitch})"] = row
    print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
