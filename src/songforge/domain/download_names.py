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
    ascii_stem = _stem(anyascii(stem)).encode("ascii", "ignore").decode()
    ascii_stem = re.sub(r"[^a-z0-9-]+", "-", ascii_stem).strip("-") or "file"
    return ascii_stem + (f".{extension}" if extension else "")


def content_disposition(filename: str) -> str:
    """`inline` with an ASCII `filename=` for old clients and the exact name in `filename*`
    (RFC 6266 section 4.3, RFC 8187 encoding)."""
    return f"inline; filename=\"{ascii_name(filename)}\"; filename*=UTF-8''{quote(filename)}"
