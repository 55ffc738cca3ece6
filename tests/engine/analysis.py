"""Standard analysis of rendered audio: librosa for tempo, key and pitch; pyloudnorm for
loudness. Nothing here reads the engine's own metadata."""

from __future__ import annotations

import subprocess
from pathlib import Path

import librosa
import numpy as np
import pyloudnorm
from scipy.signal import resample_poly

KEY_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
# Krumhansl-Kessler key profiles.
_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])


def decode(path: Path, rate: int = 44_100) -> np.ndarray:
    """Decoded with ffmpeg, as a player would: float32, shape (samples, channels)."""
    raw = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-i",
            str(path),
            "-f",
            "f32le",
            "-ac",
            "2",
            "-ar",
            str(rate),
            "-",
        ],
        check=True,
        capture_output=True,
    ).stdout
    return np.frombuffer(raw, dtype=np.float32).reshape(-1, 2)


def loudness(audio: np.ndarray, rate: int = 44_100) -> float:
    return float(pyloudnorm.Meter(rate).integrated_loudness(audio))


def true_peak_dbtp(audio: np.ndarray) -> float:
    peak = float(np.max(np.abs(resample_poly(audio, 4, 1, axis=0))))
    return float(20 * np.log10(max(peak, 1e-9)))


def longest_inner_silence(audio: np.ndarray, rate: int = 44_100, floor_db: float = -50) -> float:
    mono = audio.mean(axis=1)
    frame = rate // 20
    frames = len(mono) // frame
    rms = np.sqrt(np.mean(mono[: frames * frame].reshape(frames, frame) ** 2, axis=1))
    loud = 20 * np.log10(np.maximum(rms, 1e-9)) > floor_db
    idx = np.nonzero(loud)[0]
    if len(idx) == 0:
        return len(mono) / rate
    inner = loud[idx[0] : idx[-1] + 1]
    longest = run = 0
    for value in inner:
        run = 0 if value else run + 1
        longest = max(longest, run)
    return longest * frame / rate


def tempo(audio: np.ndarray, rate: int = 44_100) -> float:
    """librosa's beat tracker; the tempo is read from the span of the beats it finds, since
    its own tempo estimate moves in steps of about 2 % at pop tempos."""
    mono = librosa.resample(audio.mean(axis=1), orig_sr=rate, target_sr=22_050)
    bpm, beats = librosa.beat.beat_track(y=mono, sr=22_050, hop_length=256)
    times = librosa.frames_to_time(beats, sr=22_050, hop_length=256)
    if len(times) < 8:
        return float(np.atleast_1d(bpm)[0])
    intervals = np.diff(times)
    typical = np.median(intervals)
    steady = intervals[np.abs(intervals - typical) < 0.25 * typical]
    return float(60.0 / steady.mean())


def tempo_agrees(found: float, declared: float, tolerance: float = 0.02) -> bool:
    return any(abs(found - declared * f) <= declared * f * tolerance for f in (0.5, 1.0, 2.0))


def chroma(audio: np.ndarray, rate: int = 44_100) -> np.ndarray:
    """Mean constant-Q chroma over the whole audio: 12 values, C first."""
    mono = librosa.resample(audio.mean(axis=1), orig_sr=rate, target_sr=22_050)
    return np.asarray(librosa.feature.chroma_cqt(y=mono, sr=22_050).mean(axis=1))


def key_tonic(audio: np.ndarray, rate: int = 44_100) -> str:
    energy = chroma(audio, rate)
    best, best_score = "C", -2.0
    for tonic in range(12):
        for profile in (_MAJOR, _MINOR):
            score = float(np.corrcoef(energy, np.roll(profile, tonic))[0, 1])
            if score > best_score:
                best, best_score = KEY_NAMES[tonic], score
    return best


def note_pitch_errors(vocal: np.ndarray, notes: list[dict[str, float]], rate: int) -> list[float]:
    """Cents between each note's written pitch and the median sung pitch (pYIN)."""
    mono = vocal if vocal.ndim == 1 else vocal.mean(axis=1)
    y = librosa.resample(mono, orig_sr=rate, target_sr=16_000)
    f0, voiced, _ = librosa.pyin(y, fmin=70, fmax=500, sr=16_000, frame_length=1024, hop_length=160)
    times = librosa.times_like(f0, sr=16_000, hop_length=160)
    errors = []
    for note in notes:
        start, end = note["start"] + 0.05, note["start"] + note["duration"] - 0.03
        mask = (times >= start) & (times <= end) & voiced & ~np.isnan(f0)
        if mask.sum() < 3:
            errors.append(float("inf"))
            continue
        sung = librosa.hz_to_midi(np.median(f0[mask]))
        errors.append(abs(float(sung) - note["pitch"]) * 100)
    return errors


def held_pitch_share(
    vocal: np.ndarray, rate: int, spans: list[tuple[float, float]], hold: float = 0.1
) -> float:
    """Of the voiced frames (pYIN) inside `spans` (seconds), the share lying in a stretch
    of at least `hold` seconds whose pitch stays within a 50-cent band: near 1 for sung
    notes, low for speech, whose pitch glides all the time."""
    mono = vocal if vocal.ndim == 1 else vocal.mean(axis=1)
    y = librosa.resample(mono, orig_sr=rate, target_sr=16_000)
    f0, voiced, _ = librosa.pyin(y, fmin=70, fmax=500, sr=16_000, frame_length=1024, hop_length=160)
    times = librosa.times_like(f0, sr=16_000, hop_length=160)
    inside = np.zeros(len(times), dtype=bool)
    for start, end in spans:
        inside |= (times >= start) & (times < end)
    frames = inside & voiced & ~np.isnan(f0)
    cents = 1200 * np.log2(np.where(frames, f0, 440.0) / 440.0)
    width = max(2, round(hold * 100))  # frames of 10 ms
    held = np.zeros(len(times), dtype=bool)
    for i in range(len(times) - width + 1):
        window = slice(i, i + width)
        if frames[window].all() and np.ptp(cents[window]) <= 50:
            held[window] = True
    return float((held & frames).sum() / max(int(frames.sum()), 1))
