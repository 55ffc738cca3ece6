"""The outbound URL check refuses every special-purpose range, by literal and by DNS name."""

from __future__ import annotations

import ipaddress

import pytest

from songforge.outbound import (
    OutboundPolicy,
    OutboundRefused,
    RangeKind,
    StaticResolver,
    check_url,
    classify,
)

STRICT_HTTPS = OutboundPolicy(allow_http=False, allow_private=False)
STRICT_HTTP = OutboundPolicy(allow_http=True, allow_private=False)
DEV = OutboundPolicy(allow_http=True, allow_private=True)

# One address inside each refused range, with the kind the refusal must name.
SAMPLES: list[tuple[str, RangeKind]] = [
    ("169.254.169.254", RangeKind.METADATA),
    ("169.254.170.2", RangeKind.METADATA),
    ("100.100.100.200", RangeKind.METADATA),
    ("192.0.0.192", RangeKind.METADATA),
    ("fd00:ec2::254", RangeKind.METADATA),
    ("0.0.0.0", RangeKind.UNSPECIFIED),
    ("0.1.2.3", RangeKind.UNSPECIFIED),
    ("::", RangeKind.UNSPECIFIED),
    ("127.0.0.1", RangeKind.LOOPBACK),
    ("127.255.255.254", RangeKind.LOOPBACK),
    ("::1", RangeKind.LOOPBACK),
    ("10.1.2.3", RangeKind.PRIVATE),
    ("172.16.0.1", RangeKind.PRIVATE),
    ("172.31.255.255", RangeKind.PRIVATE),
    ("192.168.1.1", RangeKind.PRIVATE),
    ("fd12:3456::1", RangeKind.PRIVATE),
    ("fc00::1", RangeKind.PRIVATE),
    ("100.64.0.1", RangeKind.SHARED),
    ("100.127.255.254", RangeKind.SHARED),
    ("169.254.1.1", RangeKind.LINK_LOCAL),
    ("fe80::1", RangeKind.LINK_LOCAL),
    ("224.0.0.1", RangeKind.MULTICAST),
    ("239.255.255.250", RangeKind.MULTICAST),
    ("ff02::1", RangeKind.MULTICAST),
    ("192.0.2.10", RangeKind.DOCUMENTATION),
    ("198.51.100.10", RangeKind.DOCUMENTATION),
    ("203.0.113.10", RangeKind.DOCUMENTATION),
    ("2001:db8::1", RangeKind.DOCUMENTATION),
    ("3fff::1", RangeKind.DOCUMENTATION),
    ("192.0.0.8", RangeKind.RESERVED),
    ("192.88.99.1", RangeKind.RESERVED),
    ("198.18.0.1", RangeKind.RESERVED),
    ("240.0.0.1", RangeKind.RESERVED),
    ("255.255.255.255", RangeKind.RESERVED),
    ("::2", RangeKind.RESERVED),
    ("::127.0.0.1", RangeKind.RESERVED),
    ("64:ff9b:1::1", RangeKind.RESERVED),
    ("100::1", RangeKind.RESERVED),
    ("2001::1", RangeKind.RESERVED),
    ("5f00::1", RangeKind.RESERVED),
    ("fec0::1", RangeKind.RESERVED),
    # IPv6 forms that lead to an IPv4 address are judged by that address.
    ("::ffff:127.0.0.1", RangeKind.LOOPBACK),
    ("::ffff:169.254.169.254", RangeKind.METADATA),
    ("::ffff:10.0.0.1", RangeKind.PRIVATE),
    ("64:ff9b::a9fe:a9fe", RangeKind.METADATA),
    ("64:ff9b::7f00:1", RangeKind.LOOPBACK),
    ("2002:c0a8:0101::1", RangeKind.PRIVATE),
    ("2002:7f00:0001::1", RangeKind.LOOPBACK),
]

PUBLIC = ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]

PRIVATE_KINDS = {RangeKind.LOOPBACK, RangeKind.PRIVATE, RangeKind.SHARED, RangeKind.LINK_LOCAL}


def url_for(address: str, scheme: str = "https") -> str:
    host = f"[{address}]" if ":" in address else address
    return f"{scheme}://{host}/hook"


@pytest.mark.parametrize(("address", "kind"), SAMPLES)
def test_each_range_is_refused_as_a_literal(address: str, kind: RangeKind) -> None:
    found = classify(ipaddress.ip_address(address))
    assert found is not None
    assert found.kind is kind
    with pytest.raises(OutboundRefused) as refused:
        check_url(url_for(address), STRICT_HTTPS, StaticResolver({}))
    assert kind.value in refused.value.reason
    assert refused.value.url == url_for(address)


@pytest.mark.parametrize(("address", "kind"), SAMPLES)
def test_a_name_resolving_into_each_range_is_refused(address: str, kind: RangeKind) -> None:
    resolver = StaticResolver({"hooks.example.com": address})
    with pytest.raises(OutboundRefused) as refused:
        check_url("https://hooks.example.com/in", STRICT_HTTPS, resolver)
    assert "hooks.example.com" in refused.value.reason
    assert str(ipaddress.ip_address(address)) in refused.value.reason
    assert kind.value in refused.value.reason


@pytest.mark.parametrize(("address", "kind"), SAMPLES)
def test_private_policy_lifts_only_private_kinds(address: str, kind: RangeKind) -> None:
    resolver = StaticResolver({"dev.example": address})
    if kind in PRIVATE_KINDS:
        assert check_url("http://dev.example/in", DEV, resolver) == [ipaddress.ip_address(address)]
    else:
        with pytest.raises(OutboundRefused):
            check_url("http://dev.example/in", DEV, resolver)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert classify(ipaddress.ip_address(address)) is None
    resolver = StaticResolver({"api.example.com": address})
    assert check_url("https://api.example.com/hook", STRICT_HTTPS, resolver) == [
        ipaddress.ip_address(address)
    ]


def test_one_forbidden_answer_among_public_ones_refuses_the_name() -> None:
    resolver = StaticResolver({"mixed.example.com": "8.8.8.8,10.0.0.5"})
    with pytest.raises(OutboundRefused, match=r"10\.0\.0\.5"):
        check_url("https://mixed.example.com/", STRICT_HTTPS, resolver)


@pytest.mark.parametrize(
    ("url", "policy", "needle"),
    [
        ("http://8.8.8.8/hook", STRICT_HTTPS, "must use https"),
        ("ftp://8.8.8.8/hook", STRICT_HTTP, "must use http or https"),
        ("file:///etc/passwd", STRICT_HTTP, "must use http or https"),
        ("gopher://8.8.8.8/", DEV, "must use http or https"),
        ("javascript:alert(1)", DEV, "must use"),
        ("https:///nohost", STRICT_HTTPS, "no host"),
        ("https://unknown.example.com/", STRICT_HTTPS, "could not be resolved"),
    ],
)
def test_bad_schemes_and_hosts_are_refused(url: str, policy: OutboundPolicy, needle: str) -> None:
    with pytest.raises(OutboundRefused, match=needle):
        check_url(url, policy, StaticResolver({}))


def test_http_is_accepted_only_when_the_policy_allows_it() -> None:
    resolver = StaticResolver({"api.example.com": "8.8.8.8"})
    assert check_url("http://api.example.com/", STRICT_HTTP, resolver)
    with pytest.raises(OutboundRefused):
        check_url("http://api.example.com/", STRICT_HTTPS, resolver)
