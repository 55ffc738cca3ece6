"""Outbound requests to user-given URLs (webhooks, audio to fetch) without SSRF.

`check_url` refuses bad schemes and hosts resolving to loopback, private, link-local,
multicast, reserved, carrier-grade NAT and cloud-metadata addresses (IPv4 and IPv6; the
ranges and their sources are in address_ranges). `guarded_client` re-checks the address each
connection actually uses and never follows redirects. Refusals raise OutboundRefused.
"""

from songforge.outbound.address_ranges import RangeKind, classify
from songforge.outbound.guard import check_address, check_url
from songforge.outbound.policy import STRICT, OutboundPolicy, OutboundRefused
from songforge.outbound.resolver import Resolver, StaticResolver, SystemResolver
from songforge.outbound.transport import (
    AsyncGuardedTransport,
    GuardedTransport,
    async_guarded_client,
    guarded_client,
)

__all__ = [
    "STRICT",
    "AsyncGuardedTransport",
    "GuardedTransport",
    "OutboundPolicy",
    "OutboundRefused",
    "RangeKind",
    "Resolver",
    "StaticResolver",
    "SystemResolver",
    "async_guarded_client",
    "check_address",
    "check_url",
    "classify",
    "guarded_client",
]
