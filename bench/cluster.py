"""Tasks per minute with 1, 2 and 3 worker nodes sharing one PostgreSQL database.

Each task runs the fake provider with a fixed 0.5 s of (non-CPU) work, so the numbers show
the dispatch machinery - claims, leases, heartbeats, settlement - rather than the CPU.

    .venv/bin/python bench/cluster.py [--tasks-per-worker 20] [--runs 3]
        [--dispatcher embedded|procrastinate]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psycopg
import sqlalchemy as sa

ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(database: str, data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "SONGFORGE_DATABASE_URL": database,
        "SONGFORGE_DATA_DIR": str(data_dir),
        "SONGFORGE_PROVIDER_OVERRIDE": "fake",
        "SONGFORGE_LOG_LEVEL": "warning",
        "SONGFORGE_TRIAL_BALANCE": "100000",
        "SONGFORGE_MAX_TASKS_IN_FLIGHT": "100000",
        "SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE": "100000",
        "SONGFORGE_POLL_INTERVAL_SECONDS": "0.1",
        **extra,
    }


def _run(
    workers: int, tasks: int, database: str, data_dir: Path, key: list[str], dispatcher: str
) -> float:
    """Tasks per minute; `key` is filled from the first API node's log when empty."""
    port = _port()
    log = data_dir / f"api-{time.monotonic_ns()}.log"
    with log.open("wb") as out:
        api = subprocess.Popen(
            [sys.executable, "-m", "songforge.cli.main", "serve", "--no-worker"],
            env=_env(database, data_dir, SONGFORGE_PORT=str(port), SONGFORGE_DISPATCHER=dispatcher),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    nodes = [
        subprocess.Popen(
            [sys.executable, "-m", "songforge.cli.main", "worker"],
            env=_env(database, data_dir, SONGFORGE_WORKERS="1", SONGFORGE_DISPATCHER=dispatcher),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        time.sleep(4)  # the worker nodes load their providers
        if not key:
            key.extend(re.findall(r"sk-[A-Za-z0-9_-]+", log.read_text())[:1])
        headers = {"Authorization": f"Bearer {key[0]}"}
        engine = sa.create_engine(database)
        started = time.perf_counter()
        for i in range(tasks):
            httpx.post(
                f"{base}/v1/music/generations",
                headers=headers,
                json={"prompt": f"fake:sleep=0.5 bench {i}"},
            ).raise_for_status()
        while True:
            with engine.connect() as connection:
                open_tasks = connection.execute(
                    sa.text("SELECT count(*) FROM tasks WHERE status IN ('pending', 'processing')")
                ).scalar_one()
            if open_tasks == 0:
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        engine.dispose()
        return tasks / elapsed * 60
    finally:
        for process in [api, *nodes]:
            process.send_signal(signal.SIGTERM if process is not api else signal.SIGINT)
        for process in [api, *nodes]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks-per-worker", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dispatcher", choices=("embedded", "procrastinate"), default="embedded")
    args = parser.parse_args()
    name = f"songforge_bench_{os.getpid()}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    database = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    results: dict[int, list[float]] = {}
    key: list[str] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp)
            _run(
                1, 4, database, data_dir, key, args.dispatcher
            )  # warm-up; makes the organisation and key
            for workers in (1, 2, 3):
                results[workers] = [
                    _run(
                        workers,
                        args.tasks_per_worker * workers,
                        database,
                        data_dir,
                        key,
                        args.dispatcher,
                    )
                    for _ in range(args.runs)
                ]
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    medians = {w: statistics.median(r) for w, r in results.items()}
    print(
        json.dumps(
            {
                "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
                f"Python {platform.python_version()}",
                "dispatcher": args.dispatcher,
                "work_per_task_seconds": 0.5,
                "tasks_per_minute": {w: [round(x, 1) for x in r] for w, r in results.items()},
                "median_tasks_per_minute": {w: round(m, 1) for w, m in medians.items()},
                "speedup_vs_one_worker": {w: round(m / medians[1], 2) for w, m in medians.items()},
                "ideal_tasks_per_minute_per_worker": 120,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
