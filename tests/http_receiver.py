"""A real HTTP server on 127.0.0.1 that records what it receives and answers as told."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Answer = tuple[int, dict[str, str], bytes]


@dataclass
class Receiver:
    port: int
    scheme: str = "http"
    requests: list[Received] = field(default_factory=list)
    # Called per request; the default answers 204.
    answer: Callable[[Received], Answer] = lambda _r: (204, {}, b"")
    server_names: list[str | None] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"


@contextmanager
def run_receiver(tls: ssl.SSLContext | None = None, port: int = 0) -> Iterator[Receiver]:
    """Serve on 127.0.0.1 (`port`, else an ephemeral one) until the block ends; TLS when given
    a context."""
    holder: list[Receiver] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _handle(self) -> None:
            receiver = holder[0]
            length = int(self.headers.get("content-length") or 0)
            got = Received(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                self.rfile.read(length),
            )
            with receiver.lock:
                receiver.requests.append(got)
            status, headers, body = receiver.answer(got)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _handle  # noqa: N815 (names http.server dispatches to)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    receiver = Receiver(port=server.server_address[1], scheme="https" if tls else "http")
    holder.append(receiver)
    if tls is not None:

        def remember_sni(_sock: ssl.SSLObject, name: str | None, _ctx: ssl.SSLContext) -> None:
            receiver.server_names.append(name)

        tls.sni_callback = remember_sni
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
