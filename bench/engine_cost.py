"""CPU cost of the engine per stage, for comparing versions on a busy shared machine.

Wall-clock real-time factors (bench/engine.py) move with whatever else the machine runs;
CPU seconds (this process's threads plus its children: ffmpeg, espeak-ng) much less. One
warm-up song, then a song with vocals and an instrumental, each `--duration` seconds;
prints JSON with wall and CPU seconds per stage and the real-time factors
(song seconds / seconds).

    .venv/bin/python bench/engine_cost.py [--duration 60] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

from songforge.engine.pipeline import Engine, SongRequest


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _song(engine: Engine, request: SongRequest) -> dict[str, Any]:
    marks: list[tuple[str, float, float]] = []

    def report(stage: str, percent: int) -> None:
        marks.append((stage, time.perf_counter(), _cpu()))

    started, cpu_started = time.perf_counter(), _cpu()
    with tempfile.TemporaryDirectory() as tmp:
        engine.make_song(request, Path(tmp), report)
    wall, cpu = time.perf_counter() - started, _cpu() - cpu_started
    stages = {
        name: {"wall": round(t2 - t1, 3), "cpu": round(c2 - c1, 3)}
        for (name, t1, c1), (_, t2, c2) in pairwise(marks)
    }
    duration = float(request.duration or 0)
    return {
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "wall_real_time_factor": round(duration / wall, 1),
        "cpu_real_time_factor": round(duration / cpu, 1),
        "stages": stages,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    engine = Engine()
    engine.warm()
    _song(engine, SongRequest(prompt="a pop song", duration=10, seed=99))
    vocals = SongRequest(
        prompt="An upbeat synth-pop song about city lights at night",
        title="City Lights",
        tags="synth-pop, upbeat",
        duration=args.duration,
        seed=args.seed,
    )
    instrumental = SongRequest(
        prompt="a calm lo-fi beat to study to",
        instrumental=True,
        duration=args.duration,
        seed=args.seed,
    )
    results = {"vocals": _song(engine, vocals), "instrumental": _song(engine, instrumental)}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
