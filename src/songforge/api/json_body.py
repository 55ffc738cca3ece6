"""Request bodies: JSON, decoded once, with text every database can store."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request

from songforge.domain.errors import InvalidJson, InvalidParameter


def _nul_field(value: Any, field: str | None) -> str | None:
    """The top-level field holding a NUL character anywhere inside it, if one does.

    PostgreSQL cannot store NUL in text, so such input is refused up front, the same on
    every database, instead of failing at the insert."""
    if isinstance(value, str):
        return field or "body" if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            name = field or key
            if "\x00" in key or _nul_field(item, name) is not None:
                return name
    if isinstance(value, list):
        for item in value:
            if (name := _nul_field(item, field)) is not None:
                return name
    return None


async def read_json(request: Request) -> Any:
    """The parsed body, or None when it is empty."""
    raw = await request.body()
    if not raw.strip():
        return None
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise InvalidJson("Request body is not valid JSON.") from None
    if (field := _nul_field(body, None)) is not None:
        raise InvalidParameter(f"'{field}' must not contain NUL characters.", param=field)
    return body
