"""Fetching a caller's `audio_url`: only public addresses, a few checked redirects, a size cap.

Every hop goes through `check_url` (scheme, and every address the host resolves to) and a
guarded client (the address actually connected to is checked again); a redirect is followed
only after its target passed the same checks. The body is read in chunks and abandoned as
soon as it passes `max_bytes`.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from songforge.outbound.guard import check_url
from songforge.outbound.policy import OutboundPolicy, OutboundRefused
from songforge.outbound.resolver import Resolver, SystemResolver
from songforge.outbound.transport import guarded_client
from songforge.ports import FetchRefused

_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class AudioDownloader:
    policy: OutboundPolicy
    max_bytes: int
    timeout_seconds: float = 20.0
    max_redirects: int = 3
    resolver: Resolver | None = None

    def __call__(self, url: str) -> bytes:
        """The body at `url`. Raises FetchRefused (refused destination, HTTP error,
        too many redirects, body over max_bytes, timeout)."""
        resolver = self.resolver or SystemResolver()
        with guarded_client(self.policy, resolver, timeout=self.timeout_seconds) as client:
            for _ in range(self.max_redirects + 1):
                try:
                    check_url(url, self.policy, resolver)
                    with client.stream("GET", url) as response:
                        if response.status_code in _REDIRECTS:
                            location = response.headers.get("location")
                            if not location:
                                raise FetchRefused("The URL redirects nowhere.")
                            url = str(response.url.join(location))
                            continue
                        if response.status_code != 200:
                            raise FetchRefused(
                                f"Fetching the URL answered HTTP {response.status_code}."
                            )
                        return self._read(response)
                except OutboundRefused as refused:
                    raise FetchRefused(refused.reason) from None
                except httpx.TimeoutException:
                    raise FetchRefused("Fetching the URL timed out.") from None
                except httpx.HTTPError as exc:
                    raise FetchRefused(
                        f"The URL could not be fetched ({exc.__class__.__name__})."
                    ) from None
        raise FetchRefused(f"The URL redirects more than {self.max_redirects} times.")

    def _read(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchRefused(f"The file is larger than {self.max_bytes} bytes.")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                raise FetchRefused(f"The file is larger than {self.max_bytes} bytes.")
        return bytes(body)
