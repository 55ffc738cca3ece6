"""Our OpenAPI document says what the server enforces: schemathesis with every check
(positive and negative data, status codes, content types, headers, Allow on 405, auth),
all phases including stateful, against a live server with both credentials."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
# Inference routes with an sk- key, management routes with an mt- token; public routes
# (catalogue, files, health) ride along with the first.
RUNS = (
    ("api_key", "--exclude-path-regex", "^/v1/management"),
    ("management_token", "--include-path-regex", "^/v1/management"),
)


def schemathesis_command(base_url: str, secret: str, *selection: str) -> list[str]:
    """The command line recorded in docs/api.md."""
    return [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{base_url}/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--max-examples",
        "25",
        "--workers",
        "1",
        "--seed",
        "20261129",
        "-H",
        f"Authorization: Bearer {secret}",
        *selection,
    ]


@pytest.mark.timeout(900)
@pytest.mark.parametrize(("credential", "flag", "pattern"), RUNS)
def test_schemathesis_finds_no_disagreement(
    live_server_factory: Any, credential: str, flag: str, pattern: str
) -> None:
    # The catalogue as shipped (no backend override) and no workers: the run checks what the
    # API answers, and needs no song rendered.
    server = live_server_factory(
        SONGFORGE_PROVIDER_OVERRIDE="",
        SONGFORGE_WORKERS=0,
        SONGFORGE_TRIAL_BALANCE=100000,
        SONGFORGE_RATE_LIMIT_CREATE_PER_MINUTE=1000000,
        SONGFORGE_RATE_LIMIT_READ_PER_MINUTE=1000000,
        SONGFORGE_MAX_TASKS_IN_FLIGHT=1000000,
    )
    secret = server.api_key if credential == "api_key" else server.management_token
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.conformance.schemathesis_hooks",
        "PYTHONPATH": str(ROOT),
        "NO_COLOR": "1",
    }
    run = subprocess.run(
        schemathesis_command(server.base_url, secret, flag, pattern),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=850,
    )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-5000:]
