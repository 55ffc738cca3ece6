"""Spectrogram pictures of audio files, as in docs/engine.md.

    .venv/bin/python bench/spectrograms.py IN.flac OUT.png --start 10 --seconds 4 \\
        [--top-hz 8000] [--label "text"]

Time runs left to right, frequency (0 to --top-hz, linear) bottom to top, level in dB
from -90 (black) to the loudest bin (white) through a warm palette.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import soundfile
from PIL import Image, ImageDraw
from scipy.signal import stft

WIDTH, HEIGHT = 800, 260


def picture(audio: np.ndarray, rate: int, top_hz: float, label: str) -> Image.Image:
    mono = audio if audio.ndim == 1 else audio.mean(axis=1)
    freqs, _, spectrum = stft(mono, fs=rate, nperseg=1024, noverlap=1024 - 128)
    db = 20 * np.log10(np.abs(spectrum[freqs <= top_hz]) + 1e-9)
    db -= db.max()
    level = np.clip((db + 90) / 90, 0, 1)[::-1]
    rgb = np.stack([level**0.6, level**1.6, level**3.5 * 0.7 + level * 0.15], axis=-1)
    image = Image.fromarray((rgb * 255).astype(np.uint8)).resize((WIDTH, HEIGHT))
    ImageDraw.Draw(image).text((8, 6), label, fill=(255, 255, 255))
    return image.quantize(colors=64)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--start", type=float, default=0.0)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--top-hz", type=float, default=8000.0)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    audio, rate = soundfile.read(str(args.source))
    piece = audio[int(args.start * rate) : int((args.start + args.seconds) * rate)]
    picture(piece, rate, args.top_hz, args.label).save(args.out, optimize=True)


if __name__ == "__main__":
    main()
