"""File → Import posts…: pick a CSV, see every row checked in a table (line, verdict, text, targets, when,
problems), then queue the good rows. Reading, checking and queueing run on the task runner, with progress and
cancel; nothing is queued until the user says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.importing import PlannedRow, plan_import, queue_rows
from studio.publish.queue import Queue
from studio.publish.schedule import local_zone_name
from studio.ui.account_rows import TaskButtons
from studio.ui.tasks import Task, TaskRunner
from studio.ui.theme import ERROR_COLOR, OK_COLOR, WARNING_COLOR


class ImportDialog(QDialog):
    def __init__(self, queue: Queue, tasks: TaskRunner, parent: QWidget | None = None, *,
                 zone: str | None = None):
        super().__init__(parent)
        self.queue, self.tasks = queue, tasks
        self.zone = zone or local_zone_name()
        self.path: Path | None = None
        self.rows: list[PlannedRow] = []
        self.task: Task | None = None
        self.queued: dict[int, list[int]] = {}
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import posts"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Choose a CSV file with one post per row (columns: docs/csv-import.md)."))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        labels = (self.tr("Line"), "", self.tr("Text"), self.tr("Targets"), self.tr("When"), self.tr("Problems"))
        self.table = QTableWidget(0, len(labels))
        self.table.setObjectName("importTable")
        self.table.setHorizontalHeaderLabels(labels)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 2 +
                                   (QHeaderView.ResizeMode.Interactive,) * 3 + (QHeaderView.ResizeMode.Stretch,)):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(2, 240)
        header.resizeSection(3, 180)
        header.resizeSection(4, 200)
        layout.addWidget(self.table, 1)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.hide()
        layout.addWidget(self.bar)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(lambda: self.choose())
        self.queue_button = QPushButton(self.tr("Queue"))
        self.queue_button.setObjectName("queueRows")
        self.queue_button.setEnabled(False)
        self.queue_button.clicked.connect(self.queue_good)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.buttons = TaskButtons(self, self.choose_button, self.queue_button, self.cancel_button,
                                   self.close_button)
        layout.addLayout(self.buttons.layout)

    # --- reading ---

    def choose(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Import posts"), "",
                                                  self.tr("Spreadsheets (*.csv *.tsv *.txt)"))
            if not name:
                return
            path = Path(name)
        self.path, self.rows, self.queued = path, [], {}
        self.table.setRowCount(0)
        queue, zone, now = self.queue, self.zone, self.queue.clock()
        self._run(self.tr("Checking %s…") % path.name,
                  lambda _p: plan_import(path, queue.accounts, default_zone=zone, now=now), self._planned)

    def _planned(self, rows: list[PlannedRow]) -> None:
        self.rows = rows
        self._fill()
        good = sum(r.ok for r in rows)
        if not rows:
            self.summary.setText(self.tr("%s has no rows.") % self.path.name)
        else:
            self.summary.setText(self.tr("%1 of %2 rows can be queued. Rows with errors are left out; fix them in "
                                         "the file and import it again.").replace("%1", str(good))
                                 .replace("%2", str(len(rows))))
        self.queue_button.setText(self.tr("Queue %s posts") % good if good != 1 else self.tr("Queue 1 post"))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            ids = self.queued.get(row.line)
            mark, colour = (("✓", OK_COLOR) if row.ok else ("⛔", ERROR_COLOR))
            if ids:
                mark = "✓ " + self.tr("queued")
            problems = row.errors + row.warnings
            cells = (str(row.line), mark, row.text.strip().replace("\n", " ")[:200],
                     ", ".join(t.account.id for t in row.targets) or ", ".join(row.refs), row.when(),
                     "\n".join(problems))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 1:
                    item.setForeground(QColor(colour))
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == 5 and problems:
                    item.setForeground(QColor(ERROR_COLOR if row.errors else WARNING_COLOR))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    # --- queueing ---

    def queue_good(self) -> None:
        if self.path is None or not any(r.ok for r in self.rows):
            return
        rows, queue, path = [r for r in self.rows if r.ok and r.line not in self.queued], self.queue, self.path
        folder = path.parent / path.stem
        self._run(self.tr("Queueing…"), lambda p: queue_rows(rows, queue, folder, path.stem, p), self._queued)

    def _queued(self, results) -> None:
        failed = 0
        for row, ids, why in results:
            if ids:
                self.queued[row.line] = ids
            else:
                failed += 1
                row.errors.append(why)
        self._fill()
        done = len(self.queued)
        text = self.tr("Queued %s posts.") % done if done != 1 else self.tr("Queued 1 post.")
        if failed:
            text += " " + self.tr("%s could not be queued: see their problems.") % failed
        self.summary.setText(text)

    # --- background work ---

    def _run(self, text: str, fn, on_done) -> None:
        self.summary.setText(text)
        self.bar.setValue(0)
        self.bar.show()

        def done(result) -> None:
            self.task = None
            on_done(result)
            self._idle()

        def failed(e: Exception) -> None:
            self.task = None
            self.summary.setText(f"<span style='color:{ERROR_COLOR}'>{getattr(e, 'message', None) or e}</span>")
            self._idle()

        def cancelled() -> None:
            self.task = None
            self.summary.setText(self.tr("Cancelled. What was queued stays queued."))
            self._idle()

        self.task = self.tasks.run(fn, done, failed, lambda f, _t: self.bar.setValue(round(f * 1000)), cancelled)
        self._idle()

    def _idle(self) -> None:
        busy = self.task is not None
        self.bar.setVisible(busy)
        self.buttons.set_running(busy, any(r.ok and r.line not in self.queued for r in self.rows))
        self.choose_button.setEnabled(not busy)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def done(self, result: int) -> None:
        self.cancel()
        super().done(result)
