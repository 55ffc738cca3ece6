"""Subjects the writer once had no world for are sung with their own imagery: a chess song
with pawns and a board, a bakery with flour and an oven, not generic rooms and doors.

Each row is a prompt and the field words it should bring into its lyrics; at least two of
them must be sung (as whole words, singular or plural). The lists name things of the world,
not every word of it: where a song sings whole couplets of its world, the later words of a
row are ones those couplets use (a vineyard's "vintage", a wedding's "veil").
"""

from __future__ import annotations

import re

import pytest

from songforge.engine.lyricist.imagery import fields_for
from songforge.engine.lyricist.subject import extract_subject
from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics

ROWS = [
    ("a tense song about a chess match in the park", "board pawn king queen move clock checkmate"),
    ("a nerdy song about my grandfather's board game nights", "board dice pawn move card"),
    ("an electronic song about falling in love with an AI", "screen code signal keyboard cursor"),
    ("a song about staring at a computer screen all night", "screen keyboard cursor code pixel"),
    ("a swaggering song about a casino heist in Las Vegas", "card chip dice vault neon getaway"),
    ("a blues song about losing everything at the roulette table", "chip dice card wheel neon"),
    # A lead no field knew was sung in the stock worlds of memory and home (a volcano
    # "pasted in" a song of a lilac porch).
    ("a heavy metal song about a volcano waking up", "peak ridge slope summit stone rock"),
    ("a song about the flood that took our church", "storm thunder rain river water gale wave"),
    # A model that is a word too is its make's: the red Beetle was an insect in the garden.
    ("a song about my red Volkswagen Beetle", "engine wheel road highway radio dashboard car"),
    ("a song about Maria and her VW Beetle", "engine wheel road highway radio dashboard car"),
    ("a folk ballad about a coal miner underground", "coal lamp shaft tunnel pick dust"),
    ("a lonely song about an astronaut on the space station", "orbit earth window station"),
    ("a tender song about a video call from orbit", "earth window station screen orbit"),
    (
        "a warm song about harvest time at the vineyard",
        "vine grape barrel cellar wine vintage bottle crate",
    ),
    ("a cheerful song about a baker and his bread", "oven flour dough loaf crust"),
    ("a tired song about a nurse working the night shift", "ward shift monitor chart coffee"),
    (
        "a firefighter coming home after a long shift",
        "siren smoke engine ladder hose bell helmet soot crew coat boots timbers",
    ),
    ("a song about a nurse on the night shift", "ward chart monitor badge scrubs pager shoes"),
    ("a small fishing village in northern Norway", "trawler pier net boat dock harbor quay gull"),
    (
        "a punk song about flipping burgers at a fast food job",
        "fryer counter apron grease shift manager",
    ),
    (
        "a country song about a waitress at the all night diner",
        "counter booth coffee apron neon",
    ),
    ("a nostalgic song about a mixtape you made me", "cassette tape radio song rewind label deck"),
    ("a children's song about brushing your teeth", "toothbrush teeth sink mirror bubble"),
    ("a nervous song about my driving test", "wheel mirror brake signal lane"),
    ("a dreamy song about watching a meteor shower", "meteor star sky comet streak"),
    ("a happy song about bees in the clover", "hive honey clover bloom buzz"),
    (
        "a bittersweet song about the old shopping mall",
        "escalator fountain food court store mannequin",
    ),
    (
        "a joyful song about a wedding with a brass band",
        "trumpet tuba band dance aisle veil ring bouquet",
    ),
    ("a slow song about a funeral and my grief", "casket flower black rain candle"),
    ("a song about moving house and the empty rooms", "box key room truck tape"),
    (
        "an angry song about the factory closing down",
        "gate whistle line layoff shift",
    ),
    ("a sea song about fishing for salmon in Alaska", "salmon net river boat ice"),
    # A boss is of work, not of the friends a being no field knows would borrow.
    ("an angry song about my boss", "screen printer deadline desk coffee shift clock"),
    # A kitchen's machine, a tax return and a Monday were leads no field knew, sung in their
    # genre's worlds instead: a protest march, a trucker's road, a beach.
    ("a punk song about my broken dishwasher", "plate cup fridge pan stove kitchen sink"),
    ("a bluegrass song about my tax return", "bill debt rent price coin bank card notice"),
    ("a reggae song about Monday mornings", "clock shift work pay hour yard boss office"),
    # A chess player is of the board, not a musician ("I'll learn the chords").
    ("a song about a chess player who loses to her student", "pawn board game dice queen king"),
]


