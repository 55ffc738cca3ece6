"""Couplets that name the lead ({L} in `data/couplets`): a verse says what the song is about
in two lines written whole ("My dad packs my lunch in paper bags / And writes my name on
all the tags"), not in lines made from a template ("My ex was quiet in the rain / The raging
key beside the pane"). They are sung only for a lead of the kind they were written for, with
its number."""

from __future__ import annotations

import re

import pytest
from lemminflect import getAllInflections, getAllLemmas

from songforge.engine.lyricist.couplets import CoupletFormatError, all_couplets, parse
from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics
from tests.unit.written_lines import couplet_mood, couplet_of, lead_kinds


def _lead_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if lead_kinds(line)]


def test_a_lead_couplet_takes_the_leads_name_and_number() -> None:
    (couplet,) = parse(
        "dogs",
        "scene being: {L} {waits|wait} beside the kitchen door / And {listens|listen} for "
        "a step once more\n",
    )
    assert couplet.naming("Max", plural=False) == (
        "Max waits beside the kitchen door",
        "And listens for a step once more",
    )
    assert couplet.naming("my parents", plural=True)[0] == "My parents wait beside the kitchen door"
    for wrong in (
        "scene being: The dog waits by the door / And listens for a step once more\n",
        "scene: {L} waits by the door / And listens for a step once more\n",
        "scene being: {L}'s bowl is by the door / And waits for supper once more\n",
    ):
        with pytest.raises(CoupletFormatError):
            parse("dogs", wrong)


WHOLE = {line for cs in all_couplets().values() for c in cs if not c.kind for line in c.lines}

# Leads of each kind, in fields whose shelves name them, and the lead's word.
NAMED = [
    ("a song about my dad", "dad"),
    ("a happy song about my dog", "dog"),
    ("a song about my girlfriend", "girlfriend"),
    ("a sea shanty about my boat", "boat"),
    ("a song about my hometown", "hometown"),
    ("a country song about a waitress at the all night diner", "waitress"),
    ("a song about my school", "school"),
    ("a song about the old farmer", "farmer"),
    ("a song about my parents", "parents"),
    # A feeling, an idea or a time is named as one: "hope", "my grief", "the summer".
    ("a song about my grief", "grief"),
    ("a song about my anxiety", "anxiety"),
    ("a song about hope", "hope"),
    ("a song about the summer", "summer"),
]


@pytest.mark.parametrize(("prompt", "lead"), NAMED)
def test_a_later_verse_names_the_lead_in_lines_written_whole(prompt: str, lead: str) -> None:
    named = 0
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        verse = list(next(s.lines for s in draft.sections if s.name == "Verse 2"))
        whole = [line for line in verse if line in WHOLE] + _lead_lines(verse)
        named += any(re.search(rf"\b{lead}\b", line, re.IGNORECASE) for line in whole)
    assert named >= 3, prompt


@pytest.mark.parametrize(
    ("prompt", "other"),
    [
        ("a song about my old truck", "being"),
        ("a sea shanty about my boat", "being"),
        ("a song about my grandmother", "thing"),
        ("a song about my dad", "place"),
    ],
)
def test_a_lead_couplet_is_sung_only_for_its_kind_of_lead(prompt: str, other: str) -> None:
    for seed in range(1, 7):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        lines = [line for s in draft.sections for line in s.lines]
        kinds = {k for line in lines for k in lead_kinds(line)}
        assert other not in kinds, (prompt, seed, lines)


def _third_singular(word: str) -> bool:
    """Whether `word` is a verb's third-person singular present ("waits", "is", "has"),
    by lemminflect's inflection tables, not by the couplets' own {singular|plural}."""
    if word in ("is", "was", "has", "does"):
        return True
    lemmas = getAllLemmas(word).get("VERB", ())
    return any(word in getAllInflections(lemma).get("VBZ", ()) for lemma in lemmas)


