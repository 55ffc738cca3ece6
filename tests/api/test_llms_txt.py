"""/llms.txt gives agents an overview that matches what this installation serves."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_llms_txt_names_every_documented_route_and_served_model(client: TestClient) -> None:
    response = client.get("/llms.txt")  # no key: agents read it before they have one
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert text.startswith("# songforge\n\n> ")
    document = client.get("/openapi.json").json()
    for path, item in document["paths"].items():
        for method in item:
            assert f"`{method.upper()} {path}`" in text, (method, path)
    listed = [m["id"] for m in client.get("/v1/models").json()["data"]]
    mentioned = re.findall(r"^- `([a-z0-9_.-]+)`: ", text, flags=re.M)
    assert mentioned == listed
    assert "http://testserver/v1/music/generations" in text
    assert "Bearer sk-" in text
