"""`songforge webhooks listen` receives a live server's callback, verifies it and prints it;
a forged message is answered 400 and shown as rejected."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import bearer, free_port, interruptible, wait_for


def test_listen_verifies_and_prints_a_live_callback(
    live_server_factory: Any, tmp_path: Path
) -> None:
    server = live_server_factory(
        SONGFORGE_WORKERS=1,
        SONGFORGE_WEBHOOK_ALLOW_PRIVATE="true",
        SONGFORGE_WEBHOOK_ALLOW_HTTP="true",
        SONGFORGE_WEBHOOK_POLL_INTERVAL_SECONDS=0.05,
    )
    secret = httpx.get(
        f"{server.base_url}/v1/management/webhooks/callback-secret",
        headers=bearer(server.management_token),
    ).json()["secret"]
    port = free_port()
    log = tmp_path / "listen.out"
    out = log.open("w")
    listener = subprocess.Popen(
        [sys.executable, "-m", "songforge.cli.main", "webhooks", "listen", "--port", str(port)],
        env={**os.environ, "SONGFORGE_WEBHOOK_SECRET": secret, "COLUMNS": "200"},
        stdout=out,
        stderr=subprocess.STDOUT,
        preexec_fn=interruptible,
    )
    try:
        deadline = time.monotonic() + 20
        while "listening" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        forged = httpx.post(
            f"http://127.0.0.1:{port}/",
            content=b'{"type":"task.completed"}',
            headers={
                "webhook-id": "msg_x",
                "webhook-timestamp": str(int(time.time())),
                "webhook-signature": "v1,AAAA",
            },
        )
        assert forged.status_code == 400
        with server.client() as client:
            task = client.post(
                "/v1/music/generations",
                json={"prompt": "a song about kites", "callback_url": f"http://127.0.0.1:{port}/"},
            ).json()
            wait_for(client, task["id"], ("completed",))
        deadline = time.monotonic() + 20
        while "task.completed" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.send_signal(signal.SIGINT)
        try:
            listener.wait(timeout=30)
        except subprocess.TimeoutExpired:
            listener.kill()  # never leave it running into the next test
            listener.wait()
            raise AssertionError("the listener did not stop on Ctrl-C") from None
        finally:
            out.close()
    printed = log.read_text()
    assert "rejected" in printed
    assert "bad_signature" in printed
    assert "task.completed" in printed
    assert task["id"] in printed
