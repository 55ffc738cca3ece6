"""Tasks in SQL. Every status change is a conditional UPDATE that reports whether it won."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from songforge.db.tables import task_attempts, tasks
from songforge.db.webhook_repository import SqlWebhookRepository
from songforge.domain.billing import from_units, to_units
from songforge.domain.tasks import (
    Action,
    GenerationResult,
    RemoteTask,
    Stage,
    Task,
    TaskError,
    TaskStatus,
    can_transition,
)


def moved(source: TaskStatus, target: TaskStatus) -> Any:
    """The guard of a conditional UPDATE for one edge of the state machine."""
    if not can_transition(source, target):
        raise ValueError(f"no transition {source.value} -> {target.value}")
    return tasks.c.status == source.value


def _remote(m: Any) -> RemoteTask | None:
    if m["remote_backend"] is None or m["remote_server"] is None:
        return None
    return RemoteTask(
        backend=m["remote_backend"],
        server=m["remote_server"],
        task_id=m["remote_task_id"],
        accepted_at=m["remote_accepted_at"],
    )


_LIVE = (TaskStatus.PENDING.value, TaskStatus.PROCESSING.value)


def task_from_state(state: dict[str, Any]) -> Task:
    """A task from a row snapshot kept with one of its events."""
    return row_to_task(SimpleNamespace(_mapping=state))


def row_to_task(row: Any) -> Task:
    m = row._mapping
    error = TaskError(m["error_code"], m["error_message"] or "") if m["error_code"] else None
    return Task(
        id=m["id"],
        organisation_id=m["organisation_id"],
        api_key_id=m["api_key_id"],
        model=m["model"],
        action=Action(m["action"]),
        status=TaskStatus(m["status"]),
        stage=Stage(m["stage"]),
        progress=m["progress"],
        request=m["request"],
        request_id=m["request_id"],
        created=m["created_at"],
        updated=m["updated_at"],
        reserved_amount=from_units(m["reserved_units"]),
        user=m["user"],
        attempts=m["attempts"],
        max_attempts=m["max_attempts"],
        time_limit_seconds=m["time_limit_seconds"],
        available_at=m["available_at"],
        lease_owner=m["lease_owner"],
        lease_expires_at=m["lease_expires_at"],
        clip_id=m["clip_id"],
        title=m["title"],
        lyrics=m["lyrics"],
        metadata=m["metadata"] or {},
        cost=from_units(m["cost_units"]) if m["cost_units"] is not None else None,
        billing_transaction_id=m["billing_transaction_id"],
        error=error,
        cancelled=bool(m["cancelled"]),
        remote=_remote(m),
    )


class SqlTaskRepository:
    """Each won status change also appends its task event (the webhook outbox) in the same
    transaction, so an event exists exactly when the change it reports was committed."""

    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection
        self._events = SqlWebhookRepository(connection)

    def _emit(self, task_id: str, type_: str, now: float) -> None:
        row = self._c.execute(sa.select(tasks).where(tasks.c.id == task_id)).one()
        self._events.record_event(dict(row._mapping), type_, now)

    def insert(self, task: Task) -> None:
        self._c.execute(
            tasks.insert().values(
                id=task.id,
                organisation_id=task.organisation_id,
                api_key_id=task.api_key_id,
                model=task.model,
                action=task.action.value,
                status=task.status.value,
                stage=task.stage.value,
                progress=task.progress,
                request=task.request,
                request_id=task.request_id,
                user=task.user,
                attempts=task.attempts,
                max_attempts=task.max_attempts,
                time_limit_seconds=task.time_limit_seconds,
                available_at=task.available_at,
                metadata=task.metadata,
                reserved_units=to_units(task.reserved_amount),
                created_at=task.created,
                updated_at=task.updated,
            )
        )

    def get(self, task_id: str) -> Task | None:
        row = self._c.execute(sa.select(tasks).where(tasks.c.id == task_id)).first()
        return row_to_task(row) if row else None

    def list_for_organisation(
        self,
        organisation_id: str,
        *,
        api_key_id: str,
        limit: int,
        after: tuple[float, str] | None,
        status: str | None,
    ) -> list[Task]:
        query = sa.select(tasks).where(
            tasks.c.organisation_id == organisation_id, tasks.c.api_key_id == api_key_id
        )
        if status:
            query = query.where(tasks.c.status == status)
        if after is not None:
            created, task_id = after
            query = query.where(
                sa.or_(
                    tasks.c.created_at < created,
                    sa.and_(tasks.c.created_at == created, tasks.c.id < task_id),
                )
            )
        query = query.order_by(tasks.c.created_at.desc(), tasks.c.id.desc()).limit(limit)
        return [row_to_task(r) for r in self._c.execute(query)]

    def _claim_where(self, owner: str, now: float, lease_until: float, where: Any) -> Task | None:
        row = self._c.execute(
            tasks.update()
            .where(where, moved(TaskStatus.PENDING, TaskStatus.PROCESSING))
            .values(
                status=TaskStatus.PROCESSING.value,
                lease_owner=owner,
                lease_expires_at=lease_until,
                attempts=tasks.c.attempts + 1,
                updated_at=now,
            )
            .returning(*tasks.c)
        ).first()
        if row is None:
            return None
        task = row_to_task(row)
        state = dict(row._mapping)
        self._c.execute(
            task_attempts.insert().values(
                task_id=task.id, attempt=task.attempts, owner=owner, started_at=now
            )
        )
        if task.attempts == 1:  # a retried attempt is not news to a receiver
            self._events.record_event(state, "task.processing", now)
        return task

    def _close_attempt(self, task_id: str, owner: str | None, now: float, outcome: str) -> None:
        where = sa.and_(task_attempts.c.task_id == task_id, task_attempts.c.finished_at.is_(None))
        if owner is not None:
            where = sa.and_(where, task_attempts.c.owner == owner)
        self._c.execute(
            task_attempts.update().where(where).values(finished_at=now, outcome=outcome)
        )

    def claim_next(self, owner: str, now: float, lease_until: float) -> Task | None:
        candidate = (
            sa.select(tasks.c.id)
            .where(tasks.c.status == TaskStatus.PENDING.value, tasks.c.available_at <= now)
            .order_by(tasks.c.available_at, tasks.c.created_at)
            .limit(1)
        )
        if self._c.dialect.name == "postgresql":
            candidate = candidate.with_for_update(skip_locked=True)
        return self._claim_where(owner, now, lease_until, tasks.c.id == candidate.scalar_subquery())

    def _leased(self, task_id: str, owner: str) -> Any:
        return sa.and_(
            tasks.c.id == task_id,
            tasks.c.status == TaskStatus.PROCESSING.value,
            tasks.c.lease_owner == owner,
        )

    def extend_lease(self, task_id: str, owner: str, until: float) -> bool:
        result = self._c.execute(
            tasks.update().where(self._leased(task_id, owner)).values(lease_expires_at=until)
        )
        return result.rowcount == 1

    def record_progress(
        self, task_id: str, owner: str, stage: Stage, percent: int, now: float
    ) -> bool:
        # Only forward: a late or repeated report can never move the bar back.
        if stage is not Stage.WRITING_LYRICS:
            # Leaving the lyric stage is the lyrics_ready event; the guard makes it once.
            left = self._c.execute(
                tasks.update()
                .where(
                    self._leased(task_id, owner),
                    tasks.c.progress <= percent,
                    tasks.c.stage == Stage.WRITING_LYRICS.value,
                )
                .values(stage=stage.value, progress=percent, updated_at=now)
            )
            if left.rowcount == 1:
                self._emit(task_id, "task.lyrics_ready", now)
                return True
        result = self._c.execute(
            tasks.update()
            .where(self._leased(task_id, owner), tasks.c.progress <= percent)
            .values(stage=stage.value, progress=percent, updated_at=now)
        )
        return result.rowcount == 1

    def mark_completed(
        self,
        task_id: str,
        owner: str,
        result: GenerationResult,
        clip_id: str | None,
        cost: Decimal,
        billing_transaction_id: str,
        now: float,
    ) -> bool:
        outcome = self._c.execute(
            tasks.update()
            .where(self._leased(task_id, owner), moved(TaskStatus.PROCESSING, TaskStatus.COMPLETED))
            .values(
                status=TaskStatus.COMPLETED.value,
                stage=Stage.DONE.value,
                progress=100,
                clip_id=clip_id,
                title=result.title,
                lyrics=result.lyrics,
                metadata=result.metadata,
                cost_units=to_units(cost),
                billing_transaction_id=billing_transaction_id,
                lease_owner=None,
                lease_expires_at=None,
                updated_at=now,
            )
        )
        if outcome.rowcount == 1:
            self._close_attempt(task_id, owner, now, "completed")
            self._emit(task_id, "task.completed", now)
        return outcome.rowcount == 1

    def requeue(
        self,
        task_id: str,
        owner: str | None,
        available_at: float,
        error: TaskError,
        now: float,
        *,
        stage: Stage = Stage.QUEUED,
        forget_remote: bool = False,
        refund_attempt: bool = False,
    ) -> bool:
        where = tasks.c.id == task_id
        where = sa.and_(where, moved(TaskStatus.PROCESSING, TaskStatus.PENDING))
        if owner is not None:
            where = sa.and_(where, tasks.c.lease_owner == owner)
        values: dict[str, Any] = {
            "status": TaskStatus.PENDING.value,
            "stage": stage.value,
            "lease_owner": None,
            "lease_expires_at": None,
            "available_at": available_at,
            "error_code": error.code,
            "error_message": error.message,
            "updated_at": now,
        }
        if refund_attempt:
            values["attempts"] = tasks.c.attempts - 1
        if forget_remote:
            values.update(self._no_remote())
        else:
            # A server reserved but never given the job holds no place on it while the
            # task waits; an accepted remote task is kept, to be polled again.
            unaccepted = tasks.c.remote_task_id.is_(None)
            values["remote_backend"] = sa.case(
                (unaccepted, sa.null()), else_=tasks.c.remote_backend
            )
            values["remote_server"] = sa.case((unaccepted, sa.null()), else_=tasks.c.remote_server)
        outcome = self._c.execute(tasks.update().where(where).values(**values))
        if outcome.rowcount == 1 and refund_attempt:
            # It never started: no attempt to account for (the next claim reuses its number).
            self._drop_open_attempt(task_id, owner)
        elif outcome.rowcount == 1:
            self._close_attempt(task_id, owner, now, error.code)
        return outcome.rowcount == 1

    def _drop_open_attempt(self, task_id: str, owner: str | None) -> None:
        where = sa.and_(task_attempts.c.task_id == task_id, task_attempts.c.finished_at.is_(None))
        if owner is not None:
            where = sa.and_(where, task_attempts.c.owner == owner)
        self._c.execute(task_attempts.delete().where(where))

    def mark_failed(
        self,
        task_id: str,
        *,
        from_status: str,
        owner: str | None,
        error: TaskError,
        now: float,
        cancelled: bool = False,
    ) -> bool:
        where = sa.and_(tasks.c.id == task_id, moved(TaskStatus(from_status), TaskStatus.FAILED))
        if owner is not None:
            where = sa.and_(where, tasks.c.lease_owner == owner)
        outcome = self._c.execute(
            tasks.update()
            .where(where)
            .values(
                status=TaskStatus.FAILED.value,
                error_code=error.code,
                error_message=error.message,
                cancelled=cancelled,
                lease_owner=None,
                lease_expires_at=None,
                updated_at=now,
            )
        )
        if outcome.rowcount == 1 and from_status == TaskStatus.PROCESSING.value:
            self._close_attempt(task_id, owner, now, error.code)
        if outcome.rowcount == 1:
            self._emit(task_id, "task.cancelled" if cancelled else "task.failed", now)
        return outcome.rowcount == 1

    @staticmethod
    def _no_remote() -> dict[str, Any]:
        return {
            "remote_backend": None,
            "remote_server": None,
            "remote_task_id": None,
            "remote_accepted_at": None,
        }

    def reserve_remote_server(
        self, task_id: str, owner: str, backend: str, servers: list[str], per_server: int
    ) -> str | None:
        """Reserves the least busy of `servers` (earlier ones win ties) for this leased task,
        if one has fewer than `per_server` live tasks of `backend`; None when all are full.
        Serialised per backend (an advisory lock on PostgreSQL; SQLite writers begin
        IMMEDIATE),
        so two workers can never both take a server's last place."""
        if not servers:
            return None
        if self._c.dialect.name == "postgresql":
            self._c.execute(
                sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext("remote:" + backend)))
            )
        rows = self._c.execute(
            sa.select(tasks.c.remote_server, sa.func.count())
            .where(
                tasks.c.remote_backend == backend,
                tasks.c.remote_server.in_(servers),
                tasks.c.status.in_(_LIVE),
                tasks.c.id != task_id,
            )
            .group_by(tasks.c.remote_server)
        )
        busy = {server: count for server, count in rows}
        free = [s for s in servers if busy.get(s, 0) < per_server]
        if not free:
            return None
        chosen = min(free, key=lambda s: busy.get(s, 0))
        outcome = self._c.execute(
            tasks.update()
            .where(self._leased(task_id, owner))
            .values(
                remote_backend=backend,
                remote_server=chosen,
                remote_task_id=None,
                remote_accepted_at=None,
            )
        )
        return chosen if outcome.rowcount == 1 else None

    def record_remote(self, task_id: str, owner: str, remote: RemoteTask, now: float) -> bool:
        """Writes the accepted remote task on the task, only under a live lease and only
        if no other remote task is recorded there (one generation per task)."""
        outcome = self._c.execute(
            tasks.update()
            .where(
                self._leased(task_id, owner),
                sa.or_(
                    tasks.c.remote_task_id.is_(None),
                    tasks.c.remote_task_id == remote.task_id,
                ),
            )
            .values(
                remote_backend=remote.backend,
                remote_server=remote.server,
                remote_task_id=remote.task_id,
                remote_accepted_at=remote.accepted_at or now,
                updated_at=now,
            )
        )
        return outcome.rowcount == 1

    def remote_load(self, backend: str) -> dict[str, int]:
        """Live tasks per server of `backend` (reserved or accepted), for health pages."""
        rows = self._c.execute(
            sa.select(tasks.c.remote_server, sa.func.count())
            .where(tasks.c.remote_backend == backend, tasks.c.status.in_(_LIVE))
            .group_by(tasks.c.remote_server)
        )
        return {server: count for server, count in rows if server is not None}

    def expired_leases(self, now: float) -> list[Task]:
        rows = self._c.execute(
            sa.select(tasks).where(
                tasks.c.status == TaskStatus.PROCESSING.value,
                tasks.c.lease_expires_at < now,
            )
        )
        return [row_to_task(r) for r in rows]

    def find_clip(self, organisation_id: str, clip_or_task_id: str) -> Task | None:
        row = self._c.execute(
            sa.select(tasks).where(
                tasks.c.organisation_id == organisation_id,
                tasks.c.status == TaskStatus.COMPLETED.value,
                sa.or_(tasks.c.clip_id == clip_or_task_id, tasks.c.id == clip_or_task_id),
            )
        ).first()
        return row_to_task(row) if row else None

    def forget_files(self, task_id: str, now: float) -> None:
        """The task's files were removed under the retention policy: its body stops naming
        them and says when they went."""
        row = self._c.execute(
            sa.select(tasks.c.metadata).where(
                tasks.c.id == task_id, tasks.c.status == TaskStatus.COMPLETED.value
            )
        ).first()
        if row is None:
            return
        kept = {k: v for k, v in (row.metadata or {}).items() if k != "_assets"}
        kept.setdefault("files_expired_at", int(now))
        self._c.execute(tasks.update().where(tasks.c.id == task_id).values(metadata=kept))

    def count_by_status(self) -> dict[str, int]:
        rows = self._c.execute(sa.select(tasks.c.status, sa.func.count()).group_by(tasks.c.status))
        return {status: count for status, count in rows}
