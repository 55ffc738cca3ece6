"""The built-in lyric writer: lines from a small grammar and theme banks, rhymed with the
CMU pronouncing dictionary and fitted to each section's syllable target."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache

import pronouncing

from songforge.engine.lyric_text import LyricSection, syllable_count
from songforge.engine.lyricist.themes import COMMON_NOUNS, Theme, detect_themes

# Every template ends on the rhyme word {end}, a singular noun.
TEMPLATES = (
    "I can feel the {end}",
    "we are running through the {end}",
    "hold me close beneath the {end}",
    "we keep on chasing the {end}",
    "you and I will {verb} the {end}",
    "tonight we {verb} the {end}",
    "I keep on dreaming of the {end}",
    "take me back to the {end}",
    "all I ever need is the {end}",
    "dancing slowly in the {end}",
    "lost inside the {adj} {end}",
    "calling out across the {end}",
    "waiting for the {adj} {end}",
    "we light up the {end}",
    "following the {adj} {end}",
    "there is nothing like the {end}",
    "I will {verb} you through the {end}",
    "we never let go of the {end}",
    "side by side under the {end}",
    "singing softly to the {end}",
    "racing all the way to the {end}",
    "we were born to {verb} the {end}",
    "hear me calling from the {end}",
    "shining brighter than the {end}",
    "my heart belongs to the {end}",
    "in the {adj} light of the {end}",
    "every {noun} leads me to the {end}",
    "the {noun} is calling from the {end}",
    "we {verb} the {noun} and the {end}",
    "I found my way back to the {end}",
    "nobody can stop the {end}",
    "we are the {adj} {end}",
)
# Hook lines carry the title, then end on a rhyme word.
HOOK_TAILS = (
    "{title}, take me to the {end}",
    "{title}, we are the {end}",
    "{title} in the {adj} {end}",
    "{title}, we chase the {end}",
    "{title}, under the {end}",
    "{title}, hold on to the {end}",
    "{title} in the {end}",
    "{title}, my {end}",
    "{title}, the {end}",
)
# Words that pad a line by a syllable or two; plain lines are preferred.
PREFIXES = ("", "", "", "", "", "Oh, ", "And ", "So ", "Now ", "Oh oh, ")
TARGETS = {"verse": 8, "prechorus": 7, "chorus": 7, "bridge": 8, "outro": 7}
SCHEMES = ("AABB", "ABAB")


@dataclass(frozen=True)
class LyricsDraft:
    title: str
    sections: list[LyricSection]
    rhyme_pairs: list[tuple[str, str]]


@lru_cache(maxsize=50_000)
def rhyme_key(word: str) -> str | None:
    phones = pronouncing.phones_for_word(word.lower())
    return pronouncing.rhyming_part(phones[0]) if phones else None


def rhymes(a: str, b: str) -> bool:
    ka, kb = rhyme_key(a), rhyme_key(b)
    return ka is not None and ka == kb and a.lower() != b.lower()


def line_syllables(line: str) -> int:
    return sum(syllable_count(w) for w in re.findall(r"[A-Za-z']+", line))


def last_word(line: str) -> str:
    words = re.findall(r"[A-Za-z']+", line)
    return words[-1].lower() if words else ""


class _Writer:
    def __init__(self, themes: list[Theme], rng: random.Random) -> None:
        self.rng = rng
        self.main = themes[0]
        self.adjectives = [a for t in themes for a in t.adjectives]
        self.verbs = [v for t in themes for v in t.verbs]
        self.nouns = [n for t in themes for n in t.nouns]
        self.endings = list(dict.fromkeys([*self.nouns, *COMMON_NOUNS]))
        self.used_lines: set[str] = set()
        self.used_ends: set[str] = set()
        self.pairs: list[tuple[str, str]] = []

    def partner(self, word: str, avoid: set[str]) -> str | None:
        options = [w for w in self.endings if rhymes(word, w) and w not in avoid]
        return self.rng.choice(options) if options else None

    def pair(self, prefer: list[str] | None = None) -> tuple[str, str]:
        pool = list(prefer or []) + [w for w in self.endings if w not in (prefer or [])]
        head = pool[: len(prefer or [])]
        tail = pool[len(prefer or []) :]
        self.rng.shuffle(head)
        self.rng.shuffle(tail)
        for first in head + tail:
            if first in self.used_ends:
                continue
            second = self.partner(first, self.used_ends | {first})
            if second:
                self.used_ends |= {first, second}
                return first, second
        self.used_ends.clear()  # a long song may reuse endings, never lines
        return self.pair(prefer)

    def fill(self, template: str, end: str, title: str = "") -> str:
        noun_choices = [n for n in self.nouns if n != end] or self.nouns
        return template.format(
            end=end,
            title=title,
            adj=self.rng.choice(self.adjectives),
            verb=self.rng.choice(self.verbs),
            noun=self.rng.choice(noun_choices),
        )

    def line(
        self, end: str, target: int, templates: tuple[str, ...] = TEMPLATES, title: str = ""
    ) -> str:
        best, best_gap = "", 99
        for _ in range(80):
            text = self.rng.choice(PREFIXES) + self.fill(self.rng.choice(templates), end, title)
            text = text[0].upper() + text[1:]
            gap = abs(line_syllables(text) - target)
            if text.lower() in self.used_lines:
                continue
            if gap < best_gap:
                best, best_gap = text, gap
            if gap == 0:
                break
        self.used_lines.add(best.lower())
        return best

    def stanza(self, count: int, target: int, scheme: str) -> list[str]:
        ends: list[str] = []
        while len(ends) < count:
            # Lines end on the song's own themes first; common words only complete a rhyme.
            a, b = self.pair(prefer=self.nouns)
            if scheme == "ABAB" and count - len(ends) >= 4:
                c, d = self.pair(prefer=self.nouns)
                ends += [a, c, b, d]
                self.pairs += [(a, b), (c, d)]
            else:
                ends += [a, b]
                self.pairs.append((a, b))
        if len(ends) > count:  # an odd count: the last line stands unrhymed
            dropped = ends[count:]
            ends = ends[:count]
            self.pairs = [p for p in self.pairs if not set(p) & set(dropped)]
        return [self.line(end, target) for end in ends]

    def hook_line(self, title: str, target: int) -> tuple[str, str | None]:
        """The chorus's first line: the title, fitted out to the target when it is short."""
        if line_syllables(title) >= target - 1:
            return title, None
        end, _ = self.pair(prefer=list(self.main.nouns))
        self.used_ends.discard(_)
        return self.line(end, target, HOOK_TAILS, title), end

    def chorus(self, title: str, count: int, target: int) -> list[str]:
        first, end = self.hook_line(title, target)
        lines = [first]
        if end is not None:
            partner = self.partner(end, self.used_ends | {end})
            if partner:
                lines.append(self.line(partner, target))
                self.pairs.append((end, partner))
                self.used_ends |= {end, partner}
        # The theme's own words close the chorus.
        a, b = self.pair(prefer=list(self.main.nouns))
        lines += [self.line(a, target), self.line(b, target)]
        self.pairs.append((a, b))
        while len(lines) < count:
            c, d = self.pair()
            lines += [self.line(c, target), self.line(d, target)]
            self.pairs.append((c, d))
        if len(lines) > count:
            cut = lines[count:]
            lines = lines[:count]
            gone = {last_word(line) for line in cut}
            self.pairs = [p for p in self.pairs if not set(p) & gone]
        return lines


