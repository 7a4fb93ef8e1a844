"""Stills: a gallery of large thumbnails, each with its credit under it, and the fields of
the selected still. Select several (Shift/Ctrl-click, Ctrl+A) to set one photographer,
copyright or film on all of them in one step, or to remove them. Drop image files anywhere
on the section to add them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit import model
from presskit.errors import PresskitError
from presskit.gui.editors.sections import fill, film_options, scrolling
from presskit.gui.fields import Form, Spec
from presskit.gui.icons import icon
from presskit.gui.session import Session
from presskit.gui.workers import run_in_background

THUMB = 220
THUMB_SPEC = f"thumb:{THUMB}"
# What a shoot has in common, set on one still or on all the selected ones at once.
SHARED = [
    Spec("credit", "Photographer (printed as “Photo: NAME”)", placeholder="Ian Chen"),
    Spec("copyright", "Copyright or licence", placeholder="© 2025 Ian Chen"),
    Spec("film", "Film", "ref", options=film_options),
]
# What belongs to one picture: a caption or description is never the same for several.
OWN = [
    Spec("caption", "Caption", placeholder="Dragonfly: the pond at dusk"),
    Spec("alt", "Description for screen readers", "text", placeholder="What the picture shows."),
    Spec("included", "Show in the stills pages", "check"),
]
IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic)"


class StillsEditor(QWidget):
    thumbnails_ready = Signal()

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.thumbs: dict[str, QPixmap] = {}
        self._names: dict[str, str] = {}  # file names, for stills without a caption
        self._loading: set[str] = set()
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self._lay_out_gallery)
        self.setAcceptDrops(True)
        self.gallery = QListWidget()
        self.gallery.setObjectName("gallery")
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB, THUMB * 2 // 3))
        self.gallery.setGridSize(QSize(THUMB + 24, THUMB * 2 // 3 + 52))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setMovement(QListWidget.Movement.Static)
        self.gallery.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.gallery.setWordWrap(True)
        self.gallery.itemSelectionChanged.connect(self._selection_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.gallery)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.remove_selected)
        self.status = QLabel()
        self.status.setObjectName("selection-status")
        self.status.setWordWrap(True)
        self.shared = Form(session, SHARED, plural="stills")
        self.one_at_a_time = QLabel(
            "Caption, description and “Show in the stills pages” are set one still at a time."
        )
        self.one_at_a_time.setProperty("muted", True)
        self.one_at_a_time.setWordWrap(True)
        self.own = Form(session, OWN)
        add = QPushButton(icon("image-plus"), "Add stills…")
        add.setObjectName("add-stills")
        add.clicked.connect(self.choose_files)
        remove = QPushButton(icon("trash-2"), "Remove")
        remove.setObjectName("remove-stills")
        remove.setToolTip("Remove the selected stills (Delete); Undo brings them back")
        remove.clicked.connect(self.remove_selected)
        heading = QLabel("Stills")
        heading.setProperty("heading", True)
        hint = QLabel(
            "Drop photographs here, or add them. Every still prints with “Photo: NAME” under it."
        )
        hint.setProperty("muted", True)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(24, 18, 24, 6)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addWidget(self.gallery, 1)
        column.addLayout(buttons)
        # The fields under the gallery, in two columns: beside the live preview the editor is
        # narrow, and the gallery wants the width for a grid of thumbnails.
        details = QWidget()
        columns = QHBoxLayout(details)
        columns.setContentsMargins(24, 6, 24, 18)
        columns.setSpacing(24)
        shared = QVBoxLayout()
        shared.addWidget(self.status)
        shared.addWidget(self.shared)
        shared.addStretch()
        own = QVBoxLayout()
        own.addWidget(self.one_at_a_time)
        own.addWidget(self.own)
        own.addStretch()
        columns.addLayout(shared, 1)
        columns.addLayout(own, 1)
        for form in (self.shared, self.own):  # the fields line up with the status line
            form.layout().setContentsMargins(0, 0, 0, 0)
        self.own.widgets["alt"].setMaximumHeight(96)  # a sentence or two
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(scrolling(details))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        fill(self, splitter)
        session.changed.connect(self._on_changed)
        session.reset.connect(self.refresh)
        self.refresh()

    # -- the gallery ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuilds the gallery, keeping the selection on the rows that are still there."""
        row, selected = self.gallery.currentRow(), self.selected_rows()
        self._names = self.session.picture_names()
        self.gallery.blockSignals(True)
        self.gallery.clear()
        for still in self.session.kit.stills:
            item = QListWidgetItem(self._label(still), self.gallery)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            if still.asset in self.thumbs:
                item.setIcon(QIcon(self.thumbs[still.asset]))
            else:
                self._make_thumbnail(still.asset)
        count = self.gallery.count()
        if count:
            self.gallery.setCurrentRow(min(max(row, 0), count - 1))
            for kept in selected:
                if kept < count:
                    self.gallery.item(kept).setSelected(True)
        self.gallery.blockSignals(False)
        self._selection_changed()

    def selected_rows(self) -> list[int]:
        return sorted(self.gallery.row(item) for item in self.gallery.selectedItems())

    def _label(self, still: model.Still) -> str:
        credit = f"Photo: {still.credit}" if still.credit.strip() else "⚠ No credit"
        name = still.caption.strip() or self._names.get(still.asset, "") or "No caption"
        return f"{name}\n{credit}"

    def _on_changed(self, path: tuple) -> None:
        if path[:1] == ("stills",) or path[:1] == ("films",):
            if len(path) == 3 and path[0] == "stills" and isinstance(path[1], int):
                item = self.gallery.item(path[1])
                if item is not None:
                    item.setText(self._label(self.session.kit.stills[path[1]]))
                    return
            self.refresh()

    def _selection_changed(self) -> None:
        bases = [("stills", row) for row in self.selected_rows()]
        self.shared.bind_many(bases)
        self.own.bind(bases[0] if len(bases) == 1 else None)
        # Hidden, not just disabled: its example placeholders would read like values.
        self.own.setVisible(len(bases) <= 1)
        self.one_at_a_time.setVisible(len(bases) > 1)
        if len(bases) > 1:
            self.status.setText(f"{len(bases)} stills selected")
        elif bases:
            self.status.setText("1 still selected. Shift- or Ctrl-click to select several.")
        else:
            self.status.setText("No still selected" if self.gallery.count() else "No stills yet")

    # -- thumbnails, made off the GUI thread and cached in the kit file ----------------------

    def _make_thumbnail(self, asset: str) -> None:
        """Reads the cached thumbnail, or makes and caches one, on a worker thread, decoded
        there too: the GUI thread only places the finished picture, so a 100-still gallery
        never stutters."""
        if not asset or asset in self._loading:
            return
        self._loading.add(asset)
        images = self.session.worker_images()

        def job() -> tuple[str, QImage]:
            with images() as source:
                cached = source.get_rendition(asset, THUMB_SPEC)
                if cached is not None:
                    return asset, QImage.fromData(cached)
                from presskit.imaging.renditions import make_rendition

                made = make_rendition(source.asset_bytes(asset), "still", (THUMB * 2,) * 2, 82)
                # A cache, so the next start makes none: kept through the source, which
                # leaves out pictures the file does not hold yet.
                source.put_rendition(
                    asset,
                    THUMB_SPEC,
                    made.data,
                    width=made.width,
                    height=made.height,
                    mime="image/jpeg",
                )
                return asset, QImage.fromData(made.data)

        run_in_background(
            job, self._thumbnail_done, lambda err: self._thumbnail_finished(asset), owner=self
        )

    def _thumbnail_done(self, result: tuple[str, QImage]) -> None:
        asset, image = result
        pixmap = QPixmap.fromImage(image)
        self.thumbs[asset] = pixmap
        for row, still in enumerate(self.session.kit.stills):
            if still.asset == asset and self.gallery.item(row):
                self.gallery.item(row).setIcon(QIcon(pixmap))
        # The view does not place an item again when its picture arrives (it would draw the
        # thumbnail off-centre, over its neighbour): once for all that arrive together.
        self._relayout.start()
        self._thumbnail_finished(asset)

    def _lay_out_gallery(self) -> None:
        self.gallery.doItemsLayout()

    def _thumbnail_finished(self, asset: str) -> None:
        self._loading.discard(asset)
        if not self._loading:
            self.thumbnails_ready.emit()

    # -- adding and removing ------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Add stills", "", IMAGE_FILTER)
        if files:
            self.add_files(files)

    def add_files(self, paths: list[str]) -> None:
        """Adds every readable image as one undoable step; names the ones that could not be read."""
        from presskit import kitio  # Pillow loads when the first image comes in

        operations, problems = [], []
        kit = self.session.snapshot()
        for path in paths:
            try:
                image = kitio.import_image(path)
            except PresskitError as err:
                problems.append(str(err))
                continue
            still = kitio.still_for(image, kit)
            kit.stills.append(still)
            self.session.add_picture(image.asset)
            operations.append(model.InsertItem(("stills",), len(kit.stills) - 1, still))
        if operations:
            noun = "still" if len(operations) == 1 else f"{len(operations)} stills"
            self.session.apply(model.Batch(tuple(operations)), f"Add {noun}")
            self._select_added(len(operations))
        if problems:
            QMessageBox.warning(self, "Some files were not added", "\n".join(problems))

    def _select_added(self, count: int) -> None:
        """The stills just added, selected, with the photographer field ready for typing:
        the credit is what a new still needs first (for all of them at once)."""
        self.gallery.clearSelection()
        last = self.gallery.count() - 1
        for row in range(last - count + 1, last + 1):
            self.gallery.item(row).setSelected(True)
        self.gallery.setCurrentRow(last, self.gallery.selectionModel().SelectionFlag.NoUpdate)
        self.gallery.scrollToItem(self.gallery.item(last))
        self.shared.widgets["credit"].setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_selected(self) -> None:
        """Removes the selected stills as one step; undo puts each back in its place."""
        rows = sorted(self.selected_rows(), reverse=True)
        if rows:
            noun = "still" if len(rows) == 1 else f"{len(rows)} stills"
            self.session.apply(model.remove_stills(self.session.kit, rows), f"Remove {noun}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        files = [f for f in files if Path(f).is_file()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)
