"""The words a prompt uses for how the music sounds rather than what the song is about:
instruments, keys and modes, tempo, genres, kinds of piece and studio words.

Instruments come from the General MIDI program names the engine plays with, genres from the
style table that picks the engine's style; only the studio vocabulary and a few instruments
General MIDI lacks are listed here. `strip_notes` removes the notes that are never words
of a subject (a key, a tempo in bpm, a duration, a time signature, a number) before the
prompt is read.
"""

from __future__ import annotations

import re
from functools import cache

from songforge.engine.general_midi import PROGRAM_NAMES
from songforge.engine.lyricist.grammar import parts_of_speech, plural, singular
from songforge.engine.styles import STYLES


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Programs 80-103 are synth leads, pads and effects named by their sound ("Pad 2 (warm)");
# 120-127 are sound effects ("Seashore", "Helicopter"), which are things a song can be about.
_SOUND_NAMED = range(80, 104)
_EFFECTS = range(120, 128)
# General MIDI names whose last word is the sound, the group or the thing that holds it
# rather than the instrument ("Choir Aahs", "Brass Section", "Music Box"): the first word,
# or the whole name, names it.
_NOT_THE_INSTRUMENT = _split("aahs oohs hit section ensemble harmonics box bottle")
# Instruments and players' words General MIDI does not name.
_MORE_INSTRUMENTS = _split(
    """
    ukulele uke mandolin saxophone keys keyboard synth synthesizer synths percussion
    rhodes wurlitzer moog mellotron theremin didgeridoo tabla bongo conga djembe cajon
    handpan erhu guzheng oud bouzouki chimes tambourine shaker claps handclaps kick snare
    hi-hat hi-hats hihat hihats cymbal toms bassline sub-bass horns woodwinds brass
    strings pads arp arps arpeggio arpeggios riff riffs chord chords
    turntable turntables sampler beatbox drum-machine drums vocal vocals vox voices
    harmonies choir orchestra band
    """
)
# Studio and arrangement words: how the track is made.
PRODUCTION = _split(
    """
    reverb reverbs delay echo mix mixing master mastering production produced sidechain
    sidechained compression compressed autotune auto-tune vocoder distortion saturation
    tape vinyl crackle lo-fi hi-fi stereo mono layered punchy crisp polished loop loops
    sample samples sampled chop chops stems drop drops build-up buildup breakdown intro
    outro verse verses chorus choruses bridge hook hooks solo solos lick licks progression
    groove grooves falsetto ad-libs adlibs duet a-cappella acapella instrumental remix
    edit recording recordings arrangement instrumentation orchestration feature feat ft
    featuring gated fingerpicked fingerpicking strummed strumming whispered airy analog
    analogue digital vintage distorted overdriven fuzzy detuned filtered chopped glitchy
    """
)
TEMPO = _split(
    """
    tempo bpm uptempo up-tempo downtempo down-tempo midtempo mid-tempo half-time
    double-time slow fast
    """
)
KEYS = _split(
    """
    key keys scale mode major minor ionian dorian phrygian lydian mixolydian aeolian
    locrian pentatonic chromatic
    """
)
# Kinds of piece: the song itself, never what it is about.
PIECES = _split(
    """
    song songs track tracks tune tunes ballad ballads anthem anthems piece number jam
    lullaby hymn music melody lyrics vibe vibes serenade ditty banger cover version loop
    style genre sound sounds groove instrumental composition record single chant shanty
    theme soundtrack score jingle riff beat beats ode standard
    """
)
# Genre and form names the style table does not list, because no style is theirs alone.
_MORE_GENRES = _split(
    """
    chillwave sertanejo alt waltz march shuffle hop hip polka lo fi garage nova
    """
)
# Words that label a tag ("tags: lofi, chill") or measure a sound ("walls of guitar").
LABELS = _split("tag tags genre genres mood moods instruments vibe vibes style styles")
MEASURES = _split("wall walls layer layers wash bed touch hint splash swirl swirls sprinkle")
# Suffixes that make a sound word describe the track: "bass-heavy", "guitar-driven".
_SOUND_SUFFIXES = (
    "-heavy",
    "-driven",
    "-laden",
    "-soaked",
    "-drenched",
    "-infused",
    "-tinged",
    "-based",
)
# A set played to a crowd is a performance, what the music is for: "a sunrise set".
_PERFORMANCES = frozenset(
    ["sunrise", "sunset", "dj", "live", "club", "closing", "opening", "festival"]
)


def _gm_words() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    heads: set[str] = set()
    names: set[tuple[str, ...]] = set()
    for number, name in enumerate(PROGRAM_NAMES):
        if number in _SOUND_NAMED or number in _EFFECTS:
            continue
        words = tuple(w for w in re.sub(r"\(.*?\)", "", name).lower().split() if not w.isdigit())
        if len(words) > 1:
            names.add(words)
        head = words[-1]
        if head in _NOT_THE_INSTRUMENT:
            head = words[0] if "NOUN" in parts_of_speech(words[0]) else ""
        if head:
            heads.add(head)
    return frozenset(heads), frozenset(names)


_GM_HEADS, GM_NAMES = _gm_words()


def _with_plurals(words: frozenset[str]) -> frozenset[str]:
    return frozenset(
        words | {plural(w) for w in words if singular(w) == w} | {singular(w) for w in words}
    )


# "Melodic Tom" gives "tom", which is more often a name ("my brother tom"); "toms" stays.
INSTRUMENTS = _with_plurals(_GM_HEADS | _MORE_INSTRUMENTS) - {"tom"}


