"""Blobs on local disk under one root; keys can never name a path outside it."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

_KEY = re.compile(r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?)*$")


class UnsafeKey(ValueError):
    pass


class LocalBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise UnsafeKey(key)
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root):
            raise UnsafeKey(key)
        return path

    def _atomic_write(self, key: str, write: Callable[[Path], object]) -> Path:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(path.name + ".part")
        write(draft)
        os.replace(draft, path)  # readers never see half a file
        return path

    def put_bytes(self, key: str, data: bytes, content_type: str) -> int:
        self._atomic_write(key, lambda draft: draft.write_bytes(data))
        return len(data)

    def put_file(self, key: str, source: Path, content_type: str) -> int:
        return self._atomic_write(key, lambda draft: shutil.copyfile(source, draft)).stat().st_size

    def get_bytes(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def local_path(self, key: str) -> Path | None:
        return self._path(key)

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def exists(self, key: str) -> bool:
        try:
            return self._path(key).is_file()
        except UnsafeKey:
            return False
