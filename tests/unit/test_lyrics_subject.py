"""The built-in writer sings what the prompt is about: measured over prompts of every kind.

Each prompt lists its content nouns by hand (what a listener would expect to hear), so the
measure does not depend on how the writer reads the prompt.
"""

from __future__ import annotations

import collections
import re

import pronouncing
from lemminflect import getAllLemmas

from songforge.engine.lyric_text import format_lyrics
from songforge.engine.lyricist.grammar import plural, singular
from songforge.engine.lyricist.subject import extract_subject
from songforge.engine.lyricist.writer import STANDARD_FORM, LyricsDraft, write_lyrics

# (prompt, content nouns). The first ones are the complaints this writer was measured on.
PROMPT_NOUNS: list[tuple[str, set[str]]] = [
    ("country song about a pickup truck and a dog", {"truck", "dog"}),
    ("a melancholic indie folk ballad about a lighthouse keeper", {"lighthouse", "keeper"}),
    ("blues shuffle about a broken guitar string", {"guitar", "string"}),
    ("a children's song about counting stars", {"star"}),
    ("an upbeat synth-pop song about city lights at night", {"city", "light", "night"}),
    ("a country song about driving home on an open road", {"home", "road"}),
    ("a sad ballad about saying goodbye at the train station", {"goodbye", "train", "station"}),
    ("a love song for my partner on our anniversary", {"partner", "anniversary", "love"}),
    ("a song about a rainy day in London", {"day", "London"}),
    ("a birthday song for my best friend", {"birthday", "friend"}),
    ("a dance track for a wild party on friday night", {"party", "night"}),
    ("a reggae song about island life and the sea breeze", {"island", "life", "sea", "breeze"}),
    ("a hip-hop track about chasing success", {"success"}),
    ("a song about a storm over the harbor", {"storm", "harbor"}),
    ("a lullaby about the moon and the stars", {"moon", "star"}),
    ("a folk song about the mountains and the river", {"mountain", "river"}),
    ("a song about dancing in the kitchen with my family", {"kitchen", "family"}),
    ("a song about stargazing on a quiet hill", {"hill"}),
    ("a song about coming home for the holidays", {"home", "holiday"}),
    ("a song about growing up in a little town", {"town"}),
    # Written to be unlike the ones above: odd objects, names, animals, jobs, places.
    ("a punk song about a broken vending machine", {"machine"}),
    ("a sea shanty about a whale named Moby", {"whale", "Moby"}),
    ("a lullaby for a sleepy kitten", {"kitten"}),
    ("a song about my grandmother's kitchen", {"grandmother", "kitchen"}),
    ("a protest song about rising rent in Berlin", {"rent", "Berlin"}),
    ("gospel song about a river baptism", {"river", "baptism"}),
    ("jazz ballad about a saxophone player in New Orleans", {"saxophone", "player"}),
    ("an 80s power ballad about a lost umbrella", {"umbrella"}),
    ("a bluegrass tune about a mule and a banjo", {"mule", "banjo"}),
    ("a techno track about a robot learning to love", {"robot"}),
    ("a metal song about a dragon guarding gold", {"dragon", "gold"}),
    ("a song about my cat who sleeps on the piano", {"cat", "piano"}),
    ("a campfire song about marshmallows and a canoe", {"marshmallow", "canoe"}),
    ("a wistful song about an old bicycle in the garage", {"bicycle", "garage"}),
    ("a reggaeton track about a taxi driver in Miami", {"taxi", "driver", "Miami"}),
    ("a tender ballad about a nurse on the night shift", {"nurse", "shift"}),
    ("a happy song about a farmer and his tractor", {"farmer", "tractor"}),
    ("a gloomy song about an empty parking lot", {"parking", "lot"}),
    ("an anthem about a marathon runner", {"marathon", "runner"}),
    ("a song about an astronaut missing the ocean", {"astronaut", "ocean"}),
    ("a cinematic piece about a train crossing the desert", {"train", "desert"}),
    ("a country song about a rodeo clown", {"rodeo", "clown"}),
]
GENRE_ONLY = ["lofi beat", "jazz", "epic orchestral trailer music", "sad piano"]
SEED = 3


def _draft(prompt: str) -> LyricsDraft:
    return write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=SEED)


DRAFTS = {prompt: _draft(prompt) for prompt, _ in PROMPT_NOUNS}


def _lines(draft: LyricsDraft) -> list[str]:
    return [line for s in draft.sections for line in s.lines]


def _mentions(text: str, noun: str) -> bool:
    forms = {noun.lower(), singular(noun), plural(noun.lower())}
    words = set(re.findall(r"[a-z']+", text.lower()))
    words |= {w.removesuffix("'s") for w in words}
    return bool(forms & words)


def test_the_set_is_large_enough() -> None:
    assert len(PROMPT_NOUNS) >= 40


