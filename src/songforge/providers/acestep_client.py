"""HTTP calls to ACE-Step 1.5 API servers (`python -m acestep.api_server`), with their answers
turned into our failures.

The server's ways of saying no (ACE-Step-1.5 `acestep/api_server.py`): 4xx/5xx with
`{"detail": …}` (429 "queue is full", 401 bad key, 400/415 bad body), or 200 with `code` ≠ 200
and `error` set. `result` in `/query_result` is a JSON string; an id the server does not know
answers status 0 with result `"[]"`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from songforge.ports import BackendUnavailable, ProviderFailure

RUNNING, DONE, FAILED = 0, 1, 2
_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024


class Unreachable(Exception):
    """The server did not answer (refused, timed out, reset)."""


@dataclass(frozen=True)
class Entry:
    """One task's state as `/query_result` gives it; `items` is the parsed `result`."""

    task_id: str
    status: int
    items: list[dict[str, Any]]
    unknown: bool  # the server does not know the id ("[]" with status 0)

    @property
    def progress(self) -> float:
        values = [float(i.get("progress") or 0.0) for i in self.items if isinstance(i, dict)]
        return max(values, default=0.0)

    @property
    def error(self) -> str | None:
        for item in self.items:
            if isinstance(item, dict) and item.get("error"):
                text = str(item["error"]).strip().splitlines()
                return text[-1][:300] if text else None
        return None


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or f"HTTP {response.status_code}"
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("error") or f"HTTP {response.status_code}")
    return f"HTTP {response.status_code}"


def unwrap(response: httpx.Response) -> Any:
    """The `data` of a wrapped answer. Raises BackendUnavailable for answers meaning "not
    now" (429, 401/403, 5xx, 200 with an error code), ProviderFailure (not retryable) for a
    request the server refuses as such (other 4xx)."""
    status = response.status_code
    if status == 429:
        raise BackendUnavailable(f"The ACE-Step server is busy ({_detail(response)}).")
    if status in (401, 403):
        raise BackendUnavailable(f"The ACE-Step server refused our key ({_detail(response)}).")
    if status >= 500:
        raise BackendUnavailable(f"The ACE-Step server failed ({_detail(response)}).")
    if status >= 400:
        raise ProviderFailure(
            "upstream_error",
            f"The ACE-Step server refused the request ({_detail(response)}).",
            retryable=False,
        )
    try:
        body = response.json()
    except ValueError:
        raise BackendUnavailable("The ACE-Step server answered garbage.") from None
    if not isinstance(body, dict):
        raise BackendUnavailable("The ACE-Step server answered garbage.")
    code = body.get("code", 200)
    if code != 200 or body.get("error"):
        raise BackendUnavailable(f"The ACE-Step server answered an error: {body.get('error')}.")
    return body.get("data")


def parse_entry(raw: Any) -> Entry | None:
    if not isinstance(raw, dict) or "task_id" not in raw:
        return None
    result = raw.get("result")
    items: Any = []
    if isinstance(result, str):
        try:
            items = json.loads(result) if result else []
        except ValueError:
            items = []
    elif isinstance(result, list):
        items = result
    items = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    try:
        status = int(raw.get("status", RUNNING))
    except (TypeError, ValueError):
        status = RUNNING
    return Entry(str(raw["task_id"]), status, items, unknown=status == RUNNING and not items)


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class AceStepClient:
    """One client for every server of a pool (a server is named by its base URL)."""

    def __init__(
        self,
        api_key: str | None,
        timeout_seconds: float,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.Client(
            headers=headers, timeout=timeout_seconds, transport=transport, follow_redirects=False
        )

    def _call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._http.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise Unreachable(f"{exc.__class__.__name__}: {exc}") from None

    def release(
        self, server: str, params: dict[str, Any], source: tuple[str, bytes, str] | None
    ) -> str:
        """Submits a job; returns the server's task id. Raises Unreachable,
        BackendUnavailable, ProviderFailure."""
        url = server.rstrip("/") + "/release_task"
        if source is None:
            response = self._call("POST", url, json=params)
        else:
            form = {k: _form_value(v) for k, v in params.items() if v is not None}
            response = self._call("POST", url, data=form, files={"src_audio": source})
        data = unwrap(response)
        if not isinstance(data, dict) or not data.get("task_id"):
            raise BackendUnavailable("The ACE-Step server accepted the job without a task id.")
        return str(data["task_id"])

    def query(self, server: str, task_ids: list[str]) -> dict[str, Entry]:
        """The state of each id the server answered for. Raises Unreachable,
        BackendUnavailable, ProviderFailure."""
        url = server.rstrip("/") + "/query_result"
        data = unwrap(self._call("POST", url, json={"task_id_list": task_ids}))
        entries = [parse_entry(raw) for raw in (data if isinstance(data, list) else [])]
        return {e.task_id: e for e in entries if e is not None}

    def download(self, server: str, file_url: str, target: Path) -> None:
        """Fetches a result file (a URL relative to the server) into `target`."""
        url = (
            file_url
            if file_url.startswith(("http://", "https://"))
            else server.rstrip("/") + (file_url if file_url.startswith("/") else "/" + file_url)
        )
        try:
            with self._http.stream("GET", url) as response:
                if response.status_code != 200:
                    response.read()
                    raise ProviderFailure(
                        "upstream_error",
                        f"The song's file could not be fetched ({_detail(response)}).",
                    )
                size = 0
                with target.open("wb") as out:
                    for chunk in response.iter_bytes(1 << 20):
                        size += len(chunk)
                        if size > _MAX_DOWNLOAD_BYTES:
                            raise ProviderFailure("upstream_error", "The song's file is too large.")
                        out.write(chunk)
        except httpx.TransportError as exc:
            raise Unreachable(f"{exc.__class__.__name__}: {exc}") from None

    def health(self, server: str, timeout_seconds: float) -> tuple[bool, float | None, str | None]:
        """(answered, queue size, why not)."""
        try:
            response = self._http.get(server.rstrip("/") + "/v1/stats", timeout=timeout_seconds)
            data = unwrap(response)
        except httpx.TransportError as exc:
            return False, None, f"unreachable ({exc.__class__.__name__})"
        except (BackendUnavailable, ProviderFailure) as exc:
            return False, None, str(exc)
        queue = data.get("queue_size") if isinstance(data, dict) else None
        return True, float(queue) if isinstance(queue, int | float) else None, None
