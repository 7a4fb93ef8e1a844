"""Preflight in the window: counts in the status bar, findings listed, a click shows the field."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit, QListWidget

from presskit import kitio
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.preflight_panel import parse_where
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile


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


def test_the_preflight_panel_names_a_still_whose_picture_is_missing(qtbot, tmp_path: Path):
    application()
    path = tmp_path / "kit.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    with KitFile.open(path) as f:
        pond = f.load().stills[1].asset
    db = sqlite3.connect(path)
    db.execute("DELETE FROM assets WHERE sha256 = ?", (pond,))
    db.commit()
    db.close()
    kit_file = KitFile.open(path)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Session(kit_file.load(), kit_file), settings)
    qtbot.addWidget(window)
    window.show()
    panel = window.preflight
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        panel.run_check()
    assert panel.counts.text() == "1 error"
    assert (
        panel.list.item(0)
        .text()
        .endswith("Still 2 (“Dragonfly: the pond at dusk”): its picture is missing from the file.")
    )
    window.autosave_timer.stop()


def test_layout_faults_come_from_the_preview_s_render_not_a_second_one(window, qtbot, monkeypatch):
    """A page left near empty is listed; while the preview lays the kit out, preflight does
    not lay the same pages out again (it did: every edit cost two renders)."""
    from reportlab.platypus import PageBreak

    from presskit import preflight
    from presskit.render import sections

    own_layouts = []
    real_layout = preflight._layout
    monkeypatch.setattr(preflight, "_layout", lambda *a: own_layouts.append(1) or real_layout(*a))
    monkeypatch.setitem(
        sections.BUILDERS, "bio", lambda ctx: [ctx.para("One line.", ctx.styles.body), PageBreak()]
    )
    panel = window.preflight
    window.session.set(("person", "pronouns"), "she/her", "Pronouns")  # a new version to lay out
    qtbot.waitUntil(
        lambda: any(
            f.where == "design" and f.message.startswith("Page 2:") for f in panel.findings
        ),
        timeout=20_000,
    )
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        panel.run_check()
    assert own_layouts == []
    assert "1 warning" in panel.counts.text()

    window.show_preview(False)  # nothing else lays the kit out: preflight does
    with qtbot.waitSignal(panel.checked, timeout=20_000):
        panel.run_check()
    assert own_layouts
    assert [f.message.split(":")[0] for f in panel.findings if f.where == "design"] == ["Page 2"]
