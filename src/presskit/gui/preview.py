"""The live preview: the kit laid out in its theme, beside the editor, kept current.

A moment after each edit the kit is rendered again, off the GUI thread, from a snapshot, with
the screen profile and the renditions cached in the kit file. One render runs at a time; an
edit made during it asks for one more, and a result older than the newest edit is dropped,
so the newest edit always wins and the window never waits for ReportLab.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.icons import icon
from presskit.gui.session import Session
from presskit.gui.workers import Latest

RENDER_DELAY_MS = 60  # after the last keystroke: one render runs at a time, newest wins
HINT = "Your kit appears here as you fill it in. Start with your name in Profile."
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 4.0)


class PreviewPane(QWidget):
    """Emits ``shown`` each time the preview shows a render of the newest edit."""

    shown = Signal()
    # The layout checker's faults of the render just shown (``render.layout_check.Fault``):
    # preflight lists them rather than lay the same pages out a second time.
    laid_out = Signal(list)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.session = session
        self.document = QPdfDocument(self)  # a new one, in a new view, for every render
        self.pdf = b""  # the PDF shown
        self.anchors: dict[str, int] = {}  # "interview", "film-dragonfly"... -> page (0-based)
        self.generation = 0  # bumped by every edit; a render carries the one it started from
        self.shown_generation = -1
        self.started_generation = -1  # a render that failed is not tried again until an edit
        self._renders = Latest(self._render_job, self._rendered, self._failed, self)
        self._wanted_anchor: str | None = None
        self._closing = threading.Event()  # read by a running render: stop making stills
        self.view = self._new_view(self.document, QPdfView.ZoomMode.FitToWidth, 1.0)
        self.progress = QProgressBar()
        self.progress.setObjectName("preview-progress")
        self.progress.setRange(0, 0)  # busy: how long ReportLab takes is not known ahead
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(3)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("preview-message")
        self.message.setWordWrap(True)
        self.message.setProperty("muted", True)
        self.message.setVisible(False)
        self.hint = QLabel(HINT)  # in place of the pages while there is nothing to show
        self.hint.setObjectName("preview-hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setProperty("muted", True)
        self.hint.setContentsMargins(24, 24, 24, 24)
        self.hint.setVisible(False)
        self.page_label = QLabel()
        self.page_label.setObjectName("preview-page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint, 1)
        self._timer = QTimer(self, singleShot=True, interval=RENDER_DELAY_MS)
        self._timer.timeout.connect(self.render)
        session.changed.connect(self.schedule)
        session.reset.connect(self.schedule)
        self.schedule()

    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.setSpacing(2)
        buttons = [
            ("previous-page", "chevron-up", "Previous page (Page Up)", self.previous_page),
            ("next-page", "chevron-down", "Next page (Page Down)", self.next_page),
            ("zoom-out", "zoom-out", "Zoom out (-)", self.zoom_out),
            ("zoom-in", "zoom-in", "Zoom in (+)", self.zoom_in),
            ("fit-width", "fit-width", "Fit the page width", self.fit_width),
        ]
        title = QLabel("Preview")
        title.setProperty("muted", True)
        bar.addWidget(title)
        bar.addStretch()
        bar.addWidget(self.page_label)
        bar.addSpacing(6)
        for name, icon_name, tip, slot in buttons:
            button = QToolButton()
            button.setObjectName(name)
            button.setIcon(icon(icon_name))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            bar.addWidget(button)
        return bar

    # -- rendering ---------------------------------------------------------------------------

    def schedule(self, _path: object = None) -> None:
        self.generation += 1
        if self.isVisible():  # a hidden preview renders once it is shown again
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.generation > self.started_generation:
            self._timer.start()

    def render(self) -> None:
        """Renders the newest snapshot, unless a render is running: then once it is done."""
        self._renders.ask()

    def _render_job(self) -> Callable[[], tuple[int, bytes, dict[str, int], list]] | None:
        if self.session.kit.is_blank():
            self._show_hint()
            return None
        generation = self.started_generation = self.generation
        snapshot = self.session.snapshot()
        images = self.session.worker_images()
        closing = self._closing

        def job() -> tuple[int, bytes, dict[str, int], list]:
            from presskit import render
            from presskit.render.layout_check import faults

            with images() as source:
                options = render.Options(profile="screen")
                result = render.render_pdf(snapshot, source, options, cancelled=closing.is_set)
            return generation, result.pdf, result.anchors, faults(result.plan)

        self.progress.setVisible(True)
        return job

    def _rendered(self, result: tuple[int, bytes, dict[str, int], list]) -> None:
        generation, pdf, anchors, layout_faults = result
        self.progress.setVisible(False)
        if generation < self.generation:
            return  # an edit came while it ran: its render is asked for, this one is stale
        self.message.setVisible(False)
        self._show(pdf, anchors)
        self.shown_generation = generation
        self.laid_out.emit(layout_faults)
        self.shown.emit()

    def _show_hint(self) -> None:
        """A brand-new kit: where to start, instead of a blank page."""
        self.started_generation = self.shown_generation = self.generation
        self.view.setVisible(False)
        self.hint.setVisible(True)
        self.anchors = {}
        self._update_page_label(blank=True)
        self.shown.emit()

    def stop(self) -> None:
        """The window is closing: a render making stills stops at the next one."""
        self._closing.set()
        self._timer.stop()

    def _failed(self, err: BaseException) -> None:
        self.progress.setVisible(False)
        if self._closing.is_set() or self.generation > self.started_generation:
            return  # closing, or an edit came: its render is asked for
        self.message.setText(f"The preview could not be drawn: {err}")
        self.message.setVisible(True)

    def _new_view(self, document: QPdfDocument, mode: QPdfView.ZoomMode, zoom: float) -> QPdfView:
        view = QPdfView()
        view.setObjectName("preview-view")
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setPageSpacing(12)
        # Always there: fitted to the width, a page that just fits showed the bar, which
        # narrowed the page, which hid the bar... a loop that kept the window busy.
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.setZoomMode(mode)
        view.setZoomFactor(zoom)
        view.setDocument(document)
        view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        return view

    def _show(self, pdf: bytes, anchors: dict[str, int]) -> None:
        """Shows a new render on the page the person was reading.

        Each render gets a new document in a new view. A view draws its pages on a thread
        of its own and files each drawn page by its number: a page asked for before the
        document changed came back afterwards and stood in for the new one (a preview one
        undo behind), or was dropped and left white until the zoom changed. A new view has
        no such page in flight."""
        old_view, old_document = self.view, self.document
        navigator = old_view.pageNavigator()
        page, location = navigator.currentPage(), navigator.currentLocation()
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(buffer)
        buffer.setParent(self.document)  # the document reads from it while it lives
        self.view = self._new_view(self.document, old_view.zoomMode(), old_view.zoomFactor())
        self.layout().replaceWidget(old_view, self.view)
        # Its size now, not at the next layout pass: a view lays its pages out when it is
        # sized, and the page to keep can only be jumped to once they are laid out.
        self.hint.setVisible(False)
        self.view.setGeometry(old_view.geometry())
        self.view.setVisible(True)
        old_view.deleteLater()
        old_document.deleteLater()
        self.pdf, self.anchors = pdf, anchors
        wanted, self._wanted_anchor = self._wanted_anchor, None
        if wanted in anchors:
            page, location = anchors[wanted], QPointF()
        elif page >= self.document.pageCount():  # the kit got shorter: its last page
            page, location = self.document.pageCount() - 1, QPointF()
        self._go(page, location)

    # -- finding one's way -------------------------------------------------------------------

    def reveal(self, anchor: str) -> None:
        """Brings the page of a section ("interview") or a film ("film-ID") into view."""
        page = self.anchors.get(anchor)
        if page is None or page >= self.document.pageCount():
            # Not rendered yet: when it is. A section the kit does not print is not waited for.
            self._wanted_anchor = anchor if self.shown_generation < 0 else None
            return
        self._wanted_anchor = None
        self._go(page)

    def is_current(self) -> bool:
        """True when the preview shows the newest edit."""
        return self.shown_generation == self.generation and not self._timer.isActive()

    def text(self, page: int | None = None) -> str:
        """The text the preview shows (every page, or one): what tests and the bench read."""
        pages = range(self.document.pageCount()) if page is None else [page]
        return "\n".join(self.document.getAllText(p).text() for p in pages)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def previous_page(self) -> None:
        self._go(self.current_page() - 1)

    def next_page(self) -> None:
        self._go(self.current_page() + 1)

    def _go(self, page: int, location: QPointF | None = None) -> None:
        if 0 <= page < self.document.pageCount():
            navigator = self.view.pageNavigator()
            navigator.jump(page, location or QPointF(), navigator.currentZoom())
            self._update_page_label()

    def zoom_in(self) -> None:
        self._zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(self.view.zoomFactor() / ZOOM_STEP)

    def _zoom(self, factor: float) -> None:
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            factor = self._fitted_factor() * (factor / max(self.view.zoomFactor(), 1e-6))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(factor, ZOOM_RANGE[0]), ZOOM_RANGE[1]))

    def _fitted_factor(self) -> float:
        """The zoom "fit the width" shows now: zooming starts from what the person sees."""
        if self.document.pageCount() == 0:
            return 1.0
        page_width = self.document.pagePointSize(0).width() * self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        return room / page_width if page_width > 0 else 1.0

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _update_page_label(self, *_args: object, blank: bool = False) -> None:
        count = 0 if blank else self.document.pageCount()
        self.page_label.setText(f"Page {self.current_page() + 1} of {count}" if count else "")

    def keyPressEvent(self, event) -> None:
        keys = {
            Qt.Key.Key_PageDown: self.next_page,
            Qt.Key.Key_PageUp: self.previous_page,
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
        }
        action = keys.get(Qt.Key(event.key()))
        if action is not None:
            action()
        else:
            super().keyPressEvent(event)
