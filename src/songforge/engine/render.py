"""Rendering the score's instruments with FluidSynth and a General MIDI SoundFont."""

from __future__ import annotations

import ctypes
from pathlib import Path

import fluidsynth
import numpy as np

from songforge.engine.score import DRUM_CHANNEL, Track

SAMPLE_RATE = 44_100
SOUNDFONTS = (
    Path("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
    Path("/usr/share/sounds/sf2/default-GM.sf2"),
)
_BLOCK = 64  # FluidSynth's internal block; events land on block boundaries


def find_soundfont() -> Path:
    for path in SOUNDFONTS:
        if path.exists():
            return path
    raise FileNotFoundError("no General MIDI SoundFont: install fluid-soundfont-gm")


class SoundFontRenderer:
    """Loads the SoundFont once per worker process; each song gets a fresh synthesizer.

    FluidSynth keeps sample data cached per file while any synth holds it, so the anchor
    synth makes every later load cheap (~30 ms), and a fresh synth per song means no state
    carries over from the last one: the same score always renders the same samples.
    """

    def __init__(self, soundfont: Path | None = None) -> None:
        self._path = str(soundfont or find_soundfont())
        self._anchor = fluidsynth.Synth(samplerate=float(SAMPLE_RATE))
        if self._anchor.sfload(self._path) < 0:
            raise RuntimeError("FluidSynth could not load the SoundFont")

    def render(self, tracks: list[Track], duration: float) -> np.ndarray:
        """Stereo float32 audio, shape (samples, 2)."""
        synth = fluidsynth.Synth(samplerate=float(SAMPLE_RATE), gain=0.4)
        try:
            return self._render(synth, synth.sfload(self._path), tracks, duration)
        finally:
            synth.delete()

    def _render(
        self, synth: fluidsynth.Synth, sfid: int, tracks: list[Track], duration: float
    ) -> np.ndarray:
        synth.setting("synth.chorus.active", 0)
        events: list[tuple[int, int, int, int, int]] = []  # sample, order, channel, pitch, vel
        for track in tracks:
            if track.channel != DRUM_CHANNEL:
                synth.program_select(track.channel, sfid, 0, track.program)
            else:
                synth.program_select(DRUM_CHANNEL, sfid, 128, 0)
            for note in track.notes:
                on = int(note.start * SAMPLE_RATE)
                off = int((note.start + note.duration) * SAMPLE_RATE)
                events.append((on, 1, track.channel, note.pitch, note.velocity))
                events.append((max(off, on + 1), 0, track.channel, note.pitch, 0))
        events.sort()
        total = int(duration * SAMPLE_RATE)
        audio = np.zeros((total, 2), dtype=np.float32)
        cursor = 0
        for sample, kind, channel, pitch, velocity in events:
            sample = min(sample, total)
            if sample > cursor:
                _write_float(synth, audio[cursor:sample])
                cursor = sample
            if kind == 1:
                synth.noteon(channel, pitch, velocity)
            else:
                synth.noteoff(channel, pitch)
        if total > cursor:
            _write_float(synth, audio[cursor:total])
        return audio

    def close(self) -> None:
        self._anchor.delete()


def _write_float(synth: fluidsynth.Synth, into: np.ndarray) -> None:
    """Renders len(into) stereo frames as float into `into` (C-contiguous, shape (n, 2)).

    Float output, not FluidSynth's 16-bit output: the 16-bit path adds dither from a
    table filled once per process from the C library's rand(), so the same score gave
    samples differing by a few LSB depending on what else in the process had called
    rand() before the first synthesizer was made.
    """
    write = fluidsynth._fl.fluid_synth_write_float
    write.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_int,
    ]
    write.restype = ctypes.c_int
    pointer = into.ctypes.data
    if write(synth.synth, len(into), pointer, 0, 2, pointer, 1, 2) != 0:
        raise RuntimeError("FluidSynth could not render")
