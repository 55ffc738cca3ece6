"""One suite for every BlobStore: in memory, local disk, and S3 over real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from songforge.ports import BlobStore, RemoteBlobStore
from songforge.storage.local import LocalBlobStore
from songforge.storage.memory import MemoryBlobStore
from songforge.storage.s3 import S3BlobStore, parse_s3_url


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _s3(endpoint: str) -> S3BlobStore:
    store = S3BlobStore(
        "songforge-test", "assets", endpoint_url=endpoint, access_key="test", secret_key="test"
    )
    store.ensure_bucket()
    return store


@pytest.fixture(params=["memory", "local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "memory":
        return MemoryBlobStore()
    if request.param == "local":
        return LocalBlobStore(tmp_path / "blobs")
    return _s3(request.getfixturevalue("s3_endpoint"))


def test_put_get_exists(store: BlobStore, tmp_path: Path) -> None:
    assert store.put_bytes("task/a.mp3", b"abc" * 1000, "audio/mpeg") == 3000
    assert store.get_bytes("task/a.mp3") == b"abc" * 1000
    source = tmp_path / "song.wav"
    source.write_bytes(b"RIFF" + bytes(500))
    assert store.put_file("task/b.wav", source, "audio/wav") == 504
    assert store.get_bytes("task/b.wav")[:4] == b"RIFF"
    assert store.exists("task/a.mp3")
    assert not store.exists("task/missing.mp3")


def test_overwrite_replaces(store: BlobStore) -> None:
    store.put_bytes("t/x.json", b"1", "application/json")
    store.put_bytes("t/x.json", b"22", "application/json")
    assert store.get_bytes("t/x.json") == b"22"


def test_s3_presigned_urls_serve_with_type(s3_endpoint: str) -> None:
    store = _s3(s3_endpoint)
    assert isinstance(store, RemoteBlobStore)
    store.put_bytes("t/song.mp3", b"ID3" + bytes(100), "audio/mpeg")
    url = store.presigned_url("t/song.mp3", "song.mp3", "audio/mpeg", 60)
    response = httpx.get(url)
    assert response.status_code == 200
    assert response.content[:3] == b"ID3"
    assert response.headers["content-type"] == "audio/mpeg"
    assert not isinstance(LocalBlobStore(Path("/tmp")), RemoteBlobStore)


def test_s3_url_parsing() -> None:
    assert parse_s3_url("s3://bucket/some/prefix/") == ("bucket", "some/prefix")
    assert parse_s3_url("s3://bucket") == ("bucket", "")
    with pytest.raises(ValueError, match="s3://"):
        parse_s3_url("http://bucket")


def test_api_serves_s3_assets(s3_endpoint: str, tmp_path: Path, monkeypatch: Any) -> None:
    from decimal import Decimal

    from fastapi.testclient import TestClient

    from songforge.api.app import create_app
    from songforge.db.migrate import upgrade
    from songforge.services.bootstrap import create_funded_organisation
    from songforge.settings import Settings
    from songforge.wiring import build_services
    from tests.conftest import bearer, run_pending

    _s3(s3_endpoint)  # the bucket exists
    for presigned in (True, False):
        settings = Settings(
            data_dir=tmp_path / str(presigned),
            provider_override="fake",
            workers=0,
            storage="s3://songforge-test/cluster",
            s3_endpoint_url=s3_endpoint,
            s3_access_key="test",
            s3_secret_key="test",
            s3_presigned=presigned,
            public_base_url="http://testserver",
        )
        services = build_services(settings)
        upgrade(services.engine)
        org = create_funded_organisation(services.uow_factory, services.clock, "s", Decimal(1))
        with TestClient(create_app(settings, services=services)) as client:
            task = client.post(
                "/v1/music/generations", json={"prompt": "x"}, headers=bearer(org.api_key)
            ).json()
            run_pending(services)
            done = client.get(task["poll_url"], headers=bearer(org.api_key)).json()
            response = client.get(done["audio_url"], follow_redirects=False)
            if presigned:
                assert response.status_code == 307
                fetched = httpx.get(response.headers["location"])
                assert fetched.content[:4] == b"RIFF"
            else:
                assert response.status_code == 200
                assert response.content[:4] == b"RIFF"
                part = client.get(done["audio_url"], headers={"Range": "bytes=0-3"})
                assert part.status_code == 206
                assert part.content == b"RIFF"
        services.close()


def test_delete_removes_and_tolerates_missing(store: BlobStore) -> None:
    store.put_bytes("t/gone.mp3", b"x" * 10, "audio/mpeg")
    store.put_bytes("t/kept.mp3", b"y" * 10, "audio/mpeg")
    store.delete("t/gone.mp3")
    assert not store.exists("t/gone.mp3")
    assert store.get_bytes("t/kept.mp3") == b"y" * 10
    store.delete("t/gone.mp3")  # a repeated sweep deletes what is already gone
