"""`songforge webhooks listen`: a local receiver that verifies and prints webhook events."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Annotated

import typer
from rich.console import Console

from songforge.client.webhooks import WebhookVerificationError, verify

console = Console(highlight=False)

webhooks_app = typer.Typer(help="Webhooks: receive and check them locally.", no_args_is_help=True)

MAX_BODY = 1024 * 1024


def _handler(secret: str, show_body: bool) -> type[BaseHTTPRequestHandler]:
    class Receiver(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_BODY:
                self._answer(413, "body too large")
                return
            body = self.rfile.read(length)
            headers = {k: v for k, v in self.headers.items()}
            try:
                event = verify(body, headers, secret)
            except WebhookVerificationError as exc:
                console.print(f"[red]rejected[/red] {self.path}  {exc.code}: {exc.message}")
                self._answer(400, exc.message)
                return
            task = event.task
            console.print(
                f"[green]{event.type}[/green]  {event.id}  task {task.id}  "
                f"{task.status} {task.stage} {task.progress}%"
                + (f"  {task.audio_url}" if task.audio_url else "")
            )
            if show_body:
                console.print_json(json.dumps(event.data))
            self._answer(204, "")

        def _answer(self, status: int, text: str) -> None:
            payload = text.encode()
            self.send_response(status)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Receiver


@webhooks_app.command()
def listen(
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8787,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    secret: Annotated[
        str,
        typer.Option(
            envvar="SONGFORGE_WEBHOOK_SECRET",
            help="The whsec_ signing secret (endpoint secret, or the callback secret)",
        ),
    ] = "",
    body: Annotated[bool, typer.Option(help="Print each event's task object")] = False,
) -> None:
    """Receive webhooks on http://HOST:PORT/, verify each signature and print the event.
    Genuine events get 204; forged, stale or unsigned ones get 400 and are shown as rejected.
    For local development: point a callback_url at it (with SONGFORGE_WEBHOOK_ALLOW_PRIVATE
    and SONGFORGE_WEBHOOK_ALLOW_HTTP set on the server)."""
    if not secret.startswith("whsec_"):
        raise typer.BadParameter(
            "give the whsec_ signing secret (--secret or SONGFORGE_WEBHOOK_SECRET)"
        )
    server = ThreadingHTTPServer((host, port), _handler(secret, body))
    server.daemon_threads = True
    console.print(f"listening on http://{host}:{server.server_address[1]}/  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    app.add_typer(webhooks_app, name="webhooks")
