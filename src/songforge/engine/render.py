"""Rendering the score's instruments with FluidSynth and a General MIDI SoundFont."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import fluidsynth
import numpy as np

from songforge.engine.score import DRUM_CHANNEL, Track

SAMPLE_RATE = 44_100
SOUNDFONTS = (
    Path("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
    Path("/usr/share/sounds/sf2/default-GM.sf2"),
)
# The MuseScore General SoundFont (Debian musescore-general-soundfont) and the AVL
# "Black Pearl" acoustic kit (avldrums.lv2-soundfont); both optional, FluidR3 stands in.
MUSESCORE_GENERAL = Path("/usr/share/sounds/sf3/MuseScore_General_Full.sf3")
AVL_KIT = Path("/usr/share/sounds/sf2/Black_Pearl_4_LV2.sf2")
# General MIDI programs MuseScore General plays better than FluidR3, measured with
# bench/soundfont_compare.py (docs/engine.md): even level across the range (fewer
# sample-zone seams) or wider treble. Every other program sounds from FluidR3.
MUSESCORE_PROGRAMS = frozenset({0, 4, 5, 38, 42, 80, 81, 90, 94})
# Kit pieces the AVL kit has (kick, side stick, snare, hi-hats, toms, crash, ride); the
# rest (clap, shaker, conga...) come from FluidR3's standard kit on a second channel.
AVL_NOTES = frozenset({35, 36, 37, 38, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 53, 57, 59})
_PERCUSSION_CHANNEL = 15
_BLOCK = 64  # FluidSynth's internal block; events land on block boundaries


def find_soundfont() -> Path:
    for path in SOUNDFONTS:
        if path.exists():
            return path
    raise FileNotFoundError("no General MIDI SoundFont: install fluid-soundfont-gm")


class SoundFontRenderer:
    """Loads the SoundFonts once per worker process; each song gets a fresh synthesizer.

    Samples load on demand (FluidSynth's dynamic sample loading) and stay cached while
    any synthesizer holds their preset: the anchor synthesizer holds every preset a song
    can use, so their samples are read (and MuseScore's Ogg samples decoded) once per
    worker, and each song's fresh synthesizer finds them cached. A fresh synthesizer per
    song means no state carries over from the last one (reverb tails, voices, channel
    settings): the same score always renders the same samples.
    """

    def __init__(
        self,
        soundfont: Path | None = None,
        musescore: Path | None = MUSESCORE_GENERAL,
        kit: Path | None = AVL_KIT,
    ) -> None:
        self._general = str(soundfont or find_soundfont())
        self._musescore = str(musescore) if musescore and musescore.exists() else None
        self._kit = str(kit) if kit and kit.exists() else None
        self._anchor = _synth()
        fonts = self._load(self._anchor)
        channel = 0
        for program in range(128):
            self._anchor.program_select(channel, fonts.general, 0, program)
            channel += 1
        self._anchor.program_select(channel, fonts.general, 128, 0)
        channel += 1
        if fonts.musescore is not None:
            for program in sorted(MUSESCORE_PROGRAMS):
                self._anchor.program_select(channel, fonts.musescore, 0, program)
                channel += 1
        if fonts.kit is not None:
            self._anchor.program_select(channel, fonts.kit, 0, 0)

    def _load(self, synth: fluidsynth.Synth) -> _Fonts:
        general = synth.sfload(self._general)
        if general < 0:
            raise RuntimeError("FluidSynth could not load the SoundFont")
        musescore = synth.sfload(self._musescore) if self._musescore else -1
        kit = synth.sfload(self._kit) if self._kit else -1
        return _Fonts(general, musescore if musescore >= 0 else None, kit if kit >= 0 else None)

    def render(self, tracks: list[Track], duration: float) -> np.ndarray:
        """Stereo float32 audio, shape (samples, 2)."""
        synth = _synth(gain=0.4)
        try:
            return self._render(synth, self._load(synth), tracks, duration)
        finally:
            synth.delete()

    def _render(
        self, synth: fluidsynth.Synth, fonts: _Fonts, tracks: list[Track], duration: float
    ) -> np.ndarray:
        synth.setting("synth.chorus.active", 0)
        events: list[tuple[int, int, int, int, int]] = []  # sample, order, channel, pitch, vel
        for track in tracks:
            if track.channel != DRUM_CHANNEL:
                if fonts.musescore is not None and track.program in MUSESCORE_PROGRAMS:
                    synth.program_select(track.channel, fonts.musescore, 0, track.program)
                else:
                    synth.program_select(track.channel, fonts.general, 0, track.program)
            else:
                synth.program_select(
                    DRUM_CHANNEL, fonts.kit or fonts.general, 128 * (fonts.kit is None), 0
                )
                synth.program_select(_PERCUSSION_CHANNEL, fonts.general, 128, 0)
            for note in track.notes:
                channel = track.channel
                if (
                    channel == DRUM_CHANNEL
                    and fonts.kit is not None
                    and note.pitch not in AVL_NOTES
                ):
                    channel = _PERCUSSION_CHANNEL
                on = int(note.start * SAMPLE_RATE)
                off = int((note.start + note.duration) * SAMPLE_RATE)
                events.append((on, 1, channel, note.pitch, note.velocity))
                events.append((max(off, on + 1), 0, channel, note.pitch, 0))
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


@dataclass(frozen=True)
class _Fonts:
    """SoundFont ids inside one synthesizer."""

    general: int
    musescore: int | None
    kit: int | None


def _synth(gain: float = 0.2) -> fluidsynth.Synth:
    # Samples load when a preset is selected, not the whole SoundFont at sfload.
    options = {"synth.dynamic-sample-loading": 1}
    return fluidsynth.Synth(gain=gain, samplerate=float(SAMPLE_RATE), **options)


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
