"""The `.studio` project file: a zip with `post.json` and the post's assets, content-addressed.

Layout (see docs/file-format.md):
    post.json              {"format": "content-studio", "schema": N, "app_version": "...", "post": {...}}
    assets/<sha256 hex>    the bytes of every image or file the post references

`save` writes atomically (temp file in the same folder, fsync, rename) so a failed save never damages the
previous version. `load` validates everything and turns every problem into a `ProjectError` whose message
says what is wrong and what to do. Older schemas are upgraded by `MIGRATIONS` on load.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import secrets
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import studio
from studio.core.document import Document, asset_key
from studio.core.post import post_from_data, post_to_data
from studio.store.durable import fsync_dir

FORMAT = "content-studio"
SCHEMA = 1  # the schema this app writes; files with a higher schema are refused
POST_JSON = "post.json"
ASSET_DIR = "assets/"

#: schema N -> N+1, applied in order on load to the whole post.json object (which they may modify in place).
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

MAX_POST_JSON_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEMBERS = 10_000

_KEY = re.compile(r"^[0-9a-f]{64}$")
# Data that is already compressed (JPEG, PNG, GIF, WebP, zip, gzip; MP4/MOV/HEIC have "ftyp" at 4) is stored.
_COMPRESSED_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"PK\x03\x04", b"\x1f\x8b")


class ProjectError(Exception):
    """A project file could not be saved or opened. `message` is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- save -------------------------------------------------------------------------------------

def save(doc: Document, path: Path) -> None:
    """Write `doc` to `path` atomically. Does not touch the document: the caller marks it saved.

    If `path` is a symbolic link, the file it points to is replaced and the link kept.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    existed = target.exists()
    payload = _post_json(doc, path)
    assets = _used_assets(doc, path)
    fd, tmp = _make_temp(target, path, existed)
    try:
        with os.fdopen(fd, "w+b") as f:
            _write_zip(f, payload, assets)
            f.flush()
            os.fsync(f.fileno())
        if existed:
            _copy_mode(target, tmp)
        os.replace(tmp, target)
    except OSError as e:
        _remove_quietly(tmp)
        raise ProjectError(_save_failure(path, e, existed)) from e
    except BaseException:
        _remove_quietly(tmp)
        raise
    fsync_dir(target.parent)


def _post_json(doc: Document, path: Path) -> bytes:
    data = {"format": FORMAT, "schema": SCHEMA, "app_version": studio.__version__, "post": post_to_data(doc.post)}
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=1)
    except (ValueError, TypeError) as e:  # NaN or infinity, or a value JSON cannot hold, in the model
        raise ProjectError(f'Could not save "{path}": the post contains a value that cannot be saved ({e}). '
                           "Nothing was written.") from e
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them, escaped, so the text round-trips
        return json.dumps(data, ensure_ascii=True, allow_nan=False, indent=1).encode("ascii")


def _used_assets(doc: Document, path: Path) -> dict[str, bytes]:
    assets: dict[str, bytes] = {}
    for key in sorted(doc.post.assets()):
        data = doc.assets.get(key)
        if data is None or asset_key(data) != key:
            raise ProjectError(f'Could not save "{path}": the image or file {key[:12]}… used by the post is '
                               "missing from the document. Replace it and save again. Nothing was written.")
        assets[key] = data
    return assets


def _make_temp(target: Path, path: Path, existed: bool) -> tuple[int, Path]:
    """A new file next to the target (same disk, so the rename is atomic), created with the umask's mode."""
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        except OSError as e:
            raise ProjectError(_save_failure(path, e, existed)) from e
        return fd, tmp
    raise ProjectError(f'Could not save "{path}": could not create a temporary file in its folder.')


def _write_zip(f: IO[bytes], payload: bytes, assets: dict[str, bytes]) -> None:
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        zf.writestr(POST_JSON, payload, compress_type=zipfile.ZIP_DEFLATED)
        for key, data in assets.items():
            packed = data.startswith(_COMPRESSED_MAGIC) or data[4:8] == b"ftyp"
            zf.writestr(ASSET_DIR + key, data, compress_type=zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED)


