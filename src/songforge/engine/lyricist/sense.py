"""Whether a filled line says something that can happen.

The ending classes (place, sky, heart, thing, being) are too broad for a verb: a bookstore is
a place but cannot lie beside a wall, rain is weather but does not shine, a being waits by a
gate but not by a brick. Each rule here names a verb or a relation a template may use, what
may be its subject (the noun doing or being placed) and what may be its end noun; a filled
line that breaks one is never sung.
"""

from __future__ import annotations

import re

from songforge.engine.lyricist.line_templates import NOUN_CLASS, OPEN, SURFACE


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Things big or fixed enough to be somewhere beside: a person waits by them, a small thing
# is left by them.
FIXTURE = SURFACE | _set(
    "door gate fence wall window tree oak pine willow stove oven hearth fireplace fire sink "
    "piano bed table desk chair bench counter shelf car truck pickup tractor boat ship barn "
    "shed tower well pump stair stairs porch clock lamp lamppost mailbox post pole mast dock "
    "pier cradle crib couch sofa bookcase fridge radiator tent wagon train bus cab canoe "
    "statue grave gravestone hedge vine rock stone trunk machine engine jukebox bar altar "
    "anvil forge loom kiln plough plow hive crate bale haystack sail wheel locker cab attic "
    "kitchen hall hallway parlor nursery garage cell ward classroom chapel diner station "
    "cave cabin house fryer grill register escalator fountain vault"
)
# Words the field lists file as things or weather that are no place to be beside or on:
# matter, qualities, amounts.
ABSTRACT = _set(
    "weight dark darkness gray grey rust dust cream meal verse cent rent tone hole shade fur "
    "flour salt sugar steam smoke heat cold noise silence distance time price "
    "debt change spoke dough grease oil ink paint color colour scent smell taste shape size "
    "length edge middle end top bottom half part piece bit"
)
# What falls, settles or lies on something out in the open.
FALLS = _set(
    "rain snow hail sleet frost dew mist fog drizzle shower storm light sunlight moonlight "
    "starlight sun moon glow shadow shadows ash leaves spray snowfall rainfall downpour meteor"
)
# Small things worn or carried, too small for the weather to come down on in a line.
_WORN = _set("hat cap glove scarf ring watch")
# What can shine: lights, the sky's lights and things that catch them.
SHINES = _set(
    "sun moon star stars light glow lamp lantern candle flame fire neon sunlight moonlight "
    "starlight candlelight sunbeam sunrise sunset lightning spark beam floodlight torch "
    "lighthouse ring gold silver coin badge sword shield blade crown jewel diamond pearl "
    "glass mirror window chrome medal trophy watch bell sea lake river water city town "
    "sky dawn morning comet meteor firefly bulb screen monitor headlight headlights"
)
# Things that make a sound of their own.
SOUNDERS = _set(
    "bell bells phone radio train whistle horn siren clock guitar piano drum drums fiddle "
    "violin trumpet harp organ jukebox speaker kettle engine choir wind thunder sea waves "
    "rain storm church chapel city string strings record tuba trombone cymbal stereo "
    "cassette mixtape"
)
# Places one is on or by, not in.
NOT_IN = _set(
    "hill mountain shore coast beach bridge pier dock runway platform porch deck roof "
    "rooftop highway horizon skyline wall shelf table lap ledge sill step doorstep"
)
# What a place cannot do: it is not an agent.
_PLACE_NEVER = re.compile(
    r"\b(lay|lie|lies|slept|sleeps?|sleeping|sat|sits?|wait(s|ed|ing)?|guarded|saved|"
    r"found|lost|missed|kept|keeps|held on|let go|fought|broke|chased?|chases|rusting|"
    r"came home|grew old)\b"
)
_SHINE = re.compile(r"\b(shin(e|es|ing)|shone|gleam(s|ed|ing)?|glow(s|ed|ing)?|light\{s\} up)\b")
_FALL = re.compile(r"\b(came down|come down|fall(s|ing)?|fell|falling)\b")
_CALL = re.compile(r"\b(call(s|ed|ing)?|sang|sing(s|ing)?|whistled|hummed)\b")
_BESIDE = re.compile(r"\b(by|beside|near|next to) the (\{adj\} )?\{end\}$")
_ON = re.compile(r"\b(on|upon) the (\{adj\} )?\{end\}$")
_IN = re.compile(r"\bin the (\{adj\} )?\{end\}$")
# The noun slots that can be a line's subject, and the kind each one fills with.
_FIGURE = re.compile(r"\{(S|A|it|they|you|V|thing|a_thing|being|sky|light|place|noun|a_noun)\}")
# What may stand before a slot that is its line's subject ("now the {thing} lay").
_LEADS = re.compile(
    r"^(and |now |these days |maybe |oh |then one day |somewhere |here comes )?"
    r"(the (\{adj\} )?|the whole )?$"
)
# A slot after one of these is where the line is set, not who does its verb.
_SETTING = re.compile(r"\b(under|beneath|from|in|past|of|to|into|through) (the )?$")
_SLOT_KIND = {"being": "being", "sky": "sky", "light": "sky", "place": "place", "you": "being"}


