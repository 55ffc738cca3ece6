"""Organisations, inference keys and management tokens: creating them and checking them."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from decimal import Decimal

from songforge.domain.errors import ExpiredApiKey, InvalidApiKey
from songforge.ports import Clock, Credential, UnitOfWork, UnitOfWorkFactory

INFERENCE = "sk"
MANAGEMENT = "mt"
# A write per request would serialise reads on SQLite; minute precision is plenty.
_TOUCH_EVERY_SECONDS = 60.0


def hash_secret(secret: str) -> str:
    # Secrets carry 192 random bits, so a fast hash is safe and keeps auth cheap.
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedCredential:
    credential: Credential
    secret: str


def issue_credential(
    uow: UnitOfWork,
    organisation_id: str,
    kind: str,
    name: str,
    now: float,
    *,
    limit_amount: Decimal | None = None,
    models: tuple[str, ...] = (),
    expires_at: float | None = None,
) -> IssuedCredential:
    secret = f"{kind}-{secrets.token_urlsafe(24)}"
    credential = Credential(
        id="key_" + secrets.token_hex(12),
        organisation_id=organisation_id,
        kind=kind,
        name=name.strip()[:50] or "key",
        key_prefix=secret[:10],
        status="active",
        limit_amount=limit_amount,
        used_amount=Decimal("0"),
        reserved_amount=Decimal("0"),
        models=models,
        expires_at=expires_at,
        last_used_at=None,
        created_at=now,
    )
    uow.keys.insert(credential, hash_secret(secret))
    return IssuedCredential(credential, secret)


def create_organisation(uow: UnitOfWork, name: str, now: float) -> str:
    organisation_id = "org_" + secrets.token_hex(12)
    uow.keys.create_organisation(organisation_id, name, now)
    return organisation_id


class CredentialCache:
    """Recently seen credentials for a moment, so polling clients cost one query, not two.

    A key's revocation or change reaches this process within ``ttl_seconds``.
    """

    def __init__(self, ttl_seconds: float = 2.0, max_entries: int = 10_000) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, Credential]] = {}

    def get(self, secret_hash: str, now: float) -> Credential | None:
        entry = self._entries.get(secret_hash)
        if entry is None or now - entry[0] > self.ttl_seconds:
            return None
        return entry[1]

    def clear(self) -> None:
        self._entries.clear()

    def put(self, secret_hash: str, credential: Credential, now: float) -> None:
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[secret_hash] = (now, credential)


def _lookup(
    uow_factory: UnitOfWorkFactory, cache: CredentialCache | None, secret: str, now: float
) -> Credential | None:
    secret_hash = hash_secret(secret)
    if cache is not None and (cached := cache.get(secret_hash, now)) is not None:
        return cached
    with uow_factory(read_only=True) as uow:
        credential = uow.keys.find_by_hash(secret_hash)
    if cache is not None and credential is not None:
        cache.put(secret_hash, credential, now)
    return credential


def authenticate(
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    authorization: str | None,
    kind: str,
    cache: CredentialCache | None = None,
) -> Credential:
    if not authorization:
        raise InvalidApiKey("Missing API key. Send 'Authorization: Bearer <key>'.")
    scheme, _, secret = authorization.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise InvalidApiKey("Malformed Authorization header. Send 'Authorization: Bearer <key>'.")
    if not secret.startswith(f"{kind}-"):
        wanted = "an inference key (sk-…)" if kind == INFERENCE else "a management token (mt-…)"
        raise InvalidApiKey(f"Invalid API key: this route needs {wanted}.")
    now = clock.now()
    credential = _lookup(uow_factory, cache, secret, now)
    if credential is None or credential.kind != kind:
        raise InvalidApiKey("Invalid API key.")
    if credential.status != "active":
        raise InvalidApiKey(f"Invalid API key: this key is {credential.status}.")
    if credential.expires_at is not None and credential.expires_at <= now:
        raise ExpiredApiKey("This API key has expired.")
    if credential.last_used_at is None or now - credential.last_used_at > _TOUCH_EVERY_SECONDS:
        with uow_factory() as uow:
            uow.keys.touch(credential.id, now)
            uow.commit()
        if cache is not None:
            cache.put(hash_secret(secret), replace(credential, last_used_at=now), now)
    return credential
