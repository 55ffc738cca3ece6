"""Management use cases: balance, keys, usage and billing of one organisation."""

from __future__ import annotations

import math
from dataclasses import dataclass

from songforge.domain.catalog import Catalog
from songforge.domain.errors import ApiKeyNotFound, InvalidParameter
from songforge.domain.key_changes import parse_timestamp, validate_key_create, validate_key_update
from songforge.ports import (
    Balance,
    Clock,
    Credential,
    UnitOfWork,
    UnitOfWorkFactory,
    UsageFilter,
    UsageRecord,
    UsageTotals,
)
from songforge.services.credentials import (
    INFERENCE,
    CredentialCache,
    IssuedCredential,
    issue_credential,
)


@dataclass(frozen=True)
class Page:
    page: int
    limit: int
    total: int

    @property
    def total_pages(self) -> int:
        return max(1, math.ceil(self.total / self.limit)) if self.total else 0


# Far beyond any real listing, and small enough that the row offset fits a 64-bit integer.
MAX_PAGE = 1_000_000
MAX_PAGE_SIZE = 100


def _page_args(page: int, limit: int) -> tuple[int, int]:
    if not 1 <= page <= MAX_PAGE:
        raise InvalidParameter(f"'page' must be between 1 and {MAX_PAGE:,}.", param="page")
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidParameter(f"'limit' must be between 1 and {MAX_PAGE_SIZE}.", param="limit")
    return page, limit


def balance(uow_factory: UnitOfWorkFactory, token: Credential) -> Balance:
    with uow_factory(read_only=True) as uow:
        return uow.ledger.balance(token.organisation_id)


def list_keys(
    uow_factory: UnitOfWorkFactory, token: Credential, page: int, limit: int
) -> tuple[list[Credential], Page]:
    page, limit = _page_args(page, limit)
    with uow_factory(read_only=True) as uow:
        keys, total = uow.keys.list_for_organisation(
            token.organisation_id, INFERENCE, offset=(page - 1) * limit, limit=limit
        )
    return keys, Page(page, limit, total)


def create_key(
    uow_factory: UnitOfWorkFactory, catalog: Catalog, clock: Clock, token: Credential, body: object
) -> IssuedCredential:
    now = clock.now()
    fields = validate_key_create(body, catalog, now)
    with uow_factory() as uow:
        issued = issue_credential(
            uow,
            token.organisation_id,
            INFERENCE,
            fields["name"],
            now,
            limit_amount=fields["limit_amount"],
            models=fields["models"],
            expires_at=fields["expires_at"],
        )
        uow.commit()
    return issued


def _own_key(uow: UnitOfWork, token: Credential, key_id: str) -> Credential:
    key = uow.keys.get(key_id)
    if key is None or key.organisation_id != token.organisation_id or key.kind != INFERENCE:
        raise ApiKeyNotFound(f"API key '{key_id}' not found.", param="keyId")
    return key


def update_key(
    uow_factory: UnitOfWorkFactory,
    catalog: Catalog,
    clock: Clock,
    cache: CredentialCache | None,
    token: Credential,
    key_id: str,
    body: object,
) -> Credential:
    changes = validate_key_update(body, catalog, clock.now())
    with uow_factory() as uow:
        key = _own_key(uow, token, key_id)
        if key.status == "revoked":
            raise InvalidParameter("A revoked key is final and cannot be changed.", param="status")
        if changes:  # a body of only `limitCurrency: "USD"` changes nothing
            uow.keys.update(key.id, changes)
        updated = uow.keys.get(key.id)
        uow.commit()
    if cache is not None:
        cache.clear()  # other API processes see the change within the cache's few seconds
    assert updated is not None
    return updated


# The public request scenes and the filter length bound of TokenLab's OpenAPI
# (getManagementApiKeyUsage parameters); songforge records only "music".
SCENES = (
    "chat",
    "image",
    "audio",
    "video",
    "embedding",
    "rerank",
    "translation",
    "music",
    "3d",
    "realtime",
)
MAX_FILTER_CHARS = 100


@dataclass(frozen=True)
class UsageQuery:
    model: str | None = None
    scene: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    page: int = 1
    limit: int = 50
    model_vendor: str | None = None

    def to_filter(self, key_id: str, catalog: Catalog) -> UsageFilter:
        """Raises InvalidParameter (400) for an unknown scene, an over-long model or
        modelVendor, or unreadable or reversed dates."""
        for param, value in (("model", self.model), ("modelVendor", self.model_vendor)):
            if value is not None and len(value) > MAX_FILTER_CHARS:
                raise InvalidParameter(
                    f"'{param}' must be at most {MAX_FILTER_CHARS} characters.", param=param
                )
        if self.scene is not None and self.scene not in SCENES:
            raise InvalidParameter(f"'scene' must be one of: {', '.join(SCENES)}.", param="scene")
        start = end = None
        if self.start_date is not None:
            start = parse_timestamp(self.start_date, "startDate")
        if self.end_date is not None:
            end = parse_timestamp(self.end_date, "endDate", end_of_day=True)
        if start is not None and end is not None and start > end:
            raise InvalidParameter("'startDate' must not be after 'endDate'.", param="startDate")
        models = None
        if self.model_vendor is not None:
            models = tuple(m.id for m in catalog if m.owned_by == self.model_vendor)
        return UsageFilter(key_id, self.model, self.scene, start, end, models)


def usage(
    uow_factory: UnitOfWorkFactory,
    catalog: Catalog,
    token: Credential,
    key_id: str,
    query: UsageQuery,
) -> tuple[Credential, list[UsageRecord], UsageTotals, Page]:
    page, limit = _page_args(query.page, query.limit)
    with uow_factory(read_only=True) as uow:
        key = _own_key(uow, token, key_id)
        where = query.to_filter(key.id, catalog)
        records = uow.usage.records(where, offset=(page - 1) * limit, limit=limit)
        totals = uow.usage.totals(where)
    return key, records, totals, Page(page, limit, totals.requests)


def billing(
    uow_factory: UnitOfWorkFactory,
    catalog: Catalog,
    token: Credential,
    key_id: str,
    query: UsageQuery,
) -> tuple[Credential, UsageTotals]:
    with uow_factory(read_only=True) as uow:
        key = _own_key(uow, token, key_id)
        return key, uow.usage.totals(query.to_filter(key.id, catalog))
