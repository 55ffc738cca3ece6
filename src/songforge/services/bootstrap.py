"""First start: a default organisation with a trial balance, one key and one token."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from songforge.ports import Clock, UnitOfWork, UnitOfWorkFactory
from songforge.services.credentials import (
    INFERENCE,
    MANAGEMENT,
    create_organisation,
    issue_credential,
)


@dataclass(frozen=True)
class Bootstrapped:
    organisation_id: str
    api_key: str
    management_token: str


def _create(uow: UnitOfWork, now: float, name: str, balance: Decimal) -> Bootstrapped:
    organisation_id = create_organisation(uow, name, now)
    if balance > 0:
        uow.ledger.recharge(organisation_id, balance, "trial balance", now)
    key = issue_credential(uow, organisation_id, INFERENCE, "default", now)
    token = issue_credential(uow, organisation_id, MANAGEMENT, "default", now)
    return Bootstrapped(organisation_id, key.secret, token.secret)


def create_funded_organisation(
    uow_factory: UnitOfWorkFactory, clock: Clock, name: str, balance: Decimal
) -> Bootstrapped:
    with uow_factory() as uow:
        created = _create(uow, clock.now(), name, balance)
        uow.commit()
    return created


def bootstrap_if_empty(
    uow_factory: UnitOfWorkFactory, clock: Clock, trial_balance: Decimal
) -> Bootstrapped | None:
    # Check and create in one write transaction, so two first starts make one organisation.
    with uow_factory() as uow:
        if uow.keys.organisation_ids():
            return None
        created = _create(uow, clock.now(), "default", trial_balance)
        uow.commit()
    return created
