"""A unit of work: one connection, one transaction, every repository sharing it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from songforge.db.asset_repository import SqlAssetRepository
from songforge.db.idempotency_repository import SqlIdempotencyRepository
from songforge.db.job_queue import ProcrastinateJobQueue, TableOnlyQueue
from songforge.db.key_repository import SqlKeyRepository
from songforge.db.ledger import SqlLedger
from songforge.db.task_repository import SqlTaskRepository
from songforge.db.upload_repository import SqlUploadRepository
from songforge.db.usage_repository import SqlUsageRepository
from songforge.db.webhook_repository import SqlWebhookRepository
from songforge.ports import (
    AssetRepository,
    IdempotencyRepository,
    JobQueue,
    KeyRepository,
    Ledger,
    TaskRepository,
    UploadRepository,
    UsageRepository,
    WebhookRepository,
)


class SqlUnitOfWork:
    def __init__(self, connection: sa.Connection, *, procrastinate: bool = False) -> None:
        self._connection = connection
        self.tasks: TaskRepository = SqlTaskRepository(connection)
        self.assets: AssetRepository = SqlAssetRepository(connection)
        self.keys: KeyRepository = SqlKeyRepository(connection)
        self.ledger: Ledger = SqlLedger(connection)
        self.idempotency: IdempotencyRepository = SqlIdempotencyRepository(connection)
        self.usage: UsageRepository = SqlUsageRepository(connection)
        self.uploads: UploadRepository = SqlUploadRepository(connection)
        self.webhooks: WebhookRepository = SqlWebhookRepository(connection)
        self.jobs: JobQueue = (
            ProcrastinateJobQueue(connection) if procrastinate else TableOnlyQueue()
        )

    def commit(self) -> None:
        self._connection.commit()

    def __enter__(self) -> SqlUnitOfWork:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class SqlUnitOfWorkFactory:
    """Call with read_only=True for a transaction that only reads."""

    def __init__(self, engine: sa.Engine, *, procrastinate: bool = False) -> None:
        self.engine = engine
        self.procrastinate = procrastinate

    @contextmanager
    def __call__(self, *, read_only: bool = False) -> Iterator[SqlUnitOfWork]:
        with self.engine.connect() as connection:
            if read_only:
                connection = connection.execution_options(read_only=True)
            yield SqlUnitOfWork(connection, procrastinate=self.procrastinate)
