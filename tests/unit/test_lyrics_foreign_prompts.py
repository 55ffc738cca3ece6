"""A prompt in French, German, Italian or Portuguese gets English lyrics about its subject.

The built-in writer writes English and Spanish; for these four languages it reads the
prompt's words through a glossary (lyricist.foreign_prompt) and sings what the prompt is
about in English. Each row lists by hand the English words a listener would expect to hear
(the subject's nouns and names), so the measure does not depend on how the prompt is read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from songforge.engine.lyricist.grammar import plural, singular
from songforge.engine.lyricist.writer import LyricsDraft, write_lyrics
from tests.unit.test_lyrics_imagery import FORM

SEEDS = (1, 2)
# (prompt, language, English subject words, genre words in the prompt)
PROMPTS: list[tuple[str, str, set[str], set[str]]] = [
    ("une chanson triste sur la pluie à Paris", "fr", {"rain", "Paris"}, set()),
    (
        "une vieille femme qui nourrit les pigeons au parc chaque matin",
        "fr",
        {"woman", "pigeon", "park"},
        set(),
    ),
    ("une ballade douce sur mon chat qui dort au soleil", "fr", {"cat", "sun"}, {"ballade"}),
    (
        "une chanson pop joyeuse sur l'été à Marseille avec mes amis",
        "fr",
        {"summer", "Marseille", "friend"},
        {"pop"},
    ),
    ("une chanson rock sur un vieux camion et la route de nuit", "fr", {"truck", "road"}, {"rock"}),
    ("une berceuse pour ma fille sous les étoiles", "fr", {"daughter", "star"}, {"berceuse"}),
    (
        "une chanson nostalgique sur la cuisine de ma grand-mère",
        "fr",
        {"kitchen", "grandmother"},
        set(),
    ),
    (
        "un morceau de jazz sur un café de Montmartre le dimanche matin",
        "fr",
        {"coffee", "cafe", "Montmartre", "Sunday", "morning"},
        {"jazz"},
    ),
    (
        "Écris une chanson sur les chevaux sauvages de la Camargue",
        "fr",
        {"horse", "Camargue"},
        set(),
    ),
    ("ein trauriges Lied über den Regen in Berlin", "de", {"rain", "Berlin"}, set()),
    ("ein fröhlicher Popsong über meinen Hund am Strand", "de", {"dog", "beach"}, {"pop"}),
    ("ein Rocksong über die Autobahn bei Nacht", "de", {"highway", "night"}, {"rock"}),
    (
        "ein Wiegenlied für meine Tochter über den Mond und die Sterne",
        "de",
        {"daughter", "moon", "star"},
        {"wiegenlied"},
    ),
    (
        "ein Lied über den Winter in den Bergen und ein altes Haus",
        "de",
        {"winter", "mountain", "house"},
        set(),
    ),
    (
        "ein Liebeslied über eine Sommernacht in Hamburg",
        "de",
        {"summer", "night", "Hamburg"},
        set(),
    ),
    (
        "ein melancholisches Lied über meinen Vater und seine alte Werkstatt",
        "de",
        {"father", "workshop"},
        set(),
    ),
    (
        "Schreib mir einen Schlager über die Kneipe an der Ecke",
        "de",
        {"pub", "corner"},
        {"schlager"},
    ),
    ("una canzone sulla notte d'estate al mare", "it", {"night", "summer", "sea"}, set()),
    ("una canzone triste sulla pioggia a Roma", "it", {"rain", "Rome"}, set()),
    ("una canzone allegra sul mio gatto e la sua palla rossa", "it", {"cat", "ball"}, set()),
    (
        "una ballata sulla cucina della nonna a Napoli",
        "it",
        {"kitchen", "grandmother", "Naples"},
        {"ballata"},
    ),
    ("una canzone rock sulla strada per Milano in moto", "it", {"road", "Milan"}, {"rock"}),
    (
        "una ninna nanna per il mio bambino sotto la luna",
        "it",
        {"baby", "child", "moon"},
        {"lullaby"},
    ),
    (
        "una canzone jazz su un vecchio orologio in un bar di Venezia",
        "it",
        {"clock", "watch", "Venice"},
        {"jazz"},
    ),
    ("una canzone d'amore sul treno per Firenze", "it", {"love", "train", "Florence"}, set()),
    ("uma canção triste sobre a chuva em Lisboa", "pt", {"rain", "Lisbon"}, set()),
    (
        "uma canção sobre o mar e os barcos dos pescadores",
        "pt",
        {"sea", "boat", "fisherman"},
        set(),
    ),
    ("um samba alegre sobre o carnaval no Rio", "pt", {"carnival", "Rio"}, {"samba"}),
    (
        "uma canção de ninar para o meu filho sobre as estrelas",
        "pt",
        {"son", "star"},
        {"lullaby"},
    ),
    (
        "uma balada sobre a casa da minha avó no campo",
        "pt",
        {"house", "home", "grandmother", "countryside"},
        {"balada"},
    ),
    (
        "uma música sobre um cachorro que espera o dono na estação",
        "pt",
        {"dog", "owner", "station"},
        set(),
    ),
    ("um fado sobre a saudade do Porto", "pt", {"longing", "Porto"}, {"fado"}),
    (
        "uma canção pop sobre o verão na praia com os meus amigos",
        "pt",
        {"summer", "beach", "friend"},
        {"pop"},
    ),
]
# A prompt that names only a genre still gets a song.
GENRE_ONLY: list[tuple[str, str, set[str]]] = [
    ("une chanson pop", "fr", {"pop"}),
    ("ein Rocksong", "de", {"rock"}),
    ("una canzone jazz", "it", {"jazz"}),
    ("uma canção de samba", "pt", {"samba"}),
]
# The English names of the genres and kinds of piece the prompts name.
ENGLISH_GENRES = {"ballade": "ballad", "ballata": "ballad", "balada": "ballad"}
ENGLISH_GENRES |= {"berceuse": "lullaby", "wiegenlied": "lullaby", "schlager": "pop"}
ENGLISH_GENRES |= {"fado": "folk"}


def _fold(word: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    )


def _sung(draft: LyricsDraft) -> list[str]:
    return [draft.title, *(line for s in draft.sections for line in s.lines)]


def _chorus(draft: LyricsDraft) -> list[str]:
    return [draft.title, *(line for s in draft.sections if s.name == "Chorus" for line in s.lines)]


def _forms(words: set[str]) -> set[str]:
    lower = {w.lower() for w in words}
    return lower | {plural(w) for w in lower} | {singular(w) for w in lower}


def _names_any(lines: list[str], words: set[str]) -> bool:
    forms = _forms(words)
    return any(w in forms for line in lines for w in re.findall(r"[a-z']+", _fold(line)))


@cache
def _draft(prompt: str, seed: int) -> LyricsDraft:
    return write_lyrics(prompt, title=None, form=FORM, seed=seed)


def _drafts() -> list[tuple[str, set[str], LyricsDraft]]:
    return [
        (prompt, words, _draft(prompt, seed)) for prompt, _, words, _ in PROMPTS for seed in SEEDS
    ]


def test_the_rows_cover_four_languages() -> None:
    by_language = {
        code: sum(row[1] == code for row in PROMPTS) for code in ("fr", "de", "it", "pt")
    }
    assert all(count >= 6 for count in by_language.values()), by_language


def test_the_lyrics_sing_the_prompts_subject() -> None:
    drafts = _drafts()
    missing = [(p, d.title) for p, words, d in drafts if not _names_any(_sung(d), words)]
    assert len(missing) <= len(drafts) * 0.1, missing


def test_the_title_or_chorus_names_the_subject() -> None:
    drafts = _drafts()
    missing = [(p, _chorus(d)) for p, words, d in drafts if not _names_any(_chorus(d), words)]
    assert len(missing) <= len(drafts) * 0.2, missing


def test_no_prompt_word_is_sung_untranslated() -> None:
    leaked = []
    rows = [(p, words) for p, _, words, _ in PROMPTS] + [(p, set()) for p, _, _ in GENRE_ONLY]
    for prompt, words in rows:
        allowed = {_fold(w) for w in _forms(words)}
        foreign = {_fold(w) for w in re.findall(r"[^\W\d_]+", prompt) if len(w) > 3} - allowed
        for seed in SEEDS:
            for line in _sung(_draft(prompt, seed)):
                leaked += [
                    (prompt, line) for w in re.findall(r"[a-z]+", _fold(line)) if w in foreign
                ]
    assert not leaked, leaked


def test_the_notice_says_the_lyrics_are_english_and_what_about() -> None:
    for prompt, language, words, _ in [*PROMPTS, *((p, c, set(), g) for p, c, g in GENRE_ONLY)]:
        draft = _draft(prompt, 1)
        assert draft.language == "en", prompt
        notice = next((n for n in draft.notices if f"({language})" in n), "")
        assert "English" in notice, (prompt, draft.notices)
        if words:  # the subject as the writer understood it
            about = notice.partition("about: ")[2]
            assert _names_any([about], words), (prompt, notice)


def test_genre_words_are_never_sung() -> None:
    sung_genres = []
    for prompt, _, _, genres in [*PROMPTS, *((p, c, set(), g) for p, c, g in GENRE_ONLY)]:
        unsung = _forms({*genres, *(ENGLISH_GENRES.get(g, g) for g in genres)})
        for seed in SEEDS:
            for line in _sung(_draft(prompt, seed)):
                sung_genres += [
                    (prompt, line) for w in re.findall(r"[a-z]+", line.lower()) if w in unsung
                ]
    assert not sung_genres, sung_genres


def test_a_prompt_of_only_a_genre_still_gets_a_song() -> None:
    for prompt, _, _ in GENRE_ONLY:
        draft = _draft(prompt, 1)
        assert draft.title, prompt
        assert all(s.lines for s in draft.sections), prompt
        assert sum(len(s.lines) for s in draft.sections) >= 10, prompt
