"""Public file URLs: stable and unguessable by default, or expiring HMAC-signed ones."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from urllib.parse import quote

from songforge.domain.errors import FileAccessDenied

_ASSET_ID = re.compile(r"^[0-9a-f]{32}$")


def is_asset_id(value: str) -> bool:
    return bool(_ASSET_ID.match(value))


@dataclass(frozen=True)
class FileUrls:
    public_base_url: str
    secret: str
    signed: bool = False
    ttl_seconds: int = 3600

    def _signature(self, asset_id: str, expires: int) -> str:
        message = f"{asset_id}:{expires}".encode()
        return hmac.new(self.secret.encode(), message, hashlib.sha256).hexdigest()[:40]

    def url(self, asset_id: str, filename: str, now: float) -> str:
        base = f"{self.public_base_url.rstrip('/')}/v1/files/{asset_id}/{quote(filename)}"
        if not self.signed:
            return base
        expires = int(now) + self.ttl_seconds
        return f"{base}?expires={expires}&signature={self._signature(asset_id, expires)}"

    def check(self, asset_id: str, expires: str | None, signature: str | None, now: float) -> None:
        if not self.signed:
            return
        if expires is None or signature is None:
            raise FileAccessDenied("This file URL needs a signature.", param="signature")
        try:
            expires_at = int(expires)
        except ValueError:
            raise FileAccessDenied("Invalid file URL signature.", param="expires") from None
        if not hmac.compare_digest(self._signature(asset_id, expires_at), signature):
            raise FileAccessDenied("Invalid file URL signature.", param="signature")
        if expires_at < now:
            raise FileAccessDenied("This file URL has expired.", param="expires")

    def upload_url(self, file_id: str, expires: int) -> str:
        """A signed URL of a caller's upload, valid until `expires` (Unix seconds), for a
        backend that fetches audio by URL. Uploads have no unsigned URL."""
        base = f"{self.public_base_url.rstrip('/')}/v1/files/{file_id}/content"
        return f"{base}?expires={expires}&signature={self._signature(file_id, expires)}"

    def check_upload(
        self, file_id: str, expires: str | None, signature: str | None, now: float
    ) -> None:
        """Raises FileAccessDenied unless the upload URL's signature is valid and current."""
        if expires is None or signature is None:
            raise FileAccessDenied("This file URL needs a signature.", param="signature")
        try:
            expires_at = int(expires)
        except ValueError:
            raise FileAccessDenied("Invalid file URL signature.", param="expires") from None
        if not hmac.compare_digest(self._signature(file_id, expires_at), signature):
            raise FileAccessDenied("Invalid file URL signature.", param="signature")
        if expires_at < now:
            raise FileAccessDenied("This file URL has expired.", param="expires")