def choose_title(prompt: str, themes: list[Theme], rng: random.Random) -> str:
    return rng.choice(themes[0].hooks)


def write_lyrics(
    prompt: str,
    *,
    title: str | None,
    form: list[tuple[str, str, int]],
    seed: int,
    mood_hint: str = "",
) -> LyricsDraft:
    """Lyrics whose sections follow `form` (name, kind, bars): one line per two bars of each
    sung section. Deterministic for a given prompt, title, form and seed."""
    rng = random.Random(f"{seed}:{prompt}:{title}")
    themes = detect_themes(f"{prompt} {mood_hint}")
    writer = _Writer(themes, rng)
    song_title = title or choose_title(prompt, themes, rng)
    # The chorus is written first, so it gets the theme's own words for its rhymes.
    chorus_bars = next((bars for _, kind, bars in form if kind == "chorus"), None)
    chorus: list[str] | None = None
    if chorus_bars is not None:
        chorus = writer.chorus(song_title, max(1, chorus_bars // 2), TARGETS["chorus"])
    sections: list[LyricSection] = []
    for name, kind, bars in form:
        if kind not in TARGETS:
            continue
        count = max(1, bars // 2)
        target = TARGETS[kind]
        if kind == "chorus":
            if chorus is None or len(chorus) != count:
                chorus = writer.chorus(song_title, count, target)
            lines = chorus
        elif kind == "outro":
            first, end = writer.hook_line(song_title, target)
            lines = [first]
            if count > 1:
                partner = writer.partner(end, {end}) if end else None
                lines.append(writer.line(partner or writer.pair()[0], target))
                if end and partner:
                    writer.pairs.append((end, partner))
        else:
            lines = writer.stanza(count, target, rng.choice(SCHEMES))
        sections.append(LyricSection(name, tuple(lines)))
    return LyricsDraft(song_title, sections, writer.pairs)


# The form a LYRICS request is written for: the same shape the engine sings.
STANDARD_FORM = [
    ("Verse 1", "verse", 8),
    ("Pre-Chorus", "prechorus", 4),
    ("Chorus", "chorus", 8),
    ("Verse 2", "verse", 8),
    ("Bridge", "bridge", 8),
    ("Chorus", "chorus", 8),
    ("Outro", "outro", 4),
]
