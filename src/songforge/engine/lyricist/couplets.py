"""Couplets a verse or bridge sings about the world of its song: two rhyming lines written
whole, for each semantic field of `lyricist.imagery` (a farm, the sea, heartbreak...).

A line made from a template and two nouns of a field can be true of nothing ("dust upon
the wheel and the hand"); a couplet written whole says one thing in two lines. Each one
is filed under its field, its part of the story and the mood it suits:

- ``scene``: the first verse sets the scene;
- ``later``: the second verse moves it on (time passes, things change);
- ``turn``: the bridge turns (a question, a doubt, a hope, a look back);
- ``rise``: the pre-chorus builds toward the chorus (something gathering, about to break),
  in shorter lines (6 to 8 syllables).

The files are ``songforge/data/couplets/<field>.txt`` (spaces in a field's name written
as "-"), one couplet a line: ``part[ mood]: first line / second line``, where mood is
``dim`` (fits only sad, dark or nostalgic songs) or ``bright`` (only happy, hopeful or
energetic ones); untagged couplets suit any mood. ``#`` starts a comment. They are read
once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PARTS = ("scene", "later", "turn", "rise")
MOODS = ("", "dim", "bright")


@dataclass(frozen=True)
class Couplet:
    field: str  # the imagery field's name, e.g. "farms"
    part: str  # one of PARTS
    mood: str  # one of MOODS ("" suits any mood)
    lines: tuple[str, str]


class CoupletFormatError(ValueError):
    """A couplet file line that does not read as ``part[ mood]: line / line``."""


def parse(field: str, text: str) -> tuple[Couplet, ...]:
    """The couplets of one field's file text.

    Raises CoupletFormatError naming the line that does not parse."""
    out: list[Couplet] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, sep, body = line.partition(":")
        tags = head.split()
        first, slash, second = body.partition(" / ")
        if (
            not sep
            or not slash
            or not tags
            or tags[0] not in PARTS
            or len(tags) > 2
            or (len(tags) == 2 and tags[1] not in MOODS[1:])
            or not first.strip()
            or not second.strip()
        ):
            raise CoupletFormatError(f"{field}.txt line {number}: {raw!r}")
        mood = tags[1] if len(tags) == 2 else ""
        out.append(Couplet(field, tags[0], mood, (first.strip(), second.strip())))
    return tuple(out)


@lru_cache(maxsize=1)
def all_couplets() -> dict[str, tuple[Couplet, ...]]:
    """Every field's couplets, by field name (read from the package's data once)."""
    folder = resources.files("songforge.data").joinpath("couplets")
    out: dict[str, tuple[Couplet, ...]] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            field = entry.name.removesuffix(".txt").replace("-", " ")
            out[field] = parse(field, entry.read_text(encoding="utf-8"))
    return out


def couplets_for(field: str, part: str, shade: str) -> list[Couplet]:
    """The couplets of `field` for a part of the story that suit a song of `shade` ("dim",
    "bright" or "" for neither): untagged ones and those of the song's own shade."""
    return [c for c in all_couplets().get(field, ()) if c.part == part and c.mood in ("", shade)]
