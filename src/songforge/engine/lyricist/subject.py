"""What an English prompt is about: its noun phrases (things, places, people, animals, named
ones), the role of each (the lead, its settings, its company), the situation (a gerund such
as "counting stars") and the mood.

A prompt is mostly a frame ("a melancholic indie folk ballad in A minor with strings,
about ...") around a subject. The reader first sets aside what describes the music
(lyricist.music_words: instruments, keys, tempo, genres, studio words) where the grammar
says it does: before the kind of piece, in a list of tags, in "with strings and a choir",
"in A minor"; after "about", "for" or "of" the same words are the subject ("a song about
my grandfather's piano"). What is left is chunked into noun phrases whose heads
lemminflect can tag as nouns, and words it does not know are taken as names. A noun after a
noun makes a compound named by both ("a rooftop party"); whose a thing is ("my sister's
wedding day") is a phrase of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import inflect
import pronouncing
from lemminflect import getAllInflections, getAllLemmas

from songforge.engine.lyric_text import syllable_count
from songforge.engine.lyricist.grammar import (
    indefinite,
    is_plural,
    parts_of_speech,
    past_tense,
    plural,
    singular,
    spelled_titles,
)
from songforge.engine.lyricist.imagery import MAKES, fields_of
from songforge.engine.lyricist.music_words import (
    GENRES,
    INSTRUMENTS,
    MEASURES,
    NUMBER,
    PIECES,
    genre_spans,
    instrument_spans,
    music_word,
    sound_word,
    strip_notes,
)
from songforge.engine.lyricist.sense import FEELINGS

BEING, THING, PLACE, SKY, IDEA = "being", "thing", "place", "sky", "heart"
# What a phrase is to the song: what it is about, where and when it happens, who or what
# goes with it, and a word that names the kind of song ("a *love* song").
LEAD, SETTING, COMPANY, THEME = "lead", "setting", "company", "theme"
ACTING, UNDERGOING, RELATIVE = "acting", "undergoing", "relative"


def _split(text: str) -> list[str]:
    return text.split()


MOODS: dict[str, str] = {
    **dict.fromkeys(
        _split(
            """
    sad melancholic melancholy sorrowful mournful gloomy somber sombre wistful
    lonely heartbroken bittersweet blue tearful grieving
    """
        ),
        "sad",
    ),
    **dict.fromkeys(
        _split(
            """
    happy upbeat cheerful joyful joyous bright sunny fun playful uplifting feel-good
    carefree celebratory festive
    """
        ),
        "happy",
    ),
    **dict.fromkeys(["angry", "aggressive", "furious", "fierce", "rebellious", "defiant"], "angry"),
    **dict.fromkeys(
        _split(
            """
    calm peaceful chill relaxing mellow gentle soft quiet dreamy soothing serene
    """
        ),
        "calm",
    ),
    **dict.fromkeys(["romantic", "tender", "sensual", "sexy", "passionate", "loving"], "tender"),
    **dict.fromkeys(["hopeful", "inspiring", "triumphant", "empowering", "heroic"], "hopeful"),
    **dict.fromkeys(["nostalgic", "reflective"], "nostalgic"),
    **dict.fromkeys(["dark", "haunting", "eerie", "spooky", "creepy", "ominous"], "dark"),
    **dict.fromkeys(["energetic", "wild", "hype", "intense"], "energetic"),
}
FRAME_WORDS = frozenset(
    _split(
        """
    a an the this that these those some any my your our their his her its me we you
    i us they he she it them him one is are was were be been being am do does did
    have has had make write give create compose sing play produce want need please
    called titled named very really quite so kind sort type like with style vibe-y
    ish slow fast short long loud minute minutes seconds bpm vocals vocal voice
    female male singer band lyrics about for of on at in to into over under across
    through from after before during around near beside by and or but with without
    while when where who which whose than then something everything somebody anybody
    nobody nothing anything yourself myself ourselves themselves himself herself
    itself named called beneath below above behind along past toward towards via beyond
    upon within throughout among between against underneath inside outside until till
    amid despite featuring no all onto unto amongst amidst whilst
    how what why whom whether whenever wherever whatever however if because since
    though although unless maybe perhaps
    """
    )
)
# Prepositions of place and time: what follows sets the scene ("on the train", "at night").
# After one, a name is a place rather than a person ("in Paris").
PLACE_PREPOSITIONS = frozenset(
    _split(
        """
    in at to from across through into near around on over under beneath below above
    behind beside by along past toward towards via beyond upon within throughout among
    between underneath inside outside during after before until till amid down up off
    onto unto amongst amidst
    """
    )
)
# Verbs of going somewhere: their object is a place ("crossing Texas", "leaving Paris").
MOTION_VERBS = frozenset(
    _split(
        """
    cross leave visit explore roam tour wander drive fly walk ride sail run escape flee
    reach enter pass travel hitchhike cruise bike cycle hike circle approach return head
    move come go swim climb row navigate orbit drift float race speed journey migrate
    """
    )
)
# The word that opens what the song is about: "a song *about* ...", "a lullaby *for* ...".
SUBJECT_MARKERS = frozenset(["about", "regarding", "concerning", "celebrating", "describing"])
# These open the subject only right after the kind of piece: "a ballad *of* lost love".
PIECE_MARKERS = frozenset(["for", "of", "to", "on"])
WITH_WORDS = frozenset(["with", "featuring", "feat", "ft"])
SUBJECT_PRONOUNS = frozenset(["i", "you", "he", "she", "we", "they"])
NUMBERS = frozenset(
    _split("one two three four five six seven eight nine ten eleven twelve twenty hundred")
)
CALENDAR = frozenset(
    _split(
        """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december eve christmas easter
    halloween thanksgiving hanukkah diwali
    """
    )
)
# Days and months that are no other word ("may", "march" and "august" are): sung as names,
# with a capital and without "the" ("Sunday", "June").
_CALENDAR_NAMES = re.compile(
    r"\b(the\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
    r"|april|june|july|september|october|november|december)\b",
    re.IGNORECASE,
)


def calendar_names(line: str) -> str:
    """`line` with its days and months said as names: "light up the june" -> "light up
    June", "The sunday was long" -> "Sunday was long"."""

    return _CALENDAR_NAMES.sub(lambda match: match[2].capitalize(), line)


# Words that may stand in a list of tags beside the music words without naming a subject:
# "no drums", "lots of reverb", "extra bass".
_TAG_FILLERS = frozenset(_split("no minimal extra lots plenty little more less big huge of"))
# Kept as the prompt says it: "brushing your teeth" is sung to someone, not about "my teeth".
OWNERS = frozenset(["my", "your", "our", "their", "his", "her"])
# Sung in the first person: "believing in yourself" becomes "believing in myself".
REFLEXIVES = {"yourself": "myself", "myself": "myself", "ourselves": "ourselves"}
RELATIVES = frozenset(["who", "that", "which", "whose", "where", "when", "while"])
# Words that open a clause of their own ("how when you move", "because she left"): what
# follows up to a preposition or an article is its verb, never a thing.
CLAUSE_OPENERS = RELATIVES | frozenset(
    _split(
        """
    how what why whom whether whenever wherever whatever if because since though
    although unless whilst
    """
    )
)
# How often, not what: "three times", "every day", "all night", "twice a week".
_TIME_UNITS = frozenset(
    _split(
        """
    time times day days night nights week weeks month months year years morning mornings
    evening evenings weekend weekends hour hours minute minutes summer winter
    """
    )
)
_FREQUENCY_ADVERBS = frozenset(["once", "twice", "thrice"])
# Mood words that are colours too: inside a phrase they say what a thing looks like.
_COLOURS = frozenset(_split("blue bright dark golden"))
# Words after which "last night" or "next summer" is a thing of the story, not a when.
_NOT_BEFORE_WHEN = frozenset(
    _split("about for of the a an my our his her their your its that this on in since until")
)
_WEEKDAYS = frozenset(_split("monday tuesday wednesday thursday friday saturday sunday"))
# Who does what follows, as a pronoun does: "nobody *knows* your name".
_NOBODY = frozenset(["nobody", "everybody", "somebody", "everyone"])
_EVERY = frozenset(["every", "each", "all"])
PARTICLES = frozenset(
    ["up", "down", "out", "away", "back", "home", "goodbye", "home", "around", "off"]
)
NOMINAL_ING = frozenset(
    _split(
        """
    morning evening string ring king thing spring wedding building ceiling wing
    ending beginning painting offering blessing darling nothing something
    everything anything song swing sibling lightning pudding stocking earring
    duckling
    """
    )
)

# Things named by an -ing word and a noun, which the -ing word does not act on: "fishing
# boats coming home" are boats, not the singer fishing for them.
_ING_COMPOUNDS = frozenset(
    line.strip()
    for line in """
    fishing boat
    fishing rod
    fishing line
    fishing net
    fishing village
    fishing town
    fishing trip
    swimming pool
    swimming hole
    sleeping bag
    dining room
    dining table
    living room
    washing machine
    waiting room
    parking lot
    parking garage
    shopping mall
    shopping cart
    shopping list
    flying saucer
    rocking chair
    rocking horse
    dancing shoe
    running shoe
    hiking boot
    hunting dog
    hunting lodge
    marching band
    training wheel
    sailing ship
    sailing boat
    racing car
    boxing ring
    skating rink
    camping trip
    wrapping paper
    baking soda
    frying pan
    chewing gum
    walking stick
    diving board
    drinking fountain
    sewing machine
    spinning wheel
    stepping stone
    turning point
    writing desk
    reading glass
    landing strip
    boarding pass
    filling station
    driving test
    driving lesson
    wishing well
    hiding place
    meeting place
    singing voice
    shooting star
    falling star
    folding chair
    mixing bowl
    cooking pot
    boiling water
    rolling hill
    working man
    hearing aid
    sleeping pill
    washing line
    swimming suit
    bathing suit
    wedding ring
    """.strip().splitlines()
)

