"""Caller lyrics through the API with the engine: every marker spelling round-trips, the
words are timed for karaoke against the returned text (and the voice is heard inside those
times), backing words are sung by the backing voice, a spoken intro is spoken, Spanish is
sung, and lyrics the voice cannot sing are refused before anything is reserved."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
import soundfile
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer, run_pending

# Every spelling of a section marker callers use, once each, with a backing line, an inline
# echo and a wordless line. Written with odd spacing and casing on purpose: it must come back
# byte for byte.
EVERY_SPELLING = """[Intro: spoken]
Here we go again tonight

[VERSE]
Morning light upon the water
I can hear the river call (river call)

[Pre-Chorus]
Hold the line and hold me close

**Chorus**
River, carry me
(backing vocal)

[Verse 2]
Every stone a little story
🔥🔥🔥

(Chorus)
River, set me free

Chorus:
Take me where the willows grow

【副歌】
Sing it out until the morning

[Instrumental break]

[Chorus x2]
Carry me down to the sea"""
SECTIONS_WRITTEN = [
    "Intro: spoken", "VERSE", "Pre-Chorus", "Chorus", "Verse 2", "Chorus", "Chorus", "副歌",
    "Instrumental break", "Chorus", "Chorus",
]  # fmt: skip
# Every line performed, in time order: the spoken intro, the lead's lines and the backing
# voice's (the echo "(river call)" and the line "(backing vocal)").
SUNG_LINES = [
    "Here we go again tonight",
    "Morning light upon the water",
    "I can hear the river call",
    "river call",
    "Hold the line and hold me close",
    "River, carry me",
    "backing vocal",
    "Every stone a little story",
    "River, set me free",
    "Take me where the willows grow",
    "Sing it out until the morning",
    "Carry me down to the sea",
    "Carry me down to the sea",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Services]]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("lyrics") / "d",
        workers=0,
        public_base_url="http://testserver",
    )
    services = build_services(settings)
    upgrade(services.engine)
    app = create_app(settings, services=services)
    with TestClient(app) as client:
        yield client, services
    services.close()


@pytest.fixture(scope="module")
def funded(engine_app: tuple[TestClient, Services]) -> Bootstrapped:
    services = engine_app[1]
    return create_funded_organisation(services.uow_factory, services.clock, "lyr", Decimal(5))


def _sing(engine_app: tuple[TestClient, Services], key: str, body: dict[str, Any]) -> Any:
    client, services = engine_app
    created = client.post("/v1/music/generations", json=body, headers=bearer(key))
    assert created.status_code == 200, created.text
    run_pending(services)
    done = client.get(created.json()["poll_url"], headers=bearer(key)).json()
    assert done["status"] == "completed", done
    return done


@pytest.fixture(scope="module")
def every_spelling_song(
    engine_app: tuple[TestClient, Services], funded: Bootstrapped
) -> dict[str, Any]:
    body = {"prompt": "folk", "lyrics": f"\n  {EVERY_SPELLING}\n\n", "duration": 75, "seed": 5}
    result: dict[str, Any] = _sing(engine_app, funded.api_key, body)
    return result


def test_every_marker_spelling_round_trips_byte_for_byte(every_spelling_song: Any) -> None:
    song = every_spelling_song
    assert song["lyrics"] == EVERY_SPELLING
    sections = song["metadata"]["sections"]
    assert [s["name"] for s in sections if s["from_lyrics"]] == SECTIONS_WRITTEN
    # What the engine added to fill the time is only an instrumental intro and outro.
    assert [s["name"] for s in sections if not s["from_lyrics"]] == ["Outro"]
    # The sections tile the song: each ends where the next starts, the last with the song.
    assert sections[0]["start"] == 0.0
    for section, following in itertools.pairwise(sections):
        assert section["start"] < section["end"] == following["start"]
    assert sections[-1]["end"] == song["metadata"]["duration"]
    timing = song["metadata"]["lyrics_timing"]
    assert [line["text"] for line in timing] == SUNG_LINES
    assert [line["text"] for line in timing if line["backing"]] == ["river call", "backing vocal"]
    assert [line["text"] for line in timing if line["spoken"]] == ["Here we go again tonight"]
    # Backing words are sung, and the direction "spoken" is followed: neither is a notice.
    notices = " ".join(song["metadata"]["notices"])
    assert "backing" not in notices
    assert "spoken" not in notices
    assert "🔥🔥🔥" in notices
    assert song["metadata"]["lyrics_language"] == "en"


def test_each_timed_line_and_word_names_its_line_in_the_returned_lyrics(
    every_spelling_song: Any,
) -> None:
    returned = every_spelling_song["lyrics"].split("\n")
    metadata = every_spelling_song["metadata"]
    for line in metadata["lyrics_timing"]:
        assert line["text"] in returned[line["source_line"] - 1]
    for word in metadata["aligned_words"]:
        assert word["word"] in returned[word["source_line"] - 1]
    numbers = [line["source_line"] for line in metadata["lyrics_timing"]]
    assert numbers[:4] == [2, 5, 6, 6]  # the echo is on its lead line


def test_word_timings_are_in_order_inside_the_song_and_the_voice_sings_inside_them(
    engine_app: tuple[TestClient, Services], every_spelling_song: Any
) -> None:
    client = engine_app[0]
    metadata = every_spelling_song["metadata"]
    words = metadata["aligned_words"]
    assert [w["word"] for w in words] == " ".join(SUNG_LINES).replace(",", "").split()
    duration = metadata["duration"]
    for word, following in itertools.pairwise(words):
        assert 0 <= word["start"] < word["end"] <= following["start"] + 1e-6
    assert words[-1]["end"] <= duration
    for line in metadata["lyrics_timing"]:
        assert line["start"] < line["end"]
    stem = client.get(metadata["stems"]["vocals"])
    audio, rate = soundfile.read(io.BytesIO(stem.content), dtype="float32", always_2d=True)
    voice = np.abs(audio).mean(axis=1)
    sung = np.zeros(len(voice), dtype=bool)
    for word in words:
        sung[int(word["start"] * rate) : int(word["end"] * rate)] = True
    # Outside the words, allow a little reverb and release after each word.
    quiet = ~sung
    for word in words:
        quiet[int(word["end"] * rate) : int((word["end"] + 0.4) * rate)] = False
    loud_inside = float(np.sqrt(np.mean(voice[sung] ** 2)))
    loud_outside = float(np.sqrt(np.mean(voice[quiet] ** 2)))
    assert loud_inside > 8 * loud_outside
    # Each word span has the voice in it.
    silent_words = [
        w["word"]
        for w in words
        if np.sqrt(np.mean(voice[int(w["start"] * rate) : int(w["end"] * rate)] ** 2))
        < 0.1 * loud_inside
    ]
    assert not silent_words
    # The backing voice is heard in its own lines' spans, and under the lead.
    backing = [line for line in metadata["lyrics_timing"] if line["backing"]]
    assert len(backing) == 2
    levels = {
        line["text"]: np.sqrt(
            np.mean(voice[int(line["start"] * rate) : int(line["end"] * rate)] ** 2)
        )
        for line in metadata["lyrics_timing"]
    }
    for line in backing:
        assert levels[line["text"]] > 4 * loud_outside
    lead = [line for line in metadata["lyrics_timing"] if not line["backing"]]
    assert _sounding_db(voice, rate, backing) < _sounding_db(voice, rate, lead) - 3


def _sounding_db(voice: np.ndarray, rate: int, lines: list[dict[str, Any]]) -> float:
    """Median level of the 50 ms windows inside `lines` within 30 dB of the stem's loudest."""
    size = rate // 20
    inside = np.zeros(len(voice), dtype=bool)
    for line in lines:
        inside[int(line["start"] * rate) : int(line["end"] * rate)] = True
    count = len(voice) // size
    rms = np.sqrt(np.mean(voice[: count * size].reshape(count, size) ** 2, axis=1))
    windows = inside[: count * size].reshape(count, size).all(axis=1) & (rms > rms.max() / 31.6)
    return float(20 * np.log10(np.median(rms[windows])))


