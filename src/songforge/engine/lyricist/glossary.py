"""A glossary of the words song prompts use in one language, with their English: what
lyricist.foreign_prompt reads a French, German, Italian or Portuguese prompt with.

Each language's module (glossary_fr, glossary_de, glossary_it, glossary_pt) writes its
lists as text, one entry per `;` or line: the word as a dictionary gives it (a noun in the
singular, an adjective in the masculine singular), then its English. `/` lists other forms
of the same word ("dormir/dort/dorment sleeping"); `_` joins the words of a phrase
("coucher_de_soleil sunset", "près_du near_the"); `-` as the English marks a word that is
known and says nothing the song needs ("veux -"); `a|b` gives two readings, the first where
it applies: a noun after "my" ("fille daughter|girl"), a preposition before a name ("à
in|at": "à Paris", "à la plage").
The lists are curated by hand: the PyPI packages with bilingual word lists (wn's wordnets,
word2word) fetch their data at run time, which the engine never does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

NOTHING = "-"


def entries(text: str) -> dict[str, str]:
    """The entries of a glossary list: {"coucher de soleil": "sunset", "veux": "-"}."""
    found: dict[str, str] = {}
    for entry in text.replace("\n", ";").split(";"):
        words = entry.split()
        if len(words) < 2:
            continue
        for form in words[0].split("/"):
            found[form.replace("_", " ").lower()] = " ".join(words[1:]).replace("_", " ")
    return found


def fold(word: str) -> str:
    """`word` in lower case without its accents, as a prompt typed without them spells it:
    "été" -> "ete", "Straße" -> "strasse"."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Glossary:
    """One language's prompt words in English.

    `nouns`: singular nouns -> an English noun (capitalised for the names of days, months and
    feasts: "dimanche" -> "Sunday"); a noun with two readings takes its first after a
    possessive ("ma fille": "my daughter", "une fille": "a girl"). `adjectives`: base forms
    -> an English adjective (mood words give the English mood word the prompt reader knows:
    "triste" -> "sad"). `pieces`: kinds of piece and genre names -> English ("chanson" ->
    "song", "fado" -> "folk song"). `verbs`: the forms of a verb a prompt's situation uses
    -> the English gerund ("dort" -> "sleeping"). `words`: function words -> English
    (articles, prepositions, contractions: "au" -> "in the", "sulla" -> "on the").
    `markers`: the words that open a song's subject -> (their reading there, their reading
    elsewhere): "sur" -> ("about", "on"). `names`: place names -> their English names
    ("roma" -> "Rome"). `noun_endings` and `adjective_endings`: (ending, base ending) pairs
    that undo plurals and genders, tried in order ("chevaux" -> "cheval" by ("aux", "al")).
    `adjectives_follow`: whether an adjective stands after its noun ("la nuit froide").
    `after_noun`: words that read otherwise right after a noun, as German genitives do
    ("der Garten *meiner* Mutter": "of my"). `relatives`: the relative pronouns after which
    a word is read as a verb first ("che *cucina*" cooks, "la *cucina*" is a kitchen).
    `compounds`: whether nouns join into one word ("Sommernacht")."""

    code: str
    nouns: Mapping[str, str]
    adjectives: Mapping[str, str]
    pieces: Mapping[str, str]
    verbs: Mapping[str, str]
    words: Mapping[str, str]
    markers: Mapping[str, tuple[str, str]]
    names: Mapping[str, str]
    noun_endings: tuple[tuple[str, str], ...]
    adjective_endings: tuple[tuple[str, str], ...]
    adjectives_follow: bool
    after_noun: Mapping[str, str] = field(default_factory=dict)
    relatives: frozenset[str] = field(default_factory=frozenset)
    compounds: bool = False

    @cached_property
    def folded_nouns(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.nouns.items()}

    @cached_property
    def folded_adjectives(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.adjectives.items()}

    @cached_property
    def folded_pieces(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.pieces.items()}

    @cached_property
    def folded_verbs(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.verbs.items()}

    @cached_property
    def folded_words(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.words.items()}

    @cached_property
    def folded_markers(self) -> dict[str, tuple[str, str]]:
        return {fold(k): v for k, v in self.markers.items()}

    @cached_property
    def folded_names(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.names.items()}

    @cached_property
    def longest_phrase(self) -> int:
        tables = (self.nouns, self.adjectives, self.pieces, self.verbs, self.words, self.markers)
        return max(len(key.split()) for table in tables for key in table)
