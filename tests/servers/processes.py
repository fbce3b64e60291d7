"""Stopping the servers the tests start."""

from __future__ import annotations

import subprocess


def stop(proc: subprocess.Popen | None, grace: float = 5.0) -> None:
    """Ask a server to stop (SIGTERM), and kill it if it has not stopped after `grace` seconds."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(grace)
