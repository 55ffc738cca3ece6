"""A French, German, Italian or Portuguese prompt said in English, so that the English writer
sings its subject: "une chanson triste sur la pluie à Paris" -> "a sad song about the rain
in Paris", "ein Liebeslied über eine Sommernacht in Hamburg" -> "a love song about a summer
night in Hamburg".

Each word is looked up in its language's glossary (lyricist.glossary and its glossary_*
modules), longest phrase first ("coucher de soleil", "au bord de"), after its elision is cut
off ("l'été" is "l'" and "été") and, when the word itself has no entry, after a plural or a
gender ending is undone ("étoiles" -> "étoile"; "Häuser" -> "Haus"). A word with no entry
is dropped: the lyrics never sing a prompt's word untranslated. A capitalised word inside a
French, Italian or Portuguese sentence is a name and passes through, in English where it has
an English name ("Roma" -> "Rome") and in plain Latin letters otherwise ("São Paulo" ->
"Sao Paulo"); German capitalises every noun, so there a capitalised word is first looked up
(whole, then as a compound of two entries: "Sommer" + "Nacht") and is a name only when no
article precedes it and it follows a preposition of place or is a word the pronouncing
dictionary knows (`_may_be_name`).

Then the English is put in English order: an adjective or genre after its noun goes before
it ("une chanson pop" -> "a pop song"), a bare noun after "of" joins the one before it
("nuit d'été" -> "summer night"), a noun of someone's becomes a possessive ("la cuisine de
ma grand-mère" -> "my grandmother's kitchen"), and the first "sur", "über", "su" or "sobre"
after the kind of piece reads "about". Function words left with nothing to govern are
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

import pronouncing
from anyascii import anyascii

from songforge.engine.lyricist.glossary import NOTHING, Glossary, fold
from songforge.engine.lyricist.glossary_de import GERMAN
from songforge.engine.lyricist.glossary_fr import FRENCH
from songforge.engine.lyricist.glossary_it import ITALIAN
from songforge.engine.lyricist.glossary_pt import PORTUGUESE
from songforge.engine.lyricist.grammar import plural, singular, starts_with_vowel_sound
from songforge.engine.lyricist.music_words import GENRES, PIECES

GLOSSARIES = {g.code: g for g in (FRENCH, GERMAN, ITALIAN, PORTUGUESE)}

# What a word is to the English sentence.
NOUN, NAME, PIECE, GENRE, ADJ, VERB = "noun", "name", "piece", "genre", "adj", "verb"
DET, OWNER, PREP, OF, MARKER, CONJ, NUMBER, BREAK = (
    *("det", "owner", "prep", "of", "marker", "conj", "number", "break"),
)
_CONTENT = frozenset((NOUN, NAME, PIECE, GENRE, ADJ, VERB))
_HEADS = frozenset((NOUN, NAME, PIECE, GENRE))
_MODIFIERS = frozenset((ADJ, NUMBER))
_DETERMINERS = frozenset(("the", "a", "this", "that", "these"))
_OWNERS = frozenset(("my", "your", "our"))
_CONJUNCTIONS = frozenset(("and", "or", "but"))
_NUMBERS = frozenset(("two", "three", "four", "five", "ten", "hundred", "thousand"))

_TOKEN = re.compile(r"[^\W\d_]+'|[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[.,;:!?()\"«»]")
_SENTENCE_END = frozenset('.!?:;("«')
# Words that join the parts of a name: "Rio de Janeiro", "Frankfurt am Main".
_NAME_JOINERS = frozenset(
    ("de", "da", "do", "dos", "das", "di", "del", "della", "du", "des", "la", "le", "am", "an")
)
_UMLAUTS = str.maketrans("äöü", "aou")
# Endings of German nouns that are never names ("Sehnsucht", "Erinnerung", "Freiheit").
_GERMAN_NOUN_ENDINGS = (
    *("ung", "heit", "keit", "schaft", "tum", "nis", "chen", "lein", "ling", "tät", "ion"),
    *("ismus", "sucht", "ei"),
)
_GERMAN_PLACE_PREPOSITIONS = frozenset(("in", "nach", "aus", "von", "bei", "bis"))
# Linking letters between the parts of a German compound ("Liebe-s-lied").
_LINKS = ("", "s", "es", "n", "en", "e", "er")


@dataclass(frozen=True)
class _Word:
    english: str
    kind: str
    plural: bool = False
    other: str = ""  # a marker's reading where it does not open the subject


def english_prompt(prompt: str, language: str) -> str:
    """The prompt said in English for the English writer, or "" when `language` (ISO 639-1)
    has no glossary or none of the prompt's words says what the song is about or how it
    feels: "uma canção triste sobre a chuva em Lisboa" -> "a sad song about the rain in
    Lisbon"."""
    glossary = GLOSSARIES.get(language)
    if glossary is None:
        return ""
    words = _read(_tokens(prompt), glossary)
    if not any(w.kind in _CONTENT for w in words):
        return ""
    words = _choose_readings(words)
    if glossary.adjectives_follow:
        words = _modifiers_first(words)
    words = _join_compounds(words)
    words = _possessives(words)
    words = _open_subject(words)
    return _say(_tidy(words))


