"""Per-key request rate limits in fixed one-minute windows.

`RateLimiter` counts in this process's memory: with several API processes on one machine
each enforces its share (limit / processes). `SharedRateLimiter` counts in the database
through a `WindowCounter` port, so any number of API nodes share one limit (PostgreSQL).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Protocol

from songforge.domain.errors import RateLimited
from songforge.ports import Credential

WINDOW_SECONDS = 60
CREATE = "create"
READ = "read"


@dataclass(frozen=True)
class RateLimitDefaults:
    create_per_minute: int = 60
    read_per_minute: int = 1200
    max_in_flight: int = 10
    processes: int = 1


@dataclass(frozen=True)
class Decision:
    limit: int
    remaining: int
    reset_at: int

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset_at),
        }


def _refuse(limit: int, kind: str, reset_at: int, now: float) -> RateLimited:
    retry_after = max(1, math.ceil(reset_at - now))
    decision = Decision(limit, 0, reset_at)
    return RateLimited(
        f"Rate limit of {limit} {kind} requests per minute reached for this key.",
        headers={**decision.headers(), "Retry-After": str(retry_after)},
        retryable=True,
        retry_after=retry_after,
    )


class WindowCounter(Protocol):
    def increment(self, api_key_id: str, kind: str, window: int) -> int: ...


class SharedRateLimiter:
    """Counts in a store every API node sees; one UPSERT per request."""

    def __init__(self, defaults: RateLimitDefaults, counter: WindowCounter) -> None:
        self.defaults = defaults
        self._counter = counter

    def limit_for(self, credential: Credential, kind: str) -> int:
        if kind == CREATE:
            return credential.create_per_minute or self.defaults.create_per_minute
        return credential.read_per_minute or self.defaults.read_per_minute

    def hit(self, credential: Credential, kind: str, now: float) -> Decision:
        limit = self.limit_for(credential, kind)
        window = int(now // WINDOW_SECONDS)
        reset_at = (window + 1) * WINDOW_SECONDS
        count = self._counter.increment(credential.id, kind, window)
        if count > limit:
            raise _refuse(limit, kind, reset_at, now)
        return Decision(limit, limit - count, reset_at)


class RateLimiter:
    def __init__(self, defaults: RateLimitDefaults) -> None:
        self.defaults = defaults
        self._windows: dict[tuple[str, str], tuple[int, int]] = {}
        self._lock = threading.Lock()

    def limit_for(self, credential: Credential, kind: str) -> int:
        if kind == CREATE:
            configured = credential.create_per_minute or self.defaults.create_per_minute
        else:
            configured = credential.read_per_minute or self.defaults.read_per_minute
        return max(1, math.ceil(configured / max(1, self.defaults.processes)))

    def hit(self, credential: Credential, kind: str, now: float) -> Decision:
        """Counts one request; raises 429 when the key's window is already full."""
        limit = self.limit_for(credential, kind)
        window = int(now // WINDOW_SECONDS)
        reset_at = (window + 1) * WINDOW_SECONDS
        with self._lock:
            start, count = self._windows.get((credential.id, kind), (window, 0))
            if start != window:
                count = 0
            if count >= limit:
                raise _refuse(limit, kind, reset_at, now)
            self._windows[(credential.id, kind)] = (window, count + 1)
            if len(self._windows) > 100_000:
                self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
        return Decision(limit, limit - count - 1, reset_at)
