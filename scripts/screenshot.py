"""Take a screenshot of the studio window (works headless): for looking at what we build.

    python scripts/screenshot.py OUT.png [--file POST.studio] [--theme dark] [--lang de] [--select N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--file", type=Path)
    ap.add_argument("--theme", default="light")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--select", type=int, help="select the layer at this index (0 = bottom)")
    ap.add_argument("--size", default="1500x950")
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("CONTENT_STUDIO_HOME", tempfile.mkdtemp(prefix="studio-shot-"))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from studio import app as studio_app
    from studio.store import paths
    from studio.store.library import Library

    lib = Library.open(paths.data_dir())
    lib.set_setting("theme", args.theme)
    lib.set_setting("language", args.lang)
    lib.close()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])

    def shoot() -> None:
        win = next(w for w in qapp.topLevelWidgets() if w.objectName() == "" and w.isVisible()
                   and w.metaObject().className() == "MainWindow")
        w, h = (int(v) for v in args.size.split("x"))
        win.resize(w, h)
        if args.select is not None and win.session is not None:
            win.session.select([win.session.design.layers[args.select].id])
        QTimer.singleShot(300, lambda: (win.canvas.zoom_fit(), QTimer.singleShot(300, lambda: finish(win))))

    def finish(win) -> None:
        win.grab().save(str(args.out))
        print(args.out)
        qapp.quit()

    QTimer.singleShot(800, shoot)
    return studio_app.run_gui(args.file)


if __name__ == "__main__":
    sys.exit(main())