_KINDS: dict[str, str] = {
    **dict.fromkeys(
        _split(
            """
    dog cat horse bird keeper friend mother mom mum mama dad father papa brother
    sister partner lover child kid baby girl boy man woman wife husband grandma
    grandmother grandpa grandfather hero warrior sailor soldier king queen stranger
    family teacher fox wolf bear lion tiger whale dolphin owl crow raven fish cowboy
    cowgirl pirate robot ghost puppy kitten pony mermaid dragon angel witch wizard
    knight prince princess farmer driver dancer singer drummer runner fighter hunter
    miner trucker astronaut neighbor neighbour teenager daughter son uncle aunt
    cousin bride groom people crowd captain pilot doctor nurse monster unicorn
    butterfly bee cow pig goat sheep chicken rooster eagle hawk dove swan duck frog
    rabbit bunny squirrel mouse deer elephant monkey shark octopus penguin turtle
    spider snake lizard parrot bat team gang crew best-friend boyfriend girlfriend
    fiance someone everyone ex waitress waiter cashier cook chef baker barista bartender
    dealer croupier gambler clerk janitor mechanic cop officer firefighter lifeguard
    preacher priest poet painter writer student worker boss manager widow orphan clown
    juggler acrobat examiner instructor coach goalkeeper referee parent grandparent
    climber shopper landlord landlady canary bandmate roommate classmate teammate
    coworker co-worker colleague flatmate housemate
    """
        ),
        BEING,
    ),
    **dict.fromkeys(
        _split(
            """
    road street town city home house kitchen station lighthouse farm bar school
    church village desert forest island hill harbor harbour beach ocean sea lake
    garden park highway river mountain valley field meadow shore coast bay bridge
    room bedroom porch yard backyard prairie ranch club party dancefloor alley
    avenue boulevard market world land planet space galaxy city-lights downtown
    neighborhood campfire cabin castle tower palace temple hospital prison airport
    train-station jungle canyon cave cliff dock pier port trail track-side rooftop
    roof balcony attic basement hometown homeland kingdom skyline sidewalk square
    stage arena stadium garage subway library cafe diner motel hotel lane shoreline
    waterfall pond joint shop store pool mall gym office factory studio theater theatre
    cinema restaurant bakery pub festival playground classroom
    """
        ),
        PLACE,
    ),
    **dict.fromkeys(
        _split(
            """
    star moon sun sky night day morning evening afternoon dawn dusk sunset sunrise
    rain storm snow wind breeze cloud thunder lightning weather winter summer autumn
    fall spring season fog mist tide wave fire flame light shadow darkness comet
    rainbow hurricane frost ice heat midnight twilight daylight starlight moonlight
    sunshine sea-breeze
    """
        ),
        SKY,
    ),
    **dict.fromkeys(
        _split(
            """
    love hope dream goodbye freedom holiday anniversary birthday life time memory
    youth faith success failure victory heartbreak loss peace war glory truth
    courage fear pride friendship home-coming homecoming journey adventure vacation
    weekend party-night chance future past promise secret lie revenge money fame
    luck destiny fate soul heart mind spirit joy sorrow grief regret desire passion
    happiness sadness loneliness
    """
        ),
        IDEA,
    ),
}
# Whose a possessed thing is, said again in a short line: "my grandmother's kitchen" is "her
# kitchen" there, never "my kitchen". Other possessors ("my friend's car") give "the car".
_POSSESSIVES: dict[str, str] = {
    **dict.fromkeys(
        _split(
            """
    mother mom mum mama ma sister wife grandma grandmother granny nana gran girl woman
    daughter aunt auntie bride queen princess girlfriend niece lady abuela mermaid witch
    """
        ),
        "her",
    ),
    **dict.fromkeys(
        _split(
            """
    father dad daddy papa pa brother husband grandpa grandfather granddad boy man son
    uncle groom king prince boyfriend nephew abuelo
    """
        ),
        "his",
    ),
}
_IDEA_SUFFIXES = ("ness", "ity", "tion", "sion", "ment", "dom", "ship", "hood", "ence", "ance")


# The longest short name (with its article) that leaves a line of seven syllables room to
# say something: "the disco ball"; for "a rooftop party" short lines say "the party" (its
# title and full mentions say it whole). Longer names also crowd the lines of every song
# into the few short frames that fit them ("S watched the E").
_SHORT_SYLLABLES = 4


@dataclass(frozen=True)
class NounPhrase:
    """A noun phrase of the prompt: `words` as sung (names capitalised), the singular lemma
    of its `head`, its number, whose it is ("my", or "" for "the"), its kind, and its role
    in the song: LEAD (what it is about), SETTING (where or when: "on the train", "at
    night", "crossing Texas"), COMPANY (who or what goes with the lead: "a farmer and his
    tractor", "with my family", whose it is in "my sister's wedding") or THEME (names the
    kind of song: "a *love* song"). `compound`: how many of the last words name the thing
    together (2 for "a broken disco ball"); `possessive`: for a thing someone's possessive
    names ("my grandmother's kitchen"), the word a short mention puts first ("her"), else
    ""."""

    words: tuple[str, ...]
    head: str
    plural: bool
    proper: bool
    owner: str
    kind: str
    role: str = COMPANY
    compound: int = 1
    possessive: str = ""
    called: str = ""  # what a name is, as the prompt said it: "newborn daughter" for Maya
    article: str = ""  # "the" of a name said with it: "the Bronx", "the Alps"

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def short(self) -> str:
        """The head with the nouns that name it with it, as a line with little room says
        it: "guitar string" for "a broken guitar string", "disco ball"; of a longer
        compound the last two words ("football team" for "our high school football team"),
        or the head alone when they are too long ("party" for "a rooftop party")."""
        words = self.words[-min(self.compound, 2) :]
        # Articles and owners ("the", "my", "her") are one syllable.
        while len(words) > 1 and 1 + sum(syllable_count(w) for w in words) > _SHORT_SYLLABLES:
            words = words[1:]
        return " ".join(words)

    def definite(self, *, short: bool = False) -> str:
        if self.proper:
            return f"{self.article} {self.text}".lstrip()
        if short:
            return f"{self.possessive or self.owner or 'the'} {self.short}"
        return f"{self.owner or 'the'} {self.text}"

    def indefinite(self) -> str:
        if self.proper or self.owner:
            return self.definite()
        if self.plural:
            return self.text
        # Feelings and ideas are mostly uncountable ("success", "love"): "the" never errs.
        return self.definite() if self.kind == IDEA else indefinite(self.text)

    @property
    def be(self) -> str:
        return "are" if self.plural else "is"

    @property
    def was(self) -> str:
        return "were" if self.plural else "was"


@dataclass(frozen=True)
class Subject:
    """What a prompt asks the song to be about. `phrases` lead first (role LEAD), then the
    others in the prompt's order, the ones naming the kind of song last; empty for a prompt
    that only names a genre. `action` a gerund phrase such as "counting stars" or "";
    `mood` one of the MOODS values or "". `unsung`: the prompt's words for how the music
    sounds (instruments, keys, tempo, genres, studio words), in lower case and in both
    numbers, that are not part of its subject; lyrics never sing them."""

    phrases: tuple[NounPhrase, ...]
    action: str
    mood: str
    title: str  # a title taken from the subject's own words, "" when there are none
    unsung: frozenset[str] = frozenset()
    # What happens to the lead, in the prompt's words from its verb to the first thing or
    # place it reaches ("praying for rain", "lost at sea", "waits for a letter"), and how
    # it stands to the lead: ACTING (a gerund), UNDERGOING (a past participle) or RELATIVE
    # (a verb after "who"/"that"); "" and "" when the prompt says nothing happens.
    situation: str = ""
    voice: str = ""
    # Who the situation is sung of when the prompt names no one before it: "I", "we" or
    # "you" ("brushing your teeth"); "" when it happens to the lead.
    actor: str = ""

    @property
    def nouns(self) -> list[str]:
        return [p.head for p in self.phrases]

    @property
    def lead(self) -> NounPhrase | None:
        return self.phrases[0] if self.phrases else None


_BOUNDARY = ","
# Where a word stands: in the frame before the subject ("a sad *piano* ballad"), in a prompt
# or tag that opens on its subject ("an umbrella left on the train"), or after a word that
# opens the subject ("a song about *my grandfather's piano*").
_FRAME, _OPENING, _ABOUT = "frame", "opening", "about"
_TOKEN = re.compile(
    rf"[^\W\d_][\w'&-]*[^\W_]|[^\W\d_]|{NUMBER}|[,;:.!?|/()\[\]{{}}\n+]|\s[-\u2013\u2014]+\s"
)
_DETERMINERS = frozenset(_split("the this that these those my your our their his her"))
# Words that are prepositions only before what they lead to ("down the street", "past the
# lighthouse", "past Saturn"), and otherwise particles or nouns ("growing up", "the past").
_PARTICLE_PREPOSITIONS = frozenset(["down", "up", "out", "off", "around", "past"])
# Words that say how what follows them stands to what came before.
_INTRO_WORDS = (
    PLACE_PREPOSITIONS
    | SUBJECT_MARKERS
    | PIECE_MARKERS
    | WITH_WORDS
    | frozenset(["and", "or", "but", "named", "called", "titled", "like", "without"])
)


@dataclass
class _Token:
    original: str
    word: str
    first: bool  # its capital says nothing: it opens the prompt, a sentence or a tag
    zone: str = _OPENING
    marker: bool = False  # it opens the subject ("about"; "for" after the kind of piece)
    note: bool = False  # it describes the music: left out of the subject
    common: bool = False  # a capitalised dictionary word in a Title-Cased phrase: no name
    named: bool = False  # a capitalised word where a name stands: "in New York", "my dog Max"


# Acronyms that name a kind of thing or person, said with an article ("the TV", "a DJ").
_COMMON_ACRONYMS = frozenset(_split("dj mc bff vip ceo tv ufo atm cd dvd suv rv vhs pc"))
# Acronyms for someone, or something a song treats as someone ("falling in love with an AI").
_BEING_ACRONYMS = frozenset(_split("dj mc bff vip ceo ai"))


def _acronym(original: str) -> bool:
    """Letters said one by one and written in capitals: "AI", "DJ", "NYC", "TV"."""
    return 2 <= len(original) <= 4 and original.isalpha() and original.isupper()


# First names that are dictionary words too: in a Title-Cased phrase they stay names when
# they end it ("Jack and Jill"), not when a noun follows ("Rose Garden").
_FIRST_NAMES = frozenset(
    _split(
        """
    rose lily daisy violet iris ivy hazel holly jasmine ruby pearl amber crystal olive
    heather rosemary poppy willow ginger penny sandy candy cherry melody harmony robin
    jack jill will bill pat sue mark rob bob frank grant victor chase hunter mason carter
    taylor cooper miles drew dean gene wade earl duke sonny buddy rusty max sam ben tom
    jim tim joe john jake luke matt nick pete ray rick ron sally kate grace joy faith
    hope dawn summer april may june autumn
    """
    )
)
# Joins the words of one Title-Cased phrase: "Burgers and Fries", "Lord of the Rings".
_TITLE_JOINERS = frozenset(["and", "of", "the", "n", "or"])
# Before a name, these say a name follows: "my friend Rose", "a dog named Max".
_NAMING = frozenset(["named", "called", "titled"])
# What takes one somewhere: "home" after them says where to.
_JOURNEYS = frozenset(
    _split("bus train tram ferry flight plane ride drive walk trip cab taxi car boat subway")
)
_PEOPLE = frozenset(_split("girl boy man woman guy lady kid child stranger person"))


def _dictionary_noun(word: str) -> bool:
    return "NOUN" in parts_of_speech(word)


def _known(word: str) -> bool:
    return bool(parts_of_speech(word)) or bool(pronouncing.phones_for_word(word))


def _plural_of_known(word: str) -> bool:
    """A plural the pronouncing dictionary lists with its singular ("burgers"), for nouns
    lemminflect lacks; a stem of four letters at least, so that "las" is no "la"s."""
    stem = word.removesuffix("s")
    return (
        stem != word
        and len(stem) >= 4
        and bool(pronouncing.phones_for_word(word))
        and bool(pronouncing.phones_for_word(stem))
    )


