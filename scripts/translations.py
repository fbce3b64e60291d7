"""Keeps resources/translations/content-studio_de.ts in step with the code (run by update_translations.sh).

    python scripts/translations.py merge FRESH.ts TS

FRESH.ts is what pyside6-lupdate extracted from the UI sources into a new, empty file. Two things
lupdate gets wrong for this code base are put right here before the translations are carried over:

* the context. At run time PySide6's tr() looks a message up under the class name of the object it is
  called on (MainWindow, Inspector, ...). lupdate only knows that for `self.tr(...)` inside a class; for
  `w.tr(...)`, `window.tr(...)` or a bare `tr = w.tr` alias it uses the variable name (or no context at
  all), which Qt never looks up. The context is resolved from the source instead: the enclosing class
  for `self`, the annotation of the parameter for anything else (`w: MainWindow`).
* the strings lupdate cannot see: tr() calls inside f-strings, and data translated through a variable
  (`self.tr(fm.label)` for the formats of studio.core.design, the template names and descriptions of
  studio.core.templates, the font weights of the inspector, the image file filter of the main window).

Translations of the existing TS are kept (an exact match of context, source and comment; failing that, a
translation of the same source elsewhere is offered as unfinished), and messages the code no longer has
are dropped, like lupdate -no-obsolete.
"""

from __future__ import annotations

import ast
import copy
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"


def ui_sources() -> list[Path]:
    """The files whose strings are translated (the same list update_translations.sh gives lupdate)."""
    return sorted((ROOT / "studio" / "ui").glob("*.py")) + sorted((ROOT / "studio" / "ui" / "editor").glob("*.py")) \
        + [ROOT / "studio" / "app.py"]


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    locations: list[tuple[str, int | None]] = field(default_factory=list)  # (path relative to the TS, line)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment


def _rel(path: Path) -> str:
    return Path("..", "..", path.resolve().relative_to(ROOT)).as_posix()


# --- the messages the code has, with the context Qt looks them up in ------------------------------------
class _TrCalls(ast.NodeVisitor):
    """tr("...") and translate("context", "...") calls with literal text, in the context of the receiver."""

    def __init__(self, path: Path):
        self.path = path
        self.classes: list[str] = []
        self.scopes: list[dict[str, str]] = [{}]  # per function: variable -> class name (annotations, aliases)
        self.found: list[Message] = []
        self.unresolved: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        scope = dict(self.scopes[-1])
        for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            ann = a.annotation
            if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
                scope[a.arg] = ann.value
            elif isinstance(ann, ast.Name):
                scope[a.arg] = ann.id
        if self.classes and node.args.args and node.args.args[0].arg == "self":
            scope["self"] = self.classes[-1]
        self.scopes.append(scope)
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Assign(self, node: ast.Assign) -> None:
        # tr = w.tr: calls of tr(...) go to w's class
        if (isinstance(node.value, ast.Attribute) and node.value.attr == "tr"
                and isinstance(node.value.value, ast.Name)):
            owner = self.scopes[-1].get(node.value.value.id)
            for t in node.targets:
                if isinstance(t, ast.Name) and owner:
                    self.scopes[-1]["alias:" + t.id] = owner
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        f, args = node.func, node.args
        strs = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in args]
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        context = None
        if name == "translate" and len(strs) >= 2 and strs[0] is not None and strs[1] is not None:
            context, text, rest = strs[0], strs[1], strs[2:]
        elif strs and strs[0] is not None and (name == "tr" or "alias:" + name in self.scopes[-1]):
            text, rest = strs[0], strs[1:]
            if isinstance(f, ast.Name):
                context = self.scopes[-1].get("alias:" + name)
            elif isinstance(f.value, ast.Name):
                context = self.scopes[-1].get(f.value.id)
            if context is None:
                self.unresolved.append(f"{self.path.name}:{node.lineno}: {text!r}")
        if context is not None:
            comment = rest[0] if rest and rest[0] else ""
            numerus = len(args) >= (4 if name == "translate" else 3)
            self.found.append(Message(context, text, comment, numerus, [(_rel(self.path), node.lineno)]))
        self.generic_visit(node)


def code_messages(paths: list[Path] | None = None) -> tuple[list[Message], list[str]]:
    """Every literal tr()/translate() message of the UI sources, and the calls whose context is unknown."""
    found, unresolved = [], []
    for path in paths or ui_sources():
        v = _TrCalls(path)
        v.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        found += v.found
        unresolved += v.unresolved
    return found, unresolved


def _module_constant(path: Path, name: str):
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value), node.lineno
    raise LookupError(f"{name} not found in {path}")


def _line_of(path: Path, text: str) -> int | None:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if f'"{text}"' in line:
            return i
    return None


def data_messages() -> list[Message]:
    """Strings that reach self.tr() through a variable, in the contexts that translate them."""
    sys.path.insert(0, str(ROOT))
    from studio.core.design import FORMATS
    from studio.core.templates import TEMPLATES

    core, ui = ROOT / "studio" / "core", ROOT / "studio" / "ui"
    design, templates = core / "design.py", core / "templates.py"
    inspector, main_window = ui / "editor" / "inspector.py", ui / "main_window.py"
    out: list[Message] = []

    def add(context: str, text: str, where: Path) -> None:
        out.append(Message(context, text, locations=[(_rel(where), _line_of(where, text))]))

    for fm in FORMATS:  # Inspector's format combo, the template dialog's format combo
        add("Inspector", fm.label, design)
        add("TemplateDialog", fm.label, design)
    for t in TEMPLATES.values():  # the template dialog's list: name, tooltip
        add("TemplateDialog", t.name, templates)
        add("TemplateDialog", t.description, templates)
    weights, _ = _module_constant(inspector, "WEIGHTS")
    for _value, weight in weights:
        add("Inspector", weight, inspector)
    image_filter, _ = _module_constant(main_window, "IMAGE_FILTER")
    add("MainWindow", image_filter, main_window)
    from studio.edit.commands import COMMAND_NAMES  # undo-step names, translated by the window's Edit menu

    for name in COMMAND_NAMES:
        add("Command", name, ROOT / "studio" / "edit" / "commands.py")
    return out


