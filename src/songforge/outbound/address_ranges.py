"""Which IP addresses an outbound request from this server may reach, and why not.

Sources: the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890, updated by
RFC 8190), RFC 1918 (private IPv4), RFC 6598 (shared address space, carrier-grade NAT),
RFC 4193 (IPv6 unique local), RFC 4291 (IPv6 addressing), RFC 5771 (IPv4 multicast), and the
instance-metadata addresses documented by AWS, Google Cloud, Azure, Oracle Cloud and Alibaba
Cloud.

Refused always (nothing legitimate lives there, or it hands out the host's credentials):

- cloud metadata: 169.254.169.254 (AWS, GCP, Azure, OpenStack), 169.254.170.2 (AWS ECS task
  credentials), 100.100.100.200 (Alibaba), 192.0.0.192 (Oracle), fd00:ec2::254 (AWS IPv6)
- "this network" 0.0.0.0/8 (RFC 791; Linux connects 0.0.0.0 to the local host), ::/128
- multicast 224.0.0.0/4 (RFC 5771), ff00::/8 (RFC 4291)
- reserved 240.0.0.0/4 incl. broadcast 255.255.255.255 (RFC 1112, RFC 919)
- IETF protocol assignments 192.0.0.0/24 (RFC 6890), 2001::/23 (RFC 2928)
- documentation 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737), 2001:db8::/32
  (RFC 3849), 3fff::/20 (RFC 9637)
- benchmarking 198.18.0.0/15 (RFC 2544), 6to4 relay anycast 192.88.99.0/24 (RFC 7526)
- discard-only 100::/64 (RFC 6666), NAT64 local-use 64:ff9b:1::/48 (RFC 8215),
  SRv6 SIDs 5f00::/16 (RFC 9602), deprecated site-local fec0::/10 (RFC 3879),
  IPv4-compatible and other reserved ::/8 addresses (RFC 4291)

Refused unless the policy allows private destinations (local development, tests):

- loopback 127.0.0.0/8 (RFC 1122), ::1/128 (RFC 4291)
- private 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), fc00::/7 (RFC 4193)
- shared address space (carrier-grade NAT) 100.64.0.0/10 (RFC 6598)
- link-local 169.254.0.0/16 (RFC 3927), fe80::/10 (RFC 4291)

IPv6 addresses that embed an IPv4 address are judged by the IPv4 address they lead to:
IPv4-mapped ::ffff:0:0/96 (RFC 4291), NAT64 64:ff9b::/96 (RFC 6052), 6to4 2002::/16
(RFC 3056). Teredo 2001::/32 falls inside 2001::/23 and is refused.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import Enum

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class RangeKind(Enum):
    """Why a range is special; PRIVATE kinds are the ones a development policy may allow."""

    METADATA = "a cloud instance-metadata address"
    UNSPECIFIED = "the unspecified ('this network') address"
    MULTICAST = "a multicast address"
    RESERVED = "a reserved or special-purpose address"
    DOCUMENTATION = "a documentation-only address"
    LOOPBACK = "a loopback address"
    PRIVATE = "a private-network address"
    SHARED = "a carrier-grade NAT (shared) address"
    LINK_LOCAL = "a link-local address"


PRIVATE_KINDS = frozenset(
    {RangeKind.LOOPBACK, RangeKind.PRIVATE, RangeKind.SHARED, RangeKind.LINK_LOCAL}
)


@dataclass(frozen=True)
class SpecialRange:
    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    kind: RangeKind
    source: str


def _r(cidr: str, kind: RangeKind, source: str) -> SpecialRange:
    return SpecialRange(ipaddress.ip_network(cidr), kind, source)


K = RangeKind

# Order matters: the first match names the reason, so metadata hosts come before the wider
# link-local, shared and protocol-assignment blocks that contain them.
SPECIAL_RANGES: tuple[SpecialRange, ...] = (
    _r("169.254.169.254/32", K.METADATA, "AWS/GCP/Azure/OpenStack instance metadata"),
    _r("169.254.170.2/32", K.METADATA, "AWS ECS task metadata"),
    _r("100.100.100.200/32", K.METADATA, "Alibaba Cloud instance metadata"),
    _r("192.0.0.192/32", K.METADATA, "Oracle Cloud instance metadata"),
    _r("fd00:ec2::254/128", K.METADATA, "AWS instance metadata over IPv6"),
    _r("0.0.0.0/8", K.UNSPECIFIED, "RFC 791 / RFC 6890"),
    _r("::/128", K.UNSPECIFIED, "RFC 4291"),
    _r("127.0.0.0/8", K.LOOPBACK, "RFC 1122"),
    _r("::1/128", K.LOOPBACK, "RFC 4291"),
    _r("10.0.0.0/8", K.PRIVATE, "RFC 1918"),
    _r("172.16.0.0/12", K.PRIVATE, "RFC 1918"),
    _r("192.168.0.0/16", K.PRIVATE, "RFC 1918"),
    _r("fc00::/7", K.PRIVATE, "RFC 4193"),
    _r("100.64.0.0/10", K.SHARED, "RFC 6598"),
    _r("169.254.0.0/16", K.LINK_LOCAL, "RFC 3927"),
    _r("fe80::/10", K.LINK_LOCAL, "RFC 4291"),
    _r("224.0.0.0/4", K.MULTICAST, "RFC 5771"),
    _r("ff00::/8", K.MULTICAST, "RFC 4291"),
    _r("192.0.2.0/24", K.DOCUMENTATION, "RFC 5737"),
    _r("198.51.100.0/24", K.DOCUMENTATION, "RFC 5737"),
    _r("203.0.113.0/24", K.DOCUMENTATION, "RFC 5737"),
    _r("2001:db8::/32", K.DOCUMENTATION, "RFC 3849"),
    _r("3fff::/20", K.DOCUMENTATION, "RFC 9637"),
    _r("192.0.0.0/24", K.RESERVED, "RFC 6890 IETF protocol assignments"),
    _r("192.88.99.0/24", K.RESERVED, "RFC 7526 6to4 relay anycast"),
    _r("198.18.0.0/15", K.RESERVED, "RFC 2544 benchmarking"),
    _r("240.0.0.0/4", K.RESERVED, "RFC 1112 reserved, incl. broadcast (RFC 919)"),
    _r("::/8", K.RESERVED, "RFC 4291 reserved (IPv4-compatible, SIIT)"),
    _r("64:ff9b:1::/48", K.RESERVED, "RFC 8215 NAT64 local use"),
    _r("100::/64", K.RESERVED, "RFC 6666 discard-only"),
    _r("2001::/23", K.RESERVED, "RFC 2928 IETF protocol assignments (incl. Teredo)"),
    _r("5f00::/16", K.RESERVED, "RFC 9602 SRv6 SIDs"),
    _r("fec0::/10", K.RESERVED, "RFC 3879 deprecated site-local"),
)

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address leads to (mapped, NAT64 well-known, 6to4), or None."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def classify(address: IPAddress) -> SpecialRange | None:
    """The special range holding `address` (or the IPv4 address it embeds), None if public."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            return classify(inner)
    for special in SPECIAL_RANGES:
        if address.version == special.network.version and address in special.network:
            return special
    return None