def _sung(text: str, word: str) -> bool:
    return bool(re.search(rf"\b{re.escape(word)}(s|es)?\b", text))


@pytest.mark.parametrize(("prompt", "words"), ROWS, ids=[p for p, _ in ROWS])
def test_field_imagery_is_sung(prompt: str, words: str) -> None:
    draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=1)
    text = " ".join(line for section in draft.sections for line in section.lines).lower()
    found = [w for w in words.split() if _sung(text, w)]
    assert len(found) >= 2, (prompt, found, text)


@pytest.mark.parametrize(
    ("prompt", "world"),
    [
        ("a sad song about my grandfather's old fishing boat", {"sea", "fishing", "harbors"}),
        ("a song about my dad's old guitar", {"music"}),
        ("a song about my sister's wedding dress", {"weddings"}),
    ],
)
def test_a_things_world_comes_before_its_owners(prompt: str, world: set[str]) -> None:
    # The owner is read as a phrase of its own too ("my grandfather"), which once made its
    # world agree with itself and lead: a fishing boat was sung with kettles and stoves.
    subject = extract_subject(prompt)
    described = [(p.head.lower(), [w.lower() for w in p.words], p.kind) for p in subject.phrases]
    assert fields_for(described, subject.action)[0].name in world


@pytest.mark.parametrize(
    ("prompt", "elsewhere"),
    [
        # A vineyard's harvest is a farm's too, a baker's bread a kitchen's: those worlds
        # lend a song what they share with it, not their barns and gravy.
        ("a warm song about harvest time at the vineyard", "barn cow tractor hay plow hen pig"),
        ("a cheerful song about a baker and his bread", "gravy onion kettle stove dish plate"),
    ],
)
def test_a_neighbouring_world_lends_only_what_it_shares(prompt: str, elsewhere: str) -> None:
    for seed in range(1, 9):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        assert not [w for w in elsewhere.split() if _sung(text, w)], (prompt, seed, text)


@pytest.mark.parametrize(
    ("prompt", "elsewhere"),
    [
        # A field can hold worlds that do not meet: the casino's tables and its heist, the
        # drive-thru and the all-night diner, the mill, the mine and the office.
        ("a blues song about losing everything at the roulette table", "van vault cops job"),
        ("a country song about a waitress at the all night diner", "cars headset speaker hats"),
        ("an angry song about the factory closing down", "helmets cage printer deadline"),
        ("a tired song about my office job", "helmets cage presses whistle mill bench"),
    ],
)
def test_a_world_within_a_field_is_sung_only_where_the_prompt_chooses_it(
    prompt: str, elsewhere: str
) -> None:
    for seed in range(1, 9):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        assert not [w for w in elsewhere.split() if _sung(text, w)], (prompt, seed, text)


def test_a_chosen_world_is_sung() -> None:
    heist = "van vault cash getaway guard guards thief bags"
    sung = 0
    for seed in range(1, 9):
        draft = write_lyrics(
            "a swaggering song about a casino heist in Las Vegas",
            title=None,
            form=STANDARD_FORM,
            seed=seed,
        )
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        sung += any(_sung(text, w) for w in heist.split())
    assert sung >= 6


@pytest.mark.parametrize(
    ("prompt", "world", "elsewhere"),
    [
        # A name is of the world of what it names: "my newborn daughter Maya" sang a girl
        # who raced down the lane and had kids in school, "my dog Max" a bar's bottles.
        (
            "a tender lullaby for my newborn daughter Maya",
            "baby crib cradle bib cot rattle",
            "school bike bikes swing lane",
        ),
        ("a happy song about my dog Max", "leash bark bone collar paw puppy", "bottles glasses"),
    ],
)
def test_a_name_is_sung_in_the_world_of_what_it_names(
    prompt: str, world: str, elsewhere: str
) -> None:
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        assert [w for w in world.split() if _sung(text, w)], (prompt, seed, text)
        assert not [w for w in elsewhere.split() if _sung(text, w)], (prompt, seed, text)


