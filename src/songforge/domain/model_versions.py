"""`mv`, the model version a create request may name, and the version that serves it.

TokenLab's OpenAPI (createMusic, v0.6.14) lists the Suno versions a client may send. A model
accepts every one of them plus its own (`mv` in the catalogue); a version the model's
backend does not have is served by the nearest one it has, and the task's metadata records
both (`mv_requested`, `mv`).
"""

from __future__ import annotations

import re

VENDOR_VERSIONS = (
    "chirp-v3-5",
    "chirp-v4",
    "chirp-v4-5",
    "chirp-v4.5",
    "chirp-v4-5plus",
    "chirp-v4.5plus",
    "chirp-v4-5all",
    "chirp-v4.5all",
    "chirp-v5",
    "chirp-v5-5",
    "chirp-v5.5",
)

_CHIRP = re.compile(r"^chirp-v(\d+)(?:[-.](\d+))?(plus|all)?$")


def _number(version: str) -> float | None:
    """chirp-v4-5plus -> 4.5 (plus and all are editions of 4.5); None for other names."""
    match = _CHIRP.match(version)
    if match is None:
        return None
    major, minor, _ = match.groups()
    return int(major) + int(minor or 0) / 10


def accepted_versions(available: tuple[str, ...]) -> tuple[str, ...]:
    """Every value `mv` may take on a model whose backend has `available`."""
    return (*VENDOR_VERSIONS, *(v for v in available if v not in VENDOR_VERSIONS))


def serving_version(requested: str, available: tuple[str, ...]) -> str | None:
    """The version of `available` that serves `requested`: itself when present, else the
    chirp version closest in number (the newer one on a tie), else the model's first
    version; None when the model lists none.

    Example: chirp-v5 on a backend with chirp-v3-5, chirp-v4, chirp-v4-5 -> chirp-v4-5.
    """
    if requested in available or not available:
        return requested if requested in available else None
    wanted = _number(requested)
    numbered = [(n, v) for v in available if (n := _number(v)) is not None]
    if wanted is None or not numbered:
        return available[0]
    return min(numbered, key=lambda nv: (abs(nv[0] - wanted), -nv[0]))[1]


def served_as(available: tuple[str, ...]) -> dict[str, str]:
    """For the catalogue: each accepted version the backend lacks -> the one that serves it."""
    mapping: dict[str, str] = {}
    for version in accepted_versions(available):
        serving = serving_version(version, available)
        if serving is not None and serving != version:
            mapping[version] = serving
    return mapping