def test_the_instrumental_break_and_the_wordless_line_are_not_sung(
    every_spelling_song: Any,
) -> None:
    metadata = every_spelling_song["metadata"]
    brk = next(s for s in metadata["sections"] if s["name"] == "Instrumental break")
    assert brk["start"] < brk["end"]
    assert not [w for w in metadata["aligned_words"] if brk["start"] <= w["start"] < brk["end"]]
    timing = metadata["lyrics_timing"]
    story = next(i for i, t in enumerate(timing) if t["text"].startswith("Every stone"))
    # "🔥🔥🔥" holds a line's place between "Every stone…" and the next line.
    assert timing[story + 1]["start"] - timing[story]["end"] > 1.0


def test_spanish_lyrics_are_sung_in_spanish(
    engine_app: tuple[TestClient, Services], funded: Bootstrapped
) -> None:
    lyrics = (
        "[Verso]\nQuiero bailar contigo en la playa\nBajo la luna que brilla en el mar\n\n"
        "[Estribillo]\nCorazón, no me dejes solo"
    )
    body = {"prompt": "una canción de amor en la playa", "lyrics": lyrics, "duration": 30}
    song = _sing(engine_app, funded.api_key, {**body, "seed": 8})
    assert song["lyrics"] == lyrics
    assert song["metadata"]["lyrics_language"] == "es"
    assert [s["name"] for s in song["metadata"]["sections"] if s["from_lyrics"]] == [
        "Verso",
        "Estribillo",
    ]
    words = [w["word"] for w in song["metadata"]["aligned_words"]]
    assert words[:4] == ["Quiero", "bailar", "contigo", "en"]
    assert "Corazón" in words


