"""Checking a webhook or callback URL and its event list before it is stored."""

from __future__ import annotations

from dataclasses import dataclass

from songforge.domain.errors import InvalidParameter
from songforge.domain.webhooks import EVENT_TYPES, TERMINAL_EVENTS
from songforge.outbound import OutboundPolicy, OutboundRefused, Resolver, check_url

MAX_URL_CHARS = 2048


@dataclass(frozen=True)
class DestinationRules:
    policy: OutboundPolicy
    resolver: Resolver

    def check_url(self, url: object, param: str) -> str:
        """The URL, if it is a string this server may send to; else InvalidParameter (400)
        naming `param` with the reason (scheme, or the address range the host resolves to)."""
        if not isinstance(url, str) or not url.strip():
            raise InvalidParameter(f"'{param}' must be a non-empty URL string.", param=param)
        url = url.strip()
        if len(url) > MAX_URL_CHARS:
            raise InvalidParameter(
                f"'{param}' must be at most {MAX_URL_CHARS} characters.", param=param
            )
        try:
            check_url(url, self.policy, self.resolver)
        except OutboundRefused as refused:
            raise InvalidParameter(f"'{param}' is refused: {refused.reason}", param=param) from None
        return url


def check_events(
    events: object, param: str, *, default: tuple[str, ...] = TERMINAL_EVENTS
) -> tuple[str, ...]:
    """A non-empty list of known event types (duplicates dropped, order kept); `default`
    when absent. InvalidParameter (400) otherwise."""
    if events is None:
        return default
    if (
        not isinstance(events, list)
        or not events
        or not all(isinstance(e, str) and e in EVENT_TYPES for e in events)
    ):
        raise InvalidParameter(
            f"'{param}' must be a non-empty list of: {', '.join(EVENT_TYPES)}.",
            param=param,
            allowed_values=list(EVENT_TYPES),
        )
    return tuple(dict.fromkeys(events))
