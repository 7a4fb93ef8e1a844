"""presskit's own icon: the window and its dialogs show it; the committed PNGs are the SVG's."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox

from presskit.bundled import resources_dir
from presskit.desktop import ICON_SIZES
from presskit.gui.dialogs import PreferencesDialog

APP = resources_dir() / "icons" / "app"


def pixels(icon, size: int) -> bytes:
    image = icon.pixmap(QSize(size, size)).toImage()
    return bytes(image.constBits())


def test_the_window_and_a_dialog_show_presskits_icon(window, qtbot):
    own = QMessageBox(window).windowIcon()  # what Qt gives a window with no icon of its own
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    for shown in (window.windowIcon(), dialog.windowIcon(), own):
        assert not shown.isNull()
        assert pixels(shown, 32) == pixels(window.windowIcon(), 32)
    with Image.open(APP / "presskit-32.png") as png:
        # the dark square of presskit's icon at its centre-left edge, not a blank or generic icon
        assert png.convert("RGB").getpixel((3, 16)) == (0x1F, 0x2A, 0x44)
    image = window.windowIcon().pixmap(QSize(32, 32)).toImage()
    assert image.pixelColor(3, 16).name() == "#1f2a44"


def test_every_size_a_desktop_asks_for_is_committed():
    for size in ICON_SIZES:
        with Image.open(APP / f"presskit-{size}.png") as png:
            assert png.size == (size, size)
            corner, centre = png.getpixel((0, 0)), png.getpixel((size // 2, size // 2))
            assert corner[3] == 0 and centre[3] == 255  # rounded corners clear, the body opaque