def _balance(engine_app: tuple[TestClient, Services], org: Bootstrapped) -> Any:
    with engine_app[1].uow_factory(read_only=True) as uow:
        return uow.ledger.balance(org.organisation_id)


@pytest.mark.parametrize(
    ("lyrics", "code", "param", "named"),
    [
        ("[副歌]\n我爱你在海边\n月亮照着大海的波浪", "unsupported_language", "lyrics", "Chinese"),
        ("[Verse]\n🔥🔥🔥\n\n[Chorus]\n...", "invalid_parameter", "lyrics", "🔥🔥🔥"),
        (
            "[Verse]\nI walk along the river in the morning light\n雨\nI think of you tonight",
            "unsupported_language",
            "lyrics",
            "Line 3 ('雨') is in Chinese (zh); the voice sings en, es, fr, de, it, pt",
        ),
    ],
)
def test_lyrics_the_voice_cannot_sing_are_refused_before_anything_is_reserved(
    engine_app: tuple[TestClient, Services],
    funded: Bootstrapped,
    lyrics: str,
    code: str,
    param: str,
    named: str,
) -> None:
    client = engine_app[0]
    headers = bearer(funded.api_key)
    before_tasks = client.get("/v1/tasks", headers=headers).json()["data"]
    before = _balance(engine_app, funded)
    body = {"prompt": "a love song by the sea", "lyrics": lyrics}
    refused = client.post("/v1/music/generations", json=body, headers=headers)
    assert refused.status_code == 400, refused.text
    error = refused.json()["error"]
    assert (error["type"], error["code"], error["param"]) == ("invalid_request_error", code, param)
    assert named in error["message"]
    assert client.get("/v1/tasks", headers=headers).json()["data"] == before_tasks
    assert _balance(engine_app, funded) == before


def test_a_continuation_in_an_unsung_language_is_refused_at_create(
    engine_app: tuple[TestClient, Services], funded: Bootstrapped
) -> None:
    client = engine_app[0]
    body = {"continue_clip_id": "clip_missing", "lyrics": "[副歌]\n我爱你在海边\n月亮照着大海"}
    refused = client.post("/v1/music/generations", json=body, headers=bearer(funded.api_key))
    assert refused.status_code == 400
    assert refused.json()["error"]["code"] == "unsupported_language"
