"""Preflight in the window: counts in the status bar, findings listed, a click shows the field."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QListWidget

from presskit.gui.preflight_panel import parse_where


def test_where_paths_are_read():
    assert parse_where("stills[2].credit") == ("stills", 2, "credit")
    assert parse_where("films[0].links[1].url") == ("films", 0, "links", 1, "url")


def test_a_missing_credit_is_counted_listed_and_a_click_selects_the_field(window, qtbot):
    panel = window.preflight
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        panel.run_check()
    assert panel.counts.text() == "Ready to send"
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        window.session.set(("stills", 2, "credit"), "", "Photographer")
        panel.run_check()
    assert panel.counts.text() == "1 error"
    item = panel.list.item(0)
    assert "Still 3 (“Dragonfly: walking home”) has no photographer credit." in item.text()
    panel.list.itemClicked.emit(item)
    assert window.sections.currentItem().text().startswith("Stills")
    stills = window.editor("Stills")
    assert stills.findChild(QListWidget, "gallery").currentRow() == 2
    assert stills.findChild(
        QLineEdit, "credit"
    ).hasFocus() or window.focusWidget() is stills.findChild(QLineEdit, "credit")
