"""The library database: settings, recent files, brand kit, migrations and damaged or locked files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import PNG

from studio.core.account import Account
from studio.store import library
from studio.store.library import DB_NAME, BrandKit, Library, LibraryError


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    with Library.open(tmp_path / "data") as opened:
        yield opened


def test_creates_database_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    with Library.open(tmp_path / "new" / "folder") as lib:
        assert lib.path == tmp_path / "new" / "folder" / DB_NAME
        assert lib._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib._conn.execute("PRAGMA user_version").fetchone()[0] == library.SCHEMA_VERSION


def test_settings(tmp_path: Path, lib: Library) -> None:
    assert lib.get_setting("theme") is None
    assert lib.get_setting("theme", "dark") == "dark"
    lib.set_setting("theme", "light")
    lib.set_setting("export", {"quality": 90, "formats": ["jpeg", "png"], "ünïcode": "✓"})
    lib.set_setting("theme", "system")
    assert lib.get_setting("theme", "dark") == "system"
    lib.close()
    with Library.open(tmp_path / "data") as again:
        assert again.get_setting("export") == {"quality": 90, "formats": ["jpeg", "png"], "ünïcode": "✓"}
        again.delete_setting("theme")
        assert again.get_setting("theme", "dark") == "dark"


def test_setting_that_is_not_json(lib: Library) -> None:
    with pytest.raises(ValueError, match="setting 'x'"):
        lib.set_setting("x", object())
    with pytest.raises(ValueError):
        lib.set_setting("x", float("nan"))


def test_recent_files(tmp_path: Path, lib: Library) -> None:
    files = []
    for i in range(12):
        f = tmp_path / f"post{i}.studio"
        f.write_text("x")
        files.append(f)
        lib.add_recent(f)
    assert lib.recent_files() == files[::-1][:10]
    lib.add_recent(files[0])  # opened again: back on top, no duplicate
    assert lib.recent_files()[:2] == [files[0], files[11]]
    assert len(lib.recent_files()) == 10
    files[11].unlink()  # files that no longer exist are not listed
    assert files[11] not in lib.recent_files() and len(lib.recent_files()) == 10
    files[11].write_text("back")  # ...but come back with their disk
    assert lib.recent_files()[1] == files[11]
    lib.remove_recent(files[0])
    assert files[0] not in lib.recent_files()
    assert lib.recent_files(limit=3) == [files[11], files[10], files[9]]


def test_recent_files_keeps_a_bounded_history(tmp_path: Path, lib: Library) -> None:
    for i in range(library.RECENT_KEEP + 20):
        lib.add_recent(tmp_path / f"{i}.studio")
    assert lib._conn.execute("SELECT count(*) FROM recent_files").fetchone()[0] == library.RECENT_KEEP


def test_default_brand_kit(lib: Library) -> None:
    kit = lib.get_brand_kit()
    assert kit.colors == ["#ff5a36", "#1d1b4c", "#ffd166", "#111111", "#ffffff"]
    assert (kit.heading_font, kit.body_font, kit.logo) == ("Bebas Neue", "Inter", None)


def test_brand_kit_round_trip(tmp_path: Path, lib: Library) -> None:
    kit = BrandKit(name="Café Ünïcorn", colors=["#112233", "#AABBCC"], heading_font="League Spartan",
                   body_font="Noto Sans", logo=PNG + b"\x00\xff")
    lib.set_brand_kit(kit)
    lib.close()
    with Library.open(tmp_path / "data") as again:
        got = again.get_brand_kit()
        assert got == BrandKit(name="Café Ünïcorn", colors=["#112233", "#aabbcc"], heading_font="League Spartan",
                               body_font="Noto Sans", logo=PNG + b"\x00\xff")
        got.logo = None
        again.set_brand_kit(got)
        assert again.get_brand_kit().logo is None


@pytest.mark.parametrize("kit", [BrandKit(colors=["#fff"]), BrandKit(colors=["#000000"] * 9),
                                 BrandKit(colors=["#ff000080"]), BrandKit(heading_font=" ")])
def test_invalid_brand_kit(lib: Library, kit: BrandKit) -> None:
    with pytest.raises(ValueError):
        lib.set_brand_kit(kit)
    assert lib.get_brand_kit() == BrandKit()


def test_corrupt_database_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    junk = b"this is not an SQLite database, just junk " * 200
    (folder / DB_NAME).write_bytes(junk)
    with pytest.raises(LibraryError) as info:
        Library.open(folder)
    assert "damaged" in info.value.message and str(folder / DB_NAME) in info.value.message
    assert info.value.message == str(info.value)
    assert (folder / DB_NAME).read_bytes() == junk
    assert sorted(p.name for p in folder.iterdir()) == [DB_NAME]


def test_move_aside_then_start_fresh(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"junk" * 1000)
    (folder / f"{DB_NAME}-wal").write_bytes(b"wal")
    with pytest.raises(LibraryError):
        Library.open(folder)
    assert (folder / f"{DB_NAME}-wal").read_bytes() == b"wal"  # SQLite would delete it: it must not see the file
    moved = Library.move_aside(folder)
    assert moved.name.startswith(f"{DB_NAME}.broken-") and moved.read_bytes() == b"junk" * 1000
    assert (folder / f"{moved.name}-wal").read_bytes() == b"wal"
    with Library.open(folder) as lib:
        assert lib.get_brand_kit() == BrandKit()
    (folder / DB_NAME).unlink()
    (folder / DB_NAME).write_bytes(b"junk again" * 1000)
    assert Library.move_aside(folder) != moved  # a second breakage the same second gets its own name


def test_damaged_pages_surface_as_library_error(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Library.open(folder) as lib:
        for i in range(200):
            lib.set_setting(f"key{i}", "x" * 500)
        lib._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray((folder / DB_NAME).read_bytes())
    data[4096 * 2:4096 * 6] = b"\xff" * (4096 * 4)  # wreck some pages, keep the header
    (folder / DB_NAME).write_bytes(bytes(data))
    with pytest.raises(LibraryError, match="damaged"), Library.open(folder) as lib:
        for i in range(200):
            lib.get_setting(f"key{i}")


def test_locked_database(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    Library.open(folder).close()
    other = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with Library.open(folder, timeout=0.1) as lib:
            assert lib.get_setting("theme", "dark") == "dark"  # reading still works in WAL mode
            with pytest.raises(LibraryError, match="locked by another program"):
                lib.set_setting("theme", "light")
    finally:
        other.close()


def test_exclusively_locked_database_on_open(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    Library.open(folder).close()
    other = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("CREATE TABLE x (a)")
    try:
        with pytest.raises(LibraryError, match="locked"):
            Library.open(folder, timeout=0.1)
    finally:
        other.close()


def test_newer_library_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    Library.open(folder).close()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute(f"PRAGMA user_version = {library.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer Content Studio"):
        Library.open(folder)


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    Library.open(folder).close()
    monkeypatch.setattr(library, "_MIGRATIONS", [*library._MIGRATIONS, "CREATE TABLE queue (id INTEGER); BOGUS SQL"])
    monkeypatch.setattr(library, "SCHEMA_VERSION", len(library._MIGRATIONS))
    with pytest.raises(LibraryError):
        Library.open(folder)
    conn = sqlite3.connect(folder / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == library.SCHEMA_VERSION - 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'queue'").fetchone()[0] == 0
    conn.close()


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(LibraryError, match="cannot be created"):
        Library.open(tmp_path / "file" / "data")


def test_accounts_round_trip_in_the_order_added(lib: Library) -> None:
    alice = Account(id="bluesky-alice.test", network="bluesky", handle="alice.test", server="https://pds.example",
                    info={"did": "did:plc:abc"})
    band = Account(id="mastodon-band@example.social", network="mastodon", handle="@band@example.social",
                   limits={"max_characters": 1000})
    lib.save_account(alice)
    lib.save_account(band)
    alice.state, alice.state_message = "needs_reauth", "Connect it again."
    lib.save_account(alice)  # an update keeps its place
    assert [a.id for a in lib.accounts()] == [alice.id, band.id]
    assert lib.account(alice.id) == alice and lib.account(band.id).limits == {"max_characters": 1000}
    lib.delete_account(alice.id)
    assert [a.id for a in lib.accounts()] == [band.id] and lib.account(alice.id) is None


def test_a_library_from_before_accounts_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.executescript(library._MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')")
    conn.commit()
    conn.close()
    with Library.open(folder) as lib:
        assert lib.get_setting("theme") == "dark" and lib.accounts() == []
        lib.save_account(Account(id="discord-news", network="discord", handle="News"))
        assert lib.accounts()[0].handle == "News"


def test_a_damaged_account_row_asks_to_connect_again(lib: Library) -> None:
    lib._conn.execute("INSERT INTO accounts (id, network, data, position) VALUES ('x-1', 'bluesky', '{oops', 0)")
    (account,) = lib.accounts()
    assert account.state == "needs_reauth" and "damaged" in account.state_message


def test_the_library_can_be_used_from_a_worker_thread(lib: Library) -> None:
    """Publishing records an account's state from the task runner's threads while the UI reads."""
    import threading

    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                lib.save_account(Account(id=f"bluesky-{n}", network="bluesky", handle=f"h{n}", name=str(i)))
                lib.accounts()
        except Exception as e:  # collected for the assertion below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sorted(a.id for a in lib.accounts()) == [f"bluesky-{n}" for n in range(4)]