# --- reading and writing TS files ---------------------------------------------------------------------
def read_ts(path: Path) -> tuple[ET.Element, list[tuple[Message, ET.Element]]]:
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.findall("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.findall("message"):
            msg = Message(name, m.findtext("source") or "", m.findtext("comment") or "", m.get("numerus") == "yes",
                          [(loc.get("filename", ""), int(loc.get("line")) if loc.get("line") else None)
                           for loc in m.findall("location")])
            out.append((msg, m))
    return root, out


def _esc(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("'", "&apos;"))


def write_ts(path: Path, language: str, messages: list[tuple[Message, ET.Element | None]]) -> None:
    """Write in lupdate's layout, so that a later lupdate run gives small diffs."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{language}">']
    by_context: dict[str, list[tuple[Message, ET.Element | None]]] = {}
    for msg, tr in messages:
        by_context.setdefault(msg.context, []).append((msg, tr))
    for context in sorted(by_context):  # as lupdate sorts them
        lines += ["<context>", f"    <name>{_esc(context)}</name>"]
        for msg, tr in by_context[context]:
            lines.append('    <message numerus="yes">' if msg.numerus else "    <message>")
            for filename, line in msg.locations:
                line_attr = f' line="{line}"' if line else ""
                lines.append(f'        <location filename="{_esc(filename)}"{line_attr}/>')
            lines.append(f"        <source>{_esc(msg.source)}</source>")
            if msg.comment:
                lines.append(f"        <comment>{_esc(msg.comment)}</comment>")
            note = tr is not None and tr.get("_translatorcomment")
            if note:
                lines.append(f"        <translatorcomment>{_esc(note)}</translatorcomment>")
            kind = tr.get("type") if tr is not None else "unfinished"
            type_attr = f' type="{kind}"' if kind else ""
            forms = tr.findall("numerusform") if tr is not None else []
            if msg.numerus:
                lines.append(f"        <translation{type_attr}>")
                for form in forms or [None, None]:
                    lines.append(f"            <numerusform>{_esc(form.text or '') if form is not None else ''}"
                                 "</numerusform>")
                lines.append("        </translation>")
            else:
                text = tr.text or "" if tr is not None else ""
                lines.append(f"        <translation{type_attr}>{_esc(text)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- merging ------------------------------------------------------------------------------------------
def merge(fresh_path: Path, ts_path: Path) -> int:
    _root, fresh = read_ts(fresh_path)
    code, unresolved = code_messages()
    for u in unresolved:
        print(f"warning: no context for tr() call at {u} (annotate the receiver with its class)", file=sys.stderr)
    by_place = {(loc, m.source): m.context for m in code for loc in m.locations}
    by_file: dict[tuple[str, str], set[str]] = {}  # in case lupdate counts the lines of a call differently
    for m in code:
        for filename, _line in m.locations:
            by_file.setdefault((filename, m.source), set()).add(m.context)

    def context_of(msg: Message) -> str:
        for loc in msg.locations:
            if (loc, msg.source) in by_place:
                return by_place[(loc, msg.source)]
        for filename, _line in msg.locations:
            contexts = by_file.get((filename, msg.source), set())
            if len(contexts) == 1:
                return next(iter(contexts))
        return msg.context

    wanted: dict[tuple[str, str, str], Message] = {}

    def want(msg: Message) -> None:
        if msg.key in wanted:
            wanted[msg.key].locations += [x for x in msg.locations if x not in wanted[msg.key].locations]
        else:
            wanted[msg.key] = msg

    for msg, _el in fresh:  # lupdate's messages, in the context they are looked up in
        want(Message(context_of(msg), msg.source, msg.comment, msg.numerus, list(msg.locations)))
    extracted = set(wanted)
    for msg in code:  # what lupdate missed (tr() inside f-strings)
        if msg.key not in extracted:
            want(msg)
    for msg in data_messages():
        want(msg)

    old: dict[tuple[str, str, str], ET.Element] = {}
    by_source: dict[str, ET.Element] = {}
    language = "de_DE"
    if ts_path.exists():
        root, existing = read_ts(ts_path)
        language = root.get("language") or language
        for msg, el in existing:
            tr = el.find("translation")
            if tr is None or tr.get("type") in ("obsolete", "vanished"):
                continue
            note = el.findtext("translatorcomment")
            if note:
                tr.set("_translatorcomment", note)
            old[msg.key] = tr
            if tr.get("type") != "unfinished":
                by_source.setdefault(msg.source, tr)

    out: list[tuple[Message, ET.Element | None]] = []
    unfinished = 0
    for msg in wanted.values():
        msg.locations.sort(key=lambda loc: (loc[0], loc[1] or 0))
        tr = old.get(msg.key)
        if tr is None and msg.source in by_source:  # same text, other context: a suggestion to review
            tr = copy.deepcopy(by_source[msg.source])
            tr.set("type", "unfinished")
        if tr is None or tr.get("type") == "unfinished":
            unfinished += 1
        out.append((msg, tr))
    out.sort(key=lambda mt: min(((loc[0], loc[1] or 10**9) for loc in mt[0].locations), default=("", 0)))
    write_ts(ts_path, language, out)
    print(f"{ts_path.name}: {len(out)} messages, {unfinished} unfinished", file=sys.stderr)
    return unfinished


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "merge":
        merge(Path(argv[1]), Path(argv[2]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
