"""The built-in lyric writer: a small story about the prompt's subject, told in lines from a
grammar of templates, rhymed with the CMU pronouncing dictionary and fitted to each
section's syllable target. Spanish prompts get Spanish lyrics (lyricist.spanish); prompts
in other languages get English, and the draft says so."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pronouncing

from songforge.engine.language_id import detect_language, prompt_language
from songforge.engine.languages import language_name
from songforge.engine.lyric_text import LyricSection, syllable_count
from songforge.engine.lyricist.grammar import indefinite
from songforge.engine.lyricist.line_templates import (
    HOOK_TAILS,
    LATER,
    NOUN_CLASS,
    SCENE,
    TEMPLATES,
    Template,
    story_for,
    templates_for,
)
from songforge.engine.lyricist.spanish import SPANISH, write_spanish
from songforge.engine.lyricist.subject import LEAD, NounPhrase, Subject, extract_subject
from songforge.engine.lyricist.themes import COMMON_NOUNS, Theme, detect_themes

# Words that pad a line by a syllable or two; a plain line wins when it fits as well.
PREFIXES = ("", "", "", "", "", "Oh, ", "And ", "Now ", "Yeah, ", "Oh oh, ")
TARGETS = {"verse": 8, "prechorus": 7, "chorus": 7, "bridge": 8, "outro": 7}
SCHEMES = ("AABB", "ABAB")
_SECTION_BONUS = 0.3
# A line that only lists the subject and a noun ("the dog and the road") fits any length, so
# it would win every time; it costs a little, and lines where something happens win.
_VERBLESS = re.compile(r"^(just |all for |bring back |tell me of )?\{S\} (and|in|by|under) the")
_VERBLESS_COST = 1.4
_CONCRETE = frozenset(("place", "sky", "thing"))
_STORY_BONUS = 1.5  # a line that sings the subject beats a line that only fits the theme
# A lead of many syllables ("the umbrella") fits fewer templates exactly than a short
# setting ("the train"); a line off by one that sings the lead is worth an exact one.
_LEAD_BONUS = 1.0
_BEST_POSSIBLE = -_SECTION_BONUS - _STORY_BONUS  # exact, plain, fresh, on the subject
# Adjectives that colour lines by the prompt's mood, ahead of the theme's own.
MOOD_ADJECTIVES = {
    "sad": ("lonely", "faded", "quiet", "empty", "distant", "silent"),
    "happy": ("golden", "bright", "shining", "sunny", "easy", "lucky"),
    "angry": ("burning", "restless", "raging", "wild"),
    "calm": ("gentle", "quiet", "soft", "slow", "easy"),
    "tender": ("tender", "gentle", "sweet", "warm"),
    "hopeful": ("rising", "golden", "brighter", "open"),
    "nostalgic": ("faded", "golden", "old", "distant"),
    "dark": ("shadowed", "cold", "silent", "hollow"),
    "energetic": ("electric", "wild", "blazing", "restless"),
}


@dataclass(frozen=True)
class LyricsDraft:
    title: str
    sections: list[LyricSection]
    rhyme_pairs: list[tuple[str, str]]
    language: str = "en"  # ISO 639-1 code of the words written
    notices: tuple[str, ...] = ()  # what the writer could not do as asked, for metadata


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


def _capitalise(text: str) -> str:
    return text[0].upper() + text[1:]


def _theme_phrases(theme: Theme) -> list[NounPhrase]:
    """For a prompt that names no subject (only a genre): the theme's first nouns stand in."""
    return [
        NounPhrase((noun,), noun, False, False, "", NOUN_CLASS.get(noun, "heart"))
        for noun in theme.nouns[:2]
    ]


def _repeats_end(line: str) -> bool:
    words = re.findall(r"[a-z']+", line.lower())
    return words[-1] in words[:-1]


