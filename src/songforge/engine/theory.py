"""Pitch, scales and chords: the small amount of music theory the composer needs."""

from __future__ import annotations

import re

NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
DORIAN = (0, 2, 3, 5, 7, 9, 10)
MIXOLYDIAN = (0, 2, 4, 5, 7, 9, 10)
SCALES = {"major": MAJOR, "minor": MINOR, "dorian": DORIAN, "mixolydian": MIXOLYDIAN}


def key_name(tonic: int, mode: str) -> str:
    """ "C# major", "Bb minor", "D dorian": the tonic's name and the mode, so that the
    key's scale can be read from it."""
    return f"{NOTE_NAMES[tonic % 12]} {mode}"


# Semitones from a mode's tonic to the tonic of the major or minor key that shares its
# signature: D dorian is written with A minor's, G mixolydian with C major's.
_SIGNATURE_OF = {"major": (0, ""), "minor": (0, "m"), "dorian": (7, "m"), "mixolydian": (5, "")}


def midi_key_signature(tonic: int, mode: str) -> str:
    """The key as a MIDI key signature names it (mido's spelling): "C#" for C# major,
    "Bbm" for Bb minor, "Am" for D dorian (a mode takes its parent scale's signature)."""
    shift, minor = _SIGNATURE_OF[mode]
    return NOTE_NAMES[(tonic + shift) % 12] + minor


def scale_classes(tonic: int, mode: str) -> frozenset[int]:
    """The key's pitch classes (0 = C .. 11 = B)."""
    return frozenset((tonic + step) % 12 for step in SCALES[mode])


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


_LETTERS = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}
_ACCIDENTALS = {"": 0, "#": 1, "♯": 1, "sharp": 1, "b": -1, "♭": -1, "flat": -1}
_QUALITIES = {"major": "major", "maj": "major", "minor": "minor", "min": "minor", "m": "minor"}
_KEY = re.compile(
    r"(?:\bin|\bkey(?:\s+of)?:?)\s+(?:the\s+key\s+of\s+)?"
    r"([a-g])\s*(#|♯|♭|b(?![a-z])|-?sharp|-?flat)?\s*"
    r"(major|maj|minor|min|m|dorian|mixolydian)?(?![a-z#])",
    re.IGNORECASE,
)


def parse_key(text: str | None) -> tuple[int, str] | None:
    """A key a writer asked for ("in F# minor", "key of Db", "in E flat dorian"), as
    (tonic pitch class, mode); None when the text names none. Enharmonic spellings meet
    (Db = C#, Cb = B); "in a minor" is A minor but "in a way" is nothing."""
    for match in _KEY.finditer(text or ""):
        letter, accidental, quality = match.groups()
        said_key = "key" in match.group(0).lower()
        # Without a quality word, "in" needs a written accidental ("in Bb"): a capital letter
        # alone is too often a word of a title ("Love In A Small Town").
        if quality is None and not said_key and not (accidental and letter.isupper()):
            continue
        shift = _ACCIDENTALS[(accidental or "").lower().lstrip("-")]
        mode = _QUALITIES.get((quality or "major").lower(), (quality or "").lower())
        return (_LETTERS[letter.lower()] + shift) % 12, mode
    return None
