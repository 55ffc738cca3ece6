"""What a couplet takes for granted about the one it sings of: that they live, or that they
are gone.

A song mourning a grandmother cannot sing "My grandmother needs a cane these days / But
still bakes bread the same old ways", and a song for a grandmother's ninetieth birthday
cannot sing "These days the garden's gone to seed / There's no one left to pull a weed".
The couplet files carry a mood (dim, bright), not a state, so the state is read from the
lines themselves: a being who does something now (a present-tense verb after "they", "he",
"she", "it" or the lead's name, "their hand is", "we visit") is alive; a grave, a funeral,
"no one left", "anymore" or "once more" say that someone is gone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lemminflect import getAllInflections, getAllLemmas

# Words between a subject and its verb that do not change the tense ("they still bake").
_ADVERBS = frozenset(
    ("still", "always", "just", "now", "slowly", "never", "often", "sometimes", "only", "all")
)
_BE_NOW = frozenset(("is", "are", "has", "have"))
# Said of a being who is with us now: visits, holding a hand, "these days".
_WITH_US = re.compile(
    r"\b(?:(?:does|do) (?:it|they|he|she) |we visit|i visit|i call (?:them|her|him)|"
    r"(?:they|he|she) calls?|these days|"
    r"i hold (?:it|their|his|her)|(?:they're|he's|she's) (?:ninety|eighty|old|getting))\b"
)
# Words of a prompt that tell of a death: the song mourns.
_A_DEATH = re.compile(
    r"\b(?:died|dies|dead|death|passed away|passing|drowned|killed|lost at sea|funeral|"
    r"grave|in memory|memorial|rest in peace|mourning|mourn|never came back|never came home|"
    r"never returned|buried|passed on|(?:my|our|his|her|your|their) late)\b"
)
# Said of a being who has died: the song mourns them.
_DEAD = re.compile(
    r"\b(?:grave|graves|graveside|funeral|we bur(?:y|ied)|heaven|passed away|"
    r"passed on|rest in peace|no one left|nobody left|last breath|ashes|headstone|casket|"
    r"coffin|mourn|mourning|in memory|from up there|left the best of (?:them|him|her)|"
    r"hope (?:they|he|she) knew)\b"
)
# Said of a being who is away or gone, dead or not: these lines fit a mourning song even
# where a verb is in the present ("I miss you, and you're gone").
_ABSENT = re.compile(
    r"\b(?:anymore|(?:hear|see|hold)(?: \w+)? once more|(?:you're|you are|they're|they are|"
    r"he's|she's|he is|she is) gone|miss (?:you|them|her|him)|empty chair|goodbye|"
    r"where (?:they|he|she|you) used to|without (?:you|them|him|her))\b"
)
# Words a line may start a being's clause with.
_BEINGS = frozenset(("they", "he", "she", "it"))


@lru_cache(maxsize=4096)
def _present(word: str, *, plural: bool) -> bool:
    """True when `word` is a verb in the present tense for a singular (-s form) or a plural
    subject (the base form)."""
    if word in _BE_NOW:
        return True
    for lemma in getAllLemmas(word).get("VERB", ()):
        forms = getAllInflections(lemma)
        if plural and word == lemma and word not in forms.get("VBD", ()):
            return True
        if not plural and word in forms.get("VBZ", ()):
            return True
    return False


def presumes_alive(
    lines: Iterable[str], names: Iterable[str] = (), *, pronouns: bool = True
) -> bool:
    """True when the lines sing a being doing something now: one of `names` ("my
    grandmother", "Max": its last word is matched), or with `pronouns` "they", "he", "she"
    or "it", followed by a verb in the present or future tense; "their hands are"; a visit
    ("we visit every Sunday still")."""
    text = " ".join(lines).lower()
    if pronouns and _WITH_US.search(text):
        return True
    words = re.findall(r"[a-z']+", text)
    heads = {n.split()[-1].lower() for n in names if n}
    for i, word in enumerate(words):
        subject = (pronouns and word in _BEINGS) or word in heads
        possessive = pronouns and word in ("their", "his", "her") and i + 2 < len(words)
        if possessive and words[i + 2] in ("is", "are", "has", "have"):
            return True
        if not subject:
            continue
        plural = word == "they"
        rest = [w for w in words[i + 1 : i + 6] if w not in _ADVERBS]
        if rest[:2] in (["and", "i"], ["and", "me"]):  # "Sam and I sit on the dock"
            plural, rest = True, rest[2:]
        if word == "it" and rest[:1] == ["is"]:
            continue  # "it is late" says nothing of the being
        if rest and (_present(rest[0], plural=plural) or rest[0] == "will"):
            return True
    return False


def presumes_dead(lines: Iterable[str]) -> bool:
    """True when the lines say that someone has died: a grave, a funeral, "we buried",
    "heaven", "no one left"."""
    return bool(_DEAD.search(" ".join(lines).lower()))


def presumes_gone(lines: Iterable[str]) -> bool:
    """True when the lines say that someone has died or is away: `presumes_dead`, or
    "anymore", "miss you", "you're gone", "to hear once more", "the empty chair"."""
    text = " ".join(lines).lower()
    return bool(_DEAD.search(text) or _ABSENT.search(text))


def mourns(prompt: str) -> bool:
    """True when `prompt` tells of a death ("who passed away", "my late father", "in memory
    of", "never came back"): its song mourns."""
    return bool(_A_DEATH.search(prompt.lower()))