class _Writer:
    def __init__(self, subject: Subject, themes: list[Theme], rng: random.Random) -> None:
        self.rng = rng
        self.main = themes[0]
        self.subject = subject
        self.phrases = list(subject.phrases) or _theme_phrases(themes[0])
        mood = list(MOOD_ADJECTIVES.get(subject.mood, ()))
        self.adjectives = list(dict.fromkeys([*mood, *(a for t in themes for a in t.adjectives)]))
        self.verbs = [v for t in themes for v in t.verbs]
        self.nouns = [n for t in themes for n in t.nouns]
        # The subject's own words end lines first, where the templates know their class.
        own = [w for p in self.phrases for w in (p.head, *p.words) if w in NOUN_CLASS]
        self.subject_ends = list(dict.fromkeys(own))
        self.endings = list(dict.fromkeys([*self.subject_ends, *self.nouns, *COMMON_NOUNS]))
        self.used_lines: set[str] = set()
        # The prompt's words for the music ("strings", "beat") never end a line.
        self.used_ends: set[str] = set(subject.unsung)
        self.pairs: list[tuple[str, str]] = []
        self.template_uses: dict[str, int] = {}
        self.sung = {p.text: 0 for p in self.phrases}  # story lines per phrase so far
        self.verse_count = 0

    def partner(self, word: str, avoid: set[str]) -> str | None:
        banned = set(avoid) | self.subject.unsung  # the prompt's music words end no line
        options = [w for w in self.endings if rhymes(word, w) and w not in banned]
        return self.rng.choice(options) if options else None

    def pair(
        self, prefer: list[str] | None = None, avoid: frozenset[str] | set[str] = frozenset()
    ) -> tuple[str, str]:
        """Two unused endings that rhyme, the first from `prefer` when one can be rhymed;
        neither is in `avoid`."""
        prefer = [w for w in prefer or [] if w not in avoid]
        tail = [w for w in self.endings if w not in prefer and w not in avoid]
        head = list(prefer)
        self.rng.shuffle(head)
        self.rng.shuffle(tail)
        # Scenery (places, weather, things) before feelings: a story is told in nouns one
        # can see, and more story lines fit them.
        tail.sort(key=lambda w: NOUN_CLASS.get(w) not in _CONCRETE)
        for first in head + tail:
            if first in self.used_ends:
                continue
            second = self.partner(first, self.used_ends | {first} | set(avoid))
            if second:
                self.used_ends |= {first, second}
                return first, second
        self.used_ends = set(self.subject.unsung)  # a long song may reuse endings, never lines
        return self.pair(prefer, avoid)

    def fill(
        self, template: Template, end: str, title: str = "", phrase: NounPhrase | None = None
    ) -> str:
        # A line never says the same word twice ("we ride the ride").
        nouns = [n for n in self.nouns if n != end] or self.nouns
        verbs = [v for v in self.verbs if v != end] or self.verbs
        adjectives = [a for a in self.adjectives if a != end] or self.adjectives
        noun = self.rng.choice(nouns)
        subject = phrase or self.phrases[0]
        return template.text.format_map(
            {
                "end": end,
                "title": title,
                "adj": self.rng.choice(adjectives),
                "verb": self.rng.choice(verbs),
                "noun": noun,
                "a_noun": indefinite(noun),
                "S": subject.definite(short=self.rng.random() < 0.35),
                "A": subject.indefinite(),
                "was": subject.was,
                "is": subject.be,
                "act": self.subject.action,
            }
        )

    def story_pool(self, end: str, section: str) -> tuple[tuple[Template, NounPhrase], ...]:
        """Story templates for `end` in `section`, each with the phrase it would sing: the
        phrases sung least come up most, so every part of the subject gets sung."""
        out: list[tuple[Template, NounPhrase]] = []
        fewest = min(self.sung.values())
        for phrase in self.phrases:
            found = [
                (t, phrase)
                for t in story_for(end, section, phrase.kind, bool(self.subject.action))
                if not (t.needs_subject and (end in phrase.words or end == phrase.head))
            ]
            # A phrase sung least so far comes up three times as often as the others, and
            # the prompt's lead phrase (what it is about) more often still, so settings and
            # props named after it ("on the train") do not take the song over.
            weight = 3 if self.sung[phrase.text] == fewest else 1
            out += found * (weight + (2 if phrase is self.phrases[0] else 0))
        return tuple(out)

    def line(
        self,
        end: str,
        target: int,
        section: str,
        pool: tuple[Template, ...] = TEMPLATES,
        title: str = "",
        story: str | None = None,
    ) -> str:
        """The best-fitting line ending on `end`: story templates that sing the subject in
        this part of the story (`story`: SCENE, LATER or the section kind) first, then
        templates suited to the word and section, any template for the word when none of
        those comes within a syllable. Fresh templates win over ones the song used."""
        best, best_score, best_template = "", 99.0, None
        best_phrase: NounPhrase | None = None
        told = self.story_pool(end, story) if story else ()
        plain = tuple((t, None) for t in templates_for(end, section, pool))
        fallback = tuple((t, None) for t in templates_for(end, None, pool))
        anything = tuple((t, None) for t in pool)
        # The story first; a line that only fits the theme is a last resort, since such
        # lines say nothing about this prompt and recur from song to song.
        for candidates in (told, plain, fallback, anything):
            if not candidates:
                continue
            for _ in range(60):
                template, phrase = self.rng.choice(candidates)
                prefix = self.rng.choice(PREFIXES)
                text = _capitalise(prefix + self.fill(template, end, title, phrase))
                gap = abs(line_syllables(text) - target)
                if text.lower() in self.used_lines or gap > 1 or _repeats_end(text):
                    continue
                score = (
                    gap
                    + 0.6 * len(prefix.split())
                    + 1.2 * self.template_uses.get(template.text, 0)
                    + (_VERBLESS_COST if _VERBLESS.search(template.text) else 0.0)
                    - (_SECTION_BONUS if len(template.sections) <= 2 else 0.0)
                    - (_STORY_BONUS if phrase is not None else 0.0)
                    - (_LEAD_BONUS if phrase is not None and phrase.role == LEAD else 0.0)
                )
                if score < best_score:
                    best, best_score, best_template, best_phrase = text, score, template, phrase
                if score <= _BEST_POSSIBLE:
                    break
            if best_template is not None:
                break
        if best_template is None:  # sampling found nothing within a syllable: search
            best = self.closest(end, target, pool, title)
        else:
            self.template_uses[best_template.text] = (
                self.template_uses.get(best_template.text, 0) + 1
            )
            if best_phrase is not None and best_template.needs_subject:
                self.sung[best_phrase.text] += 1
        self.used_lines.add(best.lower())
        return best

    def closest(self, end: str, target: int, pool: tuple[Template, ...], title: str) -> str:
        """Every template and padding for `end`, suitable templates first: the closest fit."""
        ordered = templates_for(end, None, pool) + pool
        best, best_gap = "", 99
        for template in ordered:
            for prefix in dict.fromkeys(PREFIXES):
                for _ in range(3):
                    text = _capitalise(prefix + self.fill(template, end, title))
                    gap = abs(line_syllables(text) - target)
                    if text.lower() in self.used_lines or _repeats_end(text):
                        continue
                    if gap < best_gap:
                        best, best_gap = text, gap
                    if gap == 0:
                        return best
        return best

    def stanza(self, count: int, target: int, scheme: str, section: str) -> list[str]:
        story = section
        if section == "verse":
            story = SCENE if self.verse_count == 0 else LATER
            self.verse_count += 1
        ends: list[str] = []
        scenery = [n for n in self.nouns if NOUN_CLASS.get(n) in _CONCRETE]
        prefer = self.subject_ends + scenery
        while len(ends) < count:
            # Lines end on the subject's and the theme's words first; common words only
            # complete a rhyme.
            a, b = self.pair(prefer=prefer)
            if scheme == "ABAB" and count - len(ends) >= 4:
                c, d = self.pair(prefer=prefer)
                ends += [a, c, b, d]
                self.pairs += [(a, b), (c, d)]
            else:
                ends += [a, b]
                self.pairs.append((a, b))
        if len(ends) > count:  # an odd count: the last line stands unrhymed
            dropped = ends[count:]
            ends = ends[:count]
            self.pairs = [p for p in self.pairs if not set(p) & set(dropped)]
        return [self.line(end, target, section, story=story) for end in ends]

    def hook_line(self, title: str, target: int) -> tuple[str, str | None]:
        """The chorus's first line: the title, fitted out to the target when it is short."""
        if line_syllables(title) >= target - 1:
            return title, None
        # The shortest tail is ", the {end}": an ending longer than the room left is skipped.
        room = max(1, target + 1 - line_syllables(title) - 1)
        avoid = set(re.findall(r"[a-z']+", title.lower()))
        avoid |= {w for w in self.endings if line_syllables(w) > room}
        end, partner = self.pair(prefer=self.subject_ends + list(self.main.nouns), avoid=avoid)
        self.used_ends.discard(partner)
        return self.line(end, target, "chorus", HOOK_TAILS, title), end

    def chorus(self, title: str, count: int, target: int) -> list[str]:
        first, end = self.hook_line(title, target)
        lines = [first]
        if end is not None:
            partner = self.partner(end, self.used_ends | {end})
            if partner:
                lines.append(self.line(partner, target, "chorus", story="chorus"))
                self.pairs.append((end, partner))
                self.used_ends |= {end, partner}
        # The subject's and the theme's own words close the chorus.
        a, b = self.pair(prefer=self.subject_ends + list(self.main.nouns))
        lines += [
            self.line(a, target, "chorus", story="chorus"),
            self.line(b, target, "chorus", story="chorus"),
        ]
        self.pairs.append((a, b))
        while len(lines) < count:
            c, d = self.pair()
            lines += [
                self.line(c, target, "chorus", story="chorus"),
                self.line(d, target, "chorus", story="chorus"),
            ]
            self.pairs.append((c, d))
        if len(lines) > count:
            cut = lines[count:]
            lines = lines[:count]
            gone = {last_word(line) for line in cut}
            self.pairs = [p for p in self.pairs if not set(p) & gone]
        return lines


