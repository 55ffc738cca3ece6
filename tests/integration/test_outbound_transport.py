"""Guarded clients re-check the address at connect time and never follow redirects."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from songforge.outbound import (
    OutboundPolicy,
    OutboundRefused,
    RangeKind,
    StaticResolver,
    async_guarded_client,
    check_url,
    guarded_client,
)
from tests.http_receiver import Receiver, run_receiver
from tests.unit.test_outbound_guard import PRIVATE_KINDS, SAMPLES

STRICT_HTTP = OutboundPolicy(allow_http=True, allow_private=False)
DEV = OutboundPolicy(allow_http=True, allow_private=True)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with run_receiver() as running:
        yield running


@pytest.mark.parametrize(("address", "kind"), SAMPLES)
def test_each_range_is_refused_at_connect_time(address: str, kind: RangeKind) -> None:
    resolver = StaticResolver({"hooks.example.com": address})
    with guarded_client(STRICT_HTTP, resolver) as client, pytest.raises(OutboundRefused) as no:
        client.post("http://hooks.example.com:9/hook", content=b"{}")
    assert str(ipaddress.ip_address(address)) in no.value.reason
    assert kind.value in no.value.reason
    if kind not in PRIVATE_KINDS:  # refused even when private destinations are allowed
        with guarded_client(DEV, resolver) as client, pytest.raises(OutboundRefused):
            client.post("http://hooks.example.com:9/hook", content=b"{}")


def test_a_literal_loopback_url_never_reaches_the_server(receiver: Receiver) -> None:
    with guarded_client(STRICT_HTTP) as client, pytest.raises(OutboundRefused, match="loopback"):
        client.post(receiver.url(), content=b"{}")
    with (
        guarded_client(STRICT_HTTP) as client,
        pytest.raises(OutboundRefused, match="loopback"),
    ):
        client.get(receiver.url(host="[::ffff:127.0.0.1]"))
    assert receiver.requests == []


def test_dns_rebinding_between_check_and_connect_is_refused(receiver: Receiver) -> None:
    # The first lookup answers a public address, every later one the receiver's loopback.
    resolver = StaticResolver({"rebind.example.com": ["93.184.215.14", "127.0.0.1"]})
    url = f"http://rebind.example.com:{receiver.port}/hook"
    check_url(url, STRICT_HTTP, resolver)
    with guarded_client(STRICT_HTTP, resolver) as client, pytest.raises(OutboundRefused):
        client.post(url, content=b"{}")
    assert receiver.requests == []
    assert resolver.lookups == ["rebind.example.com", "rebind.example.com"]


def test_allowed_private_name_connects_with_its_own_host_header(receiver: Receiver) -> None:
    resolver = StaticResolver({"dev.example": "127.0.0.1"})
    with guarded_client(DEV, resolver) as client:
        response = client.post(f"http://dev.example:{receiver.port}/in", content=b"hi")
    assert response.status_code == 204
    [got] = receiver.requests
    assert got.headers["host"] == f"dev.example:{receiver.port}"
    assert got.body == b"hi"


def test_redirects_are_returned_not_followed(receiver: Receiver) -> None:
    receiver.answer = lambda _r: (302, {"location": "http://169.254.169.254/latest/"}, b"")
    with guarded_client(DEV) as client:
        response = client.post(receiver.url(), content=b"{}", follow_redirects=True)
        assert response.status_code == 302
        response = client.get(receiver.url(), follow_redirects=True)
        assert response.status_code == 302
    assert len(receiver.requests) == 2


def test_http_is_refused_at_send_unless_allowed(receiver: Receiver) -> None:
    https_only = OutboundPolicy(allow_http=False, allow_private=True)
    with guarded_client(https_only) as client, pytest.raises(OutboundRefused, match="https"):
        client.post(receiver.url(), content=b"{}")
    assert receiver.requests == []


def _tls_pair(tmp_path: Path, name: str) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test ca")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "leaf.pem", tmp_path / "leaf.key"
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(
        cadata=ca.public_bytes(serialization.Encoding.PEM).decode("ascii")
    )
    return server, client


def test_tls_keeps_the_server_name_of_the_url(tmp_path: Path) -> None:
    server_ctx, client_ctx = _tls_pair(tmp_path, "hooks.example.com")
    resolver = StaticResolver({"hooks.example.com": "127.0.0.1", "other.example.com": "127.0.0.1"})
    policy = OutboundPolicy(allow_http=False, allow_private=True)
    with run_receiver(tls=server_ctx) as tls_receiver:
        url = f"https://hooks.example.com:{tls_receiver.port}/hook"
        with guarded_client(policy, resolver, verify=client_ctx) as client:
            assert client.post(url, content=b"{}").status_code == 204
            # A name the certificate does not cover fails verification, as it should.
            with pytest.raises(httpx.ConnectError, match=r"(?i)certificate|hostname"):
                client.post(f"https://other.example.com:{tls_receiver.port}/", content=b"{}")
        assert tls_receiver.server_names[0] == "hooks.example.com"
        assert tls_receiver.requests[0].headers["host"] == f"hooks.example.com:{tls_receiver.port}"


def test_async_client_checks_at_connect_and_delivers(receiver: Receiver) -> None:
    async def scenario() -> int:
        rebinding = StaticResolver({"a.example.com": ["8.8.8.8", "10.0.0.7"]})
        check_url("http://a.example.com/", STRICT_HTTP, rebinding)
        async with async_guarded_client(STRICT_HTTP, rebinding) as client:
            with pytest.raises(OutboundRefused, match=r"10\.0\.0\.7"):
                await client.post("http://a.example.com/", content=b"{}")
        async with async_guarded_client(DEV, StaticResolver({"d.example": "127.0.0.1"})) as client:
            response = await client.post(
                f"http://d.example:{receiver.port}/x", content=b"{}", follow_redirects=True
            )
            return response.status_code

    assert asyncio.run(scenario()) == 204
    assert [r.path for r in receiver.requests] == ["/x"]
