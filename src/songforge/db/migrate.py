"""Run the Alembic migrations shipped in the package against an engine."""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config


def alembic_config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("songforge.db").joinpath("migrations"))
    )
    config.attributes["connection"] = connection
    return config


def _procrastinate_schema(connection: sa.Connection) -> None:
    exists = connection.exec_driver_sql("SELECT to_regclass('procrastinate_jobs')").scalar()
    if exists is None:
        schema = resources.files("procrastinate.sql").joinpath("schema.sql").read_text()
        # Straight to the driver without parameters: the schema's own '%' must stay as is.
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(schema)
        cursor.close()


def upgrade(engine: sa.Engine, *, procrastinate: bool = False) -> None:
    # One process at a time: concurrent first starts would otherwise race on DDL.
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_lock(726354)")
        command.upgrade(alembic_config(connection), "head")
        if procrastinate:
            _procrastinate_schema(connection)
        connection.commit()
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_unlock(726354)")
            connection.commit()
