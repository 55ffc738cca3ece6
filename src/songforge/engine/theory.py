"""Pitch, scales and chords: the small amount of music theory the composer needs."""

from __future__ import annotations

NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
DORIAN = (0, 2, 3, 5, 7, 9, 10)
MIXOLYDIAN = (0, 2, 4, 5, 7, 9, 10)
SCALES = {"major": MAJOR, "minor": MINOR, "dorian": DORIAN, "mixolydian": MIXOLYDIAN}


def key_name(tonic: int, mode: str) -> str:
    quality = "major" if mode in ("major", "mixolydian") else "minor"
    return f"{NOTE_NAMES[tonic % 12]} {quality}"


def scale_pitch(tonic_midi: int, mode: str, degree: int) -> int:
    """MIDI pitch of a scale degree (0-based, may exceed 6 or go negative)."""
    scale = SCALES[mode]
    octave, step = divmod(degree, 7)
    return tonic_midi + 12 * octave + scale[step]


def chord_pitches(tonic_midi: int, mode: str, degree: int, size: int = 3) -> list[int]:
    """Stacked thirds on a scale degree: triad (3), seventh (4)."""
    return [scale_pitch(tonic_midi, mode, degree + 2 * i) for i in range(size)]


def midi_to_hz(pitch: float) -> float:
    return 440.0 * 2 ** ((pitch - 69) / 12)


def nearest_in(pitch: int, allowed: list[int]) -> int:
    """The pitch-class-aware nearest member of `allowed` classes to `pitch`."""
    classes = {p % 12 for p in allowed}
    for distance in range(12):
        for candidate in (pitch - distance, pitch + distance):
            if candidate % 12 in classes:
                return candidate
    return pitch
