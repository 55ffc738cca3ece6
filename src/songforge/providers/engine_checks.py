"""What the engine can tell about a request before accepting it: whether its words can be
sung (a language the voice pronounces, at least one line of words) and fit the song."""

from __future__ import annotations

from songforge.domain.errors import InvalidParameter, InvalidRequest, UnsupportedLanguage
from songforge.domain.generation_request import GenerationRequest
from songforge.engine.caller_lyrics import read_sheet
from songforge.engine.planning import (
    Continuation,
    LyricsDoNotFit,
    LyricsLanguageNotSung,
    LyricsNotSingable,
    SongRequest,
    ensure_singable,
    plan_song,
    sung_language,
)


def song_request(
    request: GenerationRequest, seed: int, continuation: Continuation | None = None
) -> SongRequest:
    """The engine's view of a validated API request."""
    return SongRequest(
        prompt=request.prompt,
        title=request.title,
        tags=request.tags,
        negative_tags=request.negative_tags,
        lyrics=request.lyrics,
        instrumental=request.make_instrumental,
        duration=request.duration,
        seed=seed,
        continuation=continuation,
    )


def refusal(unfit: LyricsDoNotFit, longest_duration: float) -> InvalidParameter:
    if unfit.needed is None:
        return InvalidParameter(
            f"'lyrics' has more words than a song of {longest_duration:g} seconds can sing; "
            "send fewer lines.",
            param="lyrics",
        )
    return InvalidParameter(
        f"These lyrics need a 'duration' of at least {unfit.needed:g} seconds to be sung; ask "
        "for that (or leave 'duration' out to fit the song to its words), or send fewer lines.",
        param="duration",
    )


def unsingable(problem: LyricsNotSingable) -> InvalidRequest:
    """The domain error for caller lyrics the engine cannot sing at any length."""
    if isinstance(problem, LyricsLanguageNotSung):
        return UnsupportedLanguage(str(problem), param="lyrics")
    return InvalidParameter(str(problem), param=problem.param)


def check_lyrics_fit(request: GenerationRequest, longest_duration: float) -> None:
    """Caller lyrics must be in a language the voice sings, have words, and be singable in
    the song's length, or the request is refused now (UnsupportedLanguage or
    InvalidParameter) rather than sung as something else or as a jumble. A continuation's
    room depends on its source clip, which only the worker reads, so the worker checks
    that part."""
    if not request.lyrics or request.make_instrumental:
        return
    try:
        sung_language(read_sheet(request.lyrics))
    except LyricsNotSingable as problem:
        raise unsingable(problem) from None
    if request.continue_clip_id:
        return
    song = song_request(request, request.seed or 0)
    try:
        ensure_singable(plan_song(song), song, longest_duration)
    except LyricsDoNotFit as unfit:
        raise refusal(unfit, longest_duration) from None
