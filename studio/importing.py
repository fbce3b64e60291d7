"""Bulk scheduling from a spreadsheet: a CSV file, one post per row, checked row by row before anything is queued
(`studio import` and File → Import posts…). docs/csv-import.md documents the columns.

`plan_import` reads and checks every row without side effects: each `PlannedRow` holds the post it would make, its
targets and schedule, and its problems with the file's line number. `queue_rows` then saves each good row as a
.studio file (so it can be opened and edited later) and queues it with the one queue (studio.publish.queue).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.post import OPTIONS, Variant, check_options
from studio.core.progress import Cancelled, Progress
from studio.logic import StudioError, attach_files, new_document
from studio.networks.registry import canonical
from studio.publish.accounts import AccountError, Accounts
from studio.publish.queue import Queue, QueueError, Schedule, design_hash
from studio.publish.schedule import Recurrence, ScheduleError, describe, parse_at, parse_every, zone
from studio.publishing import Target, build_jobs, parse_targets, problems_for
from studio.store.project_file import ProjectError, save

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
LIST_SEPARATOR = "|"  # several media files or alt texts in one cell
THREAD_SEPARATOR = "---"  # a line with only this between the parts of a thread
COLUMNS = ("text", "targets", "at", "zone", "slot", "every", "until", "count", "media", "alt", "title", "link",
           "template", "image", "format")
PER_TARGET = ("text", "hashtags", "first_comment", "thread", *OPTIONS)  # "text:mastodon", "visibility:mastodon"
_TRUE, _FALSE = ("yes", "true", "1", "y", "x", "ja"), ("no", "false", "0", "n", "", "nein")


class ImportFileError(Exception):
    """The file cannot be read as a whole (not a row's problem). `message` is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class PlannedRow:
    line: int  # the line of the file where the row starts (1 is the header)
    text: str = ""
    refs: list[str] = field(default_factory=list)  # the targets as written
    doc: object = None  # studio.core.document.Document
    targets: list[Target] = field(default_factory=list)
    schedule: Schedule | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and self.doc is not None

    def when(self) -> str:
        s = self.schedule
        if s is None:
            return ""
        first = "next free slot" if s.slot else ("now" if s.at is None else describe(s.at, s.zone))
        if s.recur is None:
            return first
        r = s.recur
        text = f"{first}, every {r.unit.rstrip('s')}" if r.every == 1 else f"{first}, every {r.every} {r.unit}"
        if r.count:
            text += f", {r.count} posts"
        if r.until:
            text += f" until {describe(r.until, s.zone)[:15]}"
        return text


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(header, [(line, row)]) from a CSV in UTF-8 (a BOM from Excel is fine), separated by commas, semicolons or
    tabs. Raises ImportFileError for a file that cannot be read as such."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(f"{path.name} is {size / 1e6:.0f} MB; an import file can be at most "
                               f"{MAX_BYTES // (1024 * 1024)} MB. Split it into several files.")
        raw = path.read_bytes()
    except OSError as e:
        raise ImportFileError(f"Could not read {path}: {e.strerror or e}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path.name} is not UTF-8 text. Save it as “CSV UTF-8” in your spreadsheet program and "
                           "import it again.") from None
    if not text.strip():
        raise ImportFileError(f"{path.name} is empty. Its first line names the columns: text, targets, at, …")
    first = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    reader.fieldnames = header
    _check_header(header)
    rows: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(f"{path.name} has more than {MAX_ROWS:,} rows. Split it into several files.")
            clean = {k: v or "" if _verbatim(k) else (v or "").strip() for k, v in row.items() if k is not None}
            if None in row:
                clean["__extra__"] = "x"
            rows.append((line, clean))
            line = reader.line_num + 1
    except csv.Error as e:
        raise ImportFileError(f"{path.name}, line {reader.line_num}: {e}.") from None
    return header, rows


def _verbatim(column: str) -> bool:
    """Texts keep their spaces and line breaks; every other cell is trimmed."""
    return column.partition(":")[0] in ("text", "thread", "first_comment", "hashtags")


def _check_header(header: list[str]) -> None:
    unknown = [h for h in header if h not in COLUMNS and not _per_target(h)]
    if unknown:
        raise ImportFileError(f"Line 1: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}. "
                           f"Columns: {', '.join(COLUMNS)}, and per target " +
                           ", ".join(f"{k}:TARGET" for k in PER_TARGET[:4]) + " (see docs/csv-import.md).")
    if "targets" not in header or not {"text", "media", "template"} & set(header):
        raise ImportFileError("Line 1 must name the columns, at least “text” (or “media”) and “targets”.")


def _per_target(name: str) -> tuple[str, str] | None:
    key, sep, target = name.partition(":")
    if not sep or key not in PER_TARGET or not target:
        return None
    try:
        return key, canonical(target)
    except ValueError:
        return None


def plan_import(path: Path, accounts: Accounts, *, default_zone: str, now: float) -> list[PlannedRow]:
    """Every row of the file, checked (see PlannedRow). Raises ImportFileError when the file as a whole is unusable."""
    path = Path(path)
    _, rows = read_rows(path)
    return [_plan(line, row, path.parent, accounts, default_zone, now) for line, row in rows if any(row.values())]


