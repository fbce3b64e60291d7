"""Time from process start to the main window painted (offscreen), beside a bare PySide6 window measured in
the same run. Goal: ours <= 1.5x the bare window.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.metaObject().className() == "MainWindow" or (
                event.type() == QEvent.Type.Paint and obj.objectName() == "bare"):
            print(f"PAINTED {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            QApplication.instance().removeEventFilter(self)
        return False

app = QApplication(sys.argv[:1])
spy = FirstPaint()
app.installEventFilter(spy)
if sys.argv[1] == "bare":
    w = QMainWindow(); w.setObjectName("bare"); w.setCentralWidget(QLabel("hello")); w.resize(1400, 900); w.show()
    app.exec()
else:
    from studio.app import run_gui
    run_gui(None)
"""


def measure(kind: str, home: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CONTENT_STUDIO_HOME=home, PYTHONPATH=str(ROOT))
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True, timeout=120,
                         cwd=ROOT)
    for line in out.stdout.splitlines():
        if line.startswith("PAINTED "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"{kind} did not paint: {out.stderr[-2000:]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    home = tempfile.mkdtemp(prefix="studio-bench-")
    first = measure("studio", home)  # first run: creates the library and the sample post
    bare, ours = [], []
    for _ in range(args.runs):  # interleaved, so machine noise hits both alike
        bare.append(measure("bare", home))
        ours.append(measure("studio", home))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window:     median {b * 1000:7.0f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in bare)})")
    print(f"Content Studio window:   median {o * 1000:7.0f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in ours)})")
    print(f"first start (creates library and sample post): {first * 1000:.0f} ms")
    print(f"ratio studio / bare: {o / b:.2f}x  (goal <= 1.5x)")


if __name__ == "__main__":
    main()
