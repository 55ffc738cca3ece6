"""The task lifecycle through the API: create, poll, list, cancel, events, headers."""

from __future__ import annotations

import json
from decimal import Decimal

from fastapi.testclient import TestClient

from songforge.domain.generation_request import validate_create_body
from songforge.domain.model_versions import VENDOR_VERSIONS
from songforge.services.bootstrap import Bootstrapped
from songforge.wiring import Services
from tests.conftest import bearer, run_pending

# The request body of the vendor guide's example.
GUIDE_BODY = {
    "model": "suno_music",
    "prompt": "An upbeat synth-pop song about city lights at night",
    "title": "City Lights",
    "tags": "synth-pop, upbeat",
    "action": "MUSIC",
}


def test_create_returns_pending_task_then_completes(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    response = client.post(
        "/v1/music/generations",
        json=GUIDE_BODY,
        headers={**bearer(org.api_key), "X-Request-ID": "client-req-1"},
    )
    assert response.status_code == 200
    task = response.json()
    assert task["status"] == "pending"
    assert task["stage"] == "queued"
    assert task["progress"] == 0
    assert task["id"] == task["task_id"]
    assert task["id"].startswith("ldtask_")
    assert len(task["id"]) == len("ldtask_") + 32
    assert task["poll_url"] == f"/v1/tasks/{task['id']}"
    assert task["object"] == "music.task"
    assert task["reserved_amount"] == "0.1000"
    assert task["request_id"] == "client-req-1"
    assert task["title"] == "City Lights"  # the requested title is shown while it runs
    assert response.headers["x-request-id"] == "client-req-1"
    assert response.headers["X-Task-ID"] == task["id"]
    assert "audio_url" not in task

    assert run_pending(services) == 1
    polled = client.get(task["poll_url"], headers=bearer(org.api_key))
    done = polled.json()
    assert done["status"] == "completed"
    assert done["progress"] == 100
    assert done["stage"] == "done"
    assert done["title"] == "City Lights"
    assert done["clip_id"].startswith("clip_")
    assert done["audio_url"].startswith("http://testserver/v1/files/")
    assert done["cost"] == "0.1000"
    assert done["billing_transaction_id"].startswith("btx_")
    assert polled.headers["X-Billing-Transaction-ID"] == done["billing_transaction_id"]
    assert done["metadata"]["tags"] == "synth-pop, upbeat"
    assert isinstance(done["metadata"]["seed"], int)
    assert not any(key.startswith("_") for key in done["metadata"])
    compat = client.get(f"/v1/music/generations/{task['id']}", headers=bearer(org.api_key))
    assert compat.json() == done
    audio = client.get(done["audio_url"])
    assert audio.status_code == 200
    assert audio.content[:4] == b"RIFF"


def test_money_is_reserved_then_settled(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    client.post("/v1/music/generations", json=GUIDE_BODY, headers=bearer(org.api_key))
    with services.uow_factory(read_only=True) as uow:
        held = uow.ledger.balance(org.organisation_id)
    assert held.reserved == Decimal("0.1000")
    assert held.balance == Decimal("10.0000")
    run_pending(services)
    with services.uow_factory(read_only=True) as uow:
        settled = uow.ledger.balance(org.organisation_id)
    assert settled.reserved == 0
    assert settled.total_used == Decimal("0.1000")
    assert settled.balance == Decimal("9.9000")


def test_lyrics_task_has_text_and_no_audio(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    body = {"model": "suno_lyrics", "prompt": "a song about the sea"}
    task = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key)).json()
    assert task["action"] == "LYRICS"
    assert task["reserved_amount"] == "0.0100"
    run_pending(services)
    done = client.get(task["poll_url"], headers=bearer(org.api_key)).json()
    assert done["status"] == "completed"
    assert done["lyrics"]
    assert done["title"]
    assert "audio_url" not in done
    assert "clip_id" not in done


def test_cancel_pending_task_releases_money(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    task = client.post("/v1/music/generations", json=GUIDE_BODY, headers=bearer(org.api_key)).json()
    response = client.delete(f"/v1/tasks/{task['id']}", headers=bearer(org.api_key))
    assert response.status_code == 200
    cancelled = response.json()
    assert cancelled["status"] == "failed"
    assert cancelled["cancelled"] is True
    assert cancelled["cancellation_status"] == "cancelled"
    assert cancelled["error"]["code"] == "cancelled"
    assert run_pending(services) == 0
    with services.uow_factory(read_only=True) as uow:
        balance = uow.ledger.balance(org.organisation_id)
    assert balance.reserved == 0
    assert balance.total_used == 0


def test_failed_attempts_retry_then_fail_and_release(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    body = {**GUIDE_BODY, "prompt": "fake:fail please"}
    task = client.post("/v1/music/generations", json=body, headers=bearer(org.api_key)).json()
    assert run_pending(services) == services.settings.max_attempts
    failed = client.get(task["poll_url"], headers=bearer(org.api_key)).json()
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "generation_failed"
    assert "asked to fail" in failed["error"]["message"]
    assert failed["cost"] == "0.0000"
    # No failure stage in the contract: the task shows the step it stopped at, never done.
    assert failed["stage"] in {"queued", "writing_lyrics", "composing", "rendering", "singing"}
    assert failed["progress"] < 100
    with services.uow_factory(read_only=True) as uow:
        balance = uow.ledger.balance(org.organisation_id)
        stored = uow.tasks.get(task["id"])
    assert balance.reserved == 0
    assert balance.total_used == 0
    assert stored is not None
    assert stored.attempts == services.settings.max_attempts


def test_list_is_newest_first_with_cursor(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    created = [
        client.post(
            "/v1/music/generations",
            json={**GUIDE_BODY, "title": f"Song {i}"},
            headers=bearer(org.api_key),
        ).json()["id"]
        for i in range(5)
    ]
    seen: list[str] = []
    cursor = None
    while True:
        query = f"/v1/tasks?limit=2{'&after=' + cursor if cursor else ''}"
        page = client.get(query, headers=bearer(org.api_key)).json()
        seen.extend(t["id"] for t in page["data"])
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    assert seen == list(reversed(created))
    pending = client.get("/v1/tasks?status=pending", headers=bearer(org.api_key)).json()
    assert len(pending["data"]) == 5
    bad = client.get("/v1/tasks?after=%%%", headers=bearer(org.api_key))
    assert bad.status_code == 400
    assert bad.json()["error"]["param"] == "after"


def test_events_stream_until_terminal(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    task = client.post("/v1/music/generations", json=GUIDE_BODY, headers=bearer(org.api_key)).json()
    run_pending(services)
    with client.stream("GET", f"/v1/tasks/{task['id']}/events", headers=bearer(org.api_key)) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [
            json.loads(line.removeprefix("data: "))
            for line in r.iter_lines()
            if line.startswith("data: ")
        ]
    assert events[-1]["status"] == "completed"


def test_idempotent_replay_returns_same_task(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    headers = {**bearer(org.api_key), "Idempotency-Key": "retry-me"}
    first = client.post("/v1/music/generations", json=GUIDE_BODY, headers=headers)
    again = client.post("/v1/music/generations", json=GUIDE_BODY, headers=headers)
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    with services.uow_factory(read_only=True) as uow:
        assert uow.ledger.balance(org.organisation_id).reserved == Decimal("0.1000")


def test_models_catalogue(client: TestClient) -> None:
    listed = client.get("/v1/models").json()
    ids = {m["id"] for m in listed["data"]}
    assert {"suno_music", "suno_lyrics", "songforge_instrumental"} <= ids
    entry = next(m for m in listed["data"] if m["id"] == "suno_music")
    assert entry["object"] == "model"
    summary = entry["tokenlab"]["request_format_summary"]
    assert summary["request_endpoint"] == "/v1/music/generations"
    assert {"music", "lyrics", "continue"} <= set(summary["public_operations"])
    assert "request_format_details" not in entry["tokenlab"]
    assert entry["tokenlab"]["has_complex_pricing"]  # lyrics cost less than a song
    assert client.get("/v1/models?view=full").json() == listed  # full is the default
    lyrics_only = client.get("/v1/models?recommended_for=lyrics").json()["data"]
    assert {m["id"] for m in lyrics_only} == {"suno_music", "suno_lyrics"}
    detail = client.get("/v1/models/songforge_instrumental").json()
    assert detail["tokenlab"]["supported_operations"] == ["music", "continue"]
    contract = detail["tokenlab"]["request_format_details"]
    assert "lyrics" not in contract["supported_parameters"]
    assert contract["request_endpoint"] == "/v1/music/generations"
    assert all(isinstance(note, str) for note in contract["notes"])
    assert detail["tokenlab"]["accepted_request_formats"] == []
    # A client reading the catalogue learns what each operation needs.
    needs = {c["operation"]: c["required_selectors"] for c in contract["operation_constraints"]}
    assert needs == {"music": ["prompt"], "continue": ["continue_clip_id"]}
    pricing = client.get("/v1/models/suno_lyrics/pricing").json()
    assert pricing["operations"]["lyrics"]["price_decimal"] == "0.0100"
    assert pricing["scalar_pricing"] == {"per_request": "0.0100"}
    everything = client.get("/v1/pricing").json()
    assert (everything["object"], everything["currency"]) == ("pricing", "USD")
    assert len(everything["data"]) == len(ids)
    music = next(e for e in everything["data"] if e["model"] == "suno_music")
    assert music["lock_price_per_request"] == "0.1000"
    assert client.get("/v1/models?provider=songforge").json()["data"]
    # The backend serving a model is operator configuration, never shown.
    assert not client.get("/v1/models?provider=fake").json()["data"]
    assert not client.get("/v1/pricing?provider=fake").json()["data"]


def test_catalogue_compact_view_and_filters(client: TestClient) -> None:
    compact = client.get("/v1/models?view=compact").json()
    assert set(compact) == {"object", "view", "count", "data"}
    assert compact["count"] == len(compact["data"]) >= 3
    music = next(m for m in compact["data"] if m["id"] == "suno_music")
    assert music["provider"] == "songforge"
    assert music["pricing"] == {
        "unit": "request",
        "currency": "USD",
        "min_price": "0.0100",
        "max_price": "0.1000",
        "has_complex_pricing": True,
    }
    assert "recommendation" not in music
    ranked = client.get("/v1/models?view=compact&recommended_for=music").json()["data"]
    assert [m["recommendation"]["preferred_rank"] for m in ranked] == list(
        range(1, len(ranked) + 1)
    )
    vocals = {m["id"] for m in client.get("/v1/models?tag=vocals").json()["data"]}
    assert "suno_music" in vocals
    assert "songforge_instrumental" not in vocals
    assert {e["model"] for e in client.get("/v1/pricing?tag=vocals").json()["data"]} == vocals
    assert client.get("/v1/models?category=music").json()["data"]
    assert client.get("/v1/models?category=chat").json()["data"] == []
    for query, param in (
        ("category=songs", "category"),
        ("recommended_for=karaoke", "recommended_for"),
        ("view=tiny", "view"),
    ):
        response = client.get(f"/v1/models?{query}")
        assert response.status_code == 400, query
        assert response.json()["error"]["param"] == param


def test_operations_routes(client: TestClient, org: Bootstrapped) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    client.get("/v1/tasks", headers=bearer(org.api_key))
    metrics = client.get("/metrics").text
    assert 'songforge_http_requests_total{method="GET",route="/v1/tasks",status="200"}' in metrics
    assert "songforge_queue_depth" in metrics
    assert "songforge_http_request_duration_seconds_bucket" in metrics
    assert client.get("/openapi.json").json()["info"]["title"] == "songforge"
    assert client.get("/docs").status_code == 200


def test_null_make_instrumental_means_not_given(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    song = client.post(
        "/v1/music/generations",
        json={**GUIDE_BODY, "make_instrumental": None},
        headers=bearer(org.api_key),
    )
    assert song.status_code == 200, song.text
    run_pending(services)
    done = client.get(song.json()["poll_url"], headers=bearer(org.api_key)).json()
    assert done["metadata"]["instrumental"] is False
    # On an instrumental-only model, null takes the model's default instead of refusing.
    only = client.post(
        "/v1/music/generations",
        json={"model": "songforge_instrumental", "prompt": "rain", "make_instrumental": None},
        headers=bearer(org.api_key),
    )
    assert only.status_code == 200, only.text


def test_every_documented_mv_is_accepted_and_recorded(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    for version in VENDOR_VERSIONS:
        accepted = validate_create_body({**GUIDE_BODY, "mv": version}, services.catalog)
        assert accepted.mv in ("chirp-v3-5", "chirp-v4", "chirp-v4-5")
    created = client.post(
        "/v1/music/generations", json={**GUIDE_BODY, "mv": "chirp-v5"}, headers=bearer(org.api_key)
    ).json()
    run_pending(services)
    done = client.get(created["poll_url"], headers=bearer(org.api_key)).json()
    assert done["status"] == "completed"
    assert (done["metadata"]["mv_requested"], done["metadata"]["mv"]) == ("chirp-v5", "chirp-v4-5")
    contract = client.get("/v1/models/suno_music").json()["tokenlab"]["request_format_details"]
    assert contract["mv_served_as"]["chirp-v5"] == "chirp-v4-5"
    assert set(VENDOR_VERSIONS) <= set(contract["mv"])
