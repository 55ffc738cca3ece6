"""Validation of a create body against the chosen model's request contract."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from songforge.domain.catalog import (
    ADD_INSTRUMENTAL,
    OPERATION_CONTINUE,
    OPERATION_LYRICS,
    OPERATION_MUSIC,
    UPLOAD_COVER,
    UPLOAD_EXTEND,
    UPLOAD_OPERATIONS,
    Catalog,
    Model,
)
from songforge.domain.errors import (
    InvalidJson,
    InvalidParameter,
    UnsupportedOperation,
    UnsupportedParameter,
)
from songforge.domain.model_versions import accepted_versions, serving_version
from songforge.domain.tasks import Action

DEFAULT_MODEL = "suno_music"
MAX_SEED = 2**32 - 1
_TEXT_LIMITS = {
    "title": 120,
    "tags": 500,
    "negative_tags": 500,
    "lyrics": 20_000,
    "continue_clip_id": 64,
    "user": 256,
    "audio_url": 2048,
}


# Control characters (C0, DEL, C1) would be echoed back raw to terminals and logs that show
# task data; line breaks and tabs are kept only where text is written over several lines.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MULTILINE = frozenset({"prompt", "lyrics"})
_ONE_LINE = frozenset({"title", "tags", "negative_tags", "user"})


@dataclass(frozen=True)
class GenerationRequest:
    model: str
    action: Action
    operation: str
    prompt: str | None = None
    title: str | None = None
    tags: str | None = None
    negative_tags: str | None = None
    make_instrumental: bool = False
    lyrics: str | None = None
    mv: str | None = None
    continue_clip_id: str | None = None
    continue_at: float | None = None
    duration: float | None = None
    seed: int | None = None
    user: str | None = None
    # The caller's own audio: an https URL or a `file_…` id, and what to do with it.
    audio_url: str | None = None
    audio_operation: str | None = None
    # The upload the audio_url resolved to at create (fetched, checked, stored); private.
    audio_file_id: str | None = None
    # The `mv` the caller sent; `mv` is the version of the model's backend that serves it.
    mv_requested: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["action"] = self.action.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GenerationRequest:
        return cls(**{**data, "action": Action(data["action"])})


def _text(body: dict[str, Any], name: str, limit: int, *, allow_empty: bool = False) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidParameter(f"'{name}' must be a string.", param=name)
    if name in _MULTILINE:
        if _CONTROL_BUT_LAYOUT.search(value):
            raise InvalidParameter(
                f"'{name}' must not contain control characters other than tab and line breaks.",
                param=name,
            )
    elif name in _ONE_LINE and _CONTROL.search(value):
        raise InvalidParameter(
            f"'{name}' must not contain control characters (line breaks and tabs included).",
            param=name,
        )
    value = value.strip()
    if not value and not allow_empty:
        raise InvalidParameter(f"'{name}' must not be empty.", param=name)
    if len(value) > limit:
        raise InvalidParameter(f"'{name}' must be at most {limit} characters.", param=name)
    return value or None


def _number(body: dict[str, Any], name: str) -> float | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidParameter(f"'{name}' must be a number.", param=name)
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidParameter(f"'{name}' must be a finite number.", param=name)
    return float(value)


def _action(body: dict[str, Any], model: Model) -> Action:
    raw = body.get("action")
    if raw is None:
        return model.default_action
    allowed = [a.value for a in Action]
    if isinstance(raw, str) and raw in allowed:
        return Action(raw)
    # Exact values only, as TokenLab's schema says; a near miss is pointed at the right one.
    near = raw.strip().upper() if isinstance(raw, str) else ""
    raise InvalidParameter(
        f"'action' must be one of: {', '.join(allowed)}.",
        param="action",
        allowed_values=allowed,
        did_you_mean=near if near in allowed else None,
    )


def validate_create_body(body: object, catalog: Catalog) -> GenerationRequest:
    if not isinstance(body, dict):
        raise InvalidJson("Request body must be a JSON object.")
    model_id = body.get("model", DEFAULT_MODEL)
    if not isinstance(model_id, str) or not model_id.strip():
        raise InvalidParameter("'model' must be a non-empty string.", param="model")
    model = catalog.get(model_id.strip())

    UnsupportedParameter.check(body, model.parameters, f"by model '{model.id}'")
    action = _action(body, model)
    audio_url = _text(body, "audio_url", _TEXT_LIMITS["audio_url"])
    audio_operation = _audio_operation(body, audio_url)
    if action is Action.LYRICS:
        operation = OPERATION_LYRICS
    elif audio_operation is not None:
        operation = audio_operation
    elif body.get("continue_clip_id") is not None:
        operation = OPERATION_CONTINUE
    else:
        operation = OPERATION_MUSIC
    if not model.supports(operation):
        param = {OPERATION_CONTINUE: "continue_clip_id", OPERATION_LYRICS: "action"}.get(
            operation, "audio_operation" if audio_operation else "action"
        )
        raise UnsupportedOperation(
            f"Model '{model.id}' does not support the {operation} operation.",
            param=param,
            supported_operations=list(model.operations),
        )
    UnsupportedParameter.check(body, model.parameters_for(action), f"with action {action.value}")

    prompt = _text(body, "prompt", model.prompt_max_chars)
    if prompt is None and operation not in (OPERATION_CONTINUE, ADD_INSTRUMENTAL):
        raise InvalidParameter("'prompt' is required.", param="prompt")
    if operation == ADD_INSTRUMENTAL:
        # TokenLab's OpenAPI: add-instrumental requires audio_url, title, tags, negative_tags.
        for name in ("title", "tags", "negative_tags"):
            if _text(body, name, _TEXT_LIMITS[name]) is None:
                raise InvalidParameter(f"'{name}' is required for add-instrumental.", param=name)

    make_instrumental = body.get("make_instrumental")
    if make_instrumental is None:  # null means "not given", as for every nullable field
        make_instrumental = model.instrumental_only
    if not isinstance(make_instrumental, bool):
        raise InvalidParameter(
            "'make_instrumental' must be true or false.", param="make_instrumental"
        )
    if model.instrumental_only and not make_instrumental:
        raise InvalidParameter(
            f"Model '{model.id}' makes instrumentals only; 'make_instrumental' must be true.",
            param="make_instrumental",
        )

    lyrics = _text(body, "lyrics", _TEXT_LIMITS["lyrics"])
    if lyrics is not None and make_instrumental:
        raise InvalidParameter(
            "'lyrics' cannot be sung on an instrumental; drop one of them.", param="lyrics"
        )

    mv_requested = body.get("mv")
    accepted = accepted_versions(model.mv)
    if mv_requested is not None and (
        not isinstance(mv_requested, str) or mv_requested not in accepted
    ):
        raise InvalidParameter(
            f"'mv' must be one of: {', '.join(accepted)}.",
            param="mv",
            allowed_values=list(accepted),
        )
    mv = serving_version(mv_requested, model.mv) if mv_requested is not None else None

    duration = _number(body, "duration")
    if duration is not None and model.duration is not None:
        limits = model.duration
        if not limits.min <= duration <= limits.max:
            raise InvalidParameter(
                f"'duration' must be between {limits.min:g} and {limits.max:g} seconds.",
                param="duration",
            )

    seed = body.get("seed")
    if isinstance(seed, float) and seed.is_integer():
        seed = int(seed)  # JSON has one number type: 8571.0 is the integer 8571
    if seed is not None and (
        isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED
    ):
        raise InvalidParameter(f"'seed' must be an integer from 0 to {MAX_SEED}.", param="seed")

    continue_clip_id = _text(body, "continue_clip_id", _TEXT_LIMITS["continue_clip_id"])
    if continue_clip_id is not None and audio_url is not None:
        raise InvalidParameter(
            "Give either 'continue_clip_id' or 'audio_url', not both.", param="audio_url"
        )
    continue_at = _number(body, "continue_at")
    if continue_at is not None:
        if continue_clip_id is None and operation != UPLOAD_EXTEND:
            raise InvalidParameter(
                "'continue_at' needs 'continue_clip_id' or audio_operation upload-extend.",
                param="continue_at",
            )
        if continue_at <= 0:
            raise InvalidParameter("'continue_at' must be greater than 0.", param="continue_at")
    elif operation == UPLOAD_EXTEND:
        raise InvalidParameter("'continue_at' is required for upload-extend.", param="continue_at")

    return GenerationRequest(
        model=model.id,
        action=action,
        operation=operation,
        prompt=prompt,
        title=_text(body, "title", _TEXT_LIMITS["title"]),
        tags=_text(body, "tags", _TEXT_LIMITS["tags"], allow_empty=True),
        negative_tags=_text(body, "negative_tags", _TEXT_LIMITS["negative_tags"], allow_empty=True),
        make_instrumental=make_instrumental,
        lyrics=lyrics,
        mv=mv,
        mv_requested=mv_requested,
        continue_clip_id=continue_clip_id,
        continue_at=continue_at,
        duration=duration,
        seed=seed,
        user=_text(body, "user", _TEXT_LIMITS["user"]),
        audio_url=audio_url,
        audio_operation=audio_operation,
    )


def _audio_operation(body: dict[str, Any], audio_url: str | None) -> str | None:
    """The uploaded-audio operation asked for; upload-cover when only audio_url is given
    (TokenLab's OpenAPI default)."""
    raw = body.get("audio_operation")
    if raw is None:
        return UPLOAD_COVER if audio_url is not None else None
    if not isinstance(raw, str) or raw not in UPLOAD_OPERATIONS:
        raise InvalidParameter(
            f"'audio_operation' must be one of: {', '.join(sorted(UPLOAD_OPERATIONS))}.",
            param="audio_operation",
            allowed_values=sorted(UPLOAD_OPERATIONS),
        )
    if audio_url is None:
        raise InvalidParameter("'audio_operation' needs 'audio_url'.", param="audio_operation")
    return raw