def _tokens(prompt: str) -> list[str]:
    return _TOKEN.findall(prompt.replace("\u2019", "'"))


@cache
def _phrases(code: str) -> dict[tuple[str, ...], tuple[str, str]]:
    """The glossary's entries of more than one word, by their tokens: the table each is in
    and its English."""
    glossary = GLOSSARIES[code]
    tables = {
        "nouns": glossary.nouns,
        "adjectives": glossary.adjectives,
        "pieces": glossary.pieces,
        "verbs": glossary.verbs,
        "words": glossary.words,
    }
    found: dict[tuple[str, ...], tuple[str, str]] = {}
    for table, entries in tables.items():
        for key, english in entries.items():
            tokens = tuple(fold(t) for t in _tokens(key))
            if len(tokens) > 1:
                found[tokens] = (table, english)
    for key, (opening, other) in glossary.markers.items():
        tokens = tuple(fold(t) for t in _tokens(key))
        if len(tokens) > 1:
            found[tokens] = ("markers", f"{opening}|{other}")
    return found


def _title_cased(tokens: list[str]) -> bool:
    """Whether most of the prompt's longer words have a capital, as in a title ("Une
    Chanson Sur La Pluie"): then a capital says nothing of a name."""
    long = [t for t in tokens if len(t) > 3 and t[0].isalpha()]
    return len(long) >= 3 and sum(t[0].isupper() for t in long) * 2 > len(long)


def _read(tokens: list[str], glossary: Glossary) -> list[_Word]:
    words: list[_Word] = []
    titled = _title_cased(tokens)
    after_relative = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token[0].isalpha():
            if not token.isdigit():
                words.append(_Word(",", BREAK))
            i += 1
            continue
        phrase = _phrase(tokens, i, glossary)
        if phrase is not None:
            size, found = phrase
            words += found
            i += size
            after_relative = False
            continue
        start = i == 0 or tokens[i - 1] in _SENTENCE_END
        if token[0].isupper() and not start and not titled and not glossary.compounds:
            # Inside a French, Italian or Portuguese sentence a capital makes a name.
            name_size, name = _name(tokens, i, glossary)
            words.append(name)
            i += name_size
            continue
        genitive = glossary.after_noun.get(token.lower())
        if genitive and words and words[-1].kind == NOUN:
            read: list[_Word] | None = [_Word(genitive, OF)]
        else:
            read = _word(token, glossary, words, verb_first=after_relative)
        after_relative = token.lower() in glossary.relatives
        if read is None and "-" in token:
            parts = [_word(p, glossary, words) for p in token.split("-")]
            read = [w for part in parts if part for w in part] or None
        if read is None and token[0].isupper() and _may_be_name(tokens, i, glossary, words):
            name_size, name = _name(tokens, i, glossary)
            words.append(name)
            i += name_size
            continue
        words += read or []
        i += 1
    return words