@pytest.mark.parametrize(
    "prompt", ["a song about my red Volkswagen Beetle", "a song about Maria and her VW Beetle"]
)
def test_a_car_named_like_an_insect_is_never_an_insect(prompt: str) -> None:
    # "A beetle shining green and black / Goes crawling down the garden track" was sung
    # for a red Volkswagen Beetle.
    for seed in range(1, 5):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        assert not [w for w in ("crawl", "insect", "garden", "wings", "bug") if w in text], text


@pytest.mark.parametrize(
    ("prompt", "world", "lookalike"),
    [
        # Each was sung in a lookalike world: a washing machine with vending machines and a
        # factory, a bar exam in a pub, a student loan at school, tomatoes as childhood, a
        # gas station's night shift on a railway, waiting tables under a foreman, the Bronx
        # as a small town. The words are a listener's, not the writer's fields.
        (
            "a country song about my old washing machine finally dying",
            "dryer towel sheet sock washer clothes basket spin load laundry",
            "vending factory foreman conveyor assembly",
        ),
        (
            "a lofi song about studying for the bar exam at 3am",
            "exam test study book desk class pencil notes",
            "bartender beer whiskey stool tavern pub jukebox",
        ),
        (
            "a folk song about paying off my student loan",
            "loan debt bill pay money bank dollar price coin",
            "recess hopscotch",
        ),
        (
            "a reggae song about growing tomatoes on my balcony",
            "garden seed soil vine bloom water pot tomato",
            "hopscotch recess",
        ),
        (
            "a song about the night shift at a gas station",
            "shift clock pump gas highway coffee",
            "platform conductor caboose railway",
        ),
        (
            "waiting tables on a double shift",
            "booth order tray counter coffee fries",
            "foreman mill",
        ),
        (
            "hip hop track about growing up in the Bronx",
            "street block corner subway building avenue",
            "barn tractor bleachers",
        ),
    ],
)
def test_an_everyday_thing_is_sung_in_its_own_world(
    prompt: str, world: str, lookalike: str
) -> None:
    heard = 0
    for seed in (1, 2, 3):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        heard += len([w for w in world.split() if _sung(text, w)]) >= 2
        assert not [w for w in lookalike.split() if _sung(text, w)], (seed, text)
    assert heard >= 2, prompt


@pytest.mark.parametrize("head", ["dentist", "electrician", "librarian", "florist"])
def test_someone_named_by_their_trade_is_someone(head: str) -> None:
    lead = extract_subject(f"a blues song about a {head} who hates the job").phrases[0]
    assert (lead.head, lead.kind) == (head, "being")


@pytest.mark.parametrize(
    ("prompt", "world", "elsewhere"),
    [
        # Tester 21: the 6am bus was sung with a laundromat and a suitcase, laundry with a
        # porch light; a bus to work with a foreman.
        ("the 6am bus to work", "bus stop seat driver stop ride", "foreman mill whistle"),
        (
            "a hip hop song about doing laundry on sunday",
            "dryer towels sock washer folding load buzzer whites sheet",
            "",
        ),
        # Tester 22: an old golden retriever was sung in a bar, with no dog at all.
        ("a song about my old golden retriever Buster", "leash bark yard ball tail bowl", ""),
        # A utility bill is paid, not tucked in a sock as a banknote.
        ("electric bill came in and its way too high", "mail pay paid open number", "sock"),
    ],
)
def test_an_everyday_chore_is_sung_in_its_world(prompt: str, world: str, elsewhere: str) -> None:
    for seed in (1, 2, 3):
        draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
        text = " ".join(line for section in draft.sections for line in section.lines).lower()
        assert len([w for w in world.split() if _sung(text, w)]) >= 2, (seed, text)
        assert not [w for w in elsewhere.split() if _sung(text, w)], (seed, text)
