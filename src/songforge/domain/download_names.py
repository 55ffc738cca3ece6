"""Names users' browsers save generated files under.

A name is the song's title made safe for every file system, kept in the title's own script
(a Japanese title stays Japanese), plus a short tag of the song so two songs sharing a title
never overwrite each other in a Downloads folder. `ascii_name` is its transliteration for the
`filename=` fallback that old clients read (RFC 6266 section 4.3).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from anyascii import anyascii

_MAX_STEM = 60
# Characters that Windows, macOS or Linux refuse in file names, and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_SEPARATORS = re.compile(r"[\s\-_.,;!'`~^()\[\]{}+=&%$#@]+")
# `<title>-<tag>[-<kind>]` as `song_file_name` builds it; the title is greedy so a title word
# that happens to look like a tag stays in the title.
_TAGGED = re.compile(r"^(?:(?P<title>.+)-)?(?P<tail>[0-9a-f]{8}(?:-[a-z][a-z0-9-]*)?)$")


def _stem(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub(" ", text)
    words = [w for w in _SEPARATORS.split(text.lower()) if w]
    return "-".join(words)[:_MAX_STEM].strip("-")


def song_file_name(title: str | None, song_tag: str, kind: str, extension: str) -> str:
    """`<title>-<song_tag>[-<kind>]<extension>`, e.g. `midnight-drive-3f9a1c2e.mp3`.

    `song_tag` identifies the song (a few characters of its id); `kind` is left out for the
    main audio. Without a usable title the name is the tag alone.
    """
    stem = _stem(title or "")
    parts = [p for p in (stem, song_tag) if p]
    if kind != "audio":
        parts.append(kind.replace("_", "-"))
    return "-".join(parts) + extension


def ascii_name(filename: str) -> str:
    """The file name transliterated to ASCII (`星空-3f9a.mp3` → `xingkong-3f9a.mp3`)."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    # Transliteration can lengthen the title ("😀" → "grinning"), so the title is cut on its
    # own and the song's tag appended after: cutting the whole stem would drop the tag and
    # let two songs with one title share a fallback name.
    tagged = _TAGGED.match(stem)
    title, tail = (tagged["title"] or "", tagged["tail"]) if tagged else (stem, "")
    ascii_title = _stem(anyascii(title)).encode("ascii", "ignore").decode()
    ascii_title = re.sub(r"[^a-z0-9-]+", "-", ascii_title)[:_MAX_STEM].strip("-")
    ascii_stem = "-".join(p for p in (ascii_title, tail) if p) or "file"
    return ascii_stem + (f".{extension}" if extension else "")


def content_disposition(filename: str) -> str:
    """`inline` with an ASCII `filename=` for old clients and the exact name in `filename*`
    (RFC 6266 section 4.3, RFC 8187 encoding)."""
    return f"inline; filename=\"{ascii_name(filename)}\"; filename*=UTF-8''{quote(filename)}"