def _phrase(tokens: list[str], i: int, glossary: Glossary) -> tuple[int, list[_Word]] | None:
    """The longest entry of more than one word at `i`: how many tokens it takes and its
    English (none for a phrase that says nothing the song needs: "s'il vous plaît")."""
    phrases = _phrases(glossary.code)
    folded = [fold(t) for t in tokens[i : i + glossary.longest_phrase]]
    for size in range(len(folded), 1, -1):
        found = phrases.get(tuple(folded[:size]))
        if found is None:
            continue
        table, english = found
        if table == "markers":
            opening, _, other = english.partition("|")
            return size, [_Word(opening, MARKER, other=other)]
        if table == "words":
            said = _function_word(english)
            return size, [said] if said else []
        return size, [_Word(english, _table_kinds(table, english))]
    return None


def _table_kinds(table: str, english: str) -> str:
    if table == "pieces":
        return _piece_kind(english)
    return {"nouns": NOUN, "adjectives": ADJ, "verbs": VERB}[table]


def _piece_kind(english: str) -> str:
    return PIECE if english.split()[-1] in PIECES else GENRE


def _function_word(english: str) -> _Word | None:
    if english == NOTHING:
        return None
    if english in _DETERMINERS:
        return _Word(english, DET)
    if english in _OWNERS:
        return _Word(english, OWNER)
    if english.startswith("of"):
        return _Word(english, OF)
    if english in _CONJUNCTIONS:
        return _Word(english, CONJ)
    if english in _NUMBERS:
        return _Word(english, NUMBER)
    return _Word(english, PREP)


def _lookup(table: Mapping[str, str], folded_table: Mapping[str, str], word: str) -> str | None:
    return table.get(word) or folded_table.get(fold(word))


def _word(
    token: str, glossary: Glossary, before: list[_Word], *, verb_first: bool = False
) -> list[_Word] | None:
    """The English of one word, or None when the glossary has no entry for it (a German
    compound gives two words)."""
    lower = token.lower()
    verb = _lookup(glossary.verbs, glossary.folded_verbs, lower)
    if verb_first and verb:
        return [_Word(verb, VERB)]
    english = _lookup(glossary.words, glossary.folded_words, lower)
    if english is not None:
        found = _function_word(english)
        return [found] if found else []
    marker = glossary.markers.get(lower) or glossary.folded_markers.get(fold(lower))
    if marker:
        return [_Word(marker[0], MARKER, other=marker[1])]
    piece = _lookup(glossary.pieces, glossary.folded_pieces, lower)
    if piece:
        return [_Word(piece, _piece_kind(piece))]
    if fold(lower) in GENRES:
        return [_Word(fold(lower), GENRE)]
    noun = _noun(lower, glossary, before)
    if noun:
        return [noun]
    if verb:
        return [_Word(verb, VERB)]
    adjective = _adjective(lower, glossary)
    if adjective:
        return [_Word(adjective, ADJ)]
    name = _lookup(glossary.names, glossary.folded_names, lower)
    if name:  # "den Rhein", "München", a name written in lower case
        return [_Word(name, NAME)]
    if glossary.compounds:
        return _compound(lower, glossary, before)
    return None


def _noun(word: str, glossary: Glossary, before: list[_Word]) -> _Word | None:
    found = _noun_form(word, glossary)
    if found is None:
        return None
    english, is_plural = found
    owned = bool(before) and before[-1].kind == OWNER
    first, _, other = english.partition("|")
    english = first if owned or not other else other
    if before and (
        before[-1].english in ("a", "this", "of a")
        # A German genitive is singular: "des Meeres" (the plural's article is "der").
        or (glossary.compounds and before[-1].kind == OF)
    ):
        is_plural = False
    return _Word(english, NOUN, is_plural)


