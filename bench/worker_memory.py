"""Memory of a worker process over many songs: resident size after each one.

One engine (as in a worker), songs with vocals and different words one after another;
prints the resident set size after each song and the growth from the second song on (the
first loads the SoundFont, the voice model and the dictionaries). Like a worker, it gives
freed memory back to the system after each song unless told not to.

    .venv/bin/python bench/worker_memory.py [--songs 12] [--duration 60] [--no-trim]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from songforge.engine.pipeline import Engine, SongRequest
from songforge.runtime.worker_process import open_libc, release_free_memory

PROMPTS = (
    "a pop song about the sea",
    "a rock song about the road",
    "a country song about going home",
    "a synth-pop song about city lights",
    "a folk song about the river",
    "an r&b song about a long night",
)


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--songs", type=int, default=12)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument(
        "--no-trim", action="store_true", help="skip malloc_trim after each song (workers do it)"
    )
    args = parser.parse_args()
    libc = None if args.no_trim else open_libc()
    engine = Engine()
    sizes = []
    for index in range(args.songs):
        request = SongRequest(
            prompt=f"{PROMPTS[index % len(PROMPTS)]}, take {index}",
            duration=args.duration,
            seed=index,
        )
        with tempfile.TemporaryDirectory() as tmp:
            engine.make_song(request, Path(tmp), lambda stage, percent: None)
        release_free_memory(libc)
        sizes.append(round(resident_mb(), 1))
    growth = sizes[-1] - sizes[1] if len(sizes) > 1 else 0.0
    print(
        json.dumps(
            {
                "songs": args.songs,
                "malloc_trim": not args.no_trim,
                "song_seconds": args.duration,
                "resident_mb_after_each": sizes,
                "growth_mb_from_second_song": round(growth, 1),
                "growth_mb_per_song": round(growth / max(1, len(sizes) - 2), 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
