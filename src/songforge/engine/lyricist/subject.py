"""What an English prompt is about: its noun phrases (things, places, people, animals, named
ones), the situation (a gerund such as "counting stars") and the mood.

A prompt is mostly a frame ("a melancholic indie folk ballad about ...") around a subject.
The frame's words are known lists (genres, kinds of piece, moods, function words); what is
left is chunked into noun phrases whose heads lemminflect can tag as nouns, and words it
does not know are taken as names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pronouncing
from lemminflect import getAllLemmas

from songforge.engine.lyricist.grammar import indefinite, is_plural, parts_of_speech, singular

BEING, THING, PLACE, SKY, IDEA = "being", "thing", "place", "sky", "heart"


def _split(text: str) -> list[str]:
    return text.split()


GENRE_WORDS = frozenset(
    _split(
        """
    pop rock jazz blues country folk indie punk metal gospel latin reggae soul funk
    disco edm techno house trance dubstep lofi lo-fi hip-hop hiphop hip hop rap trap
    drill r&b rnb synth-pop synthpop synthwave synth ambient cinematic orchestral
    classical acoustic electronic dance bossa nova salsa cumbia reggaeton bachata
    tango samba k-pop kpop j-pop grunge emo shoegaze chillwave vaporwave garage
    swing bluegrass americana celtic alternative alt electro electropop orchestra
    guitar-driven instrumental a-cappella acapella shuffle waltz march boogie
    doo-wop motown chiptune 8-bit 80s 90s 70s 60s retro mainstream radio epic chill
    downtempo uptempo mid-tempo midtempo beat beats drum bass dnb jungle grime
    afrobeat afrobeats dancehall ska sertanejo mariachi flamenco opera
    """
    )
)
PIECE_WORDS = frozenset(
    _split(
        """
    song songs track tracks tune tunes ballad ballads anthem anthems piece number
    jam lullaby hymn music melody lyrics vibe vibes serenade ditty banger cover
    version loop style genre sound sounds groove instrumental composition record
    single chant shanty theme soundtrack score jingle riff
    """
    )
)
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
    itself named called
    """
    )
)
# Prepositions after which a word the tagger does not know is a place rather than a person.
PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "to", "from", "across", "through", "into", "near", "around"]
)
OWNERS = {"my": "my", "your": "my", "our": "our", "their": "their", "his": "his", "her": "her"}
# Sung in the first person: "believing in yourself" becomes "believing in myself".
REFLEXIVES = {"yourself": "myself", "myself": "myself", "ourselves": "ourselves"}
RELATIVES = frozenset(["who", "that", "which", "whose", "where", "when", "while"])
PARTICLES = frozenset(
    ["up", "down", "out", "away", "back", "home", "goodbye", "home", "around", "off"]
)
NOMINAL_ING = frozenset(
    _split(
        """
    morning evening string ring king thing spring wedding building ceiling wing
    ending beginning feeling painting offering blessing darling nothing something
    everything anything song swing sibling lightning pudding stocking earring
    duckling
    """
    )
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
    fiance someone everyone
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
    waterfall pond
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
_IDEA_SUFFIXES = ("ness", "ity", "tion", "sion", "ment", "dom", "ship", "hood", "ence", "ance")


@dataclass(frozen=True)
class NounPhrase:
    """A noun phrase of the prompt: `words` as sung (names capitalised), the singular lemma
    of its `head`, its number, whose it is ("my", or "" for "the"), and its kind."""

    words: tuple[str, ...]
    head: str
    plural: bool
    proper: bool
    owner: str
    kind: str

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def short(self) -> str:
        """The head alone, as a line with little room says it: "the string"."""
        return self.words[-1]

    def definite(self, *, short: bool = False) -> str:
        body = self.short if short and not self.proper else self.text
        if self.proper:
            return body
        return f"{self.owner or 'the'} {body}"

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
    """What a prompt asks the song to be about. `phrases` in the prompt's order (may be
    empty for a prompt that only names a genre); `action` a gerund phrase such as "counting
    stars" or ""; `mood` one of the MOODS values or ""."""

    phrases: tuple[NounPhrase, ...]
    action: str
    mood: str
    title: str  # a title taken from the subject's own words, "" when there are none

    @property
    def nouns(self) -> list[str]:
        return [p.head for p in self.phrases]


def _tokens(prompt: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'&-]*[^\W_]|[^\W\d_]", prompt.replace("\u2019", "'"))


def _kind(head: str, proper: bool, after: str) -> str:
    if head in _KINDS:
        return _KINDS[head]
    if proper:
        return PLACE if after in PLACE_PREPOSITIONS else BEING
    if head.endswith(_IDEA_SUFFIXES):
        return IDEA
    return THING


def _is_frame(word: str) -> bool:
    return (
        word in FRAME_WORDS or word in GENRE_WORDS or word in PIECE_WORDS or word in MOODS
    ) and word not in _KINDS


def _can_be_noun(word: str) -> bool:
    tags = parts_of_speech(word)
    return "NOUN" in tags or "PROPN" in tags


ARTICLES = frozenset(["a", "an", "the", "some", "every", "each"])
# Endings of words such as "European", "Spanish", "Japanese", "Arctic": after an article
# they describe the next noun rather than name someone.
_PROPER_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "i")


def _is_name(word: str, original: str, first: bool, previous: str = "") -> bool:
    """A name: a capitalised word mid-prompt, or a word the tagger does not know that the
    pronouncing dictionary (which lists many names) knows. After an article an unknown word
    is a common noun ("an igloo"), and a capitalised adjective is an adjective ("a European
    orchestra")."""
    word = word.removesuffix("'s")
    after_article = previous in ARTICLES
    if parts_of_speech(word):
        if after_article and "ADJ" in parts_of_speech(word):
            return False
        return original[0].isupper() and not first and word not in FRAME_WORDS
    if after_article:
        return original[0].isupper() and not word.endswith(_PROPER_ADJECTIVE_ENDINGS)
    return bool(pronouncing.phones_for_word(word)) or original[0].isupper()


_ADJECTIVE_SUFFIXES = ("-long", "-old", "-like", "-sized", "-shaped")


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


def _gerund(word: str) -> bool:
    return (
        word.endswith("ing")
        and word not in NOMINAL_ING
        and "VERB" in parts_of_speech(word)
        and word not in MOODS
    )


def extract_subject(prompt: str) -> Subject:
    """The subject of an English prompt; never raises, an empty Subject for no subject."""
    originals = _tokens(prompt)
    words = [w.lower() for w in originals]
    phrases: list[NounPhrase] = []
    framing: list[NounPhrase] = []
    mood = next((MOODS[w] for w in words if w in MOODS), "")
    action_words: list[str] = []
    run: list[int] = []
    owner = ""
    after = ""
    in_relative = False
    actor = False  # the action belongs to the phrase before it ("a driver crossing Texas")
    leads: list[NounPhrase] = []

    def _previous(i: int) -> str:
        return words[i - 1] if i else ""

    def _modifies_next(i: int) -> bool:
        """The word after `i` is a noun the word at `i` describes: "heavy metal"."""
        if i + 1 >= len(words):
            return False
        nxt = words[i + 1]
        if nxt in GENRE_WORDS or nxt in PIECE_WORDS:
            return True
        return not _is_frame(nxt) and _can_be_noun(nxt)

    def close() -> None:
        nonlocal run, owner
        if run:
            _add_phrase(run)
        run, owner = [], ""

    def _add_phrase(indexes: list[int]) -> None:
        # The head is the last word that can be a noun or is a name, unless an adjective or
        # a participle follows a plain noun: then that noun is the head and the rest
        # describes it. An adjective left dangling before the song's kind is dropped.
        head_at = None
        for position in range(len(indexes)):
            i = indexes[position]
            if _is_name(words[i], originals[i], i == 0, _previous(i)):
                head_at = position
            elif (
                _can_be_noun(words[i])
                or (
                    not parts_of_speech(words[i])
                    and _previous(i) in ARTICLES
                    and originals[i].islower()
                )
            ) and not words[i].endswith(_ADJECTIVE_SUFFIXES):
                held = words[indexes[head_at]] if head_at is not None else ""
                if held and _post_modifier(words[i]) and not _post_modifier(held):
                    # After a noun it describes that noun: "an umbrella left on the train".
                    break
                head_at = position
        if head_at is None:
            return
        head_word = words[indexes[head_at]]
        if (
            head_at == len(indexes) - 1
            and _describes(head_word)
            and not _is_name(
                head_word, originals[indexes[head_at]], False, _previous(indexes[head_at])
            )
            and _modifies_next(indexes[head_at])
        ):
            return  # "a heavy metal anthem": the adjective describes the song, not a thing
        kept = indexes[: head_at + 1]
        head_index = kept[-1]
        proper = _is_name(
            words[head_index], originals[head_index], head_index == 0, _previous(head_index)
        )
        # Names are capitalised; a capitalised adjective keeps its capital ("the Japanese
        # garden").
        sung = [
            originals[i][0].upper() + words[i][1:]
            if _is_name(words[i], originals[i], i == 0, _previous(i))
            and not _can_be_noun(words[i].removesuffix("'s"))
            else originals[i]
            if i and originals[i][0].isupper() and not _can_be_noun(words[i])
            else words[i]
            for i in kept
        ]
        # A possessive inside the phrase stays ("grandmother's kitchen"); one that ends it
        # belonged to the frame ("a children's song").
        sung[-1] = sung[-1].removesuffix("'s")
        head = singular(words[head_index].removesuffix("'s"))
        phrase = NounPhrase(
            words=tuple(sung),
            head=head if not proper else sung[-1],
            plural=(not proper) and is_plural(words[head_index]),
            proper=proper,
            owner=owner,
            kind=_kind(head, proper, after),
        )
        # What lasts a while is a span of time, not an object: "an hour-long wait".
        if any(w.endswith("-long") for w in sung) and phrase.kind == THING:
            phrase = replace(phrase, kind=IDEA)
        # "the passage of time": what the idea after "of" names is an idea too.
        after_of = head_index + 2 < len(words) and words[head_index + 1] == "of"
        if after_of and phrase.kind == THING and head not in _KINDS:
            rest = [w for w in words[head_index + 2 : head_index + 5] if w not in ARTICLES]
            if rest and _KINDS.get(singular(rest[0])) == IDEA:
                phrase = replace(phrase, kind=IDEA)
        if all(p.text != phrase.text for p in phrases + framing):
            # Before any preposition a phrase names the kind of song ("a love song"): it
            # colours the song but the subject proper comes after "about", "for", "of".
            # A phrase that opens the prompt without such a word is the subject itself:
            # "an umbrella left on the train".
            follows = words[indexes[-1] + 1] if indexes[-1] + 1 < len(words) else ""
            names_song = follows in GENRE_WORDS or follows in PIECE_WORDS
            (phrases if after or not names_song else framing).append(phrase)
            if not after and not names_song:
                leads.append(phrase)

    for i, word in enumerate(words):
        if word in RELATIVES:
            close()
            in_relative = True
            continue
        if in_relative and word not in PLACE_PREPOSITIONS | {"about", "for", "of", "on", "with"}:
            continue  # "someone who left": the clause's verb is not a subject
        in_relative = False
        if word in OWNERS and not run:
            owner = OWNERS[word]
            continue
        if (
            _gerund(word)
            and run
            and not action_words
            and (_can_be_noun(words[run[-1]]) or originals[run[-1]][0].isupper())
            and "ADJ" not in parts_of_speech(words[run[-1]])
        ):
            # "a grandmother baking bread": the noun before the gerund is who does it.
            close()
            actor = bool(phrases)
        if _gerund(word) and not run and not action_words:
            action_words = [word]
            # A particle or a bare object completes it: "driving home", "counting stars".
            nxt, then = [*words[i + 1 : i + 3], "", ""][:2]
            if nxt in PARTICLES or (nxt and not _is_frame(nxt) and _can_be_noun(nxt)):
                action_words.append(nxt)
            elif nxt in {"in", "on", "for", "with"} and then in REFLEXIVES:
                action_words += [nxt, REFLEXIVES[then]]
            after = after or "about"
            continue
        if _is_frame(word) or (word.endswith("'s") and words[i].rstrip("'s") in GENRE_WORDS):
            close()
            if word in PLACE_PREPOSITIONS or word in {"about", "for", "of", "on", "with"}:
                after = word
            continue
        run.append(i)
    close()
    action = " ".join(action_words)
    ordered = phrases + framing
    # The phrase the prompt opens with is what it is about; settings after it come next.
    ordered = leads + [p for p in ordered if p not in leads]
    return Subject(tuple(ordered), action, mood, _title(ordered, action, words, actor))


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
    # A setting joined to the first phrase is part of its name: "Rainy Day in London".
    if len(phrases) > 1 and len(first.words) + len(phrases[1].words) <= 4:
        second = phrases[1]
        joiner = _between(words, first.words[-1].lower(), second.words[0].lower())
        if joiner in {"in", "on", "at", "of", "over", "under", "across", "by"} and (
            second.proper or second.kind in (PLACE, SKY)
        ):
            return _title_case(f"{first.text} {joiner} {second.definite()}")
        if joiner == "of" and second.kind == IDEA and len(first.words) + len(second.words) == 2:
            # "the passage of time": an idea takes no article.
            return _title_case(f"{first.definite()} of {second.text}")
        if joiner == "and":
            return _title_case(f"{first.definite()} and {second.definite()}")
    return _title_case(first.text if first.proper or first.owner == "" else first.definite())


def _between(words: list[str], left: str, right: str) -> str:
    """The single word between `left` and `right` in the prompt ("and", "in"), or ""."""
    for i in range(len(words) - 2):
        if words[i].removesuffix("'s") == left:
            rest = words[i + 1 : i + 4]
            for j, w in enumerate(rest[1:], start=1):
                if w == right:
                    between = [x for x in rest[:j] if x not in {"a", "an", "the", "my", "our"}]
                    return between[0] if len(between) == 1 else ""
    return ""


_SMALL = frozenset(
    ["a", "an", "the", "and", "of", "in", "on", "at", "to", "for", "by", "or", "my", "our"]
)


def _title_case(text: str) -> str:
    words = text.split()
    return " ".join(
        w if (i and w in _SMALL) else (w[0].upper() + w[1:]) for i, w in enumerate(words)
    )
