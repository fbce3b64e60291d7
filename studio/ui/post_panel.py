"""The post panel: the caption, the targets it goes to, and a variant per target (own text, hashtags,
first comment, thread parts). A variant that does not override the text follows the caption live."""

from __future__ import annotations

import copy

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.core.document import Change
from studio.core.post import Variant
from studio.edit import SetPost
from studio.networks.registry import ALL_TARGETS, resolve
from studio.ui.editor.session import EditorSession

THREAD_SEPARATOR = "\n---\n"


def target_label(target: str) -> str:
    return resolve(target)[1].name


class PostPanel(QWidget):
    def __init__(self, session: EditorSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("postPanel")
        self.session = session
        self._updating = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)

        left = QVBoxLayout()
        self.caption = QPlainTextEdit()
        self.caption.setObjectName("caption")
        self.caption.setPlaceholderText(self.tr("The post's text: what goes out with the image (emoji welcome)"))
        self.caption.textChanged.connect(self._caption_typed)
        left.addWidget(QLabel(self.tr("Caption")))
        left.addWidget(self.caption)
        outer.addLayout(left, 3)

        targets = QGroupBox(self.tr("Post to"))
        grid = QGridLayout(targets)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setVerticalSpacing(2)
        self.target_boxes: dict[str, QCheckBox] = {}
        for i, target in enumerate(ALL_TARGETS):
            box = QCheckBox(target_label(target))
            box.setObjectName(f"target-{target}")
            box.toggled.connect(self._targets_toggled)
            self.target_boxes[target] = box
            grid.addWidget(box, i % 5, i // 5)
        outer.addWidget(targets, 3)

        variant = QGroupBox(self.tr("Variant"))
        form = QFormLayout(variant)
        self.variant_target = QComboBox()
        self.variant_target.setObjectName("variantTarget")
        self.variant_target.currentIndexChanged.connect(lambda _i: self.refresh_variant())
        form.addRow(self.tr("For"), self.variant_target)
        self.own_text = QCheckBox(self.tr("Own text for this network"))
        self.own_text.toggled.connect(self._own_text_toggled)
        form.addRow(self.own_text)
        self.variant_text = QPlainTextEdit()
        self.variant_text.setObjectName("variantText")
        self.variant_text.setMaximumHeight(56)
        self.variant_text.textChanged.connect(lambda: self._variant_edited("text", self.variant_text.toPlainText()))
        form.addRow(self.variant_text)
        self.hashtags = QLineEdit()
        self.hashtags.setPlaceholderText(self.tr("#extra #hashtags for this network"))
        self.hashtags.textEdited.connect(lambda t: self._variant_edited("hashtags", t))
        form.addRow(self.tr("Hashtags"), self.hashtags)
        self.first_comment = QLineEdit()
        self.first_comment.textEdited.connect(lambda t: self._variant_edited("first_comment", t))
        self.first_comment_label = QLabel(self.tr("First comment"))
        form.addRow(self.first_comment_label, self.first_comment)
        self.thread = QPlainTextEdit()
        self.thread.setMaximumHeight(48)
        self.thread.setPlaceholderText(self.tr("Further posts of a thread, separated by a line with ---"))
        self.thread.textChanged.connect(lambda: self._variant_edited("thread", self._thread_parts()))
        self.thread_label = QLabel(self.tr("Thread"))
        form.addRow(self.thread_label, self.thread)
        self.options = OptionsRow(self._option_edited)
        form.addRow(self.options)
        outer.addWidget(variant, 4)

        # the variant editor mirrors the caption a moment after typing (not on every keystroke)
        self._variant_timer = QTimer(self)
        self._variant_timer.setSingleShot(True)
        self._variant_timer.setInterval(120)
        self._variant_timer.timeout.connect(self.refresh_variant)
        session.changed.connect(self._on_change)
        self.refresh()
        self.refresh_variant()

    # --- model -> widgets -------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.kind in ("post", "reset"):
            self.refresh()

    def refresh(self) -> None:
        post = self.session.doc.post
        self._updating = True
        if self.caption.toPlainText() != post.text:
            self.caption.setPlainText(post.text)
        chosen = {resolve(t)[1].short_id for t in post.targets if _known(t)}
        for target, box in self.target_boxes.items():
            box.setChecked(target in chosen)
        listed = [self.variant_target.itemData(i) for i in range(self.variant_target.count())]
        wanted = [t for t in ALL_TARGETS if t in chosen]
        if listed != wanted:  # rebuilt only when the targets change, not on every keystroke
            current = self.variant_target.currentData()
            self.variant_target.clear()
            for target in wanted:
                self.variant_target.addItem(target_label(target), target)
            idx = self.variant_target.findData(current)
            self.variant_target.setCurrentIndex(max(0, idx))
        self._updating = False
        self._variant_timer.start()

    def refresh_variant(self) -> None:
        target = self.variant_target.currentData()
        enabled = target is not None
        for w in (self.own_text, self.variant_text, self.hashtags, self.first_comment, self.thread):
            w.setEnabled(enabled)
        if not enabled:
            self.options.show_for((), {})
            return
        caps = resolve(target)[1]
        variant = self.session.doc.post.variants.get(target) or Variant()
        self._updating = True
        self.own_text.setChecked(variant.text is not None)
        text = variant.text if variant.text is not None else self.session.doc.post.text
        if self.variant_text.toPlainText() != text:
            self.variant_text.setPlainText(text)
        self.variant_text.setReadOnly(variant.text is None)
        if self.hashtags.text() != variant.hashtags:
            self.hashtags.setText(variant.hashtags)
        if self.first_comment.text() != variant.first_comment:
            self.first_comment.setText(variant.first_comment)
        thread = THREAD_SEPARATOR.join(variant.thread)
        if self.thread.toPlainText() != thread:
            self.thread.setPlainText(thread)
        for w in (self.first_comment, self.first_comment_label):
            w.setVisible(caps.first_comment)
        for w in (self.thread, self.thread_label):
            w.setVisible(caps.threads)
        self.options.show_for(caps.options, variant.options)
        self._updating = False

    # --- widgets -> commands ----------------------------------------------------------------
    def _caption_typed(self) -> None:
        if not self._updating and self.caption.toPlainText() != self.session.doc.post.text:
            self.session.push(SetPost(self.session.doc, {"text": self.caption.toPlainText()}, self.tr("Edit caption"),
                                      merge_key="caption"))

    def _targets_toggled(self) -> None:
        if self._updating:
            return
        targets = [t for t in ALL_TARGETS if self.target_boxes[t].isChecked()]
        self.session.push(SetPost(self.session.doc, {"targets": targets}, self.tr("Choose targets")))

    def _own_text_toggled(self, on: bool) -> None:
        if self._updating:
            return
        self._variant_edited("text", self.session.doc.post.text if on else None, merge=False)

    def _thread_parts(self) -> list[str]:
        text = self.thread.toPlainText()
        return [p.strip() for p in text.split(THREAD_SEPARATOR.strip()) if p.strip()] if text.strip() else []

    def _option_edited(self, name: str, value) -> None:
        options = dict((self.session.doc.post.variants.get(self.variant_target.currentData()) or Variant()).options)
        if value is None:
            options.pop(name, None)
        else:
            options[name] = value
        self._variant_edited("options", options, merge=isinstance(value, str))

    def _variant_edited(self, field: str, value, merge: bool = True) -> None:
        target = self.variant_target.currentData()
        if self._updating or target is None:
            return
        if field == "text" and value is not None and not self.own_text.isChecked():
            return  # the read-only mirror of the caption
        variants = copy.deepcopy(self.session.doc.post.variants)
        variant = variants.setdefault(target, Variant())
        if getattr(variant, field) == value:
            return
        setattr(variant, field, value)
        if variant == Variant():
            del variants[target]
        self.session.push(SetPost(self.session.doc, {"variants": variants}, self.tr("Edit variant"),
                                  merge_key=f"variant-{target}-{field}" if merge else None))


class OptionsRow(QWidget):
    """The publishing options of the chosen network (Capabilities.options): only those it honours are shown.
    An option left at the network's default is not stored."""

    def __init__(self, on_edit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("publishOptions")
        self._on_edit, self._updating = on_edit, False
        row = QGridLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.visibility = QComboBox()
        self.visibility.setObjectName("option-visibility")
        for value, label in (("public", self.tr("Public")), ("unlisted", self.tr("Quiet public")),
                             ("private", self.tr("Followers only")), ("direct", self.tr("Mentioned people only"))):
            self.visibility.addItem(label, value)
        self.visibility.currentIndexChanged.connect(
            lambda _i: self._edit("visibility", None if self.visibility.currentData() == "public"
                                  else self.visibility.currentData()))
        self.spoiler = QLineEdit()
        self.spoiler.setObjectName("option-spoiler_text")
        self.spoiler.setPlaceholderText(self.tr("Content warning (the post is folded behind it)"))
        self.spoiler.textEdited.connect(lambda t: self._edit("spoiler_text", t or None))
        self.sensitive = QCheckBox(self.tr("Sensitive media"))
        self.sensitive.setObjectName("option-sensitive")
        self.sensitive.toggled.connect(lambda on: self._edit("sensitive", True if on else None))
        self.language = QLineEdit()
        self.language.setObjectName("option-language")
        self.language.setMaxLength(3)
        self.language.setFixedWidth(56)
        self.language.setPlaceholderText(self.tr("en"))
        self.language.setToolTip(self.tr("The post's language as a two-letter code (en, de, fr…), for readers' "
                                         "filters and translation"))
        self.language.textEdited.connect(lambda t: self._edit("language", t.strip().lower() or None))
        self.silent = QCheckBox(self.tr("Without a notification sound"))
        self.silent.setObjectName("option-silent")
        self.silent.toggled.connect(lambda on: self._edit("silent", True if on else None))
        self.link_preview = QCheckBox(self.tr("Link preview"))
        self.link_preview.setObjectName("option-link_preview")
        self.link_preview.toggled.connect(lambda on: self._edit("link_preview", None if on else False))
        self.language_label = QLabel(self.tr("Language"))
        self.widgets = {"visibility": (self.visibility,), "spoiler_text": (self.spoiler,),
                        "sensitive": (self.sensitive,), "language": (self.language_label, self.language),
                        "silent": (self.silent,), "link_preview": (self.link_preview,)}
        row.addWidget(self.visibility, 0, 0)
        row.addWidget(self.language_label, 0, 1)
        row.addWidget(self.language, 0, 2)
        row.addWidget(self.sensitive, 0, 3)
        row.addWidget(self.silent, 0, 4)  # Telegram and Discord: never shown with Mastodon's options
        row.addWidget(self.link_preview, 0, 5)
        row.addWidget(self.spoiler, 1, 0, 1, 6)
        row.setColumnStretch(6, 1)

    def _edit(self, name: str, value) -> None:
        if not self._updating:
            self._on_edit(name, value)

    def show_for(self, names: tuple[str, ...], options: dict) -> None:
        self._updating = True
        for name, widgets in self.widgets.items():
            for w in widgets:
                w.setVisible(name in names)
        index = self.visibility.findData(options.get("visibility", "public"))
        self.visibility.setCurrentIndex(max(0, index))
        for edit, name in ((self.spoiler, "spoiler_text"), (self.language, "language")):
            if edit.text() != options.get(name, ""):
                edit.setText(options.get(name, ""))
        self.sensitive.setChecked(bool(options.get("sensitive")))
        self.silent.setChecked(bool(options.get("silent")))
        self.link_preview.setChecked(options.get("link_preview", True) is not False)
        self.setVisible(bool(names))
        self._updating = False


def _known(target: str) -> bool:
    try:
        resolve(target)
    except ValueError:
        return False
    return True

