"""Everything decided before a note sounds: style, key, form, words and the score.

Cheap (milliseconds) and deterministic by seed, so the API can check before accepting a
request that its words can be sung, and tests can inspect a song without rendering it.
"""

from __future__ import annotations

import math
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from songforge.engine.arrangement import assign_lines, room_for_lines
from songforge.engine.caller_form import CallerForm, plan_caller_form
from songforge.engine.caller_lyrics import Sheet, SheetLine, read_sheet
from songforge.engine.composition import LyricLine, compose
from songforge.engine.form import TAIL_SECONDS, plan_form
from songforge.engine.language_id import DetectedLanguage, detect_language
from songforge.engine.languages import ENGLISH, SUNG_LANGUAGES, language_name
from songforge.engine.lyric_text import LyricSection, stresses, syllables
from songforge.engine.lyricist.writer import write_lyrics
from songforge.engine.mood import Feeling, feeling_named, read_feeling
from songforge.engine.score import BACKING, SPOKEN, SUNG, Score
from songforge.engine.styles import Style, StyleMatch, match_style, removed_roles, style_by_name
from songforge.engine.theory import parse_key

Report = Callable[[str, int], None]
DEFAULT_DURATION = 120.0
DEFAULT_CONTINUATION = 60.0
# Lengths tried, shortest first, for caller lyrics sent without a duration (of the whole
# song, or of a continuation's new part).
LONGEST_SONG_SECONDS = 240.0
# Latin-script lyrics are refused as another language only with this many different words
# and this confidence: fewer, and the text could be sung as English anyway.
_WORDS_TO_TELL = 4
_SURE = 0.9
FITTING_DURATIONS = (120.0, 150.0, 180.0, 210.0, LONGEST_SONG_SECONDS)
CONTINUATION_FITTING_DURATIONS = (60.0, 90.0, *FITTING_DURATIONS)


@dataclass(frozen=True)
class Continuation:
    """The clip to continue: its score (JSON), its master audio, where to cut (seconds,
    None for the end of its music), and its title and prompt (None when it had none).
    The continuation keeps the title unless the request gives one, and new writer-made
    words keep to the source's subject (the score's, else this prompt)."""

    score_json: str
    master_path: Path
    continue_at: float | None
    title: str | None = None
    prompt: str | None = None


@dataclass(frozen=True)
class SongRequest:
    prompt: str | None = None
    title: str | None = None
    tags: str | None = None
    negative_tags: str | None = None
    lyrics: str | None = None
    instrumental: bool = False
    duration: float | None = None
    seed: int = 0
    continuation: Continuation | None = None


class LyricsDoNotFit(Exception):
    """The words cannot be sung in the song's length: a syllable would start before the
    previous one ends. `needed` is the shortest length that works, if any does."""

    def __init__(self, needed: float | None) -> None:
        super().__init__(f"lyrics need {needed} s" if needed else "lyrics too long for any song")
        self.needed = needed


class LyricsNotSingable(Exception):
    """Caller lyrics the engine cannot sing at any length. `param` is the request field
    to change."""

    param = "lyrics"


class LyricsLanguageNotSung(LyricsNotSingable):
    """Caller lyrics in a language the voice cannot pronounce: the whole sheet, or, in a
    sheet otherwise singable, the `lines` given as (number in the returned lyrics, line
    as written, ISO 639-1 code); `code` is then the first line's."""

    def __init__(self, code: str, lines: tuple[tuple[int, str, str], ...] = ()) -> None:
        self.code = code if not lines else lines[0][2]
        self.name = language_name(self.code)
        self.lines = lines
        if not lines:
            sung = ", ".join(language.name for language in SUNG_LANGUAGES.values())
            super().__init__(
                f"These lyrics are in {self.name} ('{code}'), which the voice cannot sing; "
                f"it sings {sung}."
            )
            return
        named = [
            f"{'Line' if i == 0 else 'line'} {number} ('{_shown(written)}') is in "
            f"{_language_of(language)}"
            for i, (number, written, language) in enumerate(lines[:_LINES_NAMED])
        ]
        more = len(lines) - _LINES_NAMED
        if more > 0:
            named.append(f"{more} more line{'s' if more > 1 else ''} too")
        sung = ", ".join(SUNG_LANGUAGES)
        rewrite = "it" if len(lines) == 1 else "them"
        super().__init__(
            f"{'; '.join(named)}; the voice sings {sung}: rewrite or remove {rewrite}."
        )


