"""Help > About: presskit's version, and what it bundles under whose licence.

The licences are read from the READMEs that ship beside the fonts and icons, so the dialog
never disagrees with them; the full licence texts follow the summary.
"""

from __future__ import annotations

import html
import platform
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as qt_version
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presskit import __version__
from presskit.bundled import resources_dir
from presskit.gui.icons import application_icon


@dataclass(frozen=True)
class Bundled:
    what: str
    licence: str
    text_file: Path


def _plain(markdown: str) -> str:
    """Markdown links and code marks as plain words."""
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown).replace("`", "")


def bundled_fonts() -> list[Bundled]:
    """The rows of the fonts README's table: family and licence."""
    folder = resources_dir() / "fonts"
    found = []
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"(.+) \(`(\w+)`\)", cells[0]) if len(cells) > 2 else None
        if match:
            found.append(
                Bundled(match.group(1), _plain(cells[2]), folder / match.group(2) / "LICENSE.txt")
            )
    return found


def bundled_icons() -> list[Bundled]:
    """The icons README's paragraphs that say where the icons come from."""
    folder = resources_dir() / "icons"
    paragraphs = (folder / "README.md").read_text(encoding="utf-8").split("\n\n")
    window_icons = " ".join(paragraphs[1].split())  # the first paragraph after the heading
    app_icon = next(p for p in paragraphs if p.startswith("`app/presskit.svg`"))
    own = " ".join(app_icon.split()).split(". ")[0] + "."
    return [
        Bundled("The window's icons", _plain(window_icons), folder / "LICENSE"),
        Bundled("The application icon", _plain(own), Path()),
    ]


def about_html() -> str:
    parts = [
        "<h3>Bundled fonts</h3><ul>",
        *(
            f"<li><b>{html.escape(f.what)}</b>: {html.escape(f.licence)}</li>"
            for f in bundled_fonts()
        ),
        "</ul><h3>Bundled icons</h3><ul>",
        *(
            f"<li><b>{html.escape(i.what)}</b>: {html.escape(i.licence)}</li>"
            for i in bundled_icons()
        ),
        "</ul><h3>Licence texts</h3>",
    ]
    for item in [*bundled_fonts(), *bundled_icons()]:
        if item.text_file.is_file():
            text = item.text_file.read_text(encoding="utf-8")
            parts.append(f"<h4>{html.escape(item.what)}</h4><pre>{html.escape(text)}</pre>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About presskit")
        self.resize(620, 560)
        picture = QLabel()
        picture.setPixmap(application_icon().pixmap(QSize(64, 64)))
        heading = QLabel(f"presskit {__version__}")
        heading.setProperty("heading", True)
        self.heading = heading
        tagline = QLabel(
            "Press kits for filmmakers: edit locally, see it live, export a beautiful PDF.\n"
            f"Python {platform.python_version()} · Qt {qt_version}"
        )
        tagline.setProperty("muted", True)
        words = QVBoxLayout()
        words.addWidget(heading)
        words.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(words, 1)
        self.licences = QTextBrowser()
        self.licences.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)


def show_about(parent: QWidget) -> AboutDialog:
    """Opens the dialog window-modal and returns at once (a test can look at it)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time it is asked for
    dialog.open()
    return dialog
