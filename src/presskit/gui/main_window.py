"""The main window: the section list beside the chosen section's editor."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
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
from presskit.gui.editors.sections import FilmsEditor, InterviewEditor
from presskit.gui.fields import Collapsible
from presskit.gui.icons import icon
from presskit.gui.pages import PAGES, page_for
from presskit.gui.places import existing_documents_folder, file_name
from presskit.gui.preflight_panel import PreflightPanel
from presskit.gui.preview import PreviewPane
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.gui.workers import wait_for_background_jobs
from presskit.store import KitFile

KIT_FILTER = "Press kits (*.presskit)"
EDITOR_MIN_WIDTH = 420  # px
PREFLIGHT_HEIGHT = 150  # px: a few findings in view, the editor keeps most of the height


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
        # Room for a form's labels and fields whatever else is open: the preview yields first.
        self.stack.setMinimumWidth(EDITOR_MIN_WIDTH)
        self.editors: dict[str, QWidget] = {}  # built when first shown: a fast start
        self.preview = PreviewPane(session)
        for page in PAGES:
            self.stack.addWidget(QWidget())
            QListWidgetItem(icon(page.icon), page.label, self.sections)
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
        self.autosave_timer = session.autosave_timer  # the session's: tests drive it from here
        self._decided = False  # the kit may go without asking (replaced, or the session ends)
        self._build_menus()
        self.preflight = PreflightPanel(session, self.reveal, self)
        # Below the editor and the preview, as a list of problems: beside them it squeezed
        # the form to a sliver at 1280 px.
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.preflight)
        self.resizeDocks([self.preflight], [PREFLIGHT_HEIGHT], Qt.Orientation.Vertical)
        self.preflight.hide()
        self.preflight.preview_renders = self.preview.isVisible
        self.preview.laid_out.connect(self.preflight.take_layout)
        self.statusBar().addPermanentWidget(self.preflight.counts)
        # Bound methods, not lambdas: Qt drops them when this window goes, the session may not.
        session.undo_stack.cleanChanged.connect(self._clean_changed)
        session.undo_stack.indexChanged.connect(self._edited)
        session.autosaved.connect(self._autosaved)
        session.autosave_failed.connect(self.statusBar().showMessage)
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
        page = page_for(str(path[0]))
        if page is None:
            return
        self.sections.setCurrentRow(PAGES.index(page))
        editor = self.editor(page.label)
        index = next((p for p in path if isinstance(p, int)), None)
        listing = editor.findChild(QListWidget, page.lists.get(str(path[0]), ""))
        if listing is not None and index is not None:
            listing.clearSelection()
            listing.setCurrentRow(index)
        field = next((p for p in reversed(path) if isinstance(p, str)), "")
        widget = editor.findChild(QWidget, field) if field else None
        parent = widget
        while parent is not None:  # a field in a folded group: unfold it
            if isinstance(parent, Collapsible):
                parent.set_expanded(True)
            parent = parent.parentWidget()
        if widget is not None and widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def editor(self, name: str) -> QWidget:
        """The editor of a section, built the first time it is wanted."""
        if name not in self.editors:
            index = next(i for i, page in enumerate(PAGES) if page.label == name)
            placeholder = self.stack.widget(index)
            editor = self.editors[name] = PAGES[index].editor(self.session)
            if isinstance(editor, InterviewEditor):
                editor.import_requested.connect(self.import_interview)
            if isinstance(editor, FilmsEditor):
                editor.pane.selected.connect(self._film_chosen)
            self.stack.insertWidget(index, self.editors[name])
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return self.editors[name]

    def _show_section(self, row: int) -> None:
        if row >= 0:
            page = PAGES[row]
            self.editor(page.label)
            self.stack.setCurrentIndex(row)
            self.preview.reveal(page.anchor)

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
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        for key in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):  # on every platform
            if key not in redo_keys:
                redo_keys.append(key)
        redo.setShortcuts(redo_keys)
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
        about = self._action("&About presskit", self.about_dialog, name="about")
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self.menuBar().addMenu("&Help").addAction(about)
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
        recent = self.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_path(p))
            action.setToolTip(path)  # two kits of the same name: the folder tells them apart
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear Menu", self._clear_recent).setObjectName(
                "clear-recent"
            )
        self.recent_menu.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.forget_recent()
        self._fill_recent()

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

    def _update_title(self) -> None:
        name = self.session.path.name if self.session.path else "Untitled kit"
        note = " (read-only)" if self.session.kit_file and self.session.kit_file.read_only else ""
        self.setWindowTitle(f"{name}[*]{note} — presskit")
        self.setWindowModified(self.session.modified)

    def _update_counts(self) -> None:
        kit = self.session.kit
        for row, page in enumerate(PAGES):
            text = page.label if page.count is None else f"{page.label}  {page.count(kit)}"
            wanting = page.attention(kit)
            item = self.sections.item(row)
            item.setText(f"{text}  ⚠ {wanting}" if wanting else text)
            item.setToolTip(page.attention_tip.format(wanting) if wanting else "")

    # -- files -----------------------------------------------------------------------------

    def _autosaved(self, where: str) -> None:
        self.statusBar().showMessage(where, 2000)
        self.autosaved.emit()

    def autosave_now(self) -> None:
        """Everything on disk now, on this thread: the emergency save after a crash."""
        self.session.write_now()

    def _written(self, write: Callable[[], object]) -> bool:
        """Runs a write; one that fails says why in a message box and changes nothing."""
        try:
            write()
        except (PresskitError, OSError) as err:
            QMessageBox.critical(self, "Not saved", str(err))
            return False
        return True

    def save(self) -> bool:
        if self.session.untitled or self.session.read_only:
            return self.save_as()
        if not self._written(self.session.save):
            return False
        self.statusBar().showMessage(f"Saved {self.session.path.name}", 3000)
        return True

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save kit as", str(self.suggested_path()), KIT_FILTER
        )
        return self.save_to(path) if path else False

    def suggested_path(self) -> Path:
        """ "NAME — press kit.presskit" beside this kit, or the last one opened."""
        name = file_name(self.session.kit.person.name or "Untitled")
        return self._last_folder() / f"{name} — press kit.presskit"

    def _last_folder(self) -> Path:
        candidates = [self.session.path, *map(Path, self.recent_files())]
        for path in candidates:
            if path is not None and path.parent.is_dir():
                return path.parent
        return existing_documents_folder()

    def save_to(self, path: str) -> bool:
        target = Path(path if path.endswith(".presskit") else f"{path}.presskit")
        wait_for_background_jobs()
        if not self._written(lambda: self.session.save_as(target)):
            return False
        self._remember(target)
        self._update_title()
        return True

    def save_clean_copy(self) -> bool:
        from presskit.gui.clean_copy import save_clean_copy

        return save_clean_copy(self)

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to let the current kit go: everything the window shows is on
        disk, or the person chose. Untitled or read-only work is asked about; the rest is
        written without a question."""
        if self.session.modified and (self.session.untitled or self.session.read_only):
            return self._ask_to_keep()
        return self._written(self.session.write_now)

    def _ask_to_keep(self) -> bool:
        question = (
            "This kit has never been saved. Save it before closing?"
            if self.session.untitled
            else "This kit is open read-only, so your changes are not in its file. "
            "Save them as a new kit before closing?"
        )
        answer = QMessageBox.question(
            self,
            "Keep this kit?",
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save_as()
        if answer == QMessageBox.StandardButton.Discard:
            if self.session.untitled:
                self.session.discard_recovery()
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
        self._decided = True
        self.close()

    def close_for_session_end(self) -> None:
        """The desktop session ends (or the process is told to stop): everything is written
        (untitled work into its recovery file, offered back at the next start) and the window
        closes without a question no one is there to answer."""
        with contextlib.suppress(PresskitError):  # else the file (or recovery file) as it was
            self.session.write_now()
        self._decided = True
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

    def about_dialog(self) -> None:
        from presskit.gui.about import show_about  # loaded when asked for: a faster start

        show_about(self)

    def preferences_dialog(self) -> None:
        from presskit.gui.dialogs import PreferencesDialog

        PreferencesDialog(self.settings, self).exec()

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._decided and not self.maybe_keep_changes():
            event.ignore()
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.preview.stop()
        wait_for_background_jobs()  # no thread may outlive the file it reads
        self.session.close()
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
