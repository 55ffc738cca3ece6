"""What the sync and async clients share: building requests, retry policy, answers."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from songforge.client.errors import SongforgeError, from_response

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class ClientConfig:
    base_url: str
    api_key: str
    timeout: float = 30.0
    max_retries: int = 4
    backoff: float = 0.5

    @classmethod
    def build(
        cls, api_key: str | None, base_url: str | None, timeout: float, max_retries: int
    ) -> ClientConfig:
        key = api_key or os.environ.get("SONGFORGE_API_KEY")
        if not key:
            raise SongforgeError("No API key: pass api_key= or set SONGFORGE_API_KEY.")
        url = base_url or os.environ.get("SONGFORGE_BASE_URL") or DEFAULT_BASE_URL
        return cls(url.rstrip("/"), key, timeout, max_retries)

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}", "User-Agent": "songforge-python"}


def music_body(prompt: str | None, **fields: Any) -> dict[str, Any]:
    body = {k: v for k, v in fields.items() if v is not None}
    if prompt is not None:
        body["prompt"] = prompt
    return body


def new_idempotency_key() -> str:
    return f"sdk-{uuid.uuid4()}"


def retry_delay(attempt: int, config: ClientConfig, error: SongforgeError | None) -> float:
    if error is not None and error.retry_after is not None:
        return min(error.retry_after, 60.0)
    return float(min(config.backoff * 2**attempt, 20.0))


def answer(response: httpx.Response) -> Any:
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code >= 400:
        raise from_response(response.status_code, body, dict(response.headers))
    return body


def should_retry(method: str, has_idempotency_key: bool, status: int) -> bool:
    # A create is only ever resent with its Idempotency-Key, so a retry cannot make a second
    # song; other writes (DELETE) are not resent.
    safe = method == "GET" or has_idempotency_key
    return safe and status in RETRY_STATUSES
