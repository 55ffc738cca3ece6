"""Name resolution behind a seam, so tests can make a DNS name lead to a chosen address."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Mapping
from typing import Protocol

from songforge.outbound.address_ranges import IPAddress
from songforge.outbound.policy import OutboundRefused


class Resolver(Protocol):
    def resolve(self, host: str, port: int) -> list[IPAddress]:
        """Every address `host` resolves to; raises OutboundRefused if it resolves to none."""
        ...


def literal_address(host: str) -> IPAddress | None:
    """`host` parsed as an IP literal (brackets and IPv6 zone ids tolerated), else None."""
    text = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


class SystemResolver:
    """The operating system's resolver (getaddrinfo), as the socket layer itself would use."""

    def resolve(self, host: str, port: int) -> list[IPAddress]:
        literal = literal_address(host)
        if literal is not None:
            return [literal]
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise OutboundRefused(f"The host {host!r} could not be resolved.") from exc
        addresses: list[IPAddress] = []
        for _family, _type, _proto, _name, sockaddr in infos:
            address = literal_address(str(sockaddr[0]))
            if address is not None and address not in addresses:
                addresses.append(address)
        if not addresses:
            raise OutboundRefused(f"The host {host!r} resolved to no address.")
        return addresses


class StaticResolver:
    """In-package fake: names answer from a table (in order); IP literals answer themselves.

    Each lookup of a name takes the next answer from its list and repeats the last one, so a
    test can make the same name change address between check and connect (DNS rebinding).
    """

    def __init__(self, table: Mapping[str, Iterable[str] | str]) -> None:
        self._answers: dict[str, list[list[IPAddress]]] = {}
        for name, answers in table.items():
            rounds = [answers] if isinstance(answers, str) else list(answers)
            self._answers[name.lower()] = [
                [ipaddress.ip_address(a.strip()) for a in one.split(",")] for one in rounds
            ]
        self.lookups: list[str] = []

    def resolve(self, host: str, port: int) -> list[IPAddress]:
        literal = literal_address(host)
        if literal is not None:
            return [literal]
        self.lookups.append(host)
        rounds = self._answers.get(host.lower().rstrip("."))
        if not rounds:
            raise OutboundRefused(f"The host {host!r} could not be resolved.")
        return list(rounds.pop(0) if len(rounds) > 1 else rounds[0])