_LINES_NAMED = 5  # lines named in a refusal; more are counted


def _shown(written: str) -> str:
    return written if len(written) <= 40 else f"{written[:39]}…"


def _language_of(code: str) -> str:
    return language_name(code) if code == "und" else f"{language_name(code)} ({code})"


class LyricsWithoutWords(LyricsNotSingable):
    """A sheet with markers, symbols or backing lines but no line of words to sing."""

    def __init__(self, lines: list[str]) -> None:
        shown = ", ".join(f"'{line}'" for line in lines[:5]) or "(none)"
        super().__init__(
            f"'lyrics' has no words to sing (lines: {shown}); send words, or ask for "
            "'make_instrumental': true."
        )


@dataclass(frozen=True)
class PlannedSong:
    """Everything decided before a note sounds: style, words and the score."""

    style: Style
    title: str
    sections: list[LyricSection]
    score: Score
    instrumental: bool
    source: Score | None
    relaxed: bool = True  # every line has two bars to itself
    language: str = ENGLISH  # ISO 639-1 code of the sung words
    notices: tuple[str, ...] = ()  # how the words were read or written, for the caller
    sheet_sections: tuple[bool, ...] = ()  # per score section: one of the caller's sections
    style_match: StyleMatch | None = None


@dataclass(frozen=True)
class _Chosen:
    style: Style  # as the request's mood plays it
    match: StyleMatch
    feeling: Feeling
    key: tuple[int, str]  # tonic pitch class, mode
    at_fastest: bool = False  # caller lyrics at the fastest tempo, not the chosen one


def plan_song(request: SongRequest, report: Report = lambda stage, percent: None) -> PlannedSong:
    """Chooses the style, key and form, writes or parses the words and composes the score:
    cheap and deterministic, so it can be inspected without rendering audio."""
    return _plan_song(request, report, at_fastest=False)


def _plan_song(request: SongRequest, report: Report, *, at_fastest: bool) -> PlannedSong:
    """`plan_song`; with `at_fastest`, caller lyrics are set at the style's fastest tempo
    (the one that gives them the most room), whatever the seed."""
    rng = random.Random(request.seed)
    source = Score.from_json(request.continuation.score_json) if request.continuation else None
    if source is not None:
        feeling = feeling_named(source.mood)
        style = feeling.applied_to(style_by_name(source.style))
        matched = StyleMatch(style, None, "continuation")
        tonic, mode = source.tonic, source.mode
        # An instrumental clip stays instrumental unless the continuation brings words.
        instrumental = request.instrumental or (source.instrumental and not request.lyrics)
    else:
        matched = match_style(request.prompt, request.tags, request.negative_tags)
        # Mood words change how the style is played: mode, tempo, density, energy.
        feeling = read_feeling(request.prompt, request.tags)
        style = feeling.applied_to(matched.style)
        tonic = rng.randrange(12)
        mode = rng.choice(style.modes)
        asked = parse_key(request.tags) or parse_key(request.prompt)
        if asked is not None:
            tonic, mode = asked
        instrumental = request.instrumental
    key = (tonic, mode)
    chosen = _Chosen(style, matched, feeling, key, at_fastest)
    report("writing_lyrics", 5)
    if request.duration:
        return _plan_at(float(request.duration), request, chosen, instrumental, source, rng, report)
    if instrumental or not request.lyrics:
        default = DEFAULT_CONTINUATION if source else DEFAULT_DURATION
        return _plan_at(default, request, chosen, instrumental, source, rng, report)
    # Caller lyrics and no duration asked for: the song is as long as its words need, at
    # two bars a line when some length allows it, else at the longest that can be sung.
    state = rng.getstate()
    singable: PlannedSong | None = None
    for duration in CONTINUATION_FITTING_DURATIONS if source else FITTING_DURATIONS:
        rng.setstate(state)
        planned = _plan_at(duration, request, chosen, instrumental, source, rng, report)
        if not can_be_sung(planned, request):
            continue
        if planned.relaxed:
            return planned
        singable = planned
    return singable or planned


