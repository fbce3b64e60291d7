"""The .studio file: round trip, atomic save, every way loading can fail, schema migrations."""

from __future__ import annotations

import errno
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from store_helpers import PNG, make_doc

import studio
from studio.core.document import Document, asset_key
from studio.core.post import post_to_data
from studio.store import project_file
from studio.store.project_file import ProjectError, load, save


def write_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def post_json(post: dict[str, Any] | None = None, **top: Any) -> str:
    data = {"format": "content-studio", "schema": 1, "app_version": "0", "post": post or {}}
    data.update(top)
    return json.dumps(data)


def load_error(path: Path) -> str:
    with pytest.raises(ProjectError) as info:
        load(path)
    assert info.value.message == str(info.value)
    assert str(path) in info.value.message
    return info.value.message


# --- round trip -------------------------------------------------------------------------------

def test_round_trip(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / "post.studio"
    save(doc, path)
    loaded = load(path)
    assert post_to_data(loaded.post) == post_to_data(doc.post)
    assert loaded.assets == {k: doc.assets[k] for k in doc.post.assets()}  # the unused asset is not saved
    assert not loaded.dirty


def test_layout_on_disk(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / "post.studio"
    save(doc, path)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        top = json.loads(zf.read("post.json"))
        assert names[0] == "post.json"
        assert sorted(names[1:]) == sorted(f"assets/{k}" for k in doc.post.assets())
        assert zf.getinfo(f"assets/{asset_key(PNG)}").compress_type == zipfile.ZIP_STORED  # already compressed
    assert top == {"format": "content-studio", "schema": 1, "app_version": studio.__version__,
                   "post": post_to_data(doc.post)}


def test_save_does_not_mark_the_document_saved(tmp_path: Path, doc: Document) -> None:
    doc.revision = 3
    save(doc, tmp_path / "a.studio")
    assert doc.dirty  # the caller decides (an autosave copy is not "saved")


def test_overwrite_keeps_permissions_and_leaves_no_temp(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / "post.studio"
    save(doc, path)
    os.chmod(path, 0o640)
    doc.post.title = "Second"
    save(doc, path)
    assert load(path).post.title == "Second"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["post.studio"]


def test_save_through_symlink_keeps_the_link(tmp_path: Path, doc: Document) -> None:
    real = tmp_path / "real.studio"
    save(doc, real)
    link = tmp_path / "link.studio"
    link.symlink_to(real)
    doc.post.title = "Via link"
    save(doc, link)
    assert link.is_symlink() and load(real).post.title == "Via link"


def test_lone_surrogates_round_trip(tmp_path: Path, doc: Document) -> None:
    doc.post.text = "broken \ud800 pair"
    save(doc, tmp_path / "a.studio")
    assert load(tmp_path / "a.studio").post.text == "broken \ud800 pair"


# --- atomic save ------------------------------------------------------------------------------

class FillingDisk:
    """A file that takes `room` bytes, then fails like a full disk."""

    def __init__(self, f: Any, room: int) -> None:
        self.f, self.room = f, room

    def write(self, data: bytes) -> int:
        if self.f.tell() + len(data) > self.room:
            self.f.write(bytes(data)[: max(0, self.room - self.f.tell())])
            raise OSError(errno.ENOSPC, "No space left on device")
        return self.f.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.f, name)

    def __enter__(self) -> FillingDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.f.close()


def test_disk_full_midway_keeps_old_file(tmp_path: Path, doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "post.studio"
    save(doc, path)
    before = path.read_bytes()
    real_fdopen = os.fdopen
    temp_sizes: list[int] = []

    def fdopen(fd: int, mode: str) -> FillingDisk:
        temp_sizes.append(0)
        return FillingDisk(real_fdopen(fd, mode), room=len(before) // 2)

    monkeypatch.setattr(project_file.os, "fdopen", fdopen)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        temp_sizes[-1] = self.stat().st_size  # what reached the disk before the failure
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    doc.post.title = "Never written"
    with pytest.raises(ProjectError) as info:
        save(doc, path)
    assert temp_sizes == [len(before) // 2]  # the temp file was half written, then removed
    assert "disk is full" in info.value.message and "previous version is unchanged" in info.value.message
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["post.studio"]


def test_fsync_failure_keeps_old_file(tmp_path: Path, doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "post.studio"
    save(doc, path)
    before = path.read_bytes()

    def fail(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(project_file.os, "fsync", fail)
    with pytest.raises(ProjectError, match="Input/output error"):
        save(doc, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["post.studio"]


def test_read_only_folder(tmp_path: Path, doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def read_only(path: Any, flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(project_file.os, "open", read_only)
    with pytest.raises(ProjectError) as info:
        save(doc, tmp_path / "new.studio")
    assert "read-only" in info.value.message and "nothing was written" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_permission_denied_on_rename(tmp_path: Path, doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "post.studio"
    save(doc, path)
    before = path.read_bytes()

    def denied(src: Any, dst: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(project_file.os, "replace", denied)
    with pytest.raises(ProjectError, match="permission"):
        save(doc, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["post.studio"]


def test_parent_is_a_file(tmp_path: Path, doc: Document) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ProjectError, match="not a folder"):
        save(doc, tmp_path / "file" / "post.studio")


def test_missing_folder(tmp_path: Path, doc: Document) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        save(doc, tmp_path / "gone" / "post.studio")


def test_asset_missing_from_document_is_refused_before_writing(tmp_path: Path, doc: Document) -> None:
    doc.assets.clear()
    with pytest.raises(ProjectError, match="missing from the document"):
        save(doc, tmp_path / "a.studio")
    assert list(tmp_path.iterdir()) == []


def test_non_finite_number_is_refused(tmp_path: Path, doc: Document) -> None:
    doc.design().layers[0].x = float("nan")
    with pytest.raises(ProjectError, match="cannot be saved"):
        save(doc, tmp_path / "a.studio")
    assert list(tmp_path.iterdir()) == []


# --- load failures ----------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in load_error(tmp_path / "nope.studio")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.studio").write_bytes(b"")
    assert "empty (0 bytes)" in load_error(tmp_path / "a.studio")


def test_not_a_zip(tmp_path: Path) -> None:
    (tmp_path / "a.studio").write_text("hello, I am a text file")
    assert "not a Content Studio project" in load_error(tmp_path / "a.studio")


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "a.studio").mkdir()
    assert "folder" in load_error(tmp_path / "a.studio")


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated(tmp_path: Path, doc: Document, keep: float) -> None:
    path = tmp_path / "a.studio"
    save(doc, path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert "damaged or incomplete" in load_error(path)


def test_missing_post_json(tmp_path: Path) -> None:
    assert "has no post.json" in load_error(write_zip(tmp_path / "a.studio", {"other.txt": "x"}))


def test_invalid_json(tmp_path: Path) -> None:
    message = load_error(write_zip(tmp_path / "a.studio", {"post.json": '{"format": "content-studio",\n "schema": }'}))
    assert "not valid JSON" in message and "line 2" in message


@pytest.mark.parametrize("text", ['{"format": "content-studio", "schema": 1, "post": {"title": NaN}}',
                                  '{"format": "content-studio", "schema": 1, "post": {"title": 1e999}}',
                                  "[" * 100_000 + "]" * 100_000])
def test_hostile_json(tmp_path: Path, text: str) -> None:
    assert "not valid JSON" in load_error(write_zip(tmp_path / "a.studio", {"post.json": text}))


def test_not_an_object(tmp_path: Path) -> None:
    assert "JSON object" in load_error(write_zip(tmp_path / "a.studio", {"post.json": "[1, 2]"}))


def test_wrong_format(tmp_path: Path) -> None:
    message = load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(format="word-processor")}))
    assert "not a Content Studio project" in message and "word-processor" in message


def test_newer_schema(tmp_path: Path) -> None:
    message = load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(schema=7, app_version="9.0")}))
    assert "newer Content Studio 9.0 (schema 7)" in message and "Update the app" in message


@pytest.mark.parametrize("schema", ["1", None, True, -1, 1.5])
def test_invalid_schema(tmp_path: Path, schema: Any) -> None:
    assert '"schema"' in load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(schema=schema)}))


@pytest.mark.parametrize(("post", "field"), [
    ({"title": 5}, "post.title"),
    ({"media": [{"kind": "design", "design": {"width": 5}}]}, "post.media[0].design"),
    ({"media": [{"design": {"layers": [{"type": "text", "color": "red"}]}}]}, "post.media[0].design.layers[0].color"),
    ({"media": [{"design": {"layers": [{"type": "sticker"}]}}]}, "unknown layer type 'sticker'"),
    ({"media": [{"design": {"layers": [{"type": "text", "weight": 400.5}]}}]}, "weight"),
    ({"variants": {"x:post": {"text": 3}}}, "post.variants.x:post.text"),
])
def test_invalid_content_names_the_field(tmp_path: Path, post: dict[str, Any], field: str) -> None:
    message = load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(post)}))
    assert "content is invalid" in message and field in message


