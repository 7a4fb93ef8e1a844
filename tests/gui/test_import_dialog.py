"""Import Interview in the window: paste, review, correct, untick, apply as one step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QPushButton

from presskit import model
from presskit.gui.import_dialog import ImportDialog

ARTICLE = Path(__file__).resolve().parents[1] / "importers" / "articles" / "lead-in.txt"


def test_paste_review_correct_untick_and_apply_as_one_undo_step(window, qtbot):
    session = window.session
    before = len(session.kit.interview.items)
    dialog = ImportDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(ARTICLE))
    review = dialog.findChild(QListWidget, "review")
    assert review.count() == len(dialog.proposal.paragraphs)
    assert len(dialog.proposal.interview) == 3
    # The person decides the third question's long lead-in is not a question after all.
    third = next(
        i for i, p in enumerate(dialog.proposal.paragraphs) if p.startswith("Okay, let's talk")
    )
    review.item(third).setSelected(True)
    qtbot.mouseClick(dialog.findChild(QPushButton, "mark-ignored"), Qt.MouseButton.LeftButton)
    assert len(dialog.proposal.interview) == 2
    assert review.item(third).text().startswith("–")
    dialog.findChild(QCheckBox, "use-links").setChecked(False)
    dialog.apply()
    kit = session.kit
    assert len(kit.interview.items) == before + 2
    assert kit.interview.items[-1].question == "Tell us about a set you are proud of."
    assert kit.links == [
        model.Link("DP Reel", "https://vimeo.com/793204574")
    ]  # links were unticked
    assert session.undo_stack.undoText() == "Import interview"
    session.undo_stack.undo()
    assert len(kit.interview.items) == before


def test_the_interview_section_has_an_import_button(window, qtbot):
    from .conftest import show

    interview = show(window, "Interview")
    assert interview.findChild(QPushButton, "import-interview") is not None
    assert window.findChild(type(window.menuBar().actions()[0]), "import-interview") is not None


def test_what_is_ticked_is_applied_and_a_replacement_says_so(window, qtbot):
    """The kit already has a name and a bio: ticked, the article's replace them, and the
    review says what they replace before anything is applied."""
    session = window.session
    old_bio = session.kit.person.bio_long
    assert session.kit.person.name and old_bio
    dialog = ImportDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(ARTICLE))
    name = dialog.findChild(QCheckBox, "use-name")
    bio = dialog.findChild(QCheckBox, "use-bio")
    assert name.isChecked() and bio.isChecked()
    assert "replaces: Im-Sun Song" in name.text()
    assert "replaces: " + old_bio.split()[0] in bio.text()
    dialog.apply()
    assert session.kit.person.name == "Lena Fischer"
    assert session.kit.person.bio_long == dialog.proposal.bio
    session.undo_stack.undo()  # one step takes all of it back
    assert session.kit.person.name == "Im-Sun Song" and session.kit.person.bio_long == old_bio


def test_an_unticked_name_is_left_as_it_was(window, qtbot):
    session = window.session
    dialog = ImportDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(ARTICLE))
    dialog.findChild(QCheckBox, "use-name").setChecked(False)
    dialog.apply()
    assert session.kit.person.name == "Im-Sun Song"
