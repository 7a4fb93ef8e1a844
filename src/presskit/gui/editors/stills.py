"""Stills: a gallery of large thumbnails, each with its credit under it, and the fields of
the selected still. Drop image files anywhere on the section to add them."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
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
from presskit.gui.editors.sections import film_options, scrolling
from presskit.gui.fields import Form, Spec
from presskit.gui.session import Session
from presskit.gui.workers import run_in_background
from presskit.store import read_asset_bytes

THUMB = 220
THUMB_SPEC = f"thumb:{THUMB}"
STILL = [
    Spec("caption", "Caption", placeholder="Dragonfly: the pond at dusk"),
    Spec("credit", "Photographer (printed as “Photo: NAME”)", placeholder="Ian Chen"),
    Spec("copyright", "Copyright or licence", placeholder="© 2025 Ian Chen"),
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
        self._loading: set[str] = set()
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
        self.gallery.currentRowChanged.connect(self._select)
        self.form = Form(session, STILL)
        self.film = Form(session, [Spec("film", "Film", "ref", options=film_options)])
        add = QPushButton("Add stills…")
        add.setObjectName("add-stills")
        add.clicked.connect(self.choose_files)
        remove = QPushButton("Remove")
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
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(24, 18, 12, 18)
        column.addWidget(heading)
        column.addWidget(hint)
        column.addWidget(self.gallery, 1)
        column.addLayout(buttons)
        right = QWidget()
        fields = QVBoxLayout(right)
        fields.addWidget(self.form)
        fields.addWidget(self.film)
        fields.addStretch()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scrolling(right))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        session.changed.connect(self._on_changed)
        session.reset.connect(self.refresh)
        self.refresh()

    # -- the gallery ------------------------------------------------------------------------

    def refresh(self) -> None:
        row = self.gallery.currentRow()
        self.gallery.blockSignals(True)
        self.gallery.clear()
        for still in self.session.kit.stills:
            item = QListWidgetItem(self._label(still), self.gallery)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            if still.asset in self.thumbs:
                item.setIcon(QIcon(self.thumbs[still.asset]))
            else:
                self._make_thumbnail(still.asset)
        self.gallery.blockSignals(False)
        count = self.gallery.count()
        self.gallery.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self._select(self.gallery.currentRow())

    def _label(self, still: model.Still) -> str:
        credit = f"Photo: {still.credit}" if still.credit.strip() else "⚠ No credit"
        return f"{still.caption or 'Untitled'}\n{credit}"

    def _on_changed(self, path: tuple) -> None:
        if path[:1] == ("stills",) or path[:1] == ("films",):
            if len(path) == 3 and path[0] == "stills" and isinstance(path[1], int):
                item = self.gallery.item(path[1])
                if item is not None:
                    item.setText(self._label(self.session.kit.stills[path[1]]))
                    return
            self.refresh()

    def _select(self, row: int) -> None:
        base = ("stills", row) if row >= 0 else None
        self.form.bind(base)
        self.film.bind(base)

    # -- thumbnails, made off the GUI thread and cached in the kit file ----------------------

    def _make_thumbnail(self, asset: str) -> None:
        if not asset or asset in self._loading:
            return
        kit_file, pending = self.session.kit_file, self.session.pending_assets.get(asset)
        cached = kit_file.get_rendition(asset, THUMB_SPEC) if kit_file and not pending else None
        if cached is not None:
            self._thumbnail_done((asset, cached, False))
            return
        self._loading.add(asset)
        path = str(kit_file.path) if kit_file else ""
        data = pending.data if pending else None

        def job() -> tuple[str, bytes, bool]:
            from presskit.imaging.renditions import make_rendition

            original = data if data is not None else read_asset_bytes(path, asset)
            return asset, make_rendition(original, "still", (THUMB * 2, THUMB * 2), 82).data, True

        run_in_background(
            job, self._thumbnail_done, lambda err: self._loading.discard(asset), owner=self
        )

    def _thumbnail_done(self, result: tuple[str, bytes, bool]) -> None:
        asset, data, fresh = result
        self._loading.discard(asset)
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.thumbs[asset] = pixmap
        if fresh and self.session.kit_file and not self.session.kit_file.read_only:
            with contextlib.suppress(PresskitError):  # a cache: the next start makes it again
                self.session.kit_file.put_rendition(
                    asset,
                    THUMB_SPEC,
                    data,
                    width=pixmap.width(),
                    height=pixmap.height(),
                    mime="image/jpeg",
                )
        for row, still in enumerate(self.session.kit.stills):
            if still.asset == asset and self.gallery.item(row):
                self.gallery.item(row).setIcon(QIcon(pixmap))
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
            self.session.pending_assets[image.sha256] = image.asset
            operations.append(model.InsertItem(("stills",), len(kit.stills) - 1, still))
        if operations:
            noun = "still" if len(operations) == 1 else f"{len(operations)} stills"
            self.session.apply(model.Batch(tuple(operations)), f"Add {noun}")
        if problems:
            QMessageBox.warning(self, "Some files were not added", "\n".join(problems))

    def remove_selected(self) -> None:
        rows = sorted(
            (self.gallery.row(item) for item in self.gallery.selectedItems()), reverse=True
        )
        if rows:
            noun = "still" if len(rows) == 1 else f"{len(rows)} stills"
            self.session.apply(
                model.Batch(tuple(model.RemoveItem(("stills",), r) for r in rows)), f"Remove {noun}"
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        files = [f for f in files if Path(f).is_file()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)