def _plan_at(
    duration: float,
    request: SongRequest,
    chosen: _Chosen,
    instrumental: bool,
    source: Score | None,
    rng: random.Random,
    report: Report,
) -> PlannedSong:
    if request.lyrics and not instrumental:
        return _plan_caller_sheet(duration, request, chosen, source, rng, report)
    style, key = chosen.style, chosen.key
    subject = _subject(request, source) or style.name
    plan = plan_form(
        duration,
        style.tempo,
        rng,
        continuation=source is not None,
        fixed_bpm=source.bpm if source else None,
    )
    draft = write_lyrics(
        subject,
        title=_title_asked(request),
        form=plan.sections,
        seed=request.seed,
        # The mood the request was read as (tags first, then the prompt), so a sad song's
        # words are sad, whatever its style is called.
        mood_hint=" ".join(chosen.feeling.names),
        genre=chosen.match.genre,
    )
    title, sections = draft.title, ([] if instrumental else draft.sections)
    title = _title_asked(request) or title
    language = ENGLISH if instrumental else draft.language
    lyric_plan = None if instrumental else assign_lines(plan.sections, sections, language)
    report("composing", 15)
    score = compose(
        style,
        plan,
        request.seed,
        tonic=key[0],
        mode=key[1],
        lyrics=lyric_plan,
        instrumental=instrumental,
        removed=removed_roles(request.negative_tags),
        mood=chosen.feeling.names,
    )
    score.language = language
    score.subject = _subject(request, source)
    lines = sum(len(section.lines) for section in sections)
    relaxed = instrumental or lines <= room_for_lines(plan.sections)
    notices = () if instrumental else draft.notices
    return PlannedSong(
        style,
        title,
        sections,
        score,
        instrumental,
        source,
        relaxed,
        language,
        notices,
        style_match=chosen.match,
    )


def _plan_caller_sheet(
    duration: float,
    request: SongRequest,
    chosen: _Chosen,
    source: Score | None,
    rng: random.Random,
    report: Report,
) -> PlannedSong:
    assert request.lyrics is not None
    style, key = chosen.style, chosen.key
    sheet = read_sheet(request.lyrics)
    language = sung_language(sheet)
    continuation = source is not None

    def composed(bpm: float, *, fixed: bool = False) -> tuple[CallerForm, Score]:
        form = plan_caller_form(sheet, duration, bpm, continuation=continuation, fixed=fixed)
        lyric_plan = [
            [_lyric_line(line, language, spoken) for line in lines]
            for lines, spoken in zip(form.lines, form.spoken, strict=True)
        ]
        score = compose(
            style,
            form.plan,
            request.seed,
            tonic=key[0],
            mode=key[1],
            lyrics=lyric_plan,
            instrumental=False,
            removed=removed_roles(request.negative_tags),
            mood=chosen.feeling.names,
        )
        return form, score

    report("composing", 15)
    if source is not None:
        form, score = composed(source.bpm, fixed=True)
    else:
        form, score = _caller_tempo(composed, duration, chosen, rng)
    sections = [
        LyricSection(s.name, tuple(line.text for line in s.lines if line.text))
        for s in sheet.sections
    ]
    written = _title_from([s for s in sections if s.lines])
    title = _title_asked(request) or written or "Untitled"
    score.language = language
    score.subject = _subject(request, source)
    return PlannedSong(
        style,
        title,
        sections,
        score,
        False,
        source,
        form.relaxed,
        language,
        sheet.notices,
        tuple(form.from_sheet),
        chosen.match,
    )


