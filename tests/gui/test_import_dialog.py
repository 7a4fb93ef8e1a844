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


CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"


def test_a_low_confidence_field_starts_unticked_with_the_line_it_came_from(window, qtbot):
    """ "his new film Ballast" names a film in no quotes, italics or film line: the review
    offers it unticked, with that line beside it, and applies it only once ticked."""
    from PySide6.QtWidgets import QLabel

    session = window.session
    dialog = ImportDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(str(CORPUS / "22-magazine-html-h3-pullquote.html"))
    film = dialog.findChild(QCheckBox, "use-film-0")
    assert film.text() == "Film: Ballast" and not film.isChecked()
    source = dialog.findChild(QLabel, "source-film-0")
    qtbot.waitUntil(source.isVisible)  # shown beside the tick, not only there
    assert source.text().startswith("unsure — from: “Dutch documentary maker Lucas van der Berg")
    name = dialog.findChild(QCheckBox, "use-name")
    assert name.isChecked() and dialog.findChild(QLabel, "source-name") is None
    titles = {f.title for f in session.kit.films}
    dialog.apply()
    assert {f.title for f in session.kit.films} == titles  # unticked: left out
    session.undo_stack.undo()
    dialog = ImportDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(CORPUS / "22-magazine-html-h3-pullquote.html"))
    dialog.findChild(QCheckBox, "use-film-0").setChecked(True)
    dialog.apply()
    assert "Ballast" in {f.title for f in session.kit.films}


def test_a_festival_film_arrives_with_its_runtime_country_logline_and_award(window, qtbot):
    session = window.session
    dialog = ImportDialog(session, window)
    qtbot.addWidget(dialog)
    dialog.load_file(str(CORPUS / "10-festival-filmmaker-headline.txt"))
    assert dialog.findChild(QCheckBox, "use-film-0").text() == (
        "Film: Paper Moons (22 min, USA, Best Cinematography (May 2024 Festival of Small Films))"
    )
    dialog.apply()
    film = next(f for f in session.kit.films if f.title == "Paper Moons")
    assert (film.runtime_min, film.country, film.roles) == (22, "USA", ["director"])
    assert film.logline.startswith("Two sisters sneak out to a drive-in")
    assert [(a.name, a.year) for a in film.awards] == [("Best Cinematography", 2024)]
    assert session.kit.person.name == "Dana Whitcombe"
