"""The window's icons: every one used is bundled, and each draws visibly, in the text colour,
on a light and on a dark palette."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


def test_an_unknown_icon_fails_where_it_is_asked_for(qapp):
    application()  # on the suite's shared QApplication (qapp), whichever test runs first
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")


def scheme(window: str, text: str) -> QPalette:
    palette = QPalette(QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


@pytest.fixture
def palettes(qapp):
    app = application()  # on the suite's shared QApplication (qapp), whichever test runs first
    original = QApplication.palette()
    yield {"light": scheme("#f4f4f4", "#1c1c1c"), "dark": scheme("#202124", "#e8e8e8")}
    app.setPalette(original)


def drawn(qicon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[QColor]:
    """The visible pixels of the icon at 20 px, as the screen shows it."""
    ratio = QApplication.instance().devicePixelRatio()
    pixmap = qicon.pixmap(QSize(20, 20), ratio, mode)
    side = round(20 * ratio)
    # Drawn at the screen's density, not a smaller picture scaled up.
    assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (side, side, ratio)
    image = pixmap.toImage()
    pixels = (image.pixelColor(x, y) for x in range(side) for y in range(side))
    return [c for c in pixels if c.alpha() > 200]


@pytest.mark.parametrize("name", BUNDLED)
def test_each_icon_draws_in_the_text_colour_of_a_light_and_a_dark_palette(name, palettes):
    for palette in palettes.values():
        QApplication.setPalette(palette)
        text = palette.color(QPalette.ColorRole.WindowText)
        pixels = drawn(icon(name))
        assert len(pixels) > 10, f"{name} draws almost nothing"
        assert all(abs(c.lightness() - text.lightness()) < 8 for c in pixels)
        # On a selection's highlight (the section list) it takes the highlighted text colour.
        on_highlight = palette.color(QPalette.ColorRole.HighlightedText)
        selected = drawn(icon(name), QIcon.Mode.Selected)
        assert selected and all(c.rgb() == on_highlight.rgb() for c in selected)


def test_the_window_shows_an_icon_for_every_section_and_toolbar_action(window):
    for row in range(window.sections.count()):
        assert drawn(window.sections.item(row).icon()), window.sections.item(row).text()
    toolbar = window.findChild(QToolBar, "main-toolbar")
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 3  # Undo, Redo, Export PDF
    for action in actions:
        assert drawn(action.icon()), action.text()


def test_on_a_2x_screen_each_icon_is_drawn_whole_at_twice_the_pixels(tmp_path):
    """A real process on a 2x screen (the scale factor is fixed when Qt starts)."""
    script = tmp_path / "two_x.py"
    script.write_text(
        "from PySide6.QtCore import QSize\n"
        "from presskit.gui.app import application\n"
        "from presskit.gui.icons import icon\n"
        "app = application()\n"
        "for name in sys.argv[1:]:\n"
        "    pixmap = icon(name).pixmap(QSize(20, 20), app.devicePixelRatio())\n"
        "    image = pixmap.toImage()\n"
        "    xs = [x for x in range(image.width()) for y in range(image.height())\n"
        "          if image.pixelColor(x, y).alpha() > 100]\n"
        "    print(name, pixmap.width(), min(xs), max(xs))\n",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; exec(open({str(script)!r}).read())", *BUNDLED],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    for line in result.stdout.splitlines():
        name, width, left, right = line.split()
        assert int(width) == 40, name
        # Lucide draws within 2..22 of 24 units: whole, the strokes reach both sides.
        assert int(left) < 10 and int(right) > 30, f"{name} is clipped: {left}..{right}"
    assert len(result.stdout.splitlines()) == len(BUNDLED)
