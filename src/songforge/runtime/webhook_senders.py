"""Delivery threads: each sends due webhooks one at a time, polling when none are due."""

from __future__ import annotations

import threading

import structlog

from songforge.services.deliver_webhooks import DeliveryContext, deliver_next

log = structlog.get_logger("songforge.webhooks")


class WebhookSenders:
    def __init__(
        self, ctx: DeliveryContext, threads: int, owner: str, poll_interval_seconds: float
    ) -> None:
        self._ctx = ctx
        self._count = threads
        self._owner = owner
        self._poll = poll_interval_seconds
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        for index in range(self._count):
            thread = threading.Thread(
                target=self._run,
                args=(f"{self._owner}:wh{index}",),
                daemon=True,
                name=f"songforge-webhooks-{index}",
            )
            thread.start()
            self._threads.append(thread)

    def notify(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout=15)
        self._ctx.client.close()

    def _run(self, owner: str) -> None:
        while not self._stopping.is_set():
            try:
                sent = deliver_next(self._ctx, owner)
            except Exception:  # a database hiccup must not end delivery for good
                log.exception("webhook_sender_error", owner=owner)
                sent = False
            if not sent:
                self._wake.wait(self._poll)
                self._wake.clear()
