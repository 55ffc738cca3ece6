"""The built-in lyric writer: a small story about the prompt's subject, told in lines from a
grammar of templates, rhymed with the CMU pronouncing dictionary and fitted to each
section's syllable target. Spanish prompts get Spanish lyrics (lyricist.spanish); prompts
in other languages get English, and the draft says so: French, German, Italian and
Portuguese ones are read into English first (lyricist.foreign_prompt), so the English
lyrics are about their subject."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import pronouncing
from lemminflect import getAllLemmas

from songforge.engine.language_id import detect_language, prompt_language
from songforge.engine.languages import language_name
from songforge.engine.lyric_text import LyricSection, syllable_count
from songforge.engine.lyricist.couplets import (
    ANY_LEAD,
    KINDS,
    WORLD_NOUN,
    Couplet,
    couplets_for,
    other_worlds_words,
    worlds_chosen,
)
from songforge.engine.lyricist.foreign_prompt import english_prompt
from songforge.engine.lyricist.genre_words import GenreWords, genre_words
from songforge.engine.lyricist.grammar import (
    indefinite,
    is_plural,
    parts_of_speech,
    past_tense,
    plural,
    singular,
    verb_form,
)
from songforge.engine.lyricist.imagery import (
    BY_NAME,
    ENGINE_MOODS,
    FIELDS,
    GENERAL,
    MASS,
    Field,
    doings,
    fields_for,
    parts_of,
)
from songforge.engine.lyricist.line_templates import (
    HOOK_TAILS,
    LATER,
    LIGHT,
    NOUN_CLASS,
    SCENE,
    SOUND,
    TEMPLATES,
    WEATHER,
    Template,
    story_for,
    templates_for,
)
from songforge.engine.lyricist.presumes import (
    mourns,
    presumes_alive,
    presumes_dead,
    presumes_gone,
)
from songforge.engine.lyricist.prompt_facts import Fact, prompt_facts
from songforge.engine.lyricist.sense import ABSTRACT, is_feeling, makes_sense
from songforge.engine.lyricist.spanish import SPANISH, write_spanish
from songforge.engine.lyricist.subject import (
    ACTING,
    RELATIVE,
    SETTING,
    UNDERGOING,
    NounPhrase,
    Subject,
    calendar_names,
    extract_subject,
)
from songforge.engine.lyricist.subject import MOODS as PROMPT_MOODS
from songforge.engine.lyricist.themes import COMMON_NOUNS, Theme, detect_themes

# Words that pad a line by a syllable or two; a plain line wins when it fits as well.
PREFIXES = ("", "", "", "", "", "Oh, ", "And ", "Now ", "Yeah, ", "Oh oh, ")
TARGETS = {"verse": 8, "prechorus": 7, "chorus": 7, "bridge": 8, "outro": 7}
SCHEMES = ("AABB", "ABAB")
_SECTION_BONUS = 0.3
# How fast a couplet grows unlikelier down the song's fields (weight 1 / (rank + 1) ** this):
# the lead's own world sings most of a song's couplets.
_RANK_FALL = 3.5
# How much less likely a couplet is drawn when it names the subject's setting and not its
# lead.
_SETTING_SHARE = 0.25
# A line that only lists the subject and a noun ("the dog and the road") fits any length, so
# it would win every time; it costs a little, and lines where something happens win.
_VERBLESS = re.compile(
    r"^(just |all for |bring back |tell me of )?\{S\} (and|in|by|under) the"
    r"|\{S\} and the (\{adj\} )?\{end\}$|there's no \{end\}$|^under the \{light\}"
    r"|^with the \{sky\} upon"
)
_VERBLESS_COST = 2.0
_CONCRETE = frozenset(("place", "sky", "thing"))
# Lights in the sky, sung by {light} and not as weather that falls or moves.
_HEAVENLY = frozenset(("sun", "moon", "star", "sunlight", "moonlight", "candlelight", "glow"))
_BARE = frozenset(("home",))  # nouns sung without an article
_NOT_NOUNS = frozenset(("up", "down", "out", "away", "back", "off", "around", "over", "on"))
# A line a syllable off its target is sung as well (the melody has room): it costs a
# little, so that the lines that fit exactly are not always the same few short ones.
_GAP_COST = 0.6
_BREADTH = 0.3  # the cost of a template's breadth (classes x sections x kinds), square-rooted
_MOOD_BONUS = 0.5  # a song with a mood says it: lines with an adjective come up more
# Where an angry song may borrow the anger's own couplets: its turns ask of the anger
# itself ("Who lit this fire in my chest"); its later scenes are a home's quarrel.
_RAGING_PARTS = frozenset(("turn",))
_SHADE_WEIGHT = 5.0  # how much likelier a couplet written for the song's shade is drawn
# Lines that say what the subject does, has or is near in its world ("the clock ticked",
# "the kettle by the stove") tell more than the ones any subject would fit.
_RICH_BONUS = 0.5
_RICH_SLOTS = frozenset(
    (
        *("did", "do", "does", "doing", "deed", "deeded", "deeding", "deeds", "part"),
        *("thing", "a_thing", "place", "sky", "being", "sound", "light", "adj"),
    )
)
_FILLS = 3  # fillings of a scene template's slots drawn before it is given up
_SHUN_VERBLESS = 0.85
_SHUN = 0.55  # the share of templates a song does without while others fit
_TASTE = 1.5  # the spread of a song's liking for one template over another
# Adjectives that colour lines by the prompt's mood, ahead of the theme's own.
MOOD_ADJECTIVES = {
    "sad": ("lonely", "faded", "empty", "distant", "silent", "broken"),
    "happy": ("golden", "bright", "shining", "sunny", "easy", "lucky"),
    "angry": ("burning", "restless", "raging", "wild"),
    "calm": ("gentle", "quiet", "soft", "slow", "easy"),
    "tender": ("tender", "gentle", "sweet", "warm"),
    "hopeful": ("rising", "golden", "brighter", "open"),
    "nostalgic": ("faded", "golden", "old", "distant"),
    "dark": ("shadowed", "cold", "silent", "hollow"),
    "energetic": ("electric", "wild", "blazing", "restless"),
}
# Words of a couplet that says anger.
_ANGER = frozenset(
    [
        "angry",
        "anger",
        "hate",
        "hated",
        "rage",
        "raging",
        "burn",
        "burned",
        "burning",
        "slam",
        "slammed",
        "fight",
        "yell",
        "yelling",
        "shout",
        "shouting",
        "lie",
        "lies",
        "lied",
        "liar",
        "swear",
        "swore",
        "cheat",
        "cheated",
        "fool",
        "fist",
        "throw",
        "threw",
        "tossed",
        "smash",
        "smashed",
        "sorry",
        "poison",
    ]
)
# Leads that are a day of someone's life.
_DAYS = frozenset(("birthday", "wedding", "anniversary", "graduation", "retirement", "funeral"))
_COLOUR_WORDS = frozenset(
    [
        "red",
        "blue",
        "green",
        "yellow",
        "white",
        "black",
        "gray",
        "grey",
        "silver",
        "gold",
        "brown",
        "orange",
        "pink",
        "purple",
    ]
)
# Days of a couple, and the words that make the singer one of it.
_COUPLES = frozenset(("wedding", "anniversary", "honeymoon", "engagement"))
_WE = frozenset(("we", "we're", "we'll", "we've", "we'd", "our", "us", "ours"))
_FOR_ME = frozenset(("me", "mine", "myself"))
# How often a habit is done, to end a line that tells one ("My dad snores every night").
_HABITUALLY = ("again", "all day", "every day", "all the time", "day and night", "every night")
# First words that lose their capital after "Oh, ": not "I", not a name.
_LOWER_AFTER_OH = frozenset(
    [
        *("he", "she", "they", "we", "it", "you", "the", "a", "an", "my", "his", "her"),
        *("our", "their", "this", "that", "there", "every", "now", "then"),
    ]
)
_THEY = frozenset(["they", "their", "them", "theirs", "they're", "they've", "they'd", "they'll"])
# Mood adjectives said of things and places, not of people or animals ("the faded mall", not
# "the faded waitress").
_NOT_OF_BEINGS = frozenset(
    [
        "faded",
        "empty",
        "golden",
        "shining",
        "sunny",
        "burning",
        "rising",
        "brighter",
        "open",
        "shadowed",
        "hollow",
        "electric",
        "blazing",
        "soft",
        "slow",
        "old",
        "bright",
        "easy",
    ]
)
_BRIGHT = ("happy", "energetic", "hopeful")
_DIM = ("sad", "dark", "nostalgic")
# Adjectives a mood will not have: no "golden" morning in a sad song, no "lonely" one in a
# happy song.
_OPPOSED_ADJECTIVES = {
    **{
        mood: frozenset(a for m in _BRIGHT for a in MOOD_ADJECTIVES[m]) | {"loud", "merry"}
        for mood in _DIM
    },
    **{
        mood: frozenset(a for m in _DIM for a in MOOD_ADJECTIVES[m]) | {"lonely", "empty"}
        for mood in _BRIGHT
    },
}
# Slots that put the subject's world into a line.
_SCENE_SLOTS = frozenset(("thing", "a_thing", "place", "sky", "being", "sound", "light", "noun"))
# Word pairs no template means but some fills make: "in the noon", "the home".
_AWKWARD = re.compile(
    r"\b(?!oh\b)(\w+),? \1\b"
    r"|\b(?:in|beneath|under|above) the (?:noon|midnight|hour|sunday|june|second|moment|years)\b"
    r"|\bthe home\b|\b(?:in|into|by|beside) home\b|\bin the (?:moon|star|comet|planet)\b"
    r"|\bevery (?:dark|heaven|current|steam|smoke|years)\b"
)


# Lines that end on a preposition and the rhyme word ("by the wall", "beside the gate") fit
# any noun, so a song would end most of its lines so ("Under the light by the ball / Hold
# the farmer close by the pane"): each use of an ending makes the next one cost more.
_CLOSING_COST = 0.7
_CLOSING = re.compile(
    r"\b(by|beside|near|in|on|upon|at|across|to|from|through|under|with|of|round|around)"
    r" (?:the |my |your |our |his |her |their )?(?:\{adj\} )?\{end\}$"
)


# Verbs of a single moment: sung once as they happen, never as going on ("still").
_MOMENTARY = frozenset(
    [
        "quit",
        "find",
        "lose",
        "leave",
        "steal",
        "break",
        "die",
        "win",
        "open",
        "close",
        "start",
        "finish",
        "arrive",
        "land",
        "meet",
        "marry",
        "burn",
        "crash",
        "fall",
        "jump",
        "drop",
        "sell",
        "buy",
        "kill",
        "shoot",
        "fire",
        "graduate",
    ]
)


def _once(verb: str) -> bool:
    """Whether a verb form ("quitting", "found", "loses") names a single moment."""
    lemmas = getAllLemmas(verb.lower()).get("VERB", (verb.lower(),))
    return any(lemma in _MOMENTARY for lemma in lemmas)


_PERSONAL_BE = {"I": ("am", "was"), "we": ("are", "were"), "you": ("are", "were")}


def _past(line: str) -> bool:
    """Whether a line is told in the past: its first verb is a simple past."""
    for word in re.findall(r"[a-z']+", line.lower()):
        if past_tense(word):
            return True
        if word in _PRESENT:
            return False
    return False


# Words that settle a line in the present before any past form comes: the verbs "to be"
# and the two present verbs the scene templates open on ("still waits", "still knows"),
# which lemminflect would also read as nouns.
_PRESENT = frozenset(["is", "are", "am", "'s", "still", "waits", "knows"])


def _closing(template: str) -> str:
    """The preposition a template's line ends on before its rhyme word, "" for none."""
    found = _CLOSING.search(template)
    return found.group(1) if found else ""


def _shapeless(word: str) -> bool:
    return word in ABSTRACT and NOUN_CLASS.get(word) == "thing"


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
    return calendar_names(text[0].upper() + text[1:])


def _theme_phrases(theme: Theme) -> list[NounPhrase]:
    """For a prompt that names no subject (only a genre): the theme's first nouns stand in."""
    return [
        NounPhrase((noun,), noun, False, False, "", NOUN_CLASS.get(noun, "heart"))
        for noun in theme.nouns[:2]
    ]


def _repeats_end(line: str) -> bool:
    """Whether the line says its last word before ("the fire lights up the light")."""
    words = re.findall(r"[a-z']+", line.lower())
    end = words[-1]
    return any(w == end or (w.startswith(end) and len(w) - len(end) <= 2) for w in words[:-1])


def _names(line: str, phrase: NounPhrase) -> bool:
    """Whether `line` says the phrase's head ("the watch", "watches", "Moby")."""
    words = {w.removesuffix("'s") for w in re.findall(r"[a-z']+", line.lower())}
    head = phrase.head.lower()
    return bool(words & {head, singular(head), plural(head)})


