"""Design: a theme picked from covers of this kit, the accent colour, sections shown or not;
each change lands in the preview."""

from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QColorDialog, QListWidget

from .conftest import show

WAIT_MS = 30_000


def flat(text: str) -> str:
    """Text as read, lines joined: a long question wraps in the PDF."""
    return " ".join(text.split())


def fonts_of(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def test_each_theme_shows_this_kits_cover(window, qtbot):
    design = show(window, "Design")
    picker = design.themes
    qtbot.waitUntil(lambda: picker.covers_made > 0, timeout=WAIT_MS)
    names = [picker.item(row).text() for row in range(picker.count())]
    assert names == ["Classic", "Minimal", "Modern"]
    for row in range(picker.count()):
        card = picker.item(row).icon().pixmap(picker.iconSize()).toImage()
        assert card.width() > 100 and card.height() > 150
        # Modern's cover is dark paper; the other two are light.
        middle = QColor(card.pixel(card.width() // 2, card.height() - 20)).lightness()
        assert (middle < 80) == (names[row] == "Modern")
    assert picker.currentItem().text() == "Classic"


def test_picking_a_theme_changes_the_preview_and_undoes(window, qtbot):
    qtbot.waitUntil(window.preview.is_current, timeout=WAIT_MS)
    assert any(font.startswith("GentiumBookPlus") for font in fonts_of(window.preview.pdf))
    picker = show(window, "Design").themes
    picker.setCurrentRow([picker.item(r).text() for r in range(picker.count())].index("Modern"))
    assert window.session.kit.design.theme == "modern"
    assert window.session.undo_stack.undoText() == "Edit Theme"
    qtbot.waitUntil(
        lambda: (
            window.preview.is_current()
            and not any(f.startswith("GentiumBookPlus") for f in fonts_of(window.preview.pdf))
        ),
        timeout=WAIT_MS,
    )
    assert any(font.startswith("Inter") for font in fonts_of(window.preview.pdf))
    window.session.undo_stack.undo()
    assert window.session.kit.design.theme == "classic"
    assert picker.currentItem().text() == "Classic"


def test_the_accent_colour_is_chosen_from_a_colour_dialog(window, qtbot, monkeypatch):
    design = show(window, "Design")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#1f6f5c"))
    design.findChild(object, "choose-accent").click()
    assert window.session.kit.design.accent == "#1F6F5C"
    assert design.findChild(object, "accent").text() == "#1F6F5C"
    window.session.undo_stack.undo()
    assert window.session.kit.design.accent == ""


def test_a_hidden_section_leaves_the_preview(window, qtbot):
    qtbot.waitUntil(window.preview.is_current, timeout=WAIT_MS)
    question = window.session.kit.interview.items[0].question
    assert question in flat(window.preview.text())
    design = show(window, "Design")
    sections = design.findChild(QListWidget, "section-list")
    names = [s.name for s in window.session.kit.design.sections]
    sections.setCurrentRow(names.index("interview"))
    checkbox = design.findChild(QCheckBox, "visible")
    checkbox.click()
    assert not window.session.kit.design.sections[names.index("interview")].visible
    qtbot.waitUntil(
        lambda: window.preview.is_current() and question not in flat(window.preview.text()),
        timeout=WAIT_MS,
    )
    assert "interview" not in window.preview.anchors
