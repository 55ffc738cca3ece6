"""Caller lyric sheets, planned without sound: markers sung as structure in every common
spelling, backing and wordless lines, languages, and the timings karaoke builds on."""

from __future__ import annotations

import io
import itertools
from dataclasses import replace

import mido
import pytest

from songforge.engine.caller_lyrics import read_sheet
from songforge.engine.form import TAIL_SECONDS
from songforge.engine.lyric_text import format_lyrics, syllables
from songforge.engine.lyric_timing import aligned_words, line_timings, section_timings
from songforge.engine.planning import (
    LyricsDoNotFit,
    LyricsLanguageNotSung,
    LyricsWithoutWords,
    PlannedSong,
    SongRequest,
    can_be_sung,
    ensure_singable,
    is_singable,
    plan_song,
)
from songforge.engine.score import BACKING, SPOKEN, SUNG

FIRST = "We ride the morning train"
SECOND = "And sing along the way"
VERSE = "Every stone a little story"


def _plan(lyrics: str, duration: float | None = 60.0, seed: int = 4) -> PlannedSong:
    return plan_song(SongRequest(prompt="folk", lyrics=lyrics, duration=duration, seed=seed))


def _sung_sections(planned: PlannedSong) -> list[tuple[str, str]]:
    """(name, kind) of the score's sections that come from the caller's sheet."""
    return [
        (section.name, section.kind)
        for section, written in zip(planned.score.sections, planned.sheet_sections, strict=True)
        if written
    ]


# (marker as written, section name reported, composer kind)
SPELLINGS = [
    ("[Verse 2]", "Verse 2", "verse"),
    ("[VERSE]", "VERSE", "verse"),
    ("[Pre-Chorus]", "Pre-Chorus", "prechorus"),
    ("[Intro: spoken]", "Intro: spoken", "intro"),
    ("[Outro - spoken]", "Outro - spoken", "outro"),
    ("[Chorus: whispered]", "Chorus: whispered", "chorus"),
    ("**Chorus**", "Chorus", "chorus"),
    ("(Chorus)", "Chorus", "chorus"),
    ("Chorus:", "Chorus", "chorus"),
    ("【副歌】", "副歌", "chorus"),
    ("[Bridge]", "Bridge", "bridge"),
    ("Verse 1", "Verse 1", "verse"),
    ("[Estribillo]", "Estribillo", "chorus"),
]


@pytest.mark.parametrize(("marker", "name", "kind"), SPELLINGS)
def test_a_marker_in_any_spelling_is_a_section_and_never_sung(
    marker: str, name: str, kind: str
) -> None:
    planned = _plan(f"[Verse 1]\n{VERSE}\n\n{marker}\n{FIRST}\n{SECOND}")
    assert planned.score.lines == [VERSE, FIRST, SECOND]
    assert _sung_sections(planned) == [("Verse 1", "verse"), (name, kind)]
    sung = " ".join(s.text for s in planned.score.vocal).lower()
    for word in ("chorus", "verse", "副歌", "[", "*"):
        assert word not in sung
    assert is_singable(planned.score)


def test_chorus_x2_is_sung_twice_and_listed_twice() -> None:
    planned = _plan(f"[Verse]\n{VERSE}\n\n[Chorus x2]\n{FIRST}\n{SECOND}")
    assert planned.score.lines == [VERSE, FIRST, SECOND, FIRST, SECOND]
    assert [name for name, _ in _sung_sections(planned)] == ["Verse", "Chorus", "Chorus"]


def test_a_repeated_chorus_marker_without_lines_sings_the_chorus_again() -> None:
    planned = _plan(f"[Chorus]\n{FIRST}\n\n[Verse]\n{VERSE}\n\n(Chorus)")
    assert planned.score.lines == [FIRST, VERSE, FIRST]