def test_lyrics_sing_the_prompts_nouns() -> None:
    missing = []
    for prompt, nouns in PROMPT_NOUNS:
        draft = DRAFTS[prompt]
        text = " ".join(_lines(draft))
        chorus = " ".join(next(s for s in draft.sections if s.name == "Chorus").lines)
        sung = {n for n in nouns if _mentions(text, n)}
        in_chorus = {n for n in nouns if _mentions(chorus, n)}
        if len(sung) < min(2, len(nouns)) or not in_chorus:
            missing.append((prompt, sorted(nouns - sung), sorted(in_chorus)))
    assert len(missing) <= len(PROMPT_NOUNS) // 10, missing


def test_choruses_repeat_word_for_word() -> None:
    for draft in DRAFTS.values():
        choruses = [s.lines for s in draft.sections if s.name == "Chorus"]
        assert len(choruses) == 2
        assert choruses[0] == choruses[1]


def test_titles_are_distinct_and_about_the_subject() -> None:
    titles = [d.title.lower() for d in DRAFTS.values()]
    assert len(set(titles)) >= 0.95 * len(titles), collections.Counter(titles).most_common(3)
    about = sum(any(_mentions(DRAFTS[p].title, n) for n in nouns) for p, nouns in PROMPT_NOUNS)
    assert about >= 0.9 * len(PROMPT_NOUNS)


def test_no_line_is_shared_by_more_than_two_songs() -> None:
    seen: collections.Counter[str] = collections.Counter()
    for draft in DRAFTS.values():
        seen.update({line.lower().strip(",. ") for line in _lines(draft)})
    common = [(line, n) for line, n in seen.items() if n > 2]
    assert not common, common


def _article_errors(line: str) -> list[str]:
    errors = []
    for article, word in re.findall(r"\b(an?)\s+([A-Za-z']+)", line, flags=re.IGNORECASE):
        phones = pronouncing.phones_for_word(word.lower())
        if not phones:
            continue
        vowel = phones[0][0] in "AEIOU"
        if (article.lower() == "an") != vowel:
            errors.append(f"{article} {word}")
    return errors


def test_articles_agree_with_the_next_sound() -> None:
    errors = [
        (line, e)
        for draft in DRAFTS.values()
        for line in [*_lines(draft), draft.title]
        for e in _article_errors(line)
    ]
    assert not errors


def test_the_article_check_catches_errors() -> None:
    assert _article_errors("There's a orbit beside the car") == ["a orbit"]
    assert _article_errors("an hour with a unicorn") == []


def test_genre_only_prompts_still_get_a_song() -> None:
    titles = set()
    for prompt in GENRE_ONLY:
        draft = _draft(prompt)
        assert draft.language == "en"
        assert len(_lines(draft)) >= 16
        titles.add(draft.title)
        chorus = [s.lines for s in draft.sections if s.name == "Chorus"]
        assert chorus[0] == chorus[1]
    assert len(titles) == len(GENRE_ONLY)


def test_other_languages_get_english_and_say_so() -> None:
    draft = _draft("一首关于夏天的歌")
    assert draft.language == "en"
    assert draft.notices
    assert "Chinese" in draft.notices[0]
    assert format_lyrics(draft.sections).isascii()


# (prompt, the head noun of the phrase it opens with or names as its subject). Prompts in
# which adjectives, participles and gerunds stand around that noun.
LEAD_NOUNS: list[tuple[str, str]] = [
    ("an umbrella left on the train", "umbrella"),
    ("a truck driver crossing Texas at midnight with a radio", "driver"),
    ("my old dog Rusty who loves chasing squirrels in the park", "Rusty"),
    ("a grandmother baking bread", "grandmother"),
    ("my sister Maria dancing at her wedding in Seville", "Maria"),
    ("a violin forgotten in the attic", "violin"),
    ("an old fisherman mending nets at dawn", "fisherman"),
    ("a paper boat drifting down the stream", "boat"),
    ("my brother Tom playing guitar in the garage", "Tom"),
    ("a stolen bicycle found by the river", "bicycle"),
    ("a letter written during the war", "letter"),
    ("a heavy metal anthem about a dragon", "dragon"),
]
# Words of these prompts that describe or act and must never be sung as a thing or a name.
DESCRIPTIVE_PROMPTS: list[tuple[str, set[str]]] = [
    ("an umbrella left on the train", {"left"}),
    ("a heavy metal anthem about a dragon", {"heavy"}),
    ("a unicorn, an honest man and a European orchestra", {"honest", "european"}),
    ("a violin forgotten in the attic", {"forgotten"}),
    ("a stolen bicycle found by the river", {"stolen", "found"}),
    ("a letter written during the war", {"written"}),
    ("a bright red kite over the hills", {"bright", "red"}),
    ("a lonely giant and a tiny mouse", {"lonely", "tiny"}),
]
_DETERMINERS = r"(?:the|a|an|my|our|his|her|their|your)"


