"""The default backends through the API: a sung song, lyrics, and a continuation."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mido
import pytest
import soundfile as sf
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import Bootstrapped
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer, run_pending

pytestmark = pytest.mark.slow


@pytest.fixture
def engine_services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "d", workers=0, public_base_url="http://testserver")
    services = build_services(settings)
    upgrade(services.engine)
    yield services
    services.close()


def test_song_lyrics_and_continuation(engine_services: Services) -> None:
    from decimal import Decimal

    from songforge.services.bootstrap import create_funded_organisation

    org: Bootstrapped = create_funded_organisation(
        engine_services.uow_factory, engine_services.clock, "e", Decimal(5)
    )
    app = create_app(engine_services.settings, services=engine_services)
    with TestClient(app) as client:
        headers = bearer(org.api_key)
        song = client.post(
            "/v1/music/generations",
            json={"prompt": "a country song about the open road", "duration": 30, "seed": 9},
            headers=headers,
        ).json()
        lyrics = client.post(
            "/v1/music/generations",
            json={"model": "suno_lyrics", "prompt": "the sea at night", "seed": 2},
            headers=headers,
        ).json()
        run_pending(engine_services)
        done = client.get(song["poll_url"], headers=headers).json()
        assert done["status"] == "completed", done
        for field in ("audio_url", "video_url", "image_url"):
            assert client.get(done[field]).status_code == 200
        assert done["metadata"]["style"] == "country"
        assert set(done["metadata"]["stems"]) == {"vocals", "instrumental"}
        for stem_url in done["metadata"]["stems"].values():
            stem = client.get(stem_url)
            assert stem.status_code == 200
            assert stem.headers["content-type"] == "audio/flac"
            assert stem_url.endswith(".flac")  # saved under a name players recognise
            assert stem.content[:4] == b"fLaC"
        lossless = client.get(done["metadata"]["lossless_url"])
        assert lossless.status_code == 200
        assert lossless.headers["content-type"] == "audio/flac"
        master = sf.info(io.BytesIO(lossless.content))
        assert master.samplerate == 44100
        assert master.channels == 2
        assert master.duration == pytest.approx(done["metadata"]["duration"], abs=0.5)
        assert done["metadata"]["lyrics_timing"][0]["start"] > 0
        assert done["metadata"]["style_match"] == {
            "style": "country",
            "word": "country",
            "source": "prompt",
        }
        _check_score_and_midi(client, done)
        assert done["lyrics"].startswith("[Verse 1]")
        text = client.get(lyrics["poll_url"], headers=headers).json()
        assert text["status"] == "completed"
        assert text["action"] == "LYRICS"
        assert text["title"]
        assert "[Chorus]" in text["lyrics"]
        assert "audio_url" not in text
        assert text["cost"] == "0.0100"
        more = client.post(
            "/v1/music/generations",
            json={
                "continue_clip_id": done["clip_id"],
                "continue_at": 12,
                "duration": 30,
                "seed": 4,
                # Direction, not a new subject: the song keeps its title and its words.
                "prompt": "keep going, add a final chorus",
            },
            headers=headers,
        ).json()
        run_pending(engine_services)
        continued = client.get(more["poll_url"], headers=headers).json()
        assert continued["status"] == "completed", continued
        assert continued["metadata"]["continued_from"]["clip_id"] == done["clip_id"]
        assert continued["metadata"]["bpm"] == done["metadata"]["bpm"]
        assert continued["title"] == done["title"]
        # The direction's words are not sung as a subject: the words are those the same
        # continuation gets with no direction at all ("keep" alone could be a line's word).
        plain = client.post(
            "/v1/music/generations",
            json={
                "continue_clip_id": done["clip_id"],
                "continue_at": 12,
                "duration": 30,
                "seed": 4,
            },
            headers=headers,
        ).json()
        run_pending(engine_services)
        undirected = client.get(plain["poll_url"], headers=headers).json()
        assert undirected["status"] == "completed", undirected
        assert continued["lyrics"] == undirected["lyrics"]
        audio = client.get(continued["audio_url"])
        slug = "-".join(done["title"].lower().split())
        assert f'filename="{slug}-' in audio.headers["content-disposition"]
        _check_score_and_midi(client, continued)


def _check_score_and_midi(client: TestClient, task: dict[str, Any]) -> None:
    """The score and MIDI file a song links to agree with its audio's metadata and with
    each other, as a karaoke or transcription tool would read them."""
    meta = task["metadata"]
    fetched = client.get(meta["score_url"])
    assert fetched.status_code == 200
    assert fetched.headers["content-type"].startswith("application/json")
    score = fetched.json()
    assert round(score["bpm"], 1) == meta["bpm"]
    assert score["key"] == meta["key"]
    assert score["mode"] == meta["mode"]
    assert score["duration"] == pytest.approx(meta["duration"], abs=0.1)
    # Every sung note has its pitch, time and lyric line; lines start where metadata says.
    first_syllable: dict[int, float] = {}
    for syllable in score["vocal"]:
        assert {"pitch", "start", "duration", "text", "line"} <= set(syllable)
        first_syllable.setdefault(syllable["line"], syllable["start"])
    starts = [line["start"] for line in meta["lyrics_timing"]]
    assert starts == [round(first_syllable[i], 3) for i in sorted(first_syllable)]
    parts = {track["role"]: track for track in score["tracks"]}
    assert set(meta["instruments"]) == set(parts) | {"vocal"}

    fetched = client.get(meta["midi_url"])
    assert fetched.status_code == 200
    assert fetched.headers["content-type"] == "audio/midi"
    midi = mido.MidiFile(file=io.BytesIO(fetched.content))
    meta_messages = {m.type: m for m in midi.tracks[0] if m.is_meta}
    # metadata rounds bpm to 0.1; MIDI stores a beat's length in whole microseconds
    midi_bpm = mido.tempo2bpm(meta_messages["set_tempo"].tempo)
    assert midi_bpm == pytest.approx(meta["bpm"], abs=0.06)
    assert midi_bpm == pytest.approx(score["bpm"], abs=0.01)
    # A mode is written with its parent scale's signature: D dorian with A minor's.
    tonic, mode = meta["key"].split()
    shift, minor = {"major": (0, ""), "minor": (0, "m"), "dorian": (7, "m"), "mixolydian": (5, "")}[
        mode
    ]
    names = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
    signature = names[(names.index(tonic) + shift) % 12] + minor
    assert meta_messages["key_signature"].key == signature
    last_note_end = max(
        [n["start"] + n["duration"] for t in score["tracks"] for n in t["notes"]]
        + [s["start"] + s["duration"] for s in score["vocal"]]
    )
    assert midi.length == pytest.approx(last_note_end, abs=0.05)
    assert midi.length <= meta["duration"]
    for track in midi.tracks[1:]:
        role = next(m.name for m in track if m.type == "track_name")
        notes = [m for m in track if m.type == "note_on" and m.velocity > 0]
        expected = len(score["vocal"]) if role == "vocal" else len(parts[role]["notes"])
        assert len(notes) == expected, role
        programs = [m.program for m in track if m.type == "program_change"]
        sound = meta["instruments"][role]
        assert programs == ([] if "kit" in sound else [sound["program"]]), role


def test_caller_lyrics_round_trip(engine_services: Services) -> None:
    from decimal import Decimal

    from songforge.services.bootstrap import create_funded_organisation

    org = create_funded_organisation(
        engine_services.uow_factory, engine_services.clock, "c", Decimal(5)
    )
    written = (
        "[Verse 1]\nMorning light upon the water\nI can hear the river call\n\n"
        "[Chorus]\nRiver, carry me\nRiver, set me free\n\n"
        "[Verse 2]\nEvery stone a little story\nEvery bend a place to fall"
    )
    app = create_app(engine_services.settings, services=engine_services)
    with TestClient(app) as client:
        headers = bearer(org.api_key)
        task = client.post(
            "/v1/music/generations",
            json={"prompt": "folk", "lyrics": written, "title": "River", "duration": 30},
            headers=headers,
        ).json()
        run_pending(engine_services)
        done = client.get(task["poll_url"], headers=headers).json()
    assert done["status"] == "completed", done
    assert done["lyrics"] == written
    assert done["title"] == "River"
    sung = [line["text"] for line in done["metadata"]["lyrics_timing"]]
    assert sung == [line for line in written.splitlines() if line and not line.startswith("[")]


@pytest.fixture
def engine_client(engine_services: Services) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A client of the engine-backed app, and the headers of a funded organisation's key."""
    from decimal import Decimal

    from songforge.services.bootstrap import create_funded_organisation

    org = create_funded_organisation(
        engine_services.uow_factory, engine_services.clock, "f", Decimal(5)
    )
    app = create_app(engine_services.settings, services=engine_services)
    with TestClient(app) as client:
        yield client, bearer(org.api_key)


