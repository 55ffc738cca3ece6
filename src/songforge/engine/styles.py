"""The style table: what each style sounds like, and how a prompt picks one."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    name: str
    synonyms: tuple[str, ...]
    tempo: tuple[float, float]  # beats per minute, lowest and highest
    modes: tuple[str, ...]
    swing: float
    progressions: tuple[tuple[int, ...], ...]  # scale degrees, 0-based, one per bar
    drums: str  # pattern name in composition.DRUM_PATTERNS
    bass: str  # pattern name in composition.BASS_PATTERNS
    comp: str  # chord rhythm name in composition.COMP_PATTERNS
    programs: dict[str, int]  # role -> General MIDI program (0-based)
    palette: tuple[str, str, str]
    energy: float  # 0..1, scales velocities and density
    # Words that pick this style only when the request names no genre at all ("calm").
    hints: tuple[str, ...] = ()


POP_PROGRESSIONS = ((0, 4, 5, 3), (5, 3, 0, 4), (0, 5, 3, 4), (3, 0, 4, 5))
MINOR_PROGRESSIONS = ((0, 5, 2, 6), (0, 3, 4, 0), (0, 6, 5, 6), (0, 3, 6, 2))

STYLES: tuple[Style, ...] = (
    Style(
        "pop",
        (
            "pop",
            "mainstream",
            "catchy",
            "radio",
            "indie pop",
            "dance-pop",
            "teen pop",
            "bubblegum",
            "children",
            "children's",
            "kids",
            "nursery",
            "christmas",
            "broadway",
            "show tune",
            "bollywood",
            "power pop",
            "adult contemporary",
            "soft rock",
        ),
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
        (
            "synth-pop",
            "synthpop",
            "synth pop",
            "synthwave",
            "80s",
            "retro",
            "electropop",
            "new wave",
            "synth",
            "dream pop",
            "shoegaze",
            "city pop",
            "vaporwave",
            "chiptune",
            "8-bit",
            "video game",
            "cyberpunk",
            "darkwave",
        ),
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
        (
            "rock",
            "guitar",
            "indie",
            "indie rock",
            "alternative",
            "alt-rock",
            "alternative rock",
            "grunge",
            "hard rock",
            "classic rock",
            "garage rock",
            "psychedelic",
            "progressive rock",
            "post-rock",
            "surf rock",
            "rockabilly",
            "britpop",
            "southern rock",
        ),
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
        (
            "metal",
            "heavy metal",
            "heavy",
            "thrash",
            "doom",
            "metalcore",
            "nu metal",
            "death metal",
            "black metal",
            "industrial",
        ),
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
        (
            "edm",
            "house",
            "deep house",
            "techno",
            "dance",
            "club",
            "trance",
            "electronic",
            "electronica",
            "rave",
            "dubstep",
            "drum and bass",
            "drum & bass",
            "dnb",
            "jungle",
            "breakbeat",
            "uk garage",
            "hardstyle",
            "big room",
            "future bass",
            "electro",
        ),
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
        (
            "hip-hop",
            "hip hop",
            "hiphop",
            "rap",
            "trap",
            "boom bap",
            "drill",
            "grime",
            "phonk",
            "trip-hop",
            "trip hop",
        ),
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
        ("lo-fi", "lofi", "lo fi", "chill", "chillhop", "chillout", "study", "beats to study"),
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
        hints=("mellow", "cozy", "rainy"),
    ),
    Style(
        "jazz",
        (
            "jazz",
            "swing",
            "bebop",
            "smooth jazz",
            "big band",
            "lounge",
            "jazzy",
            "cool jazz",
            "fusion",
            "ragtime",
            "cabaret",
        ),
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
        ("blues", "bluesy", "delta blues", "rhythm and blues", "chicago blues", "boogie"),
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
        (
            "country",
            "americana",
            "bluegrass",
            "western",
            "honky tonk",
            "country pop",
            "country rock",
            "outlaw country",
            "polka",
        ),
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
        (
            "r&b",
            "rnb",
            "r and b",
            "soul",
            "neo-soul",
            "neo soul",
            "motown",
            "doo-wop",
            "doo wop",
            "slow jam",
            "quiet storm",
        ),
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
            "film",
            "film score",
            "score",
            "classical",
            "symphonic",
            "soundtrack",
            "trailer",
            "opera",
            "baroque",
            "piano solo",
            "string quartet",
            "anime",
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
        hints=("epic", "heroic", "majestic", "triumphant"),
    ),
    Style(
        "ambient",
        ("ambient", "drone", "meditation", "atmospheric", "sleep", "new age", "spa", "yoga"),
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
        hints=("calm", "peaceful", "relaxing", "serene", "tranquil", "dreamy", "ethereal"),
    ),
    Style(
        "reggae",
        ("reggae", "ska", "dub", "dancehall", "island", "roots reggae", "rocksteady"),
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
        (
            "latin",
            "salsa",
            "reggaeton",
            "bachata",
            "cumbia",
            "samba",
            "tropical",
            "merengue",
            "mambo",
            "cha-cha",
            "flamenco",
            "tango",
            "mariachi",
            "latin pop",
            "afrobeat",
            "afrobeats",
            "kizomba",
        ),
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
    Style(
        "bossa nova",
        ("bossa nova", "bossa", "bossanova", "brazilian jazz", "mpb", "brazilian"),
        (118, 142),
        ("major", "dorian"),
        0.0,
        ((1, 4, 0, 0), (0, 5, 1, 4), (2, 5, 1, 4), (3, 2, 1, 4)),
        "bossa",
        "bossa",
        "bossa",
        {"chords": 24, "bass": 32, "lead": 73, "pad": 49},
        ("#2a9d8f", "#e9c46a", "#264653"),
        0.45,
    ),
    Style(
        "folk",
        (
            "folk",
            "indie folk",
            "folk rock",
            "acoustic",
            "singer-songwriter",
            "celtic",
            "irish",
            "scottish",
            "sea shanty",
            "shanty",
            "campfire",
            "fingerstyle",
        ),
        (84, 112),
        ("major", "dorian"),
        0.0,
        ((0, 3, 0, 4), (0, 4, 5, 3), (5, 3, 0, 4), (0, 5, 3, 0)),
        "brushes",
        "root_fifth",
        "strum",
        {"chords": 25, "bass": 32, "lead": 73, "pad": 48},
        ("#606c38", "#fefae0", "#dda15e"),
        0.5,
        hints=("lullaby",),
    ),
    Style(
        "punk",
        ("punk", "punk rock", "pop punk", "pop-punk", "hardcore", "emo", "skate punk", "ska punk"),
        (160, 192),
        ("major", "minor"),
        0.0,
        ((0, 3, 4, 3), (0, 4, 5, 3), (0, 5, 3, 4)),
        "punk",
        "eighths",
        "eighths",
        {"chords": 29, "bass": 34, "lead": 30, "pad": 29},
        ("#ff0054", "#000000", "#ffbd00"),
        0.95,
    ),
    Style(
        "gospel",
        (
            "gospel",
            "worship",
            "hymn",
            "church",
            "choir",
            "christian",
            "spirituals",
        ),
        (68, 96),
        ("major",),
        0.12,
        ((0, 3, 0, 4), (3, 4, 2, 5), (0, 5, 1, 4), (3, 0, 4, 0)),
        "gospel",
        "syncopated",
        "quarters",
        {"chords": 0, "bass": 33, "lead": 16, "pad": 52},
        ("#f4e285", "#5b3758", "#fff8e7"),
        0.7,
    ),
    Style(
        "k-pop",
        ("k-pop", "kpop", "j-pop", "jpop", "idol", "c-pop", "cpop"),
        (112, 130),
        ("minor", "major"),
        0.0,
        MINOR_PROGRESSIONS[:2] + POP_PROGRESSIONS[:2],
        "kpop",
        "octaves",
        "stabs",
        {"chords": 5, "bass": 38, "lead": 80, "pad": 90},
        ("#ff85a1", "#7bdff2", "#1b1b3a"),
        0.9,
    ),
    Style(
        "funk",
        ("funk", "funky", "disco", "nu-disco", "nu disco", "groovy", "boogie funk", "go-go"),
        (100, 120),
        ("dorian", "mixolydian"),
        0.06,
        ((0, 0, 3, 3), (0, 3, 0, 4), (0, 6, 3, 0)),
        "disco",
        "funk",
        "stabs",
        {"chords": 27, "bass": 36, "lead": 61, "pad": 4},
        ("#ff9f1c", "#2ec4b6", "#3d0066"),
        0.85,
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


@dataclass(frozen=True)
class StyleMatch:
    """The style chosen and why: the word that chose it and where it was written
    ("tags" or "prompt"), or no word when the request named no style ("default")."""

    style: Style
    word: str | None
    source: str

    @property
    def genre(self) -> str:
        """The style's name when a genre word chose it, "" when a mood word or nothing did."""
        return self.style.name if self.word in self.style.synonyms else ""

    def as_metadata(self) -> dict[str, str | None]:
        return {"style": self.style.name, "word": self.word, "source": self.source}


