"""Mix and master: a vocal chain, a bus, and loudness to -14 LUFS under -1 dBTP."""

from __future__ import annotations

import numpy as np
import pedalboard
import pyloudnorm
from scipy.signal import resample_poly

TARGET_LUFS = -14.0
CEILING_DBTP = -1.0


def vocal_chain(vocal: np.ndarray, rate: int) -> np.ndarray:
    board = pedalboard.Pedalboard(
        [
            pedalboard.HighpassFilter(cutoff_frequency_hz=110),
            pedalboard.Compressor(threshold_db=-20, ratio=3.5, attack_ms=5, release_ms=120),
            pedalboard.PeakFilter(cutoff_frequency_hz=3000, gain_db=2.5, q=0.8),
            pedalboard.Reverb(room_size=0.35, wet_level=0.16, dry_level=0.9, width=0.8),
        ]
    )
    stereo = np.stack([vocal, vocal]).astype(np.float32)
    return np.asarray(board(stereo, rate)).T


def backing_chain(backing: np.ndarray, rate: int) -> np.ndarray:
    """The backing voice, stereo: thinner and wetter than the lead, and doubled wide, the
    left side dry and the right 18 ms later, so it sits to the sides and behind."""
    board = pedalboard.Pedalboard(
        [
            pedalboard.HighpassFilter(cutoff_frequency_hz=180),
            pedalboard.Compressor(threshold_db=-22, ratio=3.0, attack_ms=5, release_ms=120),
            pedalboard.Reverb(room_size=0.5, wet_level=0.28, dry_level=0.8, width=1.0),
        ]
    )
    wet = np.asarray(board(np.stack([backing, backing]).astype(np.float32), rate))
    delay = round(0.018 * rate)
    right = np.concatenate([np.zeros(delay, dtype=np.float32), wet[1, : len(backing) - delay]])
    # The two sides together carry the mono backing's power.
    return np.stack([wet[0], right]).T * np.float32(np.sqrt(0.5) * 1.2)


def true_peak_db(audio: np.ndarray, block: int = 4096, candidates: int = 48) -> float:
    """4x-oversampled peak, computed around the loudest blocks only (inter-sample peaks
    live next to sample peaks), which is far cheaper than oversampling the whole song."""
    frames = len(audio) // block
    if frames < candidates:
        oversampled = resample_poly(audio, 4, 1, axis=0)
        return float(20 * np.log10(max(float(np.max(np.abs(oversampled))), 1e-9)))
    peaks = np.abs(audio[: frames * block]).reshape(frames, block, -1).max(axis=(1, 2))
    loudest = np.argsort(peaks)[-candidates:]
    peak = float(np.max(np.abs(audio[frames * block :]))) if len(audio) > frames * block else 0.0
    for index in loudest:
        start = max(0, index * block - 64)
        piece = resample_poly(audio[start : start + block + 128], 4, 1, axis=0)
        peak = max(peak, float(np.max(np.abs(piece))))
    return float(20 * np.log10(max(peak, 1e-9)))


def _limit(audio: np.ndarray, threshold_db: float, rate: int) -> np.ndarray:
    # JUCE's limiter adds make-up gain equal to -threshold; take it back off so that the
    # limiter only shaves peaks.
    limiter = pedalboard.Pedalboard([pedalboard.Limiter(threshold_db=threshold_db, release_ms=60)])
    limited = np.asarray(limiter(audio.T.astype(np.float32).copy(), rate)).T
    return np.asarray(limited * 10 ** (threshold_db / 20))


def master(
    instruments: np.ndarray,
    vocal: np.ndarray | None,
    rate: int,
    backing: np.ndarray | None = None,
) -> np.ndarray:
    """Sums the stems (the lead `vocal` in the middle, `backing` vocals, mono and at their
    level under the lead, to the sides), compresses, then sets -14 LUFS with true peak
    under -1 dBTP."""
    mix = instruments.astype(np.float32)
    if vocal is not None:
        sung = vocal_chain(vocal, rate)
        n = min(len(mix), len(sung))
        active = np.abs(sung[:n]).max(axis=1) > 1e-3
        band_rms = float(np.sqrt(np.mean(mix**2))) + 1e-9
        voice_rms = float(np.sqrt(np.mean(sung[:n][active] ** 2))) + 1e-9 if active.any() else 1.0
        # The voice sits on top of the band, about 1 dB over its average level.
        gain = 1.1 * band_rms / voice_rms
        mix[:n] += sung[:n] * gain
        if backing is not None and np.any(backing):
            sides = backing_chain(backing, rate)
            m = min(len(mix), len(sides))
            mix[:m] += sides[:m] * gain
    bus = pedalboard.Pedalboard(
        [
            pedalboard.HighpassFilter(cutoff_frequency_hz=30),
            pedalboard.Compressor(threshold_db=-16, ratio=2.5, attack_ms=15, release_ms=200),
        ]
    )
    mixed = np.asarray(bus(mix.T.copy(), rate)).T
    meter = pyloudnorm.Meter(rate)
    mixed = mixed * 10 ** ((TARGET_LUFS - meter.integrated_loudness(mixed)) / 20)
    threshold = -1.5
    result = mixed
    for _ in range(6):
        result = _limit(mixed, threshold, rate)
        result = result * 10 ** ((TARGET_LUFS - meter.integrated_loudness(result)) / 20)
        peak = true_peak_db(result)
        if peak <= CEILING_DBTP - 0.1:
            break
        threshold -= peak - (CEILING_DBTP - 0.2)
    clipped: np.ndarray = np.clip(result, -1.0, 1.0).astype(np.float32)
    return clipped
