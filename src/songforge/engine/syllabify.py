"""Syllables and stress of words in the sung languages other than English, from spelling.

Spanish, Italian, Portuguese, French and German spell their vowels regularly enough that a
word's syllable nuclei can be read from its letters: runs of vowels are one nucleus unless
two open vowels meet (Spanish "le-ón") or a written accent breaks a diphthong ("dí-a").
French drops a final mute "e"/"es" in modern singing. Stress follows each language's
written-accent and word-ending rules (Spanish: penultimate after a vowel, n or s, else
last; Italian: penultimate; Portuguese: like Spanish with its own endings; French: last;
German: first, after an unstressed prefix). Sources: the Real Academia Española's rules of
accentuation, and standard grammars of the other languages.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

_VOWELS = {
    "es": "aeiouáéíóúü",
    "it": "aeiouàèéìíòóùú",
    "pt": "aeiouáàâãéêíóôõúü",
    "fr": "aeiouyàâæéèêëîïôœùûüÿ",
    "de": "aeiouyäöü",
}
# Open vowels: two of them side by side are two syllables (hiatus).
_OPEN = set("aeoáéóàèòâêôãõ")
# Weak vowels with a written accent break a diphthong ("dí-a", "ba-úl").
_ACCENTED_WEAK = set("íúìù")
_ACCENTED = set("áéíóúàèìòùâêôãõ")
_GERMAN_PAIRS = ("ai", "ei", "au", "eu", "äu", "ie", "aa", "ee", "oo", "ay", "ey")
# Consonant pairs that begin a syllable together ("no-che", "ca-bra").
_ONSETS = frozenset(
    [
        "ch",
        "ll",
        "rr",
        "qu",
        "gu",
        "gl",
        "gn",
        "pl",
        "pr",
        "bl",
        "br",
        "tr",
        "dr",
        "cl",
        "cr",
        "fl",
        "fr",
        "gr",
        "th",
        "sc",
        "ph",
        "lh",
        "nh",
    ]
)
_GERMAN_PREFIXES = ("be", "ge", "er", "ver", "zer", "ent", "emp")
_LIGHT = {
    "es": "el la los las un una unos de del a al en y e o u que se me te nos mi tu su mis "
    "tus sus por con sin lo le les ni si",
    "it": "il lo la i gli le un uno una di a da in con su per e o che mi ti si ci vi ne non "
    "del della al alla nel nella",
    "pt": "o a os as um uma de do da dos das em no na nos nas e ou que me te se meu minha "
    "por com sem ao",
    "fr": "le la les l un une de du des d et à au aux en je j tu il elle on que qu qui ne n "
    "se s ce c me m te t mon ma mes ton ta tes son sa ses y",
    "de": "der die das den dem des ein eine einen einem und zu im in am an mit von ich du er "
    "es sie wir ihr mich dich sich mir dir auf aus bei für so",
}
_LIGHT_WORDS = {code: frozenset(words.split()) for code, words in _LIGHT.items()}


def _clean(word: str) -> str:
    return re.sub(r"[^\w'\u2019-]", "", word.lower()).replace("\u2019", "'")


def _nuclei(word: str, language: str) -> list[tuple[int, int]]:
    """(start, end) letter spans of the word's syllable nuclei."""
    vowels = _VOWELS[language]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(word):
        if word[i] not in vowels or (
            word[i] == "y" and language != "fr" and i + 1 < len(word) and word[i + 1] in vowels
        ):
            i += 1
            continue
        start = i
        i += 1
        while i < len(word) and word[i] in vowels:
            previous, current = word[i - 1], word[i]
            if _splits(previous, current, word, i, language):
                spans.append((start, i))
                start = i
            i += 1
        spans.append((start, i))
    if language == "fr" and len(spans) > 1:
        tail = word[spans[-1][0] :]
        if tail in ("e", "es", "ent") and word[spans[-1][0]] == "e" and tail != "ent":
            spans.pop()
    return spans


def _splits(previous: str, current: str, word: str, at: int, language: str) -> bool:
    if language in ("es", "it", "pt"):
        if language == "pt" and previous in "ãõ" and current in "oe":
            return False  # nasal diphthongs: "ão", "õe", "ãe"
        if previous in _OPEN and current in _OPEN:
            return True
        return (previous in _ACCENTED_WEAK or current in _ACCENTED_WEAK) and not (
            previous in _ACCENTED_WEAK and current in _ACCENTED_WEAK
        )
    if language == "de":
        # Two letters of one diphthong stay together; a vowel after a diphthong is new.
        run_start = at
        while run_start > 0 and word[run_start - 1] in _VOWELS["de"]:
            run_start -= 1
        run = word[run_start:at]
        pair = previous + current
        return not (pair in _GERMAN_PAIRS and len(run) % 2 == 1)
    return False


@lru_cache(maxsize=20_000)
def syllable_count(word: str, language: str) -> int:
    """Syllables in `word` as sung in `language` (es, it, pt, fr or de); at least 1 for a
    word with a letter or digit, 0 for a word without."""
    clean = _clean(word)
    if not any(ch.isalnum() for ch in clean):
        return 0
    return max(1, len(_nuclei(clean, language)))


def pieces(word: str, language: str) -> list[str]:
    """`word` cut before each syllable after the first (one consonant goes with the vowel
    after it): as many pieces as syllable_count, joining back to `word`."""
    count = syllable_count(word, language)
    spans = _nuclei(word.lower(), language)
    if count <= 1 or len(spans) != count:
        return [word]
    cuts: list[int] = []
    low = word.lower()
    for (_, previous_end), (start, _) in itertools.pairwise(spans):
        cut = start - 1 if start - 1 >= previous_end else start
        if cut - 1 >= previous_end and low[cut - 1 : cut + 1] in _ONSETS:
            cut -= 1
        if not cuts or cut > cuts[-1]:
            cuts.append(cut)
    if len(cuts) != count - 1:
        return [word]
    edges = [0, *cuts, len(word)]
    return [word[a:b] for a, b in itertools.pairwise(edges)]


def word_stresses(word: str, language: str) -> list[int]:
    """1 for the stressed syllable of `word`, 0 for the others (one mark per syllable)."""
    clean = _clean(word)
    count = syllable_count(word, language)
    if count == 0:
        return []
    if count == 1:
        return [0 if clean.strip("'-") in _LIGHT_WORDS[language] else 1]
    spans = _nuclei(clean, language)
    stressed = _stressed_index(clean, spans, language)
    return [1 if i == stressed else 0 for i in range(count)]


def _stressed_index(word: str, spans: list[tuple[int, int]], language: str) -> int:
    last = len(spans) - 1
    for index, (start, end) in enumerate(spans):
        if any(ch in _ACCENTED for ch in word[start:end]) and language in ("es", "it", "pt"):
            return index
    if language == "fr":
        return last
    if language == "de":
        return 1 if word.startswith(_GERMAN_PREFIXES) and len(word) > 5 else 0
    if language == "it":
        return max(0, last - 1)
    if language == "es":
        return max(0, last - 1) if word[-1] in "aeiouns" else last
    # Portuguese
    if word.endswith(("a", "e", "o", "am", "em", "ens", "as", "es", "os")):
        return max(0, last - 1)
    return last
