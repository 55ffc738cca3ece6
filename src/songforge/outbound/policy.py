"""What an operator lets this server's outbound requests reach, and the refusal it raises."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutboundPolicy:
    """allow_http: plain-http URLs accepted (else https only).
    allow_private: loopback, private, shared (CGNAT) and link-local destinations accepted
    (local development and tests). Metadata, multicast and reserved addresses stay refused.
    """

    allow_http: bool = False
    allow_private: bool = False


STRICT = OutboundPolicy()


class OutboundRefused(Exception):
    """A URL or address this server will not send to; `reason` is a sentence for humans."""

    def __init__(self, reason: str, *, url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url
