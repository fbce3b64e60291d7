"""An exclusive lock held by one process at a time: an OS file lock (flock on POSIX, msvcrt.locking on
Windows) on a small file next to the database. The OS releases it when the process ends, even by kill -9 or a
power cut, so a crashed holder never leaves a stale lock behind. The file holds the holder's process id, for the
message a second process shows.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

if os.name == "nt":
    import msvcrt
else:
    import fcntl

_WINDOWS_BYTE = 4096  # msvcrt locks a byte range: one past the process id, so others can still read it


class Locked(Exception):
    """Another process holds the lock. `message` is for the user."""

    def __init__(self, message: str, pid: int | None):
        super().__init__(message)
        self.message, self.pid = message, pid


class FileLock:
    def __init__(self, path: Path, what: str = "this library"):
        self.path, self.what = Path(path), what
        self._fd: int | None = None

    def acquire(self, *, wait: float = 0.0, poll: float = 0.2) -> None:
        """Take the lock, waiting up to `wait` seconds for another holder to let go; raises Locked."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            if _try_lock(fd):
                break
            if time.monotonic() >= deadline:
                pid = _holder(fd)
                os.close(fd)
                who = f" (process {pid})" if pid else ""
                raise Locked(f"Another queue runner{who} is already publishing from {self.what}. Only one may run "
                             "at a time: stop it, or wait for it to finish.", pid)
            time.sleep(poll)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode())
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if os.name == "nt":
                os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            else:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        if self._fd is None:
            self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
