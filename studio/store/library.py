"""The library: one SQLite database (WAL, foreign keys on) in the app's data folder.

It holds settings (key -> JSON value), the recent files, the brand kit, the connected accounts (their
non-secret part) and the publish queue (tables in queue_schema.py, rows through queue_store.QueueStore).
The schema is versioned with `PRAGMA user_version`: `_MIGRATIONS[n]` takes the database from
version n to n + 1, each in one transaction. Every SQLite failure surfaces as a `LibraryError` whose message is
meant for the user; a damaged database is never deleted or rewritten: `Library.move_aside` renames it, and only
when asked to.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from studio.core.account import STATES, Account
from studio.core.brand import BRAND_COLOR_RE, MAX_BRAND_COLORS, BrandKit
from studio.store.queue_schema import QUEUE_SCHEMA

DB_NAME = "library.db"
RECENT_MAX = 10  # how many recent files are listed
RECENT_KEEP = 50  # how many are remembered (files on a disconnected disk come back when it does)

_MIGRATIONS: list[str] = [
    # 0 -> 1
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE recent_files (path TEXT PRIMARY KEY, opened_at REAL NOT NULL);
    CREATE TABLE brand_kits (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        colors TEXT NOT NULL,          -- JSON list of '#rrggbb'
        heading_font TEXT NOT NULL,
        body_font TEXT NOT NULL,
        logo BLOB                      -- image bytes or NULL
    );
    """,
    # 1 -> 2: connected accounts, the non-secret part only (the secret is in the OS keyring, DESIGN.md §8)
    """
    CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        network TEXT NOT NULL,
        data TEXT NOT NULL,            -- JSON: handle, server, name, state, info, limits (never a secret)
        position INTEGER NOT NULL      -- the order the user sees
    );
    """,
    # 2 -> 3: the publish queue, its history, time slots and rate-budget usage (queue_schema.py)
    QUEUE_SCHEMA,
]
SCHEMA_VERSION = len(_MIGRATIONS)

_HEADER = b"SQLite format 3\x00"