def _mark_common(tokens: list[_Token]) -> None:
    """Marks the capitalised dictionary words of a Title-Cased or sentence-opening phrase
    as common words ("a Casino Heist", "Burgers and Fries"): a capital there says nothing
    about names. Each run of capitalised words is one name or none: common when one of its
    words is a dictionary noun and every one is a known word. A first name ending a run
    ("Jack and Jill"), a run where a name stands ("my friend Rose", "named Max") and a run
    right after a place preposition ("in Central Park", "in the Bronx") stay names."""
    i = 0
    while i < len(tokens):
        if not tokens[i].original[0].isupper() or tokens[i].word == _BOUNDARY:
            i += 1
            continue
        # The phrase: capitalised words, and the small words joining them.
        end = i
        j = i
        while j < len(tokens):
            original = tokens[j].original
            if original[0].isupper() and not _acronym(original):
                end = j
            elif tokens[j].word not in _TITLE_JOINERS:
                break
            j += 1
        span = tokens[i : end + 1]
        capitals = [t for t in span if t.original[0].isupper()]
        if len(capitals) >= 2 or tokens[i].first:
            _mark_runs(tokens, i, end, titled=len(capitals) >= 2)
        i = end + 1


_MAKES = frozenset(MAKES)  # names of things, not of people
# Words said before a person's name as part of it.
_PERSON_TITLES = frozenset(
    _split(
        """
    coach captain doctor mister missus miss aunt auntie uncle grandma grandpa granny nana
    officer sergeant professor father sister brother pastor reverend judge nurse chef
    """
    )
)
_STREET_WORDS = frozenset(
    [
        "street",
        "road",
        "avenue",
        "lane",
        "boulevard",
        "drive",
        "square",
        "bridge",
        "highway",
        "parkway",
        "alley",
        "row",
    ]
)


def _mark_runs(tokens: list[_Token], start: int, end: int, *, titled: bool) -> None:
    k = start
    while k <= end:
        if tokens[k].word in _TITLE_JOINERS and not tokens[k].original[0].isupper():
            k += 1
            continue
        stop = k
        while stop + 1 <= end and tokens[stop + 1].original[0].isupper():
            stop += 1
        run = tokens[k : stop + 1]
        words = [t.word.removesuffix("'s") for t in run]
        before = [t.word for t in tokens[max(0, k - 2) : k]]
        previous = before[-1] if before else ""
        named = previous in _NAMING or _KINDS.get(singular(previous)) == BEING
        placed = bool(before) and (
            previous in PLACE_PREPOSITIONS
            or (previous == "the" and len(before) == 2 and before[0] in PLACE_PREPOSITIONS)
        )
        anchor = any(_dictionary_noun(w) for w in words) or (
            run[0].first and len(run) == 1 and _plural_of_known(words[0])
        )
        # A capitalised run that ends in a street's kind is a place's name in any case:
        # "Frenchmen Street", "Abbey Road", "Penny Lane".
        street = len(run) >= 2 and words[-1] in _STREET_WORDS and not run[0].first
        # A make is a name in any case, though the dictionary knows "ford" and "mustang".
        make = any(w in _MAKES for w in words) and not run[0].first
        common = (
            (titled or run[0].first)
            and anchor
            and not street
            and not make
            and all(_known(w) and not _acronym(t.original) for w, t in zip(words, run, strict=True))
            and words[-1] not in _FIRST_NAMES
            # "Coach Ramirez", "Aunt Lucia": a title, then a name no dictionary files.
            and not (
                len(words) >= 2 and words[-2] in _PERSON_TITLES and not parts_of_speech(words[-1])
            )
            and not named
            and not (placed and not run[0].first)
        )
        for token in run if common else ():
            token.common = True
            token.first = True
            token.original = token.word
        if titled and not common and words[-1] in _FIRST_NAMES:
            run[-1].first = False  # "Jack and Jill": its capital names her
        if not common and (named or street or (placed and not anchor)) and not run[0].first:
            for token in run:
                token.named = True  # "in New York" even in Title Case
        k = stop + 1


# A capitalised word and a number of one or two digits standing alone (not a time, a
# tempo, a decade or a part of a larger number).
_NAMED_NUMBER = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Verse|Chorus|Bridge|Part)\b)([A-Z][a-z]+) (\d{1,2})(?![\d,.:'\w])"
)


# An ordinal that begins a name: "5th Avenue", "3rd Street".
_ORDINAL_NAME = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) (?=[A-Z][a-z])")


@lru_cache(maxsize=1)
def _inflect() -> inflect.engine:
    return inflect.engine()


def _name_in_words(match: re.Match[str]) -> str:
    """ "Route 66" -> "Route Sixty-Six": a number is sung in words, capitalised as a name's."""
    words = str(_inflect().number_to_words(match[2], andword=""))
    return f"{match[1]} {'-'.join(w.capitalize() for w in words.replace(' ', '-').split('-'))}"


def _ordinal_in_words(match: re.Match[str]) -> str:
    """ "5th Avenue" -> "Fifth Avenue": an ordinal in a name is sung in words."""
    words = str(_inflect().number_to_words(_inflect().ordinal(match[1])))
    return "-".join(w.capitalize() for w in words.replace(" ", "-").split("-")) + " "


def _tokens(prompt: str) -> list[_Token]:
    """The prompt's words and boundaries (a comma for any punctuation that ends a phrase),
    with the notes `strip_notes` recognises already taken out."""
    # A name's number is part of the name, sung in words: "Route 66", "Highway 61".
    text = _NAMED_NUMBER.sub(_name_in_words, spelled_titles(prompt.replace("\u2019", "'")))
    # "Highway Nine": a number word that ends a name is part of the name, not a count.
    name_numbers = {m[2] for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", text)}
    text = _ORDINAL_NAME.sub(_ordinal_in_words, text)
    text = strip_notes(text)
    text = re.sub(r"(?i)\bw/\s*", " with ", text)
    text = re.sub(r"\s&\s", " and ", text)
    raw = _TOKEN.findall(text)
    alphabetic = [t for t in raw if t[0].isalpha() and len(t) > 2]
    # In a prompt written in Title Case or capitals, a capital says nothing about names.
    capitals = sum(t[0].isupper() for t in alphabetic)
    shouting = len(alphabetic) >= 3 and capitals >= 0.75 * len(alphabetic)
    tokens: list[_Token] = []
    first = True
    for piece in raw:
        if not (piece[0].isalpha() or piece == NUMBER):
            if tokens and tokens[-1].word != _BOUNDARY:
                tokens.append(_Token(_BOUNDARY, _BOUNDARY, True))
            first = True
            continue
        tokens.append(_Token(piece, piece.lower(), first))
        first = False
    while tokens and tokens[-1].word == _BOUNDARY:
        tokens.pop()
    # A year or a model's number between whose it is and what it is says which one, not
    # what: "my grandfather's 1967 Ford Mustang" is his Ford Mustang.
    tokens = [
        t
        for k, t in enumerate(tokens)
        if not (
            t.word == NUMBER
            and 0 < k < len(tokens) - 1
            and tokens[k + 1].word.isalpha()
            and (
                tokens[k - 1].word.endswith("'s")
                or tokens[k - 1].word in OWNERS | ARTICLES
                or tokens[k + 1].word in _MAKES  # "my red 1967 Ford Mustang"
            )
        )
    ]
    _mark_common(tokens)
    for k, token in enumerate(tokens):
        if (
            k
            and token.word in NUMBERS
            and token.original in name_numbers
            and tokens[k - 1].original[0].isupper()
        ):
            token.named = True
    # In a prompt all in capitals "AI" is written as every other word is.
    yelled = all(t.isupper() for t in alphabetic)
    for token in tokens:
        if yelled and _acronym(token.original) and len(alphabetic) >= 3:
            token.original = token.word
        if shouting and not token.common and not token.named:
            token.first = True
            if parts_of_speech(token.word) and not _acronym(token.original):
                token.original = token.word
    return tokens


def _segments(tokens: list[_Token]) -> list[list[_Token]]:
    segments: list[list[_Token]] = [[]]
    for token in tokens:
        if token.word == _BOUNDARY:
            segments.append([])
        else:
            segments[-1].append(token)
    return [s for s in segments if s]


def _marker(words: list[str]) -> int | None:
    """Where the subject opens: "about", or "for"/"of"/"to"/"on" right after the kind of
    piece or a music word ("a lullaby for", "a ballad of", "an ode to")."""
    for i, word in enumerate(words):
        if word in SUBJECT_MARKERS:
            return i
        if i and word in PIECE_MARKERS and music_word(words[i - 1]):
            return i
        if i and (words[i - 1], word) in {("dedicated", "to"), ("inspired", "by")}:
            return i
    return None


def _is_tag_list(segment: list[_Token]) -> bool:
    """A tag or a list of them that only says how the music sounds: "piano and strings",
    "female vocal", "lofi", "no drums", "sparse piano", "gated reverb drums". A particular
    instrument ("my guitar", "the old piano") or any other noun makes it a subject."""
    words = [t.word for t in segment]
    spanned = genre_spans(words) | instrument_spans(words)
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if i in spanned or music_word(word):
            after_genre = i > 0 and music_word(words[i - 1])
            if word in _KINDS and i not in spanned and not after_genre:
                return False  # "island", "church": a place as much as a style
            if any(t.word in _DETERMINERS or _personal(t.word, t.original) for t in segment[:i]):
                return False  # "my guitar", "Maria's guitar": a particular instrument
            continue
        if _gerund(word) and following in PARTICLES:
            return False  # "moving out": something done, not a "moving" sound
        if word in FRAME_WORDS or word in MOODS or word in _TAG_FILLERS or word in MEASURES:
            continue
        tags = parts_of_speech(word)
        # "dreamy", "light percussion": an adjective, even one that can name a thing
        if "ADJ" in tags and (word not in _KINDS or music_word(following)):
            continue
        # A word no dictionary knows ("synthy"), or a maker's name before an instrument
        # ("Juno pads"), describes the sound.
        if not tags and (not pronouncing.phones_for_word(word) or music_word(following)):
            continue
        return False
    return True


def _personal(word: str, original: str) -> bool:
    """Someone's possessive: "Maria's", "grandpa's"."""
    stem = word.removesuffix("'s")
    return stem != word and (original[0].isupper() or _KINDS.get(stem) == BEING)


def _with_notes(words: list[str], start: int, zone: str) -> range | None:
    """The words from "with" at `start` that list sounds ("with heavy 808s and a sad piano
    intro", "with walls of guitar"), or None when it names someone or something of the
    story ("with my family", "a girl with a guitar")."""
    spanned = genre_spans(words) | instrument_spans(words)
    # In the story, a one-word genre is a thing ("a driver with a radio"); in the frame it
    # is the sound ("a song with a radio feel").
    sounds = music_word if zone == _FRAME else sound_word
    last_music = None
    j = start + 1
    while j < len(words):
        word = words[j]
        following = words[j + 1] if j + 1 < len(words) else ""
        if j in spanned or sounds(word) or word == NUMBER:
            last_music = j
        elif not (
            word in ARTICLES
            or word in {"and", "or", "of"}
            or word in MOODS
            or word in _TAG_FILLERS
            or word in MEASURES
            or ("ADJ" in parts_of_speech(word) and word not in _KINDS)
            or (not parts_of_speech(word) and music_word(following))
        ):
            break
        j += 1
    if last_music is None:
        return None
    before = singular(words[start - 1]) if start else ""
    if zone != _FRAME and _KINDS.get(before) == BEING and words[start + 1] in ARTICLES:
        return None  # "a girl with a guitar"
    if zone != _FRAME and before and not music_word(before) and _players(words[start + 1 : j]):
        return None  # "a wedding with a brass band": the band plays at the wedding
    return range(start, last_music + 1)


# Groups of players: at an event of the story they are part of it ("a wedding with a brass
# band"), while a bare list of instruments is the track's own sound ("with strings").
_ENSEMBLES = frozenset(
    _split("band bands choir choirs orchestra orchestras ensemble quartet trio quintet")
)


def _players(listed: list[str]) -> bool:
    """Whether a "with" list names only groups of players, each with its article: "a brass
    band", "a choir and an orchestra"; not "strings and a choir"."""
    items: list[list[str]] = [[]]
    for word in listed:
        if word in {"and", "or"}:
            items.append([])
        else:
            items[-1].append(word)
    return all(len(item) >= 2 and item[0] in ARTICLES and item[-1] in _ENSEMBLES for item in items)


def _mark(tokens: list[_Token]) -> None:
    """Sets each token's zone, marks the word that opens the subject, and marks as notes
    the words that describe the music where the grammar says they do."""
    begun = False  # the subject has begun (in an earlier tag or clause)
    for segment in _segments(tokens):
        words = [t.word for t in segment]
        at = _marker(words)
        if at is None and _is_tag_list(segment):
            for token in segment:
                token.note = True
            continue
        piece = next((i for i, w in enumerate(words) if w in PIECES), None)
        if at is not None:
            segment[at].marker = True
            for i, token in enumerate(segment):
                token.zone = _FRAME if i <= at else _ABOUT
            begun = True
        elif piece is not None and not begun:
            for token in segment:
                token.zone = _FRAME
        else:
            begun = True
        for i in genre_spans(words):
            segment[i].note = True
        instruments = instrument_spans(words)
        for i, token in enumerate(segment):
            word = token.word
            if token.zone == _FRAME:
                # Before the kind of song a genre is a genre, even one that names a place
                # ("a soul song", "a campfire song").
                token.note = token.note or music_word(word) or i in instruments
            elif word == NUMBER or (
                (sound_word(word) or not pronouncing.phones_for_word(word))
                and music_word(word)
                and "NOUN" not in parts_of_speech(word)
            ):
                # Words that only name a sound ("reverb", "lofi", "uptempo") are no subject;
                # a genre's name may be a name too ("christmas eve").
                token.note = True
            if word in WITH_WORDS:
                run = _with_notes(words, i, token.zone)
                for j in run or ():
                    segment[j].note = True


@dataclass(frozen=True)
class _Found:
    """A phrase as read, with what decides its role."""

    phrase: NounPhrase
    zone: str
    intro: str  # the word that led to it: a preposition, "and", a verb, "" at the start
    opens: bool  # it follows the word that opens the subject, or starts the prompt or a tag
    after_phrase: bool  # it follows another phrase directly ("the bottom *of* the sea")
    determined: bool  # an article or an owner comes first: "the piano", "my guitar"
    names_song: bool  # it stands right before the kind of song: "a *love* song"
    after_being_in_a: bool  # "a girl in *a yellow raincoat*": what she wears, not where
    at: tuple[int, ...] = ()  # where its words stand among the reader's words
    possessor: bool = False  # whose the next phrase is: "*my sister*'s wedding"


# Endings of nouns for someone who does something: "dentist", "electrician", "librarian"
# (a "playlist" or a "wrist" is no one).
_AGENT = re.compile(r"^(?!.*list$)\w{3,}(?:ist|ician|arian)$")


def _kind(head: str, proper: bool, intro: str) -> str:
    if head in _KINDS:
        return _KINDS[head]
    if head.lower() in _BEING_ACRONYMS:
        return BEING
    if _acronym(head) or head in _COMMON_ACRONYMS:
        # "AI", "NASA": a thing, or where one is ("in NYC").
        return PLACE if intro in PLACE_PREPOSITIONS or _is_motion(intro) else THING
    if head.lower().removesuffix("s") in _WEEKDAYS:
        return SKY  # "Saturdays at my barber shop" are times, not a man named Saturdays
    if proper:
        if head.lower() in CALENDAR:
            return SKY
        if head.lower() in _STREET_WORDS:
            return PLACE  # "Frenchmen Street"
        return PLACE if intro in PLACE_PREPOSITIONS or _is_motion(intro) else BEING
    if head.endswith(_IDEA_SUFFIXES):
        return IDEA
    if head.endswith("man"):
        return BEING  # "the mailman", "a fisherman", "a snowman"
    if _AGENT.search(head):
        return BEING  # "a dentist", "the electrician", "the librarian"
    return THING


def _is_motion(word: str) -> bool:
    return bool(set(getAllLemmas(word).get("VERB", ())) & MOTION_VERBS)


def _is_frame(word: str) -> bool:
    return (word in FRAME_WORDS or word in PIECES or word in MOODS) and word not in _KINDS


def _can_be_noun(word: str) -> bool:
    tags = parts_of_speech(word)
    return "NOUN" in tags or "PROPN" in tags


ARTICLES = frozenset(["a", "an", "the", "some", "every", "each"])
# Endings of words such as "European", "Spanish", "Japanese", "Arctic": after an article
# they describe the next noun rather than name someone.
_PROPER_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "i")


