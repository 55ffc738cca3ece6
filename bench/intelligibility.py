"""How intelligible the singing voice is: word accuracy of an offline recogniser on the dry
vocal stem, against the same lines spoken by the voice before they are re-sung.

Each of the lines below is spoken by the engine's voice (`Voice.speak`, the speech that
singing starts from) and sung in songs planned from the same lines as caller lyrics
(`Voice.sing` on the planned score's notes, no band, no mix). Every line, spoken and sung,
is cut out (sung lines by `metadata.lyrics_timing`), resampled to 16 kHz and transcribed by
PocketSphinx with the US English acoustic and language models shipped in its wheel. Word
accuracy is 1 - (substitutions + deletions + insertions) / reference words, over all lines.
The ratio sung / spoken is the yardstick: how much of what the voice can say survives the
singing. PocketSphinx ships no other language's model, so only English is measured.

    .venv/bin/python bench/intelligibility.py [--seeds 3] [--style pop]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import time
from typing import Any

import numpy as np
from scipy.signal import resample_poly

from songforge.engine.lyric_timing import line_timings
from songforge.engine.planning import SongRequest, plan_song
from songforge.engine.voice import OUTPUT_RATE, VOICE_RATE, Voice

RECOGNISER_RATE = 16_000
LINES = (
    "I walked along the river in the rain",
    "The city lights are shining in the night",
    "We danced until the morning came",
    "Hold my hand and never let me go",
    "The summer sun is burning on the road",
    "I can hear you calling out my name",
    "Every door is open now",
    "We were young and we were free",
    "The stars are falling from the sky",
    "Take me home to where I belong",
    "I wrote a letter that I never sent",
    "The wind is cold across the water",
    "Nobody knows the way I feel",
    "We drove all night to see the sea",
    "My heart is beating like a drum",
    "The train is leaving from the station",
    "Tell me that you love me too",
    "I will wait for you tonight",
    "The music plays and we begin to sing",
    "A little bird is singing in the tree",
    "Give me one more day with you",
    "We never stop and we never rest",
    "The moon is bright above the town",
    "I found a song inside my heart",
)


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z' ]", " ", text.lower()).split()


def _errors(reference: list[str], heard: list[str]) -> int:
    """Word-level edit distance (substitutions + deletions + insertions)."""
    row = list(range(len(heard) + 1))
    for i, word in enumerate(reference, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(heard, 1):
            current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (word != other))
            previous = current
    return row[-1]


class _Recogniser:
    """Open vocabulary (the wheel's general English language model), or, with `lines`,
    a grammar that allows only those lines: the closed-set question "which line was it?"."""

    def __init__(self, lines: tuple[str, ...] | None = None) -> None:
        from pocketsphinx import Decoder  # bench dependency (the dev extra)

        self._decoder = Decoder(samprate=RECOGNISER_RATE, loglevel="FATAL")
        if lines:
            choices = " | ".join(" ".join(_words(line)) for line in lines)
            grammar = f"#JSGF V1.0;\ngrammar lines;\npublic <line> = {choices};\n"
            self._decoder.add_jsgf_string("lines", grammar)
            self._decoder.activate_search("lines")

    def transcribe(self, audio: np.ndarray, rate: int) -> list[str]:
        resampled = resample_poly(audio.astype(np.float64), RECOGNISER_RATE, rate)
        peak = float(np.max(np.abs(resampled))) or 1.0
        pcm = (resampled / peak * 0.9 * 32767).astype(np.int16)
        self._decoder.start_utt()
        self._decoder.process_raw(pcm.tobytes(), full_utt=True)
        self._decoder.end_utt()
        hypothesis = self._decoder.hyp()
        return _words(hypothesis.hypstr) if hypothesis is not None else []


def _accuracy(pairs: list[tuple[str, list[str]]]) -> float:
    """1 - word error rate (negative when the recogniser inserts more than there was)."""
    reference_words = sum(len(_words(text)) for text, _ in pairs)
    errors = sum(_errors(_words(text), heard) for text, heard in pairs)
    return 1.0 - errors / reference_words


def _lines_identified(pairs: list[tuple[str, list[str]]]) -> float:
    return sum(_words(text) == heard for text, heard in pairs) / len(pairs)


def _sheet(lines: tuple[str, ...]) -> str:
    stanzas = [lines[i : i + 4] for i in range(0, len(lines), 4)]
    return "\n\n".join(f"[Verse {n + 1}]\n" + "\n".join(s) for n, s in enumerate(stanzas))


Clip = tuple[str, np.ndarray, int]  # line, audio, sample rate


def _clips(voice: Voice, style: str, seeds: int) -> tuple[list[Clip], list[list[Clip]]]:
    """Each line spoken, and each line cut from the dry vocal stem of songs of every seed."""
    spoken = [(line, voice.speak(line), VOICE_RATE) for line in LINES]
    runs: list[list[Clip]] = []
    for seed in range(seeds):
        request = SongRequest(prompt=style, tags=style, lyrics=_sheet(LINES), seed=seed)
        score = plan_song(request).score
        stem = voice.sing(score.vocal, score.lines, score.duration, score.language)
        runs.append(
            [
                (
                    timing["text"],
                    stem[
                        int(timing["start"] * OUTPUT_RATE) : int(
                            (timing["end"] + 0.3) * OUTPUT_RATE
                        )
                    ],
                    OUTPUT_RATE,
                )
                for timing in line_timings(score)
            ]
        )
    return spoken, runs


def _measure(
    recogniser: _Recogniser, spoken_clips: list[Clip], sung_runs: list[list[Clip]]
) -> dict[str, Any]:
    spoken = [(text, recogniser.transcribe(audio, rate)) for text, audio, rate in spoken_clips]
    runs = [
        [(text, recogniser.transcribe(audio, rate)) for text, audio, rate in run]
        for run in sung_runs
    ]
    spoken_accuracy = _accuracy(spoken)
    sung_accuracy = statistics.median(_accuracy(run) for run in runs)
    return {
        "spoken_word_accuracy": round(spoken_accuracy, 3),
        "sung_word_accuracy_per_seed": [round(_accuracy(run), 3) for run in runs],
        "sung_word_accuracy_median": round(sung_accuracy, 3),
        "sung_over_spoken": round(sung_accuracy / spoken_accuracy, 3),
        "spoken_lines_identified": round(_lines_identified(spoken), 3),
        "sung_lines_identified_median": round(
            statistics.median(_lines_identified(run) for run in runs), 3
        ),
        "sung_examples": [{"line": text, "heard": " ".join(heard)} for text, heard in runs[0][:3]],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--style", default="pop")
    args = parser.parse_args()
    started = time.perf_counter()
    spoken, sung = _clips(Voice(), args.style, args.seeds)
    report = {
        "lines": len(LINES),
        "seeds": args.seeds,
        "style": args.style,
        "open_vocabulary": _measure(_Recogniser(), spoken, sung),
        "closed_set_of_lines": _measure(_Recogniser(LINES), spoken, sung),
        "seconds": round(time.perf_counter() - started, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
