"""Lines say something that can happen: no place lies beside a wall, no rain shines, no dog
sleeps by a brick, no dark lies upon a case.

Each pairing below is a verb or relation a line may use, with a kind of subject and a kind
of end noun that together make nonsense. The word lists are written here, apart from the
writer's, so the test reads the lines as a listener would. None may be sung in 42 prompts
of every kind (the imagery test's) with three seeds each.
"""

from __future__ import annotations

import re

from songforge.engine.lyricist.line_templates import NOUN_CLASS
from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics
from tests.unit.test_lyrics_imagery import FORM, PROMPTS

SEEDS = (7, 8, 9)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACES = frozenset(w for w, c in NOUN_CLASS.items() if c == "place") | _words(
    "bookstore station city town village kitchen garden park mill hill farm ranch desert "
    "harbor hallway hospital bakery factory apartment school stadium garage bar diner"
)
# Things one can hold: nothing to wait, sleep or sit beside.
SMALL = _words(
    "brick thread spoke key coin cent string yarn needle button pin spoon cup plate pebble "
    "bead ring watch letter stamp pen pencil feather leaf nail screw bolt gear chain cork "
    "mug bottle case hat glove sock scarf ribbon lace gown shell bone candle match "
    "photo photograph ticket card note page book envelope bag loaf jar bowl fork knife"
)
# Matter, qualities and amounts: nowhere to be beside or on.
ABSTRACT = _words(
    "weight dark darkness gray grey rust dust cream meal verse cent rent tone hole shade fur "
    "silence distance heat cold steam smoke price debt noise"
)
WEATHER = _words(
    "rain snow storm dark night fog mist wind breeze smoke steam cloud thunder shower gale "
    "drizzle sleet hail evening dusk heat"
)
# Sky words that do not fall or settle on anything.
NOT_FALLING = _words("dark dawn night evening dusk smoke steam heat wind breeze day afternoon")
SKY = _words(
    "sky rain snow storm sun moon star stars dawn dusk night morning evening cloud wind "
    "thunder lightning fog mist breeze"
)
# Things that make no sound of their own.
MUTE = _words(
    "case plate spoon cup brick table chair stone rock box jar bowl bag hat coat shoe sock "
    "pillow blanket book pen pencil key coin leaf shell bread loaf cream yarn thread lamp "
    "umbrella bicycle boat canoe tractor truck"
)
# Places one is on or by, never in.
NOT_IN = _words("hill mountain shore coast beach bridge pier dock runway platform porch roof")
ANY = frozenset(["*"])

DET = r"(?:^|\b(?:the|a|an|my|his|her|our|their|your) )(?:\w+ )?"
NOUN = r"(?P<fig>[a-z]+)"
END = r"the (?:\w+ )?(?P<end>[a-z]+)$"
BY = r"(?:by|beside|near)"

# (what the line says, the subjects it may not have, the ends it may not have)
NONSENSE: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    # A place is no agent: it does not lie, sleep, sit or wait.
    (rf"{DET}{NOUN} (?:lay|lies)(?: still)? {BY} {END}", PLACES, ANY),
    (rf"{DET}{NOUN} (?:sleeps|slept|was sleeping) {BY} {END}", PLACES, ANY),
    (rf"{DET}{NOUN} (?:still )?(?:waits|waited|would wait) {BY} {END}", PLACES, ANY),
    (rf"{DET}{NOUN} (?:sat|sits)(?: quiet)? {BY} {END}", PLACES, ANY),
    (rf"{DET}{NOUN} guarded {END}", PLACES, ANY),
    (rf"{DET}{NOUN} (?:saved|found|lost|missed) {END}", PLACES, ANY),
    (rf"{DET}{NOUN} (?:held on to|never let go of) {END}", PLACES, ANY),
    (rf"{DET}{NOUN} (?:is|was|are|were) rusting {BY} {END}", PLACES, ANY),
    # Nothing lies, sleeps, waits or sits beside matter, a quality or the sky.
    (rf"{DET}{NOUN} (?:lay|lies)(?: still)? {BY} {END}", ANY, ABSTRACT | SKY),
    (rf"{DET}{NOUN} (?:sleeps|slept|was sleeping) {BY} {END}", ANY, ABSTRACT | SKY),
    (rf"{DET}{NOUN} (?:still )?(?:waits|waited|would wait) {BY} {END}", ANY, ABSTRACT | SKY),
    (rf"{DET}{NOUN} (?:sat|sits)(?: quiet)? {BY} {END}", ANY, ABSTRACT | SKY),
    (rf"\b(?:kept|keep|left) (?:a|an|the) (?:\w+ )?{NOUN} {BY} {END}", ANY, ABSTRACT | SKY),
    (rf"\b{NOUN} (?:is|was|are|were) (?:still )?there {BY} {END}", ANY, ABSTRACT | SKY),
    # A being does not sleep, wait or sit beside something held in a hand.
    (rf"{DET}{NOUN} (?:sleeps|slept|was sleeping) {BY} {END}", ANY, SMALL),
    (rf"{DET}{NOUN} (?:still )?(?:waits|waited|would wait) {BY} {END}", ANY, SMALL - {"case"}),
    (rf"^(?:i|we|you) (?:was |were )?(?:waiting|waited) {BY} {END}", ANY, SMALL | ABSTRACT),
    (rf"^(?:we used to meet|you said goodbye|nobody sits) {BY} {END}", ANY, SMALL | ABSTRACT),
    # Weather does not shine, and dark, dawn and smoke do not fall.
    (rf"{DET}{NOUN} (?:was|is|were|are) shining\b.* {END}", WEATHER, ANY),
    (rf"{DET}{NOUN} (?:shone|shines|shine)\b.* {END}", WEATHER, ANY),
    (rf"{DET}{NOUN} (?:came|come) down (?:on|upon) {END}", NOT_FALLING, ANY),
    (rf"{DET}{NOUN} (?:fell|falls|was falling) on {END}", NOT_FALLING, ANY),
    # The sky's things do not land on small objects or on qualities.
    (rf"{DET}{NOUN} (?:came|come) down (?:on|upon) {END}", SKY, SMALL | ABSTRACT),
    (rf"{DET}{NOUN} (?:fell|falls|was falling) on {END}", SKY, SMALL | ABSTRACT),
    (rf"^with the {NOUN} upon {END}", ANY, SMALL | ABSTRACT),
    (rf"{DET}{NOUN} (?:was|is) (?:\w+ )?(?:on|upon) {END}", SKY, SMALL | ABSTRACT),
    (rf"{DET}{NOUN} moved slowly on {END}", SKY, SMALL | ABSTRACT),
    (rf"{DET}{NOUN} (?:are|is|were|was) shining {BY} {END}", SKY, ANY),
    # Mute things do not call or sing.
    (rf"{DET}{NOUN} (?:is |was )?(?:still )?calling\b.* {END}", MUTE, ANY),
    (rf"{DET}{NOUN} (?:sings|sang|sing) .*{END}", MUTE, ANY),
    # Nobody is in a hill or a shore.
    (rf"\bin {END}", ANY, NOT_IN),
    # Nothing is by, beside or upon a quality or matter.
    (rf"\b(?:by|beside|near|upon) {END}", ANY, ABSTRACT),
)
PREFIX = re.compile(r"^(?:(?:oh oh|oh|yeah|and|now),? )+")