def _is_name(
    word: str,
    original: str,
    first: bool,
    previous: str = "",
    *,
    common: bool = False,
    named: bool = False,
) -> bool:
    """A name: a capitalised word mid-prompt, or a word the tagger does not know that the
    pronouncing dictionary (which lists many names) knows. After an article an unknown word
    is a common noun ("an igloo"), and a capitalised adjective is an adjective ("a European
    orchestra"). `common`: a dictionary word whose capital only titles ("a Casino Heist").
    An acronym is a name unless it names a kind of thing or person ("the TV", "a DJ")."""
    word = word.removesuffix("'s")
    if named:
        return True
    if word in NUMBERS or word == NUMBER or common:
        return False
    if _acronym(original.removesuffix("'s")):
        return word not in _COMMON_ACRONYMS and previous not in {"a", "an"}  # "an AI"
    after_article = previous in ARTICLES
    if parts_of_speech(word):
        if after_article and "ADJ" in parts_of_speech(word):
            return False
        return original[0].isupper() and not first and word not in FRAME_WORDS
    if after_article:
        return original[0].isupper() and not word.endswith(_PROPER_ADJECTIVE_ENDINGS)
    return bool(pronouncing.phones_for_word(word)) or original[0].isupper()


_ADJECTIVE_SUFFIXES = ("-long", "-old", "-like", "-sized", "-shaped")


# Adjectives that place a thing in a series rather than name it: "my dog *last* night".
_ORDER_WORDS = frozenset(_split("last next first past final only same other own previous whole"))


def _plain_noun(word: str) -> bool:
    """A noun in its own form that is no participle and no adjective of degrees: "party",
    "joint", "home" (which can describe too), not "left", "old" or "red"."""
    nouns = getAllLemmas(word).get("NOUN", ())
    if word in _ORDER_WORDS or (word not in nouns and singular(word) not in nouns):
        return False
    gradable = "JJR" in getAllInflections(word, upos="ADJ")
    return not gradable and not _participle(word)


def _post_modifier(word: str) -> bool:
    """An adjective or an inflected verb form ("left", "stolen"), which after a noun says
    something about it rather than naming another thing."""
    tags = getAllLemmas(word)
    if "ADJ" in tags:
        return True
    verb = tags.get("VERB", ())
    return bool(verb) and word not in verb and not word.endswith("s")


def _describes(word: str) -> bool:
    """A word that can describe or act (an adjective or a verb form) as well as name a thing:
    "left", "heavy", "crossing". As the last word of a phrase it is a noun only when nothing
    else in the phrase could be."""
    tags = parts_of_speech(word)
    return bool(tags & {"ADJ", "VERB"}) or word.endswith(_ADJECTIVE_SUFFIXES)


# Verbs whose gerund takes a description of its doer: "getting fired", "growing old".
_PERFECT = frozenset(_split("have has had"))
# Words that make the verb after them finite, whose subject is the phrase before them.
_MODALS = frozenset(
    _split("will would can could should must might shall won't can't couldn't wouldn't")
)


def _finite_verb(word: str) -> bool:
    """A past or third-person present form of a verb that is no noun of its own: "fell",
    "sweeps", "drove"; not "lights" or "falls", which name things too."""
    lemmas = getAllLemmas(word).get("VERB", ())
    if not lemmas or word in lemmas or ("NOUN" in getAllLemmas(word) and not past_tense(word)):
        return False
    return past_tense(word) or any(
        word in getAllInflections(lemma).get("VBZ", ()) for lemma in lemmas
    )


_LINKING_VERBS = frozenset(
    _split("be get feel become go grow turn stay keep fall look seem come end remain")
)


def _participle(word: str) -> bool:
    """A past participle or past form ("fired", "lost", "left"), not the verb's own form."""
    verbs = getAllLemmas(word).get("VERB", ())
    return bool(verbs) and word not in verbs and not word.endswith(("s", "ing"))


def _names_thing(word: str) -> bool:
    """A word that can name a thing after a modifier: "pool" after "a swimming"."""
    if not word or word == _BOUNDARY or _is_frame(word) or _gerund(word) or _participle(word):
        return False
    return _can_be_noun(word) or not parts_of_speech(word)


def _complement(gerund: str, word: str, then: str) -> bool:
    """Whether `word` says how the action goes or what its doer becomes ("studying *late*",
    "getting *fired*", "growing *old*") rather than naming what it acts on."""
    if not word or word == _BOUNDARY or _is_frame(word) or word in PLACE_PREPOSITIONS:
        return False
    tags = parts_of_speech(word)
    if "ADV" in tags and "NOUN" not in tags and word not in _PARTICLE_PREPOSITIONS:
        return True
    linking = bool(set(getAllLemmas(gerund).get("VERB", ())) & _LINKING_VERBS)
    describes = _participle(word) or "ADJ" in tags
    # "getting good grades": the adjective goes with the noun after it.
    return linking and describes and not _names_thing(then)


def _gerund(word: str) -> bool:
    """An -ing form of a verb ("crossing"), not a verb that ends so ("fling", "sing")."""
    verbs = getAllLemmas(word).get("VERB", ())
    return (
        word.endswith("ing")
        and word not in NOMINAL_ING
        and bool(verbs)
        and word not in verbs
        and word not in MOODS
    )


def _frequency_spans(words: list[str]) -> set[int]:
    """Indexes of the words that say how often ("three times", "twice a week", "every
    day", "all night long"): an adverbial, never a thing of the story."""
    counts = NUMBERS | {NUMBER, "many", "several", "countless", "a few", "few"}
    found: set[int] = set()
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        end = i
        if word in counts and nxt in {"times", "time"} and word != "one":
            end = i + 1
        elif word in _FREQUENCY_ADVERBS or (word == "at" and nxt in {"first", "last", "once"}):
            end = i + (word == "at")
        elif word in {"at", "in"} and nxt == "the" and words[i + 2 : i + 4] == ["end"]:
            end = i + 2  # "hopeful at the end"; "at the end of the world" is a place
        elif word in _EVERY and nxt in _TIME_UNITS:
            end = i + 1
            if i + 2 < len(words) and words[i + 2] == "long":
                end = i + 2
        elif (
            word in {"next", "last", "this"}
            and (nxt in _TIME_UNITS or nxt in CALENDAR)
            and i
            and words[i - 1] not in _NOT_BEFORE_WHEN
            and not words[i - 1].endswith("'s")  # "a coal miner's last day"
        ):
            end = i + 1  # "to Tokyo next month", "her wedding this December": when
        elif word in {*_EVERY, "on"} and nxt.removesuffix("s") in _WEEKDAYS:
            # "every Friday", "on Sundays", "every Friday night": when, not what.
            end = i + 1 + (words[i + 2 : i + 3] in (["night"], ["morning"], ["evening"]))
        else:
            i += 1
            continue
        # "... a week", "... per day", "... every year"
        if words[end + 1 : end + 2] in (["a"], ["per"], ["every"], ["each"]) and (
            words[end + 2 : end + 3] and words[end + 2] in _TIME_UNITS
        ):
            end += 2
        found.update(range(i, end + 1))
        i = end + 1
    return found


