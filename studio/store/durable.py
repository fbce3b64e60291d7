"""Writes that survive a crash or power cut: after a file is renamed into place, its folder is synced too, so the
rename itself is on disk (POSIX; Windows has no folder handles to sync and commits renames itself)."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
