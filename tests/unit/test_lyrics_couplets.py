"""The couplet shelves (songforge/data/couplets): every couplet must be singable as the
writer's own lines are: each line within a syllable of the verse's target, the two lines
rhyming, every word one the voice can pronounce, "a"/"an" right, and no line sung in two
places. A field with too few couplets would make songs of that world share their lines."""

from __future__ import annotations

import collections
import itertools
import re

import pronouncing
import pytest

from songforge.engine.lyric_text import syllable_count
from songforge.engine.lyricist.couplets import (
    PARTS,
    CoupletFormatError,
    all_couplets,
    parse,
    worlds_chosen,
)
from songforge.engine.lyricist.grammar import indefinite
from songforge.engine.lyricist.imagery import FIELDS, MASS
from songforge.engine.lyricist.writer import TARGETS, _repeats_end, last_word, rhymes

# Per part, the couplets a field needs, and how many of them must suit any mood.
NEEDED = {"scene": 5, "later": 4, "turn": 4, "rise": 6}
# The section each part is sung in, whose line length its lines keep.
SECTION = {"scene": "verse", "later": "verse", "turn": "bridge", "rise": "prechorus"}
UNTAGGED = 3
# Words for the music itself are heard, not sung, outside the fields about music.
PRODUCTION = frozenset(
    ["beat", "beats", "bass", "drum", "drums", "guitar", "synth", "bpm", "lofi", "tempo"]
)
# A lead as the writer names it most often, in two syllables ("the dog", "my ex"): a couplet
# that names the lead keeps its lines' length with one.
SAMPLE_LEAD = {"being": "the dog", "thing": "the box", "place": "the town", "idea": "the box"}
MUSICAL_FIELDS = frozenset(("music", "brass bands", "mixtapes", "dancing", "parties"))
_WORD = re.compile(r"[A-Za-z']+")


def _syllables(line: str) -> int:
    return sum(syllable_count(w) for w in _WORD.findall(line))


def _pronounceable(word: str) -> bool:
    """In the pronouncing dictionary, or its stem is ("creaks", "orchard's")."""
    stems = [word, word.removesuffix("'s"), word.removesuffix("s"), word.removesuffix("es")]
    return any(pronouncing.phones_for_word(s) for s in stems if s)


def _problems(field: str, part: str, line: str) -> list[str]:
    out: list[str] = []
    count = _syllables(line)
    target = TARGETS[SECTION[part]]
    if abs(count - target) > 1:
        out.append(f"{count} syllables ({target - 1} to {target + 1} wanted)")
    words = [w.lower().strip("'") for w in _WORD.findall(line)]
    unknown = [w for w in words if w and not _pronounceable(w)]
    if unknown:
        out.append(f"words the voice cannot pronounce: {unknown}")
    for article, nxt in itertools.pairwise(words):
        if article in ("a", "an") and indefinite(nxt).split()[0] != article:
            out.append(f"'{article} {nxt}'")
    if _repeats_end(line):
        out.append("the line says its last word before ('one by one')")
    counted = [n for a, n in itertools.pairwise(words) if a in ("a", "an") and n in MASS]
    if counted:
        out.append(f"'a' before what is not counted: {counted} ('a paper plate')")
    if field not in MUSICAL_FIELDS and PRODUCTION.intersection(words):
        out.append(f"production words: {sorted(PRODUCTION.intersection(words))}")
    if not line[0].isupper() or line.rstrip()[-1] in ".;:":
        out.append("a line starts with a capital and ends without a stop")
    return out


def test_every_field_has_its_shelf() -> None:
    shelves = all_couplets()
    names = {f.name for f in FIELDS}
    assert not set(shelves) - names, "a couplet file names no field"
    missing = sorted(names - set(shelves))
    assert not missing, f"fields without couplets: {missing}"
    for field, couplets in shelves.items():
        for part in PARTS:
            # Couplets that name the lead are sung beside these, not in their place.
            ours = [c for c in couplets if c.part == part and not c.kind]
            assert len(ours) >= NEEDED[part], f"{field}: {len(ours)} {part} couplets"
            assert sum(not c.mood for c in ours) >= UNTAGGED, f"{field}: {part} untagged"


def test_every_couplet_is_singable_and_rhymes() -> None:
    wrong: list[str] = []
    for field, couplets in sorted(all_couplets().items()):
        for c in couplets:
            lines = c.naming(SAMPLE_LEAD[c.kind], plural=False) if c.kind else c.lines
            for line in lines:
                wrong += [f"{field}: {line!r}: {p}" for p in _problems(field, c.part, line)]
            for raw, line in zip(c.lines, lines, strict=True):
                # A line with the name is at most the verse's length with a two-syllable
                # name, so that "my mother" or "the keeper" still fits within one.
                if "{L}" in raw and _syllables(line) > TARGETS[SECTION[c.part]]:
                    wrong.append(f"{field}: {line!r}: too long for a longer name")
            if any(line.rstrip().endswith("}") for line in c.lines):
                wrong.append(f"{field}: {c.lines}: a line ends on the lead, which has no rhyme")
            a, b = (last_word(line) for line in lines)
            if a == b or not rhymes(a, b):
                wrong.append(f"{field}: {c.lines}: '{a}' and '{b}' do not rhyme")
    assert not wrong, "\n".join(wrong)


def test_no_line_is_on_two_shelves() -> None:
    seen = collections.Counter(
        line.lower().strip(",!? ") for cs in all_couplets().values() for c in cs for line in c.lines
    )
    twice = [line for line, n in seen.items() if n > 1]
    assert not twice, twice


def test_a_malformed_line_names_itself() -> None:
    with pytest.raises(CoupletFormatError, match="line 2"):
        parse("farms", "scene: A / B\nverse: The corn / the morn\n")
    assert parse("farms", "turn dim: One line / two lines  # why\n")[0].mood == "dim"


def test_a_world_within_a_field_is_declared_before_its_couplets() -> None:
    text = (
        "world heist: heist, getaway, bank job\n"
        "scene @heist: Outside a van is idling low / The vault is on the floor below\n"
    )
    (couplet,) = parse("casinos", text)
    assert couplet.world == "heist"
    assert worlds_chosen("a song about the getaway car") >= {("casinos", "heist")}
    assert ("casinos", "heist") not in worlds_chosen("a song about the roulette table")
    with pytest.raises(CoupletFormatError, match="line 1"):
        parse("casinos", "scene @heist: Outside a van is idling low / The vault below\n")
