"""What a long prompt tells, as lines a verse can sing in the prompt's own words.

A user who writes "my dad drove a yellow taxi in Chicago. He kept a rosary on the
dashboard" wants to hear the taxi, Chicago and the rosary, not a song about fathers in
general. `prompt_facts` finds the prompt's clauses that tell something (a subject and a
finite verb), leaves out what no one sings (years, clock times, instructions to the writer),
and cuts each to one or two lines of singable length at a phrase boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

import inflect
from lemminflect import getAllLemmas, getInflection
from pronouncing import phones_for_word

from songforge.engine.lyric_text import syllable_count
from songforge.engine.lyricist.grammar import is_plural, past_tense, spelled_titles
from songforge.engine.lyricist.music_words import PRODUCTION
from songforge.engine.lyricist.subject import NOMINAL_ING


def _set(text: str) -> list[str]:
    return text.split()


# Lines longer than this are cut in two at a phrase boundary, each half at least _SHORTEST.
_ONE_LINE = 10
_LONGEST = 13
_SHORTEST = 4
_PRONOUNS = frozenset(["i", "you", "he", "she", "we", "they", "it"])
_SUBJECT_PRONOUNS = frozenset(["i", "he", "she", "we", "they"])
# Words lemminflect files under no part of speech that are no names either.
_FUNCTION_WORDS = frozenset(
    _set(
        """
    the a an and or but nor not of to from with than that this these those there here
    what which who whom whose when where why how if because while although though
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand every during for into onto until upon beside toward
    towards against among oh hey ah yeah
    """
    )
)
# Spellings of speech a pronouncing dictionary knows that are no names.
_SLANG = frozenset(_set("gonna wanna gotta kinda sorta lemme gimme dunno ain't yall tho"))
# Words after a plural that are rarely its verb: "the boats home", "the kids all".
_NOT_VERBS = frozenset(["home", "all", "together", "alone", "too", "each", "both", "last"])
# Words lemminflect files as past forms that tell no past: "left" (the side), "felt", "read".
_NOT_PAST = frozenset(["left", "felt", "read", "set", "put", "cut", "hit", "let", "shut", "cast"])
_AUXILIARIES = frozenset(
    _set(
        """
    is was are were am has had have do does did can could will would shall should may
    might must won't can't couldn't didn't doesn't don't wasn't weren't isn't hasn't
    hadn't wouldn't
    """
    )
)
# Words a line may be cut before: prepositions and conjunctions that open a phrase.
_BOUNDARIES = frozenset(
    _set(
        """
    in on at across from to for with near through while and but after before until
    into over under along past behind beside by when where because since so or around
    toward towards every like as just than above below beneath inside outside during
    without against among between beyond
    """
    )
)
# Adverbs that may stand between a subject and its verb.
_ADVERBS = frozenset(
    _set(
        "always never still often sometimes usually just finally also only really even once "
        "now then later soon"
    )
)
# Particles that make a verb of two words: "turn on", "give up".
_PARTICLES = frozenset(_set("on off up down out over back away around"))
# Verbs that take a particle as part of them ("turn on", "give up", "wake up").
_PHRASAL = frozenset(
    _set("turn switch give pick shut hang look wake grow sign light break show sort figure")
)
# Adverbs that go before the subject they share a clause with: "Then I drive home".
_OPENING_ADVERBS = frozenset(_set("then now later soon finally once"))
# Words that open a verb's object: no line ends on the verb before them.
_DETERMINERS = frozenset(_set("a an the my his her their our your its this that"))
# Clause openers a sentence is cut at: what follows tells a second thing.
_SUBORDINATE = ("when", "while", "before", "after", "because", "until", "where", "so")
# A sentence that talks to the writer, or about the song, tells nothing of the story.
_INSTRUCTIONS = frozenset(
    _set(
        """
    write make sing give keep include use add mention tell create compose please let
    try end start put have
    """
    )
)
# Words of a clause about the track, not the story ("gated reverb drums"): the studio's
# words less those a story uses too ("the bridge", "a vintage car").
_SONG_WORDS = (
    frozenset(_set("song songs lyrics lyric chorus track tune ballad anthem vibe melody"))
    | (
        frozenset(PRODUCTION)
        - frozenset(
            _set(
                """
    bridge drop drops hook hooks solo solos master mix edit feature intro loop loops
    sample samples tape vinyl vintage digital analog analogue recording recordings mono
    stereo single crisp polished produced
    """
            )
        )
    )
    | frozenset(_set("tempo bpm uptempo up-tempo downtempo synth synths vocals"))
)
_YEAR = r"(?:1[0-9]|20)\d\d"


@dataclass(frozen=True)
class Fact:
    """One clause of the prompt as one or two lyric lines (each 4-13 syllables)."""

    lines: tuple[str, ...]
    halves: tuple[str, str] | None = None  # a one-line fact cut in two, to fill a verse
    relative: bool = False  # told of the song's subject in a "who"/"that" clause

    def one_line(self) -> Fact | None:
        """The fact as one line: itself when it has one, its two lines joined where they
        make at most _LONGEST syllables; None otherwise."""
        if len(self.lines) == 1:
            return self
        second = self.lines[-1]
        words = _words(f"{self.lines[0]} {second[:1].lower()}{second[1:]}")
        if len(self.lines) != 2 or _syllables(words) > _LONGEST:
            return None
        return Fact((_line(words),))


@lru_cache(maxsize=1)
def _inflect() -> inflect.engine:
    return inflect.engine()


def _number_in_words(match: re.Match[str]) -> str:
    return str(_inflect().number_to_words(match[0], andword=""))


def _ordinal_in_words(match: re.Match[str]) -> str:
    return str(_inflect().number_to_words(_inflect().ordinal(match[1])))


def _clean(prompt: str) -> str:
    """The prompt with what is not sung taken out: years and clock times with their
    preposition ("in 1985", "from 1978 to 2004", "at 7am"), and other numbers in words."""
    text = spelled_titles(prompt.replace("\u2019", "'").replace("&", "and"))
    text = re.sub(r"\bCo\.", "Co", text)
    # "swim in Lake Balaton the summer of 1994" -> "that summer"; "in the summer of 1994"
    # -> "in the summer".
    text = re.sub(rf"(?<![Ii]n )\bthe (\w+) of {_YEAR}\b", r"that \1", text)
    text = re.sub(rf"\b(the \w+) of {_YEAR}\b", r"\1", text, flags=re.I)
    span = rf"{_YEAR}s?(?:\s*(?:to|-|\u2013|until|and|through)\s*{_YEAR}s?)?"
    text = re.sub(
        rf"\b(?:from|since|in|around|by|until|circa|between)\s+{span}\b", "", text, flags=re.I
    )
    text = re.sub(rf"\b{_YEAR}\b", "", text)
    # "I was fifteen, it was 2003, and ...": what is left of a clause that only gave the year.
    text = re.sub(r",?\s*\b(?:it|that|this)\s+(?:was|is)\s*(?=[,.;!?]|$)", "", text, flags=re.I)
    clock = r"\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)"
    text = re.sub(rf"\b(?:at|by|around|until|till|before|after)?\s*{clock}", "", text, flags=re.I)
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", _ordinal_in_words, text)  # "5th and Broadway"
    text = re.sub(r"\b\d+\b", _number_in_words, text)
    return re.sub(r"\s+([,.;!?])", r"\1", re.sub(r"[ \t]+", " ", text)).strip()


def _words(text: str) -> list[str]:
    # Letters of any script: "Bodø" is a name, not "Bod".
    return re.findall(r"[^\W\d_][\w'\-]*|[,]", text)


def _syllables(words: list[str]) -> int:
    return sum(syllable_count(w) for w in words if w != ",")


@lru_cache(maxsize=20_000)
def _finite(word: str) -> bool:
    """A verb form that can carry a clause on its own: "drove", "rides", "is"."""
    lowered = word.lower()
    if lowered in _AUXILIARIES:
        return True
    for lemma in getAllLemmas(lowered).get("VERB", ()):
        if lowered != lemma and (
            lowered in getInflection(lemma, tag="VBD") or lowered in getInflection(lemma, tag="VBZ")
        ):
            return True
    return False


@lru_cache(maxsize=5_000)
def _unchanged_past(word: str) -> bool:
    """A verb whose past is its own form: "let", "put", "cut", "set"."""
    return any(
        word in getInflection(lemma, tag="VBD") for lemma in getAllLemmas(word).get("VERB", ())
    )


def _verb_at(words: list[str]) -> int | None:
    """Where the clause's finite verb stands after its subject (a pronoun, a noun or a
    name, within the first eleven words; an adverb may stand between: "he always buys"),
    None when the words tell nothing."""
    for j in range(1, min(len(words), 12)):
        word = words[j]
        at = j - 1
        if words[at].lower() in _ADVERBS and at > 0:
            at -= 1  # "He always buys"
        before = words[at]
        if word == "," or before == ",":
            continue
        subject_before = before.lower() not in _ADVERBS and (
            before.lower() in _PRONOUNS
            or "NOUN" in getAllLemmas(before.lower())
            or before[0].isupper()
        )
        if not subject_before:
            continue
        if _finite(word):
            return j
        if before.lower() in _SUBJECT_PRONOUNS and _unchanged_past(word.lower()):
            return j  # "she let me", "he put"
        plural = before.lower() in _PRONOUNS - {"he", "she", "it"} or (
            before[0].islower() and before.lower() not in _PRONOUNS and is_plural(before)
        )
        if plural and "VERB" in getAllLemmas(word.lower()) and word.lower() not in _NOT_VERBS:
            return j  # "they live", "two astronauts dance"
    return None


def _segments(words: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for word in words:
        if word == ",":
            out.append([])
        else:
            out[-1].append(word)
    return [s for s in out if s]


def _named(segment: list[str]) -> bool:
    """A name standing beside what it names ("Tomasz", "Crumb and Co"): capitals only."""
    return all(w[0].isupper() or w.lower() in {"and", "of", "the"} for w in segment)


def _antecedent(before: list[str]) -> tuple[list[str], list[str]]:
    """Who a "who" clause is about, from the words before it, and a description set
    beside them ("Lena, a night-shift nurse at ..."): ([], []) when there is none."""
    # The frame's own "about" (or "for"), not an "of" inside the description ("a keeper on
    # the island of Røst, who ...").
    at = next(
        (k for k, w in enumerate(before) if w.lower() == "about"),
        next((k for k, w in enumerate(before) if w.lower() in {"for", "of"}), -1),
    )
    segments = _segments(before[at + 1 :])
    if not segments:
        return [], []
    who = segments[0]
    while who and who[0].lower().endswith("ing") and "VERB" in getAllLemmas(who[0].lower()):
        who = who[1:]  # "missing someone who left": someone left
    if not who:
        return [], []
    described: list[str] = []
    for segment in segments[1:]:
        if _named(segment) and len(segment) <= 2:
            who = [*who, *segment]  # "my dad, Tomasz" -> "my dad Tomasz"
        elif segment[0].lower() in {"a", "an", "the"} and not described:
            described = segment
    return who, described


def _subject_for(subject: list[str]) -> list[str]:
    """The subject a second verb shares ("Marco and I built a raft and tried ..."): a
    pronoun where the first was long, the pronoun itself after a time ("Every morning
    she")."""
    lowered = [w.lower() for w in subject]
    if lowered and lowered[-1] in _SUBJECT_PRONOUNS and "and" not in lowered:
        return [subject[-1]]
    owned = lowered[0] in {"my", "our", "his", "her", "the"}
    if len(subject) == 1 or (len(subject) <= 2 and owned):
        return subject
    if "i" in lowered:
        return ["we"] if "and" in lowered else ["I"]
    return ["they"]


def _unbracketed(words: list[str]) -> list[str]:
    """The sentence without commas that set things beside its subject: a name is left out
    ("Our bakery, Crumb and Co, in a town in Cornwall, is closing" -> "Our bakery in a
    town in Cornwall is closing"), a place kept."""
    commas = [k for k, w in enumerate(words) if w == ","]
    out = list(words)
    for a, b in pairwise(commas):
        inside = words[a + 1 : b]
        if not inside or out[a] != ",":
            continue
        if _named(inside) and len(inside) <= 3 and a > 0 and words[a - 1][0].islower():
            for k in range(a, b):
                out[k] = ""
        elif inside[0].lower() in _BOUNDARIES:
            out[a] = ""
    # No comma parts a subject from its verb ("Our team, lost every game"); one between
    # two verbs stays ("We missed the bus, walked home").
    kept = [w for w in out if w]
    return [
        w
        for k, w in enumerate(kept)
        if not (
            w == ","
            and k + 1 < len(kept)
            and _finite(kept[k + 1])
            and "," not in kept[:k]
            and _verb_at(kept[:k]) is None
        )
    ]


@dataclass
class _Clause:
    words: list[str]  # the clause told on its own
    joined: list[str]  # the words that continue the clause before it, conjunction kept
    continues: bool = False


def _split_clauses(words: list[str]) -> list[list[str]]:
    """A sentence cut where a second thing is told (before "and" with a new subject or a
    second verb, before a subordinate clause: "when he knocked over her queen"), then
    joined again where the two fit two lines ("She left me in the rain / And took the
    dog")."""
    clauses = [_Clause([], [])]
    skip: set[int] = set()
    for k, word in enumerate(words):
        if k in skip:  # an adverb or a verb already told at its clause's head
            clauses[-1].joined.append(word)
            continue
        lowered = word.lower()
        current = clauses[-1].words
        rest = [w for w in words[k + 1 :] if w != ","]
        own = _verb_at([w for w in current if w != ","])
        # "her binoculars and logbook, took the ferry": no subject across a comma.
        said = words[k + 1 :]
        joins = lowered == "and" or (lowered == "then" and k and words[k - 1] == ",")
        if joins and own is not None and rest:
            new_subject = _verb_at(said)
            # A time or a place may come first: ", and on the day she closed the shop".
            reach = 6 if said and said[0].lower() in _BOUNDARIES else 3
            if new_subject is not None and new_subject <= reach:  # ", and every night he stopped"
                clauses.append(_Clause([], [word], True))
                continue
            # "... and now calls me", "... and then drive home": past the adverbs, a verb.
            adverbs = 0
            while adverbs < len(rest) - 1 and rest[adverbs].lower() in _ADVERBS:
                adverbs += 1
            verb = rest[adverbs]
            then = "then" in {lowered, *(w.lower() for w in rest[:adverbs])}
            if _finite(verb) or (then and "VERB" in getAllLemmas(verb.lower())):
                # "... and tried to float": the second verb's subject is the first's, after
                # the adverbs that open the clause ("Then I drive home").
                subject = _subject_for([w for w in current if w != ","][:own])
                # "Then" and "now" open the clause; "never", "still" stand after its
                # subject ("She never went back").
                before = [w for w in rest[:adverbs] if w.lower() in _OPENING_ADVERBS]
                after = [w for w in rest[:adverbs] if w.lower() not in _OPENING_ADVERBS]
                opening = [w.capitalize() for w in before]
                clauses.append(_Clause([*opening, *subject, *after, verb], [word], True))
                skip = (
                    {k + 1 + j for j in range(adverbs + 1)}
                    if "," not in words[k + 1 : k + 2 + adverbs]
                    else set()
                )
                continue
        if lowered in _SUBORDINATE and current and _verb_at(rest[:8]) is not None:
            # "when he knocked over her queen": on its own, the "when" left out.
            dropped = lowered in {"when", "because", "so", "where"}
            clauses.append(_Clause([] if dropped else [word], [word], True))
            continue
        clauses[-1].words.append(word)
        clauses[-1].joined.append(word)
    out: list[list[str]] = []
    for clause in clauses:
        if not clause.words:
            continue
        if out and clause.continues and _fits(out[-1] + clause.joined):
            out[-1] = out[-1] + clause.joined
        else:
            out.append(clause.words)
    return out


def _fits(words: list[str]) -> bool:
    """Whether the words make one line or two short ones."""
    total = _syllables(words)
    return total <= _ONE_LINE or (total <= 2 * _ONE_LINE and _halves(words, _SHORTEST) is not None)


def _line(words: list[str]) -> str:
    # A pronoun moved after an adverb keeps no capital ("Now he calls me").
    words = [
        w.lower() if k and w in {"He", "She", "They", "We", "It", "You"} else w
        for k, w in enumerate(words)
    ]
    text = " ".join(words).replace(" ,", ",").strip(" ,")
    text = re.sub(r"\bi\b", "I", text)
    return text[:1].upper() + text[1:]


def _dangles(last: str, following: str) -> bool:
    """Whether a line may not end on `last` before `following`: a subject pronoun before
    its verb ("Every night she / Burned the rice"), an article or an auxiliary, or a verb
    before its infinitive ("I am going / To miss her")."""
    lowered = last.lower()
    return (
        lowered in _SUBJECT_PRONOUNS
        or lowered in {"and", "but", "or"}  # "she let me knead the dough, and / On the day"
        or lowered in _DETERMINERS
        or lowered in _AUXILIARIES
        or (following.lower() == "to" and "VERB" in getAllLemmas(lowered))
        # "the beam turn / On": a verb keeps its particle.
        or (
            following.lower() in _PARTICLES
            and bool(set(getAllLemmas(lowered).get("VERB", ())) & _PHRASAL)
            and not is_plural(lowered)  # "the coins / On the table" is no verb's particle
        )
    )


def _halves(words: list[str], shortest: int) -> tuple[str, str] | None:
    """The clause cut in two at the phrase boundary that balances its lines best, each of
    `shortest` to _LONGEST syllables; a verb stays by its subject when it can."""
    verb = _verb_at(words)
    best: tuple[int, int] | None = None
    for k in range(1, len(words)):
        objected = _finite(words[k - 1]) and words[k].lower() in _DETERMINERS
        # "On the day she closed the shop / She gave me her brass scale": a new clause.
        clause = (
            words[k].lower() in _SUBJECT_PRONOUNS and k + 1 < len(words) and _finite(words[k + 1])
        )
        if not (
            words[k].lower() in _BOUNDARIES
            or words[k - 1] == ","
            or k == verb
            or objected
            or clause
        ):
            continue
        compound = k >= 2 and words[k - 2].lower() == "and"  # "my friend Marco and I / Built"
        if _dangles(words[k - 1], words[k]) and not (compound and words[k - 1] == "I"):
            continue
        left, right = _syllables(words[:k]), _syllables(words[k:])
        if shortest <= min(left, right) and max(left, right) <= _LONGEST:
            # A verb stays by its subject, and its object by it.
            # A long subject ends its line ("Our bakery in a town in Cornwall / Is
            # closing"); a short one stays with its verb.
            at_verb = (-3 if left >= 5 else 1) if k == verb else 0
            # A comma is where a line breaks best ("He fixed the radio on the ship / Found
            # work at the docks").
            comma = -3 if words[k - 1] == "," else 0
            # "her binoculars / And logbook" parts two things one verb acts on.
            listed = (
                4
                if words[k].lower() in {"and", "or"}
                and k + 1 < len(words)
                and "NOUN" in getAllLemmas(words[k + 1].lower())
                and not _finite(words[k + 1])
                else 0
            )
            score = max(left, right) * 2 + at_verb + 8 * objected + comma + listed
            if best is None or score < best[0]:
                best = (score, k)
    return None if best is None else (_line(words[: best[1]]), _line(words[best[1] :]))


def _fit(words: list[str]) -> Fact | None:
    """One line when the clause is short (and its two halves, where it has them), two cut
    at the phrase boundary that balances them best, else the clause with its trailing
    phrases dropped until it fits; None when nothing of it fits."""
    words = [w for k, w in enumerate(words) if not (w == "," and (k == 0 or k == len(words) - 1))]
    total = _syllables(words)
    if total < _SHORTEST:
        return None
    if total <= _ONE_LINE:
        return Fact((_line(words),), _halves(words, 3))
    halves = _halves(words, _SHORTEST)
    if halves is not None:
        return Fact(halves)
    if total <= _LONGEST:
        return Fact((_line(words),))
    # Too long for two lines: its trailing phrases go, the start (who did what) stays.
    verb = _verb_at(words)
    for k in range(len(words) - 1, (verb or 0) + 1, -1):
        if words[k].lower() not in _BOUNDARIES and words[k - 1] != ",":
            continue
        start = words[:k]
        if _syllables(start) <= _ONE_LINE:
            return Fact((_line(start),))
        cut = _halves(start, _SHORTEST)
        if cut is not None:
            return Fact(cut)
    if "," in words[: verb or 0]:
        # "Every morning at six, our neighbour sweeps the sidewalk": the time goes first.
        return _fit(words[words.index(",") + 1 :])
    return None


def _about_song(clause: list[str]) -> bool:
    """A clause about the song or its making ("it should feel hopeful")."""
    lowered = [w.lower() for w in clause]
    if set(lowered) & _SONG_WORDS:
        return True
    return lowered[:1] in (["it"], ["this"]) and bool(
        set(lowered[1:3]) & {"should", "must", "needs", "has", "could", "would"}
    )


def _doing(words: list[str], past: bool) -> list[str] | None:
    """The frame's "about someone doing something" as a clause: "a song about my mother
    Elena teaching me to ride a bicycle" -> "my mother Elena taught me to ride a bicycle"
    (in the present when the story is: "an old woman feeds pigeons"); None when the frame
    has no one doing anything."""
    at = next((k for k, w in enumerate(words) if w.lower() in {"about", "for"}), None)
    if at is None:
        return None
    rest = words[at + 1 :]
    for g, word in enumerate(rest[:7]):
        if word == ",":
            return None
        lowered = word.lower()
        lemmas = getAllLemmas(lowered).get("VERB", ())
        if not (lowered.endswith("ing") and lemmas and lowered not in lemmas):
            continue
        acts_on = g + 1 < len(rest) and rest[g + 1].lower() in _DETERMINERS
        if lowered in NOMINAL_ING and not acts_on:
            # "my sister's wedding in Jaipur" is a thing; "building a treehouse" is done.
            return None
        doer = rest[:g]
        if not doer or not any("NOUN" in getAllLemmas(w.lower()) or w[0].isupper() for w in doer):
            return None  # "about leaving my hometown": no one named does it
        tag = "VBD" if past else "VBP" if is_plural(doer[-1]) else "VBZ"
        forms = getInflection(lemmas[0], tag=tag)
        return [*doer, str(forms[0]) if forms else lowered, *rest[g + 1 :]]
    return None


def _contact_clause(words: list[str]) -> list[str] | None:
    """A clause after the frame's subject with no "that" before it: "a song about the summer
    *my dad taught me to drive*" -> "my dad taught me to drive"; None when there is none."""
    at = next((k for k, w in enumerate(words) if w.lower() in {"about", "for"}), None)
    if at is None:
        return None
    rest = words[at + 1 :]
    verb = _verb_at(rest)
    if verb is None or "," in rest[:verb]:
        return None
    start = verb
    while (
        start > 0
        and start > verb - 3
        and rest[start - 1].lower()
        not in _DETERMINERS
        - {
            "my",
            "his",
            "her",
            "our",
            "their",
            "your",
        }
    ):
        start -= 1
        if rest[start].lower() in {"my", "his", "her", "our", "their", "your"}:
            break
    # Right after a noun ("the summer *my dad taught*"), not after "that": "the feeling
    # that nobody cares" says what the feeling is.
    noun = rest[start - 1].lower() if start else ""
    if noun in {"that", "which", "who", "whom"} or "NOUN" not in getAllLemmas(noun):
        return None
    return rest[start:]


def _named_in_lowercase(prompt: str) -> str:
    """A prompt written all in lowercase with its names capitalised: a word no dictionary
    files as a word but the pronouncing dictionary knows is a name ("tulsa", "jake")."""

    def named(match: re.Match[str]) -> str:
        word = match[0]
        # "cornfields" is two words a dictionary files, not a name.
        compound = any(
            getAllLemmas(word[:k]) and getAllLemmas(word[k:]) for k in range(3, len(word) - 2)
        )
        if (
            len(word) < 3
            or compound
            or word in _SLANG | _FUNCTION_WORDS
            or getAllLemmas(word)
            or not phones_for_word(word)
        ):
            return word
        return word.capitalize()

    return re.sub(r"\b[a-z]+\b", named, prompt)


def _tells_who(after: list[str]) -> bool:
    """Whether a relative clause says what its antecedent does ("who drove", "that won't
    start", "who always sang"), not what someone does to it ("the house that Jack built")."""
    if after and after[0].lower() in _ADVERBS:
        after = after[1:]
    return bool(after) and _finite(after[0])


def prompt_facts(prompt: str) -> tuple[Fact, ...]:
    """The things a prompt tells, in its order, each as one or two lines in its own
    words: clauses with a subject and a finite verb ("He kept a rosary on the dashboard"),
    "who" clauses with whom they are about ("my dad, who drove a taxi" -> "My dad drove a
    taxi"), and a description set beside a name ("Lena, a nurse" -> "Lena is a nurse").
    Instructions to the writer and words about the song are no facts."""
    facts: list[Fact] = []
    if not re.search(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]", prompt.strip()):
        prompt = _named_in_lowercase(prompt)
    sentences = re.split(r"(?<=[.!?;])\s+|\n+", _clean(prompt))
    # A story told in the past tells its frame's doing in the past too.
    past = any(past_tense(w) for w in _words(" ".join(sentences)) if w.lower() not in _NOT_PAST)
    for sentence in sentences:
        words = _words(sentence)
        if not words:
            continue
        framed = words[0].lower() in _INSTRUCTIONS or bool(
            {w.lower() for w in words[:5]} & _SONG_WORDS
        )
        clauses: list[list[str]] = []
        related = 0  # how many of the clauses come of a "who"/"that" clause
        relative = next(
            (
                k
                for k, w in enumerate(words)
                if (w.lower() == "who" or (w.lower() in {"that", "which"} and framed and k))
                and _tells_who(words[k + 1 : k + 3])
            ),
            None,
        )
        if relative is not None and (framed or _verb_at(words[:relative]) is None):
            # "my dad, Tomasz, who drove a taxi": who it is about, then what they did;
            # "I have a friend who sings" tells it whole.
            who, described = _antecedent(words[:relative])
            if who:
                if described and who[0][0].isupper():
                    clauses.append([*who, "is", *described])
                clauses += _split_clauses([*who, *words[relative + 1 :]])
                related = len(clauses)
        elif framed and (doing := _doing(words, past)) is not None:
            # "a song about my mother teaching me to ride a bicycle": what she did.
            # Alone, it is the situation the writer tells its own way.
            clauses += _split_clauses(doing)
        elif framed:
            # "Write a song for the last day, when the regulars came": the clause only.
            at = next((k for k, w in enumerate(words) if w.lower() in _SUBORDINATE), None)
            if at is not None:
                clauses += _split_clauses(words[at + 1 :])
            elif (told := _contact_clause(words)) is not None:
                clauses += _split_clauses(told)
        else:
            clauses += _split_clauses(_unbracketed(words))
        for at, clause in enumerate(clauses):
            if _verb_at([w for w in clause if w != ","]) is None or _about_song(clause):
                continue
            fitted = _fit(clause)
            if fitted is not None:
                facts.append(replace(fitted, relative=at < related))
    return tuple(facts)
