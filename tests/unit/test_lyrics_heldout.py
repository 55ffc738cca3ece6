"""Lyrics about what the prompt asks, judged against words a listener expects.

The prompts below were written, with the words a listener would expect to hear in a song
about each, before the writer's subject fields existed, and none of them is in the writer's
other tests: they measure whether a song is about its subject, not whether the writer agrees
with its own lexicon. Each row: the prompt, words of its subject that must be sung (any
number), words a listener would expect (at least two must be sung), and production words
that must not be sung (genre, instruments, tempo).

Before the subject fields 51 of the 60 songs failed (mean 0.75 expected words a song).
"""

from __future__ import annotations

import re
import statistics

from songforge.engine.lyricist.writer import write_lyrics
from tests.unit.test_lyrics_imagery import FORM

SEEDS = (1, 2)
# Songs of the set that must name their subject, sing at least two expected words and no
# production word; the subject words and production words hold for every song.
ENOUGH_SONGS = 0.75
ENOUGH_WORDS_ON_AVERAGE = 2.0

CASES = [
    (
        "a slow sad song about my grandmother's kitchen",
        "grandmother kitchen",
        "bread oven table apron stove flour window recipe hands sunday tea cup kettle smell",
        "slow",
    ),
    (
        "an acoustic folk song about a fisherman lost at sea",
        "fisherman sea",
        "boat net wave storm harbor shore tide wind sail nets deck salt lighthouse anchor",
        "acoustic folk",
    ),
    (
        "upbeat synth pop, 128 bpm, about texting someone at 3am",
        "texting",
        "phone screen message messages reply night light typing call hour awake bed",
        "synth bpm pop",
    ),
    (
        "country song about my old red tractor",
        "tractor",
        "field fields farm dirt barn engine harvest wheel wheels rust corn dust acre sun road",
        "country",
    ),
    (
        "a lullaby for a baby elephant",
        "elephant",
        "sleep dream moon night star stars mother trunk cradle rest soft",
        "lullaby",
    ),
    (
        "punk rock song about getting fired from a burger joint",
        "burger",
        "boss job grease fryer shift money uniform manager apron pay counter fries work",
        "punk rock",
    ),
    (
        "a jazz ballad about rain on a Paris rooftop",
        "rain Paris rooftop",
        "roof tiles chimney window street night cafe umbrella clouds storm drops lights city",
        "jazz ballad",
    ),
    (
        "hip hop track about growing up in the Bronx",
        "Bronx",
        "block street corner train subway city mama school stoop building concrete neighborhood",
        "hip hop track",
    ),
    (
        "a gospel song about a little church in the valley",
        "church valley",
        "bell bells choir prayer pray sunday altar hymn pew steeple grace faith lord hill",
        "gospel",
    ),
    (
        "a reggae tune about a bicycle by the ocean",
        "bicycle ocean",
        "wheel wheels ride pedal chain wave waves sand sun beach shore breeze salt road",
        "reggae tune",
    ),
    (
        "melancholic indie song about an empty swimming pool in winter",
        "pool winter",
        "water snow cold ice leaves tiles summer frost chlorine concrete gray grey diving",
        "indie",
    ),
    (
        "blues about a dog who waits at the train station",
        "dog station",
        "train platform tracks track whistle bench ticket rail paws tail waiting home master",
        "blues",
    ),
    (
        "happy children's song about brushing your teeth",
        "teeth",
        "brush toothbrush smile bubbles paste morning night mouth sink water clean",
        "children",
    ),
    (
        "power ballad about a lighthouse in a storm, female vocals, D minor",
        "lighthouse storm",
        "light beam wave sea rock ship keeper tower thunder wind night lamp shore",
        "power vocals female minor",
    ),
    (
        "a song for my sister's wedding day",
        "wedding sister",
        "ring rings dress bride aisle vow vows church dance flowers white kiss forever love",
        "",
    ),
    (
        "electronic dance track about the last night of summer festival",
        "festival summer",
        "crowd stage lights dance music night bass fire sky dawn tent field sun",
        "electronic track",
    ),
    (
        "a sea shanty about a whale named Gregory",
        "whale Gregory",
        "sea ocean wave waves ship sailor sailors harpoon deep tail water boat crew",
        "shanty",
    ),
    (
        "lofi hip hop about studying late in the library",
        "library",
        "book books page pages desk lamp quiet shelf shelves notes night coffee study",
        "lofi hip hop",
    ),
    (
        "emo song about a mixtape from an ex",
        "mixtape",
        "tape cassette song songs track tracks player rewind car radio music love",
        "emo",
    ),
    (
        "cheerful bossa nova about coffee in the morning",
        "coffee morning",
        "cup sun kitchen table sugar steam window light bread cafe smell",
        "bossa nova cheerful",
    ),
    (
        "a war song about soldiers coming home",
        "soldiers home",
        "war boots gun guns flag battle mother door road train medal field letter",
        "",
    ),
    (
        "rock anthem about a broken down car on route 66",
        "car",
        "road highway engine desert dust mile miles wheel tire sun gas smoke hood",
        "rock anthem",
    ),
    (
        "a love song about two astronauts on the moon",
        "astronauts moon",
        "stars star space earth rocket dust silver orbit sky planet helmet",
        "",
    ),
    (
        "latin pop about dancing with Sofia in Havana",
        "Sofia Havana",
        "street streets night music salsa dance floor heat sun rum hips city sea",
        "latin pop",
    ),
    (
        "sad piano song about an old photograph of my father",
        "photograph father",
        "picture frame smile face eyes years hands shirt memory memories young old",
        "piano",
    ),
    (
        "a metal song about a dragon guarding gold",
        "dragon gold",
        "fire cave treasure wings flame flames scales mountain sword knight smoke claws",
        "metal",
    ),
    (
        "a song about a farmer praying for rain",
        "farmer rain",
        "field fields crops corn sky dust drought clouds soil harvest seed ground land",
        "",
    ),
    (
        "chill r&b about a rooftop party in Tokyo",
        "party Tokyo",
        "roof city lights night neon skyline street music drink dance sky",
        "chill",
    ),
    (
        "a song about moving out of my childhood home",
        "home",
        "boxes box room rooms door key keys wall walls stairs window yard porch mother father",
        "",
    ),
    (
        "funk song about a disco ball",
        "disco",
        "floor dance lights light mirror spin night groove music shine glitter",
        "funk",
    ),
]