def _as_thing(line: str, word: str) -> bool:
    """`word` stands where a noun goes: after a determiner with no noun after it ("the left
    lay beside the shore"), or capitalised as a name ("Just European and the bay")."""
    lowered = line.lower()
    for match in re.finditer(rf"\b{_DETERMINERS}\s+{word}\b(?:\s+([a-z']+))?", lowered):
        following = match.group(1) or ""
        if not following or not _noun_like(following):
            return True
    capitalised = word.capitalize()
    if not re.search(rf"\b{capitalised}\b", line):
        return False
    return not _noun_like(_after(line, capitalised))


def _after(line: str, word: str) -> str:
    rest = line.split(word, 1)[1].split()
    return rest[0].lower().strip(",.!?") if rest else ""


def _noun_like(word: str) -> bool:
    """A word that can be a noun and is no other verb's inflection ("lay" is "lie")."""
    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas and all(v == word for v in lemmas.get("VERB", (word,)))


def test_describing_words_are_never_sung_as_things() -> None:
    wrong = []
    for prompt, describing in DESCRIPTIVE_PROMPTS:
        draft = _draft(prompt)
        for line in [*_lines(draft), draft.title]:
            wrong += [(prompt, line) for w in describing if _as_thing(line, w)]
    assert not wrong, wrong


def test_the_describing_check_catches_errors() -> None:
    assert _as_thing("Now the left lay beside the shore", "left")
    assert _as_thing("The heavy was there by the tree", "heavy")
    assert _as_thing("Just European and the bay", "european")
    assert not _as_thing("The honest man, you are my height", "honest")


def test_the_opening_subject_is_in_the_title_or_chorus() -> None:
    missing = []
    for prompt, lead in LEAD_NOUNS:
        draft = _draft(prompt)
        chorus = " ".join(next(s for s in draft.sections if s.name == "Chorus").lines)
        if not (_mentions(draft.title, lead) and _mentions(chorus, lead)):
            missing.append((prompt, draft.title, chorus))
    assert not missing, missing


def test_unknown_common_nouns_are_not_names() -> None:
    subject = extract_subject("an elephant, an igloo and a kayak")
    assert {p.head for p in subject.phrases} >= {"elephant", "igloo"}
    assert not any(p.proper for p in subject.phrases)
    garden = extract_subject("a Japanese garden in autumn").phrases[0]
    assert (garden.text, garden.proper) == ("Japanese garden", False)


def test_prompts_in_a_language_without_a_writer_get_an_english_title() -> None:
    for prompt in [
        "une chanson sur la pluie à Paris et un chat",
        "ein Lied über den Regen in Berlin und einen Hund",
        "una canzone sulla notte d'estate al mare",
    ]:
        draft = _draft(prompt)
        assert draft.language == "en", prompt
        assert draft.notices, prompt
        foreign = {w.lower() for w in re.findall(r"[^\W\d_]+", prompt)} - {"paris", "berlin"}
        sung = [draft.title, *_lines(draft)]
        leaked = [(line, w) for line in sung for w in re.findall(r"[^\W\d_]+", line.lower())]
        assert not [(line, w) for line, w in leaked if w in foreign and len(w) > 3], prompt
        assert all(line.isascii() for line in sung), prompt


def test_short_english_noun_lists_are_english() -> None:
    for prompt in ["an elephant, an igloo", "a llama and a piano", "the moon and a canoe"]:
        assert _draft(prompt).language == "en", prompt


def test_the_opening_subject_carries_the_verses() -> None:
    """Settings and props named after the subject ("on the train") do not take it over."""
    thin = []
    for prompt, lead in LEAD_NOUNS:
        draft = _draft(prompt)
        verses = [line for s in draft.sections if s.name != "Chorus" for line in s.lines]
        if sum(_mentions(line, lead) for line in verses) < 2:
            thin.append(prompt)
    assert len(thin) <= len(LEAD_NOUNS) // 10, thin


def test_a_noun_of_an_idea_is_one_subject() -> None:
    """ "the passage of time" is about time passing, not a passage that shines."""
    for prompt, title in [
        ("the passage of time", "The Passage of Time"),
        ("a ballad about the weight of memory", "The Weight of Memory"),
    ]:
        subject = extract_subject(prompt)
        assert subject.title == title
        assert subject.phrases[0].kind == "heart", prompt  # sung with the idea templates


def test_a_verb_after_have_is_no_thing_of_the_song() -> None:
    """ "his sons have left the village" sang "Oh, the left was lost in the bay"."""
    prompt = "an old fisherman who still rows out every morning though his sons have left"
    heads = [p.head.lower() for p in extract_subject(f"{prompt} the village").phrases]
    assert "left" not in heads
    assert {"fisherman", "son", "village"} <= set(heads)
