"""Real-time factors of the embedded engine, end to end inside a worker process.

For a 2-minute song with vocals and a 2-minute instrumental: claim the task, run the
engine provider, store every asset, settle — timed per run, median of several runs, with
the engine's per-stage breakdown.

    .venv/bin/python bench/engine.py [--runs 3] [--duration 120]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from songforge.db.migrate import upgrade
from songforge.engine.pipeline import Engine, SongRequest
from songforge.services.bootstrap import create_funded_organisation
from songforge.services.create_task import create_task
from songforge.services.credentials import INFERENCE, authenticate
from songforge.services.run_task import claim_next, execute
from songforge.settings import Settings
from songforge.wiring import build_services


def _end_to_end(body: dict[str, Any], runs: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(Settings(data_dir=Path(tmp), workers=0))
        upgrade(services.engine)
        org = create_funded_organisation(services.uow_factory, services.clock, "b", Decimal(100))
        key = authenticate(services.uow_factory, services.clock, f"Bearer {org.api_key}", INFERENCE)
        ctx = services.run_context()
        # Warm the worker once, as a running worker is: SoundFont and voice loaded.
        warm = create_task(services.create_context(), key, {**body, "duration": 30}, "r", None)
        task = claim_next(ctx, "bench", 600)
        assert task is not None
        assert task.id == warm.task.id
        execute(ctx, task, "bench")
        times = []
        for index in range(runs):
            create_task(services.create_context(), key, {**body, "seed": index}, "r", None)
            started = time.perf_counter()
            task = claim_next(ctx, "bench", 600)
            assert task is not None
            assert execute(ctx, task, "bench"), "task did not complete"
            times.append(time.perf_counter() - started)
        services.close()
    return times


def _stages(request: SongRequest, runs: int) -> dict[str, float]:
    engine = Engine()
    per_stage: dict[str, list[float]] = {}
    for index in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            song = engine.make_song(
                SongRequest(**{**request.__dict__, "seed": index}), Path(tmp), lambda s, p: None
            )
        for stage, seconds in song.stage_seconds.items():
            per_stage.setdefault(stage, []).append(seconds)
    return {stage: round(statistics.median(v), 3) for stage, v in per_stage.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=float, default=120.0)
    args = parser.parse_args()
    cases: dict[str, tuple[dict[str, Any], SongRequest]] = {
        "vocals": (
            {
                "prompt": "An upbeat synth-pop song about city lights at night",
                "title": "City Lights",
                "tags": "synth-pop, upbeat",
            },
            SongRequest(
                prompt="An upbeat synth-pop song about city lights at night",
                title="City Lights",
                tags="synth-pop, upbeat",
                duration=args.duration,
            ),
        ),
        "instrumental": (
            {"prompt": "a calm lo-fi beat to study to", "make_instrumental": True},
            SongRequest(
                prompt="a calm lo-fi beat to study to", instrumental=True, duration=args.duration
            ),
        ),
    }
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs"
    results: dict[str, Any] = {
        "machine": f"{machine}, Python {platform.python_version()}",
        "song_seconds": args.duration,
    }
    for name, (body, request) in cases.items():
        times = _end_to_end({"model": "suno_music", **body, "duration": args.duration}, args.runs)
        median = statistics.median(times)
        results[name] = {
            "runs_seconds": [round(t, 2) for t in times],
            "median_seconds": round(median, 2),
            "real_time_factor": round(args.duration / median, 1),
            "stage_seconds_median": _stages(request, args.runs),
        }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
