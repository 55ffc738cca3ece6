"""The embedded engine as a provider: a ProviderJob in, stored assets and metadata out."""

from __future__ import annotations

import tempfile
from pathlib import Path

from songforge.domain.tasks import GenerationResult, Stage
from songforge.engine.pipeline import (
    Continuation,
    Engine,
    LyricsDoNotFit,
    SongOutput,
    SongRequest,
)
from songforge.ports import ProviderFailure, ProviderJob

_STAGES = {stage.value: stage for stage in Stage}


class EngineProvider:
    name = "engine"

    def __init__(self, engine: Engine | None = None) -> None:
        self._engine = engine or Engine()
        self._engine.warm()

    def generate(self, job: ProviderJob) -> GenerationResult:
        request = job.request
        with tempfile.TemporaryDirectory(prefix="songforge-") as tmp:
            workdir = Path(tmp)
            continuation = None
            if job.source is not None:
                score = job.source.assets.get("score")
                master = job.source.assets.get("master")
                if score is None or master is None:
                    raise ProviderFailure(
                        "clip_not_found",
                        "This clip cannot be continued: it has no stored score.",
                        retryable=False,
                    )
                master_path = workdir / "source.flac"
                master_path.write_bytes(job.blobs.get_bytes(master.storage_key))
                continuation = Continuation(
                    score_json=job.blobs.get_bytes(score.storage_key).decode("utf-8"),
                    master_path=master_path,
                    continue_at=request.continue_at,
                )
            try:
                song = self._make(job, workdir, continuation)
            except LyricsDoNotFit as refused:
                raise ProviderFailure(
                    "invalid_parameter",
                    _too_long_message(refused.needed),
                    retryable=False,
                ) from None
            assets = [
                job.save_asset(kind, path, content_type)
                for kind, (path, content_type) in song.files.items()
            ]
        metadata = dict(song.metadata)
        metadata["tags"] = request.tags
        if job.source is not None and "continued_from" in metadata:
            metadata["continued_from"] = {
                "clip_id": job.source.clip_id,
                **metadata["continued_from"],
            }
        return GenerationResult(song.title, song.lyrics, metadata, assets)

    def _make(
        self, job: ProviderJob, workdir: Path, continuation: Continuation | None
    ) -> SongOutput:
        request = job.request
        return self._engine.make_song(
            SongRequest(
                prompt=request.prompt,
                title=request.title,
                tags=request.tags,
                negative_tags=request.negative_tags,
                lyrics=request.lyrics,
                instrumental=request.make_instrumental,
                duration=request.duration,
                seed=job.seed,
                continuation=continuation,
            ),
            workdir,
            lambda stage, percent: job.report(_STAGES[stage], percent),
        )


def _too_long_message(needed: float | None) -> str:
    if needed is None:
        return "The new lyrics have more words than a part of up to 240 seconds can sing."
    return f"The new lyrics need a 'duration' of at least {needed:g} seconds to be sung."
