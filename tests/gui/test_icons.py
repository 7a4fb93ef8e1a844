"""The window's icons: every one used is bundled, and each draws visibly, in the text colour,
on a light and on a dark palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QToolBar

import presskit.gui
from presskit.bundled import resources_dir
from presskit.gui.app import application
from presskit.gui.icons import icon

GUI = Path(presskit.gui.__file__).parent
BUNDLED = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))


def names_in_code() -> set[str]:
    """Names passed to icon("..."), and the quoted names in main_window's section icons."""
    names: set[str] = set()
    for source in GUI.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        names |= set(re.findall(r'\bicon\("([a-z0-9-]+)"\)', text))
        names |= {name for name in BUNDLED if f'"{name}"' in text}
    return names


def test_every_icon_the_code_asks_for_is_bundled_and_every_bundled_one_is_used():
    used = names_in_code()
    assert {"undo-2", "redo-2", "plus", "trash-2", "image-plus"} <= used
    assert used == set(BUNDLED)
    for name in ("LICENSE", "README.md"):
        assert (resources_dir() / "icons" / name).is_file()


def test_an_unknown_icon_fails_where_it_is_asked_for():
    application()
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")


def scheme(window: str, text: str) -> QPalette:
    palette = QPalette(QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


@pytest.fixture
def palettes():
    app = application()
    original = QApplication.palette()
    yield {"light": scheme("#f4f4f4", "#1c1c1c"), "dark": scheme("#202124", "#e8e8e8")}
    app.setPalette(original)


def drawn(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[QColor]:
    """The visible pixels of the icon at 20 px on a 2x screen."""
    image = qicon.pixmap(QSize(20, 20), 2.0, mode).toImage()
    assert (image.width(), image.height()) == (40, 40)  # drawn at the density, not scaled up
    pixels = (image.pixelColor(x, y) for x in range(40) for y in range(40))
    return [c for c in pixels if c.alpha() > 200]


@pytest.mark.parametrize("name", BUNDLED)
def test_each_icon_draws_in_the_text_colour_of_a_light_and_a_dark_palette(name, palettes):
    for palette in palettes.values():
        QApplication.setPalette(palette)
        text = palette.color(QPalette.ColorRole.WindowText)
        pixels = drawn(icon(name))
        assert len(pixels) > 40, f"{name} draws almost nothing"
        assert all(abs(c.lightness() - text.lightness()) < 8 for c in pixels)


def test_the_window_shows_an_icon_for_every_section_and_toolbar_action(window):
    for row in range(window.sections.count()):
        assert drawn(window.sections.item(row).icon()), window.sections.item(row).text()
    actions = window.findChild(QToolBar, "main-toolbar").actions()
    assert len(actions) >= 3
    for action in actions:
        assert drawn(action.icon()), action.text()
