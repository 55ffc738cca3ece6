"""Time per lyric set from the built-in writer (median over many prompts and seeds), English
and Spanish, prompts with a subject, a genre-only one and two that tell a story.

.venv/bin/python bench/lyrics.py [--sets 200]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

from songforge.engine.lyricist.writer import STANDARD_FORM, write_lyrics

PROMPTS = (
    "country song about a pickup truck and a dog",
    "a melancholic indie folk ballad about a lighthouse keeper",
    "una canción de amor en la playa",
    "lofi beat",
    "an upbeat synth-pop song about city lights at night",
    "a country song about driving home on an open road",
    "a sad ballad about saying goodbye",
    "a summer anthem about the beach",
    "a love song for an anniversary",
    "a rock song about fighting for your dreams",
    "a song about sailing across the ocean",
    "a lullaby about the moon and the stars",
    # Prompts that tell a story, sung in their own words (lyricist.prompt_facts).
    "Write a song about my dad, Tomasz, who drove a yellow taxi in Chicago from 1978 to 2004. "
    "He kept a rosary and a photo of my mom on the dashboard, and every night he stopped at "
    "the same diner on Halsted Street for cherry pie. He retired the year I graduated.",
    "Our team, the Riverside Hawks, lost every game in 2023. Coach Miller still bought us "
    "pizza after each one. In the last game of the season Jamal scored from half court and "
    "we finally won.",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", type=int, default=200)
    args = parser.parse_args()
    started = time.perf_counter()
    write_lyrics(PROMPTS[0], title=None, form=STANDARD_FORM, seed=0)  # loads CMUdict once
    first = time.perf_counter() - started
    times = []
    for index in range(args.sets):
        prompt = PROMPTS[index % len(PROMPTS)]
        started = time.perf_counter()
        write_lyrics(prompt, title=None, form=STANDARD_FORM, seed=index + 1)
        times.append(time.perf_counter() - started)
    times.sort()
    print(
        json.dumps(
            {
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
                f"Python {platform.python_version()}",
                "sets": args.sets,
                "first_set_ms_including_dictionary_load": round(first * 1000, 1),
                "median_ms": round(statistics.median(times) * 1000, 2),
                "p95_ms": round(times[int(len(times) * 0.95)] * 1000, 2),
                "max_ms": round(times[-1] * 1000, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
