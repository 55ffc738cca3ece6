"""A genre chosen by the request's tags, not its prompt, colours the built-in writer's words
as much as one in the prompt: a LYRICS task tagged "blues" is a sad song."""

from __future__ import annotations

from pathlib import Path

from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import Action, StoredAsset
from songforge.ports import ProviderJob
from songforge.providers.lyricist_provider import LyricistProvider
from songforge.storage.memory import MemoryBlobStore
from tests.unit.written_lines import couplet_mood


def _no_assets(kind: str, data: bytes | Path, content_type: str) -> StoredAsset:
    raise AssertionError("a lyrics task stores no asset")


def _moods(tags: str, seed: int) -> list[str | None]:
    request = GenerationRequest(
        model="suno_lyrics",
        action=Action.LYRICS,
        operation="lyrics",
        prompt="a song about my old truck",
        tags=tags,
        seed=seed,
    )
    job = ProviderJob(
        task_id="t",
        request=request,
        seed=seed,
        report=lambda stage, percent: None,
        blobs=MemoryBlobStore(),
        save_asset=_no_assets,
    )
    lyrics = LyricistProvider().generate(job).lyrics
    assert lyrics is not None
    return [couplet_mood(line) for line in lyrics.splitlines() if line and line[0] != "["]


def test_tags_choose_the_genre_the_words_are_sung_in() -> None:
    for seed in (1, 2, 3):
        blues, reggae = _moods("blues", seed), _moods("reggae", seed)
        assert "dim" in blues, blues
        assert "bright" not in blues, blues
        assert "bright" in reggae, reggae
        assert "dim" not in reggae, reggae
