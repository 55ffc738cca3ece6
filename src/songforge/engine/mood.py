"""Mood: the feeling words of a request (sad, dark, happy, dreamy, ballad…) and what they
do to a style: its mode, tempo, density and energy."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from songforge.engine.styles import Style

MINORISH = ("minor", "dorian")
MAJORISH = ("major", "mixolydian")
SLOWEST_BPM, FASTEST_BPM = 56.0, 200.0


@dataclass(frozen=True)
class Mood:
    name: str
    words: tuple[str, ...]
    modes: tuple[str, ...] = ()  # modes it asks for, most wanted first; () = the style's
    tempo: float = 1.0  # factor on the style's tempo range; below 1 keeps to its lower half
    energy: float = 1.0  # factor on the style's energy (loudness of every part, pads)
    sparse: bool = False  # fewer notes: half-time drums, long bass notes, held chords
    dense: bool = False  # more notes: the bass moves in eighths


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(","))


MOODS: tuple[Mood, ...] = (
    Mood(
        "sad",
        _words(
            "sad, sadness, sorrow, sorrowful, grief, grieving, mourning, tearful, tears, "
            "crying, heartbroken, heartbreak, lonely, loneliness, depressed, depressing, "
            "gloomy, somber, sombre, downbeat, regret"
        ),
        modes=MINORISH,
        tempo=0.8,
        energy=0.75,
        sparse=True,
    ),
    Mood(
        "melancholic",
        _words(
            "melancholic, melancholy, wistful, nostalgic, nostalgia, pensive, reflective, "
            "yearning, longing, bittersweet, introspective, moody"
        ),
        modes=MINORISH,
        tempo=0.86,
        energy=0.8,
    ),
    Mood(
        "dark",
        _words(
            "dark, darkness, sinister, ominous, haunting, haunted, eerie, creepy, spooky, "
            "gothic, brooding, menacing, mysterious, grim, tense"
        ),
        modes=("minor",),
        tempo=0.95,
        energy=0.95,
    ),
    Mood(
        "angry",
        _words("angry, anger, rage, furious, aggressive, fierce, rebellious, defiant, violent"),
        modes=("minor",),
        tempo=1.06,
        energy=1.25,
        dense=True,
    ),
    Mood(
        "happy",
        _words(
            "happy, happiness, joy, joyful, joyous, cheerful, bright, sunny, playful, fun, "
            "uplifting, feel-good, feel good, carefree, optimistic, hopeful, celebration, "
            "celebratory, glad"
        ),
        modes=MAJORISH,
        tempo=1.03,
        energy=1.05,
    ),
    Mood(
        "energetic",
        _words(
            "energetic, upbeat, up-tempo, uptempo, lively, bouncy, driving, hype, "
            "high energy, high-energy, exciting, fast, party, danceable, euphoric, wild, "
            "pumping"
        ),
        modes=MAJORISH,
        tempo=1.05,
        energy=1.2,
        dense=True,
    ),
    Mood(
        "dreamy",
        _words(
            "dreamy, dreamlike, ethereal, floating, hazy, airy, spacey, spacy, shimmering, "
            "magical, surreal, otherworldly"
        ),
        modes=("major", "dorian"),
        tempo=0.9,
        energy=0.8,
        sparse=True,
    ),
    Mood(
        "calm",
        _words(
            "calm, peaceful, relaxing, relaxed, gentle, soothing, tranquil, serene, soft, "
            "quiet, mellow, lullaby, laid-back, laid back, slow"
        ),
        tempo=0.85,
        energy=0.7,
        sparse=True,
    ),
    Mood(
        "romantic",
        _words("romantic, tender, sensual, sultry, loving, intimate"),
        modes=("major",),
        tempo=0.92,
        energy=0.85,
    ),
    Mood(
        "epic",
        _words("epic, triumphant, heroic, anthemic, majestic, powerful"),
        tempo=1.0,
        energy=1.15,
    ),
    # A ballad without another mood is a sad song; "a romantic ballad" stays in major.
    Mood(
        "ballad",
        _words("ballad, ballads, power ballad"),
        modes=MINORISH,
        tempo=0.78,
        energy=0.75,
        sparse=True,
    ),
)


@dataclass(frozen=True)
class Feeling:
    """The moods a request names, in the order it names them."""

    moods: tuple[Mood, ...] = ()

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.moods]

    def modes_for(self, style: Style) -> tuple[str, ...]:
        """The modes a key may take: the first named mood that asks for some decides,
        keeping the style's own modes of that colour when it has any."""
        for mood in self.moods:
            if mood.modes:
                own = tuple(m for m in style.modes if m in mood.modes)
                return own or mood.modes[:1]
        return style.modes

    def tempo_range(self, style: Style) -> tuple[float, float]:
        """Beats per minute to choose from. Slow moods keep to the lower half of the
        style's range scaled down, fast ones to the upper half scaled up, so a sad song
        is always slower than a happy one of the same style."""
        factor = 1.0
        for mood in self.moods:
            factor *= mood.tempo
        factor = min(1.25, max(0.7, factor))
        low, high = style.tempo
        middle = (low + high) / 2
        if factor < 1:
            low, high = low, middle
        elif factor > 1:
            low, high = middle, high
        return (
            min(FASTEST_BPM, max(SLOWEST_BPM, low * factor)),
            min(FASTEST_BPM, max(SLOWEST_BPM, high * factor)),
        )

    def applied_to(self, style: Style) -> Style:
        """The style as this feeling plays it: modes, energy and the figures' density."""
        if not self.moods:
            return style
        energy = style.energy
        for mood in self.moods:
            energy *= mood.energy
        sparse = any(m.sparse for m in self.moods) and not any(m.dense for m in self.moods)
        dense = any(m.dense for m in self.moods) and not sparse
        changes: dict[str, object] = {
            "tempo": self.tempo_range(style),
            "modes": self.modes_for(style),
            "energy": round(min(1.0, max(0.2, energy)), 3),
        }
        if sparse:
            changes.update(drums=SPARSE_DRUMS.get(style.drums, "ballad"), comp="halves")
            changes.update(bass="long" if style.bass in ("long", "sustain") else "root_fifth")
        elif dense and style.bass in ("long", "sparse", "root_fifth"):
            changes["bass"] = "eighths"
        return replace(style, **changes)  # type: ignore[arg-type]


# Slow moods play a half-time groove, except where the style's own is already sparse.
SPARSE_DRUMS = {"ambient": "ambient", "cinematic": "cinematic", "jazz": "brushes"}


def _matches(text: str, word: str) -> int | None:
    found = re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)
    return found.start() if found else None


def read_feeling(prompt: str | None, tags: str | None) -> Feeling:
    """Moods named in the tags, then in the prompt, each once, in the order written.
    A word preceded by "not"/"no"/"never" does not count ("not sad")."""
    found: list[tuple[int, Mood]] = []
    for offset, text in enumerate(((tags or "").lower(), (prompt or "").lower())):
        for mood in MOODS:
            if any(m.name == mood.name for _, m in found):
                continue
            positions = [
                p
                for w in mood.words
                if (p := _matches(text, w)) is not None
                and not re.search(r"\b(?:not|no|never|without)\s+$", text[:p])
            ]
            if positions:
                found.append((offset * 100_000 + min(positions), mood))
    return Feeling(tuple(m for _, m in sorted(found, key=lambda pair: pair[0])))


def feeling_named(names: list[str]) -> Feeling:
    """The feeling a score recorded (by mood names), for continuing it alike."""
    by_name = {mood.name: mood for mood in MOODS}
    return Feeling(tuple(by_name[name] for name in names if name in by_name))