def _infinitive(word: str, following: str) -> bool:
    """Whether `word`, after "to", is a verb in its own form ("to *bake* bread", "to
    *watch* a meteor shower") rather than where one goes ("to school", "learning to
    love")."""
    if word in _KINDS or word not in getAllLemmas(word).get("VERB", ()):
        return False
    if "NOUN" not in parts_of_speech(word):
        return True
    return following in ARTICLES or following in OWNERS or following in _DETERMINERS


class _Reader:
    """Chunks the prompt's words (notes taken out) into noun phrases, noting for each what
    led to it; `extract_subject` then gives each its role."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.words = [t.word for t in tokens]
        self.originals = [t.original for t in tokens]
        self.found: list[_Found] = []
        self.colours: set[str] = set()  # mood words that colour a thing ("a blue pickup")
        self.action_words: list[str] = []
        self.action_at: list[int] = []  # where the action's words stand
        self.acting_at: set[int] = set()  # verbs of a phrase's noun: "my fingers *hurt*"
        self.actor = False  # the action belongs to the phrase before it
        self.run: list[int] = []
        self.owner = ""
        self.intro = ""
        self.run_intro = ""
        self.opens = True
        self.run_opens = True
        self.last_end = -1  # index of the last word of the latest phrase

    def _previous(self, i: int) -> str:
        return self.words[i - 1] if i else ""

    def _first(self, i: int) -> bool:
        return self.tokens[i].first

    def _name(self, i: int) -> bool:
        """Whether the word at `i` is a name (see `_is_name`)."""
        token = self.tokens[i]
        return _is_name(
            token.word,
            token.original,
            token.first,
            self._previous(i),
            common=token.common,
            named=token.named,
        )

    def _capitalised(self, i: int) -> bool:
        """The word at `i` is written with a capital mid-sentence: a name ("past Saturn")."""
        return i < len(self.tokens) and self.originals[i][0].isupper() and not self._first(i)

    def _modifies_next(self, i: int) -> bool:
        """The word after `i` is a noun the word at `i` describes: "heavy metal"."""
        if i + 1 >= len(self.words):
            return False
        nxt = self.words[i + 1]
        if nxt in GENRES or nxt in PIECES:
            return True
        if nxt in PARTICLES:
            return False  # "the corner shop back home"
        # "a train crossing the desert": the train does the crossing.
        return not _is_frame(nxt) and _can_be_noun(nxt) and not _gerund(nxt)

    def close(self) -> None:
        if self.run:
            self._add_phrase(self.run)
        self.run, self.owner = [], ""

    def read(self) -> None:
        words = self.words
        skip: set[int] = set()
        often = _frequency_spans(words)
        in_relative = False
        for i, word in enumerate(words):
            if i in skip:
                continue
            if i in often:
                self.close()  # "failing my driving test three times": how often
                continue
            if word == _BOUNDARY:
                self.close()
                in_relative = False
                self.intro, self.opens = _BOUNDARY, True
                continue
            if word in CLAUSE_OPENERS or word in SUBJECT_PRONOUNS or word in _NOBODY:
                # "someone who left", "the last text she sent": the clause's verb is not
                # a subject.
                self.close()
                in_relative = True
                self.intro, self.opens = word, False
                continue
            if self._previous(i) in _PERFECT and _participle(word):
                # "his sons have *left* the village": a verb, not a thing.
                self.close()
                self.intro, self.opens = word, False
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            leads_to = nxt in ARTICLES or nxt in OWNERS or self._capitalised(i + 1)
            preposition = (word in PLACE_PREPOSITIONS and word in FRAME_WORDS) or (
                word in _PARTICLE_PREPOSITIONS and leads_to
            )
            if in_relative and not (
                preposition
                or word in {"about", "for", "of", "with"}
                or word in ARTICLES
                or word in OWNERS
            ):
                # What the clause's verb acts on is a thing of the story: "who ran *a
                # bakery*", with the clause's word before it.
                continue
            in_relative = False
            if word == "back" and nxt == "home" and self.run:
                self.close()  # "the corner shop back home": where it is, not its name
                skip.add(i + 1)
                continue
            if word == "home" and self.run and singular(words[self.run[-1]]) in _JOURNEYS:
                # "the night bus home", "the last train home": the bus goes home; the
                # home is where, not a house the bus names.
                self.close()
                self.intro, self.opens = "to", False
            if not self.run and self._previous(i) == "to" and _infinitive(word, nxt):
                # "to watch a meteor shower", "to bake bread": a verb, not a thing.
                self.intro, self.opens = word, False
                continue
            if word in _PARTICLE_PREPOSITIONS and leads_to:
                self.close()  # "down the street"
                self.intro, self.opens = word, False
                continue
            if word in OWNERS and not self.run:
                self.owner = word
                continue
            if (
                word in _NAMING
                and self.run
                and singular(words[self.run[-1]]) in _PEOPLE
                and self._capitalised(i + 1)
            ):
                # "a girl named Rosa" is Rosa, as "my friend Rose" is Rose; "a dog named
                # Max" stays a dog, whose world the song is in.
                continue
            if (
                _gerund(word)
                and self.run
                and not self.action_words
                and (_can_be_noun(words[self.run[-1]]) or self.originals[self.run[-1]][0].isupper())
                and "ADJ" not in parts_of_speech(words[self.run[-1]])
            ):
                # "a grandmother baking bread": the noun before the gerund is who does it.
                self.close()
                self.actor = any(f.zone != _FRAME for f in self.found)
            # After an article or an owner a gerund names a kind of thing: "a swimming
            # pool", "my running shoes".
            modifier = (
                self._previous(i) in ARTICLES | _DETERMINERS and _names_thing(nxt)
            ) or f"{word} {singular(nxt)}" in _ING_COMPOUNDS
            if _gerund(word) and not self.run and not modifier:
                self.intro, self.opens = word, False
                if self.action_words:
                    continue  # a second verb: "dreaming of her daughter"
                self.action_words = [word]
                self.action_at = [i]
                # A particle or a bare object completes it: "driving home", "counting stars".
                then = words[i + 2] if i + 2 < len(words) else ""
                leads_on = nxt in _PARTICLE_PREPOSITIONS and (
                    then in ARTICLES or then in OWNERS or self._capitalised(i + 2)
                )
                if leads_on:
                    pass  # "drifting down the stream": a preposition, not a particle
                elif nxt in PARTICLES:
                    self.action_words.append(nxt)
                    self.action_at.append(i + 1)
                    if nxt not in _KINDS:  # "growing up"; "driving home" sings the home
                        skip.add(i + 1)
                elif _complement(word, nxt, then):
                    # How or as what: "getting fired", "studying late", "growing old".
                    self.action_words.append(nxt)
                    self.action_at.append(i + 1)
                    skip.add(i + 1)
                elif nxt and nxt != _BOUNDARY and not _is_frame(nxt) and _can_be_noun(nxt):
                    self.action_words.append(nxt)
                    self.action_at.append(i + 1)
                    if "ADJ" in parts_of_speech(nxt) and _names_thing(then):
                        # "drinking cold coffee": the adjective's noun is what is acted on.
                        self.action_words.append(then)
                        self.action_at.append(i + 2)
                elif nxt in {"in", "on", "for", "with"} and then in REFLEXIVES:
                    self.action_words += [nxt, REFLEXIVES[then]]
                    self.action_at += [i + 1, i + 2]
                    skip |= {i + 1, i + 2}
                continue
            # "a brass band" the story names is players, not a word about the song.
            ensemble = word in _ENSEMBLES and (bool(self.run) or self._previous(i) in ARTICLES)
            # "my dad's old blue pickup": a colour in a phrase, not the song's mood.
            coloured = (
                word in _COLOURS
                and (
                    (bool(self.run) and not _is_frame(self.words[self.run[-1]]))
                    or self._previous(i) in OWNERS
                )
                and _names_thing(nxt)
            )
            if coloured:
                self.colours.add(word)
            if (_is_frame(word) and not ensemble and not coloured) or (
                word.endswith("'s") and word.removesuffix("'s") in GENRES
            ):
                self.close()
                if word in _INTRO_WORDS or self.tokens[i].marker:
                    self.intro = word
                    self.opens = self.tokens[i].marker
                continue
            if self._tells(i):
                # "my best friend Lena *will* move", "my brother Jake *fell* asleep": the
                # verb ends the phrase, and what it does is no thing.
                self.close()
                self.intro, self.opens = word, False
                if word in _MODALS and nxt and "VERB" in parts_of_speech(nxt):
                    skip.add(i + 1)
                continue
            if not self.run:
                self.run_intro, self.run_opens = self.intro, self.opens
            self.run.append(i)
        self.close()

    def _place_of(self, i: int) -> bool:
        """Whether the name at `i` follows "of" after a place's kind: "my hometown of
        Duluth", "the city of Lights" name a place."""
        return (
            i >= 2
            and self.words[i - 1] == "of"
            and _KINDS.get(singular(self.words[i - 2])) == PLACE
        )

    def _tells(self, i: int) -> bool:
        """Whether the word at `i` is a finite verb after its subject: a modal or an
        auxiliary after a noun or a name ("Lena will move", "the car is gone"), or a past
        or present verb after a name ("Jake fell", "Sato sweeps"); after a plain noun an
        inflected verb describes it ("an umbrella left on the train")."""
        word = self.words[i]
        if not self.run:
            # "... into a rusty Corolla and drove to Nashville": a second verb.
            return self._previous(i) == "and" and past_tense(word) and bool(self.found)
        last = self.run[-1]
        if word in _MODALS:
            return True
        named = self.originals[last][0].isupper() and not self._first(last)
        return named and self._name(last) and _finite_verb(word)

    def _add_phrase(self, indexes: list[int]) -> None:
        words, originals = self.words, self.originals
        # The head is the last word that can be a noun or is a name, unless an adjective or
        # a participle follows a plain noun: then that noun is the head and the rest
        # describes it. A noun after a noun heads a compound even if it can describe too
        # ("a rooftop party", "a burger joint"). An adjective left dangling before the
        # song's kind is dropped.
        head_at = None
        for position in range(len(indexes)):
            i = indexes[position]
            if self._name(i):
                head_at = position
            elif head_at is not None and _participle(words[i]) and not _can_be_noun(words[i]):
                break  # what follows a participle describes the noun: "a party gone wrong"
            elif head_at is not None and self._acts(indexes[head_at], i):
                self.acting_at.add(i)
                break  # "the mine closes forever": the noun's verb
            elif words[i].endswith("'s") and _can_be_noun(words[i].removesuffix("'s")):
                head_at = position  # "a coal miner's last day": the possessor is a noun
            elif (
                _can_be_noun(words[i])
                or (self.tokens[i].common and not parts_of_speech(words[i]))
                or (
                    not parts_of_speech(words[i])
                    and self._previous(i) in ARTICLES
                    and originals[i].islower()
                )
            ) and not words[i].endswith(_ADJECTIVE_SUFFIXES):
                if head_at is not None and self._describes_held(indexes[head_at], i):
                    break
                head_at = position
        last = indexes[-1]
        if head_at is None and originals[last][0].isupper() and not parts_of_speech(words[last]):
            # A capitalised word after an article that describes nothing after it is a
            # name the dictionary lacks: "over the Atlantic".
            head_at = len(indexes) - 1
            alone = True
        else:
            alone = False
        if head_at is None:
            return
        head_word = words[indexes[head_at]]
        if (
            head_at == len(indexes) - 1
            and _describes(head_word)
            and not _is_name(
                head_word,
                originals[indexes[head_at]],
                False,
                self._previous(indexes[head_at]),
                common=self.tokens[indexes[head_at]].common,
                named=self.tokens[indexes[head_at]].named,
            )
            and self._modifies_next(indexes[head_at])
        ):
            return  # "a heavy metal anthem": the adjective describes the song, not a thing
        kept = indexes[: head_at + 1]
        head_index = kept[-1]
        proper = self._name(head_index)
        # A make or a model is the name of a thing one owns ("my grandfather's Ford
        # Mustang", "my Gibson"), a person only with a name of his own ("Henry Ford").
        made = (
            proper
            and words[head_index] in _MAKES
            and not any(words[i] not in _MAKES and self._name(i) for i in kept)
        )
        proper = proper and not made
        called = ""
        # "my friend Rose", "my dog Max", "our neighbour Mister Haruki Sato": the name is
        # who it is; lines call them by it.
        role = next(
            (
                p
                for p in range(len(kept) - 2, -1, -1)
                if _KINDS.get(singular(words[kept[p]])) == BEING and not self._name(kept[p])
            ),
            None,
        )
        if proper and role is not None and all(self._name(i) for i in kept[role + 1 :]):
            called = " ".join(singular(words[i]) for i in kept[: role + 1])
            kept = kept[role + 1 :]
        # Names are capitalised; a capitalised adjective keeps its capital ("the Japanese
        # garden").
        sung = [
            originals[i]
            if _acronym(originals[i].removesuffix("'s"))
            else originals[i][0].upper() + words[i][1:]
            if self._name(i)
            and (not _can_be_noun(words[i].removesuffix("'s")) or self._capitalised(i))
            else originals[i]
            if i and originals[i][0].isupper() and not _can_be_noun(words[i])
            else words[i]
            for i in kept
        ]
        # A possessive inside the phrase stays ("grandmother's kitchen"); one that ends it
        # belonged to the frame ("a children's song").
        sung[-1] = sung[-1].removesuffix("'s")
        head = singular(words[head_index].removesuffix("'s"))
        if self.tokens[head_index].common and _plural_of_known(head):
            head = head.removesuffix("s")  # "Burgers", which lemminflect lacks
        owned = max((p for p, i in enumerate(kept[:-1]) if words[i].endswith("'s")), default=-1)
        possessor = self._possessor(kept[: owned + 1], sung[: owned + 1]) if owned >= 0 else None
        compound = 1
        while (
            len(kept) - compound - 1 > owned
            and not proper
            and self._compound_part(kept[len(kept) - compound - 1])
        ):
            compound += 1
        phrase = NounPhrase(
            words=tuple(sung),
            head=head if not proper else sung[-1],
            plural=(not proper)
            and (
                is_plural(words[head_index])
                or (self.tokens[head_index].common and _plural_of_known(words[head_index]))
            ),
            proper=proper,
            owner=self.owner,
            kind=BEING
            if called and _KINDS.get(called.split()[-1]) == BEING
            else PLACE
            if proper and self._place_of(kept[0])
            else _kind(head if not proper else sung[-1], proper or alone, self.run_intro),
            compound=compound,
            possessive=_POSSESSIVES.get(possessor.head, "the") if possessor else "",
            called=called,
            # "growing up in the Bronx" is sung "the Bronx", never "Bronx".
            article="the" if proper and kept[0] > 0 and words[kept[0] - 1] == "the" else "",
        )
        if made:
            phrase = replace(phrase, kind=THING)
        # What lasts a while is a span of time, not an object: "an hour-long wait".
        if any(w.endswith("-long") for w in sung) and phrase.kind == THING:
            phrase = replace(phrase, kind=IDEA)
        # "the passage of time": what the idea after "of" names is an idea too.
        after_of = head_index + 2 < len(words) and words[head_index + 1] == "of"
        if after_of and phrase.kind == THING and head not in _KINDS:
            rest = [w for w in words[head_index + 2 : head_index + 5] if w not in ARTICLES]
            if rest and _KINDS.get(singular(rest[0])) == IDEA:
                phrase = replace(phrase, kind=IDEA)
        if any(f.phrase.text == phrase.text for f in self.found):
            return
        start = indexes[0]
        before = [w for w in words[self.last_end + 1 : start] if w not in ARTICLES]
        previous = self.found[-1].phrase if self.found else None
        follows = words[indexes[-1] + 1] if indexes[-1] + 1 < len(words) else ""
        if possessor is not None and not any(f.phrase.text == possessor.text for f in self.found):
            self.found.append(
                _Found(
                    possessor,
                    zone=self.tokens[start].zone,
                    intro=self.run_intro,
                    opens=False,
                    after_phrase=False,
                    determined=True,
                    names_song=False,
                    after_being_in_a=False,
                    at=tuple(kept[: owned + 1]),
                    possessor=True,
                )
            )
        self.found.append(
            _Found(
                phrase,
                zone=self.tokens[start].zone,
                intro=self.run_intro,
                opens=self.run_opens,
                after_phrase=self.last_end >= 0 and len(before) <= 2,
                # Someone's is a particular one too: "Maria's guitar".
                determined=bool(self.owner)
                or self._previous(start) in ARTICLES | _DETERMINERS
                or possessor is not None,
                names_song=follows in GENRES or follows in PIECES,
                after_being_in_a=self.run_intro == "in"
                and self._previous(start) in {"a", "an"}
                and previous is not None
                and previous.kind == BEING,
                at=tuple(kept),
            )
        )
        self.last_end = head_index

    def _acts(self, held: int, i: int) -> bool:
        """Whether the word at `i`, right after the singular noun at `held`, is that noun's
        verb ("the mine *closes* forever", "the dog *chases* the cat") rather than a plural
        naming a thing with it ("the city lights"): an -s verb form followed by an adverb
        or by what it acts on. After a plural noun, the verb's own form is its verb too
        ("until my fingers *hurt*", "our hands *shake*")."""
        word = self.words[i]
        verbs = getAllLemmas(word).get("VERB", ())
        if i == held + 1 and self._plural_acts(held, word, verbs):
            return True
        if i != held + 1 or not verbs or word in verbs or not word.endswith("s"):
            return False
        if is_plural(self.words[held]) or self.words[held].endswith("'s"):
            return False
        following = self.words[i + 1] if i + 1 < len(self.words) else ""
        tags = parts_of_speech(following)
        adverb = "ADV" in tags and "NOUN" not in tags and "ADJ" not in tags
        return adverb or following in ARTICLES or following in OWNERS

    def _plural_acts(self, held: int, word: str, verbs: tuple[str, ...]) -> bool:
        """Whether `word`, right after the plural noun at `held`, is a verb in its own form
        that the noun does ("my fingers *bleed*") rather than a noun named with it (a
        plural rarely names a thing with the noun after it: "the sports car" is rare)."""
        held_word = self.words[held]
        if held_word.endswith("'s") or not is_plural(held_word) or word not in verbs:
            return False
        return word not in _KINDS and not music_word(word) and singular(word) == word

    def _describes_held(self, held: int, i: int) -> bool:
        """Whether the word at `i`, after the noun at `held`, describes that noun ("an
        umbrella *left* on the train", "a soldier *home* from the war") rather than naming
        a thing with it ("a rooftop *party*", "a kid's first *day*")."""
        word, before = self.words[i], self.words[held]
        if before.endswith("'s") or not _post_modifier(word) or _post_modifier(before):
            return False  # after a word that can describe too: "two old friends"
        following = self.words[i + 1] if i + 1 < len(self.words) else ""
        if self.originals[held][0].isupper() and _plain_noun(word) and fields_of(singular(word)):
            return False  # a make names the thing after it: "a Ford pickup", "a Gibson guitar"
        if self.originals[held][0].isupper() or (
            following == "from" and "ADV" in parts_of_speech(word)
        ):
            return True  # "Seoul last spring", "home from the war"
        return not _plain_noun(word)

    def _possessor(self, indexes: list[int], sung: list[str]) -> NounPhrase:
        """Whose the phrase's thing is, as a phrase of its own ("my sister" in "my sister's
        wedding day"), so that lines can name her."""
        words = [*sung[:-1], sung[-1].removesuffix("'s")]
        last = indexes[-1]
        word = self.words[last].removesuffix("'s")
        proper = _is_name(
            word,
            self.originals[last],
            self._first(last),
            self._previous(last),
            common=self.tokens[last].common,
            named=self.tokens[last].named,
        )
        head = words[-1] if proper else singular(word)
        return NounPhrase(
            words=tuple(words),
            head=head,
            plural=False,
            proper=proper,
            owner=self.owner,
            kind=_kind(head, proper, self.run_intro),
        )

    def _compound_part(self, i: int) -> bool:
        """Whether the word at `i`, before a noun, names the thing with it ("*disco* ball",
        "*swimming* pool", "*burger* joint") rather than describing it ("old", "broken")."""
        word = self.words[i]
        if word.endswith("'s") or is_plural(word) or word == NUMBER or word in NUMBERS:
            return False
        if self._name(i):
            return False
        return _plain_noun(word) or _gerund(word) or not parts_of_speech(word)


