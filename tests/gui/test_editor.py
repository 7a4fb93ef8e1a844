"""The editor as a filmmaker uses it: typing, adding, removing, reordering, dropping, undoing."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from presskit.store import KitFile

from .conftest import show


def field(editor, key, kind=QLineEdit):
    return editor.findChild(kind, key)


def undo_all(window) -> None:
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()


def test_typing_a_name_changes_the_kit_in_one_undo_step(window, qtbot):
    profile = show(window, "Profile")
    name = field(profile, "name")
    name.selectAll()
    qtbot.keyClicks(name, "Im-Sun Song (DP)")
    assert window.session.kit.person.name == "Im-Sun Song (DP)"
    assert window.session.undo_stack.count() == 1
    assert window.session.undo_stack.undoText() == "Edit Name"
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert window.session.kit.person.name == "Im-Sun Song"
    assert name.text() == "Im-Sun Song"


def test_long_text_and_word_count(window, qtbot):
    profile = show(window, "Profile")
    bio = field(profile, "bio_short", QPlainTextEdit)
    bio.selectAll()
    qtbot.keyClicks(bio, "Cinematographer of small, patient films.")
    assert window.session.kit.person.bio_short == "Cinematographer of small, patient films."
    assert profile.findChild(QLabel, "bio_short-count").text() == "5 words (aim for 80 or fewer)"


def test_interview_questions_are_added_edited_reordered_and_removed(window, qtbot):
    interview = show(window, "Interview")
    items = window.session.kit.interview.items
    listing = interview.findChild(QListWidget, "question-list")
    listing.setCurrentRow(3)
    qtbot.mouseClick(interview.findChild(QPushButton, "add-question"), Qt.MouseButton.LeftButton)
    assert len(items) == 5 and listing.currentRow() == 4
    question = field(interview, "question", QPlainTextEdit)
    qtbot.keyClicks(question, "What are you shooting next?")
    assert items[4].question == "What are you shooting next?"
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert items[3].question == "What are you shooting next?"
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert len(items) == 4 and all(qa.question != "What are you shooting next?" for qa in items)
    undo_all(window)
    assert window.session.kit == window.original


def test_films_are_added_with_a_status_and_reordered(window, qtbot):
    films = show(window, "Films")
    listing = films.findChild(QListWidget, "film-list")
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    kit = window.session.kit
    assert len(kit.films) == 3
    title = field(films, "title")
    qtbot.keyClicks(title, "Moth")
    films.findChild(QComboBox, "status").setCurrentText("production")
    new = kit.films[listing.currentRow()]
    assert (new.title, new.status) == ("Moth", "production")
    assert new.id and new.id not in ("dragonfly", "soundtrack-of-my-life")
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [f.title for f in kit.films] == ["Moth", "Dragonfly", "Soundtrack of My Life"]
    undo_all(window)
    assert kit == window.original


def _drop(widget, files: list[Path]) -> None:
    """What the file manager does: drag files in, then drop them."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    args = (
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(*args))


def test_dropping_photos_adds_credited_stills_with_thumbnails(window, qtbot, tmp_path):
    stills = show(window, "Stills")
    photos = []
    for i in range(2):
        exif = Image.Exif()
        exif[0x013B] = "Ian Chen"
        path = tmp_path / f"set-{i}.jpg"
        Image.new("RGB", (1200, 800), (40 * i, 90, 120)).save(path, exif=exif.tobytes())
        photos.append(path)
    with qtbot.waitSignal(stills.added, timeout=30_000):
        _drop(stills, photos)
    kit = window.session.kit
    assert len(kit.stills) == 7
    gallery = stills.findChild(QListWidget, "gallery")
    qtbot.waitUntil(lambda: not gallery.item(6).icon().isNull(), timeout=10_000)
    assert [s.credit for s in kit.stills[-2:]] == ["Ian Chen", "Ian Chen"]
    assert gallery.count() == 7
    assert "Photo: Ian Chen" in gallery.item(6).text()
    assert window.session.undo_stack.undoText() == "Add 2 stills"
    window.session.undo_stack.undo()
    assert len(kit.stills) == 5


def test_a_still_without_credit_is_marked(window, qtbot):
    stills = show(window, "Stills")
    gallery = stills.findChild(QListWidget, "gallery")
    gallery.setCurrentRow(1)
    credit = field(stills, "credit")
    credit.selectAll()
    qtbot.keyClick(credit, Qt.Key.Key_Backspace)
    assert window.session.kit.stills[1].credit == ""
    assert "No credit" in gallery.item(1).text()
    assert "⚠ 1" in window.sections.item(3).text()