def test_instrumental_break_is_a_section_without_words() -> None:
    planned = _plan(f"[Verse]\n{VERSE}\n\n[Instrumental break]\n\n[Chorus]\n{FIRST}")
    sections = _sung_sections(planned)
    assert [name for name, _ in sections] == ["Verse", "Instrumental break", "Chorus"]
    index = [s.name for s in planned.score.sections].index("Instrumental break")
    brk = planned.score.sections[index]
    end = brk.start + brk.bars * planned.score.bar_seconds
    assert not [s for s in planned.score.vocal if brk.start <= s.start < end]
    assert planned.score.lines == [VERSE, FIRST]


def test_a_drop_or_solo_without_lines_is_played_not_a_repeated_chorus() -> None:
    planned = _plan(f"[Chorus]\n{FIRST}\n\n[Drop]\n\n[Guitar Solo]\n\n[Verse]\n{VERSE}")
    assert planned.score.lines == [FIRST, VERSE]
    assert [name for name, _ in _sung_sections(planned)] == [
        "Chorus", "Drop", "Guitar Solo", "Verse",
    ]  # fmt: skip


def test_backing_lines_are_sung_by_the_backing_voice_echoing_the_lead() -> None:
    planned = _plan(f"[Verse]\n{VERSE} (little story)\n(ooh, ooh)\n{FIRST}")
    score = planned.score
    assert score.lines == [VERSE, "little story", "ooh, ooh", FIRST]
    timing = line_timings(score)
    assert [(t["text"], t["backing"]) for t in timing] == [
        (VERSE, False), ("little story", True), ("ooh, ooh", True), (FIRST, False),
    ]  # fmt: skip
    lead, echo, ooh, first = timing
    # The echo answers the lead after its line, in the line's own room; the backing line
    # has the room of a line; nothing the backing voice sings overlaps the lead.
    assert lead["end"] <= echo["start"] < echo["end"] <= ooh["start"]
    assert ooh["end"] <= first["start"]
    assert {t["source_line"] for t in timing[:2]} == {2}
    backing = [s for s in score.vocal if s.delivery == BACKING]
    assert [s.text for s in backing] == [*syllables("little story"), *syllables("ooh, ooh")]
    # Sung on the notes the lead's line ended on (a step away where the chord has moved).
    lead_tail = [s.pitch for s in score.vocal if s.line == 0][-4:]
    echoed = [s.pitch for s in backing if s.line == 1]
    assert all(abs(a - b) <= 2 for a, b in zip(echoed, lead_tail, strict=True))
    words = aligned_words(score)
    assert [w["word"] for w in words if w["backing"]] == ["little", "story", "ooh", "ooh"]
    assert not [n for n in planned.notices if "backing" in n or "parenthes" in n]
    assert is_singable(score)


