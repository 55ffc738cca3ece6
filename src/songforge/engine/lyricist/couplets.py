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

A field can hold several worlds that do not meet: casinos hold the tables and the heist,
fast food the drive-thru and the all-night diner, work the mill, the mine and the office.
A line ``world <name>: word, word, a phrase`` declares one of them by the words of a prompt
that choose it (a phrase counts when the prompt says it whole); a couplet of it carries
``@<name>`` among its tags (``scene @heist: ...``) and is sung only when the prompt chooses
its world. A roulette song gets no getaway van; where a prompt chooses one world of a
field, the other worlds' words are not sung either.

A couplet tagged with a kind of lead (``being``, ``thing``, ``place`` or ``idea``: a
feeling or a time) names the song's lead where it says ``{L}`` ("the dog", "my ex", "Max",
"hope", "the summer"), and ``{is|are}`` gives the verb for
a singular and a plural lead: ``scene being: {L} {waits|wait} beside the kitchen door /
...``. It is sung only for a lead of its kind, so that a verse names what the song is
about in lines written whole. A couplet true of several kinds lists them all
(``scene being thing: ...``).

A lead its world writes nothing for (an office job is no worker and no workplace) is named
by a couplet of ``songforge/data/any-lead.txt``: what the singer says of it, true in any
world, whose ``{N}`` the writer fills with a thing or a place of the lead's world.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

PARTS = ("scene", "later", "turn", "rise")
MOODS = ("", "dim", "bright")
# The kinds of lead a couplet can name with {L}: someone, something, somewhere, and a
# feeling, an idea or a time ("my anxiety", "the summer").
KINDS = ("being", "thing", "place", "idea")
LEAD = "{L}"
# The couplets a chosen world needs for a part of the story before the rest of its field is
# left out of it.
_OWN_WORLD = 3
# The shelf of couplets that name a lead of any world (see `any_lead_shelf`).
ANY_LEAD = "any lead"
# In a couplet of that shelf, a thing or a place of the lead's world ("the shelf").
WORLD_NOUN = "{N}"
_AGREEMENT = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")


@dataclass(frozen=True)
class Couplet:
    field: str  # the imagery field's name, e.g. "farms"
    part: str  # one of PARTS
    mood: str  # one of MOODS ("" suits any mood)
    lines: tuple[str, str]
    world: str = ""  # the field's world it belongs to ("heist"); "" for all of the field
    kind: str = ""  # the kind of lead its {L} names (one of KINDS); "" when it names none
    voice: str = ""  # the genre whose idiom it is in ("hip-hop"); "" for any song

    def naming(self, name: str, *, plural: bool) -> tuple[str, str]:
        """The lines with `name` ("the dog") for {L}, capitalised at a line's start, and
        each {singular|plural} choice made for the lead's number."""

        def fill(line: str) -> str:
            line = _AGREEMENT.sub(lambda m: m.group(2 if plural else 1), line)
            if line.startswith(LEAD):
                line = name[:1].upper() + name[1:] + line[len(LEAD) :]
            return line.replace(LEAD, name)

        return fill(self.lines[0]), fill(self.lines[1])


@dataclass(frozen=True)
class Shelf:
    """One field's file: its couplets and the worlds within it."""

    couplets: tuple[Couplet, ...]
    # world name -> the prompt's words (or phrases) that choose it
    worlds: dict[str, tuple[str, ...]] = field(default_factory=dict)


class CoupletFormatError(ValueError):
    """A couplet file line that does not read as ``part[ mood][ kind][ @world]: line /
    line`` or ``world name: words``, a couplet of a world the file does not declare, or
    one whose kind and {L} do not go together (or that says ``{L}'s``)."""


