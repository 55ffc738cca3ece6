"""The task state machine: which edges exist, and that finished tasks never move."""

from __future__ import annotations

import itertools

from songforge.domain.tasks import TRANSITIONS, TaskStatus, can_transition


def test_allowed_edges() -> None:
    allowed = {(a, b) for a, b in itertools.product(TaskStatus, TaskStatus) if can_transition(a, b)}
    assert allowed == {
        (TaskStatus.PENDING, TaskStatus.PROCESSING),  # a worker claims it
        (TaskStatus.PENDING, TaskStatus.FAILED),  # cancelled before it started
        (TaskStatus.PROCESSING, TaskStatus.COMPLETED),
        (TaskStatus.PROCESSING, TaskStatus.FAILED),
        (TaskStatus.PROCESSING, TaskStatus.PENDING),  # retried, or its worker vanished
    }


def test_terminal_states_are_final() -> None:
    for status in TaskStatus:
        assert status.is_terminal == (status in (TaskStatus.COMPLETED, TaskStatus.FAILED))
        if status.is_terminal:
            assert not TRANSITIONS[status]