def _forms(phrase: NounPhrase, *, numbered: bool = False) -> frozenset[str]:
    """The words a line names `phrase` by: its head, singular and plural (`numbered`: a
    singular phrase only in the singular); a compound ("sewing machine") only whole, since
    "a vending machine" is another thing."""
    words = [w.lower() for w in phrase.words]
    if words[-1:] != [phrase.head.lower()]:
        words.append(phrase.head.lower())
    name = " ".join(words[-phrase.compound :])
    *before, last = name.split()
    forms = [last, singular(last)]
    if phrase.plural or not numbered:
        forms.append(plural(last))
    return frozenset(" ".join([*before, form]) for form in forms)


def _says(lines: Iterable[str], forms: frozenset[str], *, possessive: bool = True) -> bool:
    """Whether any of `lines` says one of `forms` as whole words (a possessive counts unless
    `possessive` is False: "my father's car" names the car, not the father). Couplets are
    written for any song of their world, so they name a compound lead only whole; `_names`
    is for the writer's own lines, which shorten it on purpose ("the keeper" for the
    lighthouse keeper)."""
    text = " ".join(lines).lower()
    if possessive:
        text = text.replace("'s", "")
    after = "" if possessive else "(?!')"
    return any(re.search(rf"\b{re.escape(form)}\b{after}", text) for form in forms)


def _known_kind(phrase: NounPhrase) -> NounPhrase:
    """The phrase, with the kind the imagery lexicon knows its head by when the prompt
    reader only guessed it from a suffix or by default ("apartment" is a place, not an
    idea for its "-ment")."""
    if is_feeling(phrase.head) and not phrase.proper:
        return replace(phrase, kind="heart")
    known = NOUN_CLASS.get(phrase.head.lower())
    if known and phrase.kind in ("heart", "thing") and known != phrase.kind and not phrase.proper:
        return replace(phrase, kind=known)
    return phrase


def _sings(found: tuple[str, Template, NounPhrase | None] | None, phrase: NounPhrase) -> bool:
    return found is not None and found[1].needs_subject and found[2] is phrase


def _frame_nouns(prompt: str, subject: Subject) -> frozenset[str]:
    """The prompt's nouns outside its subject and action, in both numbers: the frame
    around the subject ("shoegaze with *walls* of guitar", "a jazz *tune*"), which the
    lyrics leave unsaid like the music words."""
    own = {w.lower().removesuffix("'s") for p in subject.phrases for w in (*p.words, p.head)} | set(
        subject.action.lower().split()
    )
    found: set[str] = set()
    for word in re.findall(r"[a-z]+", prompt.lower()):
        if len(word) > 2 and word not in own and singular(word) not in own:
            tags = parts_of_speech(word)
            if "NOUN" in tags and "ADJ" not in tags:
                found |= {word, singular(word), plural(singular(word))}
    return frozenset(found)


def _out_of_season(subject: Subject, prompt: str) -> frozenset[str]:
    """The words of the seasons a prompt that names one does not name: a song about a
    puppy in the snow sings no June ("two bikes lie in the grass in June"), and one for a
    grandfather who died last winter buries him in no spring. A season said only to time
    the story ("last winter", "in March") counts as much as one sung about."""
    named = {w.lower() for p in subject.phrases for w in (p.head, *p.words)}
    named |= set(re.findall(r"[a-z]+", prompt.lower()))
    seasons = [words for words in _SEASONS.values() if words & named]
    if not seasons:
        return frozenset()
    return frozenset(w for words in _SEASONS.values() if words not in seasons for w in words)


def resolve_mood(mood_hint: str, subject_mood: str) -> str:
    """The writer's mood: the first mood word of `mood_hint` (the engine's mood names, such
    as "melancholic", or a request's tags), else the one the prompt names."""
    for word in re.findall(r"[a-z]+", mood_hint.lower()):
        if word in ENGINE_MOODS:
            return ENGINE_MOODS[word]
        if word in PROMPT_MOODS:
            return PROMPT_MOODS[word]
    return subject_mood


# Template slots filled with the prompt's imagery of one ending class.
_IMAGERY_SLOTS = {
    "thing": "thing",
    "a_thing": "thing",
    "place": "place",
    "sky": "sky",
    "being": "being",
    "sound": "sound",
}
_SLOT = re.compile(r"\{(\w+)\}")
# A line that names something of the scene without naming the subject is a scene line;
# what a verse line is to be.
SUBJECT, REFER, SCENE_LINE, MOOD = "subject", "refer", "scene", "mood"
_SEASONS = {
    "winter": frozenset(
        ["winter", "snow", "snows", "frost", "ice", "december", "january", "february", "sleet"]
    ),
    "spring": frozenset(["spring", "april", "blossom", "blossoms"]),
    "summer": frozenset(["summer", "june", "july", "august", "heat"]),
    "autumn": frozenset(["autumn", "september", "october", "november"]),
}
COUPLET = "couplet"  # a line of a couplet written whole for the song's world
# The part of the story a couplet tells, by section: the first verse sets the scene, the
# others move it on, the bridge turns.
_COUPLET_PARTS = {
    "verse": ("scene", "later"),
    "prechorus": ("rise", "rise"),
    "bridge": ("turn", "turn"),
}
# Sections sung whole in couplets where the shelves have them: a verse keeps half its lines
# for the subject's own ("His fishing boat..."), a pre-chorus or bridge says its world's.
_ALL_COUPLETS = frozenset(("prechorus", "bridge"))


@lru_cache(maxsize=4_096)
def _slots(text: str) -> tuple[str, ...]:
    """The template's slots in the order written (a set's order would change with the
    process's hash seed, and with it the song)."""
    return tuple(dict.fromkeys(_SLOT.findall(text)))


def _singular_end(template: Template) -> bool:
    """Whether the template counts its ending ("every {end}", "one more {end}")."""
    return bool(re.search(r"\b(every|more|a|an|each)\s+(\{adj\} )?\{end\}", template.text))


