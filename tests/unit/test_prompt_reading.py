"""The lyric writer reads a prompt as a listener would: what the song is about (its lead, the
settings around it), never the production notes (instruments, keys, tempo, genre, mix).

Each row was written by hand from what a listener expects, not from what the reader does:
the lead phrase's head, the heads of the settings (places and times around the lead), the
production words of the prompt (never a subject noun, never sung), and other words that
describe or act and must not be taken for things. Some rows also say the words that name the
lead together (a compound: "rooftop party"), whose the lead is (a possessor, named as a phrase
of its own), the action, and the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from songforge.engine.lyricist.grammar import plural, singular
from songforge.engine.lyricist.subject import Subject, extract_subject
from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics
from tests.unit.test_lyrics_imagery import FORM


@dataclass(frozen=True)
class Row:
    prompt: str
    lead: str | None  # head of the lead phrase; None: no subject at all (a genre only)
    settings: frozenset[str] = field(default_factory=frozenset)
    production: frozenset[str] = field(default_factory=frozenset)  # never a noun, never sung
    describing: frozenset[str] = field(default_factory=frozenset)  # never a noun
    compound: str = ""  # the lead's last words that name it together: "disco ball"
    possessor: str = ""  # head of whose the lead is, a company phrase: "sister"
    action: str | None = None  # the action as read; None: not checked
    title: str = ""  # "": not checked


def row(
    prompt: str,
    lead: str | None,
    settings: str = "",
    production: str = "",
    describing: str = "",
    *,
    compound: str = "",
    possessor: str = "",
    action: str | None = None,
    title: str = "",
) -> Row:
    return Row(
        prompt,
        lead,
        frozenset(settings.split()),
        frozenset(production.split()),
        frozenset(describing.split()),
        compound,
        possessor,
        action,
        title,
    )


ROWS: list[Row] = [
    # What users reported.
    row("lost love, piano and strings, in A minor", "love", "", "piano strings minor"),
    row("an umbrella left on the train", "umbrella", "train", "", "left"),
    # Who the singer is "as" leads where a time or an idea would.
    row("long nights as a truck driver", "driver", "night", title="Truck Driver"),
    row("life as a nurse", "nurse", "life"),
    # A greeting is a song for someone's day.
    row("happy birthday to my mom", "birthday", possessor="mom", title="My Mom's Birthday"),
    row("Happy birthday Sarah!", "birthday", possessor="Sarah", title="Sarah's Birthday"),
    row(
        "happy birthday to my little brother Sam, turning 7",
        "birthday",
        possessor="Sam",
        title="My Little Brother Sam's Birthday",
    ),
    row("happy 25th anniversary to my wife Elena", "anniversary", possessor="Elena"),
    # An anniversary wished to one's partner is the couple's: "Our Anniversary", not "My
    # Wife's Anniversary".
    row("happy anniversary to my wife", "anniversary", title="Our Anniversary"),
    # "feeling" before an adjective says how the singer feels: the feeling is the lead,
    # by its own name, where a field of feelings knows the adjective.
    row("feeling anxious before exams", "anxiety", "exam", "", "feeling anxious"),
    row("feeling lonely in a big city", "loneliness", "city", "", "feeling lonely"),
    row("feeling free on the open road", "freedom", "road", "", "feeling free"),
    row("feeling homesick in London", "nostalgia", "London", "", "feeling homesick"),
    row("a truck driver crossing Texas at night", "driver", "Texas night", "", "crossing"),
    row("Maria dancing in the rain", "Maria", "rain", "", "dancing"),
    row("a song about my grandfather's old piano", "piano", "", "song"),
    row("a ballad about a broken guitar string", "string", "", "ballad", "broken"),
    row("lofi beat", None, "", "lofi beat"),
    row("techno", None, "", "techno"),
    row("epic orchestral", None, "", "orchestral", "epic"),
    row(
        "120 bpm uptempo latin pop song about summer, female vocal, reverb",
        "summer",
        "",
        "bpm uptempo latin pop song vocal reverb",
        "female",
    ),
    # Keys, modes, tempo and instruments around a subject.
    row(
        "dark synthwave track in F# minor with heavy 808s about a neon city that never sleeps",
        "city",
        "",
        "synthwave track minor",
        "heavy",
    ),
    row(
        "a slow ballad in D dorian about my mother's garden",
        "garden",
        "",
        "ballad dorian",
        "slow",
    ),
    row(
        "sad song, rain on the window, acoustic guitar, 90 bpm",
        "rain",
        "window",
        "song guitar acoustic bpm",
    ),
    row("an anthem for my daughter's wedding", "wedding", "", "anthem"),
    row(
        "a song for my daughter's wedding with strings and a choir",
        "wedding",
        "",
        "song strings choir",
    ),
    row(
        "tags: lofi, chill, jazzy piano, vinyl crackle, rainy tokyo night",
        "night",
        "",
        "lofi piano vinyl crackle tag",
        "chill jazzy",
    ),
    row("a bass-heavy trap beat about money and fame", "money", "", "bass trap beat"),
    row(
        "Write me a really chill lo-fi hip hop song with mellow Rhodes keys and soft drums "
        "about late nights studying in my room",
        "night",
        "room",
        "lo-fi hip hop song rhodes keys drums",
        "mellow studying",
    ),
    row(
        "an upbeat country song about a dog named Biscuit and a red pickup truck, with banjo "
        "and fiddle",
        "dog",
        "",
        "country song banjo fiddle",
        "upbeat red",
    ),
    row(
        "epic cinematic orchestral piece, 2 minutes, with choir and timpani, about a lost "
        "empire beneath the sea",
        "empire",
        "sea",
        "cinematic orchestral piece minute choir timpani",
        "lost",
    ),
    row(
        "a ballad about a lighthouse keeper and his daughter on a stormy coast",
        "keeper",
        "coast",
        "ballad",
        "stormy",
    ),
    row(
        "f# major, 140bpm, happy hardcore about a hamster on a wheel",
        "hamster",
        "wheel",
        "major hardcore bpm",
    ),
    row(
        "a lullaby for baby Noah, soft music box and harp, 70 bpm",
        "Noah",
        "",
        "lullaby music box harp bpm",
        "soft",
    ),
    row(
        "a song about a broken heart, with a sad piano intro and a big drop",
        "heart",
        "",
        "song piano intro drop",
    ),
    row(
        "indie folk, fingerpicked acoustic guitar, harmonica, about leaving my hometown",
        "hometown",
        "",
        "folk guitar acoustic harmonica",
        "fingerpicked leaving",
    ),
    row(
        "Neon, rain, heartbreak - synthwave, 100 bpm, male vocals",
        "neon",
        "",
        "synthwave bpm vocal",
        "male",
    ),
    row(
        "the ocean at 4am, ambient drone, field recordings, no drums",
        "ocean",
        "",
        "ambient drone recording drum",
    ),
    row(
        "a breakup song, minor key, sparse piano, whispered vocals, about the last text she sent",
        "text",
        "",
        "song minor key piano vocal",
        "sparse whispered sent",
    ),
    row(
        "dreamy shoegaze with walls of guitar about a girl in a yellow raincoat",
        "girl",
        "",
        "shoegaze guitar wall",
        "dreamy yellow",
    ),
    row(
        "the last dance at a small-town prom, 80s synth pop, gated reverb drums",
        "dance",
        "prom",
        "synth pop reverb drum",
        "gated",
    ),
    row(
        "a lullaby about a sleepy panda, music box and soft strings, 70 bpm",
        "panda",
        "",
        "lullaby music box strings bpm",
        "sleepy soft",
    ),
    # Places and names after verbs of motion and prepositions; names in lowercase.
    row(
        "a cowboy crossing the desert on horseback, leaving El Paso behind",
        "cowboy",
        "desert horseback Paso",
        "",
        "crossing leaving",
    ),
    row("a kid from Lagos flying over the Atlantic", "kid", "Lagos Atlantic", "", "flying"),
    row(
        "a sea captain and his parrot sailing to Jamaica",
        "captain",
        "Jamaica",
        "",
        "sailing",
    ),
    row(
        "A lonely astronaut, drifting past Saturn, dreaming of her daughter back on Earth",
        "astronaut",
        "Saturn Earth",
        "",
        "lonely drifting dreaming",
    ),
    row(
        "my dog max chasing the mailman down the street",
        "Max",
        "street",
        "",
        "chasing",
    ),
    row(
        "two old friends drinking coffee in a Paris cafe at dawn",
        "friend",
        "cafe dawn",
        "",
        "drinking",
    ),
    row("fireflies over the lake on a summer night", "firefly", "lake night"),
    row(
        "song about two sisters who run a bakery in Naples",
        "sister",
        "Naples",
        "song",
        "run",
    ),
    row("Write a track about Zoe, who moved to Seoul last spring", "Zoe", "Seoul", "track"),
    row(
        "mariachi song about abuela's tamales on christmas eve",
        "tamale",
        "eve",
        "mariachi song",
    ),
    row(
        "reggaeton, sensual, about a summer fling in Puerto Rico",
        "fling",
        "Rico",
        "reggaeton",
        "sensual",
    ),
    row(
        "hip hop beat about growing up in Atlanta with my cousins, 90 bpm",
        "cousin",
        "Atlanta",
        "hip hop beat bpm",
        "growing",
    ),
    row("A Song About Summer Nights In Paris", "night", "Paris", "song"),
    # The instrument is what the song is about: it stays.
    row(
        "a song about the old upright piano in the church hall",
        "piano",
        "hall",
        "song",
        "upright",
    ),
    row("a ballad about the guitar my father gave me", "guitar", "", "ballad", "gave"),
    row("a jazz trio playing in a smoky basement club", "trio", "club", "", "playing smoky"),
    row("my little brother's first bike", "bike", "", "", "little first"),
    row("a waltz for my parents' anniversary", "anniversary", "", "waltz"),
    row(
        "a polka about sausages, beer and an accordion player named Hans",
        "sausage",
        "",
        "polka",
    ),
    row(
        "a country song about a pickup truck and a dog on a dirt road",
        "truck",
        "road",
        "country song",
    ),
    row("a love song for my partner on our anniversary", "partner", "anniversary", "song"),
    # Compound nouns: the head is the last noun and the phrase is the whole compound, even
    # when the head can describe too ("party", "joint", "home").
    row("a backyard party in July", "party", "July", compound="backyard party"),
    row("a taco joint off the highway", "joint", "highway", compound="taco joint"),
    row("our family home by the river", "home", "river", compound="family home"),
    row("a block party in Brooklyn", "party", "Brooklyn", title="Block Party in Brooklyn"),
    row("a noodle joint in Chinatown", "joint", "Chinatown", compound="noodle joint"),
    row("a dinner party gone wrong", "party", "", "", "gone wrong", compound="dinner party"),
    row(
        "a rock song about our high school football team",
        "team",
        "",
        "rock song",
        "high",
        compound="school football team",
    ),
    # After an article a gerund names a kind of thing, not what someone does.
    row("a bowling alley on a Friday night", "alley", "night", compound="bowling alley", action=""),
    row("a skating rink in winter", "rink", "winter", title="Skating Rink in Winter", action=""),
    row("a sleeping bag under the stars", "bag", "star", compound="sleeping bag", action=""),
    # Prompts that open on an action: the place or thing it is done to leads, the action
    # stays the action, and the title is the prompt's own words up to that thing.
    row(
        "growing up on a farm in Iowa",
        "farm",
        "Iowa",
        action="growing up",
        title="Growing Up on a Farm",
    ),
    row(
        "getting lost in the city",
        "city",
        "",
        "",
        "lost",
        action="getting lost",
        title="Getting Lost in the City",
    ),
    row("walking the dog in the rain", "dog", "rain", action="walking", title="Walking the Dog"),
    row(
        "packing up my dorm room",
        "room",
        compound="dorm room",
        title="Packing Up My Dorm Room",
    ),
    row(
        "working late at the office",
        "office",
        "",
        "",
        "late",
        action="working late",
        title="Working Late at the Office",
    ),
    row(
        "getting dumped at a bus stop",
        "stop",
        compound="bus stop",
        action="getting dumped",
        title="Getting Dumped at a Bus Stop",
    ),
    # Possessors: the lead is what is owned, and whose it is is a phrase of its own.
    row("my aunt's bakery in Lisbon", "bakery", "Lisbon", possessor="aunt"),
    row("my best friend's wedding", "wedding", possessor="friend"),
    row(
        "my grandpa's old pickup truck",
        "truck",
        "",
        "",
        "old",
        compound="pickup truck",
        possessor="grandpa",
    ),
    row(
        "our neighbor's dog barking at the mailman",
        "dog",
        "",
        "",
        "barking",
        possessor="neighbor",
        title="Our Neighbor's Dog",
    ),
    row("Maria's guitar", "guitar", possessor="Maria", title="Maria's Guitar"),
    row("dad's old guitar, acoustic, warm", "guitar", "", "acoustic", "old", possessor="dad"),
    row(
        "a sad song about my mother's old sewing machine",
        "machine",
        "",
        "song",
        "old",
        compound="sewing machine",
        possessor="mother",
    ),
    # The prompt's owner stays: "your" is not "my".
    row("cleaning your room on a Saturday", "room", "Saturday", title="Cleaning Your Room"),
    row("a lullaby about your baby brother", "brother", "", "lullaby", title="Your Baby Brother"),
    row("a love song about your laugh", "laugh", "", "song", title="Your Laugh"),
    # Prepositions, wh-words and clause verbs are never names or things.
    row(
        "Two teenagers, Maya and Jonah, sneaking onto the roof of their high school to watch "
        "a meteor shower",
        "teenager",
        "roof school",
        "",
        "onto watch",
    ),
    row("a stray cat climbing onto the roof at dawn", "cat", "roof dawn", "", "onto climbing"),
    row(
        "so I was thinking about how when you move to a new city nobody knows your name and at "
        "first that is freeing but then you start to miss the corner shop back home and the guy "
        "who always said hi and you realise that being anonymous is lonely, maybe something "
        "acoustic and sad but hopeful at the end",
        "city",
        "",
        "",
        "how when that first miss end back",
        title="New City",
    ),
    row("a song about why my father left", "father", "", "song", "why left"),
    row(
        "A song about my grandmother Rosa who ran a bakery in Naples and woke at 4am to bake bread",
        "Rosa",
        "Naples",
        "song",
        "bake ran woke",
    ),
    row("A coal miner's last day before the mine closes forever", "day", "mine", "", "close coal"),
    row("an old sailor who learned to read the stars", "sailor", "", "", "read learned"),
    # How often is no thing: "three times", "every day", "all night", "twice a week".
    row(
        "an upbeat pop-punk anthem about failing my driving test three times",
        "test",
        "",
        "anthem",
        "time upbeat",
        compound="driving test",
    ),
    row("calling my mom twice a week", "mom", "", "", "week twice"),
    row("practicing piano every day", "piano", "", "", "day"),
    row("dancing all night long in the city", "city", "", "", "night long"),
    # Production adjectives go with their production noun; a DJ set is a performance.
    row(
        "deep house, 124 bpm, analog synth bass, sidechained pads, male vocals, in F# minor, "
        "for a sunrise set in Ibiza",
        "Ibiza",
        "",
        "house bpm analog synth bass sidechained pad vocal set",
        "male",
    ),
    row(
        "vintage synths, distorted guitars, a song about a motel in the desert",
        "motel",
        "desert",
        "vintage synth distorted guitar song",
    ),
    # Only a genre, a tempo or an arrangement: no subject, the writer uses a theme.
    row("drum and bass", None, "", "drum bass"),
    row("uptempo latin pop, female vocals", None, "", "uptempo latin pop vocal", "female"),
    row("sad piano", None, "", "piano", "sad"),
    # A capital in a Title-Cased phrase or at the start titles; it names no one.
    row(
        "a Casino Heist in Las Vegas",
        "heist",
        "Vegas",
        compound="casino heist",
        title="Casino Heist in Las Vegas",
    ),
    row("Burgers and Fries at midnight", "burger", "midnight"),
    row("my friend Rose", "Rose", title="Rose"),
    # Acronyms keep their capitals.
    row("a song about AI taking over", "AI", "", "song", title="AI"),
    row("a DJ in NYC", "dj", "NYC", title="DJ in NYC"),
    # Players at an event of the story are part of it; a bare instrument list is the sound.
    row("a wedding with a brass band", "wedding"),
    row("a wedding with piano and strings", "wedding", "", "piano strings"),
    # After a plural noun a verb's own form is what the noun does, not a thing.
    row("until my fingers hurt", "finger", "", "", "hurt"),
    row("playing guitar until my fingers bleed", "guitar", "finger", "", "bleed"),
    row("dancing till our legs shake", "leg", "", "", "shake", title="Dancing Till Our Legs Shake"),
    # An -ing word that names a kind of thing is no action of the singer's: the boats
    # were sung as a house one moves into ("And I'm fishing boats coming home").
    row("fishing boats coming home at dawn", "boat", "dawn home", compound="fishing boats"),
    row("sitting in my rocking chair on the porch", "chair", "porch", compound="rocking chair"),
    # When is no what: "Every Friday" was the song's title and lead.
    row("Every Friday my coworker Dmitri and I take the last ferry", "Dmitri", title="Dmitri"),
    # A title before a name is part of the name, sung with its capitals ("coach ramirez").
    row("A song for Coach Ramirez, who trained our soccer team", "Ramirez", title="Coach Ramirez"),
    # A person named so is called by the name; a title before a name is said in full.
    row("a song about a girl named Rosa who moves to New York", "Rosa", "york"),
    row(
        "our neighbour Mr. Haruki Sato sweeps the sidewalk",
        "Sato",
        title="Mister Haruki Sato",  # was "Neighbour Mister Haruki Sato"
    ),
    # A finite verb ends its subject's phrase: "Lena will move" was the song's title, and
    # "next month" is when, not a part of Tokyo.
    row("My best friend Lena will move to Tokyo next month", "Lena", "tokyo"),
    row(
        "I packed my guitar into a rusty Corolla and drove to Nashville",
        "guitar",
        "corolla nashville",
    ),
    # "my hometown of Duluth" is a place, and a friend named later is no lead: the song
    # was sung to Duluth as a person ("Dance with Duluth in the street").
    row(
        "Write a song about leaving my hometown of Duluth. I packed a box of letters from my "
        "best friend Sam.",
        "hometown",
        "duluth",
        title="Leaving My Hometown",
    ),
    # A colour in a phrase is no mood: "my dad's old blue pickup" was titled "My Dad's Old".
    row(
        "We drove my dad's old blue pickup to the ocean",
        "pickup",
        "ocean",
        title="My Dad's Old Blue Pickup",
    ),
    # "moving out" is something done, not a "moving" sound: the song was "Wild Sunrise".
    row("moving out", None, action="moving out", title="Moving Out"),
    # "Home" after what takes one there says where to: the bus was sung as a house.
    row("the night bus home", "bus", "home", compound="night bus", title="Night Bus Home"),
]


def _forms(word: str) -> set[str]:
    low = word.lower()
    return {low, singular(low), plural(low)}


def _subject_words(subject: Subject) -> set[str]:
    """Every word of every subject phrase, lower case, with its parts across hyphens."""
    words: set[str] = set()
    for phrase in subject.phrases:
        for word in (*phrase.words, phrase.head):
            low = word.lower().removesuffix("'s")
            words |= {low, singular(low), *low.split("-")}
    return words


def _problems(case: Row) -> list[str]:
    subject = extract_subject(case.prompt)
    heads = [p.head for p in subject.phrases]
    problems = []
    if case.lead is None:
        if subject.phrases:
            problems.append(f"no subject expected, got {heads}")
    elif not subject.phrases or subject.phrases[0].head.lower() != case.lead.lower():
        problems.append(f"lead {case.lead!r} expected first, got {heads}")
    settings = {p.head.lower() for p in subject.phrases if getattr(p, "role", None) == "setting"}
    if settings != {s.lower() for s in case.settings}:
        problems.append(f"settings {sorted(case.settings)} expected, got {sorted(settings)}")
    # A production word is not even a modifier of the subject; a describing word may
    # modify ("the old upright piano") but never heads a phrase.
    as_words = _subject_words(subject)
    as_heads = {singular(h.lower()) for h in heads} | {h.lower() for h in heads}
    wrong = sorted(
        [w for w in case.production if _forms(w) & as_words]
        + [w for w in case.describing if _forms(w) & as_heads]
    )
    if wrong:
        problems.append(f"taken as subject nouns: {wrong} in {[p.text for p in subject.phrases]}")
    lead = subject.lead
    if case.compound and lead is not None:
        named = " ".join(lead.words[-lead.compound :]).lower()
        if named != case.compound:
            problems.append(f"the lead is named {named!r}, not {case.compound!r}")
    if case.possessor:
        company = [p.head for p in subject.phrases if p.role == "company"]
        if case.possessor.lower() not in {h.lower() for h in company}:
            problems.append(f"whose the lead is, {case.possessor!r}, not in company {company}")
    if case.action is not None and subject.action != case.action:
        problems.append(f"action {case.action!r} expected, got {subject.action!r}")
    if case.title and subject.title != case.title:
        problems.append(f"title {case.title!r} expected, got {subject.title!r}")
    return problems


def test_the_table_is_large_and_varied() -> None:
    assert len(ROWS) >= 40
    assert len({r.prompt for r in ROWS}) == len(ROWS)
    assert sum(bool(r.production) for r in ROWS) >= 20
    assert sum(bool(r.settings) for r in ROWS) >= 15


@pytest.mark.parametrize("case", ROWS, ids=[f"{i:02d}" for i in range(len(ROWS))])
def test_the_prompt_is_read_as_a_listener_would(case: Row) -> None:
    assert not _problems(case), (case.prompt, _problems(case))


def test_the_lead_comes_first_with_its_role() -> None:
    for case in ROWS:
        subject = extract_subject(case.prompt)
        if not subject.phrases:
            continue
        roles = [p.role for p in subject.phrases]
        assert roles[0] == "lead", (case.prompt, roles)
        assert roles.count("lead") == 1, (case.prompt, roles)
        assert set(roles) <= {"lead", "setting", "company", "theme"}, (case.prompt, roles)
        assert subject.lead is subject.phrases[0]


@pytest.mark.parametrize(
    ("prompt", "head", "kind"),
    [
        ("a truck driver crossing Texas at night", "Texas", "place"),
        ("Maria dancing in the rain", "Maria", "being"),
        ("a kid from Lagos flying over the Atlantic", "Lagos", "place"),
        ("Write a track about Zoe, who moved to Seoul last spring", "Seoul", "place"),
        ("Write a track about Zoe, who moved to Seoul last spring", "Zoe", "being"),
        ("a cowboy crossing the desert on horseback, leaving El Paso behind", "Paso", "place"),
        ("my dog max chasing the mailman down the street", "Max", "being"),
        ("A lonely astronaut, drifting past Saturn, dreaming of her daughter", "Saturn", "place"),
    ],
)
def test_names_after_motion_and_prepositions_are_places(prompt: str, head: str, kind: str) -> None:
    phrases = {p.head: p for p in extract_subject(prompt).phrases}
    assert head in phrases, (prompt, list(phrases))
    assert phrases[head].kind == kind
    assert phrases[head].proper


@pytest.mark.parametrize(
    ("prompt", "text", "proper"),
    [
        ("a Casino Heist in Las Vegas", "casino heist", False),
        ("a Casino Heist in Las Vegas", "Las Vegas", True),
        ("Burgers and Fries at midnight", "burgers", False),
        ("Burgers and Fries at midnight", "fries", False),
        ("Rose Garden at dawn", "rose garden", False),
        ("my friend Rose", "Rose", True),
        ("Jack and Jill", "Jill", True),
        ("walking in Central Park", "Central Park", True),
        ("Summer Nights in New York", "New York", True),
        ("Love in Dark Times", "times", False),
        ("a song about AI taking over", "AI", True),
        ("a DJ in NYC", "DJ", False),
        ("a DJ in NYC", "NYC", True),
        ("watching TV in the USA", "TV", False),
        ("watching TV in the USA", "USA", True),
        # A street's name is a name even where its first word is a dictionary noun.
        ("a jazz song about Frenchmen Street in New Orleans", "Frenchmen Street", True),
        ("a song about Abbey Road", "Abbey Road", True),
    ],
)
def test_capitals_name_only_names_and_acronyms(prompt: str, text: str, proper: bool) -> None:
    """A capitalised dictionary noun in a Title-Cased phrase is a thing, sung in lower case
    ("a Casino Heist"); a first name, a word where a name stands and an acronym keep their
    capitals."""
    phrases = {p.text: p for p in extract_subject(prompt).phrases}
    assert text in phrases, (prompt, list(phrases))
    assert phrases[text].proper == proper, (prompt, phrases[text])


@pytest.mark.parametrize(
    ("prompt", "acronym"),
    [("a song about AI taking over", "AI"), ("a DJ in NYC", "DJ"), ("a DJ in NYC", "NYC")],
)
def test_acronyms_are_sung_in_capitals(prompt: str, acronym: str) -> None:
    for seed in (1, 2):
        lines = _sung(prompt, seed)
        said = [line for line in lines if re.search(rf"(?i)\b{acronym}\b", line)]
        assert said, (prompt, lines)
        assert all(re.search(rf"\b{acronym}\b", line) for line in said), (prompt, said)


@pytest.mark.parametrize(
    "prompt",
    [
        "a wedding with a brass band",
        "a funeral in New Orleans with a brass band",
        "a jazz ballad about a wedding with a brass band",
    ],
)
def test_a_band_at_an_event_is_company(prompt: str) -> None:
    """The brass band plays at the wedding: it is company of the story and is sung."""
    phrases = {p.head: p for p in extract_subject(prompt).phrases}
    assert "band" in phrases, (prompt, list(phrases))
    assert phrases["band"].role == "company"
    assert phrases["band"].text == "brass band"
    lines = _sung(prompt, 1)
    assert any("band" in line.lower() for line in lines), (prompt, lines)


def _sung(prompt: str, seed: int) -> list[str]:
    draft = write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=seed)
    return [draft.title, *(line for s in draft.sections for line in s.lines)]


PRODUCTION_ROWS = [r for r in ROWS if r.production]


@pytest.mark.parametrize(
    "case", PRODUCTION_ROWS, ids=[f"{i:02d}" for i in range(len(PRODUCTION_ROWS))]
)
def test_production_words_are_never_sung(case: Row) -> None:
    """No line of any section, nor the title, says the prompt's production words: the
    instruments, keys, tempo, genre and mix are heard, not sung about."""
    banned = {form for word in case.production for form in _forms(word)}
    sung = []
    for seed in (1, 2):
        for line in _sung(case.prompt, seed):
            said = set(re.findall(r"[a-z]+", line.lower()))
            if said & banned:
                sung.append((line, sorted(said & banned)))
    assert not sung, (case.prompt, sung)


def test_an_instrument_the_song_is_about_is_sung() -> None:
    for prompt, noun in [
        ("a song about my grandfather's old piano", "piano"),
        ("a ballad about a broken guitar string", "string"),
        ("a ballad about the guitar my father gave me", "guitar"),
    ]:
        lines = _sung(prompt, 1)
        assert any(_forms(noun) & set(re.findall(r"[a-z]+", line.lower())) for line in lines)


def _lines_saying(lines: list[str], words: set[str]) -> int:
    return sum(bool(words & set(re.findall(r"[a-z]+", line.lower()))) for line in lines)


def test_the_lead_is_sung_more_than_its_settings() -> None:
    """Outside the chorus, the lead is sung in more lines than the places and times around
    it ("an umbrella left on the train" is about the umbrella, not the train)."""
    outsung = []
    cases = 0
    for case in ROWS:
        if case.lead is None or not case.settings:
            continue
        settings = {form for word in case.settings for form in _forms(word)}
        for seed in (1, 2):
            draft = write_lyrics(case.prompt, title=None, form=STANDARD_FORM, seed=seed)
            lines = [line for s in draft.sections if s.name != "Chorus" for line in s.lines]
            cases += 1
            if _lines_saying(lines, settings) > _lines_saying(lines, _forms(case.lead)):
                outsung.append((case.prompt, seed))
    assert len(outsung) <= cases // 8, outsung
    umbrella = train = 0
    for seed in (1, 2, 3):
        draft = write_lyrics(
            "an umbrella left on the train", title=None, form=STANDARD_FORM, seed=seed
        )
        verses = [line for s in draft.sections if s.name != "Chorus" for line in s.lines]
        umbrella += _lines_saying(verses, {"umbrella"})
        train += _lines_saying(verses, {"train"})
    assert umbrella > train, (umbrella, train)


NAMED_ROWS = [r for r in ROWS if r.compound or r.possessor]


@pytest.mark.parametrize("case", NAMED_ROWS, ids=[f"{i:02d}" for i in range(len(NAMED_ROWS))])
def test_the_compound_and_whose_it_is_are_sung(case: Row) -> None:
    """The lead is sung by its whole compound ("the sewing machine", never only "the
    machine"), and whose it is is named in a line of its own, not only in the title."""
    for seed in (1, 2, 3, 4):
        draft = write_lyrics(case.prompt, title=None, form=FORM, seed=seed)
        lines = [line.lower() for s in draft.sections for line in s.lines]
        if case.compound:
            said = [line for line in lines if re.search(rf"\b{case.compound}\b", line)]
            assert said, (case.prompt, seed, lines)
        if case.possessor:
            owner = re.compile(rf"\b{case.possessor.lower()}\b")
            named = [line for line in lines if owner.search(line) and line != draft.title.lower()]
            assert named, (case.prompt, seed, lines)


# A prompt that only names a genre gets that genre's scene, not one sheet for every genre.
GENRE_SCENES = [
    ("techno", {"club", "bass", "crowd", "floor", "strobe", "speaker", "heartbeat"}),
    ("deep house", {"club", "bass", "crowd", "floor", "strobe", "speaker", "heartbeat"}),
    ("edm", {"club", "bass", "crowd", "floor", "strobe", "speaker", "heartbeat"}),
    ("drum and bass", {"bus", "rain", "street", "subway", "platform", "station", "signal"}),
    ("lofi", {"rain", "window", "mug", "tea", "desk", "lamp", "page", "book", "tape"}),
]


@pytest.mark.parametrize(("prompt", "scene"), GENRE_SCENES)
def test_a_genre_alone_sings_its_own_scene(prompt: str, scene: set[str]) -> None:
    # A noun of the scene counts in the plural too ("the buses groan").
    forms = scene | {f"{w}s" for w in scene} | {f"{w}es" for w in scene}
    for seed in (1, 2):
        lines = _sung(prompt, seed)
        said = [line for line in lines if forms & set(re.findall(r"[a-z]+", line.lower()))]
        assert len(said) >= 4, (prompt, seed, lines)


def test_genres_alone_get_different_titles() -> None:
    titles = {
        prompt: {_sung(prompt, seed)[0] for seed in (1, 2, 3)}
        for prompt in ("techno", "drum and bass", "lofi")
    }
    words = {p: {w for t in ts for w in t.lower().split()} for p, ts in titles.items()}
    assert not words["techno"] & words["lofi"], titles
    assert not words["drum and bass"] & words["lofi"], titles


@pytest.mark.parametrize(
    "prompt",
    [
        "a song about june",
        "a song about a lazy sunday in june",
        "a road trip in june",
        "A song about my grandmother Rosa who ran a bakery in Naples and woke at 4am to bake bread",
    ],
)
def test_days_and_months_are_names(prompt: str) -> None:
    """A day or a month is sung as a name: "Sunday", "June", never "the sunday"."""
    calendar = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|june|july)"
    wrong = []
    for seed in (1, 2, 3):
        for line in _sung(prompt, seed):
            if re.search(rf"\bthe {calendar}\b", line, re.IGNORECASE) or re.search(
                rf"\b{calendar}\b", line
            ):
                wrong.append(line)
    assert not wrong, (prompt, wrong)


