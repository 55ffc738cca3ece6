"""Songs rendered once per test session and shared by the measuring tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from songforge.engine.pipeline import Engine, SongOutput, SongRequest


@dataclass
class Rendered:
    request: SongRequest
    output: SongOutput
    stages: list[tuple[str, int]]

    def file(self, kind: str) -> Path:
        return self.output.files[kind][0]

    def score(self) -> dict[str, Any]:
        return dict(json.loads(self.file("score").read_text()))


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def render(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Any:
    cache: dict[SongRequest, Rendered] = {}

    def make(request: SongRequest) -> Rendered:
        if request not in cache:
            workdir = tmp_path_factory.mktemp("song")
            stages: list[tuple[str, int]] = []
            output = engine.make_song(request, workdir, lambda s, p: stages.append((s, p)))
            cache[request] = Rendered(request, output, stages)
        return cache[request]

    return make
