"""The same request and seed give the same bytes of every asset on any worker, whatever
that worker made before: each worker here is its own process, as in production."""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import multiprocessing
import tempfile
from pathlib import Path

import pytest

from songforge.engine.pipeline import Engine, SongRequest

REQUEST = SongRequest(
    prompt="a rock song about the open road",
    tags="rock",
    lyrics="[Verse]\nDriving all night on the open road\nSinging along to the radio",
    duration=16,
    seed=42,
)
OTHER = SongRequest(prompt="a calm jazz tune about the rain", tags="jazz", duration=12, seed=9)

pytestmark = pytest.mark.slow


def _worker(history: list[SongRequest], c_rand_draws: int) -> dict[str, str]:
    """A fresh worker process: draws from the C library's random generator (as any
    library in the process may), makes `history`, then REQUEST; digests of its files."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    for _ in range(c_rand_draws):
        libc.rand()
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        for index, earlier in enumerate(history):
            workdir = Path(tmp) / f"earlier{index}"
            workdir.mkdir()
            engine.make_song(earlier, workdir, lambda stage, percent: None)
        workdir = Path(tmp) / "song"
        workdir.mkdir()
        output = engine.make_song(REQUEST, workdir, lambda stage, percent: None)
        return {
            kind: hashlib.sha256(path.read_bytes()).hexdigest()
            for kind, (path, _) in output.files.items()
        }


def test_identical_requests_on_workers_with_different_histories_give_identical_files() -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        busy = pool.apply_async(_worker, ([OTHER], 7))
        fresh = pool.apply_async(_worker, ([], 0))
        busy_files, fresh_files = busy.get(timeout=600), fresh.get(timeout=600)
    assert {"audio", "video", "image", "master", "stem_vocals", "stem_instrumental"} <= set(
        busy_files
    )
    assert busy_files == fresh_files
