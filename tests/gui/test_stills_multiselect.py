"""Several stills at once, as a filmmaker sorts a shoot: select some, credit them, file them
under a film, or remove them; each of those is one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit

from presskit.gui.fields import SEVERAL_CHOICES, SEVERAL_VALUES

from .conftest import show

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_gallery(window, qtbot) -> tuple[object, QListWidget]:
    stills = show(window, "Stills")
    gallery = stills.findChild(QListWidget, "gallery")
    # Icon mode lays its items out after the next event loop turn; a click needs them placed.
    qtbot.waitUntil(lambda: not gallery.visualItemRect(gallery.item(4)).isEmpty())
    return stills, gallery


def click(qtbot, gallery: QListWidget, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    centre = gallery.visualItemRect(gallery.item(row)).center()
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, modifier, centre)


def selected(gallery: QListWidget) -> list[int]:
    return sorted(gallery.row(item) for item in gallery.selectedItems())


def status(stills) -> str:
    return stills.findChild(QLabel, "selection-status").text()


def credits(window) -> list[str]:
    return [s.credit for s in window.session.kit.stills]


def test_typing_a_credit_sets_it_on_every_selected_still_in_one_step(window, qtbot):
    stills, gallery = open_gallery(window, qtbot)
    click(qtbot, gallery, 0)
    click(qtbot, gallery, 2, CTRL)
    click(qtbot, gallery, 4, CTRL)
    assert selected(gallery) == [0, 2, 4]
    assert status(stills) == "3 stills selected"
    credit = stills.findChild(QLineEdit, "credit")
    assert credit.text() == "Ian Chen"  # what the three share
    credit.selectAll()
    qtbot.keyClicks(credit, "Mi-Rae Park")
    assert credits(window) == ["Mi-Rae Park", "Ian Chen", "Mi-Rae Park", "Ian Chen", "Mi-Rae Park"]
    assert ["Photo: Mi-Rae Park" in gallery.item(row).text() for row in range(5)] == [
        True,
        False,
        True,
        False,
        True,
    ]
    stack = window.session.undo_stack
    assert stack.count() == 1  # eleven keystrokes, one step
    assert stack.undoText() == "Set photographer on 3 stills"
    qtbot.keyClicks(stills.findChild(QLineEdit, "copyright"), "© 2025 Mi-Rae Park")
    assert [s.copyright for s in window.session.kit.stills][::2] == ["© 2025 Mi-Rae Park"] * 3
    assert stack.count() == 2  # a step per field
    stack.undo()
    stack.undo()
    assert window.session.kit == window.original
    assert credit.text() == "Ian Chen"
    assert "Photo: Ian Chen" in gallery.item(2).text()


def test_setting_a_film_on_a_range_of_stills(window, qtbot):
    stills, gallery = open_gallery(window, qtbot)
    click(qtbot, gallery, 1)
    click(qtbot, gallery, 3, SHIFT)
    assert selected(gallery) == [1, 2, 3]
    film = stills.findChild(QComboBox, "film")
    assert film.currentIndex() == -1 and film.placeholderText() == SEVERAL_CHOICES
    film.setCurrentIndex(film.findData("soundtrack-of-my-life"))
    kit = window.session.kit
    assert [s.film for s in kit.stills] == [
        "",
        "soundtrack-of-my-life",
        "soundtrack-of-my-life",
        "soundtrack-of-my-life",
        "soundtrack-of-my-life",
    ]
    assert film.currentText() == "Soundtrack of My Life"
    assert window.session.undo_stack.undoText() == "Set film on 3 stills"
    window.session.undo_stack.undo()
    assert kit == window.original
    assert film.currentIndex() == -1  # mixed again


def test_clearing_the_credit_of_all_stills_marks_every_one(window, qtbot):
    stills, gallery = open_gallery(window, qtbot)
    click(qtbot, gallery, 0)
    qtbot.keyClick(gallery, Qt.Key.Key_A, CTRL)
    assert selected(gallery) == [0, 1, 2, 3, 4]
    credit = stills.findChild(QLineEdit, "credit")
    credit.selectAll()
    qtbot.keyClick(credit, Qt.Key.Key_Backspace)
    assert credits(window) == [""] * 5
    assert all("No credit" in gallery.item(row).text() for row in range(5))
    assert "⚠ 5" in window.sections.item(3).text()
    window.session.undo_stack.undo()
    assert credits(window) == ["Ian Chen"] * 5
    assert "⚠" not in window.sections.item(3).text()


def test_delete_removes_every_selected_still_and_undo_puts_them_back_in_place(window, qtbot):
    stills, gallery = open_gallery(window, qtbot)
    click(qtbot, gallery, 1)
    click(qtbot, gallery, 3, CTRL)
    click(qtbot, gallery, 4, CTRL)
    qtbot.keyClick(gallery, Qt.Key.Key_Delete)
    kit = window.session.kit
    assert [s.id for s in kit.stills] == ["still-1", "still-3"]
    assert gallery.count() == 2
    assert status(stills).startswith("1 still selected")  # the one that took their place
    assert window.sections.item(3).text().startswith("Stills  2")
    assert window.session.undo_stack.undoText() == "Remove 3 stills"
    window.session.undo_stack.undo()
    assert [s.id for s in kit.stills] == ["still-1", "still-2", "still-3", "still-4", "still-5"]
    assert kit == window.original
    assert gallery.count() == 5
    assert "Dragonfly: the pond at dusk" in gallery.item(1).text()


def test_a_mixed_selection_shows_what_is_shared_and_says_where_values_differ(window, qtbot):
    window.session.set(("stills", 2, "credit"), "Mi-Rae Park", "Photographer")
    stills, gallery = open_gallery(window, qtbot)
    click(qtbot, gallery, 1)
    click(qtbot, gallery, 2, CTRL)
    credit = stills.findChild(QLineEdit, "credit")
    assert (credit.text(), credit.placeholderText()) == ("", SEVERAL_VALUES)
    film = stills.findChild(QComboBox, "film")
    assert film.currentText() == "Dragonfly"  # both stills are from Dragonfly
    # A caption or a description belongs to one picture: not set on several at once.
    assert not stills.findChild(QLineEdit, "caption").isEnabled()
    assert not stills.findChild(QPlainTextEdit, "alt").isEnabled()
    # Typing into the mixed field sets all, and the keystrokes are one step.
    before = window.session.undo_stack.count()
    qtbot.keyClicks(credit, "Ian")
    assert credits(window)[1:3] == ["Ian", "Ian"]
    assert credit.placeholderText() != SEVERAL_VALUES
    assert window.session.undo_stack.count() == before + 1
    click(qtbot, gallery, 2)
    assert status(stills).startswith("1 still selected")
    assert stills.findChild(QLineEdit, "caption").isEnabled()
    assert credit.text() == "Ian"


def test_thumbnails_that_arrive_later_sit_centred_in_their_own_cells(window, qtbot):
    """Each thumbnail is made off the GUI thread and may arrive after the grid was laid out."""
    _stills, gallery = open_gallery(window, qtbot)
    qtbot.waitUntil(lambda: all(not gallery.item(r).icon().isNull() for r in range(5)))
    qtbot.waitUntil(
        lambda: all(gallery.visualItemRect(gallery.item(r)).isValid() for r in range(5))
    )
    for row in range(5):
        rect = gallery.visualItemRect(gallery.item(row))
        picture = gallery.item(row).icon().actualSize(gallery.iconSize())
        assert rect.width() >= picture.width(), row  # the item is as wide as its picture
        for other in range(row + 1, 5):
            assert not rect.intersects(gallery.visualItemRect(gallery.item(other)))