def _noun_form(word: str, glossary: Glossary) -> tuple[str, bool] | None:
    """The English of a noun and whether the word was a plural of it."""
    nouns = glossary.nouns
    # Without its accents a German plural would pass for its singular ("Vögel", "Vogel").
    umlauted = glossary.compounds and word.translate(_UMLAUTS) != word
    found = nouns.get(word) if umlauted else _lookup(nouns, glossary.folded_nouns, word)
    if found:
        return found, False
    stems = [
        word[: -len(ending)] + base
        for ending, base in glossary.noun_endings
        if word.endswith(ending) and len(word) > len(ending) + 1
    ]
    if glossary.compounds:  # "Häuser" -> "Haus", "Mütter" -> "Mutter"
        stems += [s.translate(_UMLAUTS) for s in [word, *stems]]
    for stem in stems:
        found = _lookup(nouns, glossary.folded_nouns, stem)
        if found:
            return found, True
    return None


def _adjective(word: str, glossary: Glossary) -> str | None:
    adjectives = glossary.adjectives
    found = _lookup(adjectives, glossary.folded_adjectives, word)
    if found:
        return found
    for ending, base in glossary.adjective_endings:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            found = _lookup(adjectives, glossary.folded_adjectives, word[: -len(ending)] + base)
            if found:
                return found
    return None


def _compound(word: str, glossary: Glossary, before: list[_Word]) -> list[_Word] | None:
    """A German compound as its two parts in English: "sommernacht" -> summer night,
    "liebeslied" -> love song, "popsong" -> pop song."""
    for cut in range(3, len(word) - 2):
        left, right = word[:cut], word[cut:]
        head = _head_part(right, glossary, before)
        if head is None:
            continue
        for link in _LINKS:
            if link and not left.endswith(link):
                continue
            stem = left[: len(left) - len(link)]
            modifier = _modifier_part(stem, glossary)
            if modifier is not None:
                return [modifier, head]
    return None


def _head_part(word: str, glossary: Glossary, before: list[_Word]) -> _Word | None:
    piece = _lookup(glossary.pieces, glossary.folded_pieces, word)
    if piece:
        return _Word(piece, _piece_kind(piece))
    return _noun(word, glossary, before)


def _modifier_part(word: str, glossary: Glossary) -> _Word | None:
    if len(word) < 3:
        return None
    if word in GENRES:
        return _Word(word, GENRE)
    noun = _noun_form(word, glossary)
    if noun:
        return _Word(noun[0].rpartition("|")[2], NOUN)
    adjective = _lookup(glossary.adjectives, glossary.folded_adjectives, word)
    return _Word(adjective, ADJ) if adjective else None


def _may_be_name(tokens: list[str], i: int, glossary: Glossary, before: list[_Word]) -> bool:
    """Whether a capitalised word no entry knows is a name. In German, where every noun has
    a capital, it is one only after a preposition of place ("in Freiburg", "nach Rostock")
    or when the pronouncing dictionary knows it, as it knows most names ("Anna", "Kassel")
    and few German nouns ("Tiere", "Sehnsucht"); never after an article, an owner or an
    adjective, nor with an ending only nouns have."""
    if not glossary.compounds:
        return True
    token = tokens[i]
    if before and before[-1].kind in (DET, OWNER, ADJ, NUMBER):
        return False
    if token.lower().endswith(_GERMAN_NOUN_ENDINGS):
        return False
    after_place = i > 0 and tokens[i - 1].lower() in _GERMAN_PLACE_PREPOSITIONS
    return after_place or bool(pronouncing.phones_for_word(token.lower()))


def _name(tokens: list[str], i: int, glossary: Glossary) -> tuple[int, _Word]:
    """The name that starts at `i`, with the words that continue it ("Rio de Janeiro",
    "São Paulo"), in English where it has an English name."""
    end = i + 1
    while end < len(tokens):
        if tokens[end][0].isupper() and tokens[end].isalpha() and not _known(tokens[end], glossary):
            end += 1
        elif (
            tokens[end] in _NAME_JOINERS
            and end + 1 < len(tokens)
            and tokens[end + 1][0].isupper()
            and not _known(tokens[end + 1], glossary)
        ):
            end += 2
        else:
            break
    text = " ".join(tokens[i:end])
    english = _lookup(glossary.names, glossary.folded_names, text.lower())
    if english is None and end == i + 1:
        # A feast or a day written with a capital: "Noël", "Natale".
        noun = _noun_form(text.lower(), glossary)
        if noun and noun[0][0].isupper():
            return 1, _Word(noun[0], NOUN)
        piece = _lookup(glossary.pieces, glossary.folded_pieces, text.lower())
        if piece:
            return 1, _Word(piece, _piece_kind(piece))
        if fold(text) in GENRES:
            return 1, _Word(fold(text), GENRE)
    return end - i, _Word(english or anyascii(text), NAME)


