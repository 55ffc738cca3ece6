"""httpx clients whose every connection is checked against the outbound policy.

The check runs inside the connection pool's network backend, on the address the socket is
about to connect to, after resolving the name through the same Resolver the URL check used.
A name that passed `check_url` and then re-resolves to a forbidden address (DNS rebinding) is
refused at connect time. The pool still connects by host name, so the TLS server name (SNI),
certificate verification and the Host header are those of the URL, not of the address.

Redirects are never followed (a 3xx is returned as is) and proxies from the environment are
ignored, since a proxy would hide the destination from the check.
"""

from __future__ import annotations

import ssl
import typing
from collections.abc import Iterable
from typing import Any

import anyio.to_thread
import httpcore
import httpx

from songforge.outbound.guard import check_address
from songforge.outbound.policy import OutboundPolicy, OutboundRefused
from songforge.outbound.resolver import Resolver, SystemResolver

SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)


class GuardedBackend(httpcore.NetworkBackend):
    """Resolves, checks every address, then connects to the first one that answers."""

    def __init__(self, policy: OutboundPolicy, resolver: Resolver) -> None:
        self._policy = policy
        self._resolver = resolver
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._resolver.resolve(host, port)
        for address in addresses:
            check_address(address, self._policy, host=host)
        failure: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None  # resolvers return at least one address or raise
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        raise OutboundRefused("Outbound requests may not use unix sockets.")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class AsyncGuardedBackend(httpcore.AsyncNetworkBackend):
    """The asyncio/trio twin of GuardedBackend; resolution runs in a worker thread."""

    def __init__(self, policy: OutboundPolicy, resolver: Resolver) -> None:
        self._policy = policy
        self._resolver = resolver
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await anyio.to_thread.run_sync(self._resolver.resolve, host, port)
        for address in addresses:
            check_address(address, self._policy, host=host)
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise OutboundRefused("Outbound requests may not use unix sockets.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def _check_scheme(request: httpx.Request, policy: OutboundPolicy) -> None:
    allowed = ("http", "https") if policy.allow_http else ("https",)
    if request.url.scheme not in allowed:
        raise OutboundRefused(
            f"The URL must use {' or '.join(allowed)}; {request.url.scheme} is not accepted.",
            url=str(request.url),
        )


def _pool_options(verify: ssl.SSLContext | bool, limits: httpx.Limits) -> dict[str, Any]:
    """The connection-pool settings httpx would have used, for the pools that replace its own."""
    return {
        "ssl_context": httpx.create_ssl_context(verify=verify, trust_env=False),
        "max_connections": limits.max_connections,
        "max_keepalive_connections": limits.max_keepalive_connections,
        "keepalive_expiry": limits.keepalive_expiry,
    }


class GuardedTransport(httpx.HTTPTransport):
    """An HTTPTransport whose connections go through GuardedBackend (no proxies)."""

    def __init__(
        self,
        policy: OutboundPolicy,
        resolver: Resolver | None = None,
        *,
        verify: ssl.SSLContext | bool = True,
        limits: httpx.Limits = httpx.Limits(max_connections=100, max_keepalive_connections=20),
    ) -> None:
        super().__init__(verify=verify, trust_env=False, limits=limits)
        self._policy = policy
        # The pool httpx builds cannot take a network backend, so an equivalent one replaces it.
        self._pool = httpcore.ConnectionPool(
            **_pool_options(verify, limits),
            network_backend=GuardedBackend(policy, resolver or SystemResolver()),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _check_scheme(request, self._policy)
        return super().handle_request(request)


class AsyncGuardedTransport(httpx.AsyncHTTPTransport):
    """An AsyncHTTPTransport whose connections go through AsyncGuardedBackend (no proxies)."""

    def __init__(
        self,
        policy: OutboundPolicy,
        resolver: Resolver | None = None,
        *,
        verify: ssl.SSLContext | bool = True,
        limits: httpx.Limits = httpx.Limits(max_connections=100, max_keepalive_connections=20),
    ) -> None:
        super().__init__(verify=verify, trust_env=False, limits=limits)
        self._policy = policy
        self._pool = httpcore.AsyncConnectionPool(
            **_pool_options(verify, limits),
            network_backend=AsyncGuardedBackend(policy, resolver or SystemResolver()),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        _check_scheme(request, self._policy)
        return await super().handle_async_request(request)


class GuardedClient(httpx.Client):
    """httpx.Client that never follows redirects, whatever a caller asks per request."""

    def send(self, request: httpx.Request, **kwargs: typing.Any) -> httpx.Response:
        kwargs["follow_redirects"] = False
        return super().send(request, **kwargs)


class AsyncGuardedClient(httpx.AsyncClient):
    """httpx.AsyncClient that never follows redirects, whatever a caller asks per request."""

    async def send(self, request: httpx.Request, **kwargs: typing.Any) -> httpx.Response:
        kwargs["follow_redirects"] = False
        return await super().send(request, **kwargs)


def guarded_client(
    policy: OutboundPolicy,
    resolver: Resolver | None = None,
    *,
    timeout: float = 10.0,
    verify: ssl.SSLContext | bool = True,
) -> GuardedClient:
    """A client for user-given URLs: every connection checked, no redirects, `timeout` seconds
    for each of connect/read/write/pool. Raises OutboundRefused from any send that is refused;
    other failures are the usual httpx errors."""
    return GuardedClient(
        transport=GuardedTransport(policy, resolver, verify=verify),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
    )


def async_guarded_client(
    policy: OutboundPolicy,
    resolver: Resolver | None = None,
    *,
    timeout: float = 10.0,
    verify: ssl.SSLContext | bool = True,
) -> AsyncGuardedClient:
    """The async twin of guarded_client."""
    return AsyncGuardedClient(
        transport=AsyncGuardedTransport(policy, resolver, verify=verify),
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
    )
