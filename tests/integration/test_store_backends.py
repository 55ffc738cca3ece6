"""One suite for the stores, the ledger and idempotency, run on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from songforge.db.migrate import upgrade
from songforge.domain.errors import InsufficientBalance, QuotaExceeded
from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import GenerationResult, Stage, TaskError, TaskStatus
from songforge.ports import Credential, UsageFilter
from songforge.runtime.clock import FakeClock
from songforge.services.bootstrap import create_funded_organisation
from songforge.services.create_task import create_task
from songforge.services.credentials import INFERENCE, authenticate
from songforge.services.run_task import claim_next, complete, reap_expired_leases, record_failure
from songforge.settings import Settings
from songforge.wiring import Services, build_services

SONG = {"model": "suno_music", "prompt": "song"}


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Services, FakeClock]]:
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
    services = build_services(
        Settings(
            data_dir=tmp_path,
            database_url=url,
            provider_override="fake",
            workers=0,
            max_attempts=2,
            retry_backoff_seconds=0,
        )
    )
    clock = FakeClock()
    services.clock = clock
    upgrade(services.engine)
    yield services, clock
    services.close()


def _key(services: Services, clock: FakeClock, balance: str = "1") -> Credential:
    org = create_funded_organisation(services.uow_factory, clock, "o", Decimal(balance))
    return authenticate(services.uow_factory, clock, f"Bearer {org.api_key}", INFERENCE)


def test_lifecycle_and_settlement(backend: tuple[Services, FakeClock]) -> None:
    services, clock = backend
    key = _key(services, clock)
    ctx = services.run_context()
    created = create_task(services.create_context(), key, SONG, "r", None).task
    claimed = claim_next(ctx, "w1", 30)
    assert claimed is not None
    assert claimed.id == created.id
    assert claimed.attempts == 1
    assert claim_next(ctx, "w2", 30) is None  # nobody else gets it
    with services.uow_factory() as uow:
        assert uow.tasks.record_progress(created.id, "w1", Stage.RENDERING, 40, clock.now())
        assert not uow.tasks.record_progress(created.id, "w1", Stage.COMPOSING, 20, clock.now())
        assert not uow.tasks.record_progress(created.id, "intruder", Stage.MIXING, 60, clock.now())
        uow.commit()
    request = GenerationRequest.from_dict(claimed.request)
    assert complete(ctx, created.id, "w1", request, GenerationResult("T", None, {"duration": 1}))
    assert not complete(ctx, created.id, "w1", request, GenerationResult("T", None, {}))
    with services.uow_factory(read_only=True) as uow:
        done = uow.tasks.get(created.id)
        balance = uow.ledger.balance(key.organisation_id)
        totals = uow.usage.totals(UsageFilter(key.id))
    assert done is not None
    assert done.status is TaskStatus.COMPLETED
    assert done.progress == 100
    assert balance.total_used == Decimal("0.1000")
    assert balance.reserved == 0
    assert totals.requests == 1
    assert totals.cost == Decimal("0.1000")


def test_expired_lease_is_retried_then_given_up(backend: tuple[Services, FakeClock]) -> None:
    services, clock = backend
    key = _key(services, clock)
    ctx = services.run_context()
    task = create_task(services.create_context(), key, SONG, "r", None).task
    assert claim_next(ctx, "w1", 10) is not None
    clock.advance(11)
    assert reap_expired_leases(ctx) == 1
    again = claim_next(ctx, "w2", 10)
    assert again is not None
    assert again.attempts == 2
    clock.advance(11)
    reap_expired_leases(ctx)
    with services.uow_factory(read_only=True) as uow:
        failed = uow.tasks.get(task.id)
        balance = uow.ledger.balance(key.organisation_id)
    assert failed is not None
    assert failed.status is TaskStatus.FAILED
    assert balance.reserved == 0
    assert balance.total_used == 0
    # A worker that comes back late cannot complete what is no longer its own.
    request = GenerationRequest.from_dict(task.request)
    assert not complete(ctx, task.id, "w2", request, GenerationResult("T", None, {}))
    record_failure(ctx, task.id, "w2", TaskError("generation_failed", "late"), retryable=True)


def test_money_limits(backend: tuple[Services, FakeClock]) -> None:
    services, clock = backend
    key = _key(services, clock, balance="0.15")
    create_task(services.create_context(), key, SONG, "r", None)
    with pytest.raises(InsufficientBalance):
        create_task(services.create_context(), key, SONG, "r", None)
    with services.uow_factory() as uow:
        uow.keys.update(key.id, {"limit_amount": Decimal("0.10")})
        uow.ledger.recharge(key.organisation_id, Decimal("5"), "top-up", clock.now())
        uow.commit()
    with pytest.raises(QuotaExceeded):
        create_task(services.create_context(), key, SONG, "r", None)
    with services.uow_factory(read_only=True) as uow:
        assert uow.ledger.balance(key.organisation_id).reserved == Decimal("0.1000")


def test_concurrent_idempotent_creates_make_one_task(backend: tuple[Services, FakeClock]) -> None:
    services, clock = backend
    key = _key(services, clock)
    results: list[str] = []
    errors: list[Exception] = []

    def create() -> None:
        try:
            outcome = create_task(services.create_context(), key, SONG, "r", "same")
            results.append(outcome.task.id)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(results)) == 1
    with services.uow_factory(read_only=True) as uow:
        assert uow.ledger.balance(key.organisation_id).reserved == Decimal("0.1000")
