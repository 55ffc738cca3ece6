"""The model catalogue: each model's request contract, operations, providers and prices."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from songforge.domain.errors import ModelNotFound
from songforge.domain.tasks import Action

OPERATION_MUSIC = "music"
OPERATION_LYRICS = "lyrics"
OPERATION_CONTINUE = "continue"
# Operations on a caller's own audio (`audio_url` + `audio_operation`), named as in
# TokenLab's published OpenAPI.
UPLOAD_EXTEND = "upload-extend"
UPLOAD_COVER = "upload-cover"
ADD_INSTRUMENTAL = "add-instrumental"
UPLOAD_OPERATIONS = frozenset({UPLOAD_EXTEND, UPLOAD_COVER, ADD_INSTRUMENTAL})


@dataclass(frozen=True)
class Operation:
    name: str
    provider: str
    price: Decimal


@dataclass(frozen=True)
class DurationLimits:
    min: float
    max: float
    default: float


@dataclass(frozen=True)
class Model:
    id: str
    owned_by: str
    created: int
    description: str
    capabilities: tuple[str, ...]
    recommended_for: tuple[str, ...]
    default_action: Action
    operations: dict[str, Operation]
    parameters: tuple[str, ...]
    lyrics_parameters: tuple[str, ...]
    mv: tuple[str, ...]
    duration: DurationLimits | None
    prompt_max_chars: int
    time_limit_seconds: float
    instrumental_only: bool
    notes: str

    def supports(self, operation: str) -> bool:
        return operation in self.operations

    def parameters_for(self, action: Action) -> tuple[str, ...]:
        return self.lyrics_parameters if action is Action.LYRICS else self.parameters


def _model_from_dict(raw: dict[str, Any]) -> Model:
    duration = raw.get("duration")
    return Model(
        id=raw["id"],
        owned_by=raw.get("owned_by", "songforge"),
        created=int(raw.get("created", 0)),
        description=raw.get("description", ""),
        capabilities=tuple(raw.get("capabilities", ())),
        recommended_for=tuple(raw.get("recommended_for", ())),
        default_action=Action(raw.get("default_action", "MUSIC")),
        operations={
            name: Operation(name=name, provider=op["provider"], price=Decimal(op["price"]))
            for name, op in raw["operations"].items()
        },
        parameters=tuple(raw["parameters"]),
        lyrics_parameters=tuple(raw.get("lyrics_parameters", ())),
        mv=tuple(raw.get("mv", ())),
        duration=(
            DurationLimits(
                min=float(duration["min"]),
                max=float(duration["max"]),
                default=float(duration["default"]),
            )
            if duration
            else None
        ),
        prompt_max_chars=int(raw.get("prompt_max_chars", 3000)),
        time_limit_seconds=float(raw.get("time_limit_seconds", 300)),
        instrumental_only=bool(raw.get("instrumental_only", False)),
        notes=raw.get("notes", ""),
    )


class Catalog:
    def __init__(self, models: list[Model], updated_at: float | None = None) -> None:
        self._models = {m.id: m for m in models}
        # When prices last changed (Unix seconds): the file's `updated_at`, else the newest
        # model's `created`.
        self.updated_at = (
            updated_at if updated_at is not None else max((m.created for m in models), default=0)
        )

    @classmethod
    def from_json(cls, text: str) -> Catalog:
        data = json.loads(text)
        updated = data.get("updated_at")
        return cls(
            [_model_from_dict(m) for m in data["models"]],
            float(updated) if updated is not None else None,
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Catalog:
        """The operator's file when given, else the catalogue shipped in the package."""
        if path is not None:
            return cls.from_json(path.read_text(encoding="utf-8"))
        shipped = resources.files("songforge.data").joinpath("catalog.json")
        return cls.from_json(shipped.read_text(encoding="utf-8"))

    def __iter__(self) -> Iterator[Model]:
        return iter(self._models.values())

    def ids(self) -> list[str]:
        return list(self._models)

    def vendor_of(self, model_id: str) -> str | None:
        """The public vendor (`owned_by`) of a model; None once it left the catalogue."""
        model = self._models.get(model_id)
        return model.owned_by if model is not None else None

    def get(self, model_id: str) -> Model:
        model = self._models.get(model_id)
        if model is None:
            suggestions = difflib.get_close_matches(model_id, self._models, n=3, cutoff=0.4)
            # TokenLab's ApiError: `did_you_mean` is one id, `suggestions` a list of {id}.
            raise ModelNotFound(
                f"Model '{model_id}' not found",
                param="model",
                did_you_mean=suggestions[0] if suggestions else None,
                suggestions=[{"id": s} for s in suggestions] or None,
            )
        return model
