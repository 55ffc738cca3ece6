"""Webhook delivery: deliveries per second to a local receiver, and the delay from a task's
completion to its delivery, with 1 and 2 sender nodes.

Tasks are completed through the task repository's conditional update (the code path that
writes the outbox event), without generating audio, so the numbers are those of the
outbox and the senders. Each node is a separate process running the default
SONGFORGE_WEBHOOK_SENDERS threads and poll interval.

- drain: N completed tasks wait in the outbox; the nodes start together; deliveries/s =
  N / (time from start to the last first-receipt).
- paced: tasks complete at a steady rate while the nodes run; delay = first receipt at the
  receiver - the event's commit time (median, p99).

    .venv/bin/python bench/webhooks.py [--tasks 1000] [--paced 200] [--rate 25] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa

from songforge.db.tables import task_events
from songforge.domain.tasks import GenerationResult
from songforge.logging_setup import configure_logging
from songforge.runtime.embedded import new_worker_id
from songforge.runtime.webhook_senders import WebhookSenders
from songforge.services.bootstrap import create_funded_organisation
from songforge.services.create_task import create_task
from songforge.services.credentials import INFERENCE, authenticate
from songforge.settings import Settings
from songforge.wiring import Services, build_services

ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def settings_for(database_url: str, data_dir: Path, senders: int = 0) -> Settings:
    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        provider_override="fake",
        workers=0,
        webhook_allow_private=True,
        webhook_allow_http=True,
        webhook_senders=senders or Settings().webhook_senders,
        max_tasks_in_flight=1_000_000,
        trial_balance=Decimal(0),
        log_level="warning",
        log_json=False,
    )


# -- the sender node (a child process) ---------------------------------------------------
def run_node(database_url: str, data_dir: Path, go_file: Path) -> None:
    settings = settings_for(database_url, data_dir)
    configure_logging(settings.log_level, settings.log_json)
    services = build_services(settings)
    (go_file.parent / f"ready-{os.getpid()}").touch()
    while not go_file.exists():
        time.sleep(0.01)
    senders = WebhookSenders(
        services.delivery_context(),
        settings.webhook_senders,
        new_worker_id(),
        settings.webhook_poll_interval_seconds,
    )
    senders.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    senders.stop()
    services.close()


# -- the receiver -------------------------------------------------------------------------
class Receipts:
    def __init__(self) -> None:
        self.first: dict[str, float] = {}
        self.total = 0
        self.lock = threading.Lock()


def start_receiver(receipts: Receipts) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            now = time.time()
            self.rfile.read(int(self.headers.get("content-length") or 0))
            with receipts.lock:
                receipts.first.setdefault(self.headers["webhook-id"], now)
                receipts.total += 1
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


# -- one measurement ----------------------------------------------------------------------
def fresh_database(kind: str, directory: Path) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite:///{directory / 'bench.db'}", None
    name = f"songforge_bench_webhooks_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", name


def drop_database(name: str | None) -> None:
    if name is not None:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_tasks(services: Services, count: int, callback_url: str) -> None:
    org = create_funded_organisation(
        services.uow_factory, services.clock, f"bench-{time.monotonic_ns()}", Decimal(count)
    )
    credential = authenticate(
        services.uow_factory, services.clock, f"Bearer {org.api_key}", INFERENCE
    )
    body = {"model": "suno_music", "prompt": "a song", "callback_url": callback_url}
    for i in range(count):
        create_task(services.create_context(), credential, body, f"req_{i}", None)


def complete(services: Services, count: int = 1) -> None:
    """Complete `count` pending tasks in one transaction (each its own status change)."""
    now = services.clock.now()
    with services.uow_factory() as uow:
        for _ in range(count):
            task = uow.tasks.claim_next("bench", now, now + 60)
            assert task is not None
            result = GenerationResult(title="Bench", lyrics="la la", metadata={})
            uow.tasks.mark_completed(task.id, "bench", result, None, Decimal("0.1"), "tx", now)
        uow.commit()


def completion_times(services: Services) -> dict[str, float]:
    with services.engine.connect() as connection:
        rows = connection.execute(
            sa.select(task_events.c.id, task_events.c.occurred_at).where(
                task_events.c.type == "task.completed"
            )
        )
        return {row.id: row.occurred_at for row in rows}


def start_nodes(
    url: str, data_dir: Path, go_file: Path, count: int
) -> list[subprocess.Popen[bytes]]:
    nodes = [
        subprocess.Popen([sys.executable, __file__, "--node", url, str(data_dir), str(go_file)])
        for _ in range(count)
    ]
    for node in nodes:
        ready = go_file.parent / f"ready-{node.pid}"
        while not ready.exists():
            if node.poll() is not None:
                raise RuntimeError("a sender node exited before it was ready")
            time.sleep(0.01)
    return nodes


def stop_nodes(nodes: list[subprocess.Popen[bytes]]) -> None:
    for node in nodes:
        node.send_signal(signal.SIGTERM)
    for node in nodes:
        node.wait(timeout=30)


def wait_for(receipts: Receipts, count: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while len(receipts.first) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {len(receipts.first)} of {count} delivered")
        time.sleep(0.01)


def measure(kind: str, nodes: int, tasks: int, paced: int, rate: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        url, pg_name = fresh_database(kind, directory)
        receipts = Receipts()
        server = start_receiver(receipts)
        hook = f"http://127.0.0.1:{server.server_address[1]}/hook"
        services = build_services(settings_for(url, directory / "data"))
        running: list[subprocess.Popen[bytes]] = []
        try:
            services.migrate()
            create_tasks(services, tasks + paced, hook)
            # Drain: everything completed first, then the nodes start together.
            for done in range(0, tasks, 50):
                complete(services, min(50, tasks - done))
            go = directory / "go"
            running = start_nodes(url, directory / "data", go, nodes)
            started = time.time()
            go.touch()
            wait_for(receipts, tasks)
            drain_seconds = max(receipts.first.values()) - started
            # Paced: completions at a steady rate while the nodes run.
            before = set(receipts.first)
            next_at = time.monotonic()
            for _ in range(paced):
                next_at += 1.0 / rate
                time.sleep(max(0.0, next_at - time.monotonic()))
                complete(services)
            wait_for(receipts, tasks + paced)
            committed = completion_times(services)
            delays = sorted(
                receipts.first[event] - committed[event]
                for event in receipts.first
                if event not in before
            )
        finally:
            stop_nodes(running)
            server.shutdown()
            services.close()
            drop_database(pg_name)
    return {
        "deliveries_per_second": tasks / drain_seconds,
        "delay_median_ms": 1000 * statistics.median(delays),
        "delay_p99_ms": 1000 * delays[min(len(delays) - 1, int(0.99 * len(delays)))],
        "duplicates": receipts.total - len(receipts.first),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--paced", type=int, default=200)
    parser.add_argument("--rate", type=float, default=25.0, help="paced completions per second")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--setups",
        nargs="+",
        default=["sqlite:1", "postgres:1", "postgres:2"],
        help="database:nodes pairs",
    )
    parser.add_argument("--node", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.node:
        run_node(args.node[0], Path(args.node[1]), Path(args.node[2]))
        return
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {args.tasks} drained, {args.paced} paced at "
        f"{args.rate:g}/s; median of {args.runs} runs"
    )
    results: dict[str, Any] = {}
    for setup in args.setups:
        kind, nodes = setup.split(":")
        runs = [
            measure(kind, int(nodes), args.tasks, args.paced, args.rate) for _ in range(args.runs)
        ]
        summary = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        results[setup] = {"runs": runs, "median": summary}
        print(
            f"{kind:8} {nodes} node(s): {summary['deliveries_per_second']:7.1f} deliveries/s  "
            f"delay median {summary['delay_median_ms']:6.1f} ms  "
            f"p99 {summary['delay_p99_ms']:6.1f} ms"
            f"  duplicates {summary['duplicates']:.0f}",
            flush=True,
        )
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