# Heads of compound names of places ("bookstore", "farmhouse", "railway station").
_PLACE_TAIL = re.compile(
    r"(store|shop|house|station|room|hall|yard|field|hospital|office|school|church|market|"
    r"town|ville|city|park|farm|ranch|mill|bakery|factory|apartment|café|cafe|diner|bar)$"
)
# Verbs of staying somewhere, waiting for somebody: they want somewhere to stay by (a gate,
# a stove), not a thing one holds ("the dog slept by the brick").
_WAITS = re.compile(
    r"\b(wait(s|ed|ing)?|slept|sleeps?|sleeping|sat|sits?|lay|lies|meet|met|goodbye|stay|"
    r"stood|stands?|rest(s|ed|ing)?)\b"
)


# Feelings and ideas a song is about, sung without an article ("grief", not "the grief"):
# they are nowhere, so they wait, sit and lie by nothing.
FEELINGS = _set(
    "nostalgia jealousy grief anxiety sorrow loneliness heartbreak freedom hope fear anger "
    "joy regret shame pride envy despair longing love loss guilt rage peace faith courage "
    "happiness sadness madness kindness solitude melancholy desire lust greed hunger "
    "forgiveness gratitude wonder grace depression trust patience feeling "
    # Bonds and fortunes are nowhere either: nobody spends a friendship by a seat.
    "friendship relationship hardship truth betrayal destiny fate luck ambition success "
    "failure loyalty honesty innocence"
)
_FEELING_TAIL = re.compile(r"(ness|ety|ity|ism|algia|ousy|ude|ance|ence)$")
# What no feeling can do: be set down somewhere, wait or rest beside something.
_PLACED = re.compile(
    r"(\{(S|A)\} (\{(was|is)\} )?(lay|lie|lies|slept|sleeps?|sat|sits?|waiting|sitting|"
    r"kept|rusting|stood|waits?|leans?)\b|\b(kept|spent|remember) \{S\} by)"
)

_FEELING_BESIDE = re.compile(
    r"\{(S|A)\}.*\b(by|beside|near|on|upon|there for) the (\{adj\} )?\{end\}$"
)


def is_feeling(head: str) -> bool:
    """Whether a subject's head names a feeling or idea, sung bare ("grief")."""
    word = head.lower()
    return word in FEELINGS or (
        NOUN_CLASS.get(word) is None and len(word) > 5 and bool(_FEELING_TAIL.search(word))
    )


def kind_of(word: str) -> str:
    """The ending class of a noun, HEART for words no list knows."""
    return NOUN_CLASS.get(word, "heart")


def _subject_kind(word: str, kind: str) -> str:
    """The prompt's phrase read as a place when its head names one ("the bookstore")."""
    known = NOUN_CLASS.get(word)
    if known == "place" or _PLACE_TAIL.search(word):
        return "place"
    return kind


def figure(
    text: str, values: dict[str, str], subject: str, subject_kind: str
) -> tuple[str, str, bool]:
    """The noun a template's verb and relation are about, its class, and whether it leads
    the line (is the verb's subject, not its object): the first noun slot before the end
    (`subject` for the prompt's own slots), else the singer, a being."""
    head = text.split("{end}")[0]
    for match in _FIGURE.finditer(head):
        slot = match.group(1)
        if _SETTING.search(head[: match.start()]):
            continue  # "under the {light} by the {end}": the singer is by it
        leads = bool(_LEADS.match(head[: match.start()]))
        if slot in ("S", "A", "it", "they", "V"):
            return subject, _subject_kind(subject, subject_kind), leads
        if slot == "you":
            return "you", "being", leads
        word = values.get(slot, "").split()[-1] if values.get(slot) else ""
        return word, _SLOT_KIND.get(slot, kind_of(word)), leads
    return "i", "being", True


def makes_sense(
    text: str, values: dict[str, str], subject: str, subject_kind: str, end: str
) -> bool:
    """Whether the template `text`, filled with `values` and ending on `end`, says something
    that can happen: its subject can do its verb, and its end can be where it says."""
    if is_feeling(subject) and (_PLACED.search(text) or _FEELING_BESIDE.search(text)):
        return False
    word, kind, leads = figure(text, values, subject.lower(), subject_kind)
    end_kind = kind_of(end)
    # The verbs as sung: "{does}" may be "waits".
    head = text.split("{end}")[0].format_map({**values, "end": end})
    if leads and kind == "place" and _PLACE_NEVER.search(head):
        return False
    if leads and _SHINE.search(head) and kind in ("sky", "thing", "place") and word not in SHINES:
        return False
    if leads and _CALL.search(head) and kind in ("thing", "sky") and word not in SOUNDERS:
        return False
    if _IN.search(text) and end in NOT_IN:
        return False
    if _BESIDE.search(text):
        if end in ABSTRACT or end_kind in ("sky", "heart"):
            return False
        if kind == "sky":
            return False
        if kind == "place":
            return end_kind == "place"
        if kind == "thing" and word not in FIXTURE and not (leads and _WAITS.search(head)):
            return end_kind in ("place", "thing")
        if kind in ("being", "heart") and not _WAITS.search(head):
            return end_kind in ("place", "thing")
        return end_kind == "place" or end in FIXTURE
    if _ON.search(text):
        if end in ABSTRACT or end_kind in ("sky", "heart"):
            return False
        if kind == "sky":
            return word in FALLS and end in OPEN and end not in _WORN
    return not (leads and _FALL.search(head) and kind == "sky" and word not in FALLS)
