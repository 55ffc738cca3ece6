"""Prometheus metrics, on a registry owned by one app (no module-level collectors)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from songforge.services.backend_status import BackendReport


class _TaskGauges(Collector):
    def __init__(self, counts: Callable[[], dict[str, int]]) -> None:
        self._counts = counts

    def collect(self) -> Iterator[Metric]:
        counts = self._counts()
        by_status = GaugeMetricFamily("songforge_tasks", "Tasks by status", labels=["status"])
        for status in ("pending", "processing", "completed", "failed"):
            by_status.add_metric([status], counts.get(status, 0))
        yield by_status
        yield GaugeMetricFamily(
            "songforge_queue_depth", "Tasks waiting for a worker", value=counts.get("pending", 0)
        )


class _BackendGauges(Collector):
    def __init__(self, reports: Callable[[], list[BackendReport]]) -> None:
        self._reports = reports

    def collect(self) -> Iterator[Metric]:
        reports = self._reports()
        labels = ["backend"]
        up = GaugeMetricFamily("songforge_backend_up", "Backend answered its probe", labels=labels)
        latency = GaugeMetricFamily(
            "songforge_backend_latency_seconds", "Last probe or call latency", labels=labels
        )
        queue = GaugeMetricFamily(
            "songforge_backend_queue_depth", "Work waiting at the backend", labels=labels
        )
        failures = GaugeMetricFamily(
            "songforge_backend_failures", "Failures seen by this process", labels=labels
        )
        breaker = GaugeMetricFamily(
            "songforge_backend_breaker_open", "Circuit breaker open (skipped)", labels=labels
        )
        for report in reports:
            up.add_metric([report.name], 1 if report.reachable else 0)
            if report.latency_seconds is not None:
                latency.add_metric([report.name], report.latency_seconds)
            if report.queue_depth is not None:
                queue.add_metric([report.name], report.queue_depth)
            failures.add_metric([report.name], report.total_failures)
            breaker.add_metric([report.name], 1 if report.breaker == "open" else 0)
        yield from (up, latency, queue, failures, breaker)


class Metrics:
    def __init__(
        self,
        task_counts: Callable[[], dict[str, int]],
        backend_reports: Callable[[], list[BackendReport]] | None = None,
    ) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "songforge_http_requests",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "songforge_http_request_duration_seconds",
            "HTTP request latency",
            ["route"],
            buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
            registry=self.registry,
        )
        self.generation = Histogram(
            "songforge_generation_seconds",
            "Wall time of one generation attempt",
            buckets=(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300),
            registry=self.registry,
        )
        self.registry.register(_TaskGauges(task_counts))
        if backend_reports is not None:
            self.registry.register(_BackendGauges(backend_reports))