def _caller_tempo(
    composed: Callable[[float], tuple[CallerForm, Score]],
    duration: float,
    chosen: _Chosen,
    rng: random.Random,
) -> tuple[CallerForm, Score]:
    """The caller's words set at a tempo of the style's range that fits them: the seed's
    choice in the mood's part of the range, else the slowest faster one that fits, up to
    the style's fastest. Whether the words fit at all is decided at the fastest tempo (the
    one with the most bars, so the most room), the same for every seed; when they do not
    fit even there, the song at the fastest tempo is returned, unsingable."""
    body = max(8.0, duration - TAIL_SECONDS)
    preferred = rng.uniform(*chosen.style.tempo)
    fastest = max(chosen.style.tempo[1], chosen.match.style.tempo[1])
    # Whole bars the time holds at a tempo; a tempo giving exactly `bars` of them.
    most = max(4, math.floor(body * fastest / 240.0 + 1e-9))
    at_fastest = composed(240.0 * most / body)
    if chosen.at_fastest or not is_singable(at_fastest[1]):
        return at_fastest
    fewest = max(4, round(body * preferred / 240.0))
    if fewest >= most:
        return at_fastest
    first = composed(preferred)
    if is_singable(first[1]):
        return first
    # More bars give every line at least as much room: the fewest that fit, by bisection.
    low, high, best = fewest, most, at_fastest
    while high - low > 1:
        middle = (low + high) // 2
        tried = composed(240.0 * middle / body)
        if is_singable(tried[1]):
            high, best = middle, tried
        else:
            low = middle
    return best


def _lyric_line(line: SheetLine, language: str, spoken: bool) -> LyricLine:
    """A sheet line as the composer sets it: the lead's words, sung or spoken, with its
    backing phrases as echoes; a line of backing words alone is the backing voice's."""
    echoes = tuple(
        LyricLine(b, syllables(b, language), stresses(b, language), line.number, BACKING)
        for b in line.backing
    )
    if line.wordless and echoes:
        return replace(echoes[0], echoes=echoes[1:])
    delivery = SPOKEN if spoken else SUNG
    text = line.text
    return LyricLine(
        text,
        syllables(text, language),
        stresses(text, language),
        line.number,
        delivery,
        echoes,
    )