def _copy_mode(target: Path, tmp: Path) -> None:
    """Keep the permissions of the file being replaced."""
    try:
        os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
    except OSError:
        pass


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _save_failure(path: Path, e: OSError, existed: bool) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full. Free some space and save again",
        errno.EDQUOT: "your disk quota is used up. Free some space and save again",
        errno.EROFS: "the folder is on a read-only disk. Use Save As to choose another folder",
        errno.EACCES: "you do not have permission to write in that folder. Use Save As to choose another folder",
        errno.EPERM: "you do not have permission to write in that folder. Use Save As to choose another folder",
        errno.ENOENT: "the folder does not exist (any more). Use Save As to choose another folder",
        errno.ENOTDIR: "part of the path is a file, not a folder. Use Save As to choose another folder",
        errno.EISDIR: "a folder with that name is in the way. Use Save As to choose another name",
        errno.ENAMETOOLONG: "the file name is too long. Use Save As to choose a shorter name",
    }
    reason = reasons.get(e.errno or 0, f"{e.strerror or e}. Try again, or use Save As to choose another folder")
    tail = "your previous version is unchanged." if existed else "nothing was written."
    return f'Could not save "{path}": {reason}; {tail}'


# --- load -------------------------------------------------------------------------------------

def load(path: Path) -> Document:
    """Read and validate a `.studio` file. Raises ProjectError with a message for the user."""
    path = Path(path)
    where = f'Could not open "{path}"'
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ProjectError(f"{where}: the file does not exist. It may have been moved or deleted.") from None
    except OSError as e:
        raise ProjectError(f"{where}: {e.strerror or e}.") from e
    if path.is_dir():
        raise ProjectError(f"{where}: it is a folder, not a Content Studio file.")
    if size == 0:
        raise ProjectError(f"{where}: the file is empty (0 bytes); it was not saved completely. "
                           "Look for a recovered copy or a backup.")
    try:
        with zipfile.ZipFile(path) as zf:
            return _load_zip(zf, where)
    except ProjectError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise ProjectError(_not_a_zip(path, where, e)) from e
    except (RuntimeError, NotImplementedError) as e:  # encrypted entries, unknown compression methods
        raise ProjectError(f"{where}: it uses a zip feature Content Studio does not support ({e}).") from e
    except OSError as e:
        raise ProjectError(f"{where}: {e.strerror or e}. Check that the disk is connected and readable.") from e


def _not_a_zip(path: Path, where: str, e: Exception) -> str:
    try:
        with open(path, "rb") as f:
            looks_like_zip = f.read(4) == b"PK\x03\x04"
    except OSError:
        looks_like_zip = False
    if looks_like_zip:
        return (f"{where}: the file is damaged or incomplete (it may have been cut short while copying or "
                f"downloading: {e}). Look for a recovered copy or a backup.")
    return f"{where}: it is not a Content Studio project (not a zip archive)."