def test_missing_post_key(tmp_path: Path) -> None:
    data = json.dumps({"format": "content-studio", "schema": 1})
    assert "post: expected an object" in load_error(write_zip(tmp_path / "a.studio", {"post.json": data}))


def test_referenced_asset_missing(tmp_path: Path, doc: Document) -> None:
    key = asset_key(PNG)
    path = tmp_path / "a.studio"
    save(doc, path)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp_path / "b.studio", "w") as dst:
        for info in src.infolist():
            if info.filename != f"assets/{key}":
                dst.writestr(info, src.read(info))
    assert f"{key[:12]}… used by the post is missing" in load_error(tmp_path / "b.studio")


def test_asset_with_wrong_hash(tmp_path: Path) -> None:
    key = asset_key(PNG)
    post = {"media": [{"kind": "file", "asset": key}]}
    message = load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(post), f"assets/{key}": b"other"}))
    assert "corrupt" in message


def test_asset_with_bad_crc(tmp_path: Path, doc: Document) -> None:
    path = tmp_path / "a.studio"
    save(doc, path)
    data = bytearray(path.read_bytes())
    at = data.index(PNG[:64]) + 100  # inside the stored (uncompressed) image bytes
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    assert "corrupt" in load_error(path)


def test_asset_reference_that_is_not_a_hash(tmp_path: Path) -> None:
    post = {"media": [{"kind": "file", "asset": "../../etc/passwd"}]}
    assert "not a SHA-256" in load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(post)}))


