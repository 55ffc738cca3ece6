"""The lyric sheet the built-in writer gives a request that sends only a prompt: its mood
and genre read from the prompt, as the engine reads them before it writes."""

from __future__ import annotations

from songforge.engine.lyricist.writer import STANDARD_FORM, LyricsDraft, write_lyrics
from songforge.engine.mood import read_feeling
from songforge.engine.styles import match_style


def requested_sheet(prompt: str, seed: int = 1) -> LyricsDraft:
    return write_lyrics(
        prompt,
        title=None,
        form=STANDARD_FORM,
        seed=seed,
        mood_hint=" ".join(read_feeling(prompt, None).names),
        genre=match_style(prompt, None, None).genre,
    )
