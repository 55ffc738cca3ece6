"""Webhooks in SQL: the task-event outbox and its fan-out, endpoints, secrets, deliveries.

Deliveries are claimed like tasks: a conditional UPDATE that says whether it won, with
FOR UPDATE SKIP LOCKED on PostgreSQL so nodes never wait on each other's rows. A delivery
is only claimable when no earlier event of the same task waits for the same destination,
which keeps each task's events in order per receiver.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from songforge.db.tables import (
    task_callbacks,
    task_events,
    webhook_attempts,
    webhook_default_secrets,
    webhook_deliveries,
    webhook_endpoints,
)
from songforge.domain.tasks import Task
from songforge.domain.webhooks import (
    CALLBACK_TARGET,
    Delivery,
    DeliveryAttempt,
    Endpoint,
    SigningSecrets,
    TaskEvent,
    new_delivery_id,
    new_event_id,
    new_secret,
)

IN_FLIGHT = ("pending", "delivering")


def _endpoint(row: Any) -> Endpoint:
    m = row._mapping
    return Endpoint(
        id=m["id"],
        organisation_id=m["organisation_id"],
        url=m["url"],
        events=tuple(m["events"]),
        status=m["status"],
        description=m["description"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


def _delivery(row: Any, history: tuple[DeliveryAttempt, ...] = ()) -> Delivery:
    m = row._mapping
    return Delivery(
        id=m["id"],
        event_id=m["event_id"],
        event_type=m["type"],
        task_id=m["task_id"],
        organisation_id=m["organisation_id"],
        target=m["target"],
        url=m["url"],
        status=m["status"],
        attempts=m["attempts"],
        next_attempt_at=m["next_attempt_at"],
        last_status_code=m["last_status_code"],
        last_latency_ms=m["last_latency_ms"],
        last_error=m["last_error"],
        created_at=m["created_at"],
        delivered_at=m["delivered_at"],
        event_seq=m["event_seq"],
        occurred_at=m["occurred_at"],
        history=history,
    )


_DELIVERY_COLUMNS = (
    *webhook_deliveries.c,
    task_events.c.id.label("event_id"),
    task_events.c.type,
    task_events.c.occurred_at,
)


def _with_event() -> Any:
    return sa.select(*_DELIVERY_COLUMNS).join_from(
        webhook_deliveries, task_events, task_events.c.seq == webhook_deliveries.c.event_seq
    )


class SqlWebhookRepository:
    def __init__(self, connection: sa.Connection) -> None:
        self._c = connection

    # -- the outbox ------------------------------------------------------------------------
    def set_callback(self, task_id: str, url: str, events: tuple[str, ...]) -> None:
        self._c.execute(task_callbacks.insert().values(task_id=task_id, url=url, events=events))

    def record_event(self, task_state: dict[str, Any], type_: str, now: float) -> int:
        """Append an event (with the task's row as it is now) and a pending delivery for each
        destination subscribed to it."""
        task_id = str(task_state["id"])
        organisation_id = str(task_state["organisation_id"])
        seq = self._c.execute(
            task_events.insert()
            .values(
                id=new_event_id(),
                task_id=task_id,
                organisation_id=organisation_id,
                type=type_,
                occurred_at=now,
                task_state=task_state,
            )
            .returning(task_events.c.seq)
        ).scalar_one()
        targets: list[tuple[str, str]] = []
        callback = self._c.execute(
            sa.select(task_callbacks).where(task_callbacks.c.task_id == task_id)
        ).first()
        if callback is not None and type_ in callback.events:
            targets.append((CALLBACK_TARGET, callback.url))
        endpoints = self._c.execute(
            sa.select(webhook_endpoints.c.id, webhook_endpoints.c.url, webhook_endpoints.c.events)
            .where(
                webhook_endpoints.c.organisation_id == organisation_id,
                webhook_endpoints.c.status == "enabled",
            )
            .order_by(webhook_endpoints.c.created_at)
        )
        targets.extend((row.id, row.url) for row in endpoints if type_ in row.events)
        if targets:
            self._c.execute(
                webhook_deliveries.insert(),
                [
                    {
                        "id": new_delivery_id(),
                        "event_seq": seq,
                        "task_id": task_id,
                        "organisation_id": organisation_id,
                        "target": target,
                        "url": url,
                        "status": "pending",
                        "attempts": 0,
                        "next_attempt_at": now,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for target, url in targets
                ],
            )
        return int(seq)

    def events_for_task(self, task_id: str, after_seq: int = 0) -> list[TaskEvent]:
        rows = self._c.execute(
            sa.select(task_events)
            .where(task_events.c.task_id == task_id, task_events.c.seq > after_seq)
            .order_by(task_events.c.seq)
        )
        return [
            TaskEvent(r.seq, r.id, r.task_id, r.type, r.occurred_at, r.body, r.task_state)
            for r in rows
        ]

    def task_history(self, task_id: str, after_seq: int) -> list[tuple[int, str, Task]]:
        """(seq, type, the task as that event left it) of the task's events after `after_seq`."""
        from songforge.db.task_repository import task_from_state  # it imports this module

        rows = self._c.execute(
            sa.select(task_events.c.seq, task_events.c.type, task_events.c.task_state)
            .where(task_events.c.task_id == task_id, task_events.c.seq > after_seq)
            .order_by(task_events.c.seq)
        )
        return [(r.seq, r.type, task_from_state(dict(r.task_state))) for r in rows]

    def event_task(self, seq: int) -> Task:
        """The task as the event's status change left it."""
        from songforge.db.task_repository import task_from_state  # it imports this module

        state = self._c.execute(
            sa.select(task_events.c.task_state).where(task_events.c.seq == seq)
        ).scalar_one()
        return task_from_state(dict(state))

    def event_body(self, seq: int) -> str | None:
        body = self._c.execute(
            sa.select(task_events.c.body).where(task_events.c.seq == seq)
        ).scalar_one_or_none()
        return None if body is None else str(body)

    def fix_body(self, seq: int, body: str) -> str:
        """Store the event's body unless one is stored already; return the stored one."""
        self._c.execute(
            task_events.update()
            .where(task_events.c.seq == seq, task_events.c.body.is_(None))
            .values(body=body)
        )
        stored = self._c.execute(
            sa.select(task_events.c.body).where(task_events.c.seq == seq)
        ).scalar_one()
        return str(stored)

    # -- deliveries ------------------------------------------------------------------------
    def claim_due(self, owner: str, now: float, lease_until: float) -> Delivery | None:
        d = webhook_deliveries
        earlier = d.alias("earlier")
        due = sa.or_(
            sa.and_(d.c.status == "pending", d.c.next_attempt_at <= now),
            sa.and_(d.c.status == "delivering", d.c.lease_expires_at < now),
        )
        blocked = sa.exists().where(
            earlier.c.task_id == d.c.task_id,
            earlier.c.target == d.c.target,
            earlier.c.event_seq < d.c.event_seq,
            earlier.c.status.in_(IN_FLIGHT),
        )
        candidate = sa.select(d.c.id).where(due, ~blocked).order_by(d.c.next_attempt_at).limit(1)
        if self._c.dialect.name == "postgresql":
            candidate = candidate.with_for_update(skip_locked=True, of=d)
        won = self._c.execute(
            d.update()
            .where(d.c.id == candidate.scalar_subquery(), due)
            .values(
                status="delivering",
                lease_owner=owner,
                lease_expires_at=lease_until,
                attempts=d.c.attempts + 1,
                updated_at=now,
            )
            .returning(d.c.id)
        ).scalar()
        if won is None:
            return None
        return self.get_delivery(str(won))

    def get_delivery(self, delivery_id: str, *, with_history: bool = False) -> Delivery | None:
        row = self._c.execute(_with_event().where(webhook_deliveries.c.id == delivery_id)).first()
        if row is None:
            return None
        history: tuple[DeliveryAttempt, ...] = ()
        if with_history:
            history = tuple(
                DeliveryAttempt(a.attempt, a.started_at, a.status_code, a.latency_ms, a.error)
                for a in self._c.execute(
                    sa.select(webhook_attempts)
                    .where(webhook_attempts.c.delivery_id == delivery_id)
                    .order_by(webhook_attempts.c.attempt)
                )
            )
        return _delivery(row, history)

    def finish_attempt(
        self,
        delivery: Delivery,
        owner: str,
        started_at: float,
        *,
        status_code: int | None,
        latency_ms: float | None,
        error: str | None,
        outcome: str,
        next_attempt_at: float | None,
        now: float,
    ) -> bool:
        """Record one attempt; `outcome` is succeeded, failed (gave up) or pending (retry).
        Only the lease holder may write; a lost lease means another node took over."""
        d = webhook_deliveries
        won = self._c.execute(
            d.update()
            .where(d.c.id == delivery.id, d.c.status == "delivering", d.c.lease_owner == owner)
            .values(
                status=outcome,
                next_attempt_at=next_attempt_at,
                lease_owner=None,
                lease_expires_at=None,
                last_status_code=status_code,
                last_latency_ms=latency_ms,
                last_error=error[:300] if error else None,
                delivered_at=now if outcome == "succeeded" else None,
                updated_at=now,
            )
        ).rowcount
        if won == 1:
            self._c.execute(
                sa.insert(webhook_attempts).values(
                    delivery_id=delivery.id,
                    attempt=delivery.attempts,
                    started_at=started_at,
                    status_code=status_code,
                    latency_ms=latency_ms,
                    error=error[:300] if error else None,
                )
            )
        return won == 1

    def list_deliveries(
        self, organisation_id: str, target: str, *, limit: int, offset: int
    ) -> tuple[list[Delivery], int]:
        d = webhook_deliveries
        where = sa.and_(d.c.organisation_id == organisation_id, d.c.target == target)
        total = self._c.execute(sa.select(sa.func.count()).select_from(d).where(where)).scalar()
        rows = self._c.execute(
            _with_event()
            .where(where)
            .order_by(d.c.created_at.desc(), d.c.event_seq.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        found = []
        for row in rows:
            full = self.get_delivery(row.id, with_history=True)
            assert full is not None
            found.append(full)
        return found, int(total or 0)

    def retry_delivery(self, delivery_id: str, now: float) -> bool:
        """Put a finished delivery back in line now; False while it is still in flight."""
        d = webhook_deliveries
        return (
            self._c.execute(
                d.update()
                .where(d.c.id == delivery_id, d.c.status.in_(("succeeded", "failed")))
                .values(status="pending", next_attempt_at=now, updated_at=now)
            ).rowcount
            == 1
        )

    # -- endpoints and secrets --------------------------------------------------------------
    def add_endpoint(self, endpoint: Endpoint, secret: str) -> None:
        self._c.execute(
            webhook_endpoints.insert().values(
                id=endpoint.id,
                organisation_id=endpoint.organisation_id,
                url=endpoint.url,
                events=list(endpoint.events),
                status=endpoint.status,
                description=endpoint.description,
                secret=secret,
                created_at=endpoint.created_at,
                updated_at=endpoint.updated_at,
            )
        )

    def get_endpoint(self, organisation_id: str, endpoint_id: str) -> Endpoint | None:
        row = self._c.execute(
            sa.select(webhook_endpoints).where(
                webhook_endpoints.c.id == endpoint_id,
                webhook_endpoints.c.organisation_id == organisation_id,
            )
        ).first()
        return _endpoint(row) if row else None

    def list_endpoints(self, organisation_id: str) -> list[Endpoint]:
        rows = self._c.execute(
            sa.select(webhook_endpoints)
            .where(webhook_endpoints.c.organisation_id == organisation_id)
            .order_by(webhook_endpoints.c.created_at)
        )
        return [_endpoint(r) for r in rows]

    def update_endpoint(self, endpoint_id: str, changes: dict[str, Any]) -> None:
        self._c.execute(
            webhook_endpoints.update()
            .where(webhook_endpoints.c.id == endpoint_id)
            .values(**changes)
        )

    def delete_endpoint(self, endpoint_id: str) -> None:
        # Its waiting deliveries go with it; what was delivered stays on record.
        self._c.execute(
            webhook_deliveries.update()
            .where(
                webhook_deliveries.c.target == endpoint_id,
                webhook_deliveries.c.status.in_(IN_FLIGHT),
            )
            .values(status="failed", last_error="endpoint deleted", next_attempt_at=None)
        )
        self._c.execute(webhook_endpoints.delete().where(webhook_endpoints.c.id == endpoint_id))

    def rotate_endpoint_secret(self, endpoint_id: str, overlap_until: float, now: float) -> str:
        fresh = new_secret()
        self._c.execute(
            webhook_endpoints.update()
            .where(webhook_endpoints.c.id == endpoint_id)
            .values(
                previous_secret=webhook_endpoints.c.secret,
                previous_secret_until=overlap_until,
                secret=fresh,
                updated_at=now,
            )
        )
        return fresh

    def default_secret(self, organisation_id: str, now: float) -> tuple[str, float | None]:
        """The organisation's callback secret and when it was revealed, made if missing."""
        table = webhook_default_secrets
        query = sa.select(table.c.secret, table.c.revealed_at).where(
            table.c.organisation_id == organisation_id
        )
        row = self._c.execute(query).first()
        if row is None:
            # Senders on several nodes may make it at once: the first insert wins.
            insert = (
                postgresql.insert(table)
                if self._c.dialect.name == "postgresql"
                else sqlite.insert(table)
            )
            self._c.execute(
                insert.values(
                    organisation_id=organisation_id, secret=new_secret(), created_at=now
                ).on_conflict_do_nothing(index_elements=[table.c.organisation_id])
            )
            row = self._c.execute(query).one()
        return str(row.secret), row.revealed_at

    def reveal_default_secret(self, organisation_id: str, now: float) -> bool:
        """Mark the callback secret revealed; False if it had been revealed before."""
        table = webhook_default_secrets
        return (
            self._c.execute(
                table.update()
                .where(table.c.organisation_id == organisation_id, table.c.revealed_at.is_(None))
                .values(revealed_at=now)
            ).rowcount
            == 1
        )

    def rotate_default_secret(self, organisation_id: str, overlap_until: float, now: float) -> str:
        self.default_secret(organisation_id, now)
        fresh = new_secret()
        table = webhook_default_secrets
        self._c.execute(
            table.update()
            .where(table.c.organisation_id == organisation_id)
            .values(
                previous_secret=table.c.secret,
                previous_secret_until=overlap_until,
                secret=fresh,
                revealed_at=now,
            )
        )
        return fresh

    def signing_secrets(self, delivery: Delivery, now: float) -> SigningSecrets | None:
        """The secrets that sign a delivery now; None if its endpoint is gone."""
        if delivery.target == CALLBACK_TARGET:
            self.default_secret(delivery.organisation_id, now)
            table: sa.Table = webhook_default_secrets
            where = table.c.organisation_id == delivery.organisation_id
        else:
            table = webhook_endpoints
            where = table.c.id == delivery.target
        row = self._c.execute(
            sa.select(table.c.secret, table.c.previous_secret, table.c.previous_secret_until).where(
                where
            )
        ).first()
        if row is None:
            return None
        previous = row.previous_secret
        if previous is not None and (row.previous_secret_until or 0) < now:
            previous = None
        return SigningSecrets(row.secret, previous)