def choose_title(subject: Subject, themes: list[Theme], rng: random.Random) -> str:
    """The subject's own name for the song; for a prompt that names no subject, a title made
    from the theme's words (an adjective and a noun: dozens per theme, not a short list)."""
    if subject.title:
        return subject.title
    theme = themes[0]
    return f"{rng.choice(theme.adjectives).title()} {rng.choice(theme.nouns).title()}"


def write_lyrics(
    prompt: str,
    *,
    title: str | None,
    form: list[tuple[str, str, int]],
    seed: int,
    mood_hint: str = "",
) -> LyricsDraft:
    """Lyrics whose sections follow `form` (name, kind, bars): one line per two bars of each
    sung section, in the prompt's language when the writer has it (English, Spanish) and in
    English otherwise, with a notice. Deterministic for a given prompt, title, form and
    seed."""
    language = prompt_language(prompt)
    if language.code != "en" and _reads_as_english(prompt):
        # Short English prompts of a few nouns ("an elephant, an igloo") can score as
        # another language; English articles and no foreign function word settle it.
        language = replace(language, code="en")
    elif language.confidence == 0.0 and _reads_as_foreign(prompt):
        # Too short for a sure guess, yet plainly not English ("una canzone sulla notte").
        guess = detect_language(prompt)
        if guess is not None and guess.code != "en":
            language = guess
    if language.code == SPANISH:
        spanish = write_spanish(prompt, title=title, form=form, seed=seed)
        return LyricsDraft(spanish.title, spanish.sections, spanish.rhyme_pairs, SPANISH)
    draft = _write_english(
        prompt,
        title=title,
        form=form,
        seed=seed,
        mood_hint=mood_hint,
        foreign=language.code != "en",
    )
    if language.code == "en":
        return draft
    notice = (
        f"The prompt is in {language_name(language.code)} ({language.code}); the built-in "
        "lyric writer writes English and Spanish, so these lyrics are in English."
    )
    return replace(draft, notices=(notice,))


