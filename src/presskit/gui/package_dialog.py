"""Export Press Package: the theme and films, the folder it goes in, a progress bar and
Cancel while it runs, then the folder or the web page opened.

Like the PDF export, the work runs off the GUI thread on a snapshot of the kit, reading its
images through the worker's own connection; progress reaches the bar through a signal.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit import model
from presskit.gui.export_dialog import RunsAnExport, _choice, _is_dir, _Progress, _ticked
from presskit.gui.places import existing_documents_folder
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.gui.workers import Latest
from presskit.render.themes import theme_names
from presskit.web.package import MARKER, folder_refusal


def default_folder_name(kit: model.PressKit) -> str:
    return f"{model.file_name(kit.person.name)} press package"


def package_folder(text: str, base: Path) -> tuple[Path | None, str]:
    """The folder the text typed names, or None and one sentence saying why it cannot hold
    the package. Any text is an answer, never an exception: this runs at every keystroke.
    A relative path is taken from ``base``."""
    text = text.strip()
    if not text:
        return None, "Type the folder to write the package into, or choose Browse."
    if any(ord(c) < 32 for c in text):
        return None, "The name has characters that cannot be in a folder name."
    try:
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = base / path
        os.fsencode(path)
        refusal = folder_refusal(path)
    except RuntimeError:  # "~someone" who is not a user here
        return None, f"There is no home folder for “{text.split('/')[0]}”."
    except (UnicodeError, ValueError, OSError):  # a lone surrogate, a name the system refuses
        return None, "The name has characters that cannot be in a folder name."
    if refusal:
        return None, refusal
    if not os.access(path.parent, os.W_OK):
        return None, f"You cannot write in “{path.parent}”; choose another folder."
    return path, ""


class PackageDialog(RunsAnExport, QDialog):
    """The Export Press Package dialog. ``exported(folder)`` when a package is written."""

    exported = Signal(str)
    progressed = Signal(int, int)
    finished_export = Signal(str)  # "done", "cancelled" or "failed"
    failure = "The press package could not be made"

    def __init__(self, session: Session, parent: QWidget | None, settings: Settings):
        super().__init__(parent)
        self.setWindowTitle("Export Press Package")
        self.session = session
        self.settings = settings
        self.exporting = False
        self.result_path: Path | None = None
        self._exports = Latest(self._export_job, self._export_done, self._export_failed, self)
        self._progress = _Progress(self)
        self._progress.reported.connect(self._show_progress)

        kit = session.kit
        themes = {name: name.capitalize() for name in theme_names()}
        self.theme = _choice("theme", themes, kit.design.theme)
        self.theme.setMinimumWidth(220)
        self.films = QListWidget()
        self.films.setObjectName("package-films")
        for film in kit.films:
            title = film.title.strip() or "Untitled film"
            item = QListWidgetItem(f"{title} ({film.year})" if film.year else title, self.films)
            item.setData(Qt.ItemDataRole.UserRole, film.id)
            item.setCheckState(Qt.CheckState.Checked)
        self.films.setEnabled(self.films.count() > 0)
        self.films.setFixedHeight(
            self.films.fontMetrics().height() * 2 * min(max(self.films.count(), 2), 6)
        )
        self.path = QLineEdit(str(self.default_folder() / default_folder_name(kit)))
        self.path.setObjectName("path")
        self.path.setMinimumWidth(420)
        browse = QPushButton("Browse…")
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        self.path_note = QLabel()
        self.path_note.setObjectName("path-note")
        self.path_note.setWordWrap(True)
        what = QLabel(
            "A folder with a web page of the kit, the PDF for screen and for print, every "
            "still at full size with its credit written into the file, credits.csv and "
            "stills.zip."
        )
        what.setWordWrap(True)
        buttons, self.open_page = self._running_widgets(
            "Open Web Page", "open-page", self.open_web_page
        )

        form = QFormLayout()
        form.addRow("Theme", self.theme)
        form.addRow("Films to include", self.films)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(QLabel("Folder"))
        layout.addLayout(where)
        layout.addWidget(self.path_note)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addWidget(buttons)
        self._inputs: list[QWidget] = [self.theme, self.films, self.path, browse]
        self.path.textChanged.connect(self._path_changed)
        self._path_changed()

    # -- the choices -------------------------------------------------------------------------

    def default_folder(self) -> Path:
        """Beside the kit; else the last export folder, Documents, home: the first that is."""
        candidates = [
            self.session.path.parent if self.session.path else None,
            Path(self.settings.export_folder) if self.settings.export_folder else None,
        ]
        return next((c for c in candidates if c is not None and _is_dir(c)), None) or (
            existing_documents_folder()
        )

    def output_folder(self) -> Path | None:
        return package_folder(self.path.text(), self.default_folder())[0]

    destination = output_folder

    def choices(self) -> dict[str, Any]:
        films = [item.data(Qt.ItemDataRole.UserRole) for item in _ticked(self.films)]
        return {
            "theme": self.theme.currentData(),
            "films": None if len(films) == self.films.count() else films,
        }

    def browse(self) -> None:
        """Chooses the folder the package folder goes in; its name stays as typed."""
        current = self.output_folder()
        start = current.parent if current else self.default_folder()
        chosen = QFileDialog.getExistingDirectory(self, "Export Press Package into", str(start))
        if chosen:
            name = current.name if current else default_folder_name(self.session.kit)
            self.path.setText(str(Path(chosen) / name))

    def _path_changed(self) -> None:
        out, problem = package_folder(self.path.text(), self.default_folder())
        note = problem
        if out is not None and out != self.result_path and (out / MARKER).is_file():
            note = "A press package is there already; exporting replaces it."
        self.path_note.setText(note)
        self.path_note.setVisible(bool(note))
        self.path_note.setStyleSheet("color: #b3261e;" if problem else "")
        self.export_button.setEnabled(out is not None and not self.exporting)

    # -- exporting ---------------------------------------------------------------------------

    def export(self) -> None:
        out = self.output_folder()
        if self.exporting or out is None:
            return
        self.path.setText(str(out))
        self.settings.export_folder = str(out.parent)
        self._set_exporting(True)
        self._exports.ask()

    def _export_job(self) -> Callable[[], tuple[Path, Any]]:
        out, snapshot, choices = self.output_folder(), self.session.snapshot(), self.choices()
        images = self.session.worker_images()
        cancelled, progress = self._exports.cancelled, self._progress

        def job() -> tuple[Path, Any]:
            from presskit import preflight
            from presskit.errors import ExportError, MissingImageError
            from presskit.web.package import export_package

            with images() as source:
                try:
                    return out, export_package(
                        snapshot,
                        source,
                        out,
                        **choices,
                        progress=progress.report,
                        cancelled=cancelled.is_set,
                    )
                except MissingImageError:
                    # Said as preflight says it, naming the still, not the picture's digest.
                    missing = preflight.picture_sentences(snapshot, source, deep=True)
                    if not missing:
                        raise
                    raise ExportError(missing[0]) from None

        return job

    def _show_progress(self, done: int, total: int) -> None:
        if self.exporting and not self._exports.cancelled.is_set():
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_text.setText(f"Writing the package: {round(100 * done / total)}%")
            self.progressed.emit(done, total)
        self._progress.shown.set()  # after: a Cancel pressed at this step is seen before the next

    def _export_done(self, made: tuple[Path, Any]) -> None:
        out, result = made
        stills = f"{result.stills} still" + ("s" if result.stills != 1 else "")
        text = f"Exported the press package to “{out.name}”: the web page, both PDFs and {stills}."
        self._done(out, text, result)

    # -- after -------------------------------------------------------------------------------

    def open_web_page(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path / "index.html")))

    def show_result_folder(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path)))
