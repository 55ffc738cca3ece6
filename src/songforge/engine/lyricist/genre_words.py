"""What a genre lends a song's words: the mood its songs are sung in when the request names
none, and the worlds (couplet fields) its songs are set in. A punk song about a boss rails
at him, a blues song about a truck grieves for it, a genre alone ("reggae") is sung about
the genre's own world (sun, islands, freedom) rather than a stock one.

The pairings follow each genre's common lyrical ground as songwriting guides describe it
(punk: defiance and protest; blues: hardship and loss; gospel: faith and gratitude; reggae:
sunshine, freedom and islands), not any one song."""

from __future__ import annotations

import re
from dataclasses import dataclass

from songforge.engine.styles import match_style


@dataclass(frozen=True)
class GenreWords:
    """`mood`: the writer's mood word (imagery.MOOD_FIELDS's keys) a song of the genre is
    sung in when its request names no mood, or "" for none; `fields`: the genre's worlds
    (imagery.FIELDS names), most telling first; `bridge`: the field whose turn a song of the
    genre sings in its bridge whatever it is about (a gospel song turns to faith), or "";
    `title_tail`: the word the genre's titles end on ("Blues"), or ""; `voice`: the genre
    whose idiom the first couplet of each verse is said in (`data/any-lead.txt`'s
    ``~genre`` couplets: hip hop's grind, the blues' morning trouble), or ""; `piece`: the
    word of a kind of piece whose world comes before the subject's own (a lullaby's
    bedtime before a daughter's school days), or ""; `one_night`: sung on one night, its
    second verse not years on (a lullaby's child is not grown by it); `sings_twice`: the
    line that tells the prompt's trouble is sung twice, the AAB of a blues verse."""

    mood: str
    fields: tuple[str, ...]
    bridge: str = ""
    title_tail: str = ""
    voice: str = ""
    piece: str = ""
    one_night: bool = False
    sings_twice: bool = False


# By engine style name (engine/styles.py), then by a genre word that differs from its style
# in what its songs say (punk is sung apart from rock, though both are heard alike).
GENRE_WORDS: dict[str, GenreWords] = {
    "rock": GenreWords("energetic", ("roads", "freedom", "night")),
    "metal": GenreWords("dark", ("warriors", "fire", "war")),
    "punk": GenreWords("angry", ("protest", "anger", "freedom"), voice="punk"),
    "edm": GenreWords("energetic", ("dancing", "parties", "night")),
    "hip-hop": GenreWords("", ("ambition", "money", "city"), voice="hip-hop"),
    "lo-fi": GenreWords("calm", ("rain", "coffee", "night")),
    "jazz": GenreWords("nostalgic", ("bars", "night", "music")),
    # A blues is named for its trouble: "Statesboro Blues", "Crossroad Blues".
    "blues": GenreWords(
        "sad",
        ("trains", "heartbreak", "loneliness"),
        title_tail="Blues",
        voice="blues",
        sings_twice=True,
    ),
    "country": GenreWords("", ("trucks", "roads", "small town"), voice="country"),
    "r&b": GenreWords("tender", ("love", "night", "first love")),
    "orchestral": GenreWords("hopeful", ("mountains", "warriors", "hope")),
    "ambient": GenreWords("calm", ("space", "dusk", "sea")),
    "reggae": GenreWords("happy", ("islands", "sunlight", "freedom"), voice="reggae"),
    "latin": GenreWords("energetic", ("dancing", "summer", "parties")),
    "bossa nova": GenreWords("tender", ("sea", "summer", "love")),
    "folk": GenreWords("", ("rivers", "forests", "home")),
    "gospel": GenreWords("hopeful", ("faith", "gratitude", "hope"), "faith"),
    "funk": GenreWords("energetic", ("dancing", "parties", "city")),
    "synth-pop": GenreWords("", ("night", "city", "dancing")),
    "k-pop": GenreWords("energetic", ("first love", "dancing", "parties")),
}
# Words of a style whose songs say something else than the style's: an emo song is no riot.
_WORD_GENRES: dict[str, GenreWords] = {
    "emo": GenreWords("sad", ("heartbreak", "loneliness", "regret")),
    **dict.fromkeys(
        ("pop punk", "pop-punk"), GenreWords("energetic", ("freedom", "friendship", "summer"))
    ),
    **dict.fromkeys(("trap", "drill"), GenreWords("dark", ("money", "ambition", "city"))),
    **dict.fromkeys(("sea shanty", "shanty"), GenreWords("", ("sea", "harbors", "bars"))),
    "celtic": GenreWords("", ("mountains", "rivers", "bars")),
    "irish": GenreWords("", ("bars", "rivers", "home")),
    "christmas": GenreWords("happy", ("holidays", "snow", "home")),
    **dict.fromkeys(
        ("children", "children's", "kids"), GenreWords("happy", ("childhood", "birds", "summer"))
    ),
    "nursery": GenreWords("calm", ("childhood", "night", "babies")),
    **dict.fromkeys(
        ("drum and bass", "drum & bass", "dnb"), GenreWords("energetic", ("trains", "city", "rain"))
    ),
    "disco": GenreWords("energetic", ("dancing", "parties", "night")),
    "synthwave": GenreWords("nostalgic", ("night", "cars", "city")),
    "cyberpunk": GenreWords("dark", ("city", "computers", "night")),
    "flamenco": GenreWords("sad", ("heartbreak", "dancing", "night")),
    "tango": GenreWords("tender", ("dancing", "love", "night")),
    "mariachi": GenreWords("nostalgic", ("love", "home", "parties")),
}


# Kinds of piece whose songs have a ground of their own, though they name no style of
# music: a lullaby is sung softly, at night, to a child now.
_PIECES: dict[str, GenreWords] = {
    "lullaby": GenreWords(
        "calm", ("babies", "night", "dusk"), voice="lullaby", piece="lullaby", one_night=True
    ),
}


def genre_words(text: str, style: str = "") -> GenreWords | None:
    """What the kind of piece `text` names lends where it has a ground of its own ("a
    lullaby", whatever style its sound was given), else the genre of `style` (an engine
    style name the request chose by a genre word), or, without one, the genre `text` names
    ("a punk song about my boss"); None for a request that names none (a mood word that
    points to a style is no genre)."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    piece = next((lent for word, lent in _PIECES.items() if word in words), None)
    if piece is not None:
        return piece  # "a lullaby for a baby who won't sleep" is no ambient track
    match = match_style(text, None, None)
    named = match.word is not None and match.word in match.style.synonyms
    if named and match.word in _WORD_GENRES and style in (match.style.name, ""):
        return _WORD_GENRES[match.word]
    if style:
        return GENRE_WORDS.get(style)
    if not named:
        return None
    return GENRE_WORDS.get(match.style.name)
