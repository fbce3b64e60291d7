"""`studio import posts.csv`: check every row of a spreadsheet, print a line per row, and queue the good ones."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="schedule posts from a CSV file, one post per row (docs/csv-import.md)")
    p.add_argument("file", type=Path)
    p.add_argument("--zone", help="the time zone of times without one (default: this computer's)")
    p.add_argument("--check", action="store_true", help="only check the rows; queue nothing")
    p.add_argument("--into", type=Path, metavar="FOLDER",
                   help="where each row's post is saved as a .studio file (default: next to the CSV, in a "
                        "folder named after it)")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")


def cmd_import(args: argparse.Namespace) -> int:
    from studio.cli_queue import open_queue
    from studio.credentials.store import CredentialError
    from studio.importing import ImportFileError, plan_import, queue_rows
    from studio.networks.publishing import PublishError
    from studio.publish.schedule import ScheduleError, local_zone_name, zone
    from studio.render.qt import ensure_gui_app
    from studio.store.library import LibraryError

    try:
        zone_name = args.zone or local_zone_name()
        zone(zone_name)
        queue = open_queue()
        ensure_gui_app()  # templates are drawn by the renderer
        rows = plan_import(args.file, queue.accounts, default_zone=zone_name, now=queue.clock())
    except (ImportFileError, ScheduleError, LibraryError, CredentialError, PublishError) as e:
        print(f"error: {e.message}", file=sys.stderr)
        return 1
    queued: dict[int, tuple[list[int], str]] = {}
    if not args.check:
        folder = args.into or args.file.parent / args.file.stem
        queued = {row.line: (ids, why) for row, ids, why in queue_rows(rows, queue, folder, args.file.stem)}
    bad = 0
    report = []
    for row in rows:
        ids, why = queued.get(row.line, ([], ""))
        errors = row.errors + ([why] if why else [])
        bad += bool(errors)
        report.append({"line": row.line, "ok": not errors, "targets": [t.account.id for t in row.targets] or row.refs,
                       "when": row.when(), "items": ids, "errors": errors, "warnings": row.warnings})
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for r in report:
            head = f"line {r['line']}: " + (("queued as item " + ", ".join(map(str, r["items"])) if r["items"]
                                             else "ok") if r["ok"] else "error")
            print(f"{head} → {', '.join(r['targets']) or 'no targets'}{' · ' + r['when'] if r['when'] else ''}")
            for text in r["errors"]:
                print(f"  error: {text}")
            for text in r["warnings"]:
                print(f"  warning: {text}")
        good = len(rows) - bad
        verb = "can be queued" if args.check else "queued"
        print(f"{good} of {len(rows)} row(s) {verb}" + (f"; fix the {bad} with errors and import them again"
                                                         if bad else ""))
    return 1 if bad else 0
