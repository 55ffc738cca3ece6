"""Concurrent requests against a real server process: money and idempotency hold."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

SONG = {"model": "suno_music", "prompt": "a song"}
OPEN_LIMITS = {
    "SONGFORGE_WORKERS": 0,  # nothing settles: every created task keeps its hold
    "SONGFORGE_TRIAL_BALANCE": "1.0000",  # ten songs at 0.10
    "SONGFORGE_MAX_TASKS_IN_FLIGHT": 1000,
    "SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE": 1000,
}


def _post_many(
    base_url: str, key: str, bodies: list[dict[str, Any]], headers: list[dict[str, str]]
) -> list[httpx.Response]:
    def post(i: int) -> httpx.Response:
        return httpx.post(
            f"{base_url}/v1/music/generations",
            json=bodies[i],
            headers={"Authorization": f"Bearer {key}", **headers[i]},
            timeout=30,
        )

    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(pool.map(post, range(len(bodies))))


def _scalar(data_dir: Path, query: str) -> Any:
    engine = sa.create_engine(f"sqlite:///{data_dir / 'songforge.db'}")
    with engine.connect() as connection:
        value = connection.execute(sa.text(query)).scalar_one()
    engine.dispose()
    return value


def test_fifty_creates_against_a_balance_for_ten(live_server_factory: Any) -> None:
    server = live_server_factory(**OPEN_LIMITS)
    responses = _post_many(server.base_url, server.api_key, [SONG] * 50, [{}] * 50)
    codes = sorted(r.status_code for r in responses)
    assert codes.count(200) == 10
    assert codes.count(402) == 40
    assert all(
        r.json()["error"]["code"] == "insufficient_balance"
        for r in responses
        if r.status_code == 402
    )
    assert _scalar(server.data_dir, "SELECT count(*) FROM tasks") == 10
    reserved = _scalar(server.data_dir, "SELECT reserved_units FROM organisations")
    recharge = _scalar(server.data_dir, "SELECT total_recharge_units FROM organisations")
    assert reserved == recharge == 10_000  # never more held than the balance


def test_concurrent_requests_with_one_idempotency_key(live_server_factory: Any) -> None:
    server = live_server_factory(**OPEN_LIMITS)
    responses = _post_many(
        server.base_url, server.api_key, [SONG] * 12, [{"Idempotency-Key": "same-one"}] * 12
    )
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    ids = {r.json()["id"] for r in responses}
    assert len(ids) == 1
    replayed = [r.headers.get("Idempotent-Replayed") for r in responses]
    assert replayed.count("true") == 11
    assert _scalar(server.data_dir, "SELECT count(*) FROM tasks") == 1
    assert _scalar(server.data_dir, "SELECT reserved_units FROM organisations") == 1000
    other = _post_many(
        server.base_url, server.api_key, [{**SONG, "title": "x"}], [{"Idempotency-Key": "same-one"}]
    )[0]
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "idempotency_key_reused"
