"""The SDK's webhook verification accepts what the standardwebhooks library signs and raises
its typed error for everything else."""

from __future__ import annotations

import datetime
import json
import time

import pytest
from standardwebhooks.webhooks import Webhook

from songforge.client.errors import SongforgeError
from songforge.client.webhooks import WebhookVerificationError, verify
from songforge.domain.webhooks import new_secret

TASK = {
    "id": "ldtask_" + "a" * 32,
    "task_id": "ldtask_" + "a" * 32,
    "object": "music.task",
    "poll_url": "/v1/tasks/ldtask_" + "a" * 32,
    "status": "completed",
    "progress": 100,
    "stage": "done",
    "model": "suno_music",
    "action": "MUSIC",
    "created": 1,
    "updated": 2,
    "audio_url": "https://songs.example.com/v1/files/x/song.mp3",
}
BODY = json.dumps({"type": "task.completed", "timestamp": "2026-01-01T00:00:00Z", "data": TASK})


def signed(secret: str, body: str = BODY, at: float | None = None) -> dict[str, str]:
    sent = int(at if at is not None else time.time())
    moment = datetime.datetime.fromtimestamp(sent, datetime.UTC)
    return {
        "Webhook-Id": "msg_1",
        "Webhook-Timestamp": str(sent),
        "Webhook-Signature": Webhook(secret).sign("msg_1", moment, body),
    }


def test_a_genuine_event_is_returned_typed() -> None:
    secret = new_secret()
    event = verify(BODY.encode(), signed(secret), secret)
    assert event.id == "msg_1"
    assert event.type == "task.completed"
    assert event.task.audio_url == TASK["audio_url"]
    assert event.data == TASK


def test_during_a_rotation_either_secret_verifies() -> None:
    old, new = new_secret(), new_secret()
    assert verify(BODY, signed(old), [new, old]).id == "msg_1"


def forged(case: str, secret: str) -> tuple[dict[str, str], str, str]:
    """(headers, body, secret) of a message spoiled in the way `case` names."""
    headers, body = signed(secret), BODY
    if case == "other secret":
        return headers, body, new_secret()
    if case == "changed body":
        return headers, body + " ", secret
    if case == "other id":
        return {**headers, "Webhook-Id": "msg_2"}, body, secret
    if case == "malformed signature":
        return {**headers, "Webhook-Signature": "v1"}, body, secret
    if case == "no id":
        return {k: v for k, v in headers.items() if k != "Webhook-Id"}, body, secret
    if case == "ten minutes old":
        return signed(secret, at=time.time() - 600), body, secret
    if case == "empty secret":
        return headers, body, "whsec_"
    assert case == "secret not base64"
    return headers, body, "whsec_not*base64"


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("other secret", "bad_signature"),
        ("changed body", "bad_signature"),
        ("other id", "bad_signature"),
        ("malformed signature", "bad_signature"),
        ("no id", "missing_headers"),
        ("ten minutes old", "stale_timestamp"),
        ("empty secret", "invalid_secret"),
        ("secret not base64", "invalid_secret"),
    ],
)
def test_forged_stale_or_malformed_messages_raise_the_typed_error(case: str, code: str) -> None:
    headers, body, key = forged(case, new_secret())
    with pytest.raises(WebhookVerificationError) as raised:
        verify(body, headers, key)
    assert raised.value.code == code
    assert isinstance(raised.value, SongforgeError)


def test_a_signed_body_that_is_not_an_event_is_refused() -> None:
    secret = new_secret()
    body = json.dumps({"hello": "world"})
    with pytest.raises(WebhookVerificationError) as raised:
        verify(body, signed(secret, body), secret)
    assert raised.value.code == "invalid_body"
