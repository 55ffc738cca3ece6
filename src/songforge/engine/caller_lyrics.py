# ruff: noqa: RUF001  (full-width brackets and colons, and the times sign, are markers callers write)
"""Caller lyric sheets: section markers in their common spellings, backing lines and
wordless lines told apart from the words that are sung.

Markers are recognised as written on lyric sites and by other music services: `[Verse 2]`,
`[VERSE]`, `[Chorus x2]`, `[Pre-Chorus]`, `[Intro: spoken]`, `**Chorus**`, `(Chorus)`,
`Chorus:` or `Verse 1` alone on a line, `【副歌】`, `[Instrumental break]`, and the section
words of the sung languages (Estribillo, Refrain, Strophe, Ritornello, Refrão, ...). Square
and lenticular brackets always mark structure; the other spellings only when they name a
section. The sheet itself is never rewritten: it is returned to the caller as sent.

A marker may carry a performance direction after its name (`[Intro: spoken]`, `[Outro -
spoken]`, `[Spoken word]`, `[Rap]`): a spoken one is followed, the others are reported.
Words in parentheses on a line are backing vocals, `(x2)` sings the line again, and a
stage direction in parentheses (`(laughs)`, `(whispered)`, `(crying)`) is not sung, unless
it repeats words of its line or the line before (`breathing (breathing)`): that is an echo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Section kinds the composer knows, plus "instrumental" for breaks, solos and interludes.
INTRO, VERSE, PRECHORUS, CHORUS, BRIDGE, OUTRO = (
    "intro",
    "verse",
    "prechorus",
    "chorus",
    "bridge",
    "outro",
)
INSTRUMENTAL = "instrumental"

# Section words, lower case, in the languages the engine sings and in Chinese; the first
# word of a marker that is one of these gives its kind.
_KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("intro", "introduction", "opening", "introducción", "introduzione", "einleitung"),
        INTRO,
    ),
    **dict.fromkeys(
        (
            "verse",
            "v",
            "strophe",
            "couplet",
            "verso",
            "estrofa",
            "strofa",
            "stanza",
            "rap",
            "part",
            "spoken",
            "interlude-verse",
        ),
        VERSE,
    ),
    **dict.fromkeys(
        (
            "pre-chorus",
            "prechorus",
            "pre chorus",
            "pre-hook",
            "prehook",
            "build",
            "build-up",
            "buildup",
            "lift",
            "pre-refrain",
            "pré-refrain",
            "pre-estribillo",
            "pre-coro",
            "pré-refrão",
            "pre-ritornello",
        ),
        PRECHORUS,
    ),
    **dict.fromkeys(
        (
            "chorus",
            "hook",
            "refrain",
            "coro",
            "estribillo",
            "ritornello",
            "refrão",
            "refrao",
            "post-chorus",
            "postchorus",
            "final chorus",
        ),
        CHORUS,
    ),
    **dict.fromkeys(
        ("bridge", "puente", "pont", "brücke", "bruecke", "ponte", "middle 8", "middle eight"),
        BRIDGE,
    ),
    **dict.fromkeys(
        ("outro", "ending", "end", "coda", "fin", "final", "finale", "schluss", "fade out"),
        OUTRO,
    ),
    **dict.fromkeys(
        (
            "instrumental",
            "instrumental break",
            "break",
            "solo",
            "guitar solo",
            "interlude",
            "interludio",
            "intermezzo",
            "zwischenspiel",
            "breakdown",
            "drop",
        ),
        INSTRUMENTAL,
    ),
    # Chinese (simplified and traditional) section words.
    **dict.fromkeys(("前奏", "引子"), INTRO),
    **dict.fromkeys(("主歌", "主歌一", "主歌二", "第一段", "第二段"), VERSE),
    **dict.fromkeys(("预副歌", "預副歌", "导歌", "導歌", "桥前"), PRECHORUS),
    **dict.fromkeys(("副歌", "合唱"), CHORUS),
    **dict.fromkeys(("桥段", "橋段", "过渡", "過渡"), BRIDGE),
    **dict.fromkeys(("尾奏", "结尾", "結尾", "尾声", "尾聲"), OUTRO),
    **dict.fromkeys(("间奏", "間奏", "独奏", "獨奏"), INSTRUMENTAL),
}
# Words that turn any bracketed marker into an instrumental one ("[Guitar solo]").
_INSTRUMENTAL_WORDS = ("instrumental", "solo", "break", "interlude", "间奏", "間奏")
_BRACKETED = re.compile(
    r"^(?:\[(?P<a>[^\[\]]{1,60})\]|【(?P<b>[^【】]{1,60})】|［(?P<c>[^［］]{1,60})］)$"
)
_BOLD = re.compile(r"^(?:\*\*|__)(?P<a>[^*_]{1,40})(?:\*\*|__):?$")
_PARENTHESISED = re.compile(r"^[(（](?P<a>[^()（）]{1,60})[)）]$")
_COLON = re.compile(r"^(?P<a>[^:：\[\](){}]{1,40})[:：]$")
_REPEAT = re.compile(
    r"\s*(?:[(\[]?\s*(?:[x×]\s*(?P<n>\d)|(?P<m>\d)\s*[x×])\s*[)\]]?|\((?:repeat)\))\s*$",
    re.IGNORECASE,
)
_REPEAT_WORD = re.compile(r"^(?:repeat|reprise|again)\s+(?P<rest>.+)$", re.IGNORECASE)
_NUMBER = re.compile(r"\s*#?\s*(\d{1,2}|[一二三四五])$")
_NOTE = re.compile(r"\s*(?::|：|\s[-–—]\s)\s*")
_INLINE_BACKING = re.compile(r"[(（][^()（）]*[)）]")
_INLINE_REPEAT = re.compile(r"^(?:[x×]\s*(?P<n>\d)|(?P<m>\d)\s*[x×]|repeat)$", re.IGNORECASE)
# Words of a marker (its name or its note) asking for the lines to be spoken, not sung;
# rap is spoken too (in the rhythm of speech: the voice cannot rap on the beat grid).
_SPOKEN_WORDS = frozenset(
    (
        "spoken", "speaking", "speech", "talk", "talking", "talked", "narration", "narrated",
        "narrator", "recited", "recitation", "monologue", "rap", "rapped", "rapping",
        "hablado", "recitado", "parlé", "parle", "gesprochen", "parlato", "falado",
    )
)  # fmt: skip
# Words of a parenthesised stage direction: what a performer does rather than sings, in
# every form a sheet writes it ("(cry)", "(crying)", "(cries)" alike). A parenthetical is a
# direction when its first word is one of these, or when all its words are these or the
# manner words with them ("(deep breath)", "(softly)"), and it repeats no word of its
# line or of the line before: "breathing (breathing)" is an echo, and is sung.
_DIRECTION_WORDS = frozenset(
    (
        "spoken", "speaking", "talking", "talk", "talks", "narrating",
        "whisper", "whispers", "whispered", "whispering",
        "laugh", "laughs", "laughed", "laughing", "laughter", "giggle", "giggles",
        "giggling", "chuckle", "chuckles", "chuckling",
        "sigh", "sighs", "sighed", "sighing",
        "breath", "breaths", "breathe", "breathes", "breathing", "inhale", "inhales",
        "exhale", "exhales", "gasp", "gasps", "gasping", "pant", "panting",
        "cry", "cries", "cried", "crying", "sob", "sobs", "sobbing", "weep", "weeps",
        "weeping", "sniff", "sniffs", "sniffle", "sniffles",
        "scream", "screams", "screamed", "screaming", "shout", "shouts", "shouted",
        "shouting", "yell", "yells", "yelled", "yelling", "groan", "groans", "moan",
        "moans", "cough", "coughs", "coughing", "cheer", "cheers", "cheering",
        "hum", "hums", "humming", "hummed", "whistle", "whistles", "whistling",
        "sings", "singing", "pause", "pauses", "silence", "fade", "fades", "fading",
        "instrumental", "solo", "music", "beat", "drums", "guitar", "piano",
        "clap", "claps", "clapping", "applause", "crowd",
    )
)  # fmt: skip
_MANNER_WORDS = frozenset(
    (
        "soft", "softly", "quiet", "quietly", "loud", "loudly", "gently", "slowly",
        "deep", "heavy", "heavily", "long", "big", "short", "sharp", "faint", "faintly",
        "out", "in", "and",
    )
)  # fmt: skip
# Characters sung as part of words; everything else on a line is a symbol.
_STRAY = re.compile(r"[^\w\s'\u2019,.!?;:&¿¡-]")


@dataclass(frozen=True)
class SheetLine:
    """One written line. `text` is what the lead voice sings (empty for a wordless line)."""

    written: str
    text: str
    backing: tuple[str, ...] = ()  # parenthesised words on the line, sung by the backing voice
    number: int | None = None  # 1-based, in the sheet as returned (its ends trimmed)
    directions: tuple[str, ...] = ()  # parenthesised stage directions, not sung
    repeat: int = 1  # "(x2)" at the end: the line is sung this many times

    @property
    def wordless(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class SheetSection:
    # As the caller wrote it, without brackets or a repeat count ("VERSE", "副歌", "Intro:
    # spoken" for "[Intro: spoken]", "Chorus" for "[Chorus x2]").
    name: str
    kind: str  # one of the kinds above
    lines: tuple[SheetLine, ...]
    note: str | None = None  # what followed a colon in the marker ("spoken")
    written: bool = True  # False for stanzas without a marker (named "Verse N")

    @property
    def spoken(self) -> bool:
        """The marker asks for its lines to be spoken (or rapped), not sung."""
        words = re.findall(r"\w+", f"{self.name} {self.note or ''}".lower())
        return any(word in _SPOKEN_WORDS for word in words)


@dataclass(frozen=True)
class Sheet:
    sections: tuple[SheetSection, ...]  # in the order they are sung, repeats written out
    notices: tuple[str, ...]  # what the caller should know about how the sheet is sung

    @property
    def sung_lines(self) -> list[str]:
        return [line.text for s in self.sections for line in s.lines if line.text]

    @property
    def backing_lines(self) -> list[str]:
        return [b for s in self.sections for line in s.lines for b in line.backing]

    @property
    def sung_text(self) -> str:
        return "\n".join(self.sung_lines)


@dataclass(frozen=True)
class _Marker:
    name: str
    kind: str
    repeat: int
    note: str | None


def _kind_of(words: str) -> str | None:
    low = " ".join(words.lower().replace("_", " ").split())
    if low in _KIND_WORDS:
        return _KIND_WORDS[low]
    hyphen = low.replace(" - ", "-").replace(" ", "-")
    if hyphen in _KIND_WORDS:
        return _KIND_WORDS[hyphen]
    first = low.split(" ")[0] if low else ""
    return _KIND_WORDS.get(first)


def _marker(line: str) -> _Marker | None:
    """The section marker `line` is, or None when it is a line of lyrics."""
    bracketed = _BRACKETED.match(line)
    if bracketed:
        inner = next(g for g in bracketed.groups() if g is not None)
        return _read_marker(inner, always=True)
    for pattern in (_BOLD, _PARENTHESISED, _COLON):
        found = pattern.match(line)
        if found:
            return _read_marker(found.group("a"), always=False)
    # "Verse 1", "Chorus", "Pre-Chorus x2" alone on a line.
    return _read_marker(line, always=False, exact=True)


def _read_marker(inner: str, *, always: bool, exact: bool = False) -> _Marker | None:
    text = inner.strip().strip("*_").strip()
    repeat = 1
    found = _REPEAT.search(text)
    if found and found.start() > 0:
        repeat = int(found.group("n") or found.group("m") or 2)
        text = text[: found.start()].strip()
    # The section's name is the marker as written, its direction included ("Intro:
    # spoken"), so a client finds it in its sheet; only brackets and a count are left out.
    written = text
    again = _REPEAT_WORD.match(text)
    if again:
        text = again.group("rest").strip()
    parts = _NOTE.split(text, maxsplit=1)
    head = parts[0].strip()
    note = parts[1].strip() if len(parts) > 1 and parts[1].strip() else None
    bare = _NUMBER.sub("", head).strip()
    kind = _kind_of(bare)
    if exact and (kind is None or note is not None or _kind_of_exact(bare) is None):
        return None
    if kind is None:
        if not always:
            return None
        low = head.lower()
        kind = INSTRUMENTAL if any(word in low for word in _INSTRUMENTAL_WORDS) else VERSE
    if kind != INSTRUMENTAL and any(word in head.lower() for word in ("instrumental", "solo")):
        kind = INSTRUMENTAL
    return _Marker(written or inner.strip(), kind, max(1, min(repeat, 8)), note)


def _kind_of_exact(words: str) -> str | None:
    low = " ".join(words.lower().split())
    return _KIND_WORDS.get(low) or _KIND_WORDS.get(low.replace(" ", "-"))


def _words(text: str) -> str:
    """The words of `text` as sung: symbols dropped; empty when no word is left."""
    cleaned = " ".join(_STRAY.sub(" ", text).split())
    return cleaned if any(ch.isalnum() for ch in cleaned) else ""


def _word_set(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _repeats(inner: str, context: str) -> bool:
    """`inner` repeats words of `context`: one of three letters or more, or all of them."""
    said, heard = _word_set(inner), _word_set(context)
    return bool(said) and (said <= heard or any(len(w) >= 3 for w in said & heard))


def _is_direction(inner: str) -> bool:
    words = re.findall(r"\w+", inner.lower())
    if not words:
        return False
    if words[0] in _DIRECTION_WORDS:
        return True
    # "(deep breath)", "(laughs and cries)", "(softly)"; never manner words alone ("(in)").
    return all(w in _DIRECTION_WORDS or w in _MANNER_WORDS for w in words) and any(
        w in _DIRECTION_WORDS or w.endswith("ly") for w in words
    )


def _read_line(raw: str, number: int, previous: str = "") -> SheetLine:
    """One lyric line; `previous` is what the lyric line before it sings, which a
    parenthetical on this line may echo."""
    written = raw.strip()
    backing: list[str] = []
    directions: list[str] = []
    repeat = 1
    outside = _INLINE_BACKING.sub(" ", written)
    for found in _INLINE_BACKING.findall(written):
        inner = found.strip("()（） ")
        again = _INLINE_REPEAT.match(inner)
        if again:
            repeat = max(1, min(int(again.group("n") or again.group("m") or 2), 8))
        elif _is_direction(inner) and not _repeats(inner, f"{outside} {previous}"):
            directions.append(inner)
        elif _words(inner):
            backing.append(_words(inner))
    text = _words(outside)
    return SheetLine(written, text, tuple(backing), number, tuple(directions), repeat)


@lru_cache(maxsize=256)
def read_sheet(text: str) -> Sheet:
    """The sections of a caller's sheet in sung order.

    A marker with no lines after it repeats the last section of its kind that had lines
    (a second `[Chorus]`), or is an instrumental section. Stanzas without markers are
    verses. Words in parentheses are backing vocals, sung by the backing voice: a whole
    line in its own place, words inside a line as an answer after the lead sings it. A
    line without words (emoji, punctuation, a stage direction) is kept in its place as an
    instrumental gap as long as a line, and a notice says so.
    """
    sections: list[SheetSection] = []
    notices: list[str] = []
    marker: _Marker | None = None
    lines: list[SheetLine] = []
    unnamed = 0
    previous = ""

    def close() -> None:
        nonlocal marker, lines, unnamed
        if marker is None and not lines:
            return
        if marker is None:
            unnamed += 1
            section = SheetSection(f"Verse {unnamed}", VERSE, tuple(lines), written=False)
        else:
            kept = tuple(lines)
            if not kept and marker.kind not in (VERSE, INSTRUMENTAL, INTRO, OUTRO):
                earlier = [s for s in sections if s.kind == marker.kind and s.lines]
                if earlier:
                    kept = earlier[-1].lines
            section = SheetSection(marker.name, marker.kind, kept, marker.note)
        sections.extend([section] * (marker.repeat if marker else 1))
        marker, lines = None, []

    # Lines are numbered as a client splitting the returned (trimmed) lyrics on "\n" counts
    # them; a lone carriage return also ends a line here, keeping its line's number.
    rows = text.strip().replace("\r\n", "\n").split("\n")
    for number, raw in ((n, part) for n, row in enumerate(rows, 1) for part in row.split("\r")):
        stripped = raw.strip()
        if not stripped:
            if lines:
                close()
            continue
        found = _marker(stripped)
        if found is not None:
            close()
            marker = found
            continue
        line = _read_line(stripped, number, previous)
        previous = " ".join((line.text, *line.backing))
        lines.extend([line] * line.repeat)
    close()

    directions = [d for s in sections for line in s.lines for d in line.directions]
    if directions:
        shown = ", ".join(f"({d})" for d in dict.fromkeys(directions))
        notices.append(f"Stage directions in parentheses are not sung: {shown}.")
    gaps = [
        line.written
        for s in sections
        for line in s.lines
        if line.wordless and not line.backing and not line.directions
    ]
    if gaps:
        shown = ", ".join(f"'{g}'" for g in dict.fromkeys(gaps))
        notices.append(
            f"Lines without words are held as instrumental gaps as long as a line: {shown}."
        )
    for section in sections:
        if section.note and section.kind != INSTRUMENTAL and section.lines and not section.spoken:
            notices.append(
                f"'{section.name}' is sung like the other sections; only spoken (or "
                "rapped) sections are performed as directed."
            )
            break
    return Sheet(tuple(sections), tuple(dict.fromkeys(notices)))
