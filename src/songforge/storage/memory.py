"""An in-memory BlobStore: the port's fake, for tests."""

from __future__ import annotations

from pathlib import Path


class MemoryBlobStore:
    def __init__(self) -> None:
        self.blobs: dict[str, tuple[bytes, str]] = {}

    def put_bytes(self, key: str, data: bytes, content_type: str) -> int:
        self.blobs[key] = (bytes(data), content_type)
        return len(data)

    def put_file(self, key: str, source: Path, content_type: str) -> int:
        return self.put_bytes(key, source.read_bytes(), content_type)

    def get_bytes(self, key: str) -> bytes:
        return self.blobs[key][0]

    def local_path(self, key: str) -> Path | None:
        return None

    def delete(self, key: str) -> None:
        self.blobs.pop(key, None)

    def exists(self, key: str) -> bool:
        return key in self.blobs
