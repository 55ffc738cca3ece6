"""What songforge adds around a generation backend: tasks per minute and added latency per
task, with 1 and 3 worker slots, in front of a fake ACE-Step server that renders instantly.

Everything the user waits for here is songforge's: the create transaction, the claim, the
submission and its recording, polling (2 s first interval, as shipped), the download, our own
MP3/MP4/cover encoding, storage and settlement. A real GPU adds its render time on top.

    .venv/bin/python bench/backends.py [--tasks 12] [--runs 3] [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from songforge.providers.acestep_fake import FakeAceStepServer


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(workers: int, tasks: int, seconds: float, fake: FakeAceStepServer) -> tuple[float, float]:
    """(tasks per minute in a burst, median seconds from create to completed for a
    task alone)."""
    port = _port()
    with tempfile.TemporaryDirectory(prefix="songforge-bench-") as tmp:
        env = {
            **os.environ,
            "SONGFORGE_DATA_DIR": tmp,
            "SONGFORGE_PORT": str(port),
            "SONGFORGE_WORKERS": str(workers),
            "SONGFORGE_ACESTEP_URL": fake.url,
            "SONGFORGE_ACESTEP_MAX_IN_FLIGHT": "100",
            "SONGFORGE_LOG_LEVEL": "warning",
            "SONGFORGE_TRIAL_BALANCE": "100000",
            "SONGFORGE_MAX_TASKS_IN_FLIGHT": "100000",
            "SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE": "100000",
            "SONGFORGE_RATE_LIMIT_READ_PER_MINUTE": "1000000",
        }
        log = Path(tmp) / "server.log"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [sys.executable, "-m", "songforge.cli.main", "serve"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            key = ""
            deadline = time.monotonic() + 60
            while not key:
                assert time.monotonic() < deadline, log.read_text()
                for line in log.read_text().splitlines():
                    if "API key (inference):" in line:
                        key = line.split()[-1]
                time.sleep(0.2)
            client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"})
            while True:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass  # not listening yet
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
            time.sleep(3)  # worker slots warm up (the engine's SoundFont) before timing

            def submit(n: int) -> str:
                body = {
                    "model": "ace_step_1_5",
                    "prompt": f"bench song {n}",
                    "make_instrumental": True,
                    "duration": seconds,
                    "seed": n,
                }
                return str(client.post("/v1/music/generations", json=body).json()["id"])

            def wait(ids: set[str]) -> None:
                while ids:
                    for task_id in list(ids):
                        status = client.get(f"/v1/tasks/{task_id}").json()["status"]
                        if status == "failed":
                            raise RuntimeError(f"task {task_id} failed")
                        if status == "completed":
                            ids.discard(task_id)
                    time.sleep(0.05)

            # Latency: one task at a time, nothing queued ahead of it.
            latencies = []
            for n in range(3):
                started = time.monotonic()
                wait({submit(1000 + n)})
                latencies.append(time.monotonic() - started)
            # Throughput: a burst, all queued at once.
            started = time.monotonic()
            wait({submit(n) for n in range(tasks)})
            elapsed = time.monotonic() - started
            return tasks / elapsed * 60, statistics.median(latencies)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0, help="song length asked for")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with FakeAceStepServer(render_seconds=0.0) as fake:
        for workers in (1, 3):
            runs = [_run(workers, args.tasks, args.seconds, fake) for _ in range(args.runs)]
            results[f"{workers} worker(s)"] = {
                "tasks_per_minute": round(statistics.median(r[0] for r in runs), 1),
                "median_added_latency_seconds": round(statistics.median(r[1] for r in runs), 2),
            }
    print(json.dumps({"machine": platform.platform(), "cpus": os.cpu_count(), **results}))


if __name__ == "__main__":
    main()
