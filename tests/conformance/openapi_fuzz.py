"""Our OpenAPI document against our own server: schemathesis, every check and every phase.

One fresh server (the default catalogue, no workers, a large trial balance, rate and
in-flight limits out of the way, private webhook destinations allowed for the hooks'
loopback URL), then two runs: the `sk-` key over inference and public routes, the `mt-`
token over management routes. The settings beyond the command line are in
schemathesis.toml, the hooks (rules no schema can carry) in schemathesis_hooks.py. Used by
scripts/openapi-fuzz and test_openapi_fuzz.py.

    python -m tests.conformance.openapi_fuzz [extra schemathesis arguments]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import LiveServer, free_port, start_server

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "conformance" / "schemathesis.toml"
HOOKS = "tests.conformance.schemathesis_hooks"
SEED = 20261129
MAX_EXAMPLES = 100
SERVER_ENV: dict[str, object] = {
    # The catalogue as `songforge serve` serves it (the fake provider would add models that
    # take audio_url, which the server fetches).
    "SONGFORGE_PROVIDER_OVERRIDE": None,
    "SONGFORGE_WORKERS": 0,
    "SONGFORGE_TRIAL_BALANCE": 100_000,
    "SONGFORGE_MAX_TASKS_IN_FLIGHT": 1_000_000,
    "SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE": 1_000_000,
    "SONGFORGE_RATE_LIMIT_READ_PER_MINUTE": 1_000_000,
    "SONGFORGE_WEBHOOK_ALLOW_PRIVATE": "true",
}
MANAGEMENT = "^/v1/management"


@dataclass(frozen=True)
class Run:
    label: str
    command: list[str]
    returncode: int
    output: str
    seconds: float


def command(base_url: str, credential: str, selection: list[str], extra: list[str]) -> list[str]:
    return [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "run",
        f"{base_url}/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",
        "--seed",
        str(SEED),
        "-H",
        f"Authorization: Bearer {credential}",
        *selection,
        *extra,
    ]


def run_both(server: LiveServer, extra: list[str] | None = None) -> list[Run]:
    """The two runs against `server`, one after the other (the second sees what the first
    left: tasks, uploads)."""
    env = {**os.environ, "SCHEMATHESIS_HOOKS": HOOKS, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    runs = []
    for label, credential, selection in (
        ("inference and public routes (sk- key)", server.api_key, ["--exclude-path-regex"]),
        ("management routes (mt- token)", server.management_token, ["--include-path-regex"]),
    ):
        selection = [*selection, MANAGEMENT]
        argv = command(server.base_url, credential, selection, extra or [])
        started = time.monotonic()
        done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        runs.append(
            Run(label, argv, done.returncode, done.stdout + done.stderr, time.monotonic() - started)
        )
    return runs


@contextmanager
def fuzzing_server(data_dir: Path, port: int | None = None) -> Iterator[LiveServer]:
    server = start_server(data_dir, port or free_port(), **SERVER_ENV)
    try:
        yield server
    finally:
        server.stop()


def main(argv: list[str]) -> int:
    port = int(os.environ["SONGFORGE_FUZZ_PORT"]) if "SONGFORGE_FUZZ_PORT" in os.environ else None
    with tempfile.TemporaryDirectory() as data, fuzzing_server(Path(data), port) as server:
        runs = run_both(server, argv)
    for run in runs:
        print(f"== {run.label}: exit {run.returncode}, {run.seconds:.0f} s", flush=True)
        print(run.output, flush=True)
    return 0 if all(run.returncode == 0 for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
