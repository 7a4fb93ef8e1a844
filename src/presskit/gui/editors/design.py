"""Design: the theme (picked from small covers of this very kit in each theme), the accent
colour, the page size, the cover still, and which sections the PDF shows, in what order."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from presskit import model
from presskit.gui.editors.sections import fill, scrolling, still_options, titled
from presskit.gui.fields import Form, ListPane, Spec
from presskit.gui.session import Session
from presskit.gui.workers import run_in_background
from presskit.render.themes import theme_names

CARD = QSize(150, 212)  # an A4 cover, small
REFRESH_MS = 400  # after the last edit that changes how the covers look

PAGE = [
    Spec("page_size", "Page size", "choice", choices=model.PAGE_SIZES),
    Spec("cover_still", "Cover still (None: the first still)", "ref", options=still_options),
]
ACCENT = [Spec("accent", "Accent colour", placeholder="#8C2F39 (empty: the theme's own)")]


class ThemePicker(QListWidget):
    """One card per theme: this kit's cover drawn in it. A click sets the kit's theme."""

    def __init__(self, session: Session):
        super().__init__()
        self.setObjectName("theme-picker")
        self.session = session
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setMovement(QListWidget.Movement.Static)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(CARD)
        self.setGridSize(QSize(CARD.width() + 28, CARD.height() + 36))
        self.setFixedHeight(CARD.height() + 48)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for name in theme_names():
            item = QListWidgetItem(name.capitalize(), self)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"Lay the kit out in the {name} theme")
            item.setSizeHint(self.gridSize())
        self.covers_made = 0  # how many times the covers were drawn (tests wait on it)
        self._running = False
        self._stale = True
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.draw_covers)
        self.currentItemChanged.connect(self._chosen)
        session.changed.connect(self._kit_changed)
        session.reset.connect(self._kit_changed)
        self.show_theme()

    def theme(self) -> str:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def show_theme(self) -> None:
        self.blockSignals(True)
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == self.session.kit.design.theme:
                self.setCurrentRow(row)
        self.blockSignals(False)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.session.set(("design", "theme"), item.data(Qt.ItemDataRole.UserRole), "Theme")

    def _kit_changed(self, path: tuple = ()) -> None:
        if path[:2] == ("design", "theme"):
            self.show_theme()
            return
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self.draw_covers)  # start() would change the timer's delay

    def draw_covers(self) -> None:
        """Renders the cover in every theme off the GUI thread; draws the cards from them."""
        if self._running:
            self._timer.start()
            return
        self._stale = False
        self._running = True
        snapshot = self.session.snapshot()
        images = self.session.worker_images()
        names = [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())]

        def job() -> dict[str, bytes]:
            from presskit import render

            covers = {}
            with images() as source:
                for name in names:
                    options = render.Options(profile="screen", theme=name, sections=["cover"])
                    covers[name] = render.render_pdf(snapshot, source, options).pdf
            return covers

        run_in_background(job, self._covers_drawn, self._covers_failed, owner=self)

    def _covers_drawn(self, covers: dict[str, bytes]) -> None:
        self._running = False
        for row in range(self.count()):
            item = self.item(row)
            image = _first_page(covers[item.data(Qt.ItemDataRole.UserRole)], CARD)
            if not image.isNull():
                card = QIcon()
                for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):  # a cover, never tinted
                    card.addPixmap(QPixmap.fromImage(image), mode)
                item.setIcon(card)
        self.covers_made += 1

    def _covers_failed(self, err: BaseException) -> None:
        self._running = False
        self.setToolTip(f"The theme covers could not be drawn: {err}")


def _first_page(pdf: bytes, size: QSize) -> QImage:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    page = document.pagePointSize(0)
    scale = min(size.width() / page.width(), size.height() / page.height())
    image = document.render(0, QSize(round(page.width() * scale), round(page.height() * scale)))
    if not image.isNull():  # a hairline round the paper: a white cover on a white list
        painter = QPainter(image)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.drawRect(image.rect().adjusted(0, 0, -1, -1))
        painter.end()
    return image


class AccentButton(QPushButton):
    """A swatch of the accent colour; a click opens the colour chooser."""

    def __init__(self, session: Session):
        super().__init__("Choose…")
        self.setObjectName("choose-accent")
        self.session = session
        self.clicked.connect(self.choose)
        session.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self, path: tuple = ("design", "accent")) -> None:
        if path[:2] not in (("design", "accent"), ("design",)):
            return
        swatch = QPixmap(16, 16)
        accent = QColor(self.session.kit.design.accent or "#00000000")
        swatch.fill(accent if accent.isValid() else QColor(0, 0, 0, 0))
        self.setIcon(QIcon(swatch))

    def choose(self) -> None:
        current = QColor(self.session.kit.design.accent or "#8C2F39")
        colour = QColorDialog.getColor(current, self, "Accent colour")
        if colour.isValid():
            self.session.set(("design", "accent"), colour.name().upper(), "Accent colour")


class DesignEditor(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.themes = ThemePicker(session)
        accent = Form(session, ACCENT)
        accent.bind(("design",))
        _put_beside(accent, "accent", AccentButton(session))
        page = Form(session, PAGE)
        page.bind(("design",))
        sections = ListPane(
            session,
            ("design", "sections"),
            lambda s: f"{_section_label(s.name)}{'' if s.visible else '  (hidden)'}",
            model.SectionSetting,
            "section",
            fixed=True,
        )
        sections.list.setMaximumHeight(150)
        visible = Form(session, [Spec("visible", "Show this section", "check")])
        sections.selected.connect(visible.bind)
        sections.refresh()
        fill(
            self,
            scrolling(
                titled(
                    "Design",
                    "How the PDF looks. Every change shows in the preview.",
                    _label("Theme"),
                    self.themes,
                    accent,
                    page,
                    _label("Sections, in order (drag or Alt+Up/Down to reorder)"),
                    sections,
                    visible,
                )
            ),
        )


def _put_beside(form: Form, key: str, extra: QWidget) -> None:
    """Sets ``extra`` on the same line as the field ``key``, after it."""
    layout = form.layout()
    row, _role = layout.getWidgetPosition(form.widgets[key])
    taken = layout.takeRow(row)
    line = QWidget()
    beside = QHBoxLayout(line)
    beside.setContentsMargins(0, 0, 0, 0)
    beside.addWidget(taken.fieldItem.widget(), 1)
    beside.addWidget(extra)
    layout.insertRow(row, taken.labelItem.widget(), line)


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("subheading", True)
    return label


def _section_label(key: str) -> str:
    section = model.SECTION_INFO.get(key)
    return section.label if section else key
