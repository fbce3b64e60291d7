"""Where the studio keeps its data: the library, recovery files, settings. Overridable with
CONTENT_STUDIO_HOME (tests, portable installs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    override = os.environ.get("CONTENT_STUDIO_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir("content-studio", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def documents_dir() -> Path:
    """Default folder for new .studio files."""
    override = os.environ.get("CONTENT_STUDIO_HOME")
    if override:
        return Path(override) / "Posts"
    return Path(platformdirs.user_documents_dir()) / "Content Studio"
