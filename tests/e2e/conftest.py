"""One reference PDS for the whole end-to-end session (starting one takes 4 to 7 s)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "servers"))
from pds_server import local_pds


@pytest.fixture(scope="session")
def pds():
    with local_pds() as server:
        yield server