def _known(token: str, glossary: Glossary) -> bool:
    lower = fold(token)
    return any(
        lower in table
        for table in (glossary.folded_words, glossary.folded_markers, glossary.folded_pieces)
    )


def _next_head(words: list[_Word], i: int) -> _Word | None:
    """The first word after `i` that is not an article, an owner or a modifier."""
    for word in words[i + 1 :]:
        if word.kind not in (DET, OWNER, ADJ, NUMBER):
            return word
    return None


def _choose_readings(words: list[_Word]) -> list[_Word]:
    """A word with two readings takes the first before a name: "à Paris" is "in Paris",
    "à la plage" "at the beach"; Portuguese "a Lisboa" "to Lisbon", "a chuva" "the rain".
    An "of" with its owner ("meines": "of my") is two words."""
    out: list[_Word] = []
    for i, word in enumerate(words):
        of, _, owner = word.english.partition(" ")
        if word.kind == OF and owner in _OWNERS:
            out += [_Word(of, OF), _Word(owner, OWNER)]
            continue
        if "|" in word.english:
            first, _, other = word.english.partition("|")
            following = _next_head(words, i)
            english = first if following is not None and following.kind == NAME else other
            word = _function_word(english) or word
        out.append(word)
    return out


def _modifiers_first(words: list[_Word]) -> list[_Word]:
    """Adjectives and genres after their noun go before it: "une chanson pop joyeuse" -> "a
    happy pop song"; "la nuit froide et sombre" -> "the cold and dark night"."""
    out: list[_Word] = []
    i = 0
    while i < len(words):
        word = words[i]
        run: list[_Word] = []
        j = i + 1
        if word.kind in (NOUN, PIECE, GENRE):
            # A genre after a genre is one name ("bossa nova").
            movable = (ADJ,) if word.kind == GENRE else (ADJ, GENRE)
            while j < len(words):
                if words[j].kind in movable:
                    run.append(words[j])
                    j += 1
                elif (
                    words[j].kind == CONJ
                    and run
                    and j + 1 < len(words)
                    and words[j + 1].kind == ADJ
                ):
                    run += words[j : j + 2]
                    j += 2
                else:
                    break
        if not any(w.kind == CONJ for w in run):
            run.reverse()
        out += [*run, word]
        i = j
    return out


def _join_compounds(words: list[_Word]) -> list[_Word]:
    """A bare noun or genre after "of" names the kind of the noun before it: "nuit d'été"
    -> "summer night", "chanson d'amour" -> "love song", "morceau de jazz" -> "jazz track"."""
    out = list(words)
    i = 1
    while i + 1 < len(out):
        before, word, after = out[i - 1], out[i], out[i + 1]
        next_is_noun = i + 2 < len(out) and out[i + 2].kind == NOUN
        if (
            word.kind == OF
            and word.english == "of"
            and before.kind in (NOUN, PIECE, GENRE)
            and after.kind in (NOUN, GENRE)
            and not next_is_noun
        ):
            out[i - 1 : i + 2] = [replace(after, plural=False), before]
        i += 1
    return out


