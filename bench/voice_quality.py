"""How legato and how clean the sung voice is, over a set of songs.

Plans each song (style, words, score), sings its vocal stem with the engine's voice and
measures it with tests/engine/vocal_measures.py: the fraction of within-line syllable
joins with a silence over 30 ms, and the clicks found on the stem.

    .venv/bin/python bench/voice_quality.py [--songs 12] [--duration 45] [--save DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path

import soundfile
from tests.engine.vocal_measures import clicks, syllable_joins

from songforge.engine.planning import SongRequest, plan_song
from songforge.engine.voice import OUTPUT_RATE, Voice

PROMPTS = (
    ("An upbeat synth-pop song about city lights at night", "synth-pop, upbeat"),
    ("a melancholic indie folk ballad about a lighthouse keeper", "folk, acoustic, sad"),
    ("a rock song about the open road", "rock"),
    ("a children's song about counting stars", "children, happy, simple"),
    ("country song about a pickup truck and a dog", "country, upbeat"),
    ("a slow soul song about coming home", "r&b, soul"),
    ("a jazz tune about rain on the window", "jazz"),
    ("an edm anthem about dancing all night", "edm, energetic"),
    ("a blues song about losing the train", "blues"),
    ("a dreamy pop song about the ocean", "pop, dreamy"),
    ("a hip-hop track about the summer streets", "hip-hop"),
    ("a reggae song about the sun", "reggae"),
    ("an orchestral ballad about the mountains", "orchestral"),
    ("a latin song about a night of dancing", "latin"),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--songs", type=int, default=12)
    parser.add_argument("--duration", type=float, default=45.0)
    parser.add_argument("--save", type=Path, default=None)
    args = parser.parse_args()
    voice = Voice()
    rows = []
    total_joins = total_gaps = total_clicks = 0
    sung_seconds = 0.0
    for index in range(args.songs):
        prompt, tags = PROMPTS[index % len(PROMPTS)]
        request = SongRequest(prompt=prompt, tags=tags, duration=args.duration, seed=100 + index)
        score = plan_song(request).score
        started = time.perf_counter()
        stem = voice.sing(score.vocal, score.lines, score.duration)
        sung_seconds += time.perf_counter() - started
        syllables = [asdict(s) for s in score.vocal]
        joins = syllable_joins(stem, OUTPUT_RATE, syllables)
        found = clicks(stem, OUTPUT_RATE, syllables)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            soundfile.write(str(args.save / f"vocal_{index:02d}.flac"), stem, OUTPUT_RATE)
            (args.save / f"score_{index:02d}.json").write_text(score.to_json())
        total_joins += joins.joins
        total_gaps += joins.gaps
        total_clicks += len(found)
        rows.append(
            {
                "prompt": prompt,
                "style": score.style,
                "joins": joins.joins,
                "gap_fraction": round(joins.gap_fraction, 3),
                "clicks": len(found),
                "first_clicks": [c.time for c in found[:5]],
            }
        )
    summary = {
        "songs": args.songs,
        "joins": total_joins,
        "gap_fraction": round(total_gaps / max(1, total_joins), 3),
        "clicks": total_clicks,
        "singing_seconds": round(sung_seconds, 2),
        "songs_detail": rows,
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
