"""A song that mourns someone does not sing them alive, and a song for someone alive does
not sing their grave. Checked from the sheet's words against what the prompt says, with
word lists of this test's own (not the writer's): a line that names the one mourned (or
"he", "she", "they", "it") with a verb in the present or future tense contradicts the
prompt unless the line itself says they are gone; any line of a burial contradicts a song
for the living."""

from __future__ import annotations

import re
from functools import cache

import pytest
from lemminflect import getAllInflections, getAllLemmas

from songforge.engine.lyricist.prompt_facts import prompt_facts
from tests.unit.requested_sheets import requested_sheet

# (prompt, the word a line names the one mourned by)
MOURNING = [
    ("a song for my grandmother who passed away last spring", "grandmother"),
    ("a sad song about my dog who died", "dog"),
    ("a funeral song for my father", "father"),
    ("in memory of my best friend Sam", "sam"),
    ("a song for my cat who passed away in her sleep", "cat"),
    ("a lament for my brother who drowned off the coast", "brother"),
    ("my grandpa died last winter and I miss his stories", "grandpa"),
    ("a country ballad about my husband who never came back from the war", "husband"),
    ("a gentle folk song about my horse Duchess who died in the spring", "duchess"),
    ("a song for my mom's funeral", "mom"),
    ("for my late father who taught me to fish", "father"),
    ("our cat Luna who passed away last winter", "luna"),
    ("for my grandpa who passed away last winter", "grandpa"),
]


def test_the_years_after_a_death_are_told_as_a_loss() -> None:
    """ "My grandpa moved to a smaller place" was sung at 12 of 12 seeds of a song for a
    grandpa who died: the years after a death are not a life going on."""
    moved = [
        (seed, line)
        for seed in range(1, 13)
        for line in _lines("for my grandpa who passed away last winter", seed)
        if re.search(r"\bgrandpa (?:moved|retired|married|lives|bought|sold)\b", line.lower())
    ]
    assert not moved


LIVING = [
    "a song for my grandma's 90th birthday",
    "my dog loves the beach",
    "a lullaby for my newborn daughter",
    "a happy song about my cat",
    "a country song about my grandfather's farm",
    "an upbeat song about my best friend Jess",
    "a song about my dad teaching me to fish",
    "a tender song for my wife on our anniversary",
    "for my grandpa Joe who still fishes every Sunday",
]
SEEDS = (1, 2, 3)

_SUBJECTS = frozenset(("he", "she", "they", "it"))
# Words that tell, inside a line, that its being is gone: such a line may say "is".
_SAYS_GONE = re.compile(
    r"\b(?:gone|miss|missing|remember|anymore|empty|grave|heaven|goodbye|used to|no one|"
    r"nobody|buried|without)\b"
)
_BURIAL = re.compile(
    r"\b(?:grave|graveside|funeral|buried (?:him|her|them|my|our)|heaven|casket|coffin|"
    r"headstone|passed away|left the best of|hope they knew|"
    r"rest in peace|no one left|mourn)\b"
)


@cache
def _now_or_later(word: str) -> bool:
    """A verb in the present (third person, or "is"/"are") or the future ("will")."""
    if word in ("is", "are", "'s", "will", "'ll", "does", "do"):
        return True
    return any(
        word in getAllInflections(lemma).get("VBZ", ())
        for lemma in getAllLemmas(word).get("VERB", ())
    )


def _sings_alive(line: str, name: str) -> bool:
    words = re.findall(r"[a-z']+", line.lower())
    # "I'll sit with my father by the car", "I can hear Luna at the ball".
    if name in words and {"i'll", "we'll", "will", "can", "let's"} & set(words):
        return True
    for i, word in enumerate(words):
        if word == name or word in _SUBJECTS:
            after = [w for w in words[i + 1 : i + 5] if w not in ("still", "always", "never")]
            if after[:2] == ["and", "i"]:  # "Sam and I sit on the dock"
                after = after[2:]
            if after and _now_or_later(after[0]) and not (word == "it" and after[0] == "is"):
                return True
    return False


