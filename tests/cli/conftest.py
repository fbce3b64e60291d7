"""Fixtures for the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import make_jpeg

from studio.store.project_file import save


@pytest.fixture(scope="module")
def event_file(tmp_path_factory) -> Path:
    """A .studio made from the "event" template (1080x1920, sample photo and logo), shared by a module."""
    from studio.logic import new_document

    path = tmp_path_factory.mktemp("cli-post") / "event.studio"
    save(new_document("event", title="Grüße 🎸 مرحبا"), path)
    return path


@pytest.fixture
def photo(tmp_path) -> Path:
    """A JPEG whose EXIF says "rotate 90° clockwise" (orientation 6)."""
    path = tmp_path / "photo.jpg"
    make_jpeg(path, orientation=6)
    return path