def _matches(line: str) -> list[str]:
    text = PREFIX.sub("", line.lower().rstrip(",.!?")).strip()
    found = []
    for pattern, figures, ends in NONSENSE:
        match = re.search(pattern, text)
        if match is None:
            continue
        groups = match.groupdict()
        fig_ok = "*" in figures or groups.get("fig") in figures
        end_ok = "*" in ends or groups.get("end") in ends
        if fig_ok and end_ok:
            found.append(pattern)
    return found


def nonsense_lines() -> list[tuple[str, int, str]]:
    """Every (prompt, seed, line) of the prompts that pairs a verb with a subject or end it
    cannot have."""
    out = []
    for seed in SEEDS:
        for prompt in PROMPTS:
            draft = write_lyrics(prompt, title=None, form=FORM, seed=seed)
            lines = dict.fromkeys(line for s in draft.sections for line in s.lines)
            out += [(prompt, seed, line) for line in lines if _matches(line)]
    return out


def test_the_measure_catches_nonsense() -> None:
    for line in (
        "The bookstore lay beside the wall",
        "With the dark upon the case",
        "The rain was shining in the hill",
        "I kept a pane beside the weight",
        "The dog sleeps by the brick",
        "The train station guarded the plate",
        "Let the smoke come down on the park",
    ):
        assert _matches(line), line
    for line in ("The kettle lay beside the stove", "The rain came down upon the roof"):
        assert not _matches(line), line


def test_lines_pair_verbs_with_subjects_and_ends_that_suit_them() -> None:
    assert len(NONSENSE) >= 30
    found = nonsense_lines()
    assert not found, (len(found), found[:20])


FEELING_PROMPTS = [
    "a song about nostalgia",
    "a sad song about jealousy",
    "a ballad about grief after my father died",
    "an anxious song about anxiety",
    "a song about the feeling of falling in love",
    "a punk song about heartbreak and loneliness",
    "friendship",
    "a song about destiny",
]
_FEELING = r"(nostalgia|jealousy|grief|anxiety|heartbreak|loneliness|friendship|destiny)"


def test_feelings_are_sung_bare_and_are_never_set_down() -> None:
    bad = []
    for prompt in FEELING_PROMPTS:
        for seed in (1, 2, 3):
            draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
            for line in (draft.title, *(x for s in draft.sections for x in s.lines)):
                if (
                    re.search(rf"\b(the|a|an) {_FEELING}\b", line, re.I)
                    or re.search(r"\b(the|a) feeling\b", line, re.I)
                    or re.search(
                        rf"\b({_FEELING[1:-1]}|feeling) (was |is |still )?"
                        r"(lay|sat|slept|waiting|sitting|waits|sits|grew old|lies)\b",
                        line,
                        re.I,
                    )
                ):
                    bad.append((prompt, seed, line))
    assert not bad, bad