def _lines(prompt: str, seed: int) -> list[str]:
    draft = requested_sheet(prompt, seed)
    told = {line for fact in prompt_facts(prompt) for line in fact.lines}
    # The prompt's own clauses sung back are the caller's words, not the writer's.
    return [
        line
        for section in draft.sections
        for line in section.lines
        if line not in told and draft.title not in line  # the hook, title-cased
    ]


def test_a_mourning_song_does_not_sing_the_mourned_alive() -> None:
    contradictions = [
        (prompt, seed, line)
        for prompt, name in MOURNING
        for seed in SEEDS
        for line in _lines(prompt, seed)
        if _sings_alive(line, name) and not _SAYS_GONE.search(line.lower())
    ]
    # A line such as "It always knows when I feel low" in a song for a dog that died is
    # what a grieving listener hears first. A line may say "he is" of a memory ("He is
    # the one who taught me"); allow one such line in all the sheets.
    assert len(contradictions) <= 1, contradictions


@pytest.mark.parametrize("prompt", LIVING)
def test_a_song_for_the_living_sings_no_burial(prompt: str) -> None:
    buried = [
        (seed, line) for seed in SEEDS for line in _lines(prompt, seed) if _BURIAL.search(line)
    ]
    assert not buried


_SEASON_WORDS = {
    "winter": {"winter", "snow", "december", "january", "february"},
    "spring": {"spring", "april", "blossom"},
    "summer": {"summer", "june", "july", "august"},
    "autumn": {"autumn", "october", "november"},
}


@pytest.mark.parametrize(
    ("prompt", "season"),
    [
        ("a song for my grandpa who passed away last winter", "winter"),
        ("my dog died in the summer and the house is so quiet", "summer"),
        ("a folk song about my grandmother, who was buried in the spring", "spring"),
    ],
)
def test_the_season_a_story_names_is_the_only_one_sung(prompt: str, season: str) -> None:
    """ "We buried my grandpa last spring" contradicts "he passed away last winter"."""
    others = set().union(*(w for s, w in _SEASON_WORDS.items() if s != season))
    sung = [
        (seed, line)
        for seed in SEEDS
        for line in _lines(prompt, seed)
        if set(re.findall(r"[a-z]+", line.lower())) & others
    ]
    assert not sung


# Lines that move a song on by years, in this test's own words.
_YEARS_ON = re.compile(
    r"\b(?:these days|years on|years later|twenty years|grown|gray|grey|"
    r"kids in school|our kids|our own kid|when we're old|young self)\b"
)


@pytest.mark.parametrize(
    "prompt",
    [
        "happy birthday to my little brother Sam, turning 7",
        "my sister's June wedding",
        "a song for my best friend's birthday party",
        "an upbeat pop song about my best friend's wedding",
    ],
)
def test_a_song_for_a_day_stays_on_that_day(prompt: str) -> None:
    """A song for a birthday or a wedding is sung on that day: "Now our kids bake the cake
    for me" made a brother's seventh birthday the singer's, years on."""
    moved = [
        (seed, line)
        for seed in SEEDS
        for line in _lines(prompt, seed)
        if _YEARS_ON.search(line.lower())
    ]
    assert not moved


_COLOURS = {"red", "blue", "green", "yellow", "white", "black", "gray", "grey", "silver", "gold"}


@pytest.mark.parametrize(
    ("prompt", "head", "colour"),
    [
        ("my dad's rusty red pickup truck", "truck", "red"),
        ("a country song about my green tractor", "tractor", "green"),
        ("a song about my grandmother's blue dress", "dress", "blue"),
    ],
)
def test_the_lead_keeps_the_colour_the_prompt_gave_it(prompt: str, head: str, colour: str) -> None:
    """ "We finally sold the old blue truck" was sung for a red one."""
    recoloured = []
    for seed in range(1, 31):
        for line in _lines(prompt, seed):
            words = re.findall(r"[a-z]+", line.lower())
            for i, word in enumerate(words):
                if word in _COLOURS - {colour} and head in words[i + 1 : i + 3]:
                    recoloured.append((seed, line))
    assert not recoloured