class _Writer:
    def __init__(
        self,
        subject: Subject,
        themes: list[Theme],
        mood: str,
        rng: random.Random,
        *,
        worlds: frozenset[tuple[str, str]] = frozenset(),
        mourning: bool = False,
        genre: GenreWords | None = None,
        facts: tuple[Fact, ...] = (),
        verses: int = 2,
    ) -> None:
        self.rng = rng
        # What a long prompt tells, sung in its own words at the head of its verses.
        # One clause alone is a story only when it says what the subject does ("a
        # landlord who kept my deposit"); a lone sentence of another shape is more often
        # a note on the sound ("80s synth pop, gated reverb drums") than a story.
        self.facts = list(facts) if len(facts) > 1 or (facts and facts[0].relative) else []
        self.lone_fact = len(self.facts) == 1
        self.story = len(self.facts) > 1
        self.telling = False  # the verse being written opened on facts
        self.verses = verses  # verses in the song's form
        # A song about a death tells its scenes in couplets written for sad songs: the
        # others have the dead dog still guard the house.
        self.mourning = mourning
        # A genre that turns its songs one way (gospel to faith) lends its bridge a couplet
        # of that turn, whatever the song is about: else a gospel song about a kitchen was
        # heard as gospel only in its arrangement.
        self.genre_bridge = BY_NAME.get(genre.bridge) if genre and genre.bridge else None
        self.voice = genre.voice if genre else ""
        self.genre = genre
        # The worlds within a field the prompt names (a casino's heist, a diner): only
        # their couplets of those fields are sung.
        self.worlds = worlds
        self.main = themes[0]
        self.subject = subject
        self.mood = mood
        # A particle read as a thing ("growing up" gives "up") is no subject to sing.
        acting = set(subject.action.lower().split()[1:])  # "home" in "writing home"
        named = [
            _known_kind(p)
            for i, p in enumerate(subject.phrases)
            if p.head.lower() not in _NOT_NOUNS and (i == 0 or p.head.lower() not in acting)
        ]
        self.phrases = named or _theme_phrases(themes[0])
        self.themed = not named
        self.lead = self.phrases[0]
        # A name's world is what it names: "my dog Max" is of dogs.
        described = [
            (p.head.lower(), [w.lower() for w in (*p.called.split(), *p.words)], p.kind)
            for p in self.phrases
        ]
        # A song on its genre alone ("punk rock") is set in the genre's worlds; a song
        # with a subject borrows them only after its own.
        lent = genre.fields if genre else ()
        if self.themed and lent:
            described = []
        elif genre and genre.piece:
            # A lullaby for a daughter is sung at her bedtime, not through her school days.
            described = [(genre.piece, [genre.piece], "thing"), *described]
        self.fields = fields_for(described, subject.action, mood, lent=lent)
        # A world within one of the song's fields the prompt did not choose (a casino's
        # heist for a night at the tables) is not sung: none of its couplets are.
        unchosen = other_worlds_words(worlds, [f.name for f in self.fields])
        subject = replace(subject, unsung=subject.unsung | unchosen)
        self.subject = subject
        # A field the mood alone lends gives the song its weather and sounds ("the dark",
        # "the silence"), not its rooms and furniture; a genre's fields are a themed song's
        # own.
        lent_own = lent if self.themed else ()
        triggered = set(fields_for(described, subject.action, lent=lent_own))
        self.atmosphere = {f.name for f in self.fields if f not in triggered}
        # Fields no word of the prompt names, lent by its mood or by the kind of a thing no
        # field knows ("home" for a night drive): their couplets have rooms of their own.
        worded = {f.name for f in fields_for(described, subject.action, kinds=False, lent=lent_own)}
        self.borrowed = {f.name for f in self.fields if f.name not in worded}
        opposed = _OPPOSED_ADJECTIVES.get(mood, frozenset())
        self.mood_adjectives = list(MOOD_ADJECTIVES.get(mood, ()))
        field_adjectives = [a for f in self.fields for a in f.adjectives if a not in opposed]
        theme_adjectives = [a for t in themes for a in t.adjectives if a not in opposed]
        self.adjectives = list(
            dict.fromkeys(
                [*self.mood_adjectives, *field_adjectives]
                if len(field_adjectives) + len(self.mood_adjectives) >= 3
                else [*self.mood_adjectives, *field_adjectives, *theme_adjectives]
            )
        ) or ["quiet"]
        self.verbs = list(
            dict.fromkeys([*(v for f in self.fields for v in f.verbs), *self.main.verbs])
        )
        self.theme_nouns = [n for t in themes for n in t.nouns]
        # The subject's own words end lines first, where the templates know their class.
        # A word that describes the head ("red" in "a bright red kite") is no thing to end
        # a line on ("the valley knows the red").
        own = [
            w.lower().removesuffix("'s")
            for p in self.phrases
            for w in (p.head, *p.words)
            if w.lower().removesuffix("'s") in NOUN_CLASS
            and (w == p.head or "ADJ" not in getAllLemmas(w.lower()))
        ]
        self.subject_ends = [w for w in dict.fromkeys(own) if w not in subject.unsung]
        self.field_nouns = [
            [n for n, c in f.nouns if n not in subject.unsung and self._keeps(f, c)]
            for f in self.fields
        ]
        world = list(
            dict.fromkeys([*self.subject_ends, *(n for ns in self.field_nouns for n in ns)])
        )
        near = [n for f in self.fields for n, c in f.also if n not in world and self._keeps(f, c)]
        # Words of other fields ("guitar", "galaxy") would drag another world in: the
        # wider pools keep only plain words.
        chosen = {f.name for f in self.fields}
        foreign = {n for f in FIELDS if f.name not in chosen for n, _ in (*f.nouns, *f.also)}
        foreign -= {*GENERAL, *world, *near}
        wider = [n for n in self.theme_nouns if n not in foreign and n not in {*world, *near}]
        general = [n for n in dict.fromkeys([*GENERAL, *COMMON_NOUNS]) if n not in foreign]
        general = [n for n in general if n not in {*world, *near, *wider}]
        # Rhymes are sought in the subject's words and its fields' most telling imagery,
        # then the fields' other nouns, the theme's, and plain words last.
        # The prompt's words for the music ("strings", "beat") are heard, never sung.
        # Matter and qualities the fields file as things ("the rust", "the cream") end no
        # line that makes sense: nothing waits by them or lies on them.
        self.tiers = [
            [w for w in tier if w not in subject.unsung and not _shapeless(w)]
            for tier in (world, list(dict.fromkeys(near)), wider, general)
        ]
        self.endings = [w for tier in self.tiers for w in tier]
        self.tier_of = {w: i for i, tier in enumerate(self.tiers) for w in tier}
        self.by_rhyme: dict[str, list[str]] = {}
        for word in self.endings:
            key = rhyme_key(word)
            if key is not None:
                self.by_rhyme.setdefault(key, []).append(word)
        # Imagery to fill a line's scene: the fields' telling nouns by class, then their
        # others and the theme's where a class has none.
        self.imagery: dict[str, list[str]] = {}
        for pool in (
            [n for ns in self.field_nouns for n in ns],
            [n for f in self.fields for n, c in f.also if self._keeps(f, c)],
            self.theme_nouns,
        ):
            found: dict[str, list[str]] = {}
            for noun in pool:
                if is_plural(noun) or noun in self.subject_ends or noun in subject.unsung:
                    continue
                if noun == "home":
                    continue
                cls = NOUN_CLASS.get(noun, "heart")
                if cls == "sky" and (noun not in WEATHER or noun in _HEAVENLY):
                    continue  # "the hour came in across the porch", "the moon moved"
                found.setdefault(cls, []).append(noun)
                if noun in SOUND:
                    found.setdefault("sound", []).append(noun)
            for cls, nouns in found.items():
                if len(self.imagery.get(cls, [])) < 3:
                    self.imagery[cls] = list(dict.fromkeys([*self.imagery.get(cls, []), *nouns]))
        self.lights = [n for ns in self.field_nouns for n in ns if n in LIGHT] or [
            "light",
            "glow",
            "sun",
            "moon",
        ]
        self.doings = {p.text: doings(p.head) for p in self.phrases}
        self.parts = {p.text: parts_of(p.head) for p in self.phrases}
        self.used_lines: set[str] = set()
        self.used_ends: set[str] = set()
        self.pairs: list[tuple[str, str]] = []
        self.template_uses: dict[str, int] = {}
        self.tastes: dict[str, float] = {}
        self.shun: dict[str, bool] = {}
        self.section_templates: set[str] = set()  # templates of the section being written
        self.moody = False  # the line being written says the mood
        self.short_names = False  # the line being written names phrases by their heads
        self.sung = {p.text: 0 for p in self.phrases}  # story lines per phrase so far
        self.verse_count = 0
        self.closings: dict[str, int] = {}  # lines ending "by the {end}", "in the {end}"…
        self.shade = "dim" if mood in (*_DIM, "angry") else "bright" if mood in _BRIGHT else ""
        if mourning:
            self.shade = "dim"
        self.whole_lines: set[str] = set()  # lines the song sings from couplets
        self.opposed = opposed
        self.world_words = {
            form
            for word in [*self.subject_ends, *(n for ns in self.field_nouns for n in ns)]
            for form in (word, plural(word))
        }
        self.mood_said = False  # a verse line has said the song's mood
        self.raged = False  # an angry song borrowed a couplet of the anger's own field
        self.situation_verb = subject.situation.split()[0].lower() if subject.situation else ""
        # A couplet names the lead by one of these, in its number: "the boats" at the
        # harbour are not "my boat".
        self.lead_forms = _forms(self.lead, numbered=True)
        self.lead_kind = self._lead_kind()
        head = self.lead.head.lower()
        self.one_of_many = (
            self.lead_kind == "being"
            and not self.lead.plural
            and bool(self.fields)
            # "my mother Elena" is one of them as much as "my mother" is.
            and bool(
                {head, *self.lead.called.lower().split()}
                & (self.fields[0].core | self.fields[0].beings)
            )
        )
        self.lead_words = frozenset(
            w for name in self.lead_names() for w in re.findall(r"[a-z']+", name.lower())
        )
        # The world the lead's own words name ("the Bronx" a city's), where a couplet for
        # any lead finds its {N}, though the song's first world be the action's (growing up).
        lead = self.lead
        lead_fields = fields_for([(lead.head.lower(), [w.lower() for w in lead.words], lead.kind)])
        first = self.fields[0] if self.fields else None
        self.lead_world = first if first in lead_fields or not lead_fields else lead_fields[0]
        self.own_world = {
            form
            for word in [*self.subject_ends, *(self.field_nouns[0] if self.field_nouns else ())]
            for form in (word, plural(word))
        }
        # Who a mourning song mourns, by the word its lines name them with: the lead and
        # the prompt's other people ("mom" of "my mom's funeral").
        self.mourned = frozenset(
            name.split()[-1].lower()
            for p in self.phrases
            if mourning and (p.kind == "being" or p is self.lead)
            for name in (_names_of(p) if p is not self.lead else self.lead_names())
        )
        self.colours = frozenset(w.lower() for w in self.lead.words) & _COLOUR_WORDS
        # A song for a day (a birthday, a wedding) is sung on that day: its second verse
        # does not move on years ("Each year I laugh at my young self" of a sister's
        # wedding, "Now our kids bake the cake for me" of a brother's birthday).
        # A lullaby is sung on one night: the baby is not grown by its second verse ("My
        # daughter is taller now than me" was sung to a baby).
        self.one_day = bool(genre and genre.one_night) or bool(
            {self.lead.head.lower(), *map(str.lower, self.lead.words)} & _DAYS
        )
        # Someone else's day ("my sister's wedding", "Sam's birthday") is not sung as the
        # singer's: no couplet where "we" are the couple or the cake is baked "for me".
        self.others_day = self.one_day and any(
            w.endswith("'s") and w.lower() != "my" for w in self.lead.words
        )
        self.setting_forms = frozenset(
            form for p in self.phrases if p.role == SETTING for form in _forms(p)
        )

    def _lead_kind(self) -> str:
        """The kind of lead (couplets.KINDS) a couplet that names the lead must be written
        for, "" when the song has none such: where the lead's field files its head, that
        field says what it is ("the mall" is a place, "the waitress" a being)."""
        if self.themed:
            return ""
        head = self.lead.head.lower()
        ideas = ("heart", "sky")  # a feeling or an idea, a time ("my anxiety", "summer")
        if is_feeling(head) and not self.lead.proper:
            return "idea"
        for field in self.fields[:1]:
            filed = {noun: cls for noun, cls in (*field.nouns, *field.also)}
            if head not in filed and head not in field.beings:
                head = singular(head)  # "burgers", which the reader takes for a name
            if head in field.beings or filed.get(head) == "being":
                return "being"
            if filed.get(head) in ("place", "thing"):
                return filed[head]
            if filed.get(head) in ideas:
                return "idea"
        if self.lead.kind in ideas:
            return "idea"
        return self.lead.kind if self.lead.kind in KINDS else ""

    def felt_names(self) -> list[str]:
        """The lead named with one of the mood's adjectives that suits its kind ("the lonely
        keeper", "the empty mall"), longest first for each adjective."""
        lead = self.lead
        if self.lead_kind == "idea":
            return []  # "my lonely anxiety" says the mood twice
        said = {w.lower() for w in lead.words}
        out = []
        for adjective in self.mood_adjectives:
            if adjective in said or (self.lead_kind == "being" and adjective in _NOT_OF_BEINGS):
                continue
            if lead.proper:
                out.append(f"{adjective} {lead.text}")
                continue
            owner = lead.owner or "the"
            out += [
                f"{owner} {adjective} {lead.text}",
                f"{lead.possessive or owner} {adjective} {lead.short}",
            ]
        return list(dict.fromkeys(out))

    def all_sung(self) -> bool:
        """Whether every phrase of the subject but the lead has been sung as itself: "my
        father's car" names the car, not the father a photograph is of."""
        return not self.unsung()

    def unsung(self) -> list[NounPhrase]:
        """The phrases of the subject but the lead no line has sung as itself yet."""
        return [
            p
            for p in self.phrases
            if p is not self.lead and not _says(self.used_lines, _forms(p), possessive=False)
        ]

    def awaits(self, phrase: NounPhrase | None) -> bool:
        """Whether `phrase` is one of the subject's phrases no line has sung yet (by
        identity: two phrases may read alike)."""
        return any(p is phrase for p in self.unsung())

    def unsung_forms(self) -> frozenset[str]:
        """The forms of every phrase of the subject but the lead not sung yet."""
        return frozenset(form for p in self.unsung() for form in _forms(p))

    def lead_names(self) -> list[str]:
        """How a couplet's {L} may say the lead, longest first: "the lighthouse keeper",
        "the keeper"; a feeling goes bare ("hope", not "the hope"), also when it is someone's
        ("my anxiety", then "anxiety")."""
        lead = self.lead
        feeling = (lead.kind == "heart" or is_feeling(lead.head)) and not lead.proper
        if feeling and not lead.owner:
            return [lead.text]
        if feeling:
            # "my anxiety" is a line's length too long for most lines; "anxiety" is hers too.
            return [lead.definite(), lead.text]
        return _names_of(lead)

    def _keeps(self, field: Field, cls: str) -> bool:
        return field.name not in self.atmosphere or cls in ("sky", "heart")

    # -- rhymes ------------------------------------------------------------------------------
    def partner(self, word: str, avoid: set[str], widest: int = 3) -> str | None:
        """A word that rhymes with `word`, from the narrowest pool that has one."""
        key = rhyme_key(word)
        options = [
            w
            for w in self.by_rhyme.get(key or "", ())
            if w not in avoid and w != word and rhymes(word, w)
        ]
        if not options:
            return None
        best = min(self.tier_of[w] for w in options)
        if best > widest:
            return None
        return self.rng.choice([w for w in options if self.tier_of[w] == best])

    def prefer(self) -> list[str]:
        """Endings in the order a stanza reaches for them: the subject's own words, then
        each field's imagery, the lead's fields first, each group shuffled."""
        groups = [list(nouns) for nouns in self.field_nouns] or [[]]
        groups[0] += self.subject_ends
        out: list[str] = []
        for group in groups:
            self.rng.shuffle(group)
            out += group
        return list(dict.fromkeys(out))

    def pair(
        self,
        prefer: list[str] | None = None,
        avoid: frozenset[str] | set[str] = frozenset(),
        concrete: bool = False,
    ) -> tuple[str, str]:
        """Two unused endings that rhyme, both from the subject's world when it can rhyme
        them, widening to the theme's words and then plain ones; the first from `prefer`
        when one can be rhymed; neither is in `avoid`. `concrete`: within each pool, two
        things one can see (places, skies, things) before feelings and beings."""
        head = [w for w in prefer or [] if w not in avoid]
        abstract = {w for w in self.endings if NOUN_CLASS.get(w, "heart") not in _CONCRETE}
        for widest in range(len(self.tiers)):
            tail = [w for w in self.tiers[widest] if w not in avoid and w not in head]
            self.rng.shuffle(tail)
            for strict in (True, False) if concrete else (False,):
                skip = self.used_ends | set(avoid) | (abstract if strict else set())
                for first in head + tail:
                    if first in skip or self.tier_of.get(first, 0) > widest:
                        continue
                    second = self.partner(first, skip | {first}, widest)
                    if second:
                        self.used_ends |= {first, second}
                        return first, second
        if not self.used_ends:  # nothing rhymes outside `avoid`
            return ("night", "light") if not {"night", "light"} & set(avoid) else ("day", "way")
        self.used_ends.clear()  # a long song may reuse endings, never lines
        return self.pair(prefer, avoid, concrete)

    # -- filling a template ------------------------------------------------------------------
    def _pick(self, options: list[str], taken: set[str]) -> str | None:
        fresh = [o for o in options if o not in taken]
        return self.rng.choice(fresh) if fresh else None

    def fill(
        self, template: Template, end: str, title: str = "", phrase: NounPhrase | None = None
    ) -> str | None:
        """The template's line ending on `end`, or None when the prompt has nothing for one
        of its slots (no imagery of that class, nothing its subject does) or no filling of
        them it drew makes sense. A few fillings are drawn: a template that fails with one
        word of the scene ("the dark upon the roof") may hold with another ("the rain")."""
        for _ in range(_FILLS if _SCENE_SLOTS.intersection(_slots(template.text)) else 1):
            line = self._fill(template, end, title, phrase)
            if line is not None:
                return line
        return None

    def _fill(
        self, template: Template, end: str, title: str, phrase: NounPhrase | None
    ) -> str | None:
        slots = _slots(template.text)
        subject = phrase or self.lead
        taken = {end, subject.head.lower(), *(w.lower() for w in subject.words)}
        values: dict[str, str] = {"end": end, "title": title}
        for slot in slots:
            if slot in values:
                continue
            cls = _IMAGERY_SLOTS.get(slot)
            if cls is not None:
                options = self.imagery.get(cls, [])
                if slot.startswith("a_"):
                    options = [o for o in options if o not in MASS]
                chosen = self._pick(options, taken)
                if chosen is None:
                    return None
                taken.add(chosen)
                values[slot] = indefinite(chosen) if slot.startswith("a_") else chosen
            elif slot in ("noun", "a_noun"):
                options = [*self.imagery.get("thing", []), *self.imagery.get("place", [])]
                if slot == "a_noun":
                    options = [o for o in options if o not in MASS]
                chosen = self._pick(options, taken) or self._pick(self.theme_nouns, taken)
                if chosen is None:
                    return None
                taken.add(chosen)
                values[slot] = indefinite(chosen) if slot == "a_noun" else chosen
            elif slot == "light":
                chosen = self._pick(self.lights, taken) or "light"
                taken.add(chosen)
                values[slot] = chosen
            elif slot == "adj":
                mood = [a for a in self.mood_adjectives if a != end]
                if mood and (self.moody or self.rng.random() < 0.5):
                    values[slot] = self.rng.choice(mood)
                else:
                    values[slot] = self._pick(self.adjectives, {end}) or "quiet"
            elif slot == "verb":
                values[slot] = self._pick(self.verbs, {end}) or "find"
            else:
                value = self._subject_slot(slot, subject)
                if value is None:
                    return None
                values[slot] = value
        if not makes_sense(template.text, values, subject.head, subject.kind, end):
            return None
        return template.text.format_map(values)

    def _subject_slot(self, slot: str, subject: NounPhrase) -> str | None:
        acts, deeds = self.doings.get(subject.text, ((), ()))
        if slot in ("S", "A") and subject.head.lower() in _BARE and not subject.owner:
            return subject.head.lower()  # "driving home", never "the home"
        if (
            slot in ("S", "A", "Ss")
            and is_feeling(subject.head)
            and not (subject.owner or subject.proper or subject.plural)
        ):
            # Feelings are sung bare ("grief", "sweet nostalgia"), a feeling as "this feeling".
            name = subject.text.lower()
            name = f"this {name}" if subject.head.lower() == "feeling" else name
            return f"{name}'s" if slot == "Ss" else name
        if slot == "S":
            # A long name leaves a line no room to say anything: it is mostly shortened.
            long_name = line_syllables(subject.definite()) >= 4
            short = self.short_names or self.rng.random() < (0.75 if long_name else 0.35)
            return subject.definite(short=short)
        if slot == "V":
            # Called by name: "cat, don't you leave me", "my watch, you were there".
            return subject.definite(short=True) if subject.owner else subject.short
        if slot == "A":
            return subject.indefinite()
        if slot == "was":
            return subject.was
        if slot == "is":
            return subject.be
        if slot == "has":
            return "have" if subject.plural else "has"
        if slot == "act":
            return self.subject.action
        if slot == "s":
            return "" if subject.plural else "s"
        if slot == "Ss":
            name = subject.definite(short=line_syllables(subject.definite()) >= 3)
            return name + ("'" if name.endswith("s") and subject.plural else "'s")
        if slot == "its":
            return "their" if subject.plural else "its"
        if slot == "your":
            return "your"
        if slot == "part":
            return self._pick(list(self.parts.get(subject.text, ())), set()) or None
        if slot == "it":
            return "them" if subject.plural else "it"
        if slot == "they":
            return "they" if subject.plural else "it"
        if slot == "you":
            return "you"
        if slot in ("do", "does", "did", "doing") and acts:
            act = self.rng.choice(acts)
            if slot == "do" or (slot == "does" and subject.plural):
                return act
            return verb_form(act, {"does": "VBZ", "did": "VBD", "doing": "VBG"}[slot])
        if slot in ("deed", "deeded", "deeding", "deeds") and deeds:
            deed = self.rng.choice(deeds)
            tag = {"deed": "", "deeded": "VBD", "deeding": "VBG", "deeds": "VBZ"}[slot]
            return verb_form(deed, tag) if tag else deed
        return None

    # -- lines -------------------------------------------------------------------------------
    def shunned(self, template: Template) -> bool:
        """Whether this song leaves the template alone while others fit: each song does
        without a third of them, drawn once, so no frame is in every other song."""
        if template.text not in self.shun:
            # Lines that only list the subject and a noun fit any song: most songs do
            # without them.
            share = _SHUN_VERBLESS if _VERBLESS.search(template.text) else _SHUN
            self.shun[template.text] = self.rng.random() < share
        return self.shun[template.text]

    def taste(self, template: Template) -> float:
        """This song's liking for a template, drawn once per song: among templates that fit
        as well, each song leans to its own, so songs do not share their frames."""
        if template.text not in self.tastes:
            # Templates that fit nearly anywhere would be in every song: they are liked less.
            breadth = float(
                len(template.classes)
                * len(template.sections)
                * (len(template.kinds) if template.kinds else 3)
            )
            if template.only:
                breadth /= 3
            self.tastes[template.text] = self.rng.random() * _TASTE + _BREADTH * breadth**0.5
        return self.tastes[template.text]

    def candidates(
        self, end: str, section: str, role: str, phrase: NounPhrase | None, story: str | None
    ) -> list[tuple[tuple[Template, NounPhrase | None], ...]]:
        """Groups of (template, phrase) to try in order for a line of this role."""
        kind_section = section if section in TARGETS else "verse"
        scene = tuple(
            (t, None)
            for t in templates_for(end, kind_section)
            if _SCENE_SLOTS.intersection(_slots(t.text))
            and not (is_plural(end) and _singular_end(t))
        )
        plain = tuple((t, None) for t in templates_for(end, kind_section))
        fallback = tuple((t, None) for t in templates_for(end, None))
        groups: list[tuple[tuple[Template, NounPhrase | None], ...]] = []
        told = (
            self.story_pool(end, story or section, phrase, role) if role in (SUBJECT, REFER) else ()
        )
        if role == SUBJECT:
            # A line that must name its phrase tries the phrase's lines of any part of the
            # story before giving up to a scene.
            anywhere = (
                tuple(
                    pair
                    for other in ("scene", "later", "chorus", "bridge")
                    if other != (story or section)
                    for pair in self.story_pool(end, other, phrase, role)
                )
                if phrase is not None
                else ()
            )
            groups += [told, anywhere, scene]
        elif role == REFER:
            groups += [told, self.story_pool(end, story or section, phrase, SUBJECT), scene]
        elif role == MOOD:
            # A scene in the song's mood: a line with an adjective ("the lonely porch").
            felt = tuple(pair for pair in scene if "{adj}" in pair[0].text)
            said = tuple(
                pair
                for pair in self.story_pool(end, story or section, self.lead, SUBJECT)
                if "{adj}" in pair[0].text
            )
            groups += [felt, said, scene]
        else:
            groups += [scene, self.story_pool(end, story or section, self.lead, SUBJECT)]
        groups += [plain, fallback, tuple((t, None) for t in TEMPLATES)]
        return groups

    def story_pool(
        self, end: str, story: str, phrase: NounPhrase | None, role: str
    ) -> tuple[tuple[Template, NounPhrase], ...]:
        """Story templates for `end` at this point of the story, for `phrase` (or each
        phrase, the ones sung least most often, when None)."""
        out: list[tuple[Template, NounPhrase]] = []
        phrases = [phrase] if phrase is not None else self.phrases
        stories = (story, "chorus") if story == "outro" else (story,)  # an outro says the hook
        fewest = min(self.sung.values())
        for p in phrases:
            acts, deeds = self.doings.get(p.text, ((), ()))
            found = [
                (t, p)
                for part in stories
                for t in story_for(
                    end,
                    part,
                    p.kind,
                    bool(self.subject.action),
                    acts=bool(acts),
                    deeds=bool(deeds),
                )
                if (
                    t.refers
                    if role == REFER
                    else t.needs_subject or (t.needs_action and p is not self.lead)
                )
                and not (end in p.words or end == p.head)
                and (not t.needs_parts or bool(self.parts.get(p.text)))
                and (not t.ends_on_part or end in self.parts.get(p.text, ()))
                and not (is_plural(end) and _singular_end(t))
                and not (p.plural and "{s}" in t.text)  # "the stars shine": no "{s}"
            ]
            weight = 1 if phrase is not None else 3 if self.sung[p.text] == fewest else 1
            out += found * (weight + (2 if p is self.lead and phrase is None else 0))
        return tuple(out)

    def line(
        self,
        end: str,
        target: int,
        section: str,
        role: str = SUBJECT,
        phrase: NounPhrase | None = None,
        title: str = "",
        story: str | None = None,
        pool: tuple[Template, ...] | None = None,
    ) -> str:
        """The best-fitting line ending on `end` for its role: one that sings `phrase` (or
        any phrase), one that speaks of the lead without naming it, or a scene of the
        subject's world; then templates suited to the word and section, any template for
        the word when none of those comes within a syllable. Fresh templates win over ones
        the song used."""
        self.moody = role == MOOD
        groups: list[tuple[tuple[Template, NounPhrase | None], ...]] = (
            [
                tuple((t, None) for t in templates_for(end, None, pool)),
                tuple((t, None) for t in pool),
            ]
            if pool is not None
            else self.candidates(end, section, role, phrase, story)
        )
        found = self._sample(groups, end, target, title)
        if role == SUBJECT and phrase is not None and not _sings(found, phrase):
            # The line must name its phrase: with the short name ("the keeper" for "the
            # lighthouse keeper") more of the phrase's templates fit.
            self.short_names = True
            retry = self._sample(
                self.candidates(end, section, role, phrase, story)[:2], end, target, title
            )
            self.short_names = False
            found = retry if retry is not None else found
        if found is None:  # sampling found nothing within a syllable: search
            best = self.closest(end, target, pool or TEMPLATES, title)
        else:
            best, template, chosen = found
            self.template_uses[template.text] = self.template_uses.get(template.text, 0) + 1
            closing = _closing(template.text)
            if closing:
                self.closings[closing] = self.closings.get(closing, 0) + 1
            self.section_templates.add(template.text)
            if chosen is not None and template.needs_subject:
                self.sung[chosen.text] += 1
        self.used_lines.add(best.lower())
        return best

    def _sample(
        self,
        groups: list[tuple[tuple[Template, NounPhrase | None], ...]],
        end: str,
        target: int,
        title: str,
    ) -> tuple[str, Template, NounPhrase | None] | None:
        """The best line from the first group that has one within a syllable of `target`:
        (text, its template, the phrase it sings)."""
        best: tuple[str, Template, NounPhrase | None] | None = None
        best_score = 99.0
        for candidates, picky in ((c, p) for c in groups if c for p in (True, False)):
            for _ in range(60):
                template, chosen = self.rng.choice(candidates)
                if picky and self.shunned(template):
                    continue
                prefix = self.rng.choice(PREFIXES)
                body = self.fill(template, end, title, chosen)
                if body is None:
                    continue
                text = _capitalise(prefix + body)
                gap = abs(line_syllables(text) - target)
                if (
                    text.lower() in self.used_lines
                    or gap > 1
                    or (not title and self.retells(text))
                    or _repeats_end(text)
                    or _AWKWARD.search(text.lower())
                    or template.text in self.section_templates
                    or not self.true_to_life((text,))
                    or (self.mourning and self.names_mourned(text) and not _past(text))
                ):
                    continue
                score = (
                    _GAP_COST * gap
                    + 0.6 * len(prefix.split())
                    + 1.2 * self.template_uses.get(template.text, 0)
                    + _CLOSING_COST * self.closings.get(_closing(template.text), 0)
                    + (_VERBLESS_COST if _VERBLESS.search(template.text) else 0.0)
                    - (_SECTION_BONUS if len(template.sections) <= 2 else 0.0)
                    + self.taste(template)
                    - (_MOOD_BONUS if self.mood_adjectives and "{adj}" in template.text else 0.0)
                    - (_RICH_BONUS if _RICH_SLOTS.intersection(_slots(template.text)) else 0.0)
                )
                if score < best_score:
                    best, best_score = (text, template, chosen), score
                if score <= -_SECTION_BONUS + 0.1:
                    break
            if best is not None:
                return best
        return None

    def retells(self, line: str) -> bool:
        """Whether a line sings the situation's verb outside the situation's own lines ("In
        the river I found the well" for "a bicycle found by the river"): what happens is
        told where the story tells it, not again by chance."""
        verb = self.situation_verb
        return bool(verb) and verb in re.findall(r"[a-z']+", line.lower())

    def closest(self, end: str, target: int, pool: tuple[Template, ...], title: str) -> str:
        """Every template and padding for `end`, suitable templates first: the closest fit."""
        ordered = templates_for(end, None, pool) + pool
        best, best_gap = "", 99
        spare = ""  # a line that breaks a rule, for when nothing keeps them all
        for template in ordered:
            for prefix in dict.fromkeys(PREFIXES):
                for _ in range(3):
                    body = self.fill(template, end, title)
                    if body is None:
                        break
                    text = _capitalise(prefix + body)
                    gap = abs(line_syllables(text) - target)
                    if text.lower() in self.used_lines or _repeats_end(text):
                        spare = spare or text
                        continue
                    gap += 2 * bool(_AWKWARD.search(text.lower()))
                    if gap < best_gap:
                        best, best_gap = text, gap
                    if gap == 0:
                        return best
        return best or spare or end

    # -- sections ----------------------------------------------------------------------------
    def roles(self, count: int, section: str) -> list[tuple[str, NounPhrase | None]]:
        """What each line of a verse, pre-chorus or bridge sings: about half of them the
        subject (the lead phrase first, then the phrase sung least), the rest its world."""
        if count <= 1:
            return [(SUBJECT, self.lead)]
        share = self.rng.uniform(0.4, 0.6)
        named = min(count - 1, max(1, round(count * share)))
        if section == "prechorus" and self.rng.random() < 0.5:
            named = 0  # half the pre-choruses build in the subject's world alone
        at = set(self.rng.sample(range(count), named))
        planned = dict(self.sung)
        out: list[tuple[str, NounPhrase | None]] = []
        first = True
        refer_left = 1 if section == "verse" else 0
        mood_left = 1 if self.mood_adjectives else 0
        for i in range(count):
            if i in at:
                phrase = self.lead if first else self.least_sung(planned)
                planned[phrase.text] += 1
                out.append((SUBJECT, phrase))
                first = False
            elif refer_left and not first and self.rng.random() < 0.5:
                out.append((REFER, self.lead))
                refer_left -= 1
            elif mood_left:
                out.append((MOOD, None))
                mood_left -= 1
            else:
                out.append((SCENE_LINE, None))
        return out

    def subject_roles(self, count: int) -> list[tuple[str, NounPhrase | None]]:
        """`count` lines that each name a phrase of the subject: the lead first, then the
        phrase sung least."""
        planned = dict(self.sung)
        out: list[tuple[str, NounPhrase | None]] = []
        for i in range(count):
            phrase = self.lead if i == 0 else self.least_sung(planned)
            planned[phrase.text] += 1
            out.append((SUBJECT, phrase))
        return out

    def least_sung(self, counts: dict[str, int]) -> NounPhrase:
        """The phrase sung least so far, the lead when it ties (every part of the subject
        gets sung, the lead most)."""
        return min(self.phrases, key=lambda p: (counts[p.text], p is not self.lead))

    def stanza(self, count: int, target: int, scheme: str, section: str) -> list[str]:
        told = self.tell_facts(count, target, section) if not self.telling else []
        if told:
            if len(told) == count:
                self.verse_count += section == "verse"
                return told
            self.telling = True
            try:
                return told + self.stanza(count - len(told), target, scheme, section)
            finally:
                self.telling = False
        return self._stanza(count, target, scheme, section)

    def refrain(self, chorus: list[str]) -> list[str]:
        """A story's chorus sings its last fact of two lines in place of the world's couplet
        after the hook ("Twenty years later he mailed it back to her / Folded inside a
        letter"): the point of the story, where a couplet of the lead's world sang another
        song's. Only where three facts or more leave the verses theirs."""
        if not self.story or len(self.facts) < 3 or len(chorus) < 4:
            return chorus
        if not (chorus[1] in self.whole_lines and chorus[2] in self.whole_lines):
            return chorus
        fact = next((f for f in reversed(self.facts) if len(f.lines) == 2), None)
        if fact is None:
            return chorus
        self.facts.remove(fact)
        ends = {last_word(chorus[1]), last_word(chorus[2])}
        self.pairs = [p for p in self.pairs if set(p) != ends]
        for line in fact.lines:
            self.whole_lines.add(line)  # sung whole: the last chorus does not lift it
            self.used_lines.add(line.lower())
        return [chorus[0], *fact.lines, *chorus[3:]]

    def tell_facts(self, count: int, target: int, section: str) -> list[str]:
        """The lines of the prompt's next facts a stanza of `count` lines opens on: up to
        all but two lines of a verse (the rest rhyme, in a couplet of the song's world), a
        pre-chorus's whole length, and the last fact in a bridge, where the story turns.
        Empty when none is left or none fits."""
        if not self.facts:
            return []
        if self.lone_fact and self.situation_lines(target, later=self.verse_count > 0):
            return []  # one clause is the situation, told in the writer's own words
        taken: list[str] = []
        if section == "verse":
            # A short verse is the story alone: a rhyme of the world's would crowd it out.
            room = count - 2 if count >= 4 else count
            told: list[Fact] = []
            while self.facts and sum(len(f.lines) for f in told) + len(self.facts[0].lines) <= room:
                told.append(self.facts.pop(0))
            if not told and room == 1:
                # A verse of one line sings the first fact short enough to be one line.
                short = next(
                    ((f, whole) for f in self.facts if (whole := f.one_line()) is not None), None
                )
                if short is not None:
                    self.facts.remove(short[0])
                    told.append(short[1])
            # An odd count would leave a lone template line: a short fact is sung in halves.
            if (room - sum(len(f.lines) for f in told)) % 2:
                halved = next((f for f in reversed(told) if f.halves), None)
                if halved is not None:
                    told[told.index(halved)] = Fact(halved.halves or ())
            taken = [line for f in told for line in f.lines]
            if taken and (room - len(taken)) % 2 and line_syllables(taken[-1]) <= 7:
                # A short line left alone is sung again, as a ballad does: "She never went
                # back / Oh, she never went back".
                taken.append(_sung_again(taken[-1]))
        elif section in {"prechorus", "bridge"}:
            # A pre-chorus sings a fact of its length whole; a bridge turns on the last
            # fact beside a couplet of its own.
            fact = self.facts[0] if section == "prechorus" else self.facts[-1]
            spare = len(self.facts) > self.verses - self.verse_count  # each verse tells one
            if spare and len(fact.lines) == (count if section == "prechorus" else count - 2):
                self.facts.remove(fact)
                taken = list(fact.lines)
        for line in taken:
            self.used_lines.add(line.lower())
            self.used_ends.add(last_word(line))
            for phrase in self.phrases:
                if _names(line, phrase):
                    self.sung[phrase.text] += 1
        return taken

    def _stanza(self, count: int, target: int, scheme: str, section: str) -> list[str]:
        self.section_templates.clear()
        if section in _COUPLET_PARTS:
            scheme = "AABB"  # a couplet's two lines are sung together
        story = section
        if section == "verse":
            story = SCENE if self.verse_count == 0 else LATER
            self.verse_count += 1
        ends: list[str] = []
        while len(ends) < count:
            # Lines end on the subject's and its world's words first; plain words only
            # complete a rhyme. Verses end on things one can see before feelings.
            prefer = self.prefer()
            verse = section == "verse"
            a, b = self.pair(prefer=prefer, concrete=verse)
            if scheme == "ABAB" and count - len(ends) >= 4:
                c, d = self.pair(prefer=prefer, concrete=verse)
                ends += [a, c, b, d]
                self.pairs += [(a, b), (c, d)]
            else:
                ends += [a, b]
                self.pairs.append((a, b))
        if len(ends) > count:  # an odd count: the last line stands unrhymed
            dropped = ends[count:]
            ends = ends[:count]
            self.pairs = [p for p in self.pairs if not set(p) & set(dropped)]
        written = self.place_couplets(ends, target, section)
        free = [i for i in range(count) if i not in written]
        roles: list[tuple[str, NounPhrase | None]] = [(COUPLET, None)] * count
        # Beside a couplet of the song's world, the other lines tell of the subject: a
        # line of imagery made from a template is the weakest line a verse can have.
        planned = self.roles(len(free), section) if not written else self.subject_roles(len(free))
        if written and self.mood_adjectives and not self.mood_said and len(planned) >= 2:
            # Once a song, a line says its mood ("the lonely hall"), in place of a line
            # that names no phrase still unsung: a happy song in Havana still names it.
            free_roles = [j for j, (_, p) in enumerate(planned) if not self.awaits(p)]
            if free_roles:
                planned[free_roles[-1]] = (MOOD, None)
                self.mood_said = True
        for i, role in zip(free, planned, strict=True):
            roles[i] = role
        verse = section == "verse" and not self.telling
        told = self.tell_situation(ends, target) if verse else None
        if told is not None:
            self.make_room(roles, told[0])
        lines = [
            told[1]
            if told is not None and i == told[0]
            else written[i]
            if i in written
            else self.line(end, target, section, role, phrase, story=story)
            for i, (end, (role, phrase)) in enumerate(zip(ends, roles, strict=True))
        ]
        if told is not None:
            # The situation is told in the tense the rest of its verse is in.
            others = [line for i, line in enumerate(lines) if i != told[0]]
            if written:  # a couplet written whole sets its verse's tense
                others = list(written.values())
            past = sum(_past(line) for line in others) * 2 > len(others)
            if _past(told[1]) != past:
                retold = self.situation_line(target, later=self.verse_count > 1, past=past)
                if retold is not None and _past(retold) == past:
                    lines[told[0]] = retold
                    self.used_lines.add(retold.lower())
            if self.genre and self.genre.sings_twice:
                self.echo(lines, told[0], written)
        return lines

    def echo(self, lines: list[str], at: int, written: dict[int, str]) -> None:
        """The situation's line at `at` sung twice, as a blues sings its trouble ("My truck
        won't start no more / Oh, my truck won't start no more", the AAB of a twelve-bar
        verse), in place of the template line beside it ("The truck stood by the dock")."""
        partner = at + 1 if at == 0 else at - 1
        if not 0 <= partner < len(lines) or partner in written:
            return
        line = lines[at]
        beside = next((p for p in self.pairs if last_word(lines[partner]) in p), None)
        if beside is not None and last_word(line) not in beside:
            return  # the line beside rhymes with another (an ABAB verse)
        said = _capitalise(re.sub(r"^(?:And|Now|Oh,)\s+", "", line))
        if beside is not None:
            self.pairs.remove(beside)
        self.used_lines.discard(lines[partner].lower())
        again = _sung_again(said)
        lines[min(at, partner)], lines[max(at, partner)] = said, again
        self.used_lines |= {said.lower(), again.lower()}

    def place_couplets(self, ends: list[str], target: int, section: str) -> dict[int, str]:
        """Couplets of the song's world written whole in place of rhymed pairs of template
        lines: one a four lines of a verse (a scene in the first, the story moved on in the
        others), all of a pre-chorus (the rise to the chorus) and of a bridge (its turns),
        where the shelves have enough. `ends` and the writer's pairs are changed to the
        couplets' rhymes. Returns the lines by their place in the stanza. The first verse
        keeps its first line and a later one its last for the subject's situation, where
        there is one to tell."""
        parts = _COUPLET_PARTS.get(section)
        if parts is None or len(ends) < 2:
            return {}
        later = section == "verse" and self.verse_count > 1
        # A story the prompt tells keeps its own time: the world's couplets paint its
        # scenes, never years passing ("My daughter has kids in school today" was sung of a
        # daughter starting university).
        part = parts[1] if later and not self.story and not self.one_day else parts[0]
        # Someone the prompt tells of is sung as the prompt has them, not years on: "My mom
        # walks these days with a cane" of a mother at work as a nurse, "Sam wants quiet
        # nights these days" of a boy turning seven. "A song about my dad" tells nothing
        # that the years could contradict.
        told = bool(self.one_day or self.subject.situation or self.facts or len(self.phrases) > 1)
        own_part = parts[0] if self.lead_kind == "being" and told else part
        # The first verse keeps its first line and a later one its last for the situation,
        # where the subject has one to tell.
        keep: set[int] = set()
        if section == "verse" and not self.telling and self.situation_lines(target, later=later):
            keep = {len(ends) - 1} if later else {0}
        room = [
            i
            for i in range(len(ends) - 1)
            if not {i, i + 1} & keep and self._rhymed(ends[i], ends[i + 1])
        ]
        self.rng.shuffle(room)
        written: dict[int, str] = {}
        opened_in_idiom = False
        wanted = len(ends) // 2 if section in _ALL_COUPLETS else max(1, len(ends) // 4)
        for i in room:
            if {i, i + 1} & set(written):
                continue
            naming = None
            couplet = None
            if len(written) >= 2 * wanted:
                if section != "verse":
                    break
                if self.mood_adjectives and not self.mood_said and not self.themed:
                    # Once a song, a verse says its mood: of its lead, in a couplet written
                    # to name it ("The lonely keeper climbs the stair"), else in a line of
                    # the verse's own ("the lonely hall").
                    if self.lead_kind and self.all_sung():
                        couplet = self.couplet(own_part, target, kind=self.lead_kind, felt=True)
                        # Else what the singer says of the felt lead ("I can't get my
                        # restless landlord off my mind") before a template line's mood
                        # ("The street was restless in the chill").
                        couplet = couplet or self.couplet(
                            own_part, target, kind=self.lead_kind, felt=True, shelf=ANY_LEAD
                        )
                    if couplet is None and self.verse_count < 2:
                        break  # the first verse's own line says it
                    self.mood_said = couplet is not None
                # A song on a theme alone ("lofi beat") has no subject to name: its
                # verses are its world's couplets.
                # A verse opened in its genre's idiom names the lead already: its world's
                # scene comes next, as it would have first.
                opened = opened_in_idiom and len(written) == 2
                naming = None if self.themed or opened else self.naming(written.values())
            # A bridge's second couplet may tell the story on too: a field has few turns,
            # and songs of one world would share them.
            wider = ("later",) if section == "bridge" and written and not self.one_day else ()
            turn = self.genre_bridge
            if section == "bridge" and not written and turn and turn not in self.fields[:1]:
                couplet = self.couplet(part, target, fields=(turn,))
            if section in ("verse", "prechorus") and not written and self.voice and self.lead_kind:
                # A genre with an idiom of its own opens each verse's lead couplet in it,
                # and its pre-chorus: "Yo, the warehouse job had me up since four", "Woke up
                # with my truck on my mind", "Count it in, my landlord is loud".
                couplet = self.couplet(
                    own_part, target, kind=self.lead_kind, shelf=ANY_LEAD, voiced=True
                )
                opened_in_idiom = couplet is not None
            if couplet is None and naming is None and section == "verse" and not self.all_sung():
                # A phrase of the prompt not sung yet ("the beach" a kite flies on) is
                # named by a couplet of its world where one does, which leaves the verse's
                # other lines to the lead.
                couplet = self.couplet(part, target, naming=self.unsung_forms())
                couplet = couplet or self.phrase_couplet(part, target)
            couplet = couplet or self.couplet(part, target, *wider, naming=naming)
            # A verse whose world has no couplet left (the chorus sang the office's few)
            # still names its lead in lines written whole.
            unnamed = naming == self.lead_forms or (
                naming is None and section == "verse" and not self.themed and not written
            )
            if couplet is None and unnamed and self.lead_kind:
                # A couplet written to name a lead of its kind: the verse says what the
                # song is about in lines written whole, not in a template's. While another
                # phrase of the prompt is unsung ("my father" in "an old photograph of my
                # father", "the night shift"), the template lines name it.
                couplet = self.couplet(own_part, target, kind=self.lead_kind)
                # A lead its world writes nothing for (an office job, an amplifier), or
                # whose world's couplets are all sung, is named by what the singer says of
                # it, true in any world ("I can't get the office job off my mind"), before
                # two template lines that would put it beside a rhyme ("The office job sat
                # by the lamp").
                couplet = couplet or self.couplet(
                    own_part, target, kind=self.lead_kind, shelf=ANY_LEAD
                )
            if couplet is None:
                break
            ends[i], ends[i + 1] = self.sing_couplet(couplet, {ends[i], ends[i + 1]})
            written[i], written[i + 1] = couplet.lines
        return written

    def owner_unsung(self) -> bool:
        """Whether the lead is someone's ("my aunt's bakery") and no line has said whose."""
        owners = {w.lower().removesuffix("'s") for w in self.lead.words if w.endswith("'s")}
        sung = {w for line in self.used_lines for w in re.findall(r"[a-z]+", line)}
        return bool(owners - sung)

    def with_world_noun(self, couplet: Couplet, target: int) -> Couplet | None:
        """`couplet` with a thing or a place of the lead's world in its {N} ("I see the
        shelf and drift away" for a library), one no line has ended on, that keeps its line
        within a syllable of `target`; None when the song has no world or none fits."""
        if self.lead_world is None:
            return None
        nouns = [
            noun
            for noun, cls in self.lead_world.nouns
            if cls in ("thing", "place")
            and noun not in MASS
            and noun not in self.used_ends
            and noun not in self.opposed
            and " " not in noun
        ]
        self.rng.shuffle(nouns)
        for noun in nouns:
            lines = tuple(line.replace(WORLD_NOUN, noun) for line in couplet.lines)
            if all(abs(line_syllables(line) - target) <= 1 for line in lines):
                return replace(couplet, lines=(lines[0], lines[1]))
        return None

    def only_setting(self, lines: Iterable[str]) -> bool:
        """Whether `lines` name a setting of the subject's (the train, the rain) and not
        its lead."""
        lines = list(lines)
        return _says(lines, self.setting_forms) and not _says(lines, self.lead_forms)

    def naming(self, sung: Iterable[str]) -> frozenset[str]:
        """The words a verse's next couplet must name, past its share of the world: the
        lead's where the verse has not named it, else those of the phrase sung least that is
        no setting. A
        couplet that names the subject ("The light runs on a timer now / No keeper climbs
        to show it how") tells of it better than a line made from a template and a rhyme."""
        if not _says(sung, self.lead_forms):
            return self.lead_forms
        # A setting ("the train" an umbrella was left on) has its world's couplets already;
        # naming it again would sing it as much as the lead.
        told = [p for p in self.phrases if p.role != SETTING]
        return _forms(min(told, key=lambda p: (self.sung[p.text], p is not self.lead)))

    def _rhymed(self, a: str, b: str) -> bool:
        """Whether the writer paired `a` and `b` as a rhyme."""
        return (a, b) in self.pairs or (b, a) in self.pairs

    def sing_couplet(
        self, couplet: Couplet, replaced: set[str], *, free: bool = True
    ) -> tuple[str, str]:
        """Take `couplet` in place of lines that were to end on `replaced`: their rhyme
        pairs go, the couplet's come; its lines and endings are the song's. `free`: the
        replaced endings may end other lines; a chorus keeps them taken, since the verses
        are written after it and around its words. Returns the couplet's two last words."""
        self.pairs = [p for p in self.pairs if not set(p) & replaced]
        if free:
            self.used_ends -= replaced
        ends = (last_word(couplet.lines[0]), last_word(couplet.lines[1]))
        self.pairs.append(ends)
        self.used_ends |= set(ends)
        self.used_lines |= {line.lower() for line in couplet.lines}
        self.whole_lines |= set(couplet.lines)
        for phrase in self.phrases:  # the phrases it names are sung
            self.sung[phrase.text] += sum(_says((line,), _forms(phrase)) for line in couplet.lines)
        return ends

    def couplet(
        self,
        part: str,
        target: int,
        *others: str,
        fields: tuple[Field, ...] | None = None,
        naming: frozenset[str] | None = None,
        kind: str = "",
        felt: bool = False,
        phrase: NounPhrase | None = None,
        shelf: str = "",
        voiced: bool = False,
    ) -> Couplet | None:
        """An unused couplet of the song's fields for `part` of the story ("scene", "later",
        "turn") whose lines are within a syllable of `target`, whose rhymes the song has not
        sung, with no word the prompt used for its music and no adjective against its mood.
        Drawn with the lead's fields likelier than the others and couplets that name the
        subject's world likelier than those that do not: songs of one world share few.
        `naming`: only a couplet that says one of these names (a phrase's forms). `kind`:
        only a couplet written to name a lead of this kind ({L}), filled with the lead's
        name; `felt`: with one of the mood's adjectives before it ("the lonely keeper");
        `phrase`: naming that phrase of the subject instead of the lead. `shelf`: from that
        shelf alone (`ANY_LEAD`), not from the song's fields; `voiced`: only its couplets in
        the idiom of the song's genre (hip hop's, the blues')."""
        drawn: list[tuple[Couplet, frozenset[str], float]] = []
        names = [shelf] if shelf else [f.name for f in (self.fields if fields is None else fields)]
        # Until a line has said whose the lead is, a couplet for any lead says it whole.
        whole = bool(shelf) and phrase is None and not felt and self.owner_unsung()
        for rank, name in enumerate(names):
            for c in (
                c
                for p in (part, *others)
                for c in couplets_for(
                    name, p, self.shade, self.worlds, kind, self.voice if voiced else None
                )
            ):
                if kind:
                    named = self.name_lead(c, target, felt=felt, phrase=phrase, whole=whole)
                    if named is not None and WORLD_NOUN in " ".join(named.lines):
                        named = self.with_world_noun(named, target)
                    if named is None:
                        continue
                    c = named
                words = frozenset(re.findall(r"[a-z']+", " ".join(c.lines).lower()))
                if (
                    # A field after the lead's is sung where it meets the subject: its
                    # couplet names the subject or the lead's world ("the barn door
                    # creaks" is a farm's, not a vineyard's harvest). A couplet that names
                    # the lead by construction counts only its own words.
                    (rank > 0 and phrase is None and not (words - self.lead_words) & self.own_world)
                    or any(abs(line_syllables(line) - target) > 1 for line in c.lines)
                    or {last_word(line) for line in c.lines} & self.used_ends
                    or {line.lower() for line in c.lines} & self.used_lines
                    or words & (self.subject.unsung | self.opposed)
                    or (naming is not None and not _says(c.lines, naming))
                ):
                    continue
                # Couplets of the asked part first; the others widen a short line's choice.
                own = 1.0 if c.part == part else 0.5
                # Naming the world at all counts, not how many of its words: a couplet
                # that lists three would be in every song of its world.
                told = bool(words & self.world_words)
                # A couplet that names where the song happens and not what it is about
                # ("run to catch the last train" for an umbrella left on one) would sing
                # the setting as much as the lead.
                placed = _SETTING_SHARE if self.only_setting(c.lines) else 1.0
                # The world within its field the prompt chose (the heist, not the tables)
                # is what the song is about.
                chosen = 3.0 if c.world else 1.0
                # A sad song sings the couplets written for sad songs before the plain
                # ones, which fit any song: else a blues song about a truck was a jaunt.
                shaded = _SHADE_WEIGHT if c.mood and c.mood == self.shade else 1.0
                weight = own * placed * chosen * shaded * (1 + 4 * told) / (rank + 1) ** _RANK_FALL
                drawn.append((c, words, weight))
        # A field the prompt's words do not name ("memory" a ballad lends, "home" for a
        # thing no field knows) has rooms and drawers of its own: a song whose subject's
        # world has a couplet that fits sings that one ("a box of letters in the drawer"
        # was sung for a dog chasing waves). Then, where some couplets name things of the
        # subject's world, one of them is sung.
        # A rise is sung once and builds more than it names: its few couplets a field has
        # are all drawn from, or songs of one world would share them.
        drawn = [d for d in drawn if d[0].field not in self.borrowed] or drawn
        if shelf and self.mood != "angry":
            # What the singer says of any lead in anger ("I'll fight my landlord every day")
            # is for an angry song: a sad one is dim too.
            drawn = [d for d in drawn if not d[1] & _ANGER]
        if self.mourning:
            drawn = [d for d in drawn if d[0].mood == "dim"] or drawn
        if self.colours:
            # "my dad's rusty red pickup" is sung no "old blue truck".
            drawn = [d for d in drawn if not self.recoloured(d[0].lines)]
        if self.others_day:
            pronouns = _WE if self.lead.head.lower() in _COUPLES else _FOR_ME
            drawn = [d for d in drawn if not d[1] & pronouns]
        # A couplet is written for the world, not for the story: a song that mourns a
        # grandmother sings none where she "still bakes bread", and a song for one alive
        # none at her grave. Not even where nothing else fits. The years after a death are
        # not the dead's either: a couplet that moves its lead
        # on in time tells of the loss ("Since my grandpa went, the house is still"), not
        # of a life going on ("My grandpa moved to a smaller place").
        drawn = [
            d
            for d in drawn
            if self.true_to_life(d[0].lines)
            and (
                not (self.mourning and d[0].part == "later" and d[0].kind)
                or presumes_gone(d[0].lines)
            )
        ]
        if self.mood == "angry":
            # A dim couplet grieves as often as it rages: an angry song sings the ones that
            # say the anger ("I've had a year to learn to hate") where there are any.
            raging = [d for d in drawn if d[1] & _ANGER]
            # A world whose couplets say no anger (an office) borrows one of the anger's own
            # for the bridge's turn: else an angry song about a boss admired him. The other
            # turn is the world's (a fast food job's bridge still tells of the job).
            if (
                not raging
                and fields is None
                and not kind
                and part in _RAGING_PARTS
                and not self.raged
                and (borrowed := self.couplet(part, target, fields=(BY_NAME["anger"],)))
            ):
                self.raged = True
                return borrowed
            drawn = raging or drawn
        # A world whose people its couplets call "they" (parents, grandparents) is sung of
        # one of them ("my dad") in words that say "they" only where no others fit.
        if self.one_of_many:
            drawn = [d for d in drawn if not d[1] & _THEY] or drawn
        drawn = [d for d in drawn if d[0].part == "rise" or d[1] & self.world_words] or drawn
        if not drawn:
            return None
        return self.rng.choices([d[0] for d in drawn], weights=[d[2] for d in drawn])[0]

    def true_to_life(self, lines: tuple[str, ...]) -> bool:
        """False for lines that sing someone alive in a song that mourns them (the lead,
        or whoever the song's people are: "my mom" of "my mom's funeral"), or a living lead
        dead."""
        if self.mourning:
            # "He misses you" may be said of the one left behind; "My dog lies by the
            # empty chair" is said of the dog.
            if presumes_alive(lines, self.mourned, pronouns=False):
                return False
            return presumes_gone(lines) or not presumes_alive(lines, self.mourned)
        return self.lead_kind != "being" or not presumes_dead(lines)

    def recoloured(self, lines: Iterable[str]) -> bool:
        """Whether `lines` give the lead another colour than the prompt's ("the old blue
        truck" for a red one)."""
        head = self.lead.head.lower()
        for line in lines:
            words = re.findall(r"[a-z]+", line.lower())
            for i, word in enumerate(words):
                near = {singular(w) for w in words[i + 1 : i + 3]}
                if word in _COLOUR_WORDS and word not in self.colours and head in near:
                    return True
        return False

    def names_mourned(self, line: str) -> bool:
        """Whether `line` names someone the song mourns: a line made from a template that
        does is sung in the past ("I'll sit with my father by the car" was sung of a
        father who died)."""
        return bool(self.mourned & set(re.findall(r"[a-z']+", line.lower())))

    def phrase_couplet(self, part: str, target: int) -> Couplet | None:
        """A couplet written to name a place or a being, naming a phrase of the subject
        other than the lead that no line has sung yet: a setting ("The hospital is quiet
        after ten"), whose the lead is ("My grandmother bakes bread each day" for her
        kitchen), who is with it. Only from the fields the phrase's own words name, whose
        couplets were written for such a one; None when there is none."""
        for p in self.unsung():
            if p.kind not in ("being", "place") or (p.kind == "being" and p.proper):
                continue
            described = [(p.head.lower(), [w.lower() for w in p.words], p.kind)]
            own = fields_for(described, limit=2, kinds=False)
            if own:
                # A field writes few couplets for each kind: a scene may borrow a later
                # one ("We buried my grandmother last spring") before a template names her.
                wider = {"scene": ("later",), "later": ("scene",)}.get(part, ())
                if self.story:
                    wider = ()  # a story keeps its own time (see place_couplets)
                found = self.couplet(part, target, *wider, fields=own, kind=p.kind, phrase=p)
                if found is not None:
                    return found
        return None

    def name_lead(
        self,
        couplet: Couplet,
        target: int,
        *,
        felt: bool = False,
        phrase: NounPhrase | None = None,
        whole: bool = False,
    ) -> Couplet | None:
        """`couplet` with the lead's name in its {L} (or `phrase`'s), by the longest name
        that keeps both lines within a syllable of `target` (`felt`: a name with a mood's
        adjective, "the lonely keeper"; `whole`: by its whole name only, "my aunt's bakery",
        not "her bakery"); None when none does."""
        named = phrase or self.lead
        if phrase is not None:
            names = _names_of(phrase)
        else:
            names = self.felt_names() if felt else self.lead_names()
        if whole:
            names = names[:1]
        for name in names:
            lines = couplet.naming(name, plural=named.plural)
            if all(abs(line_syllables(line) - target) <= 1 for line in lines):
                return replace(couplet, lines=lines)
        return None

    def make_room(self, roles: list[tuple[str, NounPhrase | None]], at: int) -> None:
        """The situation's line names the subject, so it takes the place of a line planned
        to (the verse keeps its share of scene lines); one that does not name the lead ("I
        was dancing in the kitchen", for "my family") leaves the lead to another."""
        named = [i for i, (role, _) in enumerate(roles) if role == SUBJECT and i != at]
        # A line planned for a phrase no other line names (the city it happens in) keeps
        # its place: the situation takes a line of the lead's or of none.
        movable = [i for i in named if not self.awaits(roles[i][1])]
        if roles[at][0] != SUBJECT and movable:
            other = movable[0] if at == 0 else movable[-1]
            roles[at], roles[other] = roles[other], roles[at]
            named = [i for i, (role, _) in enumerate(roles) if role == SUBJECT and i != at]
        sings_lead = _names(self.subject.situation, self.lead)
        if self.subject.actor and roles[at][1] is self.lead and named and not sings_lead:
            roles[named[0]] = (SUBJECT, self.lead)

    def tell_situation(self, ends: list[str], target: int) -> tuple[int, str] | None:
        """The first verse opens on what happens to the lead ("The farmer is praying for
        rain") and the second ends on it going on ("The farmer is still praying for rain"):
        the line's place in the stanza and the line, its rhyme put in `ends` and the
        writer's pairs; None when the verse has no such line."""
        later = self.verse_count > 1
        if self.verse_count > 2 or len(ends) < 2:
            return None
        line = self.situation_line(target, later=later)
        if line is None:
            return None
        at = len(ends) - 1 if later else 0
        end = last_word(line)
        pair = next((p for p in self.pairs if ends[at] in p), None)
        if pair is None:
            return None  # an odd verse's unrhymed last line: open the next verse instead
        other = ends.index(pair[1] if pair[0] == ends[at] else pair[0])
        partner = self.partner(end, self.used_ends | {end, *ends})
        self.pairs.remove(pair)
        if partner is not None:
            self.pairs.append((end, partner) if at < other else (partner, end))
            self.used_ends.add(partner)
            ends[other] = partner
        # else the pair's other line stands unrhymed, as in an ABCB verse: the prompt's
        # own words ("waiting at the station") matter more than a rhyme.
        self.used_ends.add(end)
        ends[at] = end
        if not self.subject.actor:
            self.sung[self.lead.text] += 1
        self.used_lines.add(line.lower())
        return at, line

    def situation_line(self, target: int, *, later: bool, past: bool | None = None) -> str | None:
        """The subject's situation sung as a sentence about the lead within a syllable of
        `target`, or None when the prompt has none or no wording fits."""
        fitting = self.situation_lines(target, later=later)
        if past is not None:
            fitting = [line for line in fitting if _past(line) == past] or fitting
        return self.rng.choice(fitting) if fitting else None

    def situation_lines(self, target: int, *, later: bool) -> list[str]:
        """Every wording of the situation `situation_line` may sing, none sung yet."""
        situation, voice = self.subject.situation, self.subject.voice
        if not situation:
            return []
        if later and (voice == UNDERGOING or _once(situation.split()[0])):
            # What happened once does not go on: no "still left at a rest stop", no "I'm
            # still quitting the factory job".
            return []
        lead = self.lead
        actor = self.subject.actor
        names = dict.fromkeys([lead.definite(), lead.definite(short=True)])
        if not lead.proper:  # "the boat" when "the paper boat" leaves no room for a tense
            head = lead.words[-1]
            names[f"{lead.possessive or lead.owner or 'the'} {head}"] = None
        be, was = lead.be, lead.was
        # "The dog's still waiting": a short "is" where the name does not end on an s.
        short_be = "" if lead.plural or lead.text.endswith("s") else "{L}'s"
        if actor:
            names = {actor: None}
            be, was = _PERSONAL_BE[actor]
            short_be = {"I": "I'm", "we": "we're", "you": "you're"}[actor]
        if voice == ACTING:
            forms = (
                # "Now still paying off my student loan" has lost who is.
                [f"{{L}} {be} still {situation}"]
                if later
                else [f"{{L}} {be} {situation}", f"{{L}} {was} {situation}"]
            )
            if short_be:
                forms.append(f"{short_be} {'still ' if later else ''}{situation}")
        elif voice == UNDERGOING:
            forms = [f"{{L}} {lead.was} {situation}"]
        elif voice == RELATIVE and (not later or situation.split()[0].endswith("s")):
            # A present verb goes on ("still waits for a letter"); a past one was once.
            forms = [f"{{L}} still {situation}" if later else f"{{L}} {situation}"]
        else:
            return []
        fitting = [
            _capitalise(f"{prefix}{form.replace('{L}', name)}")
            for form in forms
            for name in names
            for prefix in ("", "And ", "Now ", "Oh, ")
        ]
        if voice == RELATIVE and situation.split()[0].endswith("s"):
            # What someone does in the present they do as a habit: a situation too short
            # for a line says how often ("My dog steals socks all the time").
            fitting += [
                _capitalise(f"{form.replace('{L}', name)} {often}")
                for form in forms
                for name in names
                for often in _HABITUALLY
            ]
        return [
            line
            for line in fitting
            if abs(line_syllables(line) - target) <= 1 and line.lower() not in self.used_lines
        ]

    def hook_line(self, title: str, target: int) -> tuple[str, str | None]:
        """The chorus's first line: the title, fitted out to the target when it is short."""
        self.section_templates.clear()
        if line_syllables(title) >= target - 1:
            return title, None
        # A title that names the lead is sung twice; one that does not ("Moving Out" for an
        # apartment, a theme's "Endless Light") leaves the lead or the scene to its tail.
        chant = _chant(title, target) if not self.themed and _names(title, self.lead) else None
        lead = self.lead
        if chant is None and lead.proper and lead.called and title == lead.text:
            # A one-syllable name is chanted with what it names: "My Dog Max, My Dog Max".
            called = " ".join(w.capitalize() for w in lead.called.split())
            chant = _chant(f"{(lead.owner or 'the').capitalize()} {called} {title}", target)
        if chant is not None:
            return chant, None
        # The shortest tail is ", the {end}": an ending longer than the room left is skipped.
        room = max(1, target + 1 - line_syllables(title) - 1)
        words = re.findall(r"[a-z']+", title.lower())
        # No ending the title already says, nor one it begins a word with ("rainy", "rain").
        avoid = {w for w in self.endings if any(t.startswith(w) for t in words)}
        avoid |= {w for w in self.endings if line_syllables(w) > room}
        end, partner = self.pair(prefer=self.prefer(), avoid=avoid)
        self.used_ends.discard(partner)
        return self.line(end, target, "chorus", title=title, pool=HOOK_TAILS), end

    def chorus(self, title: str, count: int, target: int) -> list[str]:
        """The hook, then lines that name the lead at least twice in all, and one scene."""
        first, end = self.hook_line(title, target)
        lines = [first]
        ends: list[str] = []
        if end is not None:
            partner = self.partner(end, self.used_ends | {end})
            if partner:
                ends.append(partner)
                self.pairs.append((end, partner))
                self.used_ends |= {end, partner}
        while len(ends) < count - 1:
            a, b = self.pair(prefer=self.prefer())
            ends += [a, b]
            self.pairs.append((a, b))
        if len(ends) > count - 1:
            gone = set(ends[count - 1 :])
            ends = ends[: count - 1]
            self.pairs = [p for p in self.pairs if not set(p) & gone]
        # A chant ("Roulette Table, Roulette Table") comes back whole, like a title that
        # fills its line.
        hook = first if end is None else title
        returns = self.hook_return(hook, ends, target)
        if returns:
            ends = ends[:-1]
        named = _names(first, self.lead) + bool(returns and _names(hook, self.lead))
        # The couplet takes two lines only where the others can still name the lead
        # twice in the chorus with the hook.
        if self.themed:
            named = 2  # a song on a theme has no lead to name
        written = self.chorus_couplet(ends, target) if len(ends) - 2 >= 2 - named else {}
        if written and not returns and self.hook_return(hook, ends, target, beside_couplet=True):
            # Hook, couplet, hook: the title names the lead better than a line made up to
            # rhyme with it ("His fishing boat saved the bread").
            returns = True
            ends = ends[:-1]
            named += 1
        free = len(ends) - len(written)
        need = max(1, 2 - named)
        roles: list[tuple[str, NounPhrase | None]] = [(SUBJECT, self.lead)] * need
        if free > need:
            roles.append((SCENE_LINE, None))
        while len(roles) < free:
            roles.append((SUBJECT, None) if self.rng.random() < 0.5 else (SCENE_LINE, None))
        roles = roles[:free]
        self.rng.shuffle(roles)
        planned = iter(roles)
        for i, end_word in enumerate(ends):
            if i in written:
                lines.append(written[i])
                continue
            role, phrase = next(planned)
            lines.append(self.line(end_word, target, "chorus", role, phrase, story="chorus"))
        return [*lines, hook] if returns else lines

    def chorus_couplet(self, ends: list[str], target: int) -> dict[int, str]:
        """The two lines after the hook sung as a couplet of the song's world that turns its
        story over (what is hoped, feared, asked): a chorus says what the song means, and a
        couplet written whole says it better than two lines of imagery. It takes the place
        of a rhymed pair of `ends` (of both lines before a returning title when they rhyme
        with the hook and the title); the line that rhymes with the hook stays last, so the
        last chorus can lift it. `ends` and the writer's pairs are changed to match; returns
        the lines by their place after the hook."""
        inside = [
            (i, j)
            for i in range(len(ends))
            for j in range(i + 1, len(ends))
            if self._rhymed(ends[i], ends[j])
        ]
        if not inside and len(ends) != 2:
            return {}
        # A chorus's lines are short: scenes widen the few turns that fit (a later couplet
        # tells of change, which a chorus sung three times cannot). Sung three times, it is
        # the lead's own world's where that has one ("coconuts" are an island's, not a
        # lighthouse's).
        couplet = None
        if self.lead_kind and not self.themed:
            # Sung three times, the chorus is what listeners take for the song: a couplet
            # written to name the lead says it is this song's ("My brother races me down
            # the lane"), where one of its world alone was any song's of that world.
            couplet = self.couplet(
                "turn", target, "scene", "rise", fields=self.fields[:1], kind=self.lead_kind
            )
        couplet = couplet or self.couplet("turn", target, "scene", "rise", fields=self.fields[:1])
        couplet = couplet or self.couplet("turn", target, "scene")
        if couplet is None:
            return {}
        given = inside[-1] if inside else (0, 1)
        rest = [e for k, e in enumerate(ends) if k not in given]
        ends[:] = [*self.sing_couplet(couplet, {ends[k] for k in given}, free=False), *rest]
        return {0: couplet.lines[0], 1: couplet.lines[1]}

    def hook_return(
        self, title: str, ends: list[str], target: int, *, beside_couplet: bool = False
    ) -> bool:
        """Whether the chorus ends on its title again, as choruses do ("... / Farmer
        Praying for Rain"): when it has four lines or more and the title is a line's
        length that tells what happens, in place of an unrhymed last line or of a last
        couplet whose first line a word of the song's world can rhyme with the title.
        `beside_couplet`: a couplet of the song's world fills the chorus's middle, so a
        title that only names the lead ("My Grandfather's Old Fishing Boat") comes back
        too. `ends` (the lines after the hook) is changed to match."""
        if len(ends) < 2 or abs(line_syllables(title) - target) > 1:
            return False
        # Only a title that tells something happening bears singing twice; a name ("The
        # Funeral and My Grief") would take the place of a line of the subject's world,
        # unless a couplet has sung that world already.
        told = [self.subject.situation, self.subject.action if " " in self.subject.action else ""]
        story = any(t and t.lower() in title.lower() for t in told)
        if not story and not (beside_couplet and _names(title, self.lead)):
            return False
        end = last_word(title)
        if not end:
            return False
        if not any(ends[-1] in p for p in self.pairs):
            # An odd chorus's last line stands unrhymed: the title's return takes its place
            # and answers the hook line itself.
            ends[-1] = end
            return True
        pair = (ends[-2], ends[-1])
        if len(ends) < 3 or pair not in self.pairs or end in self.used_ends:
            return False
        partner = self.partner(end, self.used_ends | {end, *ends})
        if partner is None:
            return False
        self.pairs.remove(pair)
        self.pairs.append((partner, end))
        self.used_ends |= {partner, end}
        ends[-2:] = [partner, end]
        return True

    def chorus_coda(self, chorus: list[str]) -> str:
        """The line an outro sings after the chorus's hook: a line of the chorus's couplet
        (the one that names the lead, else its last that names no setting alone: "And
        bring us all safely home"), so
        the song ends on words it has sung, not on a line made up to rhyme with the hook;
        "" when the chorus has no couplet."""
        sung = [line for line in chorus if line in self.whole_lines]
        # The couplet's line that names the lead, where one does: the song ends on it; a
        # line that names only the setting ends it last of all.
        naming = [line for line in sung if _says((line,), self.lead_forms)]
        unplaced = [line for line in sung if not self.only_setting((line,))]
        return (naming or unplaced or sung or [""])[-1]

    def lift(self, chorus: list[str], target: int) -> list[str]:
        """The last chorus with its last line sung anew on the same rhyme: a lift. A
        chorus that ends on a couplet is sung as it was: a new line would break it."""
        if chorus[-1] in self.whole_lines:
            return chorus
        end = last_word(chorus[-1])
        if len(chorus) > 1 and chorus[-1] == chorus[0]:
            # A chorus that ends on its title lifts it, not away: the story gone on ("The
            # farmer's still praying for rain") or the title called out.
            told = self.situation_line(target, later=True)
            called = [
                line
                for line in (f"Oh, {chorus[-1]}", f"Yeah, {chorus[-1]}")
                if abs(line_syllables(line) - target) <= 1 and not chorus[-1].startswith("Oh,")
            ]
            keeps_name = told is not None and (
                _names(told, self.lead) or not _names(chorus[-1], self.lead)
            )
            if told is not None and last_word(told) == end and keeps_name:
                return [*chorus[:-1], told]
            if called:
                return [*chorus[:-1], self.rng.choice(called)]
            if chorus[-1].startswith("Oh, ") and ", oh, " not in chorus[-1]:
                return [*chorus[:-1], f"Yeah, {chorus[-1].removeprefix('Oh, ')}"]
            if chorus[1] in self.whole_lines:
                # Hook, couplet, title: a line made up in the title's place would leave the
                # story's words out of the chorus; it is sung as before.
                return chorus
        lifted = self.line(end, target, "chorus", SUBJECT, self.lead, story="chorus")
        if _names(chorus[-1], self.lead) and not _names(lifted, self.lead):
            return chorus  # the lift must not take the lead's name out of the chorus
        return [*chorus[:-1], lifted]


