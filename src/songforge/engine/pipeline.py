"""The engine's entry point: a request in, a finished song (files and metadata) out."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import soundfile

from songforge.engine import cover, encode
from songforge.engine.form import TAIL_SECONDS
from songforge.engine.lyric_text import format_lyrics
from songforge.engine.lyric_timing import aligned_words, line_timings, section_timings
from songforge.engine.mix import master
from songforge.engine.planning import (
    Continuation,
    LyricsDoNotFit,
    Report,
    SongRequest,
    ensure_singable,
    plan_song,
)
from songforge.engine.render import SAMPLE_RATE, SoundFontRenderer
from songforge.engine.score import Note, Score, Section, Track
from songforge.engine.styles import Style
from songforge.engine.voice import Voice

__all__ = ["Continuation", "Engine", "LyricsDoNotFit", "SongOutput", "SongRequest"]

ENGINE_VERSION = "songforge-engine-1"
CROSSFADE_SECONDS = 0.04


@dataclass
class SongOutput:
    title: str
    lyrics: str | None
    metadata: dict[str, Any]
    files: dict[str, tuple[Path, str]]
    stage_seconds: dict[str, float] = field(default_factory=dict)


class Engine:
    """Heavy parts (SoundFont, voice model) load once per process and are reused."""

    def __init__(self) -> None:
        self._renderer: SoundFontRenderer | None = None
        self._voice: Voice | None = None

    def warm(self) -> None:
        """Loads the SoundFont and the voice now rather than on the first song."""
        _ = self.renderer, self.voice

    @property
    def renderer(self) -> SoundFontRenderer:
        if self._renderer is None:
            self._renderer = SoundFontRenderer()
        return self._renderer

    @property
    def voice(self) -> Voice:
        if self._voice is None:
            self._voice = Voice()
        return self._voice

    def make_song(self, request: SongRequest, workdir: Path, report: Report) -> SongOutput:
        clock = _StageClock(report)
        planned = plan_song(request, clock.stage)
        # Requests are checked before they are accepted, except a continuation's new words,
        # whose room depends on the source clip: refuse rather than garble them.
        ensure_singable(planned, request)
        score, style, source, title = planned.score, planned.style, planned.source, planned.title
        clock.stage("rendering", 25)
        vocal = None
        parts = None
        # FluidSynth renders in C through ctypes, which releases the GIL, so the band plays
        # while the voice sings; the "singing" stage's time includes what is left of it.
        with ThreadPoolExecutor(max_workers=1) as band_player:
            band_job = band_player.submit(self.renderer.render, score.tracks, score.duration)
            if score.vocal:
                clock.stage("singing", 45)
                parts = self.voice.perform(score.vocal, score.lines, score.duration, score.language)
                vocal = parts.mono()
            band = band_job.result()
        clock.stage("mixing", 70)
        if parts is not None:
            mixed = master(band, parts.lead, SAMPLE_RATE, parts.backing)
        else:
            mixed = master(band, None, SAMPLE_RATE)
        continued_from = None
        if source is not None and request.continuation is not None:
            mixed, score, cut = _join(request.continuation, source, score, mixed)
            continued_from = {"continue_at": round(cut, 3)}
        clock.stage("encoding", 82)
        files = _encode(workdir, title, style, request.seed, score, mixed, band, vocal)
        clock.stage("done", 99)
        duration = round(len(mixed) / SAMPLE_RATE, 3)
        sections = section_timings(score, duration)
        if request.lyrics and continued_from is None:
            # Which sections are the caller's, and which the engine added to fill the time.
            for entry, written in zip(sections, planned.sheet_sections, strict=False):
                entry["from_lyrics"] = written
        metadata: dict[str, Any] = {
            "duration": duration,
            "bpm": round(score.bpm, 1),
            "key": score.key,
            "mode": score.mode,
            "style": style.name,
            "style_match": planned.style_match.as_metadata() if planned.style_match else None,
            "mood": score.mood,
            "instruments": score.instruments(),
            "time_signature": "4/4",
            "sections": sections,
            "lyrics_timing": line_timings(score),
            "aligned_words": aligned_words(score),
            "seed": request.seed,
            "sample_rate": SAMPLE_RATE,
            "audio_format": "mp3",
            "instrumental": planned.instrumental,
            "model_version": ENGINE_VERSION,
        }
        if not planned.instrumental:
            metadata["lyrics_language"] = planned.language
        if planned.notices:
            metadata["notices"] = list(planned.notices)
        if continued_from is not None:
            metadata["continued_from"] = continued_from
        if planned.instrumental:
            lyrics_text = None
        elif request.lyrics:
            lyrics_text = request.lyrics.strip()  # the caller's words, as sent
        else:
            lyrics_text = format_lyrics(planned.sections)
        return SongOutput(title, lyrics_text, metadata, files, clock.seconds)


class _StageClock:
    def __init__(self, report: Report) -> None:
        self._report = report
        self._current: str | None = None
        self._started = time.perf_counter()
        self.seconds: dict[str, float] = {}

    def stage(self, name: str, percent: int) -> None:
        now = time.perf_counter()
        if self._current is not None:
            self.seconds[self._current] = round(now - self._started, 4)
        self._current, self._started = name, now
        self._report(name, percent)


def _join(
    continuation: Continuation, source: Score, new: Score, new_audio: np.ndarray
) -> tuple[np.ndarray, Score, float]:
    """Source up to the snapped cut, then the new part, crossfaded over a few ms."""
    original, _ = soundfile.read(str(continuation.master_path), dtype="float32", always_2d=True)
    end_of_music = source.duration - TAIL_SECONDS
    wanted = continuation.continue_at if continuation.continue_at is not None else end_of_music
    bars = [b for b in source.bar_lines() if 0 < b <= source.duration]
    cut = min(bars, key=lambda b: abs(b - wanted)) if bars else wanted
    cut_sample = round(cut * SAMPLE_RATE)
    fade = int(CROSSFADE_SECONDS * SAMPLE_RATE)
    head = original[:cut_sample]
    tail = original[cut_sample : cut_sample + fade]
    joined = np.concatenate([head, new_audio]).astype(np.float32)
    if len(tail):
        ramp = np.sin(np.linspace(0, np.pi / 2, len(tail)))[:, None].astype(np.float32)
        region = joined[cut_sample : cut_sample + len(tail)]
        joined[cut_sample : cut_sample + len(tail)] = (
            region * ramp + tail * np.cos(np.linspace(0, np.pi / 2, len(tail)))[:, None]
        )
    merged = _merge_scores(source, new, cut)
    return joined, merged, cut


def _merge_scores(source: Score, new: Score, cut: float) -> Score:
    def shift_notes(notes: list[Note]) -> list[Note]:
        return [Note(n.start + cut, n.duration, n.pitch, n.velocity) for n in notes]

    kept_lines = sorted({s.line for s in source.vocal if s.start < cut})
    # The returned lyrics are the new part's: the kept lines are not in that text.
    sources: list[int | None] = [None] * len(kept_lines)
    sources += [new.source_line(i) for i in range(len(new.lines))]
    renumber = {old: i for i, old in enumerate(kept_lines)}
    vocal = [replace(s, line=renumber[s.line]) for s in source.vocal if s.start < cut]
    vocal += [replace(s, start=s.start + cut, line=s.line + len(kept_lines)) for s in new.vocal]
    tracks: dict[str, Track] = {}
    for track in source.tracks:
        tracks[track.role] = Track(
            track.role, track.program, track.channel, [n for n in track.notes if n.start < cut]
        )
    for track in new.tracks:
        target = tracks.setdefault(track.role, Track(track.role, track.program, track.channel))
        target.notes += shift_notes(track.notes)
    sections = [s for s in source.sections if s.start < cut]
    sections += [Section(s.name, s.kind, round(s.start + cut, 4), s.bars) for s in new.sections]
    return Score(
        bpm=source.bpm,
        tonic=source.tonic,
        mode=source.mode,
        key=source.key,
        style=source.style,
        seed=new.seed,
        bar_seconds=source.bar_seconds,
        sections=sections,
        tracks=list(tracks.values()),
        vocal=vocal,
        lines=[source.lines[i] for i in kept_lines] + new.lines,
        line_sources=sources,
        duration=round(cut + new.duration, 3),
        instrumental=source.instrumental and new.instrumental,
        language=new.language,
        mood=source.mood,
        subject=new.subject,
    )


def _encode(
    workdir: Path,
    title: str,
    style: Style,
    seed: int,
    score: Score,
    mixed: np.ndarray,
    band: np.ndarray,
    vocal: np.ndarray | None,
) -> dict[str, tuple[Path, str]]:
    wav = workdir / "master.wav"
    encode.write_wav(wav, mixed, SAMPLE_RATE)
    files: dict[str, tuple[Path, str]] = {}
    mp3, png, mp4 = workdir / "song.mp3", workdir / "cover.png", workdir / "video.mp4"
    # ffmpeg runs in its own processes: the MP3 starts at once, the MP4 as soon as the cover
    # exists, and the lossless files are written here while both encode.
    with ThreadPoolExecutor(max_workers=2) as pool:
        mp3_job = pool.submit(encode.encode_mp3, wav, mp3, title)
        cover_png = cover.make_cover(title, style.name, style.palette, seed)
        png.write_bytes(cover_png)
        frame = workdir / "frame.jpg"
        frame.write_bytes(cover.video_frame(cover_png))
        mp4_job = pool.submit(encode.encode_mp4, wav, frame, mp4, len(mixed) / SAMPLE_RATE)
        flac = workdir / "master.flac"
        encode.write_flac(flac, mixed, SAMPLE_RATE)
        files["master"] = (flac, "audio/flac")
        if vocal is not None and len(band) == len(vocal):
            stem_v = workdir / "vocals.flac"
            encode.write_flac(stem_v, vocal, SAMPLE_RATE)
            files["stem_vocals"] = (stem_v, "audio/flac")
            stem_i = workdir / "instrumental.flac"
            encode.write_flac(stem_i, np.clip(band, -1, 1), SAMPLE_RATE)
            files["stem_instrumental"] = (stem_i, "audio/flac")
        score_path = workdir / "score.json"
        score_path.write_text(score.to_json(), encoding="utf-8")
        files["score"] = (score_path, "application/json")
        midi_path = workdir / "score.mid"
        midi_path.write_bytes(score.to_midi())
        files["midi"] = (midi_path, "audio/midi")
        mp3_job.result()
        mp4_job.result()
    files["audio"] = (mp3, "audio/mpeg")
    files["image"] = (png, "image/png")
    files["video"] = (mp4, "video/mp4")
    return files
