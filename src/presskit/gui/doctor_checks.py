"""The checks of `presskit doctor` that need Qt, run in their own process.

`presskit doctor` (presskit.doctor) starts ``presskit --doctor-qt-checks [PDF]``
offscreen, so the CLI never imports Qt and a platform plugin that aborts the process is
reported instead of taking the doctor down with it. One line per check on stdout:
``OK<tab>name<tab>detail`` or ``FAIL<tab>name<tab>problem<tab>fix``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPdf import QPdfDocument

from presskit.gui.recovery import recovery_dir

REINSTALL = "reinstall presskit (pipx reinstall presskit)"


def say_ok(name: str, detail: str) -> None:
    print(f"OK\t{name}\t{detail}", flush=True)


def say_fail(name: str, problem: str, fix: str) -> None:
    print(f"FAIL\t{name}\t{problem}\t{fix}", flush=True)


def check_pdf_render(pdf: str | None) -> None:
    name = "QtPdf renders the sample"
    if not pdf:
        say_fail(name, "there is no sample PDF to render (its export failed)", REINSTALL)
        return
    document = QPdfDocument()
    error = document.load(pdf)
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        say_fail(name, f"QtPdf could not read the sample PDF ({error.name})", REINSTALL)
        return
    image = document.render(0, QSize(300, 424))
    if image.isNull() or _blank(image):
        say_fail(name, "QtPdf drew an empty page 1", REINSTALL)
        return
    say_ok(name, f"page 1 of {document.pageCount()} drawn at {image.width()}×{image.height()}")


def _blank(image: QImage) -> bool:
    """True when every sampled pixel has the colour of the first: nothing was drawn."""
    first = image.pixel(0, 0)
    step = 7
    return all(
        image.pixel(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def check_writable(name: str, folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as err:
        reason = err.strerror or str(err)
        say_fail(name, f"{folder} cannot be written ({reason})", f"make {folder} writable")
        return
    say_ok(name, f"{folder} is writable")


def main(argv: list[str]) -> int:
    app = QGuiApplication([sys.argv[0]])
    # The names the editor uses (gui/app.py), so the folders checked are the editor's.
    app.setApplicationName("presskit")
    app.setOrganizationName("presskit")
    say_ok("Qt platform plugin", f"“{app.platformName()}” loaded (Qt {_qt_version()})")
    check_pdf_render(argv[0] if argv else None)
    check_writable("recovery folder", recovery_dir())
    check_writable("settings folder", Path(QSettings().fileName()).parent)
    return 0


def _qt_version() -> str:
    from PySide6 import __version__

    return __version__


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
