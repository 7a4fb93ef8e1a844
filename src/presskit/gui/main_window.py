"""The main window: the section list beside the chosen section's editor."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from presskit import model
from presskit.errors import PresskitError
from presskit.gui import recovery
from presskit.gui.editors.design import DesignEditor
from presskit.gui.editors.sections import (
    FilmsEditor,
    InterviewEditor,
    LinksEditor,
    ProfileEditor,
)
from presskit.gui.editors.stills import StillsEditor
from presskit.gui.icons import icon
from presskit.gui.preflight_panel import PreflightPanel
from presskit.gui.preview import PreviewPane
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.gui.workers import (
    run_in_background,
    save_pool,
    wait_for_background_jobs,
    wait_for_saves,
)
from presskit.store import KitFile

KIT_FILTER = "Press kits (*.presskit)"
# Where a finding's path leads: the section, and the list whose item it names.
SECTION_OF = {
    "person": "Profile",
    "interview": "Interview",
    "films": "Films",
    "stills": "Stills",
    "links": "Links & contact",
    "contact": "Links & contact",
    "design": "Design",
}
LIST_OF = {
    "interview": "question-list",
    "films": "film-list",
    "stills": "gallery",
    "links": "link-list",
    "design": "section-list",
}
EDITORS = {
    "Profile": ProfileEditor,
    "Interview": InterviewEditor,
    "Films": FilmsEditor,
    "Stills": StillsEditor,
    "Links & contact": LinksEditor,
    "Design": DesignEditor,
}
# The page of the preview each section's edits show on.
PREVIEW_ANCHOR = {
    "Profile": "cover",
    "Interview": "interview",
    "Films": "films",
    "Stills": "stills",
    "Links & contact": "contact",
    "Design": "cover",
}
AUTOSAVE_MS = 2000  # after the last edit: often enough that a crash loses seconds, not minutes


class MainWindow(QMainWindow):
    autosaved = Signal()

    def __init__(self, session: Session, settings: Settings | None = None):
        super().__init__()
        self.settings = settings or Settings()
        self.session = session
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setIconSize(QSize(20, 20))
        self.sections.setMaximumWidth(230)
        self.stack = QStackedWidget()
        self.editors: dict[str, QWidget] = {}  # built when first shown: a fast start
        self.preview = PreviewPane(session)
        icons = {
            "Profile": "user",
            "Interview": "message-square-quote",
            "Films": "clapperboard",
            "Stills": "images",
            "Links & contact": "link",
            "Design": "palette",
        }
        for name in EDITORS:
            self.stack.addWidget(QWidget())
            QListWidgetItem(icon(icons[name]), name, self.sections)
        self.sections.currentRowChanged.connect(self._show_section)
        self.sections.setCurrentRow(0)
        self.splitter = QSplitter()
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.sections)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([200, 620, 460])
        self.setCentralWidget(self.splitter)
        self._autosaving = False
        self.autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self._build_menus()
        self.preflight = PreflightPanel(session, self.reveal, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preflight)
        self.preflight.hide()
        self.statusBar().addPermanentWidget(self.preflight.counts)
        # Bound methods, not lambdas: Qt drops them when this window goes, the session may not.
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.undo_stack.indexChanged.connect(self._edited)
        self._update_counts()
        self._update_title()
        self.resize(1280, 820)
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        dividers = self.settings.splitter_state()
        if dividers is not None:
            self.splitter.restoreState(dividers)
        self.show_preview(self.settings.preview_visible)

    def reveal(self, path: tuple) -> None:
        """Shows the place a preflight finding is about: its section, item and field."""
        if not path:
            return
        section = SECTION_OF.get(str(path[0]))
        if section is None:
            return
        self.sections.setCurrentRow(list(EDITORS).index(section))
        editor = self.editor(section)
        index = next((p for p in path if isinstance(p, int)), None)
        listing = editor.findChild(QListWidget, LIST_OF.get(str(path[0]), ""))
        if listing is not None and index is not None:
            listing.clearSelection()
            listing.setCurrentRow(index)
        field = next((p for p in reversed(path) if isinstance(p, str)), "")
        widget = editor.findChild(QWidget, field) if field else None
        if widget is not None and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def editor(self, name: str) -> QWidget:
        """The editor of a section, built the first time it is wanted."""
        if name not in self.editors:
            index = list(EDITORS).index(name)
            placeholder = self.stack.widget(index)
            self.editors[name] = EDITORS[name](self.session)
            if name == "Interview":
                self.editors[name].import_requested.connect(self.import_interview)
            if name == "Films":
                self.editors[name].pane.selected.connect(self._film_chosen)
            self.stack.insertWidget(index, self.editors[name])
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return self.editors[name]

    def _show_section(self, row: int) -> None:
        if row >= 0:
            name = list(EDITORS)[row]
            self.editor(name)
            self.stack.setCurrentIndex(row)
            self.preview.reveal(PREVIEW_ANCHOR[name])

    def _film_chosen(self, path: tuple | None) -> None:
        """The preview follows the film being edited to its page."""
        if path is not None and path[-1] < len(self.session.kit.films):
            self.preview.reveal(f"film-{self.session.kit.films[path[-1]].id}")

    def show_preview(self, visible: bool) -> None:
        self.preview.setVisible(visible)
        self.preview_action.setChecked(visible)
        self.settings.preview_visible = visible

    # -- menus -----------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        action.setObjectName(name or text.replace("&", "").strip(".…").lower().replace(" ", "-"))
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        menu.addAction(self._action("&New Kit", self.new_kit, QKeySequence.StandardKey.New))
        menu.addAction(self._action("&Open…", self.open_dialog, QKeySequence.StandardKey.Open))
        self.recent_menu = menu.addMenu("Open &Recent")
        self._fill_recent()
        menu.addSeparator()
        menu.addAction(self._action("&Save", self.save, QKeySequence.StandardKey.Save))
        menu.addAction(self._action("Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs))
        menu.addAction(self._action("Save a C&lean Copy…", self.save_clean_copy))
        menu.addAction(
            self._action("&Export PDF…", self.export_dialog, QKeySequence("Ctrl+E"), "export")
        )
        menu.addAction(
            self._action("&Import Interview…", self.import_interview, QKeySequence("Ctrl+I"))
        )
        menu.addAction(self._action("Re&visions…", self.revisions_dialog))
        menu.addSeparator()
        menu.addAction(self._action("&Close", self.close, QKeySequence.StandardKey.Close))
        menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        edit = self.menuBar().addMenu("&Edit")
        undo = self.session.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        edit.addAction(
            self._action(
                "&Preferences…", self.preferences_dialog, QKeySequence.StandardKey.Preferences
            )
        )
        view = self.menuBar().addMenu("&View")
        self.preview_action = self._action(
            "Show &Preview", self.show_preview, QKeySequence("Ctrl+Shift+P"), "show-preview"
        )
        self.preview_action.setCheckable(True)
        self.preview_action.setIcon(icon("panel-right"))
        view.addAction(self.preview_action)
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        undo.setIcon(icon("undo-2"))
        redo.setIcon(icon("redo-2"))
        export = self.findChild(QAction, "export")
        export.setIcon(icon("file-down"))
        for action in (undo, redo, export):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.preview_action)
        # Undo and Redo read at a glance; "Export PDF" says what the document icon means.
        toolbar.widgetForAction(export).setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    def _remember(self, path: Path) -> None:
        self.settings.remember(path)
        self._fill_recent()

    # -- state -----------------------------------------------------------------------------

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _edited(self, _index: int = 0) -> None:
        if not shiboken6.isValid(self.session.undo_stack):  # the session is being torn down
            return
        self._update_counts()
        if self.session.modified:
            self.autosave_timer.start()

    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else "Untitled kit"
        note = " (read-only)" if self.session.kit_file and self.session.kit_file.read_only else ""
        self.setWindowTitle(f"{name}[*]{note} — presskit")
        self.setWindowModified(self.session.modified)

    def _update_counts(self) -> None:
        kit = self.session.kit
        counts = {
            "Interview": len(kit.interview.items),
            "Films": len(kit.films),
            "Stills": len(kit.stills),
            "Links & contact": len(kit.links),
        }
        uncredited = sum(1 for s in kit.stills if not s.credit.strip())
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            name = item.text().split("  ")[0]
            text = f"{name}  {counts[name]}" if name in counts else name
            if name == "Stills" and uncredited:
                text += f"  ⚠ {uncredited}"
                item.setToolTip(f"{uncredited} still(s) without a photographer credit")
            item.setText(text)

    # -- files -----------------------------------------------------------------------------

    def autosave(self) -> None:
        """Saves a snapshot without a revision, off the GUI thread, so the file on disk (or
        the recovery file of untitled work) never lags far behind the window."""
        if not self.session.modified:
            return
        if self._autosaving:
            self.autosave_timer.start()  # one at a time: try again after this one
            return
        try:
            target = self.session.autosave_target()
        except PresskitError as err:
            self.statusBar().showMessage(str(err))
            return
        if target is None:
            return
        snapshot, kept = self.session.snapshot(), self._autosave_images()

        def job() -> None:
            with target.another_connection() as connection:
                connection.save(snapshot, revision=False, **kept)

        self._autosaving = True
        run_in_background(job, self._autosaved, self._autosave_failed, pool=save_pool(), owner=self)

    def _autosave_images(self) -> dict[str, object]:
        """The images an autosave writes (added this session) and keeps (all undo can bring
        back), so no picture is ever wiped while the history still needs it."""
        return {
            "new_assets": list(self.session.pending_assets.values()),
            "keep_assets": self.session.assets_to_keep(),
        }

    def autosave_now(self) -> None:
        """The same, on this thread: for closing, and for the emergency save after a crash."""
        target = self.session.autosave_target() if self.session.modified else None
        if target is not None:
            wait_for_saves()
            target.save(self.session.kit, revision=False, **self._autosave_images())

    def _autosaved(self, _result: object) -> None:
        self._autosaving = False
        self.statusBar().showMessage("Saved automatically", 2000)
        self.autosaved.emit()

    def _autosave_failed(self, err: BaseException) -> None:
        self._autosaving = False
        self.statusBar().showMessage(f"Autosave failed: {err}")

    def save(self) -> bool:
        if self.session.kit_file is None or self.session.kit_file.read_only:
            return self.save_as()
        wait_for_saves()  # an autosave under way lands first, then this one
        try:
            self.session.save()
        except PresskitError as err:
            QMessageBox.critical(self, "Not saved", str(err))
            return False
        self.statusBar().showMessage(f"Saved {self.session.path.name}", 3000)
        return True

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save kit as", "", KIT_FILTER)
        return self.save_to(path) if path else False

    def save_to(self, path: str) -> bool:
        target = Path(path if path.endswith(".presskit") else f"{path}.presskit")
        wait_for_background_jobs()
        try:
            source = self.session.kit_file or self.session.recovery
            if source is not None:
                new_file = source.save_as(target, self.session.kit, **self._autosave_images())
                if self.session.kit_file is not None:
                    self.session.kit_file.close()
                else:
                    recovery.discard(self.session.recovery)
                    self.session.recovery = None
            else:
                if target.exists():
                    target.unlink()  # the dialog asked before replacing it
                new_file = KitFile.create(
                    target, self.session.kit, list(self.session.pending_assets.values())
                )
        except (PresskitError, OSError) as err:
            QMessageBox.critical(self, "Not saved", str(err))
            return False
        self.session.kit_file = new_file
        self.session.undo_stack.setClean()
        self._remember(target)
        self._update_title()
        return True

    def save_clean_copy(self) -> bool:
        from presskit.gui.clean_copy import save_clean_copy

        return save_clean_copy(self)

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to let the current kit go (saved, or the person chose)."""
        if not self.session.modified:
            return True
        if self.session.kit_file is not None and not self.session.kit_file.read_only:
            try:
                self.autosave_now()  # the open file is kept up to date: nothing to ask
            except PresskitError as err:
                QMessageBox.critical(self, "Not saved", str(err))
                return False
            return True
        answer = QMessageBox.question(
            self,
            "Keep this kit?",
            "This kit has never been saved. Save it before closing?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            wait_for_background_jobs()
            recovery.discard(
                self.session.recovery
            )  # a deliberate discard leaves nothing to recover
            self.session.recovery = None
            return True
        return False

    def new_kit(self) -> None:
        if self.maybe_keep_changes():
            self._replace(Session(new_kit(self.settings)))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open kit", "", KIT_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        if not self.maybe_keep_changes():
            return
        try:
            kit_file = KitFile.open(path)
            session = Session(kit_file.load(), kit_file)
        except PresskitError as err:
            QMessageBox.warning(self, "Cannot open", str(err))
            return
        self._remember(Path(path))
        self._replace(session)

    def _replace(self, session: Session) -> None:
        """A different kit in this window: a fresh window is simplest and leaves nothing stale."""
        window = MainWindow(session, self.settings)
        window.show()
        self._closing_for_replace = True
        self.close()

    def export_dialog(self) -> None:
        from presskit.gui.export_dialog import ExportDialog  # ReportLab stays unloaded till now

        dialog = ExportDialog(self.session, self, self.settings)
        dialog.exported.connect(
            lambda path: self.statusBar().showMessage(f"Exported {Path(path).name}", 5000)
        )
        dialog.exec()
        dialog.deleteLater()

    def import_interview(self) -> None:
        from presskit.gui.import_dialog import ImportDialog

        ImportDialog(self.session, self).exec()

    def revisions_dialog(self) -> None:
        from presskit.gui.dialogs import RevisionsDialog

        if self.session.kit_file is None:
            QMessageBox.information(
                self,
                "No revisions yet",
                "Each time you save, presskit keeps a revision to go back to.",
            )
            return
        RevisionsDialog(self.session, self).exec()

    def preferences_dialog(self) -> None:
        from presskit.gui.dialogs import PreferencesDialog

        PreferencesDialog(self.settings, self).exec()

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not getattr(self, "_closing_for_replace", False) and not self.maybe_keep_changes():
            event.ignore()
            return
        self.autosave_timer.stop()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.preview.stop()
        wait_for_background_jobs()  # no thread may outlive the file it reads
        for kit_file in (self.session.kit_file, self.session.recovery):
            if kit_file is not None:
                kit_file.close()  # a recovery file still here was neither saved nor discarded
        event.accept()


def new_kit(settings: Settings) -> model.PressKit:
    """An empty kit with the person's preferred theme and page size."""
    kit = model.PressKit()
    kit.design.theme, kit.design.page_size = settings.default_theme, settings.default_page_size
    return kit


def open_sample(folder: Path) -> Path:
    """A fresh copy of the sample kit to play with, made once per folder."""
    from presskit import kitio

    path = folder / "sample.presskit"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        kitio.create_kit(path, kitio.sample_json()).close()
    return path