def _only_sound(found: _Found) -> bool:
    """A phrase that names the music, not the story: "field recordings", "soft drums", a
    bare "jazz" in a list. After "about" an instrument is the subject ("a song about my
    grandfather's piano"), and so is a particular one anywhere ("an old piano in the attic",
    "church bells")."""
    phrase = found.phrase
    head = phrase.head.lower()
    if phrase.proper or head in _KINDS or found.zone == _ABOUT or _gerund(found.intro):
        return False  # after a verb it is what someone does: "playing guitar"
    if not music_word(head) and not music_word(phrase.words[-1].lower()):
        return False
    if found.zone == _FRAME or (sound_word(head) and head not in INSTRUMENTS):
        return True
    modifiers = [w.lower().removesuffix("'s") for w in phrase.words[:-1]]
    story = [w for w in modifiers if _can_be_noun(w) and not music_word(w)]
    return not found.determined and not story


def _roles(found: list[_Found]) -> list[NounPhrase]:
    """Each phrase with its role, lead first, then the others in the prompt's order and the
    ones naming the kind of song last."""
    out: list[NounPhrase] = []
    lead_taken = False
    previous_role = ""
    possessors: list[NounPhrase] = []
    for f in found:
        phrase = f.phrase
        if f.possessor:
            # Whose the next phrase is goes with it and never leads: "my sister's wedding".
            possessors.append(replace(phrase, role=COMPANY))
            out.append(possessors[-1])
            continue
        if f.zone == _FRAME or (f.names_song and not f.opens and f.intro in {"", _BOUNDARY}):
            role = THEME
        elif f.intro in {"and", "or", _BOUNDARY} and previous_role in {LEAD, COMPANY, SETTING}:
            role = SETTING if previous_role == SETTING else COMPANY
        elif f.opens or f.intro in {"", _BOUNDARY, "and", "or"}:
            role = COMPANY if lead_taken else LEAD
        elif f.intro == "of":
            role = SETTING if previous_role == SETTING and f.after_phrase else COMPANY
        elif f.intro in PLACE_PREPOSITIONS or _is_motion(f.intro):
            # Someone there is company; so is what a person is in ("a girl in a raincoat")
            # and what one goes to do ("learning to love").
            beside = (
                phrase.kind == BEING
                or f.after_being_in_a
                or (f.intro == "to" and phrase.kind == IDEA)
            )
            role = COMPANY if beside else SETTING
        else:
            role = COMPANY
        lead_taken = lead_taken or role == LEAD
        if role != THEME:
            previous_role = role
        out.append(replace(phrase, role=role))
    if not lead_taken and out:
        # A prompt about an action ("dancing in the kitchen with my family"): who does it
        # leads, else the first thing named.
        story = [p for p in out if p.role != THEME and p not in possessors] or out
        # Someone named much later ("letters from my best friend Sam" two sentences on)
        # is not who the song is about.
        chosen = next((p for p in story[:3] if p.kind == BEING), story[0])
        out = [replace(p, role=LEAD) if p is chosen else p for p in out]
    lead = next((p for p in out if p.role == LEAD), None)
    others = [p for p in out if p is not lead and p.role != THEME]
    themes = [p for p in out if p is not lead and p.role == THEME]
    return ([lead] if lead else []) + others + themes


