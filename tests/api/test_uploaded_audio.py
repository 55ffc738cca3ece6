"""A caller's own audio: POST /v1/files, audio_url fetched safely, checked before any money."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpcore
import numpy as np
import pytest
import soundfile as sf
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.outbound.resolver import StaticResolver
from songforge.services.bootstrap import Bootstrapped, create_funded_organisation
from songforge.settings import Settings
from songforge.wiring import Services, build_services
from tests.conftest import bearer, run_pending

UPLOAD_LIMIT = 300_000
PUBLIC_ADDRESS = "93.184.216.34"  # a public address; connections to it go to a local server


def wav_bytes(seconds: float = 2.0, rate: int = 16_000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    buffer = io.BytesIO()
    sf.write(buffer, 0.3 * np.sin(2 * np.pi * 220 * t), rate, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@dataclass
class Site:
    """A local HTTP server that records every request it gets."""

    routes: dict[str, tuple[int, dict[str, str], bytes]]
    hits: list[str] = field(default_factory=list)
    port: int = 0

    def start(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits.append(self.path)
                status, headers, body = site.routes.get(self.path, (404, {}, b"no"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                return

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


@pytest.fixture
def sites() -> Iterator[Any]:
    servers: list[ThreadingHTTPServer] = []

    def make(routes: dict[str, tuple[int, dict[str, str], bytes]]) -> Site:
        site = Site(routes)
        servers.append(site.start())
        return site

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[Services, TestClient, Bootstrapped]]:
    settings = Settings(
        data_dir=tmp_path / "data",
        provider_override="fake",
        workers=0,
        public_base_url="http://testserver",
        log_json=False,
        log_level="warning",
        retry_backoff_seconds=0.0,
        upload_max_bytes=UPLOAD_LIMIT,
        # Plain http so that every refusal below comes from the address checks.
        audio_url_allow_http=True,
    )
    services = build_services(settings)
    upgrade(services.engine)
    with TestClient(create_app(settings, services=services), raise_server_exceptions=False) as c:
        org = create_funded_organisation(services.uow_factory, services.clock, "acme", Decimal(10))
        yield services, c, org
    services.close()


@pytest.fixture
def public_site(
    app: tuple[Services, TestClient, Bootstrapped], sites: Any, monkeypatch: pytest.MonkeyPatch
) -> Site:
    """cdn.example resolves to a public address; connections to it reach a local server."""
    services, _, _ = app
    site: Site = sites({})
    services.resolver = StaticResolver({"cdn.example": PUBLIC_ADDRESS})
    real_connect = httpcore.SyncBackend.connect_tcp

    def connect(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        if host == PUBLIC_ADDRESS:
            host, port = "127.0.0.1", site.port
        return real_connect(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect)
    return site


def _create(client: TestClient, org: Bootstrapped, **fields: Any) -> Any:
    body = {"model": "suno_music", "prompt": "a cover in a sunny mood", **fields}
    return client.post("/v1/music/generations", json=body, headers=bearer(org.api_key))


def _nothing_reserved(client: TestClient, org: Bootstrapped) -> None:
    balance = client.get("/v1/management/balance", headers=bearer(org.management_token)).json()
    assert balance["reserved_decimal"] == "0.0000"
    assert client.get("/v1/tasks", headers=bearer(org.api_key)).json()["data"] == []


def test_an_uploaded_file_is_checked_and_usable_as_audio_url(
    app: tuple[Services, TestClient, Bootstrapped],
) -> None:
    services, client, org = app
    response = client.post(
        "/v1/files",
        files={"file": ("take one.wav", wav_bytes(2.0), "audio/wav")},
        data={"purpose": "user_data"},
        headers=bearer(org.api_key),
    )
    assert response.status_code == 200, response.text
    uploaded = response.json()
    assert uploaded["id"].startswith("file_")
    assert (uploaded["object"], uploaded["purpose"]) == ("file", "user_data")
    assert uploaded["duration"] == pytest.approx(2.0, abs=0.01)
    assert uploaded["content_type"] == "audio/wav"

    created = _create(client, org, audio_url=uploaded["id"], audio_operation="upload-cover")
    assert created.status_code == 200, created.text
    assert run_pending(services) == 1
    done = client.get(created.json()["poll_url"], headers=bearer(org.api_key)).json()
    assert done["status"] == "completed"
    assert uploaded["id"] not in str(done["metadata"])

    # Another organisation cannot use the file.
    other = create_funded_organisation(services.uow_factory, services.clock, "other", Decimal(5))
    refused = _create(client, other, audio_url=uploaded["id"])
    assert refused.status_code == 400
    assert refused.json()["error"]["param"] == "audio_url"
    _nothing_reserved(client, other)


@pytest.mark.parametrize(
    ("payload", "status", "needle"),
    [
        (b"<html>not audio</html>", 400, "could not be decoded"),
        (b"\x00" * (UPLOAD_LIMIT + 10), 413, "larger than"),
    ],
)
def test_uploads_that_are_not_usable_audio_are_refused(
    app: tuple[Services, TestClient, Bootstrapped], payload: bytes, status: int, needle: str
) -> None:
    _, client, org = app
    response = client.post(
        "/v1/files", files={"file": ("x.wav", payload, "audio/wav")}, headers=bearer(org.api_key)
    )
    assert response.status_code == status
    error = response.json()["error"]
    assert error["param"] == "file"
    assert needle in error["message"]


def test_an_upload_with_too_many_parts_is_a_contract_error(
    app: tuple[Services, TestClient, Bootstrapped],
) -> None:
    _, client, org = app
    response = client.post(
        "/v1/files",
        files={"file": ("a.wav", wav_bytes(1.5), "audio/wav")},
        data={f"extra{n}": "x" for n in range(9)},
        headers=bearer(org.api_key),
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["param"]) == ("invalid_parameter", "file")
    assert "Too many fields" in error["message"]


def test_upload_extend_needs_continue_at_within_the_audio(
    app: tuple[Services, TestClient, Bootstrapped],
) -> None:
    _, client, org = app
    file_id = client.post(
        "/v1/files", files={"file": ("a.wav", wav_bytes(2.0))}, headers=bearer(org.api_key)
    ).json()["id"]
    missing = _create(client, org, audio_url=file_id, audio_operation="upload-extend")
    assert missing.json()["error"]["param"] == "continue_at"
    past_end = _create(
        client, org, audio_url=file_id, audio_operation="upload-extend", continue_at=5.0
    )
    assert past_end.status_code == 400
    assert past_end.json()["error"]["param"] == "continue_at"
    _nothing_reserved(client, org)


def test_a_public_audio_url_is_fetched_and_checked(
    app: tuple[Services, TestClient, Bootstrapped], public_site: Site
) -> None:
    services, client, org = app
    public_site.routes["/take.wav"] = (200, {"Content-Type": "audio/wav"}, wav_bytes(1.5))
    created = _create(client, org, audio_url="http://cdn.example/take.wav")
    assert created.status_code == 200, created.text
    assert public_site.hits == ["/take.wav"]
    assert run_pending(services) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{target}/a.wav",
        "http://[::1]:{target}/a.wav",
        "http://10.1.2.3/a.wav",
        "http://172.16.5.4/a.wav",
        "http://192.168.0.10/a.wav",
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.10.1/a.wav",
        "http://[fe80::1]/a.wav",
        "http://sneaky.example:{target}/a.wav",  # a DNS name resolving to loopback
        "file:///etc/passwd",
        "ftp://cdn.example/a.wav",
    ],
)
def test_audio_url_to_private_places_is_refused_before_anything(
    app: tuple[Services, TestClient, Bootstrapped], sites: Any, url: str
) -> None:
    services, client, org = app
    target = sites({"/a.wav": (200, {}, wav_bytes(1.5))})
    services.resolver = StaticResolver({"sneaky.example": "127.0.0.1"})
    response = _create(client, org, audio_url=url.format(target=target.port))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["code"], error["param"]) == ("invalid_parameter", "audio_url")
    assert target.hits == []
    _nothing_reserved(client, org)


@pytest.mark.parametrize(
    ("route", "needle"),
    [
        ((302, {"Location": "http://127.0.0.1:{target}/a.wav"}, b""), "loopback"),
        ((302, {"Location": "http://10.0.0.1/a.wav"}, b""), "private"),
        ((200, {"Content-Type": "audio/wav"}, b"\x01" * (UPLOAD_LIMIT + 1)), "larger than"),
        ((200, {"Content-Type": "text/html"}, b"<html>hello</html>"), "could not be decoded"),
        ((500, {}, b"oops"), "HTTP 500"),
    ],
)
def test_bad_answers_from_a_public_audio_url_are_refused(
    app: tuple[Services, TestClient, Bootstrapped],
    public_site: Site,
    sites: Any,
    route: tuple[int, dict[str, str], bytes],
    needle: str,
) -> None:
    _, client, org = app
    target = sites({"/a.wav": (200, {}, wav_bytes(1.5))})
    status, headers, body = route
    headers = {k: v.format(target=target.port) for k, v in headers.items()}
    public_site.routes["/song.wav"] = (status, headers, body)
    response = _create(client, org, audio_url="http://cdn.example/song.wav")
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["param"] == "audio_url"
    assert needle in error["message"]
    assert public_site.hits == ["/song.wav"]
    assert target.hits == []
    _nothing_reserved(client, org)


def test_plain_http_is_refused_unless_the_operator_allows_it(
    client: TestClient, org: Bootstrapped
) -> None:
    response = _create(client, org, audio_url="http://cdn.example/a.wav")
    error = response.json()["error"]
    assert (response.status_code, error["param"]) == (400, "audio_url")
    assert "https" in error["message"]


def test_a_backend_fetches_the_upload_by_its_signed_url_only(
    app: tuple[Services, TestClient, Bootstrapped],
) -> None:
    services, client, org = app
    audio = wav_bytes(1.5)
    file_id = client.post(
        "/v1/files", files={"file": ("a.wav", audio)}, headers=bearer(org.api_key)
    ).json()["id"]
    url = services.file_urls.upload_url(file_id, int(services.clock.now()) + 60)
    fetched = client.get(url)
    assert (fetched.status_code, fetched.content) == (200, audio)
    assert fetched.headers["content-type"] == "audio/wav"
    unsigned = client.get(f"/v1/files/{file_id}/content")
    assert unsigned.status_code == 403
    forged = client.get(url.replace("signature=", "signature=0"))
    assert forged.status_code == 403
    expired = services.file_urls.upload_url(file_id, int(services.clock.now()) - 1)
    assert client.get(expired).status_code == 403
