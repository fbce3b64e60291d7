"""Autosave and crash recovery.

Each running process keeps its recovery copies in its own session folder:

    <folder>/session-<pid>-<random>/
        owner.json           who owns the folder: pid, process start time, host (the lock)
        <name>.studio        the recovery copy of one open document (the .studio format, written atomically)
        <name>.json          sidecar: doc_key, original path, time saved, title

A session that ends cleanly calls `discard(doc_key)` for its documents and `close()`; anything left in a
session folder whose owner is no longer running is work a crash would otherwise have lost: `pending()`
offers it. The folders of a live instance are never offered.

Liveness: on POSIX the owner pid is probed with `os.kill(pid, 0)` and, where /proc exists, its start time is
compared so a recycled pid does not keep a dead session alive (a zombie counts as dead). Elsewhere, and
for folders written from another host, a session is stale when its owner file has not been touched for
`STALE_AFTER` seconds; `write()` and `heartbeat()` touch it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from studio.core.document import Document
from studio.store.project_file import ProjectError, load, save

OWNER_FILE = "owner.json"
STALE_AFTER = 10 * 60.0  # seconds; only used where the owner's pid cannot be probed
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class RecoveryEntry:
    doc_key: str
    path: Path  # the recovery copy (.studio)
    original_path: Path | None  # where the document was saved before, None for a never-saved document
    saved_at: float  # seconds since the epoch
    title: str


class RecoveryStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._session: Path | None = None

    # --- this process's documents ---

    def write(self, doc_key: str, doc: Document, original_path: Path | None) -> None:
        """Save a recovery copy of `doc`. Raises ProjectError (as `project_file.save` does) on failure."""
        try:
            session = self._ensure_session()
        except OSError as e:
            raise ProjectError(f'Could not keep a recovery copy in "{self.folder}": {e.strerror or e}.') from e
        name = _file_name(doc_key)
        save(doc, session / f"{name}.studio")
        sidecar = {
            "doc_key": doc_key,
            "original_path": str(original_path) if original_path is not None else None,
            "saved_at": time.time(),
            "title": doc.post.title,
        }
        try:
            _write_json(session / f"{name}.json", sidecar)
        except OSError as e:  # the copy itself is safe; pending() copes with a missing sidecar
            raise ProjectError(f'Could not finish the recovery copy in "{session}": {e.strerror or e}.') from e
        self.heartbeat()

    def discard(self, doc_key: str) -> None:
        """Forget this process's recovery copy of a document (it was saved or closed on purpose)."""
        if self._session is None:
            return
        name = _file_name(doc_key)
        for suffix in (".studio", ".json"):
            _unlink(self._session / f"{name}{suffix}")

    def heartbeat(self) -> None:
        """Mark this session as alive (matters where the owner pid cannot be probed)."""
        if self._session is not None:
            try:
                os.utime(self._session / OWNER_FILE)
            except OSError:
                pass

    def close(self) -> None:
        """Clean shutdown: remove this session's folder and everything in it."""
        if self._session is not None:
            shutil.rmtree(self._session, ignore_errors=True)
            self._session = None

    # --- what earlier runs left behind ---

    def pending(self) -> list[RecoveryEntry]:
        """Recovery copies left by processes that are no longer running, newest first.

        Dead sessions with nothing left in them are removed on the way."""
        entries: list[RecoveryEntry] = []
        try:
            sessions = [p for p in self.folder.iterdir() if p.is_dir() and p.name.startswith("session-")]
        except OSError:
            return []
        for session in sessions:
            if session == self._session or _owner_alive(session):
                continue
            found = [_entry(p) for p in sorted(session.glob("*.studio")) if not p.name.startswith(".")]
            if not found:
                shutil.rmtree(session, ignore_errors=True)
            entries.extend(found)
        entries.sort(key=lambda e: e.saved_at, reverse=True)
        return entries

    def restore(self, entry: RecoveryEntry) -> Document:
        """Open a recovery copy. The document comes back with unsaved changes (it is not in its file yet).

        The copy stays on disk until `discard_entry` (call it once the restored work is safe elsewhere)."""
        doc = load(entry.path)
        doc.mark_unsaved()  # dirty: the recovered work is not saved to its file
        return doc

    def discard_entry(self, entry: RecoveryEntry) -> None:
        """Delete a recovery copy left by an earlier run (restored and saved, or declined by the user)."""
        session = entry.path.parent
        _unlink(entry.path)
        _unlink(entry.path.with_suffix(".json"))
        if not any(session.glob("*.studio")) and not _owner_alive(session):
            shutil.rmtree(session, ignore_errors=True)

    # --- internals ---

    def _ensure_session(self) -> Path:
        if self._session is None:
            # Built under a name pending() ignores, then renamed: a session folder never lacks its owner file.
            name = f"session-{os.getpid()}-{secrets.token_hex(4)}"
            building = self.folder / f".{name}"
            building.mkdir(parents=True)
            owner = {"pid": os.getpid(), "start": _start_time(os.getpid()), "host": socket.gethostname(),
                     "started_at": time.time()}
            try:
                _write_json(building / OWNER_FILE, owner)
                os.replace(building, self.folder / name)
            except BaseException:
                shutil.rmtree(building, ignore_errors=True)
                raise
            self._session = self.folder / name
        return self._session


def _file_name(doc_key: str) -> str:
    if _SAFE_KEY.match(doc_key):
        return doc_key
    return "k" + hashlib.sha256(doc_key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _entry(path: Path) -> RecoveryEntry:
    try:
        meta = json.loads(path.with_suffix(".json").read_text("utf-8"))
        if not isinstance(meta, dict):
            meta = {}
    except (OSError, ValueError):  # the crash came between the copy and its sidecar
        meta = {}
    original = meta.get("original_path")
    saved_at = meta.get("saved_at")
    if not isinstance(saved_at, (int, float)):
        try:
            saved_at = path.stat().st_mtime
        except OSError:
            saved_at = 0.0
    return RecoveryEntry(
        doc_key=str(meta.get("doc_key", path.stem)),
        path=path,
        original_path=Path(original) if isinstance(original, str) and original else None,
        saved_at=float(saved_at),
        title=str(meta.get("title", "")),
    )


def _owner_alive(session: Path) -> bool:
    owner_file = session / OWNER_FILE
    try:
        owner = json.loads(owner_file.read_text("utf-8"))
        age = time.time() - owner_file.stat().st_mtime
    except (OSError, ValueError):
        return False  # no readable lock: nobody owns the folder
    if not isinstance(owner, dict):
        return False
    pid, start = owner.get("pid"), owner.get("start")
    if os.name == "posix" and owner.get("host") == socket.gethostname() and isinstance(pid, int) and pid > 0:
        return _pid_alive(pid, start if isinstance(start, str) else None)
    return age < STALE_AFTER


def _pid_alive(pid: int, start: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists but belongs to someone else
    except OSError:
        return False
    stat = _proc_stat(pid)
    if stat is None:
        return True  # no /proc: trust the probe
    state, now_start = stat
    if state in ("Z", "X"):
        return False
    return start is None or start == now_start


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) from /proc/<pid>/stat, or None without /proc."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # the command name may hold spaces and parentheses
    return fields[0], fields[19]


def _start_time(pid: int) -> str | None:
    stat = _proc_stat(pid)
    return stat[1] if stat else None


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
