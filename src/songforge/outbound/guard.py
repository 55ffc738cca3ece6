"""Checks a URL before anything is sent to it: scheme, host, and every address it resolves to."""

from __future__ import annotations

import httpx

from songforge.outbound.address_ranges import PRIVATE_KINDS, IPAddress, classify
from songforge.outbound.policy import OutboundPolicy, OutboundRefused
from songforge.outbound.resolver import Resolver

DEFAULT_PORTS = {"http": 80, "https": 443}


def check_address(address: IPAddress, policy: OutboundPolicy, *, host: str | None = None) -> None:
    """Raise OutboundRefused if `policy` forbids connecting to `address` (see address_ranges)."""
    special = classify(address)
    if special is None:
        return
    if policy.allow_private and special.kind in PRIVATE_KINDS:
        return
    named = f"{host!r} resolves to {address}" if host and host != str(address) else str(address)
    raise OutboundRefused(
        f"{named}, {special.kind.value} ({special.network}, {special.source}); "
        "this server does not send requests there."
    )


def check_url(url: str, policy: OutboundPolicy, resolver: Resolver) -> list[IPAddress]:
    """Validate `url` for an outbound request and return the addresses it resolves to.

    Refuses (OutboundRefused, with a human reason): schemes other than https (and http when
    the policy allows it), URLs without a host, and hosts any of whose addresses is forbidden
    by `check_address`. Resolution happens now; connections made later re-check the address
    they actually use (see transport.py), since DNS answers can change in between.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise OutboundRefused(f"{url!r} is not a valid URL.", url=url) from exc
    allowed = ("http", "https") if policy.allow_http else ("https",)
    if parsed.scheme not in allowed:
        need = "http or https" if policy.allow_http else "https"
        raise OutboundRefused(
            f"The URL must use {need}; {parsed.scheme or 'no scheme'!s} is not accepted.",
            url=url,
        )
    if not parsed.host:
        raise OutboundRefused("The URL has no host.", url=url)
    port = parsed.port or DEFAULT_PORTS[parsed.scheme]
    try:
        addresses = resolver.resolve(parsed.host, port)
        for address in addresses:
            check_address(address, policy, host=parsed.host)
    except OutboundRefused as exc:
        raise OutboundRefused(exc.reason, url=url) from None
    return addresses