def test_a_plural_lead_is_sung_with_plural_verbs() -> None:
    # "My parents waits by the door" is the mistake a listener hears.
    sung = []
    for seed in range(1, 7):
        draft = write_lyrics("a song about my parents", title=None, form=STANDARD_FORM, seed=seed)
        sung += _lead_lines([line for s in draft.sections for line in s.lines])
    after = [m.group(1) for line in sung if (m := re.search(r"my parents (\w+)", line, re.I))]
    assert after, "no lead couplet was sung with my parents before a verb"
    wrong = [word for word in after if _third_singular(word.lower())]
    assert not wrong, (wrong, sung)


def test_a_verse_says_the_mood_of_its_lead_with_words_for_people() -> None:
    # "My restless ex stumbles in at four", never "the faded waitress" or "the golden one".
    # Short names leave a line room for an adjective ("my lonely ex").
    things_only = "faded empty golden shining sunny hollow shadowed electric blazing old"
    felt = 0
    for prompt, lead in [
        ("a sad song about my dog", "dog"),
        ("an angry song about my ex", "ex"),
        ("a happy song about my cat", "cat"),
        ("a sad song about a waitress at the all night diner", "waitress"),
    ]:
        for seed in range(1, 7):
            draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
            lines = [line.lower() for s in draft.sections for line in s.lines]
            wrong = [line for line in lines for a in things_only.split() if f"{a} {lead}" in line]
            assert not wrong, (prompt, seed, wrong)
            felt += any(
                re.search(rf"\b(my|the) [a-z]+ {lead}\b", line) for line in _lead_lines(lines)
            )
    assert felt >= 3


@pytest.mark.parametrize(
    "prompt",
    ["a song about my dad", "a gospel song about my grandmother", "a sad song about my mother"],
)
def test_one_parent_is_not_sung_as_they_in_the_verses(prompt: str) -> None:
    # The parents' shelf speaks of "they" ("They call us home when the street lights
    # glow"): a song about my dad tells of him.
    for seed in range(1, 7):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        verses = [line for s in draft.sections if s.name.startswith("Verse") for line in s.lines]
        they = [line for line in verses if re.search(r"\b(they|their|them)\b", line, re.I)]
        assert not they, (prompt, seed, they)


@pytest.mark.parametrize(
    ("prompt", "other", "kind"),
    [
        ("a nostalgic song about my grandmother's kitchen", "grandmother", "being"),
        ("a song about my best friend's old car", "friend", "being"),
    ],
)
def test_whose_the_lead_is_is_named_in_a_couplet_written_for_such_a_one(
    prompt: str, other: str, kind: str
) -> None:
    # "I held my grandmother by the stair" was the template's way of naming her.
    named = 0
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        lines = [line for s in draft.sections for line in s.lines]
        named += any(other in line.lower() and kind in lead_kinds(line) for line in lines)
    assert named >= 3, prompt


@pytest.mark.parametrize(
    ("prompt", "setting"),
    [
        ("a song about a kite on the beach", "beach"),
        ("a song about my cat in the garden", "garden"),
        ("a love song about a girl at the coffee shop", "shop"),
        ("a sad ballad about saying goodbye at the train station", "station"),
    ],
)
def test_a_setting_is_named_in_a_couplet_written_for_a_place(prompt: str, setting: str) -> None:
    # "In the hospital we shared the lift" was the template's way of naming where.
    named = 0
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        lines = [line for s in draft.sections for line in s.lines]
        named += any(setting in line.lower() and "place" in lead_kinds(line) for line in lines)
    assert named >= 3, prompt


def test_a_city_no_field_knows_is_not_sung_as_a_home() -> None:
    for seed in range(1, 5):
        draft = write_lyrics(
            "a song about a taxi driver in Miami", title=None, form=STANDARD_FORM, seed=seed
        )
        lines = [line for s in draft.sections for line in s.lines]
        assert not [line for line in lines if "Miami" in line and lead_kinds(line)], lines