def _acting_as(phrases: list[NounPhrase], prompt: str) -> list[NounPhrase]:
    """`phrases` with who the singer is "as" leading where a time or an idea led: "long
    nights as a truck driver" is about the driver, on long nights; "life as a nurse" about
    the nurse."""
    if not phrases or phrases[0].role != LEAD or phrases[0].kind not in (SKY, IDEA):
        return phrases
    said = re.findall(r"\bas an? ((?:[a-z-]+ ){0,2}[a-z-]+)", prompt.lower())
    role = next(
        (
            p
            for p in phrases[1:]
            if p.kind == BEING and any(a.endswith(p.text.lower()) for a in said)
        ),
        None,
    )
    if role is None:
        return phrases
    lead = replace(phrases[0], role=SETTING)
    return [replace(role, role=LEAD), lead, *(p for p in phrases[1:] if p is not role)]


def _forms(word: str) -> set[str]:
    return {word, singular(word), plural(word)}


# A greeting is a song for someone's day: "happy birthday to my mom" is about my mom's
# birthday, not about birthdays sung to nobody.
_GREETING = re.compile(
    r"\b(?i:happy) ((?:\d+(?:st|nd|rd|th)\s+)?)(?i:(birthday|anniversary|retirement|graduation))"
    r"[,!]?\s+(?:to\s+)?"
    r"((?:my|our)(?:\s+(?!(?:and|from|with|on|in|at|who|turning|for|to)\b)[a-z]+){1,3}"
    r"(?:\s+[A-Z][a-z]+)?|[A-Z][a-z]+)\b"
)


# Whom an anniversary is shared with: "happy anniversary to my wife" is ours, not hers.
_PARTNERS = frozenset(
    _split("wife husband partner girlfriend boyfriend fiance fiancee love darling spouse")
)


def _greeted(match: re.Match[str]) -> str:
    """A greeting of `_GREETING` as what the song is about: someone's day, or ours."""
    day, whom = match[2], match[3]
    if day.lower() == "anniversary" and whom.split()[-1].lower() in _PARTNERS:
        return f"a happy song about our {match[1]}{day}, for {whom}"
    return f"a happy song about {whom}'s {match[1]}{day}"


# "Feeling lonely" is what a song is about: its feeling is its lead, named by the feeling's
# own field of `lyricist.imagery` (lonely -> loneliness, nervous -> anxiety, free ->
# freedom), and what follows is where or when it is felt.
_FEELING = re.compile(r"\b[Ff]eeling (?:so |very |really )?([a-z]+)\b")


def _felt(match: re.Match[str]) -> str:
    named = next((f.name for f in fields_of(match[1]) if f.name in FEELINGS), None)
    return named or match[0]


# A prompt that says what someone's thing does ("my cat knocks everything off the counter",
# "my dishwasher makes a weird clunk") is about the thing, and that is what it does: read as
# "my cat that knocks ...". A verb is told from a plural noun by what follows it ("my city
# lights at night" stays lights).
_MAIN_CLAUSE = re.compile(
    r"^(\s*(?:my|our|his|her|their)\s+(?:[a-z]+\s+){0,2}?([a-z]+))\s+([a-z]+)\b(\s+[a-z]+|\s*$)",
    re.IGNORECASE,
)
# Words after a verb that no noun is followed by in a compound ("lights *the*"), and the
# prepositions a plain verb may take ("dance *in* the kitchen"), which a plural noun may be
# followed by as well ("my city lights *at* night").
_AFTER_A_VERB = frozenset(
    _split("the a an my his her their our everything every me us it them all")
)
_AFTER_A_PLAIN_VERB = _AFTER_A_VERB | frozenset(_split("in on at to with"))


def _said_of(match: re.Match[str]) -> str:
    """`match` of `_MAIN_CLAUSE` with "that" before its verb, or as it was."""
    head, noun, verb, after = match[1], match[2].lower(), match[3].lower(), match[4]
    nxt = after.strip().lower()
    someone = _kind(singular(noun), False, "") == BEING
    if verb.endswith("s"):
        # Someone's "bakes bread" is what they do; a thing's "lights" may be its plural.
        told = _finite(verb) and (someone or nxt in _AFTER_A_VERB or nxt.endswith("ly"))
    else:
        # "my parents dance in the kitchen": a plural someone and a verb's plain form.
        plain = verb in getAllLemmas(verb).get("VERB", ())
        told = plain and someone and noun != singular(noun) and nxt in _AFTER_A_PLAIN_VERB
    return f"{head} that {match[3]}{after}" if told else match[0]


# Someone named after a comma ("my wife of 20 years, Maria") is named as "my wife Maria of
# 20 years" would name her: the name had been lost.
_APPOSITION = re.compile(
    r"\b((?:my|our|his|her|their)\s+([a-z]+))((?:\s+(?:of|from|for)\s+[^,]+)?),\s+"
    r"([A-Z][a-z]+)(?=\s*$|\s*[,.!])"
)


def _named_after(match: re.Match[str]) -> str:
    if _kind(singular(match[2]), False, "") != BEING:
        return match[0]
    return f"{match[1]} {match[4]}{match[3]}"


# A prompt that opens on the singer's state ("stuck in traffic", "lost in the city") is
# about being in it: "stuck" is no one's name.
_STATE = re.compile(
    r"^(\s*)([a-z]+)(?=\s+(?:in|at|on|inside|between|under|behind|without)\b)", re.I
)


def _being_in(match: re.Match[str]) -> str:
    word = match[2].lower()
    kinds = parts_of_speech(word)
    state = _participle(word) or ("NOUN" not in kinds and "ADJ" in kinds)
    return f"{match[1]}being {match[2]}" if state else match[0]


def extract_subject(prompt: str) -> Subject:
    """The subject of an English prompt, its lead phrase first; never raises, an empty
    Subject (no phrases) for a prompt that only names a genre, a tempo or an arrangement."""
    prompt = _GREETING.sub(_greeted, prompt)
    prompt = _APPOSITION.sub(_named_after, prompt)
    prompt = _MAIN_CLAUSE.sub(_said_of, prompt)
    stated = _STATE.sub(_being_in, prompt)
    in_state, prompt = stated != prompt, stated
    prompt = _FEELING.sub(_felt, prompt)
    tokens = _tokens(prompt)
    _mark(tokens)
    heard = [t for t in tokens if t.note]
    # Notes in the frame go without a trace ("a sad piano ballad" is "a sad ballad"); others
    # end the phrase they interrupt.
    kept: list[_Token] = []
    for token in tokens:
        if token.note and token.zone != _FRAME:
            token = _Token(_BOUNDARY, _BOUNDARY, True)
        if token.note or (token.word == _BOUNDARY and kept and kept[-1].word == _BOUNDARY):
            continue
        kept.append(token)
    reader = _Reader(kept)
    reader.read()
    sound = [f for f in reader.found if _only_sound(f)]
    found = [f for f in reader.found if f not in sound]
    ordered = _acting_as(_roles(found), prompt)
    words = [t.word for t in tokens]
    mood = next((MOODS[w] for w in words if w in MOODS and w not in reader.colours), "")
    action = " ".join(reader.action_words)
    sung = {singular(w.lower().removesuffix("'s")) for p in ordered for w in p.words}
    unsung = {
        form
        for word in [t.word for t in heard]
        + [w for f in sound for w in f.phrase.words]
        + [w for w in words if w in PIECES]
        if music_word(word.lower()) and word != NUMBER
        for form in _forms(word.lower())
    }
    sung |= set(action.split())
    unsung -= {form for w in sung for form in _forms(w)}
    lead = next((f for f in found if ordered and f.phrase.words == ordered[0].words), None)
    situation, voice = _situation(reader, found, lead)
    actor = ""
    acted = _action_pieces(reader, found)
    if not situation and acted and _syllables(acted) <= _SITUATION_SYLLABLES:
        # A prompt that opens on what someone does ("growing up in the Bronx") is sung by
        # the one whose words they are: "brushing *your* teeth" is yours, the rest mine.
        situation, voice = " ".join(acted), ACTING
        actor = next((_ACTORS[w] for w in acted if w in _ACTORS), "I")
    title = (
        _action_title(reader, found)
        or _situation_title(ordered, situation, voice)
        or _title(ordered, action, reader.words, reader.actor)
    )
    # "Being" read into a state ("stuck in traffic") is not the song's name.
    if in_state:
        title = title.removeprefix("Being ")
    return Subject(tuple(ordered), action, mood, title, frozenset(unsung), situation, voice, actor)


# A title is the chorus's first line; the writer fits chorus lines to 7 syllables give or
# take one (writer.TARGETS), so a title taken from the prompt's words stops at 8.
_TITLE_SYLLABLES = 8
# Words that may stand between an action and what it is done to or where: "moving out *of
# my* childhood home", "growing up *in the* Bronx".
_TITLE_GLUE = ARTICLES | _DETERMINERS | PLACE_PREPOSITIONS | frozenset(["of", "for", "with"])


