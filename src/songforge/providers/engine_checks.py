"""What the engine can tell about a request before accepting it: whether its words fit."""

from __future__ import annotations

from songforge.domain.errors import InvalidParameter
from songforge.domain.generation_request import GenerationRequest
from songforge.engine.planning import SongRequest, is_singable, plan_song, shortest_singable


def check_lyrics_fit(request: GenerationRequest, longest_duration: float) -> None:
    """Caller lyrics must be singable in the song's length, or the request is refused now
    rather than sung as a jumble. A continuation's room depends on its source clip, which
    only the worker reads, so it is not checked here."""
    if not request.lyrics or request.make_instrumental or request.continue_clip_id:
        return
    song = SongRequest(
        prompt=request.prompt,
        title=request.title,
        tags=request.tags,
        negative_tags=request.negative_tags,
        lyrics=request.lyrics,
        duration=request.duration,
        seed=request.seed or 0,
    )
    if is_singable(plan_song(song).score):
        return
    needed = shortest_singable(song, longest_duration)
    if needed is None:
        raise InvalidParameter(
            f"'lyrics' has more words than a song of {longest_duration:g} seconds can sing; "
            "send fewer lines.",
            param="lyrics",
        )
    raise InvalidParameter(
        f"These lyrics need a 'duration' of at least {needed:g} seconds to be sung; ask for "
        "that (or leave 'duration' out to fit the song to its words), or send fewer lines.",
        param="duration",
    )
