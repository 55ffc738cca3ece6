"""Which lines of a sheet were written whole, as couplets of `data/couplets`, and the
couplet each belongs to: a couplet's lines as filed, and a lead couplet's lines with any
lead's name in its {L} and either choice of its {singular|plural}."""

from __future__ import annotations

import re
from functools import lru_cache

from songforge.engine.lyricist.couplets import Couplet, all_couplets, any_lead_shelf


def lead_pattern(line: str) -> re.Pattern[str]:
    """A lead couplet's line as a regular expression: {L} any name, {N} any noun, {a|b}
    either."""
    out = []
    for piece in re.split(r"(\{[^{}]*\})", line):
        if piece in ("{L}", "{N}"):
            out.append(".+")
        elif piece.startswith("{"):
            out.append("(?:" + "|".join(re.escape(w) for w in piece[1:-1].split("|")) + ")")
        else:
            out.append(re.escape(piece))
    return re.compile("".join(out), re.IGNORECASE)


def _every_couplet() -> list[Couplet]:
    """The couplets of every field's shelf and of the shelf that names any lead."""
    return [c for cs in all_couplets().values() for c in cs] + list(any_lead_shelf().couplets)


@lru_cache(maxsize=1)
def _moods() -> dict[str, str]:
    return {" ".join(c.lines): c.mood for c in _every_couplet()}


@lru_cache(maxsize=1)
def _shelved() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str, str]]]:
    exact: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str, str]] = []
    anywhere = set(any_lead_shelf().couplets)
    for c in _every_couplet():
        text = " ".join(c.lines)
        for line in c.lines:
            if "{" in line:
                # A couplet of any world's lead is true of every kind: its kind is "any".
                patterns.append((lead_pattern(line), "any" if c in anywhere else c.kind, text))
            else:
                exact[line] = text
    return exact, patterns


def couplet_of(line: str) -> str | None:
    """The text (as filed) of the couplet `line` was sung from, None for a line of no
    couplet."""
    exact, patterns = _shelved()
    if line in exact:
        return exact[line]
    return next((text for pattern, _, text in patterns if pattern.fullmatch(line)), None)


def lead_kinds(line: str) -> set[str]:
    """The kinds of lead whose couplets have a line `line` is a filling of ("any" for a
    couplet of the shelf that names a lead of any world)."""
    return {kind for pattern, kind, _ in _shelved()[1] if kind and pattern.fullmatch(line)}


def couplet_mood(line: str) -> str | None:
    """The mood tag ("", "dim", "bright") of the couplet `line` was sung from, None for a
    line of no couplet."""
    text = couplet_of(line)
    return None if text is None else _moods()[text]
