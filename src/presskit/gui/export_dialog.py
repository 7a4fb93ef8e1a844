"""Export PDF: what goes in (profile, theme, page size, sections, films), where it goes, how
large it will be; a progress bar and Cancel while it runs; then open the PDF or its folder.

Everything slow runs off the GUI thread on a snapshot of the kit: the estimate, and the
export itself, which reads the kit through its own read-only connection. The worker's
progress reaches the bar through a signal of an object made here, on the GUI thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit import model
from presskit.errors import PresskitError
from presskit.gui.places import existing_documents_folder
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.gui.workers import Latest, run_in_background
from presskit.render.themes import theme_names

PROFILES = {"screen": "Screen — to email", "print": "Print — 300 dpi"}
ESTIMATE_DELAY_MS = 150  # a burst of ticks asks for one estimate, not one per tick
PROGRESS_WAIT_S = 1.0  # how long the worker waits for the bar to show a step (see _Progress)
MAX_NAME_BYTES = 255  # the longest file name common file systems take
MAX_ERRORS_SHOWN = 3  # the rest are a click away in the Preflight panel


def default_file_name(kit: model.PressKit) -> str:
    return f"{model.file_name(kit.person.name)} — press kit.pdf"


def pdf_path(text: str, folder: Path) -> tuple[Path | None, str]:
    """Where the text typed as "Save as" puts the PDF, or None and one sentence saying why
    it cannot. Any text is an answer, never an exception: this runs at every keystroke.
    A relative path is taken from ``folder``; ".pdf" is added when it is missing."""
    text = text.strip()
    if not text:
        return None, "Type where to save the PDF, or choose Browse."
    if any(ord(c) < 32 for c in text):  # NUL, newline and the like: no file name holds them
        return None, "The name has characters that cannot be in a file name."
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # "~someone" who is not a user here
        return None, f"There is no home folder for “{text.split('/')[0]}”."
    if not path.is_absolute():
        path = folder / path
    if text.endswith(("/", "\\")) or _is_dir(path) or not path.name:
        return None, "That is a folder; add a file name, such as “press kit.pdf”."
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        os.fsencode(path)
    except UnicodeError:  # a lone surrogate
        return None, "The name has characters that cannot be in a file name."
    if len(os.fsencode(path.name)) > MAX_NAME_BYTES:
        return None, "That file name is too long; shorten it."
    parent = path.parent
    if not _is_dir(parent):
        return None, f"The folder “{parent}” does not exist."
    if not os.access(parent, os.W_OK):
        return None, f"You cannot save in “{parent}”; choose another folder."
    return path, ""


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):  # a name too long for the system, an embedded NUL
        return False


class _Progress(QObject):
    """Carries the render's progress from the worker to the bar.

    Made on the GUI thread, so ``reported`` is delivered there. The worker waits (briefly)
    until the bar has shown each step, so a Cancel pressed at a step is seen before the
    export goes on to the next one: what the person saw is what they cancelled.
    """

    reported = Signal(int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.shown = threading.Event()

    def report(self, done: int, total: int) -> None:  # on the worker thread
        self.shown.clear()
        self.reported.emit(done, total)
        self.shown.wait(PROGRESS_WAIT_S)


class RunsAnExport:
    """What the export dialogs share while an export runs: Cancel (Escape, closing the
    window) cancels first, and the end is said in one sentence. Mixed into a QDialog that
    has ``exporting``, ``_exports`` (a ``Latest``), ``films``, ``_inputs`` (the choices),
    ``destination()`` and the ``finished_export`` signal, and builds its running widgets
    with ``_running_widgets``."""

    failure = "The PDF could not be made"  # how an unexpected failure begins

    def _running_widgets(
        self, open_label: str, open_name: str, open_slot: Callable[[], None]
    ) -> tuple[QDialogButtonBox, QPushButton]:
        """The progress bar and its text, the message, and the buttons (the result's own
        Open and Show in Folder, hidden until there is one; Close; Cancel, while it runs;
        Export); the buttons and the Open button are returned for the dialog to place."""
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(False)  # the step is said above it, not over the bar
        self.progress.setFixedHeight(8)
        self.progress.hide()
        self.progress_text = QLabel()
        self.progress_text.setObjectName("progress-text")
        self.progress_text.hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox()
        opener = buttons.addButton(open_label, QDialogButtonBox.ButtonRole.ActionRole)
        opener.setObjectName(open_name)
        self.show_folder = buttons.addButton(
            "Show in Folder", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_folder.setObjectName("show-folder")
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close")
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel")
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)
        opener.clicked.connect(open_slot)
        self.show_folder.clicked.connect(self.show_result_folder)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.export)
        for button in (opener, self.show_folder, self.cancel_button):
            button.hide()
        self._opener = opener
        return buttons, opener

    def cancel(self) -> None:
        if self.exporting:
            self._exports.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText("Cancelling…")

    def reject(self) -> None:
        if self.exporting:
            self.cancel()
            return
        super().reject()

    def _set_exporting(self, running: bool) -> None:
        """The choices locked, Cancel and the progress shown while it runs; then back."""
        self.exporting = running
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.films.setEnabled(not running and self.films.count() > 0)
        self.export_button.setEnabled(not running and self.destination() is not None)
        self.close_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.progress_text.setVisible(running)
        if running:
            self.message.hide()
            self._opener.hide()
            self.show_folder.hide()
            self.progress.setRange(0, 0)
            self.progress_text.setText("Starting…")

    def _done(self, out: Path, text: str, result: Any) -> None:
        """The export is written: say so (with its warnings) and offer to open it."""
        self._set_exporting(False)
        self.result_path = out
        self._say(" ".join([text, *result.warnings]))
        self._opener.show()
        self.show_folder.show()
        self._opener.setDefault(True)
        self._path_changed()
        self.exported.emit(str(out))
        self.finished_export.emit("done")

    def _export_failed(self, err: BaseException) -> None:
        from presskit.render import ExportCancelled

        self._set_exporting(False)
        if isinstance(err, ExportCancelled):
            self._say("Export cancelled; nothing was written.")
            self.finished_export.emit("cancelled")
            return
        if isinstance(err, PresskitError):
            self._say(str(err), error=True)
        else:
            self._say(f"{self.failure}: {err}.", error=True)
        self.finished_export.emit("failed")

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.show()


class ExportDialog(RunsAnExport, QDialog):
    """The Export PDF dialog. ``exported(path)`` is emitted when a PDF has been written."""

    exported = Signal(str)
    estimated = Signal(int)  # bytes: the estimate now shown
    progressed = Signal(int, int)  # stills ready, of all: a step the bar now shows
    finished_export = Signal(str)  # "done", "cancelled" or "failed": the export is over

    def __init__(self, session: Session, parent: QWidget | None, settings: Settings):
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.session = session
        self.settings = settings
        kit = session.kit
        self.exporting = False
        self.nothing_to_show: str | None = None  # why these choices would export nothing
        self.missing_pictures: list[str] = []  # sentences: stills whose picture is unreadable
        self.result_path: Path | None = None
        self._exports = Latest(self._export_job, self._export_done, self._export_failed, self)
        self._estimates = Latest(
            self._estimate_job, self._estimate_done, self._estimate_failed, self
        )
        self._progress = _Progress(self)
        self._progress.reported.connect(self._show_progress)

        self.profile = _choice("profile", PROFILES, self.settings.export_profile)
        themes = {name: name.capitalize() for name in theme_names()}
        self.theme = _choice("theme", themes, kit.design.theme)
        sizes = {key: size.label for key, size in model.PAGE_SIZES.items()}
        self.page_size = _choice("page-size", sizes, kit.design.page_size)

        self.sections = QListWidget()
        self.sections.setObjectName("export-sections")
        for setting in kit.design.sections:
            if setting.name in model.SECTION_INFO:
                item = QListWidgetItem(model.SECTION_INFO[setting.name].label, self.sections)
                item.setData(Qt.ItemDataRole.UserRole, setting.name)
                item.setCheckState(
                    Qt.CheckState.Checked if setting.visible else Qt.CheckState.Unchecked
                )
        self.films = QListWidget()
        self.films.setObjectName("export-films")
        for film in kit.films:
            title = film.title.strip() or "Untitled film"
            item = QListWidgetItem(f"{title} ({film.year})" if film.year else title, self.films)
            item.setData(Qt.ItemDataRole.UserRole, film.id)
            item.setCheckState(Qt.CheckState.Checked)
        self.setStyleSheet(
            "QListWidget#export-sections::item, QListWidget#export-films::item"
            " { padding: 3px 2px; }"
        )
        rows = min(max(self.sections.count(), self.films.count(), 3), 8)
        for listing in (self.sections, self.films):
            listing.setMinimumWidth(220)
            listing.ensurePolished()
            row_height = max(listing.sizeHintForRow(0), listing.fontMetrics().height() + 8)
            listing.setFixedHeight(row_height * rows + 2 * listing.frameWidth() + 4)
        self.films.setEnabled(self.films.count() > 0)

        self.path = QLineEdit(str(self._default_path()))
        self.path.setObjectName("path")
        self.path.setMinimumWidth(360)
        browse = QPushButton("Browse…")
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        self.path_note = QLabel()  # what is wrong with the path, or that it replaces a file
        self.path_note.setObjectName("path-note")
        self.path_note.setWordWrap(True)
        self.estimate = QLabel("Estimating…")
        self.estimate.setObjectName("estimate")
        self.errors = QLabel()  # preflight's errors: what to fix before sending, seen first
        self.errors.setObjectName("preflight-errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.hide()
        buttons, self.open_pdf = self._running_widgets("Open PDF", "open-pdf", self.open_result)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        for label, combo in (
            ("Profile", self.profile),
            ("Theme", self.theme),
            ("Page size", self.page_size),
        ):
            combo.setMinimumWidth(220)
            form.addRow(label, combo)
        lists = QGridLayout()
        lists.setHorizontalSpacing(16)
        lists.setVerticalSpacing(6)
        lists.addWidget(QLabel("Sections to include"), 0, 0)
        lists.addWidget(QLabel("Films to include"), 0, 1)
        lists.addWidget(self.sections, 1, 0)
        lists.addWidget(self.films, 1, 1)
        where = QHBoxLayout()
        where.setSpacing(8)
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        save_as = QVBoxLayout()
        save_as.setSpacing(6)
        save_as.addWidget(QLabel("Save as"))
        save_as.addLayout(where)
        save_as.addWidget(self.path_note)
        # The estimate sits beside the buttons: it is what a person checks before Export.
        self.estimate.setMinimumWidth(self.estimate.fontMetrics().horizontalAdvance("About 888 MB"))
        size_label = QLabel("Estimated size:")
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(size_label)
        bottom.addWidget(self.estimate)
        bottom.addStretch()
        bottom.addWidget(buttons)
        self._inputs = [self.profile, self.theme, self.page_size, self.sections, self.films]
        self._inputs += [self.path, browse]

        self.setMinimumWidth(640)  # room for every button of the done state: nothing jumps
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(16)
        layout.addLayout(form)
        layout.addLayout(lists)
        layout.addLayout(save_as)
        running = QVBoxLayout()
        running.setSpacing(6)
        running.addWidget(self.progress_text)
        running.addWidget(self.progress)
        layout.addLayout(running)
        layout.addWidget(self.errors)
        layout.addWidget(self.message)
        layout.addStretch()
        layout.addLayout(bottom)

        self._estimate_timer = QTimer(self, singleShot=True, interval=ESTIMATE_DELAY_MS)
        self._estimate_timer.timeout.connect(self._start_estimate)
        for combo in (self.profile, self.theme, self.page_size):
            combo.currentIndexChanged.connect(self._choice_changed)
        for listing in (self.sections, self.films):
            listing.itemChanged.connect(self._choice_changed)
        self.path.textChanged.connect(self._path_changed)
        self._path_changed()
        self._start_estimate()
        self._start_preflight()

    # -- the choices -----------------------------------------------------------------------

    def default_folder(self) -> Path:
        """A folder that exists: the last one exported to, the kit's, Documents, home."""
        remembered = self.settings.export_folder
        candidates = [
            Path(remembered) if remembered else None,
            self.session.path.parent if self.session.path else None,
        ]
        for folder in candidates:
            if folder is not None and _is_dir(folder):
                return folder
        return existing_documents_folder()

    def _default_path(self) -> Path:
        return self.default_folder() / default_file_name(self.session.kit)

    def choices(self) -> dict[str, Any]:
        """The render options the dialog's choices make, as plain data: ``render.Options``
        is made on the worker, so opening the dialog does not wait for ReportLab to load."""
        sections = [item.data(Qt.ItemDataRole.UserRole) for item in _ticked(self.sections)]
        films = [item.data(Qt.ItemDataRole.UserRole) for item in _ticked(self.films)]
        return {
            "profile": self.profile.currentData(),
            "theme": self.theme.currentData(),
            "page_size": self.page_size.currentData(),
            "sections": sections,
            "films": None if len(films) == self.films.count() else films,
        }

    def output_path(self) -> Path | None:
        """Where the PDF goes, or None while "Save as" says nowhere it can go."""
        return pdf_path(self.path.text(), self.default_folder())[0]

    destination = output_path

    def browse(self) -> None:
        start = self.output_path() or self._default_path()
        chosen, _ = QFileDialog.getSaveFileName(self, "Export PDF", str(start), "PDF (*.pdf)")
        if chosen:
            self.path.setText(chosen)

    def _path_changed(self) -> None:
        out, problem = pdf_path(self.path.text(), self.default_folder())
        replaces = out is not None and out != self.result_path and out.is_file()
        if replaces:
            problem_or_note = "A file with this name is there already; exporting replaces it."
        else:
            problem_or_note = problem
        self.path_note.setText(problem_or_note)
        self.path_note.setVisible(bool(problem_or_note))
        self.path_note.setStyleSheet("color: #b3261e;" if problem else "")
        self.export_button.setEnabled(
            out is not None and not self.exporting and not self.nothing_to_show
        )

    def _choice_changed(self, *_args: object) -> None:
        self.estimate.setText("Estimating…")
        self._estimate_timer.start()

    # -- the estimate, off the GUI thread ----------------------------------------------------

    def _start_estimate(self) -> None:
        """One estimate at a time; choices made meanwhile ask for one more, of the newest."""
        self._estimates.ask()

    def _estimate_job(self) -> Callable[[], tuple[int, str | None]]:
        snapshot, choices = self.session.snapshot(), self.choices()
        images = self.session.worker_images()

        def job() -> tuple[int, str | None]:
            from presskit import render

            with images() as source:
                options = render.Options(**choices)
                empty = render.nothing_to_show(snapshot, source, options)
                return (0 if empty else render.estimate_size(snapshot, source, options)), empty

        return job

    def _estimate_done(self, result: tuple[int, str | None]) -> None:
        size, self.nothing_to_show = result
        if self.nothing_to_show:
            self.estimate.setText("Nothing to export")
            self._say(self.nothing_to_show, error=True)
        else:
            self.estimate.setText(f"About {model.human_size(size)}")
            if self.message.property("error") and not self.exporting:
                self.message.hide()  # what the last choices lacked, these have
        self._path_changed()
        self.estimated.emit(size)

    def _estimate_failed(self, err: BaseException) -> None:
        self.estimate.setText("Not known")  # the export itself will say what is wrong

    # -- preflight, off the GUI thread: the kit does not change while the dialog is open ----

    def _start_preflight(self) -> None:
        snapshot, images = self.session.snapshot(), self.session.worker_images()

        def job() -> tuple[list[str], list[str]]:
            from presskit import preflight

            with images() as source:
                findings = preflight.check(snapshot, source)
                missing = preflight.picture_sentences(snapshot, source)
            return [f.message for f in findings if f.severity == "error"], missing

        run_in_background(job, self._show_errors, lambda _err: None, owner=self)

    def _show_errors(self, found: tuple[list[str], list[str]]) -> None:
        """Up to three of preflight's errors, and how many more: before Export is pressed."""
        errors, self.missing_pictures = found
        if not errors:
            return
        shown = errors[:MAX_ERRORS_SHOWN]
        more = len(errors) - len(shown)
        lines = [f"Before you send it: {len(errors)} problem{'s' if len(errors) != 1 else ''}"]
        lines += [f"• {error}" for error in shown]
        if more:
            lines.append(f"…and {more} more in the Preflight panel.")
        self.errors.setText("\n".join(lines))
        self.errors.show()

    # -- exporting -------------------------------------------------------------------------

    def export(self) -> None:
        out = self.output_path()
        if self.exporting or out is None or not self._without_missing_pictures_is_fine():
            return
        self.path.setText(str(out))
        self.settings.export_profile = self.profile.currentData()
        self.settings.export_folder = str(out.parent)
        self._set_exporting(True)
        self._exports.ask()

    def _export_job(self) -> Callable[[], tuple[Path, Any]]:
        out, snapshot, choices = self.output_path(), self.session.snapshot(), self.choices()
        images = self.session.worker_images()
        cancelled, progress = self._exports.cancelled, self._progress

        def job() -> tuple[Path, Any]:
            from presskit import render

            with images() as source:
                options = render.Options(**choices)
                return out, render.export_pdf(
                    snapshot, source, out, options, progress.report, cancelled.is_set
                )

        return job

    def _without_missing_pictures_is_fine(self) -> bool:
        """A still whose picture is missing or damaged prints as a marked box: asked first."""
        if not self.missing_pictures:
            return True
        count = len(self.missing_pictures)
        stills = "a still" if count == 1 else f"{count} stills"
        answer = QMessageBox.question(
            self,
            "Export without these pictures?",
            f"The picture of {stills} is missing from the kit file or damaged; "
            f"the PDF shows a marked box in its place. {self.missing_pictures[0]}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_progress(self, done: int, total: int) -> None:
        if self.exporting and not self._exports.cancelled.is_set():
            if done < total:
                self.progress.setRange(0, total)
                self.progress.setValue(done)
                self.progress_text.setText(f"Preparing the stills: {done} of {total}")
            else:
                self.progress.setRange(0, 0)
                self.progress_text.setText("Laying out the pages…")
            self.progressed.emit(done, total)
        self._progress.shown.set()  # after: a Cancel pressed at this step is seen before the next

    def _export_done(self, made: tuple[Path, Any]) -> None:
        out, result = made
        size = out.stat().st_size if out.is_file() else len(result.pdf)
        pages = f"{result.pages} page" + ("s" if result.pages != 1 else "")
        self._done(out, f"Exported “{out.name}”: {pages}, {model.human_size(size)}.", result)

    # -- after -----------------------------------------------------------------------------

    def open_result(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path)))

    def show_result_folder(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path.parent)))


def _choice(name: str, choices: dict[str, str], current: str) -> QComboBox:
    """A drop-down of ``choices`` (value -> what it says), showing ``current``."""
    box = QComboBox()
    box.setObjectName(name)
    for value, text in choices.items():
        box.addItem(text, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def _ticked(listing: QListWidget) -> list[QListWidgetItem]:
    items = (listing.item(row) for row in range(listing.count()))
    return [item for item in items if item.checkState() == Qt.CheckState.Checked]
