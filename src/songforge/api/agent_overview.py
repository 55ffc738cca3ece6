"""`/llms.txt`: a Markdown overview of the API for agents and their tools (llmstxt.org).

TokenLab's MCP server reads a gateway's `/llms.txt` for its API overview. songforge's is
built from its own OpenAPI document and served catalogue, so it names exactly the routes
and models this installation serves.
"""

from __future__ import annotations

from typing import Any

from songforge.domain.billing import money_str
from songforge.domain.catalog import Model

_METHODS = ("get", "post", "put", "patch", "delete")
_SECTIONS = {
    "tasks": "Music tasks (sk- key)",
    "models": "Catalogue and pricing (no key needed)",
    "files": "Files",
    "management": "Management (mt- token)",
    "webhooks": "Webhooks (mt- token)",
    "operations": "Operations",
}


def _routes(document: dict[str, Any]) -> dict[str, list[str]]:
    by_tag: dict[str, list[str]] = {}
    for path, item in document.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            tag = (operation.get("tags") or ["other"])[0]
            summary = operation.get("summary", "")
            by_tag.setdefault(tag, []).append(f"- `{method.upper()} {path}`: {summary}")
    return by_tag


def _model_line(model: Model) -> str:
    prices = ", ".join(f"{name} ${money_str(op.price)}" for name, op in model.operations.items())
    return f"- `{model.id}`: {model.description} Operations and prices per request: {prices}."


def agent_overview(document: dict[str, Any], models: list[Model], base_url: str) -> str:
    """The Markdown text of /llms.txt: summary, how to call, models, every documented route."""
    lines = [
        "# songforge",
        "",
        "> Self-hostable music generation speaking the TokenLab music API. Create a task with "
        "`POST /v1/music/generations`, poll the `poll_url` it returns (`GET /v1/tasks/{id}`) "
        "until `status` is `completed` or `failed`, then play `audio_url` and show `title` and "
        "`lyrics`. Money is reserved at create and settled once when the task ends.",
        "",
        f"Base URL: {base_url}. Inference routes take `Authorization: Bearer sk-…`; "
        "`/v1/management/…` routes take a management token (`mt-…`). Errors are "
        '`{"error": {"message", "type", "code", "param", "request_id"}}`.',
        "",
        "Create a song:",
        "",
        "```",
        f"curl -X POST {base_url}/v1/music/generations -H 'Authorization: Bearer sk-…' \\",
        "  -H 'Content-Type: application/json' \\",
        '  -d \'{"model": "suno_music", "prompt": "An upbeat synth-pop song about city lights"}\'',
        "```",
        "",
        "## Models",
        "",
        *[_model_line(m) for m in models],
        "",
        "Each model's accepted fields and limits: `GET /v1/models/{model}` "
        "(`tokenlab.request_format_details`).",
    ]
    routes = _routes(document)
    for tag in [*_SECTIONS, *sorted(set(routes) - set(_SECTIONS))]:
        if tag in routes:
            lines += ["", f"## {_SECTIONS.get(tag, tag.capitalize())}", "", *routes[tag]]
    lines += [
        "",
        "## Docs",
        "",
        f"- [OpenAPI document]({base_url}/openapi.json): every route, body and error",
        f"- [Interactive API docs]({base_url}/docs)",
        "",
    ]
    return "\n".join(lines)
