"""The publish tests use the local fakes in tests/servers."""

import sys
from pathlib import Path

SERVERS = str(Path(__file__).resolve().parents[1] / "servers")
if SERVERS not in sys.path:
    sys.path.insert(0, SERVERS)
