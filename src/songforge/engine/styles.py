"""The style table: what each style sounds like, and how a prompt picks one."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    name: str
    synonyms: tuple[str, ...]
    tempo: tuple[int, int]
    modes: tuple[str, ...]
    swing: float
    progressions: tuple[tuple[int, ...], ...]  # scale degrees, 0-based, one per bar
    drums: str  # pattern name in composition.DRUM_PATTERNS
    bass: str  # pattern name in composition.BASS_PATTERNS
    comp: str  # chord rhythm name in composition.COMP_PATTERNS
    programs: dict[str, int]  # role -> General MIDI program (0-based)
    palette: tuple[str, str, str]
    energy: float  # 0..1, scales velocities and density


POP_PROGRESSIONS = ((0, 4, 5, 3), (5, 3, 0, 4), (0, 5, 3, 4), (3, 0, 4, 5))
MINOR_PROGRESSIONS = ((0, 5, 2, 6), (0, 3, 4, 0), (0, 6, 5, 6), (0, 3, 6, 2))

STYLES: tuple[Style, ...] = (
    Style(
        "pop",
        ("pop", "mainstream", "catchy", "radio", "ballad"),
        (96, 122),
        ("major",),
        0.0,
        POP_PROGRESSIONS,
        "pop",
        "eighths",
        "quarters",
        {"chords": 0, "bass": 33, "lead": 80, "pad": 89},
        ("#ff6f91", "#ffc75f", "#2c2c54"),
        0.7,
    ),
    Style(
        "synth-pop",
        ("synth-pop", "synthpop", "synthwave", "80s", "retro", "electropop", "new wave", "synth"),
        (104, 124),
        ("minor", "major"),
        0.0,
        MINOR_PROGRESSIONS + POP_PROGRESSIONS[:2],
        "pop",
        "octaves",
        "eighths",
        {"chords": 81, "bass": 38, "lead": 80, "pad": 90},
        ("#7b2ff7", "#f107a3", "#0d0221"),
        0.8,
    ),
    Style(
        "rock",
        ("rock", "guitar", "indie", "alternative", "grunge", "punk", "garage"),
        (110, 140),
        ("major", "mixolydian"),
        0.0,
        ((0, 3, 4, 3), (0, 6, 3, 0), (0, 4, 5, 3)),
        "rock",
        "eighths",
        "power",
        {"chords": 29, "bass": 34, "lead": 30, "pad": 48},
        ("#d7263d", "#1b1b1e", "#f46036"),
        0.85,
    ),
    Style(
        "metal",
        ("metal", "heavy", "thrash", "hard rock", "doom"),
        (130, 170),
        ("minor",),
        0.0,
        ((0, 5, 6, 0), (0, 1, 0, 6), (0, 3, 5, 6)),
        "metal",
        "gallop",
        "power",
        {"chords": 30, "bass": 34, "lead": 30, "pad": 48},
        ("#3a3a3a", "#b80000", "#0a0a0a"),
        1.0,
    ),
    Style(
        "edm",
        ("edm", "house", "techno", "dance", "club", "trance", "electronic", "rave"),
        (120, 128),
        ("minor",),
        0.0,
        MINOR_PROGRESSIONS,
        "four_on_floor",
        "offbeat",
        "stabs",
        {"chords": 81, "bass": 38, "lead": 81, "pad": 90},
        ("#00f5d4", "#9b5de5", "#05052e"),
        0.9,
    ),
    Style(
        "hip-hop",
        ("hip-hop", "hip hop", "hiphop", "rap", "trap", "boom bap"),
        (84, 98),
        ("minor",),
        0.12,
        ((0, 0, 5, 6), (0, 3, 0, 4), (0, 5, 3, 4)),
        "hiphop",
        "sparse",
        "sustain",
        {"chords": 4, "bass": 38, "lead": 4, "pad": 89},
        ("#f9c80e", "#2d2d2d", "#f86624"),
        0.75,
    ),
    Style(
        "lo-fi",
        ("lo-fi", "lofi", "chill", "chillhop", "study", "relaxing", "mellow"),
        (70, 88),
        ("major", "dorian"),
        0.18,
        ((1, 4, 0, 5), (3, 2, 1, 0), (0, 5, 1, 4)),
        "lofi",
        "sparse",
        "sustain",
        {"chords": 4, "bass": 32, "lead": 11, "pad": 89},
        ("#a3c4bc", "#e7d7c1", "#413c58"),
        0.45,
    ),
    Style(
        "jazz",
        ("jazz", "swing", "bebop", "smooth jazz", "bossa", "lounge"),
        (100, 150),
        ("major",),
        0.33,
        ((1, 4, 0, 0), (0, 5, 1, 4), (2, 5, 1, 4)),
        "jazz",
        "walking",
        "jazz",
        {"chords": 0, "bass": 32, "lead": 65, "pad": 48},
        ("#1d3557", "#e9c46a", "#f1faee"),
        0.6,
    ),
    Style(
        "blues",
        ("blues", "bluesy", "delta", "rhythm and blues"),
        (70, 100),
        ("mixolydian",),
        0.3,
        ((0, 3, 0, 0), (3, 3, 0, 0), (4, 3, 0, 4)),
        "shuffle",
        "walking",
        "quarters",
        {"chords": 16, "bass": 33, "lead": 27, "pad": 16},
        ("#003f88", "#fdc500", "#00296b"),
        0.6,
    ),
    Style(
        "country",
        ("country", "folk", "americana", "bluegrass", "acoustic", "western", "singer-songwriter"),
        (90, 120),
        ("major",),
        0.0,
        ((0, 3, 0, 4), (0, 4, 3, 0), (0, 3, 4, 4)),
        "country",
        "root_fifth",
        "strum",
        {"chords": 25, "bass": 32, "lead": 105, "pad": 22},
        ("#bc6c25", "#fefae0", "#283618"),
        0.6,
    ),
    Style(
        "r&b",
        ("r&b", "rnb", "soul", "neo-soul", "motown", "funk", "groovy"),
        (68, 100),
        ("minor", "dorian"),
        0.1,
        ((0, 3, 6, 5), (1, 4, 0, 5), (0, 6, 5, 4)),
        "rnb",
        "syncopated",
        "sustain",
        {"chords": 4, "bass": 33, "lead": 4, "pad": 89},
        ("#6a0572", "#ab83a1", "#1a1a2e"),
        0.6,
    ),
    Style(
        "orchestral",
        (
            "orchestral",
            "cinematic",
            "epic",
            "film",
            "score",
            "classical",
            "symphonic",
            "soundtrack",
        ),
        (70, 100),
        ("minor", "major"),
        0.0,
        ((0, 5, 3, 4), (0, 6, 5, 4), (0, 3, 4, 0)),
        "cinematic",
        "long",
        "strings",
        {"chords": 48, "bass": 42, "lead": 40, "pad": 49},
        ("#22223b", "#c9ada7", "#4a4e69"),
        0.65,
    ),
    Style(
        "ambient",
        ("ambient", "drone", "meditation", "atmospheric", "calm", "peaceful", "sleep", "new age"),
        (60, 80),
        ("major", "dorian"),
        0.0,
        ((0, 3, 0, 3), (0, 5, 3, 4), (3, 0, 4, 0)),
        "ambient",
        "long",
        "pads",
        {"chords": 89, "bass": 38, "lead": 88, "pad": 94},
        ("#cdeac0", "#8fc0a9", "#1b2d2a"),
        0.35,
    ),
    Style(
        "reggae",
        ("reggae", "ska", "dub", "dancehall", "island"),
        (70, 90),
        ("major",),
        0.08,
        ((0, 3, 4, 3), (0, 5, 3, 4), (0, 3, 0, 4)),
        "reggae",
        "syncopated",
        "skank",
        {"chords": 16, "bass": 33, "lead": 17, "pad": 89},
        ("#009b3a", "#fed100", "#000000"),
        0.6,
    ),
    Style(
        "latin",
        ("latin", "salsa", "reggaeton", "bachata", "cumbia", "samba", "tropical"),
        (90, 110),
        ("minor", "major"),
        0.0,
        ((0, 3, 4, 0), (0, 6, 5, 4), (5, 3, 0, 4)),
        "latin",
        "tumbao",
        "montuno",
        {"chords": 0, "bass": 33, "lead": 56, "pad": 89},
        ("#ef476f", "#ffd166", "#06d6a0"),
        0.75,
    ),
)

DEFAULT_STYLE = "pop"
_WORD = re.compile(r"[a-z0-9&'-]+(?: [a-z0-9&'-]+)?")


def _matches(text: str, synonym: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(synonym)}(?![a-z])", text) is not None


def style_by_name(name: str) -> Style:
    for style in STYLES:
        if style.name == name:
            return style
    raise KeyError(name)


def _score(style: Style, text: str) -> int:
    return sum(len(s) for s in style.synonyms if _matches(text, s))


def choose_style(prompt: str | None, tags: str | None, negative_tags: str | None) -> Style:
    """Tags decide first, then the prompt; negative tags rule styles out."""
    banned = {
        s.name
        for s in STYLES
        for s_text in [(negative_tags or "").lower()]
        if s_text and any(_matches(s_text, syn) for syn in s.synonyms)
    }
    candidates = [s for s in STYLES if s.name not in banned] or list(STYLES)
    for text in ((tags or "").lower(), (prompt or "").lower()):
        scored = [(_score(s, text), s) for s in candidates]
        best = max(scored, key=lambda pair: pair[0])
        if best[0] > 0:
            return best[1]
    fallback = [s for s in candidates if s.name == DEFAULT_STYLE]
    return fallback[0] if fallback else candidates[0]


NEGATABLE_ROLES = {
    "drums": ("drums", "drum", "percussion", "beat"),
    "bass": ("bass",),
    "pad": ("pad", "pads", "strings", "synth pad"),
    "chords": ("piano", "guitar", "keys", "chords"),
}


def removed_roles(negative_tags: str | None) -> set[str]:
    text = (negative_tags or "").lower()
    return {
        role for role, words in NEGATABLE_ROLES.items() if any(_matches(text, w) for w in words)
    }
