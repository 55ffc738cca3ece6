"""What every song must measure, on real rendered audio, with standard analysis code."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import numpy as np
import pytest
import soundfile
from PIL import Image

from songforge.engine.pipeline import Engine, SongRequest
from tests.engine import analysis

VOCAL = SongRequest(
    prompt="An upbeat synth-pop song about city lights at night",
    title="City Lights",
    tags="synth-pop, upbeat",
    duration=60,
    seed=7,
)
INSTRUMENTAL = SongRequest(
    prompt="a calm lo-fi beat to study to", instrumental=True, duration=45, seed=3
)
OWN_LYRICS = SongRequest(
    prompt="a folk song",
    tags="folk",
    lyrics=(
        "[Verse]\nWalking down the river in the morning\nEvery stone is shining in the sun\n\n"
        "[Chorus]\nCarry me home\nCarry me home to the valley\n"
    ),
    duration=40,
    seed=11,
)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "request_", [VOCAL, INSTRUMENTAL, OWN_LYRICS], ids=["vocal", "inst", "own"]
)
def test_duration_loudness_peak_and_no_gaps(render: Any, request_: SongRequest) -> None:
    song = render(request_)
    audio = analysis.decode(song.file("audio"))
    seconds = len(audio) / 44_100
    assert abs(seconds - request_.duration) <= 0.05 * request_.duration  # type: ignore[operator]
    assert abs(analysis.loudness(audio) - (-14.0)) <= 1.0
    assert analysis.true_peak_dbtp(audio) <= -1.0
    assert analysis.longest_inner_silence(audio) <= 2.0
    assert abs(song.output.metadata["duration"] - seconds) < 0.1


@pytest.mark.parametrize("request_", [VOCAL, INSTRUMENTAL], ids=["vocal", "inst"])
def test_tempo_and_key_agree_with_metadata(render: Any, request_: SongRequest) -> None:
    song = render(request_)
    audio = analysis.decode(song.file("audio"))
    assert analysis.tempo_agrees(analysis.tempo(audio), song.output.metadata["bpm"])
    assert analysis.key_tonic(audio) == song.output.metadata["key"].split()[0]


def test_sung_notes_follow_the_score(render: Any) -> None:
    song = render(VOCAL)
    vocal, rate = soundfile.read(str(song.file("stem_vocals")))
    notes = song.score()["vocal"]
    errors = np.array(analysis.note_pitch_errors(vocal, notes, rate))
    assert len(errors) > 40
    assert float(np.mean(errors <= 50)) >= 0.85


def test_every_lyric_line_is_sung_in_order(render: Any) -> None:
    for request_ in (VOCAL, OWN_LYRICS):
        song = render(request_)
        vocal, rate = soundfile.read(str(song.file("stem_vocals")))
        timing = song.output.metadata["lyrics_timing"]
        starts = [line["start"] for line in timing]
        assert starts == sorted(starts)
        sung_lines = [line["text"] for line in timing]
        written = [
            line
            for line in (song.output.lyrics or "").splitlines()
            if line and not line.startswith("[")
        ]
        # Every written line is sung, in the written order.
        assert sung_lines == written[: len(sung_lines)]
        assert len(sung_lines) == len(written)
        for line in timing:
            window = vocal[int(line["start"] * rate) : int((line["start"] + 1.0) * rate)]
            assert float(np.sqrt(np.mean(window**2))) > 0.01, line


def test_caller_lyrics_are_sung_as_written(render: Any) -> None:
    song = render(OWN_LYRICS)
    assert song.output.lyrics == (
        "[Verse]\nWalking down the river in the morning\nEvery stone is shining in the sun\n\n"
        "[Chorus]\nCarry me home\nCarry me home to the valley"
    )
    assert song.output.title == "Carry Me Home"


def test_progress_reports_stages_forward(render: Any) -> None:
    song = render(VOCAL)
    names = [s for s, _ in song.stages]
    assert names == [
        "writing_lyrics",
        "composing",
        "rendering",
        "singing",
        "mixing",
        "encoding",
        "done",
    ]
    percents = [p for _, p in song.stages]
    assert percents == sorted(percents)
    assert "singing" not in [s for s, _ in render(INSTRUMENTAL).stages]


def _probe(path: Any) -> dict[str, Any]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out))


def test_files_decode_and_have_the_right_shape(render: Any) -> None:
    song = render(VOCAL)
    mp3 = _probe(song.file("audio"))
    [audio_stream] = mp3["streams"]
    assert audio_stream["codec_name"] == "mp3"
    assert int(audio_stream["sample_rate"]) == 44_100
    assert audio_stream["channels"] == 2
    assert int(mp3["format"]["bit_rate"]) >= 190_000
    mp4 = _probe(song.file("video"))
    codecs = sorted(s["codec_name"] for s in mp4["streams"])
    assert codecs == ["aac", "h264"]
    audio_seconds = float(mp3["format"]["duration"])
    assert abs(float(mp4["format"]["duration"]) - audio_seconds) <= 0.1
    with Image.open(song.file("image")) as cover:
        assert cover.format == "PNG"
        assert cover.size[0] >= 1024
        assert cover.size[1] >= 1024
        pixels = np.asarray(cover.convert("RGB").resize((32, 32))).reshape(-1, 3)
        assert len(np.unique(pixels, axis=0)) > 50


def test_same_seed_same_bytes_other_seed_other_song(engine: Any, tmp_path: Any) -> None:
    request = SongRequest(prompt="a rock song about the open road", duration=30, seed=42)
    other_request = SongRequest(prompt="a rock song about the open road", duration=30, seed=43)

    def make(name: str, song: SongRequest, on: Any) -> Any:
        workdir = tmp_path / name
        workdir.mkdir()
        return on.make_song(song, workdir, lambda s, p: None)

    # As on two workers: one busy with other songs before, one that starts with this song.
    other = make("other", other_request, engine)
    outputs = [make("busy", request, engine), make("fresh", request, Engine())]
    first, second = (o.files["audio"][0].read_bytes() for o in outputs)
    assert first == second
    assert other.files["audio"][0].read_bytes() != first
    a, b = outputs[0].metadata, other.metadata
    assert (a["bpm"], a["key"]) != (b["bpm"], b["key"]) or outputs[0].lyrics != other.lyrics