@pytest.mark.parametrize("name", ["../evil", "/etc/passwd", "assets/../../x", "C:/x", "a\\..\\b"])
def test_path_traversal_names_are_refused(tmp_path: Path, name: str) -> None:
    path = write_zip(tmp_path / "a.studio", {"post.json": post_json(), name: b"x"})
    assert "unsafe entry name" in load_error(path)


def test_huge_post_json_is_refused(tmp_path: Path) -> None:
    big = post_json({"text": " " * (21 * 1024 * 1024)})  # compresses to a few kB
    path = write_zip(tmp_path / "a.studio", {"post.json": big})
    assert path.stat().st_size < 200_000
    assert "larger than 20 MB" in load_error(path)


def test_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(project_file, "MAX_TOTAL_BYTES", 1024 * 1024)
    path = write_zip(tmp_path / "a.studio", {"post.json": post_json(), "assets/x": bytes(2 * 1024 * 1024)})
    assert "unpacked" in load_error(path)


def test_unreferenced_members_are_ignored(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "a.studio", {"post.json": post_json({"title": "t"}), "assets/extra": b"x",
                                             "thumbnail.png": PNG})
    doc = load(path)
    assert doc.post.title == "t" and doc.assets == {}


def test_document_written_by_hand_with_defaults(tmp_path: Path) -> None:
    post = {"text": "hi", "media": [{"design": {"layers": [{"type": "text", "text": "Hello"}]}}]}
    doc = load(write_zip(tmp_path / "a.studio", {"post.json": post_json(post)}))
    layer = doc.design().layers[0]
    assert layer.text == "Hello" and layer.font_size == 64.0 and doc.design().width == 1080  # type: ignore[attr-defined]


# --- migrations -------------------------------------------------------------------------------

def test_schema_zero_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def zero_to_one(data: dict) -> dict:  # schema 0 called the post text "caption"
        data["post"]["text"] = data["post"].pop("caption")
        return data

    monkeypatch.setitem(project_file.MIGRATIONS, 0, zero_to_one)
    path = write_zip(tmp_path / "a.studio", {"post.json": post_json({"caption": "old"}, schema=0)})
    doc = load(path)
    assert doc.post.text == "old" and not doc.dirty
    save(doc, tmp_path / "b.studio")
    with zipfile.ZipFile(tmp_path / "b.studio") as zf:
        assert json.loads(zf.read("post.json"))["schema"] == 1


def test_migrations_chain_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def step(n: int) -> Any:
        def migrate(data: dict) -> dict:
            assert data["schema"] == n
            seen.append(n)
            data["post"]["title"] += str(n)
            return data
        return migrate

    monkeypatch.setattr(project_file, "SCHEMA", 3)
    monkeypatch.setattr(project_file, "MIGRATIONS", {0: step(0), 1: step(1), 2: step(2)})
    doc = load(write_zip(tmp_path / "a.studio", {"post.json": post_json({"title": "t"}, schema=0)}))
    assert seen == [0, 1, 2] and doc.post.title == "t012"
    assert load(write_zip(tmp_path / "b.studio", {"post.json": post_json({"title": "t"}, schema=2)})).post.title == "t2"


def test_missing_migration(tmp_path: Path) -> None:
    assert "too old" in load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(schema=0)}))


def test_failing_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(project_file.MIGRATIONS, 0, lambda data: data["post"]["no such key"])
    message = load_error(write_zip(tmp_path / "a.studio", {"post.json": post_json(schema=0)}))
    assert "could not be upgraded from schema 0 to 1" in message


def test_make_doc_is_valid() -> None:
    assert make_doc().post.assets() == {asset_key(PNG), asset_key(b"plain bytes that deflate well " * 100)}
