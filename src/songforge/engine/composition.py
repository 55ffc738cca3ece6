"""Composition: chords, bass, drums, pads and a melody fitted to the lyric's syllables."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace

from songforge.engine.form import TAIL_SECONDS, FormPlan
from songforge.engine.patterns import (
    BASS_PATTERNS,
    COMP_PATTERNS,
    CRASH,
    DRUM_PATTERNS,
    HAT,
    KICK,
    PHRASE_FILLS,
    SNARE,
    TOM,
)
from songforge.engine.rhythm import Feel, place_line
from songforge.engine.score import (
    BACKING,
    DRUM_CHANNEL,
    SPOKEN,
    SUNG,
    Note,
    Score,
    Section,
    Syllable,
    Track,
)
from songforge.engine.styles import Style
from songforge.engine.theory import chord_pitches, key_name, nearest_in, scale_pitch

SECTION_ENERGY = {
    "intro": 0.55,
    "verse": 0.75,
    "prechorus": 0.85,
    "chorus": 1.0,
    "bridge": 0.8,
    "outro": 0.55,
}
VOCAL_LOW, VOCAL_HIGH = 48, 64  # C3..E4, the shipped voice's comfortable range
# A spoken line lasts about this long per syllable plus per letter (the shipped voice's
# own pace, measured over twenty lines: 0.16-0.24 s a syllable), a little slower for a
# spoken-word delivery over the band; the voice then fits its speech to exactly that span.
_SPOKEN_PER_SYLLABLE = 0.08
_SPOKEN_PER_LETTER = 0.035
_SPOKEN_PACE = 1.1
_SPOKEN_GAP = 0.25  # seconds of silence kept before the next line


@dataclass(frozen=True)
class LyricLine:
    text: str
    syllables: tuple[str, ...]
    stresses: tuple[int, ...] = ()
    source_line: int | None = None  # 1-based, in the lyrics text returned to the caller
    # SUNG or SPOKEN by the lead voice, or BACKING: a line of its own for the backing voice.
    delivery: str = SUNG
    # Backing phrases written inside the line: the backing voice answers the lead with
    # them at the end of the line's room.
    echoes: tuple[LyricLine, ...] = ()

    def performed(self) -> tuple[LyricLine, ...]:
        """The line and its echoes, in the order their lines are numbered in the score."""
        return (self, *self.echoes)

    def marks(self) -> tuple[int, ...]:
        """Stress per syllable; lines without (wordless tunes) alternate strong and light."""
        if len(self.stresses) == len(self.syllables):
            return self.stresses
        return tuple((i + 1) % 2 for i in range(len(self.syllables)))


@dataclass
class Composer:
    style: Style
    plan: FormPlan
    rng: random.Random
    tonic: int
    mode: str
    removed: set[str]
    motifs: dict[str, list[int]] = field(default_factory=dict)
    feels: dict[str, Feel] = field(default_factory=dict)
    fills: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    progressions: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def step_seconds(self) -> float:
        return self.plan.bar_seconds / 16

    def _time(self, bar_start: float, step: float) -> float:
        swing = self.style.swing if int(step) % 4 == 2 else 0.0
        return bar_start + (step + swing * 2) * self.step_seconds

    # -- harmony ------------------------------------------------------------------------------
    def progression_for(self, kind: str) -> tuple[int, ...]:
        if kind in ("intro", "outro"):
            return (0, 0, 3, 0) if kind == "outro" else self.progressions["verse"]
        return self.progressions.get(kind, self.progressions["verse"])

    def choose_progressions(self) -> None:
        pool = list(self.style.progressions)
        self.rng.shuffle(pool)
        self.progressions = {
            "verse": pool[0],
            "chorus": pool[1 % len(pool)],
            "prechorus": (3, 4, 3, 4),
            "bridge": pool[2 % len(pool)] if len(pool) > 2 else (5, 3, 4, 4),
        }

    def chords_for(self, section: Section) -> list[int]:
        progression = self.progression_for(section.kind)
        degrees = [progression[i % len(progression)] for i in range(section.bars)]
        if section.kind == "outro":
            degrees[-1] = 0
        return degrees

    # -- parts --------------------------------------------------------------------------------
    def drums(self, section: Section, degrees: list[int], energy: float) -> list[Note]:
        if "drums" in self.removed or (section.kind == "intro" and energy < 0.6):
            return []
        pattern = DRUM_PATTERNS[self.style.drums]
        fill = self.phrase_fill(section.kind)
        notes: list[Note] = []
        for bar in range(section.bars):
            start = section.start + bar * self.plan.bar_seconds
            last_bar = bar == section.bars - 1
            # The fourth bar of a phrase closes it with a small figure instead of the groove.
            phrase_end = bar % 4 == 3 and not last_bar and section.kind not in ("intro", "outro")
            for drum, steps in pattern.items():
                if section.kind == "outro" and drum not in (KICK, HAT):
                    continue
                for step in steps:
                    if (last_bar and step >= 12 and section.kind != "outro") or (
                        phrase_end and step >= 14
                    ):
                        continue
                    accent = 1.0 if step % 4 == 0 else 0.8
                    velocity = self._human(40 + 70 * energy * accent)
                    notes.append(Note(self._time(start, step), 0.1, drum, velocity))
            if phrase_end:
                for drum, step in fill:
                    notes.append(
                        Note(self._time(start, step), 0.1, drum, self._human(50 + 40 * energy))
                    )
            if bar == 0 and section.kind in ("chorus", "bridge"):
                notes.append(Note(start, 0.5, CRASH, int(70 + 40 * energy)))
            if last_bar and section.kind not in ("outro",):
                for i, step in enumerate((12, 13, 14, 15)):
                    drum = SNARE if i % 2 == 0 else TOM
                    notes.append(
                        Note(self._time(start, step), 0.1, drum, self._human(60 + 40 * energy))
                    )
        return notes

    def phrase_fill(self, kind: str) -> tuple[tuple[int, int], ...]:
        """(drum, step) pairs closing a four-bar phrase; one choice per section kind."""
        if kind not in self.fills:
            self.fills[kind] = self.rng.choice(PHRASE_FILLS)
        return self.fills[kind]

    def _human(self, velocity: float) -> int:
        """A drummer never hits twice alike: a few velocity steps either way."""
        return max(1, min(127, int(velocity) + self.rng.randint(-6, 6)))

    def bass(self, section: Section, degrees: list[int], energy: float) -> list[Note]:
        if "bass" in self.removed:
            return []
        figure = BASS_PATTERNS[self.style.bass]
        notes: list[Note] = []
        for bar, degree in enumerate(degrees):
            start = section.start + bar * self.plan.bar_seconds
            # The tonic's octave is chosen so that the root sits at or below B2.
            base = (
                36
                + self.tonic
                - (12 if scale_pitch(36 + self.tonic, self.mode, degree) > 47 else 0)
            )
            for step, steps_up, length in figure:
                if section.kind == "intro" and step not in (0, 8):
                    continue
                notes.append(
                    Note(
                        self._time(start, step),
                        length * self.step_seconds * 0.95,
                        scale_pitch(base, self.mode, degree + steps_up),
                        int(70 + 35 * energy),
                    )
                )
        return notes

    def chords(self, section: Section, degrees: list[int], energy: float) -> list[Note]:
        if "chords" in self.removed:
            return []
        comp = COMP_PATTERNS[self.style.comp]
        notes: list[Note] = []
        previous: list[int] = []
        for bar, degree in enumerate(degrees):
            start = section.start + bar * self.plan.bar_seconds
            voicing = self._voice_lead(chord_pitches(60 + self.tonic, self.mode, degree), previous)
            previous = voicing
            for step, length in comp:
                for pitch in voicing:
                    notes.append(
                        Note(
                            self._time(start, step),
                            length * self.step_seconds * 0.95,
                            pitch,
                            int(45 + 35 * energy),
                        )
                    )
        return notes

    def pad(self, section: Section, degrees: list[int], energy: float) -> list[Note]:
        if "pad" in self.removed or (section.kind == "verse" and self.style.energy > 0.7):
            return []
        notes: list[Note] = []
        for bar, degree in enumerate(degrees):
            start = section.start + bar * self.plan.bar_seconds
            for pitch in chord_pitches(48 + self.tonic, self.mode, degree):
                notes.append(Note(start, self.plan.bar_seconds, pitch, int(35 + 25 * energy)))
        return notes

    @staticmethod
    def _voice_lead(chord: list[int], previous: list[int]) -> list[int]:
        if not previous:
            return chord
        center = sum(previous) / len(previous)
        options = [[p + 12 * o for p in chord] for o in (-1, 0, 1)]
        options += [sorted([chord[1], chord[2], chord[0] + 12])]
        options += [sorted([chord[2] - 12, chord[0], chord[1]])]
        return min(options, key=lambda v: abs(sum(v) / len(v) - center))

    # -- melody -------------------------------------------------------------------------------
    def motif(self, kind: str) -> list[int]:
        """A contour in scale steps, fixed per section kind so that choruses sound alike."""
        if kind not in self.motifs:
            length = self.rng.randint(5, 8)
            contour = [0]
            for _ in range(length - 1):
                contour.append(contour[-1] + self.rng.choice((-2, -1, -1, 1, 1, 2, 0, 3)))
            self.motifs[kind] = contour
        return self.motifs[kind]

    def feel(self, kind: str) -> Feel:
        if kind not in self.feels:
            self.feels[kind] = Feel(
                pickup=self.rng.choice((0, 0, 1, 2)), spread=self.rng.random() < 0.5
            )
        return self.feels[kind]

    def melody(
        self, section: Section, degrees: list[int], lines: list[LyricLine], first_line: int
    ) -> list[Syllable]:
        """The section's syllables: each line in its room, its echoes (if any) after it,
        before the next line, lines numbered from `first_line` in `LyricLine.performed`
        order."""
        if not lines:
            return []
        line_beats = _line_starts(section.bars, len(lines))
        contour = self.motif(section.kind)
        lift = {"chorus": 2, "prechorus": 1, "bridge": 3}.get(section.kind, 0)
        # The tune moves in steps of the key's own scale around a degree of it: whole
        # octaves (seven degrees) keep that centre inside the singer's range.
        home = 2 + lift
        while scale_pitch(48 + self.tonic, self.mode, home) > VOCAL_HIGH - 5:
            home -= 7
        while scale_pitch(48 + self.tonic, self.mode, home) < VOCAL_LOW + 4:
            home += 7
        tune = _Tune(home, contour, self.feel(section.kind))
        sung: list[Syllable] = []
        number = first_line
        for index, line in enumerate(lines):
            first_beat, next_beat = line_beats[index], line_beats[index + 1]
            room = next_beat - first_beat
            if len(lines) <= section.bars:
                # Lines of whole bars are set in the room the first one has: a bar left
                # over at the section's end is a rest, so a chorus one bar longer than
                # another is still sung to the same rhythm.
                room = min(room, line_beats[1] - line_beats[0])
            # A backing line of its own echoes the tune of the line before it.
            pattern = index - 1 if line.delivery == BACKING and index else index
            setting = _Setting(section, degrees, tune, pattern, number)
            if line.echoes:
                # Echoes answer in the line's room or the rest before the next line.
                sung += self._with_echoes(setting, line, first_beat, room, next_beat)
            else:
                sung += self._perform(setting, line, first_beat, room)
            number += len(line.performed())
        return sung

    def _perform(
        self, setting: _Setting, line: LyricLine, first_beat: int, room: int
    ) -> list[Syllable]:
        if line.delivery == SPOKEN:
            return self._speak(setting.section, line, first_beat, room, setting.number)
        return self._set_line(
            setting.section,
            setting.degrees,
            line,
            first_beat,
            room,
            setting.tune,
            setting.pattern,
            setting.number,
        )

    def _with_echoes(
        self, setting: _Setting, line: LyricLine, first_beat: int, room: int, limit: int
    ) -> list[Syllable]:
        """The lead's line set in `room` beats from `first_beat` and its echoes answering
        it after its last word starts, before beat `limit` (the next line's). When they do
        not fit after the lead, the lead is set in less room, a beat at a time, down to a
        sixteenth a syllable and a held note, and the echoes may drop their breath and
        their held note; only when even that leaves them no room are they sung over the
        lead's held last word."""
        lead = self._perform(setting, line, first_beat, room)
        at = self._echo_start(setting.section, line, lead, limit)
        count = sum(len(echo.syllables) for echo in line.echoes)
        shortest = -(-(len(line.syllables) + 1) // 2)
        for lead_room in range(min(room, limit - first_beat), shortest - 1, -1):
            if at is not None:
                break
            shorter = self._perform(setting, line, first_beat, lead_room)
            # Eighths for the echoes: their syllables with a held note and a breath, then
            # without the breath, then without the hold.
            for eighths in (count + 2, count + 1, count):
                at = self._echo_start(setting.section, line, shorter, limit, eighths)
                if at is not None:
                    lead = shorter
                    break
        lead, echoes = self._answer(setting, line, lead, at, limit)
        return lead + echoes

    def _echo_start(
        self,
        section: Section,
        line: LyricLine,
        lead: list[Syllable],
        end: int,
        eighths: int | None = None,
    ) -> int | None:
        """The beat where echoes can answer the lead before beat `end`: one beat into the
        held last note of a sung line, the next beat after a spoken one; None when the
        echoes do not get `eighths` there (their syllables, a held note and a breath)."""
        if not line.echoes or not lead:
            return None
        beat = self.plan.bar_seconds / 4
        last = lead[-1]
        if last.delivery == SPOKEN:
            at = math.ceil((last.start + last.duration - section.start) / beat - 1e-3)
        else:
            at = math.floor((last.start - section.start) / beat + 1e-3) + 1
        if eighths is None:
            eighths = sum(len(echo.syllables) for echo in line.echoes) + 2
        return at if (end - at) * 2 >= eighths else None

    def _set_line(
        self,
        section: Section,
        degrees: list[int],
        line: LyricLine,
        first_beat: int,
        room: int,
        tune: _Tune,
        pattern: int,
        number: int,
    ) -> list[Syllable]:
        """One line sung in `room` beats from `first_beat`, to the section's tune; lines
        alternate a degree apart by `pattern` so that a pair of lines answers itself."""
        marks = line.marks()
        placements = place_line(marks, room * 2, tune.feel)
        beats = [first_beat + placed.start / 2 for placed in placements]
        pitches = self._pitches(section, degrees, beats, marks, tune, pattern)
        sung: list[Syllable] = []
        for i, (text, placed) in enumerate(zip(line.syllables, placements, strict=True)):
            length = placed.length / 2 if i == len(placements) - 1 else placed.length / 2 * 0.92
            sung.append(
                Syllable(
                    round(section.start + beats[i] * self.plan.bar_seconds / 4, 4),
                    round(length * self.plan.bar_seconds / 4, 4),
                    pitches[i],
                    text,
                    number,
                    line.delivery,
                )
            )
        return sung

    def _pitches(
        self,
        section: Section,
        degrees: list[int],
        beats: list[float],
        marks: tuple[int, ...],
        tune: _Tune,
        pattern: int,
    ) -> list[int]:
        chords = [
            chord_pitches(60 + self.tonic, self.mode, degrees[min(section.bars - 1, int(b) // 4)])
            for b in beats
        ]
        contour = tune.contour
        pitches = [
            _in_range(
                scale_pitch(
                    48 + self.tonic,
                    self.mode,
                    tune.home + contour[(i + pattern) % len(contour)] + pattern % 2,
                )
            )
            for i in range(len(beats))
        ]
        return self._fit_to_chords(pitches, chords, beats, marks)

    def _speak(
        self, section: Section, line: LyricLine, first_beat: int, room: int, number: int
    ) -> list[Syllable]:
        """A spoken line from `first_beat`, as long as the voice takes to say it (shorter
        when `room` beats cannot hold that), its syllables back to back and as long as
        their letters; pitch 0, for speech keeps its own."""
        if not line.syllables:
            return []
        beat = self.plan.bar_seconds / 4
        weights = [
            _SPOKEN_PER_SYLLABLE + _SPOKEN_PER_LETTER * sum(ch.isalpha() for ch in piece)
            for piece in line.syllables
        ]
        natural = sum(weights) * _SPOKEN_PACE
        space = room * beat
        span = min(natural, max(space - _SPOKEN_GAP, 0.8 * space))
        start = section.start + first_beat * beat
        edges = [start]
        for weight in weights:
            edges.append(edges[-1] + span * weight / sum(weights))
        edges = [round(edge, 4) for edge in edges]
        return [
            Syllable(a, round(b - a, 4), 0, text, number, SPOKEN)
            for a, b, text in zip(edges, edges[1:], line.syllables, strict=False)
        ]

    def _answer(
        self,
        setting: _Setting,
        line: LyricLine,
        lead: list[Syllable],
        at: int | None,
        end: int,
    ) -> tuple[list[Syllable], list[Syllable]]:
        """The lead's syllables and its line's echoes sung by the backing voice, numbered
        after the lead's line. From beat `at` to beat `end` the echoes are sung to the notes
        the lead's line ended on, the lead's held last note giving way to them; with no
        beat given, over the lead's held last word to beat `end`."""
        texts = [(k, text) for k, echo in enumerate(line.echoes, 1) for text in echo.syllables]
        marks = tuple(m for echo in line.echoes for m in echo.marks())
        if not texts:
            return lead, []
        section, degrees, tune, number = (
            setting.section,
            setting.degrees,
            setting.tune,
            setting.number,
        )
        tail = [s.pitch for s in lead if s.delivery == SUNG][-len(texts) :]
        beat = self.plan.bar_seconds / 4
        if at is not None:
            placements = place_line(marks, (end - at) * 2, Feel(pickup=0, spread=False))
            beats = [at + placed.start / 2 for placed in placements]
            chords = [
                chord_pitches(
                    60 + self.tonic, self.mode, degrees[min(section.bars - 1, int(b) // 4)]
                )
                for b in beats
            ]
            if len(tail) == len(texts):
                pitches = self._fit_to_chords(tail, chords, beats, marks)
            else:
                pitches = self._pitches(section, degrees, beats, marks, tune, 0)
            last = len(placements) - 1
            times = [
                (section.start + b * beat, p.length / 2 * beat * (1.0 if i == last else 0.92))
                for i, (b, p) in enumerate(zip(beats, placements, strict=True))
            ]
            answer_start = section.start + at * beat
            if lead and lead[-1].start + lead[-1].duration > answer_start - 0.05:
                held = lead[-1]
                cut = max(0.1, answer_start - 0.05 - held.start)
                lead = [*lead[:-1], replace(held, duration=round(min(held.duration, cut), 4))]
        else:
            # Over the lead's held last word, to the end of the room.
            begin = lead[-1].start if lead else section.start + (end - 1) * beat
            finish = max(section.start + end * beat - 0.05, begin + 0.1 * len(texts))
            step = (finish - begin) / len(texts)
            times = [(begin + i * step, step * 0.92) for i in range(len(texts))]
            pitches = tail if len(tail) == len(texts) else [tune.home_pitch(self)] * len(texts)
        echoes = [
            Syllable(round(t, 4), round(length, 4), pitch, text, number + k, BACKING)
            for (t, length), pitch, (k, text) in zip(times, pitches, texts, strict=True)
        ]
        return lead, echoes

    @staticmethod
    def _fit_to_chords(
        pitches: list[int], chords: list[list[int]], beats: list[float], marks: tuple[int, ...]
    ) -> list[int]:
        """Chord tones where the ear weighs a note (beats one and three of the bar, stressed
        syllables on any beat, the held last note); elsewhere a note outside the chord must
        move on by step (a passing or neighbour tone), else it too becomes a chord tone.
        Decided from the line's end backwards, so each note knows where the next one went."""
        fitted = list(pitches)
        for i in range(len(fitted) - 1, -1, -1):
            chord = chords[i]
            strong = beats[i] % 2 == 0 or (marks[i] and beats[i] == int(beats[i]))
            unresolved = i == len(fitted) - 1 or abs(fitted[i + 1] - fitted[i]) > 2
            if strong or (unresolved and fitted[i] % 12 not in {p % 12 for p in chord}):
                fitted[i] = _in_range(nearest_in(fitted[i], chord))
        return fitted

    def lead_from(self, syllables: list[Syllable], energy: float) -> list[Note]:
        return [Note(s.start, s.duration, s.pitch + 12, int(70 + 30 * energy)) for s in syllables]


@dataclass(frozen=True)
class _Tune:
    """What the lines of one section share: the degree the tune moves around, its contour
    in scale steps, and its rhythmic feel."""

    home: int
    contour: list[int]
    feel: Feel

    def home_pitch(self, composer: Composer) -> int:
        return _in_range(scale_pitch(48 + composer.tonic, composer.mode, self.home))


@dataclass(frozen=True)
class _Setting:
    """Where a lyric line is set: its section and chords, the section's tune, the line's
    place in the tune's pattern and its number among the song's lines."""

    section: Section
    degrees: list[int]
    tune: _Tune
    pattern: int
    number: int


def _in_range(pitch: int) -> int:
    """The same pitch class, moved by octaves into the singer's range."""
    while pitch > VOCAL_HIGH:
        pitch -= 12
    while pitch < VOCAL_LOW:
        pitch += 12
    return pitch


def _line_starts(bars: int, lines: int) -> list[int]:
    """The beat each line starts on, plus the section's end: whole bars when every line
    gets at least one, else whole beats."""
    if lines <= bars:
        starts = [i * bars // lines * 4 for i in range(lines)]
    else:
        starts = [i * bars * 4 // lines for i in range(lines)]
    return [*starts, bars * 4]


def compose(
    style: Style,
    plan: FormPlan,
    seed: int,
    *,
    tonic: int,
    mode: str,
    lyrics: list[list[LyricLine]] | None,
    instrumental: bool,
    removed: set[str],
    start_offset: float = 0.0,
    mood: list[str] | None = None,
) -> Score:
    rng = random.Random(seed * 7919 + 17)
    composer = Composer(style, plan, rng, tonic, mode, removed)
    composer.choose_progressions()
    sections: list[Section] = []
    at = start_offset
    for name, kind, bars in plan.sections:
        sections.append(Section(name, kind, round(at, 4), bars))
        at += bars * plan.bar_seconds
    roles = ("drums", "bass", "chords", "pad", "lead")
    tracks = {
        role: Track(role, style.programs.get(role, 0), DRUM_CHANNEL if role == "drums" else i)
        for i, role in enumerate(roles)
    }
    vocal: list[Syllable] = []
    lines: list[str] = []
    sources: list[int | None] = []
    for index, section in enumerate(sections):
        energy = SECTION_ENERGY[section.kind] * (0.6 + 0.4 * style.energy)
        degrees = composer.chords_for(section)
        tracks["drums"].notes += composer.drums(section, degrees, energy)
        tracks["bass"].notes += composer.bass(section, degrees, energy)
        tracks["chords"].notes += composer.chords(section, degrees, energy)
        tracks["pad"].notes += composer.pad(section, degrees, energy)
        section_lines = lyrics[index] if lyrics and index < len(lyrics) else []
        if section.kind in ("intro", "outro") and not section_lines:
            continue
        if not section_lines:
            # Instrumental songs (and sections without words) carry the tune on the lead.
            phantom = [
                LyricLine("", ("",) * rng.randint(6, 9)) for _ in range(max(1, section.bars // 2))
            ]
            tracks["lead"].notes += composer.lead_from(
                composer.melody(section, degrees, phantom, 0), energy
            )
            continue
        sung = composer.melody(section, degrees, section_lines, len(lines))
        performed = [part for line in section_lines for part in line.performed()]
        lines += [part.text for part in performed]
        sources += [part.source_line for part in performed]
        if instrumental:
            tracks["lead"].notes += composer.lead_from(sung, energy)
        else:
            vocal += sung
    end = at + TAIL_SECONDS
    return Score(
        bpm=plan.bpm,
        tonic=tonic,
        mode=mode,
        key=key_name(tonic, mode),
        style=style.name,
        seed=seed,
        bar_seconds=plan.bar_seconds,
        sections=sections,
        tracks=[t for t in tracks.values() if t.notes],
        vocal=vocal,
        lines=lines if not instrumental else [],
        duration=round(end, 3),
        instrumental=instrumental,
        mood=list(mood or []),
        line_sources=sources if not instrumental else [],
    )
