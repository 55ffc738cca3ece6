"""The fuzzing hooks move valid cases only, and drop one kind of failure only."""

from __future__ import annotations

import io
import time
import wave
from dataclasses import dataclass
from typing import Any

from schemathesis.openapi.checks import UndefinedStatusCode as Undocumented
from schemathesis.openapi.checks import UseAfterFree

from songforge.storage.audio_probe import inspect_audio
from tests.conformance import schemathesis_hooks as hooks


@dataclass
class FakeResponse:
    body: str

    def text_lossy(self) -> str:
        return self.body


def _freed(operation: str) -> UseAfterFree:
    return UseAfterFree(operation=operation, message="", free="", usage="")


def test_only_reading_a_cancelled_task_after_its_delete_is_forgiven() -> None:
    cancelled = FakeResponse('{"status": "failed", "cancelled": true}')
    keep = hooks.filter_failure
    assert not keep(None, _freed("DELETE /v1/tasks/{task_id}"), None, cancelled)
    assert keep(None, _freed("DELETE /v1/tasks/{task_id}"), None, FakeResponse('{"status": "x"}'))
    endpoint = _freed("DELETE /v1/management/webhooks/{endpoint_id}")
    assert keep(None, endpoint, None, cancelled)
    other = Undocumented(
        operation="DELETE /v1/tasks/{task_id}",
        status_code=418,
        defined_status_codes=["200"],
        allowed_status_codes=[200],
        message="",
    )
    assert keep(None, other, None, cancelled)


def test_the_upload_is_decodable_ascii_audio() -> None:
    text = hooks._ascii_wav()
    data = text.encode("utf-8")
    assert len(data) == len(text)
    assert inspect_audio(data, 600).duration == 1.0
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getsampwidth() == 1


def test_expiries_move_into_the_future_in_their_own_form() -> None:
    bodies: list[dict[str, Any]] = [
        {"expiresAt": "2001-01-01"},
        {"expiresAt": "2001-01-01T00:00:00+01:00"},
        {"expiresAt": "9999-12-31T23:59:59-23:59"},
        {"expiresAt": "2999-06-01"},
        {"expiresAt": "yesterday"},
        {"expiresAt": None},
    ]
    for body in bodies:
        hooks._future_expiry(body)
    assert [b["expiresAt"] for b in bodies] == [
        "2999-12-31",
        hooks.FUTURE,
        hooks.FUTURE,
        "2999-06-01",
        "yesterday",
        None,
    ]
    assert hooks._instant(hooks.FUTURE) > time.time()  # type: ignore[operator]


def test_a_reversed_range_is_swapped_and_nothing_else_changes() -> None:
    reversed_range = {"startDate": "2026-03-29", "endDate": "2026-03-28T12:00:00Z"}
    hooks._ordered_dates(reversed_range)
    assert reversed_range == {"startDate": "2026-03-28T12:00:00Z", "endDate": "2026-03-29"}
    one_day = {"startDate": "2026-03-28T12:00:00Z", "endDate": "2026-03-28"}
    hooks._ordered_dates(one_day)  # a date as endDate is the end of that day
    assert one_day == {"startDate": "2026-03-28T12:00:00Z", "endDate": "2026-03-28"}
    unreadable = {"startDate": "2026-03-29", "endDate": "soon"}
    hooks._ordered_dates(unreadable)
    assert unreadable == {"startDate": "2026-03-29", "endDate": "soon"}


@dataclass
class FakeOperation:
    method: str
    path: str


@dataclass
class FakeCase:
    operation: FakeOperation
    path_parameters: dict[str, Any]
    body: Any = None


def test_cases_are_dropped_for_another_operations_url_and_unsingable_lyrics() -> None:
    endpoint = FakeOperation("patch", "/v1/management/webhooks/{endpoint_id}")
    assert not hooks.filter_case(None, FakeCase(endpoint, {"endpoint_id": "callback-secret"}))
    assert hooks.filter_case(None, FakeCase(endpoint, {"endpoint_id": "we_0"}))
    create = FakeOperation("post", "/v1/music/generations")
    sung = {"prompt": "rain", "lyrics": "[Verse]\nRain on the window, rain on the street"}
    assert hooks.filter_case(None, FakeCase(create, {}, sung))
    assert hooks.filter_case(None, FakeCase(create, {}, {**sung, "callback_url": None}))
    unsingable = {**sung, "lyrics": "\u0434\u043e\u0436\u0434\u044c " * 400}
    assert not hooks.filter_case(None, FakeCase(create, {}, unsingable))