def _sung_again(line: str) -> str:
    """`line` sung a second time after "Oh, " ("Oh, she never went back"): its first word
    loses its capital unless it is "I" or a name."""
    first, _, rest = line.partition(" ")
    if first.lower() in _LOWER_AFTER_OH:
        first = first.lower()
    return f"Oh, {first} {rest}".rstrip()


def _names_of(phrase: NounPhrase) -> list[str]:
    """How a line may name `phrase`, longest first: "the lighthouse keeper", "the keeper"."""
    return list(dict.fromkeys([phrase.definite(), phrase.definite(short=True)]))


def _chant(title: str, target: int) -> str | None:
    """A short title sung twice as the chorus's first line, where that fills it within a
    syllable of `target` ("Lighthouse Keeper, Lighthouse Keeper", "Oh, Waitress, oh,
    Waitress"), or called out once ("Oh, My Ex Who Cheated"): a hook repeats its name, where
    a tail made up to rhyme ("Lighthouse Keeper, down by the door") says nothing. None when
    none of these fills the line."""
    for form in ("{0}, {0}", "Oh, {0}, oh, {0}", "Oh, {0}"):
        line = form.format(title)
        if abs(line_syllables(line) - target) <= 1:
            return line
    return None


def choose_title(
    subject: Subject, themes: list[Theme], rng: random.Random, field: Field | None = None
) -> str:
    """The subject's own name for the song; for a prompt that names no subject, a title made
    from the words of its genre's first world (`field`: "Holy Chapel" for gospel), else of
    its theme (an adjective and a noun: dozens per theme, not a short list)."""
    if subject.title:
        # Feelings go bare in a title too: "Heartbreak and Loneliness".
        return re.sub(
            r"\b[Tt]he (\w+)",
            lambda m: m.group(1) if is_feeling(m.group(1)) else m.group(0),
            subject.title,
        )
    if field is not None and field.adjectives:
        adjective = rng.choice(field.adjectives)
        nouns = [
            noun
            for noun, cls in field.nouns[:8]
            if cls != "heart" and not adjective.startswith(noun)  # not "Dusty Dust"
        ] or ["song"]
        return f"{adjective.title()} {rng.choice(nouns).title()}"
    theme = themes[0]
    return f"{rng.choice(theme.adjectives).title()} {rng.choice(theme.nouns).title()}"


