"""A circuit breaker per backend, and what the process knows of each backend's health.

Closed: every task may try the backend. After `failure_threshold` failures in a row it opens:
tasks skip it (to the next listed backend, or back to the queue) for `reset_seconds`; then
one task at a time may try it (half-open) and a success closes it again. The state lives in
the process that calls the backend: each worker learns on its own, within one attempt.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from songforge.ports import Clock


@dataclass
class BackendState:
    consecutive_failures: int = 0
    total_failures: int = 0
    total_successes: int = 0
    opened_at: float | None = None
    trial_started_at: float | None = None
    last_error: str | None = None
    last_latency_seconds: float | None = None

    @property
    def open(self) -> bool:
        return self.opened_at is not None


class BackendHealth:
    def __init__(self, clock: Clock, failure_threshold: int = 3, reset_seconds: float = 30.0):
        self._clock = clock
        self._threshold = failure_threshold
        self._reset = reset_seconds
        self._states: dict[str, BackendState] = {}
        self._lock = threading.Lock()

    def _state(self, name: str) -> BackendState:
        return self._states.setdefault(name, BackendState())

    def allows(self, name: str) -> bool:
        """Whether a task may try the backend now (closed, or its half-open trial)."""
        with self._lock:
            state = self._state(name)
            if state.opened_at is None:
                return True
            now = self._clock.now()
            if now - state.opened_at < self._reset:
                return False
            trial = state.trial_started_at
            if trial is not None and now - trial < self._reset:
                return False  # another task is already trying it
            state.trial_started_at = now
            return True

    def succeeded(self, name: str, latency_seconds: float | None = None) -> None:
        with self._lock:
            state = self._state(name)
            state.consecutive_failures = 0
            state.total_successes += 1
            state.opened_at = state.trial_started_at = None
            if latency_seconds is not None:
                state.last_latency_seconds = latency_seconds

    def failed(self, name: str, reason: str) -> None:
        with self._lock:
            state = self._state(name)
            state.consecutive_failures += 1
            state.total_failures += 1
            state.last_error = reason
            state.trial_started_at = None
            if state.consecutive_failures >= self._threshold or state.open:
                state.opened_at = self._clock.now()

    def snapshot(self, name: str) -> BackendState:
        with self._lock:
            state = self._state(name)
            return BackendState(**vars(state))
