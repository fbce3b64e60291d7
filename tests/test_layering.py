"""DESIGN.md §3: only studio/ui and studio/app.py import Qt widgets (import-linter checks the rest)."""

import ast
from pathlib import Path

STUDIO = Path(__file__).resolve().parents[1] / "studio"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_only_ui_and_app_import_qt_widgets():
    offenders = []
    for path in STUDIO.rglob("*.py"):
        rel = path.relative_to(STUDIO).as_posix()
        if rel.startswith("ui/") or rel == "app.py":
            continue
        if any(n == "PySide6.QtWidgets" or n.startswith("PySide6.QtWidgets.") for n in _imports(path)):
            offenders.append(rel)
    assert offenders == []


def test_the_check_sees_widget_imports(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets" in _imports(sample)


def test_importing_studio_core_loads_no_qt():
    import subprocess
    import sys

    code = ("import sys, studio, studio.core.design, studio.core.post, studio.edit, studio.store.project_file; "
            "print([m for m in sys.modules if m.startswith('PySide6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=STUDIO.parent).stdout.strip()
    assert out == "[]"
