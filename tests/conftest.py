"""Shared fixtures: an app on a fresh SQLite database, funded organisations, a live server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.services.run_task import claim_next, execute
from songforge.settings import Settings
from songforge.wiring import Services, build_services


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        provider_override="fake",
        workers=0,
        public_base_url="http://testserver",
        log_json=False,
        log_level="warning",
        retry_backoff_seconds=0.0,
    )


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = build_services(settings)
    upgrade(built.engine)
    yield built
    built.close()


@pytest.fixture
def client(settings: Settings, services: Services) -> Iterator[TestClient]:
    app = create_app(settings, services=services)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def org(services: Services) -> Bootstrapped:
    return create_funded_organisation(services.uow_factory, services.clock, "acme", Decimal(10))


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def run_pending(services: Services, owner: str = "test-worker") -> int:
    """Runs every pending task in this process, as a worker would."""
    ctx = services.run_context()
    done = 0
    while (task := claim_next(ctx, owner, 30.0)) is not None:
        execute(ctx, task, owner)
        done += 1
    return done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    base_url: str
    data_dir: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    log_path: Path
    api_key: str = ""
    management_token: str = ""

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, headers=bearer(self.api_key), timeout=10.0)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def interruptible() -> None:
    """`preexec_fn` for a child the test stops with Ctrl-C: a shell running tests in the
    background ignores SIGINT and its children inherit that; give the child the default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_server(data_dir: Path, port: int, **env_overrides: Any) -> LiveServer:
    """`songforge serve` with the fake provider; an override of None unsets that variable."""
    env = dict(os.environ)
    env.update(
        {
            "SONGFORGE_DATA_DIR": str(data_dir),
            "SONGFORGE_PORT": str(port),
            "SONGFORGE_PROVIDER_OVERRIDE": "fake",
            "SONGFORGE_LOG_JSON": "true",
        }
    )
    env.update({k: str(v) for k, v in env_overrides.items() if v is not None})
    for name in [k for k, v in env_overrides.items() if v is None]:
        env.pop(name, None)
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / f"server-{time.monotonic_ns()}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "songforge.cli.main", "serve"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", data_dir, env, process, log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log_path.read_text()}")
        try:
            if httpx.get(f"{server.base_url}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        server.stop()
        raise RuntimeError(f"server did not start: {log_path.read_text()}")
    for line in log_path.read_text().splitlines():
        if "API key (inference):" in line:
            server.api_key = line.split()[-1]
        if "Management token:" in line:
            server.management_token = line.split()[-1]
    return server


@pytest.fixture
def live_server_factory(tmp_path: Path) -> Iterator[Any]:
    started: list[LiveServer] = []

    def factory(data_dir: Path | None = None, **env: Any) -> LiveServer:
        server = start_server(data_dir or tmp_path / "live", free_port(), **env)
        started.append(server)
        return server

    yield factory
    for server in started:
        server.stop()


def wait_for(
    client: httpx.Client, task_id: str, statuses: tuple[str, ...], timeout: float = 30.0
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        body = client.get(f"/v1/tasks/{task_id}").json()
        if body.get("status") in statuses:
            return body
        time.sleep(0.1)
    raise AssertionError(f"task {task_id} never reached {statuses}: {body}")


PG_ADMIN_URL = os.environ.get("SONGFORGE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _ensure_postgres_running() -> bool:
    import psycopg

    for attempt in range(2):
        try:
            with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
                return True
        except psycopg.OperationalError:
            if attempt == 0:
                versions = (
                    sorted(Path("/etc/postgresql").glob("*"))
                    if Path("/etc/postgresql").exists()
                    else []
                )
                if not versions:
                    return False
                subprocess.run(
                    [
                        "pg_ctlcluster",
                        "--skip-systemctl-redirect",
                        versions[-1].name,
                        "main",
                        "start",
                    ],
                    capture_output=True,
                )
                time.sleep(2)
    return False


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    if not _ensure_postgres_running():
        pytest.skip("no PostgreSQL server on this machine")
    name = f"songforge_test_{os.getpid()}_{time.monotonic_ns()}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
