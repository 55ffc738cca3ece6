"""Each backend's health as `/readyz` and `/metrics` report it.

HTTP backends are asked (their `probe`: reachable, latency, queue depth), at most once per
`cache_seconds` so scrapes stay cheap; in-process ones (the engine) are reachable by
definition and their queue is songforge's own pending tasks. Failures are those this process
saw: failed probes and, where it runs tasks itself, failed attempts (its circuit breaker).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from songforge.ports import BackendProbe, ProbingProvider, ProviderRegistryPort
from songforge.services.backend_health import BackendHealth

# Backends that run inside songforge's own processes: nothing to reach over a network.
LOCAL_BACKENDS = frozenset({"engine", "fake", "lyricist"})


@dataclass(frozen=True)
class BackendReport:
    name: str
    reachable: bool
    latency_seconds: float | None
    queue_depth: int | None
    consecutive_failures: int
    total_failures: int
    breaker: str  # "closed" | "open"
    detail: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "reachable": self.reachable,
            "latency_ms": (
                None if self.latency_seconds is None else round(self.latency_seconds * 1000, 1)
            ),
            "queue_depth": self.queue_depth,
            "consecutive_failures": self.consecutive_failures,
            "failures": self.total_failures,
            "breaker": self.breaker,
            **({"detail": self.detail} if self.detail else {}),
        }


class BackendMonitor:
    def __init__(
        self,
        names: Callable[[], list[str]],
        providers: ProviderRegistryPort,
        health: BackendHealth,
        local_queue_depth: Callable[[], int],
        probe_timeout_seconds: float = 2.0,
        cache_seconds: float = 5.0,
    ) -> None:
        self._names = names
        self._providers = providers
        self._health = health
        self._local_queue_depth = local_queue_depth
        self._timeout = probe_timeout_seconds
        self._cache_seconds = cache_seconds
        self._cached: dict[str, tuple[float, BackendProbe]] = {}
        self._lock = threading.Lock()

    def _probe(self, name: str) -> BackendProbe:
        if name in LOCAL_BACKENDS:
            return BackendProbe(True, None, self._local_queue_depth())
        now = time.monotonic()
        with self._lock:
            cached = self._cached.get(name)
        if cached is not None and now - cached[0] < self._cache_seconds:
            return cached[1]
        provider = self._providers.get(name)
        if not isinstance(provider, ProbingProvider):
            return BackendProbe(True, None, None)
        try:
            probe = provider.probe(self._timeout)
        except Exception as exc:  # a probe must never break readiness reporting
            probe = BackendProbe(False, None, None, f"probe failed: {exc.__class__.__name__}")
        if probe.reachable:
            self._health.succeeded(name, probe.latency_seconds)
        else:
            self._health.failed(name, probe.detail or "unreachable")
        with self._lock:
            self._cached[name] = (now, probe)
        return probe

    def reports(self) -> list[BackendReport]:
        out = []
        for name in self._names():
            probe = self._probe(name)
            state = self._health.snapshot(name)
            out.append(
                BackendReport(
                    name=name,
                    reachable=probe.reachable,
                    latency_seconds=probe.latency_seconds,
                    queue_depth=probe.queue_depth,
                    consecutive_failures=state.consecutive_failures,
                    total_failures=state.total_failures,
                    breaker="open" if state.open else "closed",
                    detail=probe.detail,
                )
            )
        return out
