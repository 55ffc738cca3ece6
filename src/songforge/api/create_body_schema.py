"""The create body's cross-field rules, written as JSON Schema for the OpenAPI document.

`validate_create_body` (domain/generation_request.py) is the rule; this module says the same
thing to client generators and fuzzers, so that a body the document calls valid is one the
server accepts: which fields each model takes with each action, duration bounds, versions,
what is required when, and which fields exclude each other. What no schema can say (whether
the caller's lyrics fit the duration, whether a clip id exists, the balance) is in the
field descriptions.
"""

from __future__ import annotations

from typing import Any

from songforge.api.schema_text import NON_BLANK as NON_BLANK_TEXT
from songforge.domain.catalog import (
    ADD_INSTRUMENTAL,
    OPERATION_CONTINUE,
    OPERATION_LYRICS,
    UPLOAD_EXTEND,
    UPLOAD_OPERATIONS,
    Model,
)
from songforge.domain.generation_request import DEFAULT_MODEL
from songforge.domain.model_versions import accepted_versions
from songforge.domain.tasks import Action

# Fields that, when given as a string, must hold more than white space (they are trimmed).
NON_BLANK = ("model", "prompt", "title", "lyrics", "continue_clip_id", "user", "audio_url")
# Text with a character Python's str.strip() keeps, and no NUL anywhere.
_TEXT = {"type": "string", "pattern": NON_BLANK_TEXT}


def given(*names: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Matches a body in which every one of `names` is present and not null (and matches
    `schema` when one is given)."""
    return {
        "required": list(names),
        "properties": {name: schema or {"not": {"type": "null"}} for name in names},
    }


def _given_as(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": [name], "properties": {name: schema}}


def _actions(model: Model) -> list[Action]:
    actions = []
    if any(name != OPERATION_LYRICS for name in model.operations):
        actions.append(Action.MUSIC)
    if model.supports(OPERATION_LYRICS):
        actions.append(Action.LYRICS)
    return actions


def _branch(model: Model, action: Action, every_field: list[str]) -> dict[str, Any]:
    allowed = set(model.parameters_for(action))
    default = action is model.default_action
    properties: dict[str, Any] = {
        "model": {"const": model.id},
        "action": {"enum": [action.value, None] if default else [action.value]},
        "prompt": {"type": ["string", "null"], "maxLength": model.prompt_max_chars},
        "mv": {"enum": [*accepted_versions(model.mv), None]},
    }
    if model.duration is not None:
        properties["duration"] = {
            "type": ["number", "null"],
            "minimum": model.duration.min,
            "maximum": model.duration.max,
        }
    if model.instrumental_only:
        properties["make_instrumental"] = {"enum": [True, None]}
    required = [] if model.id == DEFAULT_MODEL else ["model"]
    if not default:
        required.append("action")
    branch: dict[str, Any] = {"properties": properties, "required": required}
    forbidden = [name for name in every_field if name not in allowed]
    if forbidden:
        branch["not"] = {"anyOf": [{"required": [name]} for name in forbidden]}
    ways_in = [_given_as("prompt", _TEXT)]
    if action is Action.MUSIC:
        if model.supports(OPERATION_CONTINUE):
            ways_in.append(_given_as("continue_clip_id", _TEXT))
        if model.supports(ADD_INSTRUMENTAL):
            ways_in.append(_given_as("audio_operation", {"const": ADD_INSTRUMENTAL}))
        operations = set(model.operations)
        offered = sorted(operations & UPLOAD_OPERATIONS)
        if offered:
            properties["audio_operation"] = {"enum": [*offered, None]}
    branch["anyOf"] = ways_in
    return branch


def create_body_rules(models: list[Model], every_field: list[str]) -> list[dict[str, Any]]:
    """`allOf` items for the create body: one branch per served model and action (exactly
    one must match), then the rules that hold whatever the model."""
    branches = [_branch(m, action, every_field) for m in models for action in _actions(m)]
    null_or_text = {"anyOf": [{"type": "null"}, _TEXT]}
    return [
        {"oneOf": branches},
        {"properties": {name: null_or_text for name in NON_BLANK}},
        # Words cannot be sung on an instrumental.
        {"not": {"allOf": [given("lyrics"), _given_as("make_instrumental", {"const": True})]}},
        # A continuation is of a clip or of an upload, never both.
        {"not": given("continue_clip_id", "audio_url")},
        {"if": given("audio_operation"), "then": given("audio_url")},
        {
            "if": given("continue_at"),
            "then": {
                "anyOf": [
                    given("continue_clip_id"),
                    _given_as("audio_operation", {"const": UPLOAD_EXTEND}),
                ]
            },
        },
        {
            "if": _given_as("audio_operation", {"const": UPLOAD_EXTEND}),
            "then": given("continue_at"),
        },
        {
            "if": _given_as("audio_operation", {"const": ADD_INSTRUMENTAL}),
            "then": given("title", "tags", "negative_tags", schema=_TEXT),
        },
    ]
