"""Throughput and latency of GET /v1/tasks/{id} (auth + a real SQLite database).

Starts `songforge serve` with the fake provider, creates one task, and drives the poll
route with wrk at 64 connections. Prints the median of several runs.

    .venv/bin/python bench/api.py [--processes 2] [--runs 3] [--seconds 10]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx


def _start(data_dir: Path, port: int, processes: int) -> tuple[subprocess.Popen[bytes], str]:
    env = dict(os.environ)
    env.update(
        SONGFORGE_DATA_DIR=str(data_dir),
        SONGFORGE_PORT=str(port),
        SONGFORGE_PROVIDER_OVERRIDE="fake",
        # The bench measures the read path itself, not the per-key limiter's 429s.
        SONGFORGE_RATE_LIMIT_READ_PER_MINUTE="1000000000",
        SONGFORGE_LOG_LEVEL="warning",
        SONGFORGE_WORKERS="1",
        SONGFORGE_API_PROCESSES=str(processes),
    )
    log = data_dir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "songforge.cli.main", "serve"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    key = re.search(r"sk-[A-Za-z0-9_-]+", log.read_text())
    if key is None:
        raise SystemExit(f"no key printed: {log.read_text()}")
    return process, key.group(0)


def _wrk(url: str, key: str, seconds: int) -> tuple[float, float]:
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c64",
            f"-d{seconds}s",
            "--latency",
            "-H",
            f"Authorization: Bearer {key}",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = re.search(r"99%\s+([\d.]+)(ms|s|us)", out)
    assert p99 is not None
    scale = {"ms": 1.0, "s": 1000.0, "us": 0.001}[p99.group(2)]
    if "Non-2xx" in out:
        raise SystemExit(f"errors during the run:\n{out}")
    return rps, float(p99.group(1)) * scale


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    data_dir = Path(tempfile.mkdtemp(prefix="songforge-bench-"))
    process, key = _start(data_dir, args.port, args.processes)
    try:
        base = f"http://127.0.0.1:{args.port}"
        task = httpx.post(
            f"{base}/v1/music/generations",
            headers={"Authorization": f"Bearer {key}"},
            json={"prompt": "bench"},
        ).json()
        time.sleep(2)
        results = [
            _wrk(f"{base}/v1/tasks/{task['id']}", key, args.seconds) for _ in range(args.runs)
        ]
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(data_dir, ignore_errors=True)
    summary = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "api_processes": args.processes,
        "connections": 64,
        "runs": [{"requests_per_second": r, "p99_ms": p} for r, p in results],
        "median_requests_per_second": statistics.median(r for r, _ in results),
        "median_p99_ms": statistics.median(p for _, p in results),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
