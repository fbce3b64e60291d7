"""Fixtures for the store tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `pytest` run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from store_helpers import make_doc  # noqa: E402

from studio.core.document import Document  # noqa: E402


@pytest.fixture
def doc() -> Document:
    return make_doc()
