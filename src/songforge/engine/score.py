"""The score: every note of the song in seconds, exportable as MIDI and JSON."""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any

import mido

from songforge.engine.general_midi import PROGRAM_NAMES
from songforge.engine.theory import midi_key_signature

DRUM_CHANNEL = 9
# The sung line's track in the MIDI file: Choir Aahs, on a channel no instrument uses.
VOCAL_PROGRAM, VOCAL_CHANNEL = 52, 15
# Backing vocals: Voice Oohs, on another free channel.
BACKING_PROGRAM, BACKING_CHANNEL = 53, 14
# How a syllable is performed: sung by the lead voice, spoken by it (in the rhythm of
# speech, with the speech's own pitch; the syllable's pitch is 0 and means nothing), or
# sung by the backing voice, quieter and to the side.
SUNG, SPOKEN, BACKING = "sung", "spoken", "backing"


@dataclass(frozen=True)
class Note:
    start: float
    duration: float
    pitch: int
    velocity: int


@dataclass(frozen=True)
class Syllable:
    """One sung (or spoken) syllable: the text it carries, the lyric line it belongs to
    and how it is performed (SUNG, SPOKEN or BACKING)."""

    start: float
    duration: float
    pitch: int
    text: str
    line: int
    delivery: str = SUNG

    @property
    def lead(self) -> bool:
        """Performed by the lead voice, which performs one syllable at a time."""
        return self.delivery != BACKING


@dataclass(frozen=True)
class Section:
    name: str
    kind: str
    start: float
    bars: int


@dataclass
class Track:
    role: str
    program: int
    channel: int
    notes: list[Note] = field(default_factory=list)


@dataclass
class Score:
    bpm: float
    tonic: int  # pitch class 0..11
    mode: str
    key: str
    style: str
    seed: int
    bar_seconds: float
    sections: list[Section]
    tracks: list[Track]
    vocal: list[Syllable]
    lines: list[str]
    duration: float
    instrumental: bool
    mood: list[str] = field(default_factory=list)  # mood names the request gave, in order
    language: str = "en"  # ISO 639-1 code of the sung words (engine.languages)
    # Per entry of `lines`: its 1-based line number in the song's returned lyrics text, or
    # None for a line that text does not hold (a continued clip's earlier part). Scores
    # written before this field have none.
    line_sources: list[int | None] = field(default_factory=list)
    # What the words are about (the prompt that began the song; a continuation keeps its
    # source's), so a continuation's new words stay on it. Empty when unknown.
    subject: str = ""

    def source_line(self, line: int) -> int | None:
        """The 1-based number of lyric line `line` in the returned lyrics text, if known."""
        return self.line_sources[line] if line < len(self.line_sources) else None

    def bar_lines(self) -> list[float]:
        total = sum(s.bars for s in self.sections)
        return [i * self.bar_seconds for i in range(total + 1)]

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Score:
        raw = json.loads(text)
        return cls(
            **{
                **raw,
                "sections": [Section(**s) for s in raw["sections"]],
                "tracks": [
                    Track(t["role"], t["program"], t["channel"], [Note(**n) for n in t["notes"]])
                    for t in raw["tracks"]
                ],
                "vocal": [Syllable(**s) for s in raw["vocal"]],
            }
        )

    def instruments(self) -> dict[str, dict[str, Any]]:
        """role -> the General MIDI sound the MIDI file gives that part: {"program",
        "name"} (program 0-based), or {"kit", "name"} for the drums on channel 10. The
        vocal part is sung in the audio; in the MIDI file it is a melody line."""
        found: dict[str, dict[str, Any]] = {}
        for track in self.tracks:
            if track.channel == DRUM_CHANNEL:
                found[track.role] = {"kit": 0, "name": "Standard Kit"}
            else:
                found[track.role] = {
                    "program": track.program,
                    "name": PROGRAM_NAMES[track.program],
                }
        if self.vocal:
            found["vocal"] = {"program": VOCAL_PROGRAM, "name": PROGRAM_NAMES[VOCAL_PROGRAM]}
        if any(s.delivery == BACKING for s in self.vocal):
            found["backing_vocal"] = {
                "program": BACKING_PROGRAM,
                "name": PROGRAM_NAMES[BACKING_PROGRAM],
            }
        return found

    def to_midi(self) -> bytes:
        ticks_per_beat = 480
        seconds_per_tick = 60.0 / self.bpm / ticks_per_beat
        midi = mido.MidiFile(ticks_per_beat=ticks_per_beat)
        tempo_track = mido.MidiTrack()
        tempo_track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(self.bpm)))
        tempo_track.append(mido.MetaMessage("time_signature", numerator=4, denominator=4))
        tempo_track.append(
            mido.MetaMessage("key_signature", key=midi_key_signature(self.tonic, self.mode))
        )
        midi.tracks.append(tempo_track)
        parts = [(t.role, t.program, t.channel, t.notes) for t in self.tracks]
        # Spoken syllables have no pitch to write down.
        sung = [Note(s.start, s.duration, s.pitch, 100) for s in self.vocal if s.delivery == SUNG]
        backing = [Note(s.start, s.duration, s.pitch, 80) for s in self.vocal if not s.lead]
        if sung:
            parts.append(("vocal", VOCAL_PROGRAM, VOCAL_CHANNEL, sung))
        if backing:
            parts.append(("backing vocal", BACKING_PROGRAM, BACKING_CHANNEL, backing))
        for role, program, channel, notes in parts:
            track = mido.MidiTrack()
            track.append(mido.MetaMessage("track_name", name=role))
            if channel != DRUM_CHANNEL:
                track.append(mido.Message("program_change", program=program, channel=channel))
            events: list[tuple[int, int, mido.Message]] = []
            for n in notes:
                on = round(n.start / seconds_per_tick)
                off = max(on + 1, round((n.start + n.duration) / seconds_per_tick))
                events.append(
                    (
                        on,
                        1,
                        mido.Message("note_on", note=n.pitch, velocity=n.velocity, channel=channel),
                    )
                )
                events.append((off, 0, mido.Message("note_off", note=n.pitch, channel=channel)))
            events.sort(key=lambda e: (e[0], e[1]))
            now = 0
            for tick, _, message in events:
                track.append(message.copy(time=tick - now))
                now = tick
            midi.tracks.append(track)
        buffer = io.BytesIO()
        midi.save(file=buffer)
        return buffer.getvalue()