def _load_zip(zf: zipfile.ZipFile, where: str) -> Document:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ProjectError(f"{where}: the file holds {len(infos)} entries, far more than a post can use; "
                           "it is not a Content Studio project or it was made to cause harm.")
    total = 0
    for info in infos:
        if not _safe_name(info.filename):
            raise ProjectError(f"{where}: it contains an unsafe entry name {info.filename!r}; it was not made by "
                               "Content Studio and will not be opened.")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ProjectError(f"{where}: its contents would take {total / 2**30:.1f} GB unpacked, more than the "
                           f"{MAX_TOTAL_BYTES / 2**30:.0f} GB a project may hold.")
    names = {info.filename: info for info in infos}
    if POST_JSON not in names:
        raise ProjectError(f"{where}: it has no {POST_JSON}, so it is not a Content Studio project or it is "
                           "damaged. Look for a recovered copy or a backup.")
    if names[POST_JSON].file_size > MAX_POST_JSON_BYTES:
        raise ProjectError(f"{where}: its {POST_JSON} is larger than {MAX_POST_JSON_BYTES // 2**20} MB; a post "
                           "is never that big, so the file is damaged or was not made by Content Studio.")
    data = _parse_post_json(zf.read(POST_JSON), where)
    data = _migrate(data, where)
    try:
        post = post_from_data(data.get("post"))  # type: ignore[arg-type]
    except (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, RecursionError) as e:
        raise ProjectError(f"{where}: its content is invalid: {e}. If the file was written by a script, fix "
                           "that field; otherwise restore a backup.") from e
    assets: dict[str, bytes] = {}
    for key in sorted(post.assets()):
        if not _KEY.match(key):
            raise ProjectError(f"{where}: the post refers to an asset named {key!r}, which is not a SHA-256 "
                               "hex digest. If the file was written by a script, fix the reference.")
        name = ASSET_DIR + key
        if name not in names:
            raise ProjectError(f"{where}: the image or file {key[:12]}… used by the post is missing from the "
                               "project file. Look for a recovered copy or a backup.")
        try:
            blob = zf.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError) as e:
            raise ProjectError(f"{where}: the image or file {key[:12]}… is corrupt ({e}). "
                               "Look for a recovered copy or a backup.") from e
        if asset_key(blob) != key:
            raise ProjectError(f"{where}: the image or file {key[:12]}… is corrupt (its content does not match "
                               "its checksum). Look for a recovered copy or a backup.")
        assets[key] = blob
    doc = Document(post=post, assets=assets)
    doc.mark_saved()
    return doc


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or re.match(r"^[A-Za-z]:", name):
        return False
    return ".." not in name.split("/")


def _reject_constant(token: str) -> Any:
    raise ValueError(f"{token} is not allowed (numbers must be finite)")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise ValueError(f"number {token} is too large")
    return value


def _parse_post_json(raw: bytes, where: str) -> dict:
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except UnicodeDecodeError as e:
        raise ProjectError(f"{where}: its {POST_JSON} is not UTF-8 text ({e}).") from e
    except json.JSONDecodeError as e:
        raise ProjectError(f"{where}: its {POST_JSON} is not valid JSON (line {e.lineno}, column {e.colno}: "
                           f"{e.msg}). If the file was written by a script, fix the JSON.") from e
    except (ValueError, RecursionError) as e:
        raise ProjectError(f"{where}: its {POST_JSON} is not valid JSON ({e}).") from e
    if not isinstance(data, dict):
        raise ProjectError(f"{where}: its {POST_JSON} must hold a JSON object.")
    if data.get("format") != FORMAT:
        raise ProjectError(f"{where}: it is not a Content Studio project ({POST_JSON} has format "
                           f"{data.get('format')!r}, expected {FORMAT!r}).")
    return data


def _migrate(data: dict, where: str) -> dict:
    schema = data.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 0:
        raise ProjectError(f'{where}: its {POST_JSON} has an invalid "schema" {schema!r} (expected a whole '
                           "number).")
    if schema > SCHEMA:
        version = data.get("app_version")
        made_by = f" {version}" if isinstance(version, str) and version else ""
        raise ProjectError(f"{where}: it was made by a newer Content Studio{made_by} (schema {schema}); this "
                           f"version reads schema {SCHEMA} and older. Update the app to open it.")
    for n in range(schema, SCHEMA):
        step = MIGRATIONS.get(n)
        if step is None:
            raise ProjectError(f"{where}: its schema {schema} is too old for this version of Content Studio; "
                               "open and save it with an older version first.")
        try:
            data = step(data)
        except Exception as e:  # a migration meeting data it did not expect
            raise ProjectError(f"{where}: it could not be upgraded from schema {n} to {n + 1} ({e!r}). "
                               "The file may be damaged.") from e
        if not isinstance(data, dict):
            raise ProjectError(f"{where}: the upgrade from schema {n} to {n + 1} failed.")
        data["schema"] = n + 1
    return data