def _latin_share(text: str) -> float:
    """The share of `text`'s letters written in the Latin script (1.0 for no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, "")) / len(letters)


def sung_language(sheet: Sheet) -> str:
    """The ISO 639-1 code the sheet's words are sung in. Raises LyricsWithoutWords when no
    line has a word, LyricsLanguageNotSung when they are in a language the voice cannot
    pronounce: any text mostly in another script than Latin, or Latin-script text with
    enough different words to tell (a few vocables such as "ole ole" or "la la la" read as
    several languages at once, so text too short to tell is sung as English)."""
    if not sheet.sung_lines:
        raise LyricsWithoutWords([line.written for s in sheet.sections for line in s.lines])
    text = sheet.sung_text
    found = detect_language(text)
    if found is None:
        raise LyricsWithoutWords(sheet.sung_lines)
    if _latin_share(text) < 0.5:
        if found.code in SUNG_LANGUAGES:  # transliterated or mixed; not for this voice
            raise LyricsLanguageNotSung("und")
        raise LyricsLanguageNotSung(found.code)
    # A line in another script inside Latin lyrics would be sung as gibberish by a voice
    # that cannot read it: refused too, naming each such line and its language, once the
    # rest of the sheet is known to be singable.
    foreign: dict[int, tuple[int, str, str]] = {}
    for line in (line for s in sheet.sections for line in s.lines):
        for words in (line.text, *line.backing):
            if line.number in foreign or not words or _latin_share(words) >= 0.5:
                continue
            in_line = detect_language(words)
            code = in_line.code if in_line is not None else "und"
            code = "und" if code in SUNG_LANGUAGES else code
            foreign[line.number or 0] = (line.number or 0, line.written, code)
    if foreign:
        rest = "\n".join(
            line.text
            for s in sheet.sections
            for line in s.lines
            if line.text and (line.number or 0) not in foreign
        )
        found = detect_language(rest) or found
        text = rest or text
    language = _latin_language(text, found)
    if foreign:
        raise LyricsLanguageNotSung("und", tuple(foreign[n] for n in sorted(foreign)))
    return language


def _latin_language(text: str, found: DetectedLanguage) -> str:
    """The sung language of Latin-script `text`, which `found` detected; raises
    LyricsLanguageNotSung when it is surely another."""
    distinct = {word.strip(".,!?;:'\"").lower() for word in text.split()}
    if found.code in SUNG_LANGUAGES and found.reliable:
        return found.code
    if len(distinct) >= _WORDS_TO_TELL and found.confidence >= _SURE:
        raise LyricsLanguageNotSung(found.code)
    return ENGLISH


def can_be_sung(planned: PlannedSong, request: SongRequest) -> bool:
    """The planned song's words can be sung, and a caller's words at a tempo the style
    plays: a sheet too long for its length would otherwise be set at whatever tempo packs
    its bars in (1,000 lines in 240 s came out at 505 bpm). The writer's words and a
    continuation's (which keeps its source's tempo) are judged by their notes alone; a
    short song's tempo may leave the style's range to fill whole bars."""
    if not is_singable(planned.score):
        return False
    caller_words = request.lyrics is not None and planned.source is None
    if not caller_words or planned.instrumental or planned.style_match is None:
        return True
    fastest = max(planned.style.tempo[1], planned.style_match.style.tempo[1])
    return planned.score.bpm <= fastest + _TEMPO_ROUNDING


def is_singable(score: Score) -> bool:
    """Every syllable of the lead voice ends before its next begins: a voice can sing it.
    (The backing voice may sing along with the lead.)"""
    lead = [s for s in score.vocal if s.lead]
    return all(b.start >= a.start + a.duration - 1e-3 for a, b in pairwise(lead))


# The tuned tempo is rounded to hundredths of a beat a minute.
_TEMPO_ROUNDING = 0.01


def ensure_singable(
    planned: PlannedSong, request: SongRequest, longest: float = LONGEST_SONG_SECONDS
) -> None:
    """Raises LyricsDoNotFit, with the shortest length that would work, when the planned
    song's words cannot be sung."""
    if not can_be_sung(planned, request):
        raise LyricsDoNotFit(shortest_singable(request, longest))


def shortest_singable(request: SongRequest, longest: float) -> float | None:
    """The shortest duration, in whole seconds up to `longest`, at which the request's
    words can be sung, for a request whose own duration is too short; None when even
    `longest` is too short. Caller lyrics are judged at
    the style's fastest tempo (a continuation at its source's), so the answer is the same
    for every seed, and a song of that length is accepted whatever its seed."""

    def fits(duration: float) -> bool:
        planned = _plan_song(replace(request, duration=duration), _silent, at_fastest=True)
        return can_be_sung(planned, request)

    if not fits(longest):
        return None
    # Known to be too short: the length asked for (without one, the song's usual length).
    default = DEFAULT_CONTINUATION if request.continuation else DEFAULT_DURATION
    low, high = math.floor(float(request.duration or default)), math.ceil(longest)
    # A longer song has as many bars or more, so as much room or more for each line.
    while high - low > 1:
        middle = math.floor((low + high) / 2)
        if fits(middle):
            high = middle
        else:
            low = middle
    return float(min(high, longest))


def _silent(stage: str, percent: int) -> None:
    """A progress report nobody listens to."""


def _title_asked(request: SongRequest) -> str | None:
    """The request's title, else a continued clip's: a continuation is the same song."""
    if request.title:
        return request.title
    return request.continuation.title if request.continuation else None


def _subject(request: SongRequest, source: Score | None) -> str:
    """What the words are about: the prompt; for a continuation the source's subject (its
    prompt there is direction, "keep going, add a final chorus", not a new subject)."""
    if source is None or request.continuation is None:
        return request.prompt or ""
    return source.subject or request.continuation.prompt or ""


def _title_from(sections: list[LyricSection]) -> str | None:
    for section in sections:
        if section.name.lower().startswith("chorus") and section.lines:
            return " ".join(section.lines[0].split()[:5]).strip(",.!?;:").title()
    return sections[0].lines[0][:40].title() if sections else None
