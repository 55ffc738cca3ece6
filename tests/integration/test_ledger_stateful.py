"""Random sequences of everything that moves money, with the ledger's invariants checked
after every step (hypothesis stateful testing against the real SQLite ledger)."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from songforge.db.migrate import upgrade
from songforge.db.tables import billing_transactions, tasks, usage_records
from songforge.domain.errors import InsufficientBalance, QuotaExceeded, RateLimited
from songforge.domain.generation_request import GenerationRequest
from songforge.domain.tasks import GenerationResult, TaskError
from songforge.runtime.clock import FakeClock
from songforge.services.bootstrap import create_funded_organisation
from songforge.services.cancel_task import cancel_task
from songforge.services.create_task import create_task
from songforge.services.credentials import INFERENCE, authenticate
from songforge.services.run_task import (
    claim_next,
    complete,
    reap_expired_leases,
    record_failure,
)
from songforge.settings import Settings
from songforge.wiring import build_services

BODIES = [
    {"model": "suno_music", "prompt": "song"},
    {"model": "suno_lyrics", "prompt": "words"},
    {"model": "songforge_instrumental", "prompt": "tune"},
]


class LedgerMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = tempfile.TemporaryDirectory()
        self.services = build_services(
            Settings(
                data_dir=Path(self.tmp.name),
                provider_override="fake",
                workers=0,
                max_attempts=1,
                max_tasks_in_flight=1000,
            )
        )
        self.clock = FakeClock()
        self.services.clock = self.clock
        upgrade(self.services.engine)
        org = create_funded_organisation(self.services.uow_factory, self.clock, "m", Decimal("1"))
        self.org = org.organisation_id
        self.key = authenticate(
            self.services.uow_factory, self.clock, f"Bearer {org.api_key}", INFERENCE
        )
        self.ctx = self.services.run_context()
        self.pending: list[str] = []
        self.running: list[str] = []

    def teardown(self) -> None:
        self.services.close()
        self.tmp.cleanup()

    def _refresh_key(self) -> None:
        with self.services.uow_factory(read_only=True) as uow:
            key = uow.keys.get(self.key.id)
        assert key is not None
        self.key = key

    @rule(body=st.sampled_from(BODIES))
    def create(self, body: dict[str, str]) -> None:
        self._refresh_key()
        try:
            outcome = create_task(self.services.create_context(), self.key, body, "req", None)
        except (InsufficientBalance, QuotaExceeded, RateLimited):
            return
        self.pending.append(outcome.task.id)

    @precondition(lambda self: self.pending)
    @rule()
    def start(self) -> None:
        task = claim_next(self.ctx, "worker", 30)
        if task is not None:
            self.pending.remove(task.id)
            self.running.append(task.id)

    @precondition(lambda self: self.running)
    @rule(data=st.data())
    def finish(self, data: st.DataObject) -> None:
        task_id = data.draw(st.sampled_from(self.running))
        self.running.remove(task_id)
        with self.services.uow_factory(read_only=True) as uow:
            task = uow.tasks.get(task_id)
        assert task is not None
        request = GenerationRequest.from_dict(task.request)
        complete(self.ctx, task_id, "worker", request, GenerationResult("t", "l", {}))

    @precondition(lambda self: self.running)
    @rule(data=st.data())
    def fail(self, data: st.DataObject) -> None:
        task_id = data.draw(st.sampled_from(self.running))
        self.running.remove(task_id)
        record_failure(
            self.ctx, task_id, "worker", TaskError("generation_failed", "x"), retryable=False
        )

    @precondition(lambda self: self.pending)
    @rule(data=st.data())
    def cancel(self, data: st.DataObject) -> None:
        task_id = data.draw(st.sampled_from(self.pending))
        self.pending.remove(task_id)
        cancel_task(self.services.uow_factory, self.clock, self.key, task_id)

    @precondition(lambda self: self.running)
    @rule()
    def worker_dies_and_reaper_gives_up(self) -> None:
        self.clock.advance(60)
        reap_expired_leases(self.ctx)
        self.running.clear()

    @rule(amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("2"), places=2))
    def recharge(self, amount: Decimal) -> None:
        with self.services.uow_factory() as uow:
            uow.ledger.recharge(self.org, amount, "test", self.clock.now())
            uow.commit()

    @rule(
        limit=st.one_of(
            st.none(), st.decimals(min_value=Decimal("0"), max_value=Decimal("3"), places=2)
        )
    )
    def change_key_limit(self, limit: Decimal | None) -> None:
        with self.services.uow_factory() as uow:
            uow.keys.update(self.key.id, {"limit_amount": limit})
            uow.commit()

    @invariant()
    def money_adds_up(self) -> None:
        with self.services.engine.connect() as c:
            org = c.execute(
                sa.text(
                    "SELECT total_recharge_units, total_used_units, reserved_units"
                    " FROM organisations WHERE id = :id"
                ),
                {"id": self.org},
            ).one()
            recharge, used, reserved = org
            usage_sum = c.execute(
                sa.select(sa.func.coalesce(sa.func.sum(usage_records.c.cost_units), 0))
            ).scalar_one()
            open_holds = c.execute(
                sa.select(sa.func.coalesce(sa.func.sum(tasks.c.reserved_units), 0)).where(
                    tasks.c.status.in_(("pending", "processing"))
                )
            ).scalar_one()
            terminal = c.execute(
                sa.select(sa.func.count()).where(tasks.c.status.in_(("completed", "failed")))
            ).scalar_one()
            records = c.execute(sa.select(sa.func.count()).select_from(usage_records)).scalar_one()
            charges = c.execute(
                sa.select(billing_transactions.c.task_id, sa.func.count())
                .where(billing_transactions.c.kind == "charge")
                .group_by(billing_transactions.c.task_id)
            ).all()
            key_used, key_reserved = c.execute(
                sa.text("SELECT used_units, reserved_units FROM api_keys WHERE id = :id"),
                {"id": self.key.id},
            ).one()
        balance = recharge - used
        assert 0 <= reserved <= balance
        assert usage_sum == used
        assert reserved == open_holds == key_reserved
        assert key_used == used
        assert records == terminal  # every ended task: exactly one usage record
        assert all(count == 1 for _, count in charges)  # settled at most once


TestLedger = LedgerMachine.TestCase
TestLedger.settings = settings(
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_idempotency_keys_are_kept_for_24_hours(tmp_path: Path) -> None:
    services = build_services(Settings(data_dir=tmp_path, provider_override="fake", workers=0))
    clock = FakeClock()
    services.clock = clock
    upgrade(services.engine)
    org = create_funded_organisation(services.uow_factory, clock, "i", Decimal(5))
    key = authenticate(services.uow_factory, clock, f"Bearer {org.api_key}", INFERENCE)
    body = {"model": "suno_music", "prompt": "song"}
    first = create_task(services.create_context(), key, body, "r1", "k-1")
    clock.advance(23 * 3600)
    again = create_task(services.create_context(), key, body, "r2", "k-1")
    assert again.replayed
    assert again.task.id == first.task.id
    clock.advance(2 * 3600)
    later = create_task(services.create_context(), key, body, "r3", "k-1")
    assert not later.replayed
    assert later.task.id != first.task.id
    services.close()
