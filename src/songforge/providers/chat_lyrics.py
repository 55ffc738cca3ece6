"""Lyrics from an operator's OpenAI-compatible chat endpoint, checked and repaired.

Anything that cannot be repaired into a real lyric sheet (sections with a chorus, a sane
number of lines, no echo of the prompt, no chatter around it) is refused, and the caller
falls back to the built-in writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from songforge.engine.language_id import prompt_language
from songforge.engine.languages import ENGLISH, language_name
from songforge.engine.lyric_text import LyricSection, parse_lyrics

_SYSTEM = (
    "You write song lyrics. Answer with a first line 'Title: <title>' and then the lyrics "
    "only, in sections headed [Verse 1], [Pre-Chorus], [Chorus], [Verse 2], [Bridge], "
    "[Chorus], [Outro], one sung line per line, no commentary."
)
_CHATTER = re.compile(
    r"^\s*(sure|here('s| is| are)|certainly|of course|note:|as an ai|i hope|feel free|enjoy)\b",
    re.IGNORECASE,
)
_HEADER_WORDS = ("verse", "pre-chorus", "prechorus", "chorus", "bridge", "outro", "intro", "hook")
_LOOSE_HEADER = re.compile(
    r"^\s*(?:\*\*|#+\s*)?[\[(]?\s*("
    + "|".join(_HEADER_WORDS)
    + r")\s*(\d*)\s*[\])]?\s*:?\s*(?:\*\*)?\s*$",
    re.IGNORECASE,
)


class UnusableLyrics(ValueError):
    pass


@dataclass(frozen=True)
class ChatSettings:
    base_url: str
    api_key: str | None
    model: str
    timeout_seconds: float


def _header(kind: str, number: str, counts: dict[str, int]) -> str:
    name = {"prechorus": "Pre-Chorus", "pre-chorus": "Pre-Chorus", "hook": "Chorus"}.get(
        kind.lower(), kind.title()
    )
    if name == "Verse":
        counts["Verse"] = int(number) if number else counts.get("Verse", 0) + 1
        return f"[Verse {counts['Verse']}]"
    return f"[{name}]"


def repair(text: str, prompt: str) -> tuple[str | None, list[LyricSection]]:
    """The title (if the model gave one) and the sections, or UnusableLyrics."""
    title = None
    kept: list[str] = []
    counts: dict[str, int] = {}
    seen_header = False
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip().strip("`").replace("**", "").strip()
        if line.lower().startswith("title:"):
            title = line.split(":", 1)[1].strip().strip("\"'") or None
            continue
        header = _LOOSE_HEADER.match(line)
        if header:
            kept.append(_header(header.group(1), header.group(2), counts))
            seen_header = True
            continue
        if not seen_header or _CHATTER.match(line):
            continue  # chatter before the lyric sheet, or around it
        kept.append(line)
    sections = parse_lyrics("\n".join(kept))
    lines = [line for s in sections for line in s.lines]
    if not any(s.name.startswith("Chorus") for s in sections):
        raise UnusableLyrics("no chorus")
    if not 8 <= len(lines) <= 80:
        raise UnusableLyrics(f"{len(lines)} lines")
    if any(len(line) > 90 for line in lines):
        raise UnusableLyrics("a line too long to sing")
    squashed = " ".join(lines).lower()
    if len(prompt) >= 20 and prompt.lower().strip(" .") in squashed:
        raise UnusableLyrics("the prompt echoed back")
    if title is not None and not 1 <= len(title) <= 80:
        title = None
    return title, sections


def request_lyrics(
    settings: ChatSettings, prompt: str, title: str | None, tags: str | None
) -> tuple[str | None, list[LyricSection]]:
    wish = f"Write a song about: {prompt}"
    language = prompt_language(prompt)
    if language.code != ENGLISH:
        # The model could answer in English to a short prompt; the user wrote in this one.
        wish += f"\nWrite the lyrics in {language_name(language.code)}."
    if title:
        wish += f"\nThe title is '{title}'; use it in the chorus."
    if tags:
        wish += f"\nStyle: {tags}."
    headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
    response = httpx.post(
        f"{settings.base_url.rstrip('/')}/chat/completions",
        json={
            "model": settings.model,
            "messages": [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": wish}],
            "temperature": 0.8,
        },
        headers=headers,
        timeout=settings.timeout_seconds,
    )
    response.raise_for_status()
    content = response.json()["choices"][0]["message"]["content"]
    if not isinstance(content, str):
        raise UnusableLyrics("no text in the answer")
    return repair(content, prompt)