def _best_word(words: tuple[str, ...], text: str) -> tuple[int, int, str] | None:
    """(parts, -position, word) of the most specific word found in `text` (most parts:
    "indie folk" over "indie", "k-pop" over "pop"), the earliest written on ties."""
    found = [
        (len(re.split(r"[ -]", word)), -match.start(), word)
        for word in words
        if (match := re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text))
    ]
    return max(found) if found else None


def match_style(prompt: str | None, tags: str | None, negative_tags: str | None) -> StyleMatch:
    """Tags decide first, then the prompt; the most specific genre word wins ("indie folk"
    over "indie", "bossa nova" over "latin"), the first written on ties. Without a genre word,
    a mood word may still point to a style ("calm" → ambient); else pop. Negative tags
    rule styles out."""
    banned = {
        s.name
        for s in STYLES
        for s_text in [(negative_tags or "").lower()]
        if s_text and any(_matches(s_text, syn) for syn in s.synonyms)
    }
    candidates = [s for s in STYLES if s.name not in banned] or list(STYLES)
    for field_name in ("synonyms", "hints"):
        for source, text in (("tags", (tags or "").lower()), ("prompt", (prompt or "").lower())):
            scored = [
                (found, style)
                for style in candidates
                if (found := _best_word(getattr(style, field_name), text)) is not None
            ]
            if scored:
                found, style = max(scored, key=lambda pair: pair[0])
                return StyleMatch(style, found[2], source)
    fallback = [s for s in candidates if s.name == DEFAULT_STYLE]
    return StyleMatch(fallback[0] if fallback else candidates[0], None, "default")


def choose_style(prompt: str | None, tags: str | None, negative_tags: str | None) -> Style:
    return match_style(prompt, tags, negative_tags).style


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
