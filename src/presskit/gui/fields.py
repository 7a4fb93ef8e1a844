"""Form fields bound to a place in the kit, and lists that edit in place.

A field shows the value at ``base + (key,)`` and turns each edit into a session command;
when the session reports a change it re-reads the model (leaving a field alone when it
already shows the value, so the cursor never jumps while typing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presskit import model
from presskit.gui.icons import icon
from presskit.gui.session import Session

Path = tuple[str | int, ...]
READABLE_WIDTH = 640  # px: long text stays at a readable line length
# What a field shows when the items a form is bound to hold different values there.
SEVERAL_VALUES = "Several values — type to set all"
SEVERAL_CHOICES = "Several values — choose to set all"


@dataclass(frozen=True)
class Spec:
    """One field of a form: the model key, its label, and how it is edited."""

    key: str
    label: str
    kind: str = "line"  # line | text | words | list | int | choice | check | ref
    placeholder: str = ""
    choices: Sequence[str] = ()
    word_limit: int = 0  # for "words": a count shown under the field
    # for "ref": (label, id) pairs read from the kit, e.g. the stills a portrait can be
    options: Callable[[model.PressKit], list[tuple[str, str]]] | None = None


def _overlaps(a: Path, b: Path) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


class Form(QWidget):
    """Fields for one dataclass in the kit, rebindable to another one of the same kind, or to
    several at once: then each field shows what they share, and an edit sets it on all."""

    def __init__(
        self,
        session: Session,
        specs: Sequence[Spec],
        parent: QWidget | None = None,
        *,
        plural: str = "items",
    ):
        """``plural`` names the items in the undo text of an edit of several ("5 stills")."""
        super().__init__(parent)
        self.session = session
        self.plural = plural
        self.bases: list[Path] = []
        self.specs = list(specs)
        self.widgets: dict[str, QWidget] = {}
        self._counts: dict[str, QLabel] = {}
        self._loading = False
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above fields
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setVerticalSpacing(6)
        for spec in self.specs:
            widget = self._make(spec)
            widget.setObjectName(spec.key)
            widget.setMaximumWidth(READABLE_WIDTH)
            self.widgets[spec.key] = widget
            if spec.kind == "words":
                column = QWidget()
                inner = QVBoxLayout(column)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.addWidget(widget)
                count = QLabel()
                count.setObjectName(f"{spec.key}-count")
                count.setProperty("muted", True)
                inner.addWidget(count)
                self._counts[spec.key] = count
                layout.addRow(spec.label, column)
            else:
                layout.addRow(spec.label if spec.kind != "check" else "", widget)
        session.changed.connect(self._on_changed)
        session.reset.connect(self.refresh)
        self.setEnabled(False)

    def _make(self, spec: Spec) -> QWidget:
        if spec.kind in ("text", "words"):
            widget = QPlainTextEdit()
            widget.setPlaceholderText(spec.placeholder)
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(90 if spec.kind == "words" else 140)
            widget.textChanged.connect(lambda s=spec, w=widget: self._edited(s, w.toPlainText()))
            return widget
        if spec.kind == "int":
            widget = _wheel_only_when_focused(QSpinBox())
            widget.setRange(0, 9999)
            widget.setSpecialValueText("—")  # 0 shows as "not set"
            widget.valueChanged.connect(lambda v, s=spec: self._edited(s, v or None))
            return widget
        if spec.kind == "ref":
            widget = _combo()
            widget.currentIndexChanged.connect(
                lambda _i, s=spec, w=widget: self._edited(s, w.currentData() or "")
            )
            return widget
        if spec.kind == "choice":
            widget = _combo()
            widget.addItems(list(spec.choices))
            widget.currentTextChanged.connect(lambda v, s=spec: self._edited(s, v))
            return widget
        if spec.kind == "check":
            widget = QCheckBox(spec.label)
            widget.toggled.connect(lambda v, s=spec: self._edited(s, v))
            return widget
        widget = QLineEdit()
        widget.setPlaceholderText(spec.placeholder)
        if spec.kind == "list":
            widget.textEdited.connect(
                lambda v, s=spec: self._edited(s, [p.strip() for p in v.split(",") if p.strip()])
            )
        else:
            widget.textEdited.connect(lambda v, s=spec: self._edited(s, v))
        return widget

    def bind(self, base: Path | None) -> None:
        self.bind_many([] if base is None else [base])

    def bind_many(self, bases: Sequence[Path]) -> None:
        self.bases = list(bases)
        self.setEnabled(bool(self.bases))
        self.refresh()

    def _edited(self, spec: Spec, value: Any) -> None:
        if self._loading or not self.bases:
            return
        typing = spec.kind in ("line", "text", "words", "list")
        if len(self.bases) == 1:
            self.session.set((*self.bases[0], spec.key), value, spec.label, typing=typing)
        else:
            name = spec.label.split(" (")[0].lower()  # "Photographer (printed as...)"
            text = f"Set {name} on {len(self.bases)} {self.plural}"
            paths = [(*base, spec.key) for base in self.bases]
            self.session.set_many(paths, value, text, typing=typing)
        self._update_count(spec)

    def _on_changed(self, path: Path) -> None:
        if any(_overlaps(path, base) for base in self.bases):
            self.refresh()

    def refresh(self) -> None:
        self._loading = True
        try:
            for spec in self.specs:
                widget = self.widgets[spec.key]
                values = self._values(spec)
                several = any(v != values[0] for v in values[1:])
                value = None if several or not values else values[0]
                if spec.kind == "ref" and spec.options:
                    _show_ref(widget, [("None", ""), *spec.options(self.session.kit)], value or "")
                else:
                    _show(widget, spec, value)
                _show_several(widget, spec, several)
                self._update_count(spec)
        finally:
            self._loading = False

    def _values(self, spec: Spec) -> list[Any]:
        values = []
        for base in self.bases:
            try:
                values.append(model.resolve(self.session.kit, (*base, spec.key)))
            except (IndexError, AttributeError):  # an item just removed; a refresh follows
                values.append(None)
        return values

    def _value(self, spec: Spec) -> Any:
        """The value the bound items share, or None."""
        values = self._values(spec)
        return values[0] if values and all(v == values[0] for v in values) else None

    def _update_count(self, spec: Spec) -> None:
        if spec.key in self._counts:
            words = len(str(self._value(spec) or "").split())
            limit = f" (aim for {spec.word_limit} or fewer)" if spec.word_limit else ""
            self._counts[spec.key].setText(f"{words} words{limit}")


class _WheelScrollsTheForm(QObject):
    """A wheel turned over a drop-down or a number the person has not clicked into scrolls
    the form, as it does everywhere else on it, instead of changing the value under the
    pointer (a key still changed while scrolling past it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QCoreApplication.sendEvent(area.verticalScrollBar(), event)
        return True


_wheel_filter: list[_WheelScrollsTheForm] = []


def _wheel_only_when_focused(widget: QWidget) -> QWidget:
    if not _wheel_filter:
        _wheel_filter.append(_WheelScrollsTheForm())
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel no longer focuses it
    widget.installEventFilter(_wheel_filter[0])
    return widget


def _combo() -> QComboBox:
    """A drop-down as wide as the form gives it, not as its longest entry ("Dragonfly: the
    pond at dusk (still-2)"): that pushed narrow forms into a sideways scroll."""
    box = _wheel_only_when_focused(QComboBox())
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    return box


def _show_ref(widget: QComboBox, options: list[tuple[str, str]], value: str) -> None:
    current = [(widget.itemText(i), widget.itemData(i)) for i in range(widget.count())]
    if current != options:
        widget.clear()
        for label, key in options:
            widget.addItem(label, key)
    index = widget.findData(value)
    widget.setCurrentIndex(index if index >= 0 else 0)


def _show_several(widget: QWidget, spec: Spec, several: bool) -> None:
    """Marks a field whose items hold different values: empty, saying that an edit sets all.
    A check box or number cannot show "several", so it waits until the values agree."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.setPlaceholderText(SEVERAL_VALUES if several else spec.placeholder)
    elif isinstance(widget, QComboBox):
        widget.setPlaceholderText(SEVERAL_CHOICES if several else "")
        if several:
            widget.setCurrentIndex(-1)
    else:
        widget.setEnabled(not several)


def _show(widget: QWidget, spec: Spec, value: Any) -> None:
    """Puts ``value`` in ``widget`` unless it already shows it (the cursor stays put)."""
    if isinstance(widget, QPlainTextEdit):
        text = value or ""
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value or 0)
    elif isinstance(widget, QComboBox):
        if value is not None and widget.findText(str(value)) < 0:
            widget.addItem(str(value))  # an unknown value from a hand-written file stays visible
        widget.setCurrentText(str(value or ""))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QLineEdit):
        text = ", ".join(value) if isinstance(value, list) else (value or "")
        current = widget.text()
        if spec.kind == "list":
            if [p.strip() for p in current.split(",") if p.strip()] != (value or []):
                widget.setText(text)
        elif current != text:
            widget.setText(text)


class ListPane(QWidget):
    """A list that edits in place: add (button, Ctrl+Return), remove (Delete), reorder (drag,
    Alt+Up/Down). Every change is one undoable step; removing asks nothing, undo brings it back."""

    selected = Signal(object)  # the path of the selected item, or None

    def __init__(
        self,
        session: Session,
        path: Path | None,
        summary: Callable[[Any], str],
        new_item: Callable[[], Any],
        noun: str,
        parent: QWidget | None = None,
        *,
        fixed: bool = False,
    ):
        """``fixed``: the items can be reordered but not added or removed (design sections)."""
        super().__init__(parent)
        self.session, self.path, self.summary, self.new_item, self.noun = (
            session,
            path,
            summary,
            new_item,
            noun,
        )
        self.list = QListWidget()
        self.list.setObjectName(f"{noun}-list")
        # A long question wraps in the narrow list instead of hiding behind a scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._dragged)
        self.list.currentRowChanged.connect(self._select)
        add = QPushButton(icon("plus"), f"Add {noun}")
        add.setObjectName(f"add-{noun}")
        add.setToolTip(f"Add {noun} (Ctrl+Return)")
        add.clicked.connect(self.add)
        remove = QPushButton(icon("trash-2"), "Remove")
        remove.setObjectName(f"remove-{noun}")
        remove.setToolTip(f"Remove the selected {noun} (Delete); Undo brings it back")
        remove.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        if not fixed:
            layout.addLayout(buttons)
        else:
            add.hide()
            remove.hide()
        edits = [] if fixed else [("Ctrl+Return", self.add), ("Delete", self.remove)]
        for keys, action in (
            *edits,
            ("Alt+Up", lambda: self.move(-1)),
            ("Alt+Down", lambda: self.move(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        session.changed.connect(self._on_changed)
        session.reset.connect(self.refresh)
        self._refreshing = False
        self.refresh()

    def items(self) -> list[Any]:
        return [] if self.path is None else model.resolve(self.session.kit, self.path)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.refresh()

    def refresh(self) -> None:
        self._refreshing = True
        try:
            row = self.list.currentRow()
            self.list.clear()
            try:
                items = self.items()
            except (IndexError, AttributeError):
                items = []
            for item in items:
                QListWidgetItem(self.summary(item) or f"New {self.noun}", self.list)
            self.list.setCurrentRow(min(max(row, 0), len(items) - 1) if items else -1)
        finally:
            self._refreshing = False
        self._select(self.list.currentRow())

    def _on_changed(self, path: Path) -> None:
        if self.path is not None and _overlaps(path, self.path):
            if len(path) == len(self.path) + 2:  # a field of one item: just its summary
                index = path[len(self.path)]
                item = self.list.item(index) if isinstance(index, int) else None
                if item is not None:
                    item.setText(self.summary(self.items()[index]) or f"New {self.noun}")
                    return
            self.refresh()

    def _select(self, row: int) -> None:
        if not self._refreshing and self.path is not None:
            self.selected.emit((*self.path, row) if row >= 0 else None)

    def add(self) -> None:
        if self.path is None:
            return
        index = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        self.session.apply(model.InsertItem(self.path, index, self.new_item()), f"Add {self.noun}")
        self.list.setCurrentRow(index)
        self.list.setFocus()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0 and self.path is not None:
            self.session.apply(model.RemoveItem(self.path, row), f"Remove {self.noun}")

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row >= 0 and self.path is not None and 0 <= target < self.list.count():
            self.session.apply(model.MoveItem(self.path, row, target), f"Move {self.noun}")
            self.list.setCurrentRow(target)

    def _dragged(self, _parent: object, start: int, _end: int, _dest: object, row: int) -> None:
        target = row - 1 if row > start else row
        if self._refreshing or target == start or self.path is None:
            return
        # Put the widget back and let the model, through an undoable command, do the move.
        self.session.apply(model.MoveItem(self.path, start, target), f"Move {self.noun}")
        self.list.setCurrentRow(target)


class Collapsible(QWidget):
    """A heading that shows or hides what is under it: fields most people rarely need,
    a click away instead of between them and the ones they do."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setObjectName(title.lower().replace(" ", "-"))
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("QToolButton { font-weight: 600; border: none; }")
        self.button.toggled.connect(self.set_expanded)
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(content)
        self.set_expanded(False)

    def set_expanded(self, expanded: bool) -> None:
        self.button.setChecked(expanded)
        self.button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.content.setVisible(expanded)