def _full_song_lyrics(verses: int) -> str:
    verse = (
        "I walked along the river in the rain\nThe city lights were calling out my name\n"
        "I never thought that I would feel the same\nBut every road was leading back again"
    )
    chorus = "Hold on, hold on to me\nWe are the fire in the open sea"
    parts = [f"[Verse {i + 1}]\n{verse}\n\n[Chorus]\n{chorus}" for i in range(verses)]
    return "\n\n".join(parts)


def test_lyrics_too_long_for_the_duration_are_refused_up_front(
    engine_client: tuple[TestClient, dict[str, str]],
) -> None:
    client, headers = engine_client
    before = client.get("/v1/tasks", headers=headers).json()["data"]
    body = {"prompt": "pop", "lyrics": _full_song_lyrics(4), "duration": 30, "seed": 3}
    refused = client.post("/v1/music/generations", json=body, headers=headers)
    assert refused.status_code == 400, refused.text
    error = refused.json()["error"]
    assert (error["code"], error["param"]) == ("invalid_parameter", "duration")
    needed = float(error["message"].split("at least ")[1].split(" seconds")[0])
    assert 30 < needed <= 240
    assert client.get("/v1/tasks", headers=headers).json()["data"] == before
    # Far more words than any song can hold: the lyrics are what must change.
    body = {"prompt": "pop", "lyrics": _full_song_lyrics(40), "seed": 3}
    too_many = client.post("/v1/music/generations", json=body, headers=headers)
    assert too_many.status_code == 400
    assert too_many.json()["error"]["param"] == "lyrics"
    # The duration the error named is accepted, and the song is sung without a jumble.
    body = {"prompt": "pop", "lyrics": _full_song_lyrics(4), "duration": needed, "seed": 3}
    accepted = client.post("/v1/music/generations", json=body, headers=headers)
    assert accepted.status_code == 200, accepted.text