def _plan(line: int, row: dict[str, str], folder: Path, accounts: Accounts, default_zone: str,
          now: float) -> PlannedRow:
    out = PlannedRow(line, text=row.get("text", ""))
    if "__extra__" in row:
        out.errors.append("the row has more cells than the header has columns (a separator inside a text? put "
                          "such texts in double quotes)")
    try:
        out.doc = _document(row, folder)
    except (StudioError, ValueError) as e:
        out.errors.append(getattr(e, "message", None) or str(e))
    try:
        out.schedule = _schedule(row, default_zone, now)
    except ScheduleError as e:
        out.errors.append(e.message)
    refs = out.refs = row.get("targets", "").replace(",", " ").replace(LIST_SEPARATOR, " ").split()
    if not refs:
        out.errors.append("no targets: name the accounts in the “targets” column (see `studio accounts list`)")
    for ref in refs:
        try:
            out.targets += parse_targets([ref], accounts)
        except AccountError as e:
            out.errors.append(e.message)
    if out.doc is not None:
        for target in out.targets:
            for p in problems_for(out.doc, target):
                (out.errors if p.is_error else out.warnings).append(f"{target.account.id}: {p.message}")
    return out


def _document(row: dict[str, str], folder: Path):
    """The post of a row: a design from a template (or a blank canvas), the attached files, the variants."""
    image = _path(row["image"], folder) if row.get("image") else None
    doc = new_document(row.get("template") or None, row.get("format") or None, row.get("title") or None,
                       row.get("text", ""), image)
    alts = [a.strip() for a in row.get("alt", "").split(LIST_SEPARATOR)] if row.get("alt") else []
    files = [_path(p, folder) for p in row.get("media", "").split(LIST_SEPARATOR) if p.strip()]
    designed = bool(row.get("template") or row.get("image") or row.get("title"))
    if not designed and not files and not row.get("text", "").strip():
        raise StudioError("the row has no text, no media and no template: nothing to post")
    if len(alts) > len(files) + designed:
        raise StudioError(f"{len(alts)} alt texts for {len(files) + designed} image(s): give one per image, "
                          f"separated by {LIST_SEPARATOR}")
    if designed and alts:
        doc.post.media[0].alt = alts.pop(0)
    doc.post.media += attach_files(doc, files, alts)
    doc.post.link = row.get("link", "")
    doc.post.variants = _variants(row)
    return doc


def _path(text: str, folder: Path) -> Path:
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else folder / path


def _variants(row: dict[str, str]) -> dict[str, Variant]:
    variants: dict[str, Variant] = {}
    for name, value in row.items():
        found = _per_target(name)
        if found is None or value == "":
            continue
        key, target = found
        v = variants.setdefault(target, Variant())
        if key == "thread":
            v.thread = [p.strip() for p in value.replace("\r\n", "\n").split(f"\n{THREAD_SEPARATOR}\n") if p.strip()]
        elif key in ("text", "hashtags", "first_comment"):
            setattr(v, key, value)
        else:
            v.options[key] = _option(key, value)
            check_options(v.options, f"{name}")
    return variants


def _option(key: str, value: str):
    kind, _ = OPTIONS[key]
    if kind is bool:
        low = value.strip().lower()
        if low not in _TRUE + _FALSE:
            raise ValueError(f"{key}: write yes or no, not “{value}”")
        return low in _TRUE
    return value.strip()


def _schedule(row: dict[str, str], default_zone: str, now: float) -> Schedule:
    zone_name = row.get("zone") or default_zone
    zone(zone_name)
    slot = row.get("slot", "").lower() in _TRUE
    at = None
    if row.get("at"):
        at, zone_name = parse_at(row["at"], zone_name)
        if at < now - 60:
            raise ScheduleError(f"{describe(at, zone_name)} is in the past")
    count = None
    if row.get("count"):
        if not row["count"].isdigit():
            raise ScheduleError(f"count: “{row['count']}” is not a number of posts")
        count = int(row["count"])
    recur: Recurrence | None = parse_every(row.get("every") or None, row.get("until") or None, count, zone_name)
    return Schedule(at, zone_name, slot, recur)


def queue_rows(rows: list[PlannedRow], queue: Queue, folder: Path, name: str,
               progress: Progress | None = None) -> list[tuple[PlannedRow, list[int], str]]:
    """Save and queue the good rows, in order: (row, item ids, "") or (row, [], why it failed). Each row is saved
    as `folder`/NAME-line-N.studio first (the queue keeps the path to show later edits). A cancel stops before the
    next row; the rows left are returned as not queued."""
    done: list[tuple[PlannedRow, list[int], str]] = []
    good = [r for r in rows if r.ok]
    folder.mkdir(parents=True, exist_ok=True)
    for n, row in enumerate(good):
        if progress is not None:
            try:
                progress.report(n / max(1, len(good)), f"Queueing line {row.line}")
            except Cancelled:
                done += [(r, [], "Cancelled before it was queued.") for r in good[n:]]
                return done
        path = folder / f"{name}-line-{row.line}.studio"
        try:
            save(row.doc, path)
            jobs, blocked = build_jobs(row.doc, row.targets, queue.accounts)
            if blocked:
                raise QueueError(" ".join(b.message for b in blocked))
            ids = queue.add(jobs, schedule=row.schedule, source=path, design=design_hash(row.doc),
                            title=row.doc.post.title, summary=row.doc.post.text)
            done.append((row, ids, ""))
        except (ProjectError, QueueError, ScheduleError, StudioError) as e:
            done.append((row, [], e.message))
    return done
