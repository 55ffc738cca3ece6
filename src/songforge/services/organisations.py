"""Operators' tenants: create an organisation with its first management token, list them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from songforge.domain.billing import money
from songforge.domain.errors import InvalidParameter
from songforge.domain.key_changes import MAX_LIMIT_USD
from songforge.ports import Balance, Clock, UnitOfWorkFactory
from songforge.services.credentials import MANAGEMENT, create_organisation, issue_credential

MAX_NAME_CHARS = 100


@dataclass(frozen=True)
class NewOrganisation:
    organisation_id: str
    management_token: str
    """The `mt-` secret; stored only as a hash, so shown once."""


@dataclass(frozen=True)
class OrganisationSummary:
    id: str
    name: str
    created_at: float
    balance: Balance


def create_tenant(
    uow_factory: UnitOfWorkFactory, clock: Clock, name: str, credit: Decimal
) -> NewOrganisation:
    """A new organisation with `credit` USD recharged and one management token.

    Raises InvalidParameter for an empty, over-long or already used name (compared ignoring
    case), or a credit outside the rules of a key's limitAmount: 0 to 1,000,000 USD with at
    most 4 decimal places (never rounded: the ledger would hold another amount than asked).
    """
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise InvalidParameter(f"The name must be 1 to {MAX_NAME_CHARS} characters.", param="name")
    if not credit.is_finite() or credit < 0 or credit > MAX_LIMIT_USD:
        raise InvalidParameter(
            f"The credit must be between 0 and {MAX_LIMIT_USD:,} USD.", param="credit"
        )
    if money(credit) != credit:
        raise InvalidParameter("The credit has at most 4 decimal places.", param="credit")
    with uow_factory() as uow:
        if any(o.name.casefold() == name.casefold() for o in uow.keys.organisations()):
            raise InvalidParameter(f"An organisation named '{name}' already exists.", param="name")
        now = clock.now()
        organisation_id = create_organisation(uow, name, now)
        if credit > 0:
            uow.ledger.recharge(organisation_id, credit, "initial credit", now)
        token = issue_credential(uow, organisation_id, MANAGEMENT, "default", now)
        uow.commit()
    return NewOrganisation(organisation_id, token.secret)


def list_tenants(uow_factory: UnitOfWorkFactory) -> list[OrganisationSummary]:
    with uow_factory(read_only=True) as uow:
        return [
            OrganisationSummary(o.id, o.name, o.created_at, uow.ledger.balance(o.id))
            for o in uow.keys.organisations()
        ]