def write_lyrics(
    prompt: str,
    *,
    title: str | None,
    form: list[tuple[str, str, int]],
    seed: int,
    mood_hint: str = "",
    genre: str = "",
) -> LyricsDraft:
    """Lyrics whose sections follow `form` (name, kind, bars): one line per two bars of each
    sung section, in the prompt's language when the writer has it (English, Spanish) and in
    English otherwise, with a notice; a French, German, Italian or Portuguese prompt is
    read into English first, so the lyrics sing its subject. `mood_hint` is the request's
    resolved mood (the engine's mood names, e.g. "sad melancholic", or its tags); its first
    mood word colours the words, else the prompt's own, else the genre's. `genre` is the
    engine style the request chose by a genre word ("punk"), or "" to read the genre from
    the prompt: its worlds and mood (lyricist.genre_words) colour the words. Deterministic
    for a given prompt, title, form, seed, mood and genre."""
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
    if language.code == "en":
        return _write_english(
            prompt, title=title, form=form, seed=seed, mood_hint=mood_hint, genre=genre
        )
    # A French, German, Italian or Portuguese prompt is sung about its own subject, read
    # through a glossary into English; a prompt it cannot read gets a song on its theme.
    english = english_prompt(prompt, language.code)
    draft = _write_english(
        english or prompt,
        title=title,
        form=form,
        seed=seed,
        mood_hint=mood_hint,
        genre=genre,
        foreign=not english,
    )
    understood = [p.text for p in extract_subject(english).phrases] if english else []
    about = f", about: {', '.join(dict.fromkeys(understood))}" if understood else ""
    notice = (
        f"The prompt is in {language_name(language.code)} ({language.code}); the built-in "
        f"lyric writer writes English and Spanish, so these lyrics are in English{about}."
    )
    return replace(draft, notices=(notice, *draft.notices))


