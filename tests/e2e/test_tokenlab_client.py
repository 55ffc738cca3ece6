"""A client written only from TokenLab's documentation, pointed at songforge: TokenLab's own
Python package (`tokenlab-ai`) for catalogue and pricing, plain httpx for music and the
management API. It discovers a model, creates a song, polls it, and reconciles its charge
in the usage records by `billing_transaction_id`."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

import httpx
import pytest
from tokenlab import TokenLabClient

from tests.conformance.vendor_schema import vendor_schema


def _conforms(operation_id: str, body: Any) -> None:
    """The live server's body validates against TokenLab's schema for the operation."""
    schema = vendor_schema()
    pointer = schema.response_pointer(operation_id, 200) or "/components/schemas/VideoTaskResponse"
    errors = schema.errors(pointer, body)
    assert not errors, f"{operation_id}: " + "\n".join(errors)


def _poll(client: httpx.Client, poll_url: str, timeout: float = 150.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        task: dict[str, Any] = client.get(poll_url).json()
        if task["status"] in ("completed", "failed"):
            return task
        time.sleep(0.2)
    raise AssertionError(f"{poll_url} did not finish")


# The first task waits for the worker process to start, which takes long on a busy machine.
@pytest.mark.timeout(300)
def test_tokenlab_client_discovers_creates_polls_and_reconciles(live_server_factory: Any) -> None:
    server = live_server_factory(SONGFORGE_WORKERS=1)

    # Discovery with TokenLab's package: the recommended music model, its contract, its price.
    with TokenLabClient(api_key=server.api_key, api_base=server.base_url) as tokenlab:
        shortlist = tokenlab.list_models(view="compact", recommended_for="music")
        best = min(shortlist["data"], key=lambda m: m["recommendation"]["preferred_rank"])
        model = tokenlab.get_model(best["id"])
        contract = model["tokenlab"]["request_format_details"]
        price = tokenlab.get_model_pricing(best["id"])
        listed = tokenlab.list_pricing()
        with pytest.raises(RuntimeError, match="model_not_found"):
            tokenlab.get_model("no_such_model")
    assert "music" in contract["public_operations"]
    _conforms("listModels", shortlist)
    _conforms("getModel", model)
    _conforms("getModelPricing", price)
    _conforms("getPricing", listed)
    entry = next(e for e in listed["data"] if e["model"] == best["id"])
    expected_cost = Decimal(entry["lock_price_per_request"])
    assert expected_cost > 0

    # Music with plain httpx, sending only fields the model's contract lists.
    body = {
        "model": best["id"],
        "prompt": "An upbeat synth-pop song about city lights at night",
        "title": "City Lights",
        "tags": "synth-pop, upbeat",
        "mv": "chirp-v4-5",
    }
    assert set(body) <= set(contract["supported_parameters"])
    auth = {"Authorization": f"Bearer {server.api_key}"}
    with httpx.Client(base_url=server.base_url, headers=auth, timeout=10) as music:
        created = music.post(contract["request_endpoint"], json=body)
        assert created.status_code == 200, created.text
        task = _poll(music, created.json()["poll_url"])
        assert task["status"] == "completed", task
        audio = httpx.get(task["audio_url"], timeout=10)
    _conforms("createMusic", created.json())
    _conforms("getAsyncTask", task)
    assert audio.status_code == 200
    assert len(audio.content) > 1000
    assert Decimal(task["cost"]) == expected_cost
    assert price["has_complex_pricing"] in (True, False)

    # Reconciliation with plain httpx against the management API.
    admin = {"Authorization": f"Bearer {server.management_token}"}
    with httpx.Client(base_url=server.base_url, headers=admin, timeout=10) as management:
        listing = management.get("/v1/management/api-keys").json()
        keys = listing["data"]
        [key] = [k for k in keys if server.api_key.startswith(k["key_prefix"])]
        usage = management.get(f"/v1/management/api-keys/{key['id']}/usage").json()
        balance = management.get("/v1/management/balance").json()
    _conforms("listManagementApiKeys", listing)
    _conforms("getManagementApiKeyUsage", usage)
    _conforms("getManagementBalance", balance)
    [record] = [
        r for r in usage["items"] if r["billing_transaction_id"] == task["billing_transaction_id"]
    ]
    assert Decimal(record["cost_decimal"]) == expected_cost
    assert record["model"] == best["id"]
    assert Decimal(usage["summary"]["total_cost_decimal"]) == expected_cost
    assert Decimal(balance["total_used_decimal"]) == expected_cost
    assert usage["api_key"]["used_amount_decimal"] == record["cost_decimal"]