def _possessives(words: list[_Word]) -> list[_Word]:
    """Someone's noun said as English says it: "la cuisine de ma grand-mère" -> "my
    grandmother's kitchen"."""
    out = list(words)
    for i in range(1, len(out) - 2):
        if out[i].kind != OF or out[i + 1].kind != OWNER or out[i - 1].kind != NOUN:
            continue
        end = i + 2
        while end < len(out) and out[end].kind in _MODIFIERS:
            end += 1
        if end >= len(out) or out[end].kind != NOUN:
            continue
        start = i - 1
        while start > 0 and out[start - 1].kind in _MODIFIERS:
            start -= 1
        if start > 0 and out[start - 1].kind in (DET, OWNER):
            start -= 1
        owner = out[end]
        said = plural(owner.english) + "'" if owner.plural else owner.english + "'s"
        possessor = [*out[i + 1 : end], replace(owner, english=said, plural=False)]
        possessed = [w for w in out[start:i] if w.kind not in (DET, OWNER)]
        out[start : end + 1] = possessor + possessed
        return _possessives(out)
    return out


def _open_subject(words: list[_Word]) -> list[_Word]:
    """The first marker after the kind of piece, or before any noun, opens the subject
    ("about"); the others read as the prepositions they also are ("sur le toit": "on")."""
    out: list[_Word] = []
    opened = False
    for word in words:
        if word.kind == MARKER:
            piece_before = any(w.kind in (PIECE, GENRE) for w in out)
            noun_before = any(w.kind in (NOUN, NAME, VERB) for w in out)
            if not opened and (piece_before or not noun_before):
                opened = True
                word = replace(word, kind=PREP)
            else:
                word = replace(word, english=word.other, kind=PREP)
        out.append(word)
    return out


def _tidy(words: list[_Word]) -> list[_Word]:
    """Function words left governing nothing are dropped ("the" before a dropped word, "of"
    after no noun, "and" at an end); of two articles in a row the last stays ("the my
    son"), and names go without one ("no Rio": "in Rio")."""
    changed = True
    while changed:
        changed = False
        for i, word in enumerate(words):
            before = words[i - 1] if i else None
            after = words[i + 1] if i + 1 < len(words) else None
            head = _next_head(words, i)
            drop = False
            # "sul mio gatto": "on my cat"; "no Rio": "in Rio".
            if (
                word.kind in (PREP, OF)
                and word.english.endswith(" the")
                and after is not None
                and after.kind in (DET, OWNER, NAME)
            ):
                words[i] = replace(word, english=word.english.removesuffix(" the"))
                changed = True
                break
            if word.kind in (DET, OWNER, NUMBER):
                drop = (
                    (after is not None and after.kind in (DET, OWNER))
                    or (word.english == "the" and after is not None and after.kind == NAME)
                    or not (head is not None and head.kind in _HEADS)
                )
            elif word.kind == ADJ:
                drop = False
            elif word.kind == OF:
                if before is None or before.kind not in _HEADS:
                    rest = word.english.removeprefix("of").strip()
                    if rest and head is not None and head.kind in _HEADS:
                        words[i] = _Word(rest, DET)
                        changed = True
                        break
                    drop = True
                else:
                    drop = head is None or head.kind not in _HEADS
            elif word.kind == PREP:
                # Before "and" the word it governed was dropped: the "and" goes instead
                # ("sur la saudade et la mélancolie": "about the melancholy").
                drop = head is None or head.kind not in (*_HEADS, VERB, CONJ)
            elif word.kind in (CONJ, BREAK):
                drop = (
                    before is None
                    or after is None
                    or before.kind in (CONJ, BREAK, PREP, OF, DET, OWNER)
                    or after.kind in (CONJ, BREAK)
                )
            if drop:
                del words[i]
                changed = True
                break
    return words


def _say(words: list[_Word]) -> str:
    said: list[str] = []
    for i, word in enumerate(words):
        text = word.english
        if word.kind == NOUN and word.plural and " " not in text and singular(text) == text:
            text = plural(text)
        if word.kind == VERB:
            head = _next_head(words, i)
            if head is None or head.kind not in (NOUN, NAME):
                text = text.removesuffix(" for")
        if word.kind == DET and text == "a":
            head = _next_head(words, i)
            if head is not None and head.plural:
                continue
            following = words[i + 1].english if i + 1 < len(words) else ""
            text = "an" if following and starts_with_vowel_sound(following) else "a"
        said.append(text)
    return " ".join(said).replace(" ,", ",")
