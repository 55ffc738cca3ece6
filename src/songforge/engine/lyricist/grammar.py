"""English word forms the writer needs: the indefinite article by sound, singular and plural
nouns, and the parts of speech a word can take.

Articles follow pronunciation, not spelling ("an hour", "a unicorn"), from the CMU
pronouncing dictionary; lemmas, plurals and parts of speech come from lemminflect's tables,
which ship inside its wheel.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pronouncing
from lemminflect import getAllLemmas, getInflection, getLemma

_VOWEL_PHONES = frozenset(
    ("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW")
)
# Spelling fallback for words the dictionary lacks: a vowel letter, except the "you" and
# "wa" sounds that open "uni-", "use", "eu-", "one".
_CONSONANT_SOUNDING = re.compile(r"^(uni|use|usu|uti|eu|ew|one|once|ubi|ura|uro)")
_VOWEL_SOUNDING = re.compile(r"^(hour|honest|honou?r|heir)")


def starts_with_vowel_sound(word: str) -> bool:
    clean = re.sub(r"[^a-z']", "", word.lower())
    if not clean:
        return False
    phones = pronouncing.phones_for_word(clean)
    if phones:
        return phones[0].split()[0].rstrip("012") in _VOWEL_PHONES
    if _VOWEL_SOUNDING.match(clean):
        return True
    return clean[0] in "aeiou" and not _CONSONANT_SOUNDING.match(clean)


def indefinite(phrase: str) -> str:
    """`phrase` with "a" or "an" by the sound of its first word: "an old truck"."""
    return ("an " if starts_with_vowel_sound(phrase.split()[0]) else "a ") + phrase


@lru_cache(maxsize=20_000)
def parts_of_speech(word: str) -> frozenset[str]:
    """Universal POS tags the word can carry ("NOUN", "VERB", "ADJ", "ADV"); empty when
    lemminflect does not know it."""
    return frozenset(getAllLemmas(word.lower()))


@lru_cache(maxsize=20_000)
def singular(word: str) -> str:
    lemmas = getAllLemmas(word.lower()).get("NOUN")
    if not lemmas:
        # A plural the tables lack ("seagulls") goes by lemminflect's rules when what they
        # give is a word the pronouncing dictionary knows ("seagull"; never "texa").
        guess = str(getLemma(word.lower(), upos="NOUN")[0])
        if guess != word.lower() and pronouncing.phones_for_word(guess):
            return guess
        return word.lower()
    # "blues" lists ("blue", "blues"): the form as written wins when it is a lemma.
    return word.lower() if word.lower() in lemmas else str(lemmas[0])


def is_plural(word: str) -> bool:
    return singular(word) != word.lower()


@lru_cache(maxsize=20_000)
def plural(word: str) -> str:
    forms = getInflection(word.lower(), tag="NNS")
    return str(forms[0]) if forms else word.lower() + "s"


def past_be(plural_subject: bool) -> str:
    return "were" if plural_subject else "was"


def present_be(plural_subject: bool) -> str:
    return "are" if plural_subject else "is"


@lru_cache(maxsize=5_000)
def verb_form(verb: str, tag: str) -> str:
    """`verb` (base form, maybe with words after it: "gather dust") inflected by its first
    word to a Penn tag: VBD "ticked", VBZ "ticks", VBG "ticking"."""
    first, _, rest = verb.partition(" ")
    forms = getInflection(first, tag=tag)
    word = str(forms[0]) if forms else first
    return f"{word} {rest}" if rest else word


def past_tense(word: str) -> bool:
    """Whether `word` is a verb's simple past ("was", "left", "walked"), as lemminflect's
    VBD inflection of one of its verb lemmas gives it."""
    lowered = word.lower()
    return any(
        lowered in getInflection(lemma, tag="VBD")
        for lemma in getAllLemmas(lowered).get("VERB", ())
        if lemma != lowered
    )


# Abbreviations before a name, said in full: a singer sings "Mister Sato", and the full stop
# ends no sentence.
_TITLES = {"St.": "Saint", "Mr.": "Mister", "Mrs.": "Missus", "Dr.": "Doctor", "Ms.": "Miz"}


def spelled_titles(text: str) -> str:
    """`text` with the abbreviated titles before names written out: "Mr. Sato" ->
    "Mister Sato", "St. Mary's" -> "Saint Mary's"."""
    for short, long in _TITLES.items():
        text = re.sub(rf"\b{re.escape(short)}\s+(?=[A-Z])", long + " ", text)
    return text
