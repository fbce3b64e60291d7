"""Frozen media of the queue: files in the data folder named by the SHA-256 of their bytes (content-addressed, so
the same rendered image queued to five targets or fifty recurrences is stored once).

A file is written to a temporary name, flushed to disk and renamed, so a kill or a full disk never leaves a
half-written file under a real name. Reading checks the hash: a damaged file is reported, never sent.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from studio.store.durable import fsync_dir
from studio.store.library import LibraryError

FOLDER = "queue-media"


class MediaFiles:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store `data` (if it is not stored yet) and return its SHA-256 (hex)."""
        sha = hashlib.sha256(data).hexdigest()
        path = self.path(sha)
        if path.is_file() and path.stat().st_size == len(data):
            return sha
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".part-", dir=path.parent)
        except OSError as e:
            raise LibraryError(f'The queue\'s media folder "{self.folder}" cannot be written: {e.strerror or e}.'
                               ) from e
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as e:
            Path(tmp).unlink(missing_ok=True)
            full = " the disk is full. Free some space and queue it again" if e.errno == 28 else \
                f" {e.strerror or e}"
            raise LibraryError(f"A media file of the queued post could not be saved:{full}. Nothing was queued."
                               ) from e
        fsync_dir(path.parent)
        return sha

    def get(self, sha256: str) -> bytes:
        path = self.path(sha256)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise LibraryError(f'A frozen media file of this queue item is missing ("{path}"): '
                               f"{e.strerror or e}. Queue the post again.") from e
        if hashlib.sha256(data).hexdigest() != sha256:
            raise LibraryError(f'A frozen media file of this queue item is damaged ("{path}"); it was not sent. '
                               "Queue the post again.")
        return data
