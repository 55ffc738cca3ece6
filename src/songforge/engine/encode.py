"""Encoding with Debian's ffmpeg: MP3 for listening, MP4 with the cover and a moving visual."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import soundfile


def write_wav(path: Path, audio: np.ndarray, rate: int) -> None:
    soundfile.write(str(path), audio, rate, subtype="PCM_16")


def write_flac(path: Path, audio: np.ndarray, rate: int) -> None:
    soundfile.write(str(path), audio, rate, format="FLAC", subtype="PCM_16")


def _ffmpeg_command(*args: str) -> list[str]:
    return ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args]


def _ffmpeg(*args: str) -> None:
    subprocess.run(_ffmpeg_command(*args), check=True, capture_output=True, timeout=600)


def encode_mp3(wav: Path, out: Path, title: str) -> None:
    _ffmpeg(
        "-i",
        str(wav),
        "-codec:a",
        "libmp3lame",
        "-b:a",
        "192k",
        "-ar",
        "44100",
        "-ac",
        "2",
        "-metadata",
        f"title={title}",
        "-metadata",
        "artist=songforge",
        str(out),
    )


def encode_mp4(wav: Path, cover: Path, out: Path, duration: float) -> None:
    """The cover with the waveform drawn live over its lower part; H.264 and AAC.

    The picture and the sound are encoded by two ffmpeg processes at once (each is mostly
    single-threaded work) and then put in one file without re-encoding.
    """
    video, sound = out.with_suffix(".video.mp4"), out.with_suffix(".m4a")
    command = _ffmpeg_command(*_video_args(wav, cover, video, duration))
    picture = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _ffmpeg(*_aac_args(wav, sound, duration))
    finally:
        _, errors = picture.communicate(timeout=600)
    if picture.returncode != 0:
        raise subprocess.CalledProcessError(picture.returncode, command, stderr=errors)
    _ffmpeg(
        "-i",
        str(video),
        "-i",
        str(sound),
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-c",
        "copy",
        "-movflags",
        "+faststart",
        str(out),
    )
    video.unlink()
    sound.unlink()


def _video_args(wav: Path, cover: Path, out: Path, duration: float) -> list[str]:
    graph = (
        "[1:a]aresample=8000,showwaves=s=480x96:mode=cline:rate=8:colors=white@0.85,"
        "format=rgba[w];[0:v][w]overlay=0:370:shortest=1,format=yuv420p[v]"
    )
    return [
        "-loop",
        "1",
        "-framerate",
        "8",
        "-i",
        str(cover),
        "-i",
        str(wav),
        "-filter_complex",
        graph,
        "-map",
        "[v]",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-tune",
        "stillimage",
        "-crf",
        "30",
        "-r",
        "8",
        "-t",
        f"{duration:.3f}",
        str(out),
    ]


def _aac_args(wav: Path, out: Path, duration: float) -> list[str]:
    return [
        "-i",
        str(wav),
        "-c:a",
        "aac",
        "-aac_coder",
        "fast",  # half the time of the default coder, indistinguishable at 128 kb/s
        "-b:a",
        "128k",
        "-t",
        f"{duration:.3f}",
        str(out),
    ]
