"""One poller per ACE-Step backend per process: every task this process follows on a server
is asked about in one `/query_result` request per round.

Each followed task is polled soon after it is accepted, then less often (the interval grows
by half each round from `initial_seconds` to `max_seconds`, 2 s → 10 s by default): a song
takes seconds to minutes on a GPU. Waiting threads receive each round's answer (or the
reason there was none) and decide what it means.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from songforge.ports import BackendUnavailable, ProviderFailure
from songforge.providers.acestep_client import AceStepClient, Entry, Unreachable

Update = Entry | Exception | None  # None: the server answered without this id


@dataclass(eq=False)
class Watch:
    server: str
    task_id: str
    interval: float
    due: float
    _updates: list[Update] = field(default_factory=list)
    _ready: threading.Condition = field(default_factory=threading.Condition)

    def deliver(self, update: Update) -> None:
        with self._ready:
            self._updates.append(update)
            self._ready.notify_all()

    def next(self, timeout: float) -> tuple[bool, Update]:
        """(True, the next round's answer), or (False, None) when none came in time."""
        with self._ready:
            if not self._updates:
                self._ready.wait(timeout)
            if not self._updates:
                return False, None
            return True, self._updates.pop(0)


class AceStepPoller:
    def __init__(
        self, client: AceStepClient, initial_seconds: float = 2.0, max_seconds: float = 10.0
    ) -> None:
        self._client = client
        self._initial = initial_seconds
        self._max = max_seconds
        self._watches: set[Watch] = set()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self.rounds = 0  # query requests made, for tests and benches

    def watch(self, server: str, task_id: str) -> Watch:
        watch = Watch(server, task_id, self._initial, time.monotonic() + self._initial)
        with self._changed:
            self._watches.add(watch)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="songforge-acestep-poller", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()
        return watch

    def unwatch(self, watch: Watch) -> None:
        with self._changed:
            self._watches.discard(watch)

    def _run(self) -> None:
        while True:
            with self._changed:
                if not self._watches:
                    self._changed.wait(30)
                    if not self._watches:
                        self._thread = None
                        return
                    continue
                wait = min(w.due for w in self._watches) - time.monotonic()
                if wait > 0:
                    self._changed.wait(wait)
                    continue
                now = time.monotonic()
                due = [w for w in self._watches if w.due <= now]
                by_server: dict[str, list[Watch]] = defaultdict(list)
                for w in self._watches:
                    by_server[w.server].append(w)
            for server in {w.server for w in due}:
                self._poll(server, by_server[server])
            for w in due:
                w.interval = min(self._max, w.interval * 1.5)
                w.due = time.monotonic() + w.interval

    def _poll(self, server: str, watches: list[Watch]) -> None:
        ids = sorted({w.task_id for w in watches})
        self.rounds += 1
        try:
            entries = self._client.query(server, ids)
        except (Unreachable, BackendUnavailable, ProviderFailure) as exc:
            for w in watches:
                w.deliver(exc)
            return
        except Exception as exc:  # the poller thread must survive anything
            for w in watches:
                w.deliver(exc)
            return
        for w in watches:
            w.deliver(entries.get(w.task_id))
