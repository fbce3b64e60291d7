"""The German user interface: the translation file is complete and in step with the code, and the window
really comes up in German when the translators are installed (and in English again afterwards)."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMenu

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "content-studio_de.ts"
QM = TS.with_suffix(".qm")


def _translations_tool():
    """scripts/translations.py: what the code asks to translate, in which context (as update_translations.sh)."""
    spec = importlib.util.spec_from_file_location("studio_translations_tool", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _ts_messages() -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(TS).getroot().findall("context"):
        for m in ctx.findall("message"):
            out[(ctx.findtext("name") or "", m.findtext("source") or "")] = m
    return out


@pytest.fixture
def german(qt_app):
    """Install the German translators the way the app does; remove them again so other tests stay English."""
    from studio.app import install_translations

    before = set(qt_app.findChildren(QTranslator))
    assert install_translations(qt_app, "de") == "de"
    installed = [t for t in qt_app.findChildren(QTranslator) if t not in before]
    assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    yield installed
    for t in installed:
        qt_app.removeTranslator(t)
        t.deleteLater()
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.fixture
def window(german, window):  # the window of conftest.py, built once the translators are in
    return window


def test_every_message_is_translated():
    messages = _ts_messages()
    assert len(messages) > 200
    problems = []
    for (context, source), m in messages.items():
        tr = m.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is not finished")
            continue
        forms = [f.text or "" for f in tr.findall("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
        if not forms or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} has an empty translation")
        for form in forms:  # the same placeholders as the source
            if sorted(re.findall(r"%[sn]", form)) != sorted(re.findall(r"%[sn]", source)):
                problems.append(f"{context}: {source!r} -> {form!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_translation_file_is_in_step_with_the_code():
    """Every tr() of the UI (and the data it translates through variables) is in the file, in the context Qt
    looks it up in. If this fails, run scripts/update_translations.sh and translate what it adds."""
    tool = _translations_tool()
    code, unresolved = tool.code_messages()
    assert not unresolved, f"tr() calls whose class is unknown (annotate the receiver): {unresolved}"
    messages = _ts_messages()
    missing = sorted({(m.context, m.source) for m in [*code, *tool.data_messages()]} - set(messages))
    assert not missing, f"not in {TS.name}: {missing}"
    assert QM.exists() and QM.stat().st_size > 1000


def test_menus_and_actions_are_german(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Einfügen", "An&ordnen", "&Ansicht"]
    a = window.actions_by_name
    assert a["undo"].text().startswith("&Rückgängig")
    assert a["redo"].text().startswith("&Wiederherstellen")
    assert a["save"].text() == "&Speichern"
    assert a["export"].text() == "Bild &exportieren…"
    assert a["brand"].text() == "&Markenkit…"
    assert a["theme_dark"].text() == "Dunkel"
    assert [window.layers_dock.windowTitle(), window.inspector_dock.windowTitle(),
            window.caption_dock.windowTitle(), window.preview_dock.windowTitle()] == \
        ["Ebenen", "Eigenschaften", "Beitrag", "Vorschauen"]
    # the undo step of a canvas gesture is named in German too
    lay = next(lay for lay in window.session.design.layers if not lay.locked)
    window.session.select([lay.id])
    window.canvas.nudge(1, 0)
    assert a["undo"].text() == "&Rückgängig: Verschieben"
    window.session.undo()
    assert a["redo"].text() == "&Wiederherstellen: Verschieben"
    # ... and so are the default names of the core's commands, and the inspector's field edits
    window.session.select([lay.id])
    window.delete_selection()
    assert a["undo"].text() == "&Rückgängig: Ebene löschen"
    window.session.undo()
    assert not window.session.dirty


def test_accelerators_are_unique_per_menu(window):
    def keys(texts: list[str]) -> list[str]:
        return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]

    bar = [a.text() for a in window.menuBar().actions()]
    assert len(set(keys(bar))) == len(bar)
    for action in window.menuBar().actions():
        menu: QMenu = action.menu()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        k = keys(texts)
        assert len(set(k)) == len(k), f"{action.text()}: {texts}"


def test_inspector_and_data_strings_are_german(window):
    inspector = window.inspector
    window.session.select([])
    assert inspector.group_design.title() == "Design"
    combo = inspector.format_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Quadrat 1:1 (1080×1080)" in labels and "Hochformat 4:5 (1080×1350)" in labels
    assert inspector.group_text.title() == "Text" and inspector.group_shape.title() == "Form"


def test_dialogs_are_german_including_qts_own_buttons(window, tmp_path):
    from studio.ui.dialogs import BrandKitDialog, ExportDialog, TemplateDialog

    export = ExportDialog(tmp_path / "Beitrag.jpg", window)
    assert export.windowTitle() == "Bild exportieren"
    buttons = export.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Exportieren"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Abbrechen"  # qtbase_de
    kit = BrandKitDialog(window.services.brand_kit(), window)
    assert kit.windowTitle() == "Markenkit"
    from studio.core.templates import TEMPLATES

    templates = TemplateDialog([(k, t.name, t.description) for k, t in TEMPLATES.items()], window)
    names = [templates.list.item(i).text() for i in range(templates.list.count())]
    assert names[0] == "Leer" and "Zitat" in names and "Tourdaten" in names
    for d in (export, kit, templates):
        d.deleteLater()


def test_german_inspector_needs_no_more_width_than_english(german, qt_app):
    """German words are longer: the inspector's widest rows (labels + check boxes) must still fit the dock,
    whose horizontal scroll bar is off."""
    from studio.core.design import ImageLayer, ShapeLayer, TextLayer
    from studio.logic import new_document
    from studio.render.compose import Renderer
    from studio.ui.editor.inspector import Inspector
    from studio.ui.editor.session import EditorSession

    def widths() -> dict[str, tuple[int, int]]:
        session = EditorSession(new_document("tour-dates"), Renderer())
        inspector = Inspector(session, lambda: [])
        inspector.resize(inspector.minimumWidth() + 20, 900)
        inspector.show()
        out = {}
        for kind in (None, TextLayer, ImageLayer, ShapeLayer):
            layers = [lay.id for lay in session.design.layers if kind and isinstance(lay, kind)][:1]
            session.select(layers)
            qt_app.processEvents()
            out[kind.__name__ if kind else "design"] = (inspector.widget().minimumSizeHint().width(),
                                                        inspector.viewport().width())
        inspector.close()
        inspector.deleteLater()
        session.close()
        return out

    de = widths()
    for t in german:
        qt_app.removeTranslator(t)
    en = widths()
    for t in german:
        qt_app.installTranslator(t)
    for kind, (need, room) in de.items():
        assert need <= max(room, en[kind][0]), f"{kind}: German needs {need} px, English {en[kind][0]}, room {room}"