def test_design_theme_and_section_visibility(window, qtbot):
    design = show(window, "Design")
    picker = design.findChild(QListWidget, "theme-picker")
    picker.setCurrentItem(picker.findItems("Modern", Qt.MatchFlag.MatchExactly)[0])
    assert window.session.kit.design.theme == "modern"
    design.findChild(QListWidget, "section-list").setCurrentRow(2)
    design.findChild(QCheckBox, "visible").click()
    assert not window.session.kit.design.sections[2].visible
    undo_all(window)
    assert window.session.kit.design.theme == "classic"


def test_save_writes_a_revision_and_reopening_gives_the_same_kit(window, qtbot):
    profile = show(window, "Profile")
    qtbot.keyClicks(field(profile, "location"), "Los Angeles")
    assert window.save()
    assert not window.isWindowModified()
    path = window.session.path
    kit = window.session.kit
    window.session.kit_file.close()
    with KitFile.open(path) as reopened:
        assert reopened.load() == kit
        assert len(reopened.revisions()) == 1


def test_autosave_keeps_the_open_file_current(window, qtbot):
    profile = show(window, "Profile")
    qtbot.keyClicks(field(profile, "pronouns"), "she/her")
    assert window.autosave_timer.isActive()
    window.autosave_timer.setInterval(10)
    with qtbot.waitSignal(window.autosaved, timeout=5000):
        window.autosave_timer.start()
    with KitFile.open(window.session.path, read_only=True) as other:
        assert other.load().person.pronouns == "she/her"
        assert other.revisions() == []  # autosave is not a revision


def test_closing_while_thumbnails_are_made_exits_cleanly(tmp_path):
    """A real process: open the sample, close at once while its thumbnails are being made."""
    import os
    import subprocess
    import sys

    script = tmp_path / "close_early.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QSettings, QStandardPaths, QTimer\n"
        "QStandardPaths.setTestModeEnabled(True)\n"
        "from presskit import kitio\n"
        "from presskit.gui.app import application\n"
        "from presskit.gui.main_window import MainWindow\n"
        "from presskit.gui.session import Session\n"
        "from presskit.gui.workers import wait_for_background_jobs\n"
        "from presskit.store import KitFile\n"
        f"path = {str(tmp_path / 'k.presskit')!r}\n"
        "kitio.create_kit(path, kitio.sample_json()).close()\n"
        "app = application()\n"
        "kit_file = KitFile.open(path)\n"
        "from presskit.gui.settings import Settings\n"
        f"window = MainWindow(Session(kit_file.load(), kit_file), Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)))\n"
        "window.show()\n"
        "window.editor('Stills').refresh()\n"
        "QTimer.singleShot(0, window.close)\n"
        "QTimer.singleShot(0, app.quit)\n"
        "code = app.exec()\n"
        "wait_for_background_jobs()\n"
        "sys.exit(code)\n",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for bad in ("QThread: Destroyed", "already deleted", "Traceback"):
        assert bad not in result.stderr


def test_portrait_cover_and_key_still_are_chosen_from_the_stills(window, qtbot):
    profile = show(window, "Profile")
    portrait = profile.findChild(QComboBox, "portrait")
    assert portrait.currentData() == "still-1"
    portrait.setCurrentIndex(portrait.findData("still-3"))
    assert window.session.kit.person.portrait == "still-3"
    design = show(window, "Design")
    cover = design.findChild(QComboBox, "cover_still")
    cover.setCurrentIndex(cover.findData("still-4"))
    assert window.session.kit.design.cover_still == "still-4"
    stills = show(window, "Stills")
    stills.findChild(QListWidget, "gallery").setCurrentRow(0)
    film = stills.findChild(QComboBox, "film")
    film.setCurrentIndex(film.findData("dragonfly"))
    assert film.currentText() == "Dragonfly"
    assert window.session.kit.stills[0].film == "dragonfly"
    undo_all(window)
    assert window.session.kit == window.original


