"""Crash recovery: copies of a crashed process are offered, those of a live process are not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import ROOT, make_doc

from studio.core.document import Document
from studio.core.post import post_to_data
from studio.store import recovery
from studio.store.project_file import ProjectError
from studio.store.recovery import OWNER_FILE, RecoveryStore

CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
from store_helpers import make_doc
from studio.store.recovery import RecoveryStore
store = RecoveryStore(Path({folder!r}))
doc = make_doc()
doc.post.title = "from the child"
store.write("doc-1", doc, Path("/somewhere/original.studio"))
print("ready", flush=True)
sys.stdin.read()   # wait until the test lets go, then die without cleaning up, like a crash
"""


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(proc.stdout)


def start_child(folder: Path) -> subprocess.Popen[str]:
    code = CHILD.format(root=str(ROOT), tests=str(Path(__file__).parent), folder=str(folder))
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def crash(store: RecoveryStore, pid: int) -> None:
    """Make `store`'s session look like it belonged to process `pid` (which has exited)."""
    assert store._session is not None
    owner_file = store._session / OWNER_FILE
    owner = json.loads(owner_file.read_text())
    owner.update(pid=pid, start=None)
    owner_file.write_text(json.dumps(owner))
    store._session = None  # the process is gone: its store object with it


def test_live_session_is_not_offered(tmp_path: Path, doc: Document) -> None:
    live = RecoveryStore(tmp_path)
    live.write("doc-1", doc, None)
    assert RecoveryStore(tmp_path).pending() == []
    assert live.pending() == []


def test_crashed_session_is_offered_and_restored(tmp_path: Path, doc: Document) -> None:
    store = RecoveryStore(tmp_path)
    doc.post.title = "Unsaved work"
    store.write("doc-1", doc, tmp_path / "original.studio")
    crash(store, dead_pid())
    [entry] = RecoveryStore(tmp_path).pending()
    assert entry.doc_key == "doc-1" and entry.title == "Unsaved work"
    assert entry.original_path == tmp_path / "original.studio"
    assert abs(entry.saved_at - time.time()) < 60
    restored = RecoveryStore(tmp_path).restore(entry)
    assert post_to_data(restored.post) == post_to_data(doc.post)
    assert restored.assets == {k: doc.assets[k] for k in doc.post.assets()}
    assert restored.dirty  # recovered work is not in its file yet


def test_real_crash_of_another_process(tmp_path: Path) -> None:
    child = start_child(tmp_path)
    try:
        assert RecoveryStore(tmp_path).pending() == []  # the child is alive
    finally:
        child.kill()
        child.wait()
    [entry] = RecoveryStore(tmp_path).pending()
    assert entry.title == "from the child" and entry.original_path == Path("/somewhere/original.studio")
    assert RecoveryStore(tmp_path).restore(entry).post.title == "from the child"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_zombie_owner_counts_as_dead(tmp_path: Path) -> None:
    child = start_child(tmp_path)
    assert child.stdin is not None
    child.stdin.close()  # the child exits but is not reaped yet: a zombie
    deadline = time.time() + 10
    while Path(f"/proc/{child.pid}/stat").read_text().split(") ")[1][0] != "Z":
        assert time.time() < deadline
        time.sleep(0.01)
    try:
        assert len(RecoveryStore(tmp_path).pending()) == 1
    finally:
        child.wait()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_recycled_pid_does_not_keep_a_dead_session_alive(tmp_path: Path, doc: Document) -> None:
    store = RecoveryStore(tmp_path)
    store.write("doc-1", doc, None)
    assert store._session is not None
    owner_file = store._session / OWNER_FILE
    owner = json.loads(owner_file.read_text())
    owner["start"] = "1"  # our pid, but a process that started at another time
    owner_file.write_text(json.dumps(owner))
    store._session = None
    assert len(RecoveryStore(tmp_path).pending()) == 1


def test_clean_discard_leaves_nothing_to_recover(tmp_path: Path, doc: Document) -> None:
    store = RecoveryStore(tmp_path)
    store.write("doc-1", doc, None)
    store.write("doc-2", doc, None)
    store.discard("doc-1")
    store.discard("never-written")
    session = store._session
    assert session is not None and sorted(p.name for p in session.iterdir()) == ["doc-2.json", "doc-2.studio",
                                                                                  OWNER_FILE]
    store.discard("doc-2")
    crash(store, dead_pid())
    assert RecoveryStore(tmp_path).pending() == []
    assert not session.exists()  # the empty dead session was tidied away


def test_close_removes_the_session(tmp_path: Path, doc: Document) -> None:
    store = RecoveryStore(tmp_path)
    store.write("doc-1", doc, None)
    store.close()
    assert list(tmp_path.iterdir()) == []


def test_rewrite_replaces_the_copy(tmp_path: Path, doc: Document) -> None:
    store = RecoveryStore(tmp_path)
    store.write("doc-1", doc, None)
    doc.post.title = "later"
    store.write("doc-1", doc, None)
    crash(store, dead_pid())
    [entry] = RecoveryStore(tmp_path).pending()
    assert RecoveryStore(tmp_path).restore(entry).post.title == "later"


def test_entries_newest_first_and_discard_entry(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    for key, title in (("a", "first"), ("weird key/with:chars", "second")):
        doc = make_doc()
        doc.post.title = title
        store.write(key, doc, None)
        time.sleep(0.01)
    crash(store, dead_pid())
    finder = RecoveryStore(tmp_path)
    entries = finder.pending()
    assert [(e.doc_key, e.title) for e in entries] == [("weird key/with:chars", "second"), ("a", "first")]
    finder.discard_entry(entries[0])
    assert [e.title for e in finder.pending()] == ["first"]
    finder.discard_entry(entries[1])
    assert finder.pending() == [] and list(tmp_path.iterdir()) == []


def test_copy_without_sidecar_is_still_offered(tmp_path: Path, doc: Document) -> None:
    store = RecoveryStore(tmp_path)
    doc.post.title = "no sidecar"
    store.write("doc-1", doc, None)
    assert store._session is not None
    (store._session / "doc-1.json").unlink()  # the crash came between the copy and its sidecar
    crash(store, dead_pid())
    [entry] = RecoveryStore(tmp_path).pending()
    assert entry.doc_key == "doc-1" and entry.original_path is None and entry.saved_at > 0


def test_stale_by_age_where_pids_cannot_be_probed(tmp_path: Path, doc: Document,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = RecoveryStore(tmp_path)
    store.write("doc-1", doc, None)
    assert store._session is not None
    owner_file = store._session / OWNER_FILE
    owner = json.loads(owner_file.read_text())
    owner["host"] = "another-machine"
    owner_file.write_text(json.dumps(owner))
    store._session = None
    assert RecoveryStore(tmp_path).pending() == []  # touched just now: presumed alive
    old = time.time() - recovery.STALE_AFTER - 60
    os.utime(owner_file, (old, old))
    assert len(RecoveryStore(tmp_path).pending()) == 1


def test_missing_folder_has_nothing_pending(tmp_path: Path) -> None:
    assert RecoveryStore(tmp_path / "not-yet").pending() == []


def test_unwritable_folder_raises_project_error(tmp_path: Path, doc: Document) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ProjectError, match="recovery copy"):
        RecoveryStore(tmp_path / "file").write("doc-1", doc, None)
