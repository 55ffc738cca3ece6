"""The embedded engine as a provider: a ProviderJob in, stored assets and metadata out."""

from __future__ import annotations

import tempfile
from pathlib import Path

from songforge.domain.tasks import GenerationResult, Stage
from songforge.engine.pipeline import Continuation, Engine, LyricsDoNotFit
from songforge.engine.planning import LONGEST_SONG_SECONDS, LyricsNotSingable
from songforge.ports import ProviderFailure, ProviderJob
from songforge.providers.engine_checks import refusal, song_request, unsingable

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
                    title=job.source.title,
                    prompt=job.source.prompt,
                )
            try:
                song = self._engine.make_song(
                    song_request(request, job.seed, continuation),
                    workdir,
                    lambda stage, percent: job.report(_STAGES[stage], percent),
                )
            except LyricsDoNotFit as unfit:
                refused = refusal(unfit, LONGEST_SONG_SECONDS)
                raise ProviderFailure(refused.code, refused.message, retryable=False) from None
            except LyricsNotSingable as problem:
                unsung = unsingable(problem)
                raise ProviderFailure(unsung.code, unsung.message, retryable=False) from None
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
