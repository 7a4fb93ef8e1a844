"""What you see is what is kept: every change, undo included, is on disk before the kit is let
go (new, open, close, quit, revision restore), with the autosave still pending. The session
owns all of it, so most of these run without a window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication, QMessageBox

from presskit import kitio, model
from presskit.gui import recovery
from presskit.gui.app import application
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session
from presskit.store import KitFile

PRONOUNS = ("person", "pronouns")


@pytest.fixture
def kit_path(tmp_path: Path) -> Path:
    application()
    path = tmp_path / "kit.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    return path


@pytest.fixture
def session(kit_path: Path):
    kit_file = KitFile.open(kit_path)
    session = Session(kit_file.load(), kit_file)
    yield session
    session.close()


def on_disk(path: Path) -> model.PressKit:
    with KitFile.open(path, read_only=True) as kit_file:
        return kit_file.load()


def autosave_lands(qtbot, session: Session) -> None:
    """Drives the autosave timer instead of waiting for it."""
    assert session.autosave_timer.isActive()
    with qtbot.waitSignal(session.autosaved, timeout=10_000):
        session.autosave_timer.stop()
        session.autosave()


def test_an_undo_after_an_autosave_is_written_before_the_kit_is_let_go(qtbot, session, kit_path):
    """The reported loss: change, autosave, undo, quit within the timer: the undone value
    came back on reopening."""
    session.set(PRONOUNS, "she/her", "Pronouns")
    autosave_lands(qtbot, session)
    assert on_disk(kit_path).person.pronouns == "she/her"
    assert not session.modified  # what the window shows is on disk
    session.undo_stack.undo()
    assert session.modified and session.autosave_timer.isActive()
    revisions = len(session.kit_file.revisions())
    session.write_now()
    assert on_disk(kit_path).person.pronouns == ""
    assert not session.modified
    assert len(session.kit_file.revisions()) == revisions  # File > Revisions: saves only


def test_typing_on_after_an_autosave_is_a_change_to_write(qtbot, session, kit_path):
    session.set(PRONOUNS, "she", "Pronouns", typing=True)
    autosave_lands(qtbot, session)
    session.set(PRONOUNS, "she/her", "Pronouns", typing=True)
    assert session.modified
    session.write_now()
    assert on_disk(kit_path).person.pronouns == "she/her"


def test_an_edit_made_while_an_autosave_is_written_stays_unsaved(qtbot, session, kit_path):
    session.set(PRONOUNS, "she", "Pronouns", typing=True)
    session.autosave_timer.stop()
    with qtbot.waitSignal(session.autosaved, timeout=10_000):
        session.autosave()
        session.set(PRONOUNS, "she/her", "Pronouns", typing=True)  # merges into the same step
    assert session.modified  # the file holds "she", the window "she/her"
    session.write_now()
    assert on_disk(kit_path).person.pronouns == "she/her"


def add_a_still(session: Session, folder: Path) -> tuple[Path, str]:
    """A still with a new picture, added as the stills page adds one: (photo, its sha256)."""
    photo = folder / "set.jpg"
    Image.new("RGB", (640, 400), (30, 60, 90)).save(photo)
    image = kitio.import_image(photo)
    session.add_picture(image.asset)
    still = kitio.still_for(image, session.kit, credit="Ana Ruiz")
    session.apply(model.InsertItem(("stills",), len(session.kit.stills), still), "Add still")
    return photo, image.sha256


@pytest.mark.parametrize("write", ["write_now", "save"])
def test_a_still_added_a_moment_ago_is_written_with_its_picture(
    qtbot, session, kit_path, tmp_path, write
):
    photo, sha256 = add_a_still(session, tmp_path)
    getattr(session, write)()
    with KitFile.open(kit_path, read_only=True) as kit_file:
        assert kit_file.load().stills[-1].credit == "Ana Ruiz"
        assert kit_file.asset_bytes(sha256) == photo.read_bytes()


def test_an_autosave_writes_new_pictures_and_adds_no_revision(qtbot, session, kit_path, tmp_path):
    """Revisions are what File > Revisions lists: explicit saves only, never autosaves."""
    with KitFile.open(kit_path, read_only=True) as kit_file:
        revisions = len(kit_file.revisions())
    photo, sha256 = add_a_still(session, tmp_path)
    with qtbot.waitSignal(session.autosaved, timeout=10_000) as said:
        session.autosave_timer.stop()
        session.autosave()
    assert said.args == ["Saved automatically"]
    with KitFile.open(kit_path, read_only=True) as kit_file:
        assert kit_file.asset_bytes(sha256) == photo.read_bytes()
        assert len(kit_file.revisions()) == revisions


def test_an_autosave_with_nowhere_to_keep_untitled_work_says_why(qtbot, tmp_path, monkeypatch):
    application()
    nowhere = tmp_path / "no such folder" / "recovery.presskit"
    monkeypatch.setattr(recovery, "new_recovery_path", lambda: nowhere)
    session = Session(model.PressKit())
    session.set(("person", "name"), "Ana Ruiz", "Name")
    with qtbot.waitSignal(session.autosave_failed, timeout=10_000) as said:
        session.autosave_timer.stop()
        session.autosave()
    assert said.args[0].startswith("Autosave failed: ") and "recovery.presskit" in said.args[0]
    assert session.unwritten() and not nowhere.exists()
    session.close()


def test_restoring_a_revision_writes_the_present_first(qtbot, session, kit_path):
    session.save()
    session.set(PRONOUNS, "they/them", "Pronouns")
    assert session.autosave_timer.isActive()  # not written yet
    revision = session.kit_file.revisions()[0]
    session.restore_revision(revision.id, "Restore")
    assert session.kit.person.pronouns == ""
    assert session.undo_stack.undoText() == "Restore"  # Edit > Undo Restore
    # What was there before the restore is on disk; the restore is one step to undo.
    assert on_disk(kit_path).person.pronouns == "they/them"
    session.undo_stack.undo()
    assert session.kit.person.pronouns == "they/them"


def test_undoing_a_restore_and_a_removal_after_saves_finds_the_still_and_its_picture(
    qtbot, session, kit_path
):
    """No revision holds the removed still's picture (the kit came with none): only the
    session keeps it, through the restore too, for as long as undo can bring it back."""
    first = session.kit.stills[0]
    session.apply(model.remove_stills(session.kit, [0]), "Remove still")
    session.save()
    session.restore_revision(session.kit_file.revisions()[0].id, "Restore")
    session.save()
    session.undo_stack.undo()  # the restore
    session.undo_stack.undo()  # the removal
    session.save()
    with KitFile.open(kit_path, read_only=True) as kit_file:
        assert kit_file.load().stills[0].id == first.id
        assert kit_file.asset_bytes(first.asset)  # its picture, not "missing from the file"


def test_a_kit_opened_read_only_is_never_written(qtbot, kit_path):
    before = kit_path.read_bytes()
    kit_file = KitFile.open(kit_path, read_only=True)
    session = Session(kit_file.load(), kit_file)
    session.set(PRONOUNS, "she/her", "Pronouns")
    assert not session.autosave_timer.isActive()
    session.write_now()  # what closing the window does: nothing to write, nothing raised
    session.close()
    assert kit_path.read_bytes() == before


def test_save_as_moves_untitled_work_out_of_recovery(qtbot, tmp_path):
    application()
    session = Session(model.PressKit())
    session.set(("person", "name"), "Ana Ruiz", "Name")
    autosave_lands(qtbot, session)
    recovery = session.recovery.path
    assert recovery.is_file() and session.modified  # kept, but nowhere the person chose
    session.save_as(tmp_path / "Ana.presskit")
    assert not recovery.exists() and not session.modified
    assert on_disk(tmp_path / "Ana.presskit").person.name == "Ana Ruiz"
    session.close()


def test_untitled_work_saved_as_before_any_autosave_keeps_its_picture(qtbot, tmp_path):
    application()
    session = Session(model.PressKit())
    session.set(("person", "name"), "Ana Ruiz", "Name")
    photo, sha256 = add_a_still(session, tmp_path)
    assert session.recovery is None  # nothing written anywhere yet
    session.save_as(tmp_path / "Ana.presskit")
    assert session.path == tmp_path / "Ana.presskit" and not session.modified
    with KitFile.open(tmp_path / "Ana.presskit", read_only=True) as kit_file:
        assert kit_file.load().person.name == "Ana Ruiz"
        assert kit_file.asset_bytes(sha256) == photo.read_bytes()
    session.close()


def test_save_as_of_an_opened_kit_takes_every_picture_and_leaves_the_old_file(
    qtbot, session, kit_path, tmp_path
):
    session.set(PRONOUNS, "she/her", "Pronouns")
    session.save_as(tmp_path / "copy.presskit")
    assert session.path == tmp_path / "copy.presskit"
    original = on_disk(kit_path)
    assert original.person.pronouns == "" and original.stills  # as it was
    with KitFile.open(kit_path, read_only=True) as old, KitFile.open(session.path) as new:
        assert new.load().person.pronouns == "she/her"
        for still in original.stills:
            assert new.asset_bytes(still.asset) == old.asset_bytes(still.asset)


def test_discarding_untitled_work_leaves_nothing_to_recover(qtbot):
    application()
    session = Session(model.PressKit())
    session.set(("person", "name"), "Ana Ruiz", "Name")
    autosave_lands(qtbot, session)
    recovery = session.recovery.path
    session.discard_recovery()
    assert not recovery.exists()
    session.close()


def test_an_untitled_autosave_says_it_is_kept_for_recovery(qtbot):
    application()
    session = Session(model.PressKit())
    session.set(("person", "name"), "Ana Ruiz", "Name")
    with qtbot.waitSignal(session.autosaved, timeout=10_000) as said:
        session.autosave_timer.stop()
        session.autosave()
    assert said.args == ["Kept for recovery; Save to choose where"]
    assert not session.unwritten()  # held by the recovery file: nothing more to write
    session.discard_recovery()
    session.close()


# -- the same promises through the window --------------------------------------------------


def other_windows(window: MainWindow) -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window
    ]


def undone_after_an_autosave(qtbot, window: MainWindow) -> None:
    window.session.set(PRONOUNS, "she/her", "Pronouns")
    with qtbot.waitSignal(window.autosaved, timeout=10_000):
        window.autosave_timer.stop()
        window.session.autosave()
    assert not window.isWindowModified()
    window.session.undo_stack.undo()
    assert window.isWindowModified()  # the mark follows the clean index
    assert window.autosave_timer.isActive()  # pending: the next step comes before it


@pytest.mark.parametrize("action", ["quit", "new kit", "open"])
def test_the_window_writes_an_undo_before_letting_the_kit_go(qtbot, window, tmp_path, action):
    path = window.session.path
    undone_after_an_autosave(qtbot, window)
    if action == "quit":
        window.close()
    elif action == "new kit":
        window.new_kit()
    else:
        other = tmp_path / "other.presskit"
        KitFile.create(other, model.PressKit(person=model.Person(name="Other"))).close()
        window.open_path(str(other))
    for replacement in other_windows(window):
        qtbot.addWidget(replacement)
    assert not window.isVisible()
    assert on_disk(path).person.pronouns == ""


def test_closing_untitled_work_asks_and_cancel_keeps_the_window(qtbot, answers):
    application()
    window = MainWindow(Session(model.PressKit()))
    qtbot.addWidget(window)
    window.show()
    window.session.set(("person", "name"), "Ana Ruiz", "Name")
    answers.choice = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible() and "never been saved" in answers.asked[0]  # still there
    answers.choice = QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()


def test_save_as_suggests_the_name_beside_the_last_kit(window):
    suggested = window.suggested_path()
    assert suggested == window.session.path.parent / "Im-Sun Song — press kit.presskit"


def test_ctrl_y_redoes_as_ctrl_shift_z_does(window, qtbot):
    from PySide6.QtCore import Qt

    window.session.set(PRONOUNS, "she/her", "Pronouns")
    window.session.undo_stack.undo()
    window.activateWindow()
    window.sections.setFocus()
    qtbot.keyClick(window.sections, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.kit.person.pronouns == "she/her"
    window.session.undo_stack.undo()
    qtbot.keyClick(
        window.sections,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.session.kit.person.pronouns == "she/her"


def test_an_autosave_landing_after_a_save_leaves_the_kit_saved(qtbot, session, kit_path):
    """A save on this thread waits for an autosave under way; that autosave's news, arriving
    after the save, must not mark the saved kit modified again."""
    session.set(PRONOUNS, "she", "Pronouns")
    session.autosave_timer.stop()
    session.autosave()  # written on the save thread; its news comes through the event loop
    session.set(PRONOUNS, "she/her", "Pronouns")
    session.save()
    assert not session.modified
    qtbot.waitUntil(lambda: not session._autosaves.running, timeout=10_000)
    assert not session.modified
    assert on_disk(kit_path).person.pronouns == "she/her"