def test_song_without_duration_is_as_long_as_its_words_need() -> None:
    from songforge.engine.planning import SongRequest, is_singable, plan_song

    short = plan_song(SongRequest(prompt="pop", lyrics=_full_song_lyrics(1), seed=3))
    long = plan_song(SongRequest(prompt="pop", lyrics=_full_song_lyrics(5), seed=3))
    assert abs(short.score.duration - 120) < 1
    assert long.score.duration > 130
    assert is_singable(long.score)
    squeezed = plan_song(
        SongRequest(prompt="pop", lyrics=_full_song_lyrics(5), seed=3, duration=60)
    )
    assert not is_singable(squeezed.score)


def test_continuation_whose_words_cannot_fit_fails_clearly_and_costs_nothing(
    engine_client: tuple[TestClient, dict[str, str]], engine_services: Services
) -> None:
    client, headers = engine_client
    body = {"prompt": "a pop song", "duration": 30, "seed": 1}
    song = client.post("/v1/music/generations", json=body, headers=headers).json()
    run_pending(engine_services)
    clip = client.get(song["poll_url"], headers=headers).json()["clip_id"]
    words = "\n".join(["I walked along the river in the rain tonight"] * 40)
    body = {"continue_clip_id": clip, "lyrics": words, "duration": 30}
    created = client.post("/v1/music/generations", json=body, headers=headers)
    assert created.status_code == 200, created.text
    run_pending(engine_services)
    done = client.get(created.json()["poll_url"], headers=headers).json()
    assert done["status"] == "failed"
    assert done["error"]["code"] == "invalid_parameter"
    assert "at least" in done["error"]["message"]
    assert done.get("cost") in (None, "0.0000")
