"""The `songforge` command."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer

from songforge.cli import client_commands, demo_command, webhooks_command
from songforge.domain.errors import SongforgeError
from songforge.domain.key_changes import DECIMAL_TEXT
from songforge.logging_setup import configure_logging
from songforge.services.credentials import INFERENCE, MANAGEMENT, issue_credential
from songforge.services.organisations import create_tenant, list_tenants
from songforge.settings import Settings
from songforge.wiring import build_services

app = typer.Typer(help="songforge: self-hosted music generation.", no_args_is_help=True)
keys_app = typer.Typer(help="Inference API keys (sk-).", no_args_is_help=True)
tokens_app = typer.Typer(help="Management tokens (mt-).", no_args_is_help=True)
credits_app = typer.Typer(help="Organisation balances.", no_args_is_help=True)
orgs_app = typer.Typer(help="Organisations (tenants) on this server.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(tokens_app, name="tokens")
app.add_typer(credits_app, name="credits")
app.add_typer(orgs_app, name="orgs")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address")] = None,
    port: Annotated[int | None, typer.Option(help="Port")] = None,
    worker: Annotated[bool, typer.Option(help="Run embedded workers on this machine")] = True,
) -> None:
    """Run the API, the web app and (unless --no-worker) the embedded workers."""
    overrides: dict[str, object] = {}
    if host:
        overrides["host"] = host
    if port:
        overrides["port"] = port
    if not worker:
        overrides["workers"] = 0
    settings = Settings(**overrides)  # type: ignore[arg-type]
    configure_logging(settings.log_level, settings.log_json)
    from songforge.api.server import run_server

    run_server(settings)


@app.command()
def worker(
    slots: Annotated[
        int | None, typer.Option(help="Generation processes (SONGFORGE_WORKERS)")
    ] = None,
) -> None:
    """Take generation work from the shared database, on any machine (no API)."""
    from songforge.runtime.worker_node import run_worker_node

    settings = Settings(**({"workers": slots} if slots else {}))  # type: ignore[arg-type]
    configure_logging(settings.log_level, settings.log_json)
    run_worker_node(settings)


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    services = build_services(Settings())
    services.migrate()
    services.close()
    typer.echo("database is up to date")


def _usd(amount: str) -> Decimal:
    """A plain decimal USD amount (`25`, `9.99`), as the API reads a limitAmount string:
    no exponent, sign, spaces or underscores, which Decimal() would also take."""
    if not DECIMAL_TEXT.match(amount):
        raise typer.BadParameter("amount must be a plain decimal number of USD, e.g. 25 or 9.99")
    try:
        return Decimal(amount)
    except InvalidOperation:
        raise typer.BadParameter("amount must be a number") from None


@orgs_app.command("create")
def orgs_create(
    name: Annotated[str, typer.Argument(help="The organisation's name")],
    credit: Annotated[str, typer.Option(help="Starting balance in USD")] = "0",
) -> None:
    """Create an organisation and print its first management token (mt-…) once."""
    services = build_services(Settings())
    services.migrate()
    try:
        created = create_tenant(services.uow_factory, services.clock, name, _usd(credit))
    except SongforgeError as exc:
        raise typer.BadParameter(exc.message) from None
    finally:
        services.close()
    typer.echo(f"{created.organisation_id}  {created.management_token}")
    typer.echo(
        "Store the token now; it is not shown again. It creates the organisation's API keys.",
        err=True,
    )


@orgs_app.command("list")
def orgs_list() -> None:
    """Every organisation with its balance (USD)."""
    services = build_services(Settings())
    services.migrate()
    try:
        tenants = list_tenants(services.uow_factory)
    finally:
        services.close()
    for tenant in tenants:
        typer.echo(
            f"{tenant.id}  {tenant.name}  balance ${tenant.balance.balance}"
            f"  reserved ${tenant.balance.reserved}"
        )


def _issue(kind: str, name: str, organisation: str | None) -> None:
    services = build_services(Settings())
    services.migrate()
    with services.uow_factory() as uow:
        known = uow.keys.organisation_ids()
        if not known:
            raise typer.BadParameter("no organisation yet: run `songforge serve` once first")
        target = organisation or known[0]
        if target not in known:
            raise typer.BadParameter(f"unknown organisation {target}")
        issued = issue_credential(uow, target, kind, name, services.clock.now())
        uow.commit()
    services.close()
    typer.echo(f"{issued.credential.id}  {issued.secret}")
    typer.echo("Store the secret now; it is not shown again.", err=True)


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="A name for the key")] = "cli",
    organisation: Annotated[str | None, typer.Option(help="Organisation id")] = None,
) -> None:
    """Create an inference key (sk-…)."""
    _issue(INFERENCE, name, organisation)


@tokens_app.command("create")
def tokens_create(
    name: Annotated[str, typer.Option(help="A name for the token")] = "cli",
    organisation: Annotated[str | None, typer.Option(help="Organisation id")] = None,
) -> None:
    """Create a management token (mt-…)."""
    _issue(MANAGEMENT, name, organisation)


@credits_app.command("add")
def credits_add(
    amount: Annotated[str, typer.Argument(help="USD amount, e.g. 25 or 9.99")],
    organisation: Annotated[str | None, typer.Option(help="Organisation id")] = None,
    note: Annotated[str, typer.Option(help="Note on the transaction")] = "manual recharge",
) -> None:
    """Recharge an organisation's balance."""
    value = _usd(amount)
    if value <= 0:
        raise typer.BadParameter("amount must be positive")
    services = build_services(Settings())
    services.migrate()
    with services.uow_factory() as uow:
        known = uow.keys.organisation_ids()
        target = organisation or (known[0] if known else None)
        if target is None or target not in known:
            raise typer.BadParameter("unknown organisation; start the server once first")
        transaction = uow.ledger.recharge(target, value, note, services.clock.now())
        balance = uow.ledger.balance(target)
        uow.commit()
    services.close()
    typer.echo(f"{transaction}  balance now ${balance.balance}")


client_commands.register(app)
demo_command.register(app)
webhooks_command.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