def parse_shelf(field_name: str, text: str) -> Shelf:
    """The couplets and worlds of one field's file text.

    Raises CoupletFormatError naming the line that does not parse."""
    out: list[Couplet] = []
    worlds: dict[str, tuple[str, ...]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, sep, body = line.partition(":")
        tags = head.split()
        if tags[:1] == ["world"]:
            words = tuple(w.strip() for w in body.split(","))
            if not sep or len(tags) != 2 or not all(words):
                raise CoupletFormatError(f"{field_name}.txt line {number}: {raw!r}")
            worlds[tags[1]] = words
            continue
        world = next((t[1:] for t in tags if t.startswith("@")), "")
        voice = next((t[1:] for t in tags if t.startswith("~")), "")
        kinds = [t for t in tags if t in KINDS] or [""]
        tags = [t for t in tags if t[:1] not in ("@", "~") and t not in KINDS]
        first, slash, second = body.partition(" / ")
        slotted = LEAD in body and not re.search(r"\{L\}'", body)
        if (
            not sep
            or not slash
            or not tags
            or tags[0] not in PARTS
            or len(tags) > 2
            or (len(tags) == 2 and tags[1] not in MOODS[1:])
            or not first.strip()
            or not second.strip()
            or (world and world not in worlds)
            or bool(kinds[0]) != slotted
            or (not kinds[0] and "{" in body)
        ):
            raise CoupletFormatError(f"{field_name}.txt line {number}: {raw!r}")
        mood = tags[1] if len(tags) == 2 else ""
        lines = (first.strip(), second.strip())
        # A couplet true of several kinds of lead is filed once for each.
        out += [Couplet(field_name, tags[0], mood, lines, world, kind, voice) for kind in kinds]
    return Shelf(tuple(out), worlds)


def parse(field_name: str, text: str) -> tuple[Couplet, ...]:
    """The couplets of one field's file text.

    Raises CoupletFormatError naming the line that does not parse."""
    return parse_shelf(field_name, text).couplets


@lru_cache(maxsize=1)
def any_lead_shelf() -> Shelf:
    """The couplets that name a lead of any world (``songforge/data/any-lead.txt``): what
    the singer says of what the song is about, for a verse whose world has no couplet left
    for a lead of its kind, and the genres' idioms (``~hip-hop``...) a verse opens in.
    Filed under the field name `ANY_LEAD`."""
    text = resources.files("songforge.data").joinpath("any-lead.txt").read_text(encoding="utf-8")
    return parse_shelf(ANY_LEAD, text)


@lru_cache(maxsize=1)
def all_shelves() -> dict[str, Shelf]:
    """Every field's shelf, by field name (read from the package's data once)."""
    folder = resources.files("songforge.data").joinpath("couplets")
    out: dict[str, Shelf] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".txt"):
            name = entry.name.removesuffix(".txt").replace("-", " ")
            out[name] = parse_shelf(name, entry.read_text(encoding="utf-8"))
    return out


def all_couplets() -> dict[str, tuple[Couplet, ...]]:
    """Every field's couplets, by field name."""
    return {name: shelf.couplets for name, shelf in all_shelves().items()}


def worlds_chosen(prompt: str) -> frozenset[tuple[str, str]]:
    """The (field, world) pairs whose words `prompt` says, as whole words ("a casino heist"
    chooses ("casinos", "heist"))."""
    text = " ".join(re.findall(r"[a-z']+(?:-[a-z']+)*", prompt.lower()))
    return frozenset(
        (name, world)
        for name, shelf in all_shelves().items()
        for world, words in shelf.worlds.items()
        if any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
    )


def other_worlds_words(
    chosen: frozenset[tuple[str, str]], fields: Iterable[str] = ()
) -> frozenset[str]:
    """The words that declare the worlds a song did not choose, within the fields where it
    chose one and the `fields` it is in: an office song sings no mill or coal, as none of
    their couplets, and a night at the roulette table no vault."""
    shelves = all_shelves()
    return frozenset(
        word
        for name in {name for name, _ in chosen} | {f for f in fields if f in shelves}
        for world, words in shelves[name].worlds.items()
        if (name, world) not in chosen
        for word in words
        if " " not in word
    )


def couplets_for(
    field_name: str,
    part: str,
    shade: str,
    chosen: frozenset[tuple[str, str]] = frozenset(),
    kind: str = "",
    voice: str | None = None,
) -> list[Couplet]:
    """The couplets of `field_name` for a part of the story that suit a song of `shade`
    ("dim", "bright" or "" for neither): untagged ones and those of the song's own shade,
    of the whole field or of a world within it the prompt `chosen` (see `worlds_chosen`);
    with `kind`, only those that name a lead of that kind, else only those that name none.
    `voice`: only those in that genre's idiom ("hip-hop"), else only those in none's.
    Where the chosen world has `_OWN_WORLD` couplets or more for the part, only they are
    drawn: a nurse's night shift is not sung from the patient's bed, as the field's other
    couplets are."""
    shelf = any_lead_shelf() if field_name == ANY_LEAD else all_shelves().get(field_name)
    fitting = [
        c
        for c in (shelf or Shelf(())).couplets
        if c.part == part
        and c.mood in ("", shade)
        and (not c.world or (field_name, c.world) in chosen)
        and c.kind == kind
        and c.voice == (voice or "")
    ]
    own = [c for c in fitting if c.world]
    return own if len(own) >= _OWN_WORLD else fitting
