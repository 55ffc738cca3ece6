"""A continuation is the same song: it keeps the source's title, and new words written
for it stay on the source's subject, its own prompt being direction only."""

from __future__ import annotations

from pathlib import Path

from songforge.engine.lyric_text import format_lyrics
from songforge.engine.planning import Continuation, PlannedSong, SongRequest, plan_song

_SUBJECT = "a song about counting the stars on a summer night"
_TITLE = "星を数える"
_DIRECTION = "keep going, add a final chorus"


def _continuation(source: PlannedSong, *, title: str | None, prompt: str | None) -> Continuation:
    return Continuation(source.score.to_json(), Path("unused"), None, title=title, prompt=prompt)


def _words(planned: PlannedSong) -> str:
    return format_lyrics(planned.sections).lower()


def test_a_continuation_keeps_the_title_and_the_subject_of_its_source() -> None:
    source = plan_song(SongRequest(prompt=_SUBJECT, title=_TITLE, duration=40, seed=4))
    assert source.score.subject == _SUBJECT
    more = _continuation(source, title=_TITLE, prompt=_SUBJECT)
    continued = plan_song(SongRequest(prompt=_DIRECTION, seed=5, continuation=more))
    assert continued.title == _TITLE
    assert "keep" not in _words(continued)
    assert "star" in _words(continued)
    # The direction does not change the words: they are the source subject's.
    undirected = plan_song(SongRequest(seed=5, continuation=more))
    assert continued.sections == undirected.sections
    # ... and the merged score carries the subject on to a continuation of a continuation.
    assert continued.score.subject == _SUBJECT


def test_a_continuation_s_own_title_wins() -> None:
    source = plan_song(SongRequest(prompt=_SUBJECT, title=_TITLE, duration=40, seed=4))
    more = _continuation(source, title=_TITLE, prompt=_SUBJECT)
    named = plan_song(SongRequest(prompt=_DIRECTION, title="Last Light", seed=5, continuation=more))
    assert named.title == "Last Light"


def test_a_score_without_a_subject_falls_back_to_the_source_prompt() -> None:
    source = plan_song(SongRequest(prompt=_SUBJECT, duration=40, seed=4))
    source.score.subject = ""  # a score stored before scores kept their subject
    more = _continuation(source, title=source.title, prompt=_SUBJECT)
    continued = plan_song(SongRequest(prompt=_DIRECTION, seed=5, continuation=more))
    assert continued.title == source.title
    # The direction ("keep going, ...") is no subject: the words are those written
    # without it, about the source's stars.
    undirected = plan_song(SongRequest(seed=5, continuation=more))
    assert continued.sections == undirected.sections
    assert "star" in _words(continued)
    assert continued.score.subject == _SUBJECT


def test_an_instrumental_continuation_keeps_the_title() -> None:
    source = plan_song(
        SongRequest(prompt=_SUBJECT, title=_TITLE, instrumental=True, duration=40, seed=4)
    )
    more = _continuation(source, title=_TITLE, prompt=_SUBJECT)
    continued = plan_song(SongRequest(prompt=_DIRECTION, seed=5, continuation=more))
    assert continued.instrumental
    assert continued.title == _TITLE
    assert continued.sections == []


def test_caller_words_on_a_continuation_keep_the_title() -> None:
    source = plan_song(SongRequest(prompt=_SUBJECT, title=_TITLE, duration=40, seed=4))
    more = _continuation(source, title=_TITLE, prompt=_SUBJECT)
    words = "[Chorus]\nCount them all before the morning\nEvery star a quiet warning"
    continued = plan_song(SongRequest(prompt=_DIRECTION, lyrics=words, seed=5, continuation=more))
    assert continued.title == _TITLE
    assert continued.score.subject == _SUBJECT