def _write_english(
    prompt: str,
    *,
    title: str | None,
    form: list[tuple[str, str, int]],
    seed: int,
    mood_hint: str,
    foreign: bool = False,
) -> LyricsDraft:
    rng = random.Random(f"{seed}:{prompt}:{title}")
    # The English reader would take a foreign prompt's words for English names and things
    # ("Une Chanson Sur La Pluie"): such a prompt gets a song on its theme, with a title
    # made from the theme's English words.
    subject = Subject((), "", "", "") if foreign else extract_subject(prompt)
    # The prompt's words for the music ("strings", "beat") are heard, never sung.
    themes = [
        replace(t, nouns=tuple(n for n in t.nouns if n not in subject.unsung) or t.nouns)
        for t in detect_themes(f"{prompt} {mood_hint}")
    ]
    writer = _Writer(subject, themes, rng)
    song_title = title or choose_title(subject, themes, rng)
    # The chorus is written first, so it gets the subject's own words for its rhymes.
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
                lines.append(
                    writer.line(partner or writer.pair()[0], target, "outro", story="outro")
                )
                if end and partner:
                    writer.pairs.append((end, partner))
        else:
            lines = writer.stanza(count, target, rng.choice(SCHEMES), kind)
        sections.append(LyricSection(name, tuple(lines)))
    return LyricsDraft(song_title, sections, writer.pairs)


_ENGLISH_ARTICLES = frozenset(["a", "an", "the"])
# Function words of the languages the identifier most often confuses with short English.
_FOREIGN_FUNCTION_WORDS = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "del",
        "de",
        "y",
        "en",
        "sobre",
        "para",
        "por",
        "le",
        "les",
        "des",
        "du",
        "et",
        "sur",
        "pour",
        "une",
        "der",
        "das",
        "den",
        "dem",
        "ein",
        "eine",
        "einen",
        "und",
        "mit",
        "auf",
        "über",
        "für",
        "il",
        "gli",
        "di",
        "os",
        "uma",
        "da",
    ]
)


def _reads_as_english(prompt: str) -> bool:
    words = re.findall(r"[^\W\d_]+", prompt.lower())
    return bool(_ENGLISH_ARTICLES & set(words)) and not _FOREIGN_FUNCTION_WORDS & set(words)


def _reads_as_foreign(prompt: str) -> bool:
    words = set(re.findall(r"[^\W\d_]+", prompt.lower()))
    return bool(_FOREIGN_FUNCTION_WORDS & words) and not _ENGLISH_ARTICLES & words


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
