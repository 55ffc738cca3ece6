"""schemathesis finds nothing our OpenAPI document and our server disagree on.

Every check and every phase (examples, coverage, fuzzing, stateful), once with the sk- key
over inference and public routes and once with the mt- token over management routes; see
openapi_fuzz.py. Takes about half a minute on an idle machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.openapi_fuzz import fuzzing_server, run_both


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_schemathesis_finds_no_disagreement(tmp_path: Path) -> None:
    with fuzzing_server(tmp_path / "fuzz") as server:
        runs = run_both(server)
    failed = [run for run in runs if run.returncode != 0]
    report = "\n\n".join(
        f"== {run.label}: exit {run.returncode}\n$ {' '.join(run.command)}\n{run.output}"
        for run in failed
    )
    assert not failed, report
