"""The LYRICS action: the operator's chat backend when configured, else (and on any of its
failures) the built-in writer."""

from __future__ import annotations

from typing import Any

import httpx
import structlog

from songforge.domain.tasks import GenerationResult, Stage
from songforge.engine.language_id import detect_language
from songforge.engine.lyric_text import format_lyrics
from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics
from songforge.engine.mood import read_feeling
from songforge.engine.styles import match_style
from songforge.ports import ProviderJob
from songforge.providers.chat_lyrics import ChatSettings, UnusableLyrics, request_lyrics

log = structlog.get_logger("songforge.lyrics")


class LyricistProvider:
    name = "lyricist"

    def __init__(self, chat: ChatSettings | None = None) -> None:
        self._chat = chat
        # Loads the CMU dictionary, lemminflect's tables and the language model (~1-2 s) up
        # front, so the first task does not pay for them.
        write_lyrics("a song about the sea", title=None, form=STANDARD_FORM, seed=0)

    def generate(self, job: ProviderJob) -> GenerationResult:
        job.report(Stage.WRITING_LYRICS, 10)
        request = job.request
        prompt = request.prompt or ""
        if self._chat is not None:
            try:
                title, sections = request_lyrics(self._chat, prompt, request.title, request.tags)
                text = format_lyrics(sections)
                written = detect_language(" ".join(line for s in sections for line in s.lines))
                return GenerationResult(
                    title=request.title or title or sections[0].lines[0][:60],
                    lyrics=text,
                    metadata={
                        "sections": [s.name for s in sections],
                        "writer": "chat",
                        "lyrics_language": written.code if written else "en",
                    },
                )
            except (
                httpx.HTTPError,
                UnusableLyrics,
                KeyError,
                IndexError,
                TypeError,
                ValueError,
            ) as exc:
                log.warning("chat_lyrics_fell_back", task_id=job.task_id, reason=str(exc))
        draft = write_lyrics(
            prompt,
            title=request.title,
            form=STANDARD_FORM,
            seed=job.seed,
            mood_hint=" ".join(read_feeling(request.prompt, request.tags).names),
            genre=match_style(request.prompt, request.tags, request.negative_tags).genre,
        )
        metadata: dict[str, Any] = {
            "sections": [s.name for s in draft.sections],
            "writer": "built-in",
            "lyrics_language": draft.language,
        }
        if draft.notices:
            metadata["notices"] = list(draft.notices)
        return GenerationResult(
            title=draft.title, lyrics=format_lyrics(draft.sections), metadata=metadata
        )