# In-line echoes as sent: the line's echo has room after it (the rest of the section), or
# only the line's own bar, or none but the lead's last word.
ECHOES = [
    (
        "una ballata italiana sul mare d'estate", "ballad", 40, 909,
        "[Strofa 1]\nIl mare canta sotto la luna piena\n"
        "Le barche dormono vicino alla riva (alla riva)\n(Ritornello)\n"
        "Resta con me fino all'alba\nResta con me, amore mio\nStrofa 2\n"
        "Dell'estate resta solo il sale",
        "Le barche dormono vicino alla riva",
    ),
    (
        "a moody alt-pop song about letting go", "alt-pop", 45, 808,
        "[Verse 1]\nI keep on crying (crying) every night\n"
        "(whisper) Tell me that it's gonna be alright\n[Chorus: whispered]\n"
        "Don't let go (don't let go)\n[Bridge]\n(screaming)\n"
        "Running through the fire (sighs)\n[Chorus x2]\n"
        "Hold the line and I will hold the light\n[Outro - spoken]\n"
        "That's all for tonight, goodnight",
        "Don't let go",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("prompt", "tags", "duration", "seed", "lyrics", "lead"), ECHOES)
@pytest.mark.parametrize("other_seed", [None, 1, 2])
def test_an_echo_answers_after_the_lead_not_in_unison_with_it(
    prompt: str,
    tags: str,
    duration: int,
    seed: int,
    lyrics: str,
    lead: str,
    other_seed: int | None,
) -> None:
    request = SongRequest(
        prompt=prompt, tags=tags, lyrics=lyrics, duration=duration, seed=other_seed or seed
    )
    score = plan_song(request).score
    assert is_singable(score)
    words = aligned_words(score)
    for line, text in enumerate(score.lines):
        sung = [s for s in score.vocal if s.line == line]
        if not sung or sung[0].delivery == BACKING or line + 1 >= len(score.lines):
            continue
        echo = [s for s in score.vocal if s.line == line + 1 and s.delivery == BACKING]
        if not echo or score.lines[line + 1].lower() not in text.lower():
            continue
        last_word = [w for w in words if w["line"] == line][-1]
        # The echo answers once the lead has sung up to its last word, which is all it may
        # overlap, and before the lead's next line.
        assert echo[0].start >= last_word["start"] - 1e-3
        assert all(s.start + s.duration <= echo[0].start + 1e-3 for s in sung[:-1])
        following = [s for s in score.vocal if s.lead and s.start > sung[-1].start]
        if following:
            assert echo[-1].start + echo[-1].duration <= following[0].start + 1e-3
        if text == lead:
            # These two have room after the lead: it is not sung over, not even its end.
            assert echo[0].start >= sung[-1].start + sung[-1].duration - 1e-3


def test_a_repeat_mark_repeats_the_line_and_a_stage_direction_is_not_sung() -> None:
    planned = _plan(f"[Verse]\n{VERSE} (x2)\n{FIRST} (laughs)")
    assert planned.score.lines == [VERSE, VERSE, FIRST]
    assert not [s for s in planned.score.vocal if s.delivery == BACKING]
    assert any("(laughs)" in n and "not sung" in n for n in planned.notices)


# Stage-direction words in the forms sheets write them, each with a line that sings it.
DIRECTIONS = [
    ("breathing", "We keep the city breathing"),
    ("crying", "I keep on crying every night"),
    ("screaming", "They were screaming in the hall"),
    ("whisper", "I hear you whisper in the dark"),
    ("sighs", "The old house sighs"),
    ("laughs", "Everybody laughs"),
]


@pytest.mark.parametrize(("word", "singing_it"), DIRECTIONS)
def test_a_parenthetical_echoing_its_line_is_sung_and_a_direction_alone_is_not(
    word: str, singing_it: str
) -> None:
    sheet = read_sheet(
        f"[Verse]\n{VERSE} ({word})\n({word})\n{singing_it} ({word})\n({word.title()})"
    )
    directed, alone, echoed, answered = sheet.sections[0].lines
    # On a line that does not sing it, or alone after such a line: a direction, not sung.
    assert (directed.text, directed.backing, directed.directions) == (VERSE, (), (word,))
    assert (alone.backing, alone.directions) == ((), (word,))
    # Repeating a word of its own line: an echo, sung by the backing voice; alone after a
    # line that sings it: a backing line echoing that line.
    assert (echoed.text, echoed.backing, echoed.directions) == (singing_it, (word,), ())
    assert (answered.backing, answered.directions) == ((word.title(),), ())
    planned = _plan(f"[Verse]\n{VERSE} ({word})\n{singing_it} ({word})")
    assert planned.score.lines == [VERSE, singing_it, word]
    assert [n for n in planned.notices if "not sung" in n] == [
        f"Stage directions in parentheses are not sung: ({word})."
    ]


@pytest.mark.parametrize("direction", ["(deep breath)", "(softly)", "(laughs and cries)"])
def test_a_direction_of_several_words_is_not_sung(direction: str) -> None:
    line = read_sheet(f"{FIRST} {direction}").sections[0].lines[0]
    assert (line.text, line.backing, line.directions) == (FIRST, (), (direction[1:-1],))


@pytest.mark.parametrize(
    "marker", ["[Intro: spoken]", "[Verse 1: spoken]", "[Spoken word]", "[Outro - spoken]", "[Rap]"]
)
def test_a_section_marked_spoken_is_spoken_over_the_band(marker: str) -> None:
    planned = _plan(f"[Verse]\n{VERSE}\n\n{marker}\n{FIRST}\n{SECOND}\n\n[Chorus]\n{VERSE}")
    score = planned.score
    spoken = {s.line for s in score.vocal if s.delivery == SPOKEN}
    assert [score.lines[line] for line in sorted(spoken)] == [FIRST, SECOND]
    timing = line_timings(score)
    assert [t["spoken"] for t in timing] == [False, True, True, False]
    # A spoken line runs at the pace of speech from its line's start, not to a melody.
    for entry in timing[1:3]:
        syllables = len([s for s in score.vocal if s.line == entry["line"]])
        assert 0.15 <= (entry["end"] - entry["start"]) / syllables <= 0.3
    assert not [n for n in planned.notices if "sung like" in n]
    assert is_singable(score)
    midi = mido.MidiFile(file=io.BytesIO(score.to_midi()))
    vocal = next(t for t in midi.tracks if t.name == "vocal")
    sung_notes = [m for m in vocal if m.type == "note_on"]
    assert len(sung_notes) == len([s for s in score.vocal if s.delivery == SUNG])


def test_a_direction_the_voice_cannot_follow_is_sung_and_reported() -> None:
    planned = _plan(f"[Verse]\n{VERSE}\n\n[Chorus: whispered]\n{FIRST}")
    assert not [s for s in planned.score.vocal if s.delivery != SUNG]
    assert any("'Chorus: whispered' is sung like the other sections" in n for n in planned.notices)


@pytest.mark.parametrize("wordless", ["🔥🔥🔥", "...", "~ ~ ~", "♪♪"])
def test_a_wordless_line_is_held_as_a_gap_as_long_as_a_line(wordless: str) -> None:
    planned = _plan(f"[Verse]\n{VERSE}\n{wordless}\n{FIRST}\n{SECOND}", duration=None)
    timing = line_timings(planned.score)
    assert [t["text"] for t in timing] == [VERSE, FIRST, SECOND]
    # The gap holds the place of a line: the next line comes a line's slot later than it
    # would have, and nothing is sung in between.
    gap = timing[1]["start"] - timing[0]["start"]
    step = timing[2]["start"] - timing[1]["start"]
    assert gap == pytest.approx(2 * step, abs=0.01)
    assert any(wordless in n for n in planned.notices)


def test_a_sheet_without_any_word_is_refused_naming_its_lines() -> None:
    with pytest.raises(LyricsWithoutWords, match="🔥🔥"):
        _plan("[Verse]\n🔥🔥\n(ooh)\n\n[Chorus]\n...")


def test_sections_reported_are_the_ones_the_caller_wrote_in_order() -> None:
    written = (
        "[Intro]\nHere we go\n\n[Verse 1]\nLine one is here\nLine two is there\n\n"
        "[Pre-Chorus]\nHold on tight\n\n[Chorus]\nRiver carry me\n\n[Verse 2]\nAnother day\n\n"
        "[Chorus]\n\n[Bridge]\nTurn around\n\n[Outro]\nGoodbye now"
    )
    planned = _plan(written, duration=None)
    assert [name for name, _ in _sung_sections(planned)] == [
        "Intro", "Verse 1", "Pre-Chorus", "Chorus", "Verse 2", "Chorus", "Bridge", "Outro",
    ]  # fmt: skip
    # An intro and outro the caller wrote are not doubled by added ones.
    assert [s.name for s in planned.score.sections].count("Intro") == 1
    assert [s.name for s in planned.score.sections].count("Outro") == 1


@pytest.mark.parametrize("duration", [30.0, 60.0, 120.0, 200.0])
def test_the_callers_sections_fill_the_requested_duration(duration: float) -> None:
    planned = _plan(f"[Verse]\n{VERSE}\n{FIRST}\n\n[Chorus]\n{SECOND}", duration=duration)
    assert planned.score.duration == pytest.approx(duration, abs=0.5)
    assert [name for name, _ in _sung_sections(planned)] == ["Verse", "Chorus"]
    assert planned.score.lines == [VERSE, FIRST, SECOND]


# More words than a 30-second sad ballad holds (sent without a seed, it was accepted or
# refused by chance, and the length it needed changed with the seed).
KETTLE = (
    "[Verse 1]\nThe kettle whistles at a quarter past the rain\n"
    "I count the tiles along the kitchen floor again\n"
    "Your coat is hanging where you left it in the hall\n"
    "I keep on listening for footsteps that don't fall\n[Chorus]\n"
    "Come back before the winter takes the light\nCome back and tell me everything's alright\n"
    "[Verse 2]\nThe neighbours ask me if I'm sleeping any more\n"
    "I tell them stories that I never told before\n"
    "The radio is playing songs we used to know\n"
    "I turn it louder so the silence has to go\n[Chorus]\n"
    "Come back before the winter takes the light\nCome back and tell me everything's alright\n"
    "[Bridge]\nEvery clock in the house has stopped at nine\n"
    "Every letter on the table still is mine\n[Chorus]\n"
    "Come back before the winter takes the light\nCome back and tell me everything's alright"
)
SEEDS = range(8)


def test_whether_the_words_fit_and_the_length_they_need_do_not_depend_on_the_seed() -> None:
    ballad = SongRequest(prompt="a sad piano ballad", tags="piano ballad", lyrics=KETTLE)
    needed = set()
    for seed in SEEDS:
        request = replace(ballad, duration=30, seed=seed)
        with pytest.raises(LyricsDoNotFit) as unfit:
            ensure_singable(plan_song(request), request)
        needed.add(unfit.value.needed)
    assert len(needed) == 1
    (shortest,) = needed
    assert shortest is not None
    assert 30 < shortest < 240
    for seed in SEEDS:
        fitted = plan_song(replace(ballad, duration=shortest, seed=seed))
        assert is_singable(fitted.score)
        short = plan_song(replace(ballad, duration=shortest - 5, seed=seed))
        assert not is_singable(short.score)
    # Lengths that were accepted for some seeds only.
    for duration in (42, 45, 48, 50, 65):
        fits = {
            is_singable(plan_song(replace(ballad, duration=duration, seed=seed)).score)
            for seed in SEEDS
        }
        assert len(fits) == 1


def test_the_tempo_is_the_moods_unless_the_words_need_a_faster_one() -> None:
    ballad = SongRequest(prompt="a sad piano ballad", tags="piano ballad", lyrics=KETTLE)
    planned = plan_song(replace(ballad, duration=200, seed=1))
    low, high = planned.style.tempo  # as the sad ballad plays the style
    roomy = planned.score
    assert low - 1 <= roomy.bpm <= high + 1
    # Where the words have room, the seed chooses.
    tempos = {plan_song(replace(ballad, duration=200, seed=seed)).score.bpm for seed in SEEDS}
    assert len(tempos) > 1
    fastest = max(high, planned.style_match.style.tempo[1] if planned.style_match else high)
    tight = plan_song(replace(ballad, duration=45, seed=1)).score
    assert high < tight.bpm <= fastest
    for score in (roomy, tight):
        # The tempo reported is the one the bars are played at.
        assert score.bar_seconds == pytest.approx(240.0 / score.bpm)
        bars = sum(section.bars for section in score.sections)
        assert bars * score.bar_seconds + TAIL_SECONDS == pytest.approx(score.duration, abs=0.01)


def test_unmarked_stanzas_are_verses() -> None:
    sheet = read_sheet(f"{VERSE}\n{FIRST}\n\n{SECOND}")
    assert [(s.name, s.kind, s.written) for s in sheet.sections] == [
        ("Verse 1", "verse", False),
        ("Verse 2", "verse", False),
    ]


def test_a_lyric_line_that_merely_ends_with_a_colon_is_sung() -> None:
    planned = _plan(f"[Verse]\nAnd then she said:\n{FIRST}")
    assert planned.score.lines == ["And then she said:", FIRST]


SPANISH = (
    "[Verso]\nQuiero bailar contigo en la playa\nBajo la luna que brilla en el mar\n\n"
    "[Estribillo]\nCorazón, no me dejes solo\nCanta conmigo hasta el amanecer"
)


def test_spanish_lyrics_are_sung_as_spanish_with_spanish_syllables() -> None:
    planned = _plan(SPANISH)
    assert planned.language == "es"
    assert planned.score.language == "es"
    first_line = [s.text for s in planned.score.vocal if s.line == 0]
    # Spanish vowels: "Quie-ro bai-lar con-ti-go en la pla-ya" is eleven syllables.
    assert first_line == ["Quie", "ro", "bai", "lar", "con", "ti", "go", "en", "la", "pla", "ya"]
    corazon = [s.text for s in planned.score.vocal if s.line == 2][:3]
    assert corazon == ["Co", "ra", "zón,"]


@pytest.mark.parametrize(
    ("lyrics", "code", "name"),
    [
        ("[副歌]\n我爱你在海边\n月亮照着大海的波浪", "zh", "Chinese"),
        ("[Verse]\nあなたと一緒に歌いたい\n夜の海で", "ja", "Japanese"),
        ("[Куплет]\nЯ люблю тебя всем сердцем\nИ буду петь до утра", "ru", "Russian"),
        # One line in another script among English ones: the voice would mumble it.
        (
            "[Verse]\nI walk along the river in the morning light\nI think of you tonight\n"
            "[Chorus]\n我爱你",
            "zh",
            "Chinese",
        ),
    ],
)
def test_lyrics_in_a_language_the_voice_cannot_sing_are_refused_naming_it(
    lyrics: str, code: str, name: str
) -> None:
    with pytest.raises(LyricsLanguageNotSung) as refused:
        _plan(lyrics)
    assert refused.value.code == code
    assert name in str(refused.value)


@pytest.mark.parametrize(
    ("lyrics", "named"),
    [
        (
            "[Verse 1]\nI caught the last train out of Shibuya tonight\n"
            "The city folding into ribbons of light\n\n[Chorus]\n"
            "Tokyo rain, wash me over again\n\n  \n[Bridge]\nUmbrellas on the crossing\n雨",
            ["Line 11 ('雨') is in Chinese (zh)"],
        ),
        (
            "[Chorus]\nTokyo rain, wash me over again\n東京の雨に濡れて\n"
            "Tokyo rain, I'll be yours until then",
            ["Line 3 ('東京の雨に濡れて') is in Japanese (ja)"],
        ),
        (
            "[Strofa]\nIl mare canta sotto la luna piena\n[Ritornello]\n"
            "Resta con me fino all'alba\n我们一起看海\nResta con me, amore mio\n"
            "[Ritornello]\n\n[Coda]\nIl mare canta (我们)",
            ["Line 5 ('我们一起看海') is in Chinese (zh)", "line 10 ('Il mare canta (我们)')"],
        ),
    ],
)
def test_a_line_the_voice_cannot_sing_in_a_singable_sheet_is_named(
    lyrics: str, named: list[str]
) -> None:
    with pytest.raises(LyricsLanguageNotSung) as refused:
        _plan(lyrics)
    message = str(refused.value)
    for part in named:
        assert part in message
    assert "the voice sings en, es, fr, de, it, pt" in message
    # Named once, though a repeated chorus sings it twice.
    assert message.count("我们一起看海") <= 1
    assert [n for n, _, _ in refused.value.lines] == [
        int(part.split()[1]) for part in named
    ]  # fmt: skip


def test_word_timings_cover_every_sung_word_in_order_inside_the_song() -> None:
    planned = _plan(
        f"[Verse]\n{VERSE}\n🔥🔥\n{FIRST}\n\n[Chorus x2]\n{SECOND}\n\n[Outro]\nGoodbye, my friend!",
        duration=None,
    )
    score = planned.score
    words = aligned_words(score)
    expected = " ".join([VERSE, FIRST, SECOND, SECOND, "Goodbye my friend"]).split()
    assert [w["word"] for w in words] == expected
    starts = [w["start"] for w in words]
    assert starts == sorted(starts)
    for word, following in itertools.pairwise(words):
        assert 0 <= word["start"] < word["end"] <= following["start"] + 1e-6
    assert words[-1]["end"] <= score.duration
    lines = line_timings(score)
    for line in lines:
        inside = [w for w in words if w["line"] == line["line"]]
        assert line["start"] == inside[0]["start"]
        assert line["end"] == inside[-1]["end"]
    for line, following in itertools.pairwise(lines):
        assert line["start"] < line["end"] <= following["start"]


@pytest.mark.parametrize("vocables", ["La la la\nla la la", "Ole ole ole\nole ole", "Oh oh oh"])
def test_a_few_vocables_are_sung_not_refused_as_a_foreign_language(vocables: str) -> None:
    assert _plan(f"[Chorus]\n{vocables}").language == "en"


@pytest.mark.parametrize(
    ("code", "lyrics"),
    [
        ("fr", "[Couplet]\nJe t'aime mon amour pour toujours\nSous les étoiles de la nuit"),
        ("de", "[Strophe]\nIch liebe dich so sehr mein Schatz\nUnter den Sternen in der Nacht"),
        ("it", "[Strofa]\nTi amo più di ogni cosa al mondo\nSotto le stelle della notte"),
        ("pt", "[Refrão]\nEu te amo mais que tudo nesse mundo\nSob as estrelas da noite"),
    ],
)
def test_each_sung_language_is_detected_and_carried_to_the_voice(code: str, lyrics: str) -> None:
    planned = _plan(lyrics)
    assert (planned.language, planned.score.language) == (code, code)
    assert planned.score.lines == lyrics.split("\n")[1:]
    assert is_singable(planned.score)


@pytest.mark.parametrize(
    ("language", "word", "pieces"),
    [
        ("es", "corazón", ["co", "ra", "zón"]),  # stress on the written accent
        ("es", "día", ["dí", "a"]),  # an accented weak vowel breaks the diphthong
        ("es", "quiero", ["quie", "ro"]),  # a weak vowel joins the next one
        ("es", "león", ["le", "ón"]),  # two open vowels are two syllables
        ("fr", "belle", ["belle"]),  # the final mute "e" is not sung
        ("fr", "chanson", ["chan", "son"]),
        ("de", "Feuer", ["Feu", "er"]),  # a vowel after a diphthong starts a syllable
        ("pt", "coração", ["co", "ra", "ção"]),  # the nasal diphthong is one syllable
        ("it", "amore", ["a", "mo", "re"]),
    ],
)
def test_words_of_other_languages_get_one_note_per_spoken_syllable(
    language: str, word: str, pieces: list[str]
) -> None:
    from songforge.engine.lyric_text import syllables

    assert list(syllables(word, language)) == pieces


def test_each_timed_line_names_its_line_in_the_returned_lyrics() -> None:
    sent = (
        f"\n\n  [Intro]\n\n[Verse 1]\n{VERSE}\n🔥🔥\n{FIRST} (the morning train)\n\n"
        f"**Chorus**\n{SECOND}\r\n\r\n[Verse 2]\nHere we go again\n\n[Chorus]\n"
    )
    planned = _plan(sent, duration=None)
    returned = sent.strip().split("\n")
    timing = line_timings(planned.score)
    # The second chorus sings the first one's line again: both name the line written.
    by_text = {t["text"]: t["source_line"] for t in timing}
    assert by_text == {
        VERSE: 4, FIRST: 6, "the morning train": 6, SECOND: 9, "Here we go again": 12,
    }  # fmt: skip
    for entry in timing:
        assert entry["text"] in returned[entry["source_line"] - 1]
    # `line` keeps its meaning, the song's line index that aligned_words entries share.
    lines = [t["line"] for t in timing]
    assert lines == sorted(set(lines))
    numbers = {t["line"]: t["source_line"] for t in timing}
    for word in aligned_words(planned.score):
        assert word["word"] in returned[word["source_line"] - 1]
        assert word["source_line"] == numbers[word["line"]]


NIGHT_SHIFT = (
    "[Intro: spoken]\nTape is rolling, this one is for the night shift\n[Verse 2]\n"
    "Neon humming over empty parking lots\n(ooh, night shift)\n"
    "Coffee going cold in paper cups\n🌙 ✨ 🌙\n[Pre-Chorus]\nWe are not done yet\n"
    "[CHORUS]\nWe keep the city breathing (breathing)\nUntil the morning trains arrive\n"
    "[Instrumental break]\n[Spoken word]\n"
    "Somebody has to stay awake and keep the lights on\n[Chorus x2]"
)


@pytest.mark.parametrize(
    "request_",
    [
        SongRequest(prompt="a song about the sea", duration=60, seed=2),
        SongRequest(prompt="a pop song", duration=45, seed=7),
        SongRequest(prompt="synth-pop", lyrics=NIGHT_SHIFT, duration=60, seed=101),
        SongRequest(prompt="rap", lyrics=f"[Chorus]\n{FIRST}\n[Rap]\n{SECOND}", seed=3),
    ],
)
def test_sections_tile_the_song_from_start_to_end(request_: SongRequest) -> None:
    score = plan_song(request_).score
    for duration in (score.duration, score.duration + 0.02, score.duration - 0.02):
        timed = section_timings(score, duration)
        assert [t["name"] for t in timed] == [s.name for s in score.sections]
        assert timed[0]["start"] == 0.0
        for section, following in itertools.pairwise(timed):
            assert section["start"] < section["end"] == following["start"]
        # The last one ends with the song as reported, its final chord included.
        assert timed[-1]["end"] == round(duration, 3)
        for entry, played in zip(timed, score.sections, strict=True):
            assert entry["start"] == round(played.start, 3)


def test_lines_the_writer_wrote_are_numbered_in_the_returned_lyrics() -> None:
    planned = plan_song(SongRequest(prompt="a song about the sea", duration=60, seed=2))
    returned = format_lyrics(planned.sections).split("\n")
    timing = line_timings(planned.score)
    assert timing
    for entry in timing:
        assert returned[entry["source_line"] - 1] == entry["text"]


def test_a_sheet_too_long_for_any_length_is_refused_not_sung_at_any_tempo() -> None:
    # 1,000 short lines fit no song of 240 s at a tempo the style plays; they were once
    # accepted and set at 505 bpm.
    sheet = "[Verse]\n" + "\n".join(["la la la"] * 1000)
    request = SongRequest(prompt="a pop song", tags="pop", lyrics=sheet, duration=240, seed=3)
    planned = plan_song(request)
    assert not can_be_sung(planned, request)
    with pytest.raises(LyricsDoNotFit) as unfit:
        ensure_singable(planned, request)
    assert unfit.value.needed is None


def test_without_a_length_a_long_sheet_is_sung_at_a_tempo_its_style_plays() -> None:
    request = SongRequest(prompt="a pop song", tags="pop", lyrics=f"[Verse]\n{KETTLE}")
    planned = plan_song(request)
    fastest = max(planned.style.tempo[1], planned.style_match.style.tempo[1])  # type: ignore[union-attr]
    assert planned.score.bpm <= fastest + 0.01


@pytest.mark.parametrize(
    "request_",
    [
        SongRequest(prompt="a calm jazz tune about the rain", tags="jazz", duration=12, seed=9),
        SongRequest(prompt="a slow folk song", tags="folk", duration=10, seed=4),
    ],
)
def test_a_short_song_of_the_writers_words_is_sung_whatever_tempo_fills_its_bars(
    request_: SongRequest,
) -> None:
    # Only caller lyrics are held to the style's tempo range; a short song of the writer's
    # words may leave it to fill whole bars (refusing them broke 12 s songs).
    ensure_singable(plan_song(request_), request_)