@pytest.mark.parametrize(
    ("prompt", "text", "kind"),
    [
        ("a blues song about my old Ford pickup that finally died", "old Ford pickup", "thing"),
        ("a song about my Gibson guitar", "Gibson guitar", "thing"),
        ("a song about my Ford pickup truck", "Ford pickup truck", "thing"),
        ("a jazz song about Frenchmen Street in New Orleans", "Frenchmen Street", "place"),
        # A year between whose it is and what it is says which one; a model is a thing.
        ("a song about my grandfather's 1967 Ford Mustang", "grandfather's Ford Mustang", "thing"),
        ("a song about my 2004 Honda Civic", "Honda Civic", "thing"),
        ("a song about driving my red 1967 Ford Mustang", "red Ford Mustang", "thing"),
        ("a song about Henry Ford", "Henry Ford", "being"),
        # A name's number is sung in words.
        ("a song about driving down Route 66", "Route Sixty-six", "place"),
        ("a song about 5th Avenue at night", "Fifth Avenue", "place"),
        ("driving down Highway 9 at night", "Highway Nine", "place"),
    ],
)
def test_a_make_names_the_thing_after_it_and_a_street_is_a_place(
    prompt: str, text: str, kind: str
) -> None:
    """My old Ford pickup is a truck, not a man called Ford (it was sung as a friend who
    drifted away), and "Frenchmen Street" a place, sung with its capitals."""
    lead = extract_subject(prompt).phrases[0]
    assert (lead.text, lead.kind) == (text, kind)
    lines = " ".join(_sung(prompt, 1)[1:])  # the lines, not the title
    # Sung with its capitals: "Mustang", "Civic", "Street", never "mustang".
    assert re.search(rf"\b{text.split()[-1]}\b", lines), lines


def test_an_adjective_after_a_gerund_goes_with_its_noun() -> None:
    """ "Nurses drinking cold coffee" drink coffee: the title was cut to "Night Shift Drinking
    Cold", a phrase that stops on its adjective."""
    subject = extract_subject("night shift at the hospital, nurses drinking cold coffee at 3 am")
    assert subject.action == "drinking cold coffee"
    assert not subject.title.lower().endswith("cold")


@pytest.mark.parametrize(
    "prompt", ["hip hop about Saturdays at my barber shop in Detroit", "Sundays in Lisbon"]
)
def test_days_of_the_week_are_times_not_people(prompt: str) -> None:
    # "Saturdays works late shifts at the store" was sung of a man named Saturdays.
    assert extract_subject(prompt).phrases[0].kind == "sky"