def _action_title(reader: _Reader, found: list[_Found]) -> str:
    """For a prompt that opens on what someone does, the prompt's words from the action to
    the first thing or place it names: "Growing Up in the Bronx", "Brushing Your Teeth";
    without the verb when that is too long to sing as a line ("Fired from a Burger Joint"
    for "getting fired from a burger joint"). "" when the action has no such phrase, other
    words stand between them, or even the shorter title is too long."""
    if reader.actor or not reader.action_at:
        return ""
    start = reader.action_at[0]
    if any(f.zone != _FRAME and f.at and f.at[0] < start for f in found):
        return ""  # "a lonely astronaut, drifting past Saturn" is the astronaut's song
    target = next(
        (f for f in found if not f.possessor and f.zone != _FRAME and f.at and f.at[-1] > start),
        None,
    )
    if target is None:
        return ""
    pieces = _clause(reader, target, start)
    if not pieces:
        return ""
    if target.at[-1] + 1 in reader.acting_at:
        pieces.append(reader.words[target.at[-1] + 1])  # "Dancing Till Our Legs Shake"
    return _shortened_title(reader, start, pieces)


def _action_pieces(reader: _Reader, found: list[_Found]) -> list[str]:
    """The words `_action_title` is made of, before any shortening; [] when it has none."""
    if reader.actor or not reader.action_at:
        return []
    start = reader.action_at[0]
    if any(f.zone != _FRAME and f.at and f.at[0] < start for f in found):
        return []
    target = next(
        (f for f in found if not f.possessor and f.zone != _FRAME and f.at and f.at[-1] > start),
        None,
    )
    return _clause(reader, target, start) if target is not None else []


def _shortened_title(reader: _Reader, start: int, pieces: list[str]) -> str:
    if _syllables(pieces) > _TITLE_SYLLABLES:
        # What follows the verb says the rest: "late", "fired", "goodbye", never a
        # particle ("up") standing alone.
        follows = reader.words[start + 1]
        if start + 1 not in reader.action_at or follows in PARTICLES:
            return ""
        pieces = pieces[1:]
        if _syllables(pieces) > _TITLE_SYLLABLES:
            return ""
    return _title_case(" ".join(pieces))


def _clause(reader: _Reader, target: _Found, start: int) -> list[str]:
    """The prompt's words from `start` (a verb) to the end of `target`, the target's as it
    sings them; [] when a word other than the action's, glue or an object pronoun ("teaching
    *me* to drive") stands between."""
    sung = dict(zip(target.at, target.phrase.words, strict=True))
    pieces: list[str] = []
    for i in range(start, target.at[-1] + 1):
        word = reader.words[i]
        if i in sung:
            pieces.append(sung[i])
        elif i == start or i in reader.action_at or word in _TITLE_GLUE | _OBJECTS:
            pieces.append(word)
        elif reader.words[i - 1] == "to" and "VERB" in parts_of_speech(word):
            pieces.append(word)  # "trying to *fix* the car"
        else:
            return []
    # A particle read into the target ("a rocket *out* of cardboard boxes") leaves the
    # line hanging: the clause stops on its noun.
    while len(pieces) > 1 and pieces[-1].lower() in _HANGING:
        pieces.pop()
    return pieces


_OBJECTS = frozenset(_split("me us you him her them it"))
_HANGING = frozenset(_split("out up down off away back over around on in through"))
_ACTORS = {"your": "you", "yourself": "you", "our": "we", "ourselves": "we", "my": "I"}
_RELATIVES = frozenset(_split("who that which"))
_CLAUSE_ENDS = frozenset([*_split("and but or"), _BOUNDARY])


def _finite(word: str) -> bool:
    """A verb as a clause's verb ("waits", "loves", "ran"), not a noun that could be one."""
    if _gerund(word) or word in _LINKING_VERBS:
        return False
    verbs = getAllLemmas(word).get("VERB", ())
    return bool(verbs) and (word.endswith("s") or word not in verbs)


def _past_form(word: str) -> bool:
    """A past participle, also one that is another verb's own form ("found")."""
    verbs = getAllLemmas(word).get("VERB", ())
    return _participle(word) or (
        len(verbs) > 1 and not word.endswith(("s", "ing")) and word not in NOMINAL_ING
    )


def _situation(reader: _Reader, found: list[_Found], lead: _Found | None) -> tuple[str, str]:
    """What the prompt says happens to its lead, right after it: "a farmer *praying for
    rain*", "a fisherman *lost at sea*", "a girl *who waits for a letter*"; ("", "") when
    nothing does or the clause does not reach a thing or place within a line."""
    if lead is None or not lead.at or lead.zone == _FRAME:
        return "", ""
    words = reader.words
    start = lead.at[-1] + 1
    if start < len(words) and words[start] == _BOUNDARY:
        start += 1  # "a lonely astronaut, drifting past Saturn"
    if start >= len(words):
        return "", ""
    following = words[start + 1] if start + 1 < len(words) else ""
    # A gerund after a comma is the lead's when the lead is someone ("a lonely astronaut,
    # drifting past Saturn"); after a thing it may start another picture.
    if start in reader.action_at and (reader.actor or lead.phrase.kind == BEING):
        voice = ACTING
    elif words[start] in _RELATIVES and _finite(following):
        start, voice = start + 1, RELATIVE
    elif _past_form(words[start]) and (
        not _can_be_noun(words[start]) or following in PLACE_PREPOSITIONS | {"by", "during"}
    ):
        voice = UNDERGOING  # "an umbrella left on the train", "a bicycle found by the river"
    else:
        return "", ""
    # A verb and its particles that end the clause tell it without a thing ("a brother
    # who *moved away* and the letters he never sent", "a friend who passed away").
    end = start + 1
    while end < len(words) and words[end] in _HANGING:
        end += 1
    if voice == RELATIVE and (end == len(words) or words[end] in _CLAUSE_ENDS):
        # "my ex who cheated", "a friend who passed away": the verb alone tells it.
        return " ".join(words[start:end]), voice
    target = next(
        (f for f in found if not f.possessor and f.zone != _FRAME and f.at and f.at[0] > start),
        None,
    )
    pieces = _clause(reader, target, start) if target is not None else []
    if not pieces or _syllables(pieces) > _SITUATION_SYLLABLES:
        return _short_clause(words, start) if voice == RELATIVE else ("", "")
    return " ".join(pieces), voice


def _short_clause(words: list[str], start: int) -> tuple[str, str]:
    """A relative clause told by its verb and what follows it up to a preposition, when it
    reaches no thing within a line: "my dad who *snores every night*", "my cat who *knocks
    everything* off the counter"; ("", "") when that is the verb alone or too long."""
    end = start + 1
    while (
        end < len(words)
        and words[end] not in _CLAUSE_ENDS
        and words[end] not in PLACE_PREPOSITIONS | _HANGING
        and words[end].isalpha()
    ):
        end += 1
    pieces = words[start:end]
    if len(pieces) < 2 or _syllables(pieces) > _SITUATION_SYLLABLES:
        return "", ""
    return " ".join(pieces), RELATIVE


# A verse line sings the situation after its lead and a verb ("the farmer is"), in about
# nine syllables (writer.TARGETS, give or take one).
_SITUATION_SYLLABLES = 7


def _situation_title(phrases: list[NounPhrase], situation: str, voice: str) -> str:
    """Who does what names the song when it fits a line: "Farmer Praying for Rain",
    "Astronaut Drifting Past Saturn", "Girl Waiting for a Letter" (a present verb after
    "who" as its gerund), "My Ex Who Cheated" (a past verb after "who"); "" for a
    participle's clause ("Left on the Train" would read as a name)."""
    if voice == RELATIVE and situation.split()[0].endswith("s"):
        # "a girl who waits for a letter" is the "Girl Waiting for a Letter".
        verb, _, rest = situation.partition(" ")
        lemmas = getAllLemmas(verb).get("VERB", ())
        gerund = getAllInflections(lemmas[0]).get("VBG", ()) if lemmas else ()
        if not gerund:
            return ""
        situation, voice = f"{gerund[0]} {rest}".strip(), ACTING
    if voice == RELATIVE and phrases:
        # What was done once names the song with its "who": "My Ex Who Cheated", "The Man
        # Who Lost His Job".
        first = phrases[0]
        title = f"{first.text if first.proper else first.definite()} who {situation}"
        return "" if _syllables(title.split()) > _TITLE_SYLLABLES else _title_case(title)
    if voice != ACTING or not phrases:
        return ""
    first = phrases[0]
    named = first.text if first.proper or not first.owner else first.definite()
    title = f"{named} {situation}"
    return "" if _syllables(title.split()) > _TITLE_SYLLABLES else _title_case(title)


def _syllables(words: list[str]) -> int:
    return sum(syllable_count(w) for w in words)


def _title(phrases: list[NounPhrase], action: str, words: list[str], actor: bool) -> str:
    if actor and phrases:
        first = phrases[0]
        named = first.text if first.proper or not first.owner else first.definite()
        if len(action.split()) > 1 and len(first.words) + len(action.split()) <= 4:
            return _title_case(f"{named} {action}")
        return _title_case(named)
    if action and len(action.split()) > 1:
        return action.title()
    if not phrases:
        return ""
    first = phrases[0]
    # Whose the first phrase is, is said in its name already: "My Sister's Wedding Day".
    rest = [p for p in phrases[1:] if f"{p.words[-1]}'s" not in first.words]
    # A setting joined to the first phrase is part of its name: "Rainy Day in London".
    if rest and len(first.words) + len(rest[0].words) <= 4:
        second = rest[0]
        joiner, determiner = _between(words, first.words[-1].lower(), second.words[0].lower())
        joined = ""
        if joiner in {"in", "on", "at", "of", "over", "under", "across", "by"} and (
            second.proper or second.kind in (PLACE, SKY)
        ):
            # With the prompt's own article or none: "Bakery at Dawn", "on a Rainy Morning".
            named = f"{determiner} {second.text}" if determiner else second.text
            # Whose it is stays: "My Aunt's Bakery in Lisbon", "My Room at Night".
            own = first.definite() if first.owner and not first.proper else first.text
            joined = f"{own} {joiner} {named}"
        elif joiner == "of" and second.kind == IDEA and len(first.words) + len(second.words) == 2:
            # "the passage of time": an idea takes no article.
            joined = f"{first.definite()} of {second.text}"
        elif joiner == "and":
            joined = f"{first.definite()} and {second.definite()}"
        elif not joiner and second.text == "home" and singular(first.head) in _JOURNEYS:
            joined = f"{first.text} home"  # "Night Bus Home": where it goes
        if joined and _syllables(joined.split()) <= _TITLE_SYLLABLES:
            return _title_case(joined)
    return _title_case(first.text if first.proper or first.owner == "" else first.definite())


def _between(words: list[str], left: str, right: str) -> tuple[str, str]:
    """The single word between `left` and `right` in the prompt ("and", "in"), or "", and
    the article or owner that stands with it ("a", "my"), or ""."""
    for i in range(len(words) - 2):
        if words[i].removesuffix("'s") == left:
            rest = words[i + 1 : i + 4]
            for j, w in enumerate(rest[1:], start=1):
                if w == right:
                    between = [x for x in rest[:j] if x not in _DETERMINERS | ARTICLES]
                    determiner = next((x for x in rest[:j] if x not in between), "")
                    return (between[0], determiner) if len(between) == 1 else ("", "")
    return "", ""


_SMALL = frozenset(
    ["a", "an", "the", "and", "of", "in", "on", "at", "to", "for", "by", "or", "from", "with"]
)


def _title_case(text: str) -> str:
    words = text.split()
    return " ".join(
        w if (i and w in _SMALL) else (w[0].upper() + w[1:]) for i, w in enumerate(words)
    )