def test_links_and_contact(window, qtbot):
    links = show(window, "Links & contact")
    qtbot.keyClicks(field(links, "email"), "hello@example.com")
    qtbot.mouseClick(links.findChild(QPushButton, "add-link"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field(links, "label"), "Instagram")
    qtbot.keyClicks(field(links, "url"), "https://instagram.com/imsun")
    kit = window.session.kit
    assert kit.contact.email == "hello@example.com"
    assert [(link.label, link.url) for link in kit.links][-1] == (
        "Instagram",
        "https://instagram.com/imsun",
    )
    undo_all(window)
    assert kit == window.original


def test_a_revision_is_restored_as_one_undoable_step(window, qtbot):
    from presskit.gui.dialogs import RevisionsDialog

    session = window.session
    assert window.save()
    session.set(("person", "name"), "Someone Else", "Name")
    session.set(("films", 0, "title"), "Moth", "Title")
    dialog = RevisionsDialog(session, window)
    assert dialog.list.count() == 1
    dialog.restore()
    assert session.kit.person.name == "Im-Sun Song" and session.kit.films[0].title == "Dragonfly"
    assert session.undo_stack.undoText().startswith("Restore revision")
    session.undo_stack.undo()
    assert session.kit.person.name == "Someone Else"


def test_recent_files_keep_the_newest_first_and_drop_missing_ones(window, tmp_path):
    settings = window.settings
    kept = tmp_path / "kept.presskit"
    kept.write_bytes(b"")
    settings.remember(tmp_path / "gone.presskit")
    settings.remember(kept)
    assert settings.recent_files() == [str(kept)]


def test_added_stills_are_selected_with_the_photographer_field_ready(window, qtbot, tmp_path):
    stills = show(window, "Stills")
    photos = []
    for i in range(2):
        path = tmp_path / f"DSC_00{i}.jpg"
        Image.new("RGB", (900, 600), (30 * i, 80, 140)).save(path)
        photos.append(path)
    with qtbot.waitSignal(stills.added, timeout=30_000):
        stills.add_files([str(p) for p in photos])
    gallery = stills.findChild(QListWidget, "gallery")
    assert stills.selected_rows() == [5, 6]
    credit = field(stills, "credit")
    assert credit.hasFocus() or QApplication.focusWidget() is credit
    # No caption yet: the gallery names each by its file, not "Untitled".
    assert gallery.item(5).text().splitlines()[0] == "DSC_000.jpg"
    assert gallery.item(6).text().splitlines()[0] == "DSC_001.jpg"
    qtbot.keyClicks(credit, "Ana Ruiz")
    assert [s.credit for s in window.session.kit.stills[-2:]] == ["Ana Ruiz", "Ana Ruiz"]


def test_at_1280_by_800_with_preflight_open_the_films_form_keeps_its_width(window, qtbot):
    """The form had shrunk to about 160 px, labels cut off, with a sideways scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    from presskit.gui.main_window import EDITOR_MIN_WIDTH

    window.resize(1280, 800)
    window.preflight.show_panel()
    films = show(window, "Films")
    qtbot.waitUntil(lambda: films.width() >= EDITOR_MIN_WIDTH)
    form_area = next(a for a in films.findChildren(QScrollArea) if a.isVisible())
    qtbot.waitUntil(lambda: form_area.viewport().width() > 300)
    assert not form_area.horizontalScrollBar().isVisible()
    # What a programmer reads first comes first; the technical fields fold away.
    labels = [
        label.text() for label in films.findChildren(QLabel) if label.isVisible() and label.text()
    ]
    assert labels.index("Logline") < labels.index("Festivals")
    assert "Runtime (minutes)" not in labels
    films.technical.button.click()
    assert films.findChild(QWidget, "runtime_min").isVisible()


def test_the_wheel_over_a_drop_down_scrolls_the_form_and_changes_nothing(window, qtbot):
    """Scrolling the Films form with the wheel changed the key still under the pointer."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QScrollArea

    window.resize(1280, 800)
    films = show(window, "Films")
    before = window.session.kit.films[0].key_still
    key_still = films.findChild(QComboBox, "key_still")
    area = next(a for a in films.findChildren(QScrollArea) if a.isAncestorOf(key_still))
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    start = area.verticalScrollBar().value()
    down = QWheelEvent(
        QPointF(10, 10),
        QPointF(key_still.mapToGlobal(QPoint(10, 10))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(key_still, down)
    assert window.session.kit.films[0].key_still == before
    assert window.session.undo_stack.count() == 0
    assert area.verticalScrollBar().value() > start


def test_open_recent_lists_ten_kits_and_clears(window, tmp_path):
    for n in range(12):
        kit = tmp_path / f"kit-{n:02d}.presskit"
        kit.write_bytes(b"")
        window._remember(kit)
    names = [a.text() for a in window.recent_menu.actions() if a.text()]
    assert names[:10] == [f"kit-{n:02d}.presskit" for n in range(11, 1, -1)]
    assert names[10:] == ["Clear Menu"]
    next(a for a in window.recent_menu.actions() if a.text() == "Clear Menu").trigger()
    assert window.recent_files() == [] and not window.recent_menu.isEnabled()
