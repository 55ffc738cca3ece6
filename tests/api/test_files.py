"""Serving generated files: ranges for players, signatures, and nothing outside the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from songforge.api.app import create_app
from songforge.db.migrate import upgrade
from songforge.services.bootstrap import Bootstrapped
from songforge.settings import Settings
from songforge.storage.local import LocalBlobStore, UnsafeKey
from songforge.wiring import Services, build_services
from tests.conftest import bearer, run_pending

SONG = {"model": "suno_music", "prompt": "a song", "title": "Über Rain / Night"}


def _song(client: TestClient, org: Bootstrapped, services: Services) -> dict[str, Any]:
    task = client.post("/v1/music/generations", json=SONG, headers=bearer(org.api_key)).json()
    run_pending(services)
    return dict(client.get(task["poll_url"], headers=bearer(org.api_key)).json())


def test_file_headers_and_ranges(client: TestClient, org: Bootstrapped, services: Services) -> None:
    song = _song(client, org, services)
    url = song["audio_url"]
    tag = song["id"][-8:]
    assert unquote(url).endswith(f"/über-rain-night-{tag}.wav")
    whole = client.get(url)
    assert whole.status_code == 200
    assert whole.headers["content-type"] == "audio/wav"
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.headers["etag"].startswith('"')
    assert whole.headers["content-disposition"] == (
        f'inline; filename="uber-rain-night-{tag}.wav"; '
        f"filename*=UTF-8''%C3%BCber-rain-night-{tag}.wav"
    )
    data = whole.content
    part = client.get(url, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.content == data[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(data)}"
    tail = client.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206
    assert tail.content == data[-10:]
    beyond = client.get(url, headers={"Range": f"bytes={len(data) + 10}-"})
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == f"bytes */{len(data)}"
    error = beyond.json()["error"]
    assert error["code"] == "range_not_satisfiable"
    assert error["type"] == "invalid_request_error"
    assert error["request_id"]


def test_head_answers_like_get_without_a_body(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    url = _song(client, org, services)["audio_url"]
    whole = client.get(url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["content-length"]) == len(whole.content)
    for name in ("etag", "last-modified", "accept-ranges", "content-type", "content-disposition"):
        assert head.headers[name] == whole.headers[name], name
    ranged = client.head(url, headers={"Range": "bytes=0-9"})
    assert ranged.status_code == 206
    assert ranged.headers["content-length"] == "10"


def test_malformed_range_is_ignored(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    url = _song(client, org, services)["audio_url"]
    data = client.get(url).content
    for header in ("bytes=abc", "items=0-9", "bytes=9-2", "bytes", "bytes=-"):
        answer = client.get(url, headers={"Range": header})
        assert answer.status_code == 200, header
        assert answer.content == data, header


@pytest.mark.parametrize(
    ("title", "ascii_stem"),
    [
        ("星を数える", "xingoshueru"),  # no Latin letters: transliterated
        ("Ночной город", "nochnoy-gorod"),
        ("🎵🎶", "musical-note-notes"),
        ("...", ""),  # nothing to keep: the song's tag alone
        ('a/b\\c:"d"?', "a-b-c-d"),
    ],
)
def test_download_names_for_any_title(
    client: TestClient, org: Bootstrapped, services: Services, title: str, ascii_stem: str
) -> None:
    task = client.post(
        "/v1/music/generations", json={**SONG, "title": title}, headers=bearer(org.api_key)
    ).json()
    run_pending(services)
    song = client.get(task["poll_url"], headers=bearer(org.api_key)).json()
    tag = song["id"][-8:]
    disposition = client.get(song["audio_url"]).headers["content-disposition"]
    fallback = disposition.split('filename="', 1)[1].split('"', 1)[0]
    assert fallback == (f"{ascii_stem}-{tag}.wav" if ascii_stem else f"{tag}.wav")
    assert fallback.isascii()
    exact = unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert exact.endswith(f"{tag}.wav")
    assert "/" not in exact
    assert "\\" not in exact


def test_two_songs_with_one_title_download_under_different_names(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    first = _song(client, org, services)
    second = _song(client, org, services)
    names = {
        client.get(song["audio_url"]).headers["content-disposition"] for song in (first, second)
    }
    assert len(names) == 2


def test_unknown_or_malformed_asset_is_404(client: TestClient) -> None:
    expected = {
        "/v1/files/" + "0" * 32 + "/x.mp3": "file_not_found",  # well-formed, unknown
        "/v1/files/not-an-id": "file_not_found",
        # Encoded slashes split the path: no route has that shape.
        "/v1/files/..%2F..%2Fetc%2Fpasswd": "route_not_found",
        # The client folds the dots away, so this one never reaches the files route.
        "/v1/files/%2e%2e/%2e%2e/songforge.db": "route_not_found",
    }
    for path, code in expected.items():
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == code, path


def test_store_never_leaves_its_root(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path / "files")
    (tmp_path / "secret.txt").write_text("no")
    for key in ("../secret.txt", "/etc/passwd", "a/../../secret.txt", "a/./b", ""):
        with pytest.raises(UnsafeKey):
            store.get_bytes(key)
        assert store.exists(key) is False


@pytest.fixture
def signed_client(tmp_path: Path) -> Iterator[tuple[TestClient, Services]]:
    settings = Settings(
        data_dir=tmp_path / "signed",
        provider_override="fake",
        workers=0,
        public_base_url="http://testserver",
        signed_urls=True,
        signed_url_ttl_seconds=60,
        log_json=False,
    )
    services = build_services(settings)
    upgrade(services.engine)
    with TestClient(create_app(settings, services=services)) as test_client:
        yield test_client, services


def test_signed_urls(signed_client: tuple[TestClient, Services], tmp_path: Path) -> None:
    client, services = signed_client
    from decimal import Decimal

    from songforge.services.bootstrap import create_funded_organisation

    org = create_funded_organisation(services.uow_factory, services.clock, "s", Decimal(1))
    url = _song(client, org, services)["audio_url"]
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert client.get(url).status_code == 200
    bare = client.get(parts.path)
    assert bare.status_code == 403
    assert bare.json()["error"]["type"] == "permission_error"
    forged = (
        f"{parts.path}?expires={int(query['expires'][0]) + 1000}&signature={query['signature'][0]}"
    )
    assert client.get(forged).status_code == 403
    tampered = f"{parts.path}?expires={query['expires'][0]}&signature={'0' * 40}"
    assert client.get(tampered).status_code == 403
    expired_at = int(services.clock.now()) - 5
    signature = services.file_urls._signature(parts.path.split("/")[3], expired_at)
    expired = client.get(f"{parts.path}?expires={expired_at}&signature={signature}")
    assert expired.status_code == 403
    assert expired.json()["error"]["message"] == "This file URL has expired."


def test_conditional_get_answers_304_without_a_body(
    client: TestClient, org: Bootstrapped, services: Services
) -> None:
    url = _song(client, org, services)["audio_url"]
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    for headers in (
        {"If-None-Match": etag},
        {"If-None-Match": f'"other", W/{etag}'},
        {"If-None-Match": "*"},
        {"If-Modified-Since": modified},
    ):
        answer = client.get(url, headers=headers)
        assert answer.status_code == 304, headers
        assert answer.content == b"", headers
        assert answer.headers["etag"] == etag
    for headers in (
        {"If-None-Match": '"other"'},
        {"If-None-Match": '"other"', "If-Modified-Since": modified},  # ETag overrules
        {"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"If-Modified-Since": "not a date"},
    ):
        answer = client.get(url, headers=headers)
        assert answer.status_code == 200, headers
        assert answer.content == first.content, headers


def test_document_lists_the_file_route_answers(client: TestClient) -> None:
    responses = client.get("/openapi.json").json()["paths"]["/v1/files/{asset_id}/{filename}"][
        "get"
    ]["responses"]
    assert {"200", "206", "304", "403", "404", "416"} <= set(responses)
    assert "invalid_signature" in responses["403"]["description"]
    assert "model_not_allowed" not in responses["403"]["description"]