def _style_vocabulary() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    single: set[str] = set()
    spans: set[tuple[str, ...]] = {("power", "ballad")}  # a form of piece no style is
    spans |= {(word, "set") for word in _PERFORMANCES}
    for style in STYLES:
        for synonym in (*style.synonyms, *style.hints):
            words = tuple(synonym.split())
            if len(words) > 1:
                spans.add(words)
            else:
                single.add(words[0])
    return frozenset(single | _MORE_GENRES), frozenset(spans)


GENRES, GENRE_SPANS = _style_vocabulary()


@cache
def sound_word(word: str) -> bool:
    """An instrument, a studio word, a tempo or key word, or a kind of piece: what the
    music is made of ("strings", "reverb", "bpm", "dorian", "ballad", "bass-heavy")."""
    word = word.lower()
    if word.endswith(_SOUND_SUFFIXES):
        return True
    return (
        word in INSTRUMENTS
        or word in PRODUCTION
        or word in TEMPO
        or word in KEYS
        or word in PIECES
        or word in LABELS
    )


def music_word(word: str) -> bool:
    """A sound word or a genre ("lofi", "techno", "latin"); NUMBER, left where
    `strip_notes` took a number out ("808s", "80s"), is one too."""
    return sound_word(word) or word.lower() in GENRES or word == NUMBER


def _spans(words: list[str], names: frozenset[tuple[str, ...]]) -> set[int]:
    found: set[int] = set()
    for name in names:
        size = len(name)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == name:
                found.update(range(start, start + size))
    return found


def genre_spans(words: list[str]) -> set[int]:
    """Indexes of `words` (lower case) inside a genre of more than one word: "latin pop",
    "drum and bass", "heavy metal"."""
    return _spans(words, GENRE_SPANS)


def instrument_spans(words: list[str]) -> set[int]:
    """Indexes of `words` (lower case) inside an instrument's General MIDI name of more than
    one word: "music box", "french horn", "steel drums"."""
    return _spans(words, GM_NAMES)


# Left where a number was taken out: the reader counts it among the music words, so that
# "with heavy 808s" is still a list of sounds.
NUMBER = "\u2116"
_START = r"(?<![\w#])"  # a note name starts a word
_PITCH = r"[A-G](?:#|\u266f|b|\u266d|-sharp|-flat| sharp| flat)?"
_MODES = r"(?:major|minor|maj|min|ionian|dorian|phrygian|lydian|mixolydian|aeolian|locrian)"
_IN_KEY = r"(?:\b(?:in|key)\s*(?:the\s+key\s+of\s+)?:?\s*)"
_NOTES = [
    # "in A minor", "in the key of F# major", "key: D dorian", "F#m"
    rf"{_IN_KEY}?{_START}{_PITCH}\s*-?\s*{_MODES}(?:\s+key)?\b",
    rf"{_IN_KEY}{_START}{_PITCH}m\b",
    rf"{_START}[A-G](?:#|\u266f|b|\u266d)m\b",
    rf"\bin\s+the\s+key\s+of\s+{_PITCH}\b",
    r"(?i:(?:\bin\s+)?(?<![\w#])[a-g](?:#|\u266f|\u266d)\s*(?:major|minor|m)?(?![\w#]))",
    r"(?i:(?:\bin\s+(?:a\s+)?)?\b(?:major|minor)[\s-]key\b)",
    r"(?i:(?:\bin\s+(?:the\s+)?)?\b(?:dorian|phrygian|lydian|mixolydian|aeolian|locrian)"
    r"(?:\s+mode)?\b)",
    # "at 120 bpm", "~90bpm", "tempo: 100"
    r"(?i:(?:\b(?:at|around|about)\s+)?~?\d+(?:\.\d+)?\s*-?\s*bpm\b)",
    r"(?i:\btempo\s*:?\s*\d+)",
    # "in 7/8", "3/4 time"
    r"(?i:(?:\bin\s+)?\b\d+/\d+(?:\s+time)?\b)",
    # "2 minutes", "3:30", "a 90-second jingle"
    r"(?i:\b\d+(?::\d\d)?\s*-?\s*(?:minutes?|mins?|seconds?|secs?)\b)",
    r"\b\d+:\d\d\b",
    # "in the style of Bob Dylan": an artist to sound like is not the subject
    r"(?i:\b(?:in\s+the\s+style\s+of|a\s+la)\b.*?(?=\s+about\b|[,.;\n]|$))",
    r"(?i:\b\d+[- ]years?[- ]old\b)",
]
_NOTES_RE = re.compile("|".join(f"(?:{p})" for p in _NOTES))
# Any other word with a digit: "808s", "80s", "140bpm", "4am".
_NUMBER_RE = re.compile(r"[^\s,.;:!?()]*\d[^\s,.;:!?()]*")
# "tags:", "genre:", "mood:" label what follows; "about:", "theme:", "subject:" open it.
_SUBJECT_LABEL = re.compile(r"(?i)\b(?:about|theme|subject|topic|story)\s*:")
_LABEL = re.compile(r"(?i)\b(?:tags?|genres?|style|moods?|vibes?|instruments?|vocals?)\s*:")


def strip_notes(prompt: str) -> str:
    """`prompt` without its keys, tempi, time signatures, durations and artists to sound
    like: each leaves a comma, since it ends whatever phrase it followed. Other numbers
    leave NUMBER."""
    text = _SUBJECT_LABEL.sub(", about ", prompt)
    text = _LABEL.sub(", ", text)
    text = _NOTES_RE.sub(" , ", text)
    return _NUMBER_RE.sub(f" {NUMBER} ", text)
