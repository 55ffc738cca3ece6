"""Is this really audio? Decodes a caller's file completely before songforge accepts it.

libsndfile (through soundfile) reads WAV, FLAC, Ogg (Vorbis, Opus), MP3 and AIFF from
memory; it never opens other files or the network, unlike a general demuxer that follows
playlists. Every frame is decoded, so a file with a valid header and a broken body is refused
too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

# libsndfile major format -> (our name, content type)
_FORMATS = {
    "WAV": ("wav", "audio/wav"),
    "WAVEX": ("wav", "audio/wav"),
    "RF64": ("wav", "audio/wav"),
    "FLAC": ("flac", "audio/flac"),
    "OGG": ("ogg", "audio/ogg"),
    "MP3": ("mp3", "audio/mpeg"),
    "AIFF": ("aiff", "audio/aiff"),
}
ACCEPTED_FORMATS = "mp3, wav, flac, ogg (Vorbis or Opus), aiff"
_MIN_SECONDS = 1.0


class NotAudio(Exception):
    """The bytes are not audio songforge can use; `reason` is a sentence for the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AudioFacts:
    format: str  # mp3 | wav | flac | ogg | aiff
    content_type: str
    duration: float  # seconds
    sample_rate: int  # Hz
    channels: int


def inspect_audio(data: bytes, max_seconds: float) -> AudioFacts:
    """Decodes `data` fully. Raises NotAudio when it is not one of ACCEPTED_FORMATS, does not
    decode to the end, holds non-finite samples, or lasts under 1 s or over `max_seconds`."""
    # Imported here: the API and CLI start without loading numpy until audio arrives.
    import numpy as np
    import soundfile as sf

    try:
        with sf.SoundFile(io.BytesIO(data)) as audio:
            kind = _FORMATS.get(audio.format)
            if kind is None:
                raise NotAudio(f"Audio must be one of: {ACCEPTED_FORMATS}.")
            rate, channels = int(audio.samplerate), int(audio.channels)
            if rate <= 0 or channels <= 0:
                raise NotAudio("The file holds no audio.")
            limit = int(max_seconds * rate) + rate
            frames = 0
            for block in audio.blocks(blocksize=65_536, dtype="float32", always_2d=True):
                if not np.isfinite(block).all():
                    raise NotAudio("The audio holds invalid samples.")
                frames += len(block)
                if frames > limit:
                    break
    except NotAudio:
        raise
    except (sf.LibsndfileError, RuntimeError, ValueError, TypeError) as exc:
        raise NotAudio(
            f"The file could not be decoded as audio ({ACCEPTED_FORMATS} accepted)."
        ) from exc
    duration = frames / rate
    if duration > max_seconds:
        raise NotAudio(f"The audio is longer than {max_seconds:g} seconds.")
    if duration < _MIN_SECONDS:
        raise NotAudio(f"The audio is shorter than {_MIN_SECONDS:g} second.")
    return AudioFacts(kind[0], kind[1], round(duration, 3), rate, channels)