def _lemma(word: str) -> str:
    word = word.lower()
    for suffix in ("es", "s"):
        if word.endswith(suffix) and len(word) > 4:
            return word[: -len(suffix)]
    return word


def _sung(prompt: str, seed: int) -> tuple[set[str], set[str]]:
    draft = write_lyrics(prompt, title=None, form=FORM, seed=seed)
    words = re.findall(r"[A-Za-z']+", " ".join(line for s in draft.sections for line in s.lines))
    return {_lemma(w) for w in words}, {w.lower() for w in words}


def test_songs_sing_their_subject_and_what_a_listener_expects_of_it() -> None:
    good, expected_counts, faults = 0, [], []
    for seed in SEEDS:
        for prompt, must, expected, production in CASES:
            lemmas, words = _sung(prompt, seed)
            missing = [w for w in must.split() if _lemma(w) not in lemmas]
            heard = {_lemma(w) for w in expected.split()} & lemmas
            unwanted = [w for w in production.split() if w in words]
            if missing or unwanted:
                faults.append(f"{prompt!r} seed {seed}: missing {missing}, sung {unwanted}")
            expected_counts.append(len(heard))
            good += not missing and not unwanted and len(heard) >= 2
    assert not faults, faults
    assert good / len(expected_counts) >= ENOUGH_SONGS, (good, len(expected_counts))
    assert statistics.mean(expected_counts) >= ENOUGH_WORDS_ON_AVERAGE
