"""A caller's sheet with spoken sections and backing words, rendered and measured from the
outside: the spoken lines have no held sung pitch while the sung ones do, and the backing
voice is heard, under the lead, in the times the metadata gives its lines."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import soundfile

from songforge.engine.pipeline import SongRequest
from tests.engine import analysis

SHEET = SongRequest(
    prompt="a folk song",
    lyrics=(
        "[Intro: spoken]\nListen, this is how it all began\n"
        "She said the night was only ours to keep\n\n"
        "[Verse 1]\nMorning light upon the water\nI can hear the river call (river call)\n"
        "(ooh, hold on)\nEvery stone a little story\n\n"
        "[Rap]\nI been walking down the line with the rhythm in my feet\n"
        "Every corner of the city got a story I can keep\n\n"
        "[Chorus]\nCarry me home\nCarry me down to the sea (to the sea)"
    ),
    duration=60,
    seed=5,
)

pytestmark = pytest.mark.slow


def _spans(song: Any, **flags: bool) -> list[tuple[float, float]]:
    timing = song.output.metadata["lyrics_timing"]
    return [
        (line["start"], line["end"])
        for line in timing
        if all(line[name] == value for name, value in flags.items())
    ]


def test_spoken_lines_have_no_held_pitch_and_sung_lines_do(render: Any) -> None:
    song = render(SHEET)
    vocal, rate = soundfile.read(str(song.file("stem_vocals")), dtype="float32")
    spoken = _spans(song, spoken=True)
    sung = _spans(song, spoken=False, backing=False)
    assert len(spoken) == 4  # the intro's two lines and the rap's two
    for start, end in spoken:
        window = vocal[int(start * rate) : int(end * rate)]
        assert float(np.sqrt(np.mean(window**2))) > 0.01  # the lines are heard
    assert analysis.held_pitch_share(vocal, rate, spoken) < 0.6
    assert analysis.held_pitch_share(vocal, rate, sung) > 0.85
    assert "notices" not in song.output.metadata


def test_backing_words_are_heard_in_their_lines_under_the_lead(render: Any) -> None:
    song = render(SHEET)
    vocal, rate = soundfile.read(str(song.file("stem_vocals")), dtype="float32")
    backing = _spans(song, backing=True)
    assert len(backing) == 3  # "river call", "ooh, hold on", "to the sea"

    def level(spans: list[tuple[float, float]]) -> float:
        inside = np.concatenate([vocal[int(a * rate) : int(b * rate)] for a, b in spans])
        size = rate // 20
        count = len(inside) // size
        rms = np.sqrt(np.mean(inside[: count * size].reshape(count, size) ** 2, axis=1))
        return float(20 * np.log10(np.median(rms[rms > rms.max() / 31.6])))

    lead = _spans(song, spoken=False, backing=False)
    for span in backing:
        assert level([span]) > -40.0
    assert level(lead) - 9 < level(backing) < level(lead) - 3
    audio = analysis.decode(song.file("audio"))
    assert abs(analysis.loudness(audio) - (-14.0)) <= 1.0
    assert analysis.true_peak_dbtp(audio) <= -1.0
