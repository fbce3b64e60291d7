"""`studio import posts.csv`: one line per row (errors with their line), the good rows queued, exit 1 if any is bad."""

from __future__ import annotations

from cli_helpers import run

from studio.core.account import Account
from studio.store.library import Library
from studio.store.paths import data_dir


def accounts() -> None:
    library = Library.open(data_dir())
    library.save_account(Account(id="bluesky-band.test", network="bluesky", handle="band.test",
                                 server="http://127.0.0.1:9", info={"did": "did:plc:band"}))
    library.close()


def test_check_then_import(capsys, tmp_path):
    accounts()
    path = tmp_path / "week.csv"
    path.write_text("text,targets,at,zone\n"
                    "Monday post,band.test,2031-03-03T09:00,Europe/Berlin\n"
                    "Too late,band.test,2001-03-03T09:00,Europe/Berlin\n", encoding="utf-8")
    checked = run(capsys, "import", path, "--check")
    assert checked.code == 1
    assert checked.out.splitlines()[0] == ("line 2: ok → bluesky-band.test · Mon 03 Mar 2031 09:00 CET "
                                           "(Europe/Berlin)")
    assert "line 3: error" in checked.out and "is in the past" in checked.out
    assert "1 of 2 row(s) can be queued" in checked.out
    listed = run(capsys, "queue", "list", "--json")
    assert listed.out.strip() == "[]"  # --check queued nothing

    imported = run(capsys, "import", path)
    assert imported.code == 1 and "line 2: queued as item 1 → bluesky-band.test" in imported.out
    assert "1 of 2 row(s) queued; fix the 1 with errors" in imported.out
    assert (tmp_path / "week" / "week-line-2.studio").exists()
    assert '"account": "bluesky-band.test"' in run(capsys, "queue", "list", "--json").out


def test_an_unreadable_file_is_one_error_line(capsys, tmp_path):
    result = run(capsys, "import", tmp_path / "nope.csv")
    assert result.code == 1 and result.err.startswith("error: Could not read") and result.out == ""
