"""Rhythm patterns on a 16-step bar: drums, bass figures and chord comping."""

from __future__ import annotations

KICK, SNARE, CLAP, HAT, OPEN_HAT, RIDE, CRASH, SIDE_STICK, SHAKER, CONGA, TOM = (
    36,
    38,
    39,
    42,
    46,
    51,
    49,
    37,
    70,
    63,
    45,
)

# drum -> steps (0..15) where it plays
DRUM_PATTERNS: dict[str, dict[int, tuple[int, ...]]] = {
    "pop": {KICK: (0, 8, 10), SNARE: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "rock": {KICK: (0, 6, 8), SNARE: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "metal": {KICK: (0, 2, 4, 6, 8, 10, 12, 14), SNARE: (4, 12), RIDE: (0, 4, 8, 12)},
    "four_on_floor": {
        KICK: (0, 4, 8, 12),
        CLAP: (4, 12),
        OPEN_HAT: (2, 6, 10, 14),
        HAT: (0, 4, 8, 12),
    },
    "hiphop": {KICK: (0, 7, 10), SNARE: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "lofi": {KICK: (0, 7, 10), SNARE: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "jazz": {RIDE: (0, 4, 7, 8, 12, 15), HAT: (4, 12), KICK: (0,)},
    "shuffle": {KICK: (0, 8), SNARE: (4, 12), HAT: (0, 3, 4, 7, 8, 11, 12, 15)},
    "country": {KICK: (0, 8), SNARE: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "rnb": {KICK: (0, 3, 10), SNARE: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "cinematic": {TOM: (0, 3, 6, 8), KICK: (0, 8), CRASH: ()},
    "ambient": {SHAKER: (2, 6, 10, 14), KICK: (0,)},
    "reggae": {KICK: (8,), SIDE_STICK: (8,), HAT: (2, 6, 10, 14)},
    "latin": {
        KICK: (0, 6, 8, 14),
        CONGA: (2, 5, 10, 13),
        SIDE_STICK: (3, 6, 10, 12),
        SHAKER: (0, 2, 4, 6, 8, 10, 12, 14),
    },
    # A rim click on the bossa's two-bar clave folded into one bar, kick on one and three.
    "bossa": {
        KICK: (0, 6, 8, 14),
        SIDE_STICK: (0, 3, 6, 10, 13),
        HAT: (0, 2, 4, 6, 8, 10, 12, 14),
    },
    "brushes": {KICK: (0, 10), SIDE_STICK: (4, 12), SHAKER: (0, 2, 4, 6, 8, 10, 12, 14)},
    "punk": {KICK: (0, 4, 8, 12), SNARE: (4, 12), OPEN_HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "gospel": {KICK: (0, 10), SNARE: (4, 12), CLAP: (4, 12), HAT: (0, 2, 4, 6, 8, 10, 12, 14)},
    "kpop": {KICK: (0, 4, 8, 12), SNARE: (4, 12), CLAP: (12,), HAT: (2, 6, 10, 14)},
    "disco": {KICK: (0, 4, 8, 12), SNARE: (4, 12), OPEN_HAT: (2, 6, 10, 14), HAT: (0, 4, 8, 12)},
    # Half time for slow, sparse songs: a kick on one, a rim click on three.
    "ballad": {KICK: (0,), SIDE_STICK: (8,), HAT: (0, 4, 8, 12)},
}

# (drum, step) figures that close a four-bar phrase in place of the groove's last two steps
PHRASE_FILLS: tuple[tuple[tuple[int, int], ...], ...] = (
    ((SNARE, 14), (SNARE, 15)),
    ((OPEN_HAT, 14), (KICK, 14)),
    ((KICK, 14), (SNARE, 15)),
    ((TOM, 14), (TOM, 15)),
)

# (step, scale steps above the chord's root, length in steps): counted in the key's own
# scale (2 = the chord's third, 4 = its fifth, 6 = its seventh, 7 = the octave), so every
# bass note belongs to the key, even over the diminished chord.
BASS_PATTERNS: dict[str, tuple[tuple[int, int, int], ...]] = {
    "eighths": tuple((s, 0, 2) for s in range(0, 16, 2)),
    "octaves": tuple((s, 0 if (s // 2) % 2 == 0 else 7, 2) for s in range(0, 16, 2)),
    "gallop": tuple((s, 0, 1) for s in (0, 2, 3, 4, 6, 7, 8, 10, 11, 12, 14, 15)),
    "offbeat": tuple((s, 0, 2) for s in (2, 6, 10, 14)),
    "sparse": ((0, 0, 6), (7, 0, 2), (10, 4, 4)),
    "walking": ((0, 0, 4), (4, 2, 4), (8, 4, 4), (12, 6, 4)),
    "root_fifth": ((0, 0, 4), (8, 4, 4)),
    "syncopated": ((0, 0, 3), (3, 0, 3), (8, 4, 2), (10, 0, 4), (14, 7, 2)),
    "long": ((0, 0, 16),),
    "tumbao": ((3, 0, 4), (6, 4, 2), (8, 0, 4), (14, 4, 2)),
    "bossa": ((0, 0, 3), (3, 4, 5), (8, 0, 3), (11, 4, 5)),
    "funk": ((0, 0, 2), (3, 0, 1), (6, 7, 2), (8, 0, 2), (10, 4, 1), (11, 0, 2), (14, 6, 2)),
}

# (step, length in steps) where the chord sounds
COMP_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    "quarters": ((0, 4), (4, 4), (8, 4), (12, 4)),
    "eighths": tuple((s, 2) for s in range(0, 16, 2)),
    "power": ((0, 6), (6, 2), (8, 6), (14, 2)),
    "stabs": ((2, 1), (6, 1), (10, 1), (14, 1)),
    "sustain": ((0, 16),),
    "jazz": ((0, 3), (6, 2), (10, 3)),
    "strum": ((0, 3), (4, 2), (6, 2), (8, 3), (12, 2), (14, 2)),
    "strings": ((0, 16),),
    "pads": ((0, 16),),
    "skank": ((4, 1), (12, 1)),
    "montuno": ((0, 2), (3, 2), (6, 2), (8, 2), (11, 2), (14, 2)),
    "bossa": ((0, 3), (3, 3), (6, 2), (10, 3), (13, 3)),
    "halves": ((0, 8), (8, 8)),
}