def _write_english(
    prompt: str,
    *,
    title: str | None,
    form: list[tuple[str, str, int]],
    seed: int,
    mood_hint: str,
    genre: str = "",
    foreign: bool = False,
) -> LyricsDraft:
    rng = random.Random(f"{seed}:{prompt}:{title}")
    # The English reader would take a foreign prompt's words for English names and things
    # ("Une Chanson Sur La Pluie"): a prompt no glossary could read gets a song on its
    # theme, with a title made from the theme's English words.
    subject = Subject((), "", "", "") if foreign else extract_subject(prompt)
    # The prompt's frame and the seasons it does not name are left unsaid; the worlds
    # within a field it chooses (an office, not a mill) are read here.
    chosen = worlds_chosen(prompt)
    unsaid = _frame_nouns(prompt, subject) | _out_of_season(subject, prompt)
    subject = replace(subject, unsung=subject.unsung | unsaid)
    # The prompt's words for the music ("strings", "beat") are heard, never sung.
    themes = [
        replace(t, nouns=tuple(n for n in t.nouns if n not in subject.unsung) or t.nouns)
        for t in detect_themes(f"{prompt} {mood_hint}")
    ]
    mourning = mourns(prompt)
    lent = genre_words(prompt, genre)
    writer = _Writer(
        subject,
        themes,
        resolve_mood(mood_hint, subject.mood) or (lent.mood if lent else ""),
        rng,
        worlds=chosen,
        mourning=mourning,
        genre=lent,
        facts=prompt_facts(prompt) if not foreign else (),
        verses=sum(kind == "verse" for _, kind, _ in form),
    )
    # A song on its genre alone is named from the genre's world ("Smoky Bar" for jazz).
    world = writer.fields[0] if writer.themed and lent and writer.fields else None
    song_title = title or choose_title(subject, themes, rng, world)
    # A caller's title in a script the English voice cannot sing ("星を数える") stays the
    # song's name, and the hook is made from the subject instead.
    sung_title = song_title
    tail = lent.title_tail if lent else ""
    if not title and tail and tail.lower() not in song_title.lower().split():
        # "Losing My Car Keys Blues" names the song; the genre's word is not sung.
        song_title = f"{song_title} {tail}"
    notices: tuple[str, ...] = ()
    if not _singable(song_title):
        sung_title = choose_title(subject, themes, rng)
        if not _singable(sung_title):
            sung_title = choose_title(Subject((), "", "", ""), themes, rng)
        notices = (
            f"The title {song_title!r} is not in a script the English lyric writer sings: "
            "it is shown as the song's name but not sung; the hook sings "
            f"{sung_title!r} instead.",
        )
    # The chorus is written first, so it gets the subject's own words for its rhymes, and
    # once, as long as the shortest chorus: a longer one sings it again from its start, so
    # every chorus of a song sings the same words (a short song's form can give its
    # choruses different lengths; a 45 s song sang one chorus line, then three others).
    chorus_lines = [max(1, bars // 2) for _, kind, bars in form if kind == "chorus"]
    chorus: list[str] | None = None
    if chorus_lines:
        chorus = writer.refrain(writer.chorus(sung_title, min(chorus_lines), TARGETS["chorus"]))
    sections: list[LyricSection] = []
    # A song of three choruses or more lifts its last one (a new last line on the same
    # rhyme); the earlier ones repeat word for word.
    choruses = sum(kind == "chorus" for _, kind, _ in form)
    sung_choruses = 0
    for name, kind, bars in form:
        if kind not in TARGETS:
            continue
        count = max(1, bars // 2)
        target = TARGETS[kind]
        if kind == "chorus":
            assert chorus is not None
            sung_choruses += 1
            lift = choruses >= 3 and sung_choruses == choruses and count > 1
            sung = [chorus[i % len(chorus)] for i in range(count)]
            lines = writer.lift(sung, target) if lift else sung
        elif kind == "outro" and chorus is not None and (coda := writer.chorus_coda(chorus)):
            lines = [[chorus[0], coda][i % 2] for i in range(count)]
        elif kind == "outro":
            first, end = writer.hook_line(sung_title, target)
            lines = [first]
            if count > 1:
                partner = writer.partner(end, {end}) if end else None
                lines.append(
                    writer.line(
                        partner or writer.pair()[0],
                        target,
                        "outro",
                        phrase=writer.lead,
                        story="outro",
                    )
                )
                if end and partner:
                    writer.pairs.append((end, partner))
        else:
            lines = writer.stanza(count, target, rng.choice(SCHEMES), kind)
        sections.append(LyricSection(name, tuple(lines)))
    return LyricsDraft(song_title, sections, writer.pairs, notices=notices)


def _singable(title: str) -> bool:
    """Whether every letter of `title` is Latin script (what the English voice sings)."""
    letters = [c for c in title if c.isalpha()]
    return bool(letters) and all(
        c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in letters
    )


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
