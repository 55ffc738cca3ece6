"""Management request bodies and date filters, written as JSON Schema for the OpenAPI document.

The rules live in domain/key_changes.py (keys), services/webhook_management.py and
services/webhook_destinations.py (webhook endpoints) and services/management.py (usage
filters); this module says the same thing, so that a body the document calls valid is one
the server accepts and the other way round. What no schema can say is under
`x-songforge-rule`: an expiry must lie in the future, a webhook URL's host must resolve to
an address the operator lets the server reach, a usage range must not end before it starts.
"""

from __future__ import annotations

from typing import Any

from songforge.api.schema_text import PY_SPACE, trimmed
from songforge.domain.key_changes import MAX_LIMIT_USD
from songforge.domain.key_changes import STATUSES as KEY_STATUSES
from songforge.domain.webhooks import EVENT_TYPES, TERMINAL_EVENTS
from songforge.outbound.policy import OutboundPolicy
from songforge.services.webhook_destinations import MAX_URL_CHARS
from songforge.services.webhook_management import MAX_DESCRIPTION_CHARS
from songforge.services.webhook_management import STATUSES as WEBHOOK_STATUSES

MAX_KEY_NAME_CHARS = 50
EVENTS = {"type": "array", "items": {"enum": list(EVENT_TYPES)}, "minItems": 1}

# RFC 3339 `full-date` or `date-time` (domain/rfc3339.py reads exactly these).
INSTANT = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]}
EXPIRY_RULE = "After the time of the request, and before 10000-01-01T00:00:00Z."
REVOKED_RULE = "A revoked key is final: any change to it is 400 invalid_parameter."
DATE_ORDER_RULE = (
    "startDate, when both are given, is not after endDate (a date as endDate is the end of "
    "that day)."
)


def _key_fields(catalog_ids: list[str]) -> dict[str, Any]:
    return {
        "name": {
            "type": "string",
            "pattern": trimmed(MAX_KEY_NAME_CHARS),
            "description": f"1 to {MAX_KEY_NAME_CHARS} characters once trimmed.",
        },
        "limitAmount": {
            "anyOf": [
                {
                    "type": "number",
                    "minimum": 0,
                    "maximum": int(MAX_LIMIT_USD),
                    "multipleOf": 0.0001,
                },
                {
                    "type": "string",
                    # Plain digits, at most 4 decimal places that are not trailing zeros.
                    "pattern": r"^(?:(?:0|[1-9][0-9]{0,5})(?:\.[0-9]{1,4}0*)?|1000000(?:\.0+)?)$",
                },
                {"type": "null"},
            ],
            "description": "USD cap, 4 decimal places at most (as a number or a decimal "
            "string); null is unlimited, 0 spends nothing.",
        },
        "limitCurrency": {
            "const": "USD",
            "description": "USD only; any other currency is 400 currency_retired.",
        },
        "models": {
            "type": ["array", "null"],
            "items": {"enum": catalog_ids},
            "description": "Allow-list of model ids; empty or null is all.",
        },
        "expiresAt": {
            "anyOf": [INSTANT, {"type": "null"}],
            "description": "RFC 3339 date-time or YYYY-MM-DD (midnight UTC); null is never. "
            + EXPIRY_RULE,
            "x-songforge-rule": EXPIRY_RULE,
        },
    }


def key_create_body(catalog_ids: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": _key_fields(catalog_ids),
        "required": ["name"],
        "additionalProperties": False,
    }


def key_update_body(catalog_ids: list[str]) -> dict[str, Any]:
    fields = _key_fields(catalog_ids)
    fields["status"] = {"enum": list(KEY_STATUSES), "description": "revoked is final."}
    return {
        "type": "object",
        "properties": fields,
        "additionalProperties": False,
        "minProperties": 1,
        "x-songforge-rule": REVOKED_RULE,
    }


def _url_pattern(policy: OutboundPolicy) -> str:
    """Trimmed, an accepted scheme (any case), a host's first character, at most
    MAX_URL_CHARS characters in all, no NUL."""
    kept = rf"[^{PY_SPACE}\u0000]"
    ways = []
    for scheme in ("http", "https") if policy.allow_http else ("https",):
        letters = "".join(f"[{c}{c.upper()}]" for c in scheme)
        rest = MAX_URL_CHARS - len(scheme) - 4  # after "://" and the host's first character
        ways.append(rf"{letters}://[^{PY_SPACE}\u0000/?#:](?:[^\u0000]{{0,{rest - 1}}}{kept})?")
    return rf"^[{PY_SPACE}]*(?:{'|'.join(ways)})[{PY_SPACE}]*$"


def url_schema(policy: OutboundPolicy) -> dict[str, Any]:
    """A URL this server sends webhooks to (endpoints and per-task callbacks)."""
    rule = "Its host resolves only to addresses this server may reach: public ones" + (
        ", and private, loopback and link-local ones (this server allows them)."
        if policy.allow_private
        else "; private, loopback and link-local addresses are refused."
    )
    return {
        "type": "string",
        "pattern": _url_pattern(policy),
        "description": f"An {'http or https' if policy.allow_http else 'https'} URL of at "
        f"most {MAX_URL_CHARS} characters once trimmed. {rule}",
        "x-songforge-rule": rule,
    }


def _webhook_fields(policy: OutboundPolicy) -> dict[str, Any]:
    return {
        "url": url_schema(policy),
        "events": {**EVENTS, "description": "Events to send; repeats are dropped."},
        "status": {"enum": list(WEBHOOK_STATUSES)},
        "description": {
            "type": ["string", "null"],
            "maxLength": MAX_DESCRIPTION_CHARS,
            "pattern": r"^[^\u0000]*$",
        },
    }


def webhook_create_body(policy: OutboundPolicy) -> dict[str, Any]:
    fields = _webhook_fields(policy)
    fields["events"] = {
        "anyOf": [fields["events"], {"type": "null"}],
        "description": f"Events to send; repeats are dropped. Default (or null): "
        f"{', '.join(TERMINAL_EVENTS)}.",
    }
    fields["status"]["description"] = "Default enabled."
    return {
        "type": "object",
        "properties": fields,
        "required": ["url"],
        "additionalProperties": False,
    }


def webhook_update_body(policy: OutboundPolicy) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": _webhook_fields(policy),
        "additionalProperties": False,
        "description": "Only the fields given change; an empty object changes nothing.",
    }
