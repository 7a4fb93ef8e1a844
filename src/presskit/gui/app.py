"""Starting the editor: the application, its look, and the first window."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from presskit import __version__, model
from presskit.bundled import resources_dir
from presskit.errors import PresskitError
from presskit.gui import recovery
from presskit.gui.collector import GuiThreadCollector
from presskit.gui.icons import application_icon
from presskit.gui.main_window import MainWindow, new_kit, open_sample
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.gui.single_instance import InstanceServer, hand_off
from presskit.gui.workers import wait_for_background_jobs
from presskit.store import KitFile

SIGNAL_CHECK_MS = 250  # how soon a SIGTERM is acted on

STYLE = """
QLabel[heading="true"] { font-size: 20px; font-weight: 600; }
QLabel[muted="true"] { color: palette(mid); }
QLabel[subheading="true"] { font-weight: 600; margin-top: 6px; }
QListWidget#sections { font-size: 14px; padding: 6px; }
QListWidget#sections::item { padding: 8px 6px; }
QPlainTextEdit, QLineEdit { padding: 4px; }
"""


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("presskit")
    app.setOrganizationName("presskit")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")  # one calm look on every platform; it follows the light or dark scheme
    app.setPalette(QGuiApplication.palette())
    app.setStyleSheet(STYLE)
    app.setWindowIcon(application_icon())  # the window and every dialog show presskit's icon
    app.setDesktopFileName("presskit")  # Wayland matches the window to presskit.desktop by this
    if app.findChild(GuiThreadCollector) is None:
        GuiThreadCollector(app)  # garbage collected on this thread only: see collector.py
        _add_bundled_fonts()
    return app


def _add_bundled_fonts() -> None:
    """The PDF's fallback fonts serve the window too: a Hangul name shows as Hangul."""
    for family in ("NanumGothic", "DejaVuSans"):
        for path in sorted((resources_dir() / "fonts" / family).glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))


def install_emergency_save() -> None:
    """An uncaught error saves every open window's work first, then says what happened."""
    previous = sys.excepthook

    def handle(kind: type[BaseException], error: BaseException, trace: object) -> None:
        saved = True
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                try:
                    widget.autosave_now()
                except Exception:
                    saved = False
        previous(kind, error, trace)
        note = "Your work was saved." if saved else "Your work could not be saved; use Save As now."
        QMessageBox.critical(
            None, "Something went wrong", f"presskit hit an unexpected error: {error}. {note}"
        )

    sys.excepthook = handle


def open_window(path: str | None, settings: Settings | None = None) -> MainWindow | None:
    """A window on ``path``; with none, on the last kit, or what the welcome screen chooses.
    None when the person closed the welcome screen."""
    settings = settings or Settings()
    if path is None:
        recent = settings.recent_files()
        path = recent[0] if recent else _welcome(settings)
        if path is None:
            return None
        if path == "":
            return MainWindow(Session(new_kit(settings)), settings)
    kit_file = KitFile.open(path)
    settings.remember(Path(path).resolve())
    window = MainWindow(Session(kit_file.load(), kit_file), settings)
    if kit_file.read_only:
        window.statusBar().showMessage(kit_file.read_only_reason)
    return window


def _welcome(settings: Settings) -> str | None:
    """The path to open ("" for a new kit), or None when the person left."""
    from presskit.gui.dialogs import WelcomeDialog  # only on a first start: a faster start

    dialog = WelcomeDialog(settings.recent_files())
    if not dialog.exec():
        return None
    if dialog.choice == WelcomeDialog.NEW:
        return ""
    if dialog.choice == WelcomeDialog.SAMPLE:
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        return str(open_sample(folder))
    if dialog.choice == WelcomeDialog.OPEN:
        path, _ = QFileDialog.getOpenFileName(None, "Open kit", "", "Press kits (*.presskit)")
        return path or None
    return dialog.chosen_path


def recovered_session(path: Path) -> Session:
    """Untitled work a crash interrupted, back in a window, still untitled and unsaved."""
    kit_file = KitFile.open(path)
    session = Session(kit_file.load())
    session.recovery = kit_file
    session.undo_stack.resetClean()  # not saved anywhere the person chose yet
    return session


def offer_recovery() -> Session | None:
    found = recovery.leftovers()
    if not found:
        return None
    answer = QMessageBox.question(
        None,
        "Recover your work?",
        "presskit did not close normally, and an untitled kit was saved for you. Recover it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return recovered_session(found[0])


def show_kit(path: str, kept: list[QWidget]) -> None:
    """A kit handed over by a second `presskit FILE`: its window brought forward if it is
    open, else a new window on it (held in ``kept``). A kit that cannot be opened is
    said here too, since a double-click has no terminal to read."""
    wanted = Path(path).resolve()
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w.session.path is not None
    ]
    window = next((w for w in shown if w.session.path.resolve() == wanted), None)
    if window is None:
        try:
            window = open_window(path)
        except PresskitError as err:
            box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open", str(err))
            box.show()
            kept.append(box)
            raise
        kept.append(window)
        window.show()
    window.raise_()
    window.activateWindow()


def close_on_terminate(app: QApplication) -> None:
    """SIGTERM (a desktop session ending, a system shutting down) closes every window as
    Quit does, without questions: what each shows is written first, and presskit exits 0."""

    def terminate(_signal: int, _frame: object) -> None:
        QTimer.singleShot(0, app, close_all)

    def close_all() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close_for_session_end()
        app.quit()

    signal.signal(signal.SIGTERM, terminate)
    # Python runs a signal handler only when it gets control back from Qt's event loop.
    waker = QTimer(app, interval=SIGNAL_CHECK_MS)
    waker.timeout.connect(_nothing)
    waker.start()


def _nothing() -> None:
    """Gives Python a moment on the event loop, where it runs a pending signal handler."""


def run(path: str | None = None) -> int:
    app = application()
    if path is not None:
        answer = hand_off(path)
        if answer is not None:  # a presskit is running: it has the kit now, or says why not
            if answer:
                print(f"presskit: error: {answer}", file=sys.stderr)
                return 1
            print(f"Opened {Path(path).name} in the presskit already running.")
            return 0
    handed_over: list[QWidget] = []
    InstanceServer(lambda kit: show_kit(kit, handed_over), app)
    session = offer_recovery() if path is None else None
    try:
        window = MainWindow(session) if session else open_window(path)
    except PresskitError as err:
        QMessageBox.critical(None, "presskit", str(err))
        window = MainWindow(Session(model.PressKit()))
    if window is None:
        return 0
    install_emergency_save()
    close_on_terminate(app)
    window.show()
    code = app.exec()
    wait_for_background_jobs()
    return code
