"""What a task's event stream sends: ids that say which state a client has seen, and on a
reconnect (Last-Event-ID) the recorded status changes it missed, then the current state.

An id is `<seq>.<status>.<stage>.<progress>`, `seq` being the number of the task's latest
recorded event (webhook outbox). Two messages with the same id show the same state.
"""

from __future__ import annotations

from dataclasses import dataclass

from songforge.domain.tasks import Task
from songforge.ports import Credential, UnitOfWorkFactory
from songforge.services.read_tasks import check_owner


def event_id(seq: int, task: Task) -> str:
    return f"{seq}.{task.status.value}.{task.stage.value}.{task.progress}"


def seq_of(last_event_id: str | None) -> int | None:
    """The event number in a Last-Event-ID we issued; None for a missing or foreign one."""
    if not last_event_id:
        return None
    head = last_event_id.split(".", 1)[0]
    return int(head) if head.isdigit() and len(head) < 16 else None


@dataclass(frozen=True)
class StreamStep:
    messages: list[tuple[str, Task]]  # (id, task) to send, in order
    seq: int
    task: Task


def next_step(
    uow_factory: UnitOfWorkFactory,
    credential: Credential,
    task_id: str,
    seq: int,
    last_sent: str | None,
    *,
    replay: bool,
) -> StreamStep:
    """The messages due after `last_sent`: with `replay`, each status change recorded after
    event `seq` (the terminal one only once, as the current state), then the current state
    if it differs from what was last sent."""
    with uow_factory(read_only=True) as uow:
        task = check_owner(uow.tasks.get(task_id), credential)
        history = uow.webhooks.task_history(task.id, seq)
    messages: list[tuple[str, Task]] = []
    for number, _type, state in history:
        seq = number
        if replay and not state.is_terminal:
            messages.append((event_id(number, state), state))
    current = event_id(seq, task)
    messages.append((current, task))
    # Only what the client has not seen: drop repeats of the last id it holds.
    due: list[tuple[str, Task]] = []
    for message in messages:
        if message[0] != last_sent and (not due or due[-1][0] != message[0]):
            due.append(message)
    return StreamStep(due, seq, task)