class LibraryError(Exception):
    """The library database cannot be used. `message` is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def default_brand_kit() -> BrandKit:
    return BrandKit()


class Library:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()

    # --- opening ---

    @classmethod
    def open(cls, folder: Path, *, timeout: float = 5.0) -> Library:
        """Open (creating if needed) the library in `folder`. Raises LibraryError; never deletes anything."""
        folder = Path(folder)
        path = folder / DB_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise LibraryError(f'The library folder "{folder}" cannot be created: {e.strerror or e}.') from e
        _check_header(path)
        try:
            # one connection shared by the UI thread and the task runner's workers (publishing updates an
            # account's state): SQLite is built serialized, and `_guard` holds a lock so calls never interleave
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise _error(path, e) from e
        lib = cls(conn, path)
        try:
            with lib._guard():
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the header: "not a database"
                conn.execute("PRAGMA foreign_keys = ON")
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise sqlite3.OperationalError("database is locked")  # another connection holds it
                lib._migrate()
        except BaseException:
            conn.close()
            raise
        return lib

    @staticmethod
    def move_aside(folder: Path) -> Path:
        """Rename a damaged library (and its -wal/-shm files) to library.db.broken-<timestamp>, so a fresh one
        can be made. Only call this when the user has agreed. Returns the new name of the database file."""
        path = Path(folder) / DB_NAME
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{DB_NAME}.broken-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{DB_NAME}.broken-{stamp}-{n}")
        try:
            os.replace(path, target)
            for suffix in ("-wal", "-shm"):
                side = path.with_name(DB_NAME + suffix)
                if side.exists():
                    os.replace(side, target.with_name(target.name + suffix))
        except OSError as e:
            raise LibraryError(f'The damaged library "{path}" could not be moved aside: {e.strerror or e}.') from e
        return target

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- settings ---

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._guard():
            row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:  # edited by hand: behave as unset
            return default

    def set_setting(self, key: str, value: Any) -> None:
        try:
            text = json.dumps(value, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise ValueError(f"setting {key!r}: {e}") from e
        with self._guard():
            self._conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, text))

    def delete_setting(self, key: str) -> None:
        with self._guard():
            self._conn.execute("DELETE FROM settings WHERE key = ?", (key,))

    # --- recent files ---

    def add_recent(self, path: Path) -> None:
        """Put `path` at the top of the recent files."""
        name = os.path.abspath(path)
        with self._guard(), self._transaction():
            latest = self._conn.execute("SELECT max(opened_at) FROM recent_files").fetchone()[0] or 0.0
            opened_at = max(time.time(), latest + 1e-3)  # strictly newest, even with a coarse clock
            self._conn.execute("INSERT INTO recent_files (path, opened_at) VALUES (?, ?) "
                               "ON CONFLICT (path) DO UPDATE SET opened_at = excluded.opened_at", (name, opened_at))
            self._conn.execute("DELETE FROM recent_files WHERE path NOT IN "
                               "(SELECT path FROM recent_files ORDER BY opened_at DESC LIMIT ?)", (RECENT_KEEP,))

    def recent_files(self, limit: int = RECENT_MAX) -> list[Path]:
        """The most recently opened files that still exist, newest first."""
        with self._guard():
            rows = self._conn.execute("SELECT path FROM recent_files ORDER BY opened_at DESC").fetchall()
        found: list[Path] = []
        for (name,) in rows:
            if os.path.isfile(name):
                found.append(Path(name))
                if len(found) == limit:
                    break
        return found

    def remove_recent(self, path: Path) -> None:
        with self._guard():
            self._conn.execute("DELETE FROM recent_files WHERE path = ?", (os.path.abspath(path),))

    # --- brand kit ---

    def get_brand_kit(self) -> BrandKit:
        with self._guard():
            row = self._conn.execute("SELECT name, colors, heading_font, body_font, logo FROM brand_kits "
                                     "WHERE id = 1").fetchone()
        if row is None:
            return default_brand_kit()
        name, colors, heading, body, logo = row
        try:
            color_list = [c for c in json.loads(colors) if isinstance(c, str) and BRAND_COLOR_RE.match(c)]
        except (ValueError, TypeError):
            color_list = default_brand_kit().colors
        return BrandKit(name=name, colors=color_list[:MAX_BRAND_COLORS], heading_font=heading, body_font=body,
                        logo=bytes(logo) if logo is not None else None)

    def set_brand_kit(self, kit: BrandKit) -> None:
        """Save the brand kit (raises ValueError if it is not valid)."""
        kit.validate()
        colors = json.dumps([c.lower() for c in kit.colors])
        logo = sqlite3.Binary(bytes(kit.logo)) if kit.logo is not None else None
        with self._guard():
            self._conn.execute(
                "INSERT INTO brand_kits (id, name, colors, heading_font, body_font, logo) VALUES (1, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, colors = excluded.colors, "
                "heading_font = excluded.heading_font, body_font = excluded.body_font, logo = excluded.logo",
                (kit.name, colors, kit.heading_font, kit.body_font, logo))

    # --- accounts ---

    def accounts(self) -> list[Account]:
        with self._guard():
            rows = self._conn.execute("SELECT id, network, data FROM accounts ORDER BY position, id").fetchall()
        return [a for a in (_account(*row) for row in rows) if a is not None]

    def account(self, account_id: str) -> Account | None:
        with self._guard():
            row = self._conn.execute("SELECT id, network, data FROM accounts WHERE id = ?", (account_id,)).fetchone()
        return _account(*row) if row is not None else None

    def save_account(self, account: Account) -> None:
        """Insert or update; a new account goes to the end of the list."""
        data = json.dumps({"handle": account.handle, "server": account.server, "name": account.name,
                           "state": account.state, "state_message": account.state_message,
                           "checked_at": account.checked_at, "info": account.info, "limits": account.limits},
                          ensure_ascii=False)
        with self._guard(), self._transaction():
            position = self._conn.execute("SELECT coalesce(max(position), -1) + 1 FROM accounts").fetchone()[0]
            self._conn.execute("INSERT INTO accounts (id, network, data, position) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT (id) DO UPDATE SET network = excluded.network, data = excluded.data",
                               (account.id, account.network, data, position))

    def delete_account(self, account_id: str) -> None:
        with self._guard():
            self._conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))

    # --- internals ---

    def _migrate(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(f'The library "{self.path}" was made by a newer Content Studio (version {version}); '
                               "update the app to use it.")
        for n in range(version, SCHEMA_VERSION):
            try:  # one transaction per step: the schema change and the new version land together or not at all
                script = f"BEGIN IMMEDIATE;\n{_MIGRATIONS[n]};\nPRAGMA user_version = {n + 1};\nCOMMIT;"
                self._conn.executescript(script)
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def _guard(self) -> Iterator[None]:
        with self._lock:
            try:
                yield
            except sqlite3.Error as e:
                raise _error(self.path, e) from e


def _account(account_id: str, network: str, text: str) -> Account | None:
    """An account row; one damaged by hand is shown as needing to be connected again, not dropped."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return Account(id=account_id, network=network, handle=account_id, state="needs_reauth",
                       state_message="This account's details are damaged. Connect it again.")
    state = data.get("state") if data.get("state") in STATES else "connected"
    return Account(id=account_id, network=network, handle=str(data.get("handle") or account_id),
                   server=str(data.get("server") or ""), name=str(data.get("name") or ""), state=state,
                   state_message=str(data.get("state_message") or ""),
                   checked_at=float(data.get("checked_at") or 0.0),
                   info=data["info"] if isinstance(data.get("info"), dict) else {},
                   limits=data["limits"] if isinstance(data.get("limits"), dict) else {})


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite sees it: on close it would delete a -wal file beside it."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(_HEADER))
    except FileNotFoundError:
        return
    except OSError as e:
        raise LibraryError(f'The library at "{path}" cannot be read: {e.strerror or e}. Check that you may read '
                           "and write in that folder.") from e
    if head and head != _HEADER:
        raise _error(path, sqlite3.DatabaseError("file is not a database"))


def _error(path: Path, e: sqlite3.Error) -> LibraryError:
    text = str(e).lower()
    if "locked" in text or "busy" in text:
        return LibraryError(f'The library at "{path}" is locked by another program (perhaps another Content '
                            "Studio window or a backup tool). Close it and try again.")
    if "unable to open" in text or "readonly" in text or "read-only" in text or "permission" in text:
        return LibraryError(f'The library at "{path}" cannot be opened for writing ({e}). Check that the folder '
                            "exists and that you may write in it.")
    if "disk is full" in text or "database or disk is full" in text:
        return LibraryError(f'The library at "{path}" cannot be written: the disk is full. Free some space and '
                            "try again.")
    if isinstance(e, sqlite3.DatabaseError) and not isinstance(e, sqlite3.OperationalError | sqlite3.ProgrammingError):
        return LibraryError(f'The library at "{path}" is damaged ({e}). Content Studio has not changed it. You can '
                            "move it aside and start a new library; your project files are not affected.")
    return LibraryError(f'The library at "{path}" could not be used: {e}.')
