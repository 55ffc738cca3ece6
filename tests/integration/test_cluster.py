"""A cluster on one machine: PostgreSQL, an S3 server, two API nodes and three workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from tests.conftest import LiveServer, free_port, start_server

SONG = {"model": "suno_music", "prompt": "a song"}


@pytest.fixture
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    from songforge.storage.s3 import S3BlobStore

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    S3BlobStore("cluster", endpoint_url=endpoint, access_key="k", secret_key="s").ensure_bucket()
    yield endpoint
    server.stop()


def _cluster_env(postgres_url: str, s3_endpoint: str) -> dict[str, Any]:
    return {
        "SONGFORGE_DATABASE_URL": postgres_url,
        "SONGFORGE_STORAGE": "s3://cluster/songs",
        "SONGFORGE_S3_ENDPOINT_URL": s3_endpoint,
        "SONGFORGE_S3_ACCESS_KEY": "k",
        "SONGFORGE_S3_SECRET_KEY": "s",
        "SONGFORGE_PROVIDER_OVERRIDE": "fake",
        "SONGFORGE_TRIAL_BALANCE": "100",
        "SONGFORGE_MAX_TASKS_IN_FLIGHT": 1000,
        "SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE": 1000,
        "SONGFORGE_LEASE_SECONDS": 3,
        "SONGFORGE_HEARTBEAT_SECONDS": 0.5,
        "SONGFORGE_REAPER_INTERVAL_SECONDS": 0.5,
        "SONGFORGE_RETRY_BACKOFF_SECONDS": 0,
    }


def _api_nodes(tmp_path: Path, env: dict[str, Any], count: int = 2) -> list[LiveServer]:
    nodes = [
        start_server(tmp_path / f"api{i}", free_port(), SONGFORGE_WORKERS=0, **env)
        for i in range(count)
    ]
    for node in nodes[1:]:
        node.api_key = nodes[0].api_key  # the first node made the organisation
    return nodes


def _workers(tmp_path: Path, env: dict[str, Any], count: int) -> list[subprocess.Popen[bytes]]:
    processes = []
    for i in range(count):
        full = {
            **os.environ,
            **{k: str(v) for k, v in env.items()},
            "SONGFORGE_DATA_DIR": str(tmp_path / f"worker{i}"),
            "SONGFORGE_WORKERS": "1",
        }
        log = (tmp_path / f"worker{i}.log").open("wb")
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "songforge.cli.main", "worker"],
                env=full,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        log.close()
    return processes


def _stop(workers: list[subprocess.Popen[bytes]], nodes: list[LiveServer]) -> None:
    for process in workers:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in workers:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    for node in nodes:
        node.stop()


def _rows(url: str, query: str) -> list[Any]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = list(connection.execute(sa.text(query)))
    engine.dispose()
    return rows


def test_sixty_tasks_two_api_nodes_three_workers_one_killed(
    postgres_url: str, s3_endpoint: str, tmp_path: Path
) -> None:
    env = _cluster_env(postgres_url, s3_endpoint)
    nodes = _api_nodes(tmp_path, env)
    workers = _workers(tmp_path, env, 3)
    try:
        headers = {"Authorization": f"Bearer {nodes[0].api_key}"}
        victim = httpx.post(
            f"{nodes[0].base_url}/v1/music/generations",
            headers=headers,
            json={**SONG, "prompt": "fake:sleep=4 victim"},
        ).json()["id"]
        deadline = time.monotonic() + 60
        owner = None
        while time.monotonic() < deadline and owner is None:
            rows = _rows(postgres_url, f"SELECT lease_owner FROM tasks WHERE id = '{victim}'")
            owner = rows[0][0]
            time.sleep(0.1)
        assert owner is not None, "nobody took the task"
        killed_pid = int(owner.split(":")[1])
        assert killed_pid in [w.pid for w in workers]
        os.kill(killed_pid, signal.SIGKILL)

        def create(i: int) -> str:
            node = nodes[i % 2]
            response = httpx.post(
                f"{node.base_url}/v1/music/generations",
                headers=headers,
                json={**SONG, "prompt": f"fake:sleep=0.2 song {i}"},
                timeout=30,
            )
            assert response.status_code == 200, response.text
            return str(response.json()["id"])

        with ThreadPoolExecutor(max_workers=8) as pool:
            ids = list(pool.map(create, range(60)))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            open_count = _rows(
                postgres_url, "SELECT count(*) FROM tasks WHERE status IN ('pending','processing')"
            )
            if open_count[0][0] == 0:
                break
            time.sleep(0.5)
        statuses = _rows(postgres_url, "SELECT status, count(*) FROM tasks GROUP BY status")
        assert dict(statuses) == {"completed": 61}
        # Every task settled exactly once.
        charges = _rows(
            postgres_url,
            "SELECT task_id, count(*) FROM billing_transactions "
            "WHERE kind = 'charge' GROUP BY task_id",
        )
        assert len(charges) == 61
        assert all(n == 1 for _, n in charges)
        assert _rows(postgres_url, "SELECT count(*) FROM usage_records")[0][0] == 61
        [(used, reserved)] = _rows(
            postgres_url, "SELECT total_used_units, reserved_units FROM organisations"
        )
        assert used == 61 * 1000
        assert reserved == 0
        # The killed worker's task was taken over after its lease and completed.
        attempts = _rows(
            postgres_url,
            "SELECT attempt, owner, started_at, finished_at, outcome "
            f"FROM task_attempts WHERE task_id = '{victim}' ORDER BY 1",
        )
        assert len(attempts) == 2
        assert attempts[0][1] == owner
        assert attempts[0][4] == "generation_failed"
        assert attempts[1][4] == "completed"
        assert attempts[1][1] != owner
        # No task was ever held by two workers at once.
        all_attempts = _rows(
            postgres_url,
            "SELECT task_id, attempt, started_at, finished_at "
            "FROM task_attempts ORDER BY task_id, attempt",
        )
        assert all(row[3] is not None for row in all_attempts)
        previous: dict[str, float] = {}
        for task_id, _, started, finished in all_attempts:
            assert started >= previous.get(task_id, 0.0)
            previous[task_id] = finished
        assert set(ids) <= {row[0] for row in all_attempts}
        # Files went to S3 and serve through either API node.
        done = httpx.get(f"{nodes[1].base_url}/v1/tasks/{ids[0]}", headers=headers).json()
        audio = httpx.get(
            done["audio_url"]
            .replace(nodes[0].base_url, nodes[1].base_url)
            .replace("http://127.0.0.1:8000", nodes[1].base_url),
            follow_redirects=True,
        )
        assert audio.status_code == 200
        assert audio.content[:4] == b"RIFF"
    finally:
        _stop(workers, nodes)


def test_fifty_creates_on_postgres_across_two_api_nodes(
    postgres_url: str, s3_endpoint: str, tmp_path: Path
) -> None:
    env = {**_cluster_env(postgres_url, s3_endpoint), "SONGFORGE_TRIAL_BALANCE": "1.0000"}
    nodes = _api_nodes(tmp_path, env)
    try:

        def create(i: int) -> int:
            node = nodes[i % 2]
            return httpx.post(
                f"{node.base_url}/v1/music/generations",
                json=SONG,
                timeout=30,
                headers={"Authorization": f"Bearer {node.api_key}"},
            ).status_code

        with ThreadPoolExecutor(max_workers=50) as pool:
            codes = list(pool.map(create, range(50)))
        assert codes.count(200) == 10
        assert codes.count(402) == 40
        assert _rows(postgres_url, "SELECT count(*) FROM tasks")[0][0] == 10
        [(reserved, recharge, used)] = _rows(
            postgres_url,
            "SELECT reserved_units, total_recharge_units, total_used_units FROM organisations",
        )
        assert reserved == 10_000
        assert recharge - used >= reserved
    finally:
        for node in nodes:
            node.stop()


def test_rate_limits_are_shared_by_api_nodes(
    postgres_url: str, s3_endpoint: str, tmp_path: Path
) -> None:
    env = {**_cluster_env(postgres_url, s3_endpoint), "SONGFORGE_RATE_LIMIT_READ_PER_MINUTE": 6}
    nodes = _api_nodes(tmp_path, env)
    try:
        if time.time() % 60 > 55:  # stay inside one minute window
            time.sleep(60 - time.time() % 60 + 0.1)
        codes = []
        for i in range(8):
            node = nodes[i % 2]
            response = httpx.get(
                f"{node.base_url}/v1/tasks", headers={"Authorization": f"Bearer {node.api_key}"}
            )
            codes.append(response.status_code)
            assert response.headers["X-RateLimit-Limit"] == "6"
        # Six reads in the window between both nodes, then 429 from either.
        assert codes == [200] * 6 + [429, 429]
    finally:
        for node in nodes:
            node.stop()


def test_procrastinate_jobs_wake_workers(
    postgres_url: str, s3_endpoint: str, tmp_path: Path
) -> None:
    # Workers poll the table only every 60 s: tasks that finish within seconds were woken
    # by the job procrastinate delivered, which was deferred with the task itself.
    env = {
        **_cluster_env(postgres_url, s3_endpoint),
        "SONGFORGE_DISPATCHER": "procrastinate",
        "SONGFORGE_POLL_INTERVAL_SECONDS": 60,
    }
    nodes = _api_nodes(tmp_path, env, count=1)
    workers = _workers(tmp_path, env, 2)
    try:
        headers = {"Authorization": f"Bearer {nodes[0].api_key}"}
        time.sleep(3)  # the workers have started and listen
        ids = [
            httpx.post(
                f"{nodes[0].base_url}/v1/music/generations",
                headers=headers,
                json={**SONG, "prompt": f"fake:sleep=0.2 {i}"},
            ).json()["id"]
            for i in range(6)
        ]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done = _rows(postgres_url, "SELECT count(*) FROM tasks WHERE status = 'completed'")
            if done[0][0] == len(ids):
                break
            time.sleep(0.2)
        assert done[0][0] == len(ids)
        # Every job was delivered and done; none is left waiting, running or failed.
        left = _rows(
            postgres_url, "SELECT count(*) FROM procrastinate_jobs WHERE status <> 'succeeded'"
        )[0][0]
        assert left == 0
    finally:
        _stop(workers, nodes)