@pytest.mark.parametrize(
    "prompt",
    [
        "a sad country ballad about my old dog Biscuit who died last winter",
        "a song about my grandmother who passed away",
    ],
)
def test_a_song_about_a_death_is_told_in_couplets_written_for_sad_songs(prompt: str) -> None:
    # The dead dog still "guards the house the whole night through" in a couplet written for
    # any song of dogs. A field has one or two sad couplets of each part, so a few of the
    # others are still sung where those run out (a third of them, against two thirds or
    # all before).
    moods = []
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        lines = {line for s in draft.sections for line in s.lines}
        moods += [m for line in lines if (m := couplet_mood(line)) is not None]
    assert moods.count("dim") >= 2 / 3 * len(moods), moods


@pytest.mark.parametrize("prompt", ["lofi beat", "drum and bass", "jazz"])
def test_a_song_on_a_theme_alone_sings_its_verses_whole(prompt: str) -> None:
    # With no subject to name, a verse has no reason to keep template lines ("The window
    # grew old by the door").
    whole = 0
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        verses = [s.lines for s in draft.sections if s.name.startswith("Verse")]
        whole += all(couplet_of(line) is not None for verse in verses for line in verse)
    assert whole >= 3, prompt


@pytest.mark.parametrize(
    ("prompt", "hook"),
    [
        ("a sad song about a lighthouse keeper", "Lighthouse Keeper, Lighthouse Keeper"),
        ("a country song about a waitress at the all night diner", "Oh, Waitress, oh, Waitress"),
        ("a happy song about my dog Max", "My Dog Max, My Dog Max"),
        ("an angry punk song about my ex who cheated", "Oh, My Ex Who Cheated"),
    ],
)
def test_a_short_title_is_chanted_not_given_a_made_up_tail(prompt: str, hook: str) -> None:
    # "Lighthouse Keeper, down by the door / ... / Bring the keeper to the shore" said
    # nothing; a chorus chants its name and comes back to it.
    for seed in range(1, 4):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        chorus = next(s.lines for s in draft.sections if s.name == "Chorus")
        assert chorus[0] == hook, (prompt, seed, chorus)
        assert chorus[-1] == hook, (prompt, seed, chorus)


@pytest.mark.parametrize(
    "prompt", ["an angry song about my ex", "an angry rock song about my ex who lied"]
)
def test_an_angry_song_sings_the_couplets_that_say_anger(prompt: str) -> None:
    # Couplets for dark songs grieve as often as they rage: an angry breakup was sung as
    # pining ("My heart jumps up, then sinks as fast").
    anger = {"hate", "lie", "lies", "lied", "swear", "slam", "slammed", "sorry", "fight"}
    anger |= {"yell", "yelling", "shout", "shouting", "burn", "burned", "cheat", "cheated"}
    angry = 0
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        whole = {line for s in draft.sections for line in s.lines if couplet_of(line)}
        said = [line for line in whole if set(re.findall(r"[a-z']+", line.lower())) & anger]
        angry += len(said) >= 2
    assert angry >= 3, prompt


@pytest.mark.parametrize("prompt", ["an angry song about my boss", "a punk song about my boss"])
def test_an_angry_song_of_a_world_without_anger_says_it_in_its_bridge(prompt: str) -> None:
    # The office's couplets say no anger: an angry song about a boss was sung admiring
    # him ("My boss gets up before the sun / And works until the day is done").
    anger = {"hate", "lie", "lied", "swear", "slam", "fight", "yell", "shout", "shouting"}
    anger |= {"burn", "burning", "rage", "fist", "temper", "grudge", "fire"}
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        bridge = next(s.lines for s in draft.sections if s.name == "Bridge")
        said = [line for line in bridge if set(re.findall(r"[a-z']+", line.lower())) & anger]
        assert said, (prompt, seed, bridge)
