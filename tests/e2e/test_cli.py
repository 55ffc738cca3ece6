"""The `songforge` command against a live server: it writes files that decode and shows
the stages it goes through."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import interruptible


def _cli(server: Any, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SONGFORGE_API_KEY": server.api_key, "SONGFORGE_BASE_URL": server.base_url}
    return subprocess.run(
        [sys.executable, "-m", "songforge.cli.main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def server(live_server_factory: Any) -> Any:
    return live_server_factory(SONGFORGE_WORKERS=1)


def test_generate_saves_audio_and_reports_stages(server: Any, tmp_path: Path) -> None:
    out = tmp_path / "rain.wav"
    result = _cli(
        server,
        "generate",
        "a slow song fake:sleep=1",
        "--title",
        "Rain",
        "--out",
        str(out),
        "--interval",
        "0.2",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "stage: rendering" in result.stdout
    assert "stage: done" in result.stdout
    assert "Rain" in result.stdout
    assert "cost: $0.1000" in result.stdout
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", str(out)], capture_output=True, text=True
    )
    assert probe.returncode == 0
    task_id = result.stdout.split("task: ")[1].split()[0]
    status = _cli(server, "status", task_id, cwd=tmp_path)
    assert f"{task_id}: completed" in status.stdout


def test_lyrics_models_and_errors(server: Any, tmp_path: Path) -> None:
    lyrics = _cli(server, "lyrics", "the sea", "--interval", "0.2", cwd=tmp_path)
    assert lyrics.returncode == 0, lyrics.stderr
    assert "[Chorus]" in lyrics.stdout
    models = _cli(server, "models", cwd=tmp_path)
    assert "suno_lyrics" in models.stdout
    bad = _cli(server, "generate", "x", "--duration", "5", cwd=tmp_path)
    assert bad.returncode == 1
    assert "invalid_parameter" in bad.stderr


def test_ctrl_c_leaves_the_task_running(server: Any, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "SONGFORGE_API_KEY": server.api_key,
        "SONGFORGE_BASE_URL": server.base_url,
        "PYTHONUNBUFFERED": "1",  # the task id line must reach us as soon as it is printed
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "songforge.cli.main",
            "generate",
            "fake:sleep=8 long",
            "--interval",
            "0.2",
        ],
        cwd=tmp_path,
        env=env,
        preexec_fn=interruptible,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Interrupt once the task exists and the command is waiting on it (not while the
    # interpreter is still starting, which on a loaded machine takes seconds).
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith("task: "), first
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    rest, stderr = process.communicate(timeout=30)
    stdout = first + rest
    assert process.returncode == 130, stderr
    task_id = stdout.split("task: ")[1].split()[0]
    assert f"Resume with: songforge status {task_id} --wait" in stderr
    resumed = _cli(
        server,
        "status",
        task_id,
        "--wait",
        "--interval",
        "0.2",
        "--out",
        str(tmp_path / "later.wav"),
        cwd=tmp_path,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{task_id}: completed" in resumed.stdout
    assert (tmp_path / "later.wav").stat().st_size > 1000


def test_demos_saves_one_song_per_style(server: Any, tmp_path: Path) -> None:
    out = tmp_path / "demos"
    args = ("demos", "--out", str(out), "--styles", "pop,r&b", "--duration", "30")
    result = _cli(server, *args, "--interval", "0.2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["pop.mp3", "r-b.mp3"]
    for song in out.iterdir():
        probe = subprocess.run(
            ["ffprobe", "-v", "error", "-show_format", str(song)], capture_output=True, text=True
        )
        assert probe.returncode == 0, song
    assert "2 songs queued" in result.stdout
    unknown = _cli(server, "demos", "--styles", "polka", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "Unknown style(s): polka" in unknown.stderr


def test_status_of_a_failed_task_says_why_and_exits_non_zero(server: Any, tmp_path: Path) -> None:
    failed = _cli(server, "generate", "fake:fail", "--interval", "0.2", cwd=tmp_path)
    assert failed.returncode == 1
    task_id = failed.stdout.split("task: ")[1].split()[0]
    assert f"Task {task_id} failed: generation_failed:" in failed.stderr
    for args in (("status", task_id), ("status", task_id, "--wait", "--interval", "0.2")):
        status = _cli(server, *args, cwd=tmp_path)
        assert status.returncode == 1, args
        assert f"{task_id}: failed" in status.stdout
        assert f"Task {task_id} failed: generation_failed:" in status.stderr
    nothing = _cli(server, "download", task_id, "--out", str(tmp_path / "none"), cwd=tmp_path)
    assert nothing.returncode == 1
    assert "generation_failed" in nothing.stderr


def test_download_saves_every_asset_under_title_names(server: Any, tmp_path: Path) -> None:
    made = _cli(
        server, "generate", "a song", "--title", "Night Bus", "--interval", "0.2", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    task_id = made.stdout.split("task: ")[1].split()[0]
    out = tmp_path / "saved"
    result = _cli(server, "download", task_id, "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    saved = sorted(p.name for p in out.iterdir())
    assert saved == [f"night-bus-{task_id[-8:]}.wav"]
    assert f"audio: {out / saved[0]}" in result.stdout
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", str(out / saved[0])],
        capture_output=True,
        text=True,
    )
    assert probe.returncode == 0


def test_operators_create_and_list_organisations(tmp_path: Path) -> None:
    env = {**os.environ, "SONGFORGE_DATA_DIR": str(tmp_path / "ops")}

    def songforge(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "songforge.cli.main", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    created = songforge("orgs", "create", "Acme Records", "--credit", "12.5")
    assert created.returncode == 0, created.stderr
    organisation_id, token = created.stdout.split()
    assert organisation_id.startswith("org_")
    assert token.startswith("mt-")
    assert "not shown again" in created.stderr
    listed = songforge("orgs", "list")
    assert listed.returncode == 0, listed.stderr
    line = next(x for x in listed.stdout.splitlines() if x.startswith(organisation_id))
    assert "Acme Records" in line
    assert "balance $12.5000" in line
    assert token not in listed.stdout
    # The token manages its own organisation: it creates an inference key there.
    from fastapi.testclient import TestClient

    from songforge.api.app import create_app
    from songforge.settings import Settings

    with TestClient(create_app(Settings(data_dir=tmp_path / "ops", workers=0))) as client:
        key = client.post(
            "/v1/management/api-keys",
            json={"name": "app"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert key.status_code in (200, 201), key.text
        balance = client.get(
            "/v1/management/balance", headers={"Authorization": f"Bearer {token}"}
        ).json()
        assert str(balance).count("12.5") >= 1
    for bad in (
        ("orgs", "create", "   "),
        ("orgs", "create", "x", "--credit", "-1"),
        ("orgs", "create", "x", "--credit", "1.23456"),  # never silently rounded
        ("orgs", "create", "x", "--credit", "1e9"),
        ("orgs", "create", "x", "--credit", "1000000.0001"),
        ("orgs", "create", "acme records"),  # the name is taken (case aside)
    ):
        refused = songforge(*bad)
        assert refused.returncode == 2, bad
    assert "already exists" in songforge("orgs", "create", "Acme Records").stderr
    assert "4 decimal places" in songforge("orgs", "create", "y", "--credit", "1.23456").stderr
    assert len(songforge("orgs", "list").stdout.splitlines()) == len(listed.stdout.splitlines())


def test_download_of_a_lyrics_task_saves_the_lyrics(server: Any, tmp_path: Path) -> None:
    made = _cli(server, "lyrics", "rain on glass", "--title", "Glass Rain", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    task_id = made.stdout.split("task: ")[1].split()[0]
    out = tmp_path / "saved"
    result = _cli(server, "download", task_id, "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    saved = sorted(p.name for p in out.iterdir())
    assert saved == [f"glass-rain-{task_id[-8:]}.txt"]
    assert f"lyrics: {out / saved[0]}" in result.stdout
    assert (out / saved[0]).read_text(encoding="utf-8").strip()
