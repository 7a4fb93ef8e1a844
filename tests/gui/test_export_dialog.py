"""Export PDF through the dialog, as a person would: choose, read the estimate, export,
cancel, open the result."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget

from presskit import kitio, model
from presskit.gui import export_dialog
from presskit.gui.app import application
from presskit.gui.export_dialog import ExportDialog
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.store import KitFile
from tests.render.photos import credit_lines, give_each_still_its_own_photographer, photo_kit

EXPORT_TIMEOUT_MS = 120_000  # a cold print export of several photographs on a busy machine


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def open_session(path: Path) -> Session:
    kit_file = KitFile.open(path)
    return Session(kit_file.load(), kit_file)


@pytest.fixture
def sample_session(tmp_path: Path):
    application()
    path = tmp_path / "kits" / "sample.presskit"
    path.parent.mkdir()
    kitio.create_kit(path, kitio.sample_json()).close()
    session = open_session(path)
    yield session
    session.kit_file.close()


def make_dialog(qtbot, session: Session, settings: Settings) -> ExportDialog:
    dialog = ExportDialog(session, None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_for_estimate(qtbot, dialog)
    return dialog


def wait_for_estimate(qtbot, dialog: ExportDialog) -> int:
    """The estimate as the dialog shows it ("About 1.4 MB"), in bytes."""
    qtbot.waitUntil(lambda: dialog.estimate.text().startswith("About"), timeout=30_000)
    number, unit = re.fullmatch(r"About ([\d.]+) (KB|MB)", dialog.estimate.text()).groups()
    return round(float(number) * (1000 if unit == "KB" else 1_000_000))


def choose(qtbot, dialog: ExportDialog, combo_name: str, text: str) -> int:
    """Picks an entry in one of the dialog's lists and waits for the estimate it brings."""
    combo = getattr(dialog, combo_name)
    with qtbot.waitSignal(dialog.estimated, timeout=30_000):
        combo.setCurrentIndex(combo.findText(text))
    return wait_for_estimate(qtbot, dialog)


def untick(qtbot, listing: QListWidget, text: str, dialog: ExportDialog) -> None:
    item = next(listing.item(r) for r in range(listing.count()) if listing.item(r).text() == text)
    with qtbot.waitSignal(dialog.estimated, timeout=30_000):
        item.setCheckState(Qt.CheckState.Unchecked)


def export(qtbot, dialog: ExportDialog, path: Path) -> str:
    """Types the path, clicks Export, waits for the end; "done", "cancelled" or "failed"."""
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.finished_export, timeout=EXPORT_TIMEOUT_MS) as ended:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return ended.args[0]


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def outline(path: Path) -> list[str]:
    def titles(items) -> list[str]:
        found = []
        for item in items:
            found += titles(item) if isinstance(item, list) else [item.title]
        return found

    return titles(pypdf.PdfReader(str(path)).outline)


def test_the_sample_kit_exports_within_a_quarter_of_the_size_shown(
    qtbot, sample_session, settings, tmp_path
):
    dialog = make_dialog(qtbot, sample_session, settings)
    shown = wait_for_estimate(qtbot, dialog)
    out = tmp_path / "Im-Sun Song.pdf"
    assert export(qtbot, dialog, out) == "done"
    size = out.stat().st_size
    assert abs(size - shown) <= 0.25 * size, (shown, size)
    assert "Im-Sun Song" in pdf_text(out)
    assert re.search(r"\d+ pages, [\d.]+ (KB|MB)", dialog.message.text())


def test_a_kit_of_photographs_for_print_exports_within_a_quarter_of_the_size_shown(
    qtbot, settings, tmp_path
):
    application()
    session = open_session(photo_kit(tmp_path / "photos", stills=6))
    dialog = make_dialog(qtbot, session, settings)
    screen = wait_for_estimate(qtbot, dialog)
    shown = choose(qtbot, dialog, "profile", "Print — 300 dpi")
    assert shown > 2 * screen  # the person sees print costs more before choosing it
    out = tmp_path / "print.pdf"
    assert export(qtbot, dialog, out) == "done"
    size = out.stat().st_size
    assert abs(size - shown) <= 0.25 * size, (shown, size)
    text = pdf_text(out)
    for line in credit_lines(session.kit.stills):  # each still's own photographer under it
        assert line in text
    session.kit_file.close()


def test_a_kit_for_one_film_leaves_the_other_film_out(qtbot, sample_session, settings, tmp_path):
    dialog = make_dialog(qtbot, sample_session, settings)
    untick(qtbot, dialog.films, "Soundtrack of My Life", dialog)
    out = tmp_path / "dragonfly.pdf"
    assert export(qtbot, dialog, out) == "done"
    text = pdf_text(out)
    assert "Dragonfly" in outline(out)
    assert "Soundtrack of My Life" not in outline(out)
    assert "Soundtrack of My Life: the record room" not in text  # its stills went too
    assert "Dragonfly: the pond at dusk" in text
    # Her bio and interview talk about both films; without them the title is gone entirely.
    untick(qtbot, dialog.sections, "About (bio)", dialog)
    untick(qtbot, dialog.sections, "Interview", dialog)
    assert export(qtbot, dialog, out) == "done"
    text = pdf_text(out)
    assert "Soundtrack of My Life" not in text
    assert "Dragonfly" in text


def test_an_unticked_section_is_left_out(qtbot, sample_session, settings, tmp_path):
    dialog = make_dialog(qtbot, sample_session, settings)
    question = sample_session.kit.interview.items[0].question
    untick(qtbot, dialog.sections, "Interview", dialog)
    out = tmp_path / "no-interview.pdf"
    assert export(qtbot, dialog, out) == "done"
    text = pdf_text(out)
    assert "In conversation" not in text
    assert re.sub(r"\s+", " ", question) not in text
    assert "About" in text and "Contact" in text


def cancel_at_first_step(dialog: ExportDialog) -> None:
    """Clicks Cancel when the bar shows the first step: the worker waits for that step to be
    shown before it goes on, so the cancel always lands before the PDF is written."""

    def at_step(_done: int, _total: int) -> None:
        if dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled():
            dialog.cancel_button.click()

    dialog.progressed.connect(at_step)


def test_cancel_leaves_no_file_and_no_temporary_file(qtbot, sample_session, settings, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = make_dialog(qtbot, sample_session, settings)
    cancel_at_first_step(dialog)
    assert export(qtbot, dialog, folder / "kit.pdf") == "cancelled"
    assert list(folder.iterdir()) == []
    assert dialog.message.text() == "Export cancelled; nothing was written."
    assert not dialog.progress.isVisible()
    assert dialog.export_button.isEnabled()


def test_cancel_leaves_an_earlier_pdf_as_it_was(qtbot, sample_session, settings, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    earlier = folder / "kit.pdf"
    earlier.write_bytes(b"%PDF-1.4 the one sent to the festival last year\n%%EOF\n")
    before = earlier.read_bytes()
    dialog = make_dialog(qtbot, sample_session, settings)
    dialog.path.setText(str(earlier))
    assert dialog.path_note.isVisible()  # the person is told before exporting
    cancel_at_first_step(dialog)
    assert export(qtbot, dialog, earlier) == "cancelled"
    assert earlier.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["kit.pdf"]


def one_sentence(text: str) -> bool:
    """One line, one sentence: only the end stops it (what it quotes, such as a path, aside)."""
    said = re.sub(r"“[^”]*”", "“”", text)
    return "\n" not in text and said.endswith(".") and len(re.findall(r"[.!?](\s|$)", said)) == 1


def test_a_missing_folder_is_one_clear_sentence_before_export(
    qtbot, sample_session, settings, tmp_path
):
    dialog = make_dialog(qtbot, sample_session, settings)
    out = tmp_path / "no such folder" / "kit.pdf"
    dialog.path.setText(str(out))
    note = dialog.path_note.text()
    assert dialog.path_note.isVisible()
    assert "no such folder" in note and "does not exist" in note and one_sentence(note)
    assert not dialog.export_button.isEnabled()
    dialog.path.setText(str(tmp_path / "kit.pdf"))  # a valid path clears it
    assert not dialog.path_note.isVisible()
    assert dialog.export_button.isEnabled()
    assert not out.parent.exists()


def test_typing_a_path_key_by_key_never_raises(qtbot, sample_session, settings, tmp_path):
    """At "/" the dialog used to raise ("PosixPath('/') has an empty name") and lose the rest
    of the typing. pytest-qt fails the test on any exception in a slot."""
    dialog = make_dialog(qtbot, sample_session, settings)
    dialog.path.selectAll()
    typed = f"{tmp_path}/press kit"
    qtbot.keyClicks(dialog.path, typed)
    assert dialog.path.text() == typed
    assert dialog.output_path() == tmp_path / "press kit.pdf"
    assert dialog.export_button.isEnabled()


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Type where"),
        ("/", "folder"),
        ("~", "folder"),
        ("{tmp}", "folder"),
        ("{tmp}/", "folder"),
        ("{tmp}/" + "x" * 300, "too long"),
        ("{tmp}/no/such/place.pdf", "does not exist"),
    ],
)
def test_a_path_that_cannot_be_used_says_why_in_one_sentence(
    qtbot, sample_session, settings, tmp_path, monkeypatch, typed, says
):
    monkeypatch.setenv("HOME", str(tmp_path))
    dialog = make_dialog(qtbot, sample_session, settings)
    dialog.path.setText(typed.format(tmp=tmp_path))
    assert says in dialog.path_note.text() and one_sentence(dialog.path_note.text())
    assert dialog.path_note.isVisible() and not dialog.export_button.isEnabled()


def test_a_relative_name_without_pdf_goes_beside_the_kit(qtbot, sample_session, settings):
    dialog = make_dialog(qtbot, sample_session, settings)
    dialog.path.setText("for Busan")
    assert dialog.output_path() == sample_session.path.parent / "for Busan.pdf"
    assert not dialog.path_note.isVisible() and dialog.export_button.isEnabled()


def test_any_text_in_save_as_is_an_answer_never_an_exception(
    qtbot, sample_session, settings, tmp_path
):
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from hypothesis import strategies as st

    dialog = make_dialog(qtbot, sample_session, settings)
    pieces = st.sampled_from(["/", "~", "..", ".", " ", ".pdf", str(tmp_path), "\\", "\0"])
    texts = st.lists(st.one_of(st.text(max_size=40), pieces), max_size=8).map("".join)

    @hypothesis_settings(
        max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    @given(texts)
    def typed(text: str) -> None:
        dialog.path.setText(text)
        note = dialog.path_note.text()
        if dialog.export_button.isEnabled():
            assert dialog.output_path() is not None and dialog.output_path().suffix == ".pdf"
        else:
            assert dialog.path_note.isVisible() and one_sentence(note)

    typed()


def test_the_default_folder_exists_on_a_fresh_machine(qtbot, settings, tmp_path, monkeypatch):
    """No Documents folder, an untitled kit: the PDF goes to the home folder, named from
    the kit, and nothing is said against it."""
    home = tmp_path / "fresh home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    application()
    kit, pictures = kitio.read_kit_json(kitio.sample_json())
    session = Session(kit)
    for picture in pictures:
        session.add_picture(picture)
    dialog = make_dialog(qtbot, session, settings)
    out = dialog.output_path()
    assert out is not None and out.parent.is_dir()
    assert out.name == "Im-Sun Song — press kit.pdf"
    assert not dialog.path_note.isVisible() and dialog.export_button.isEnabled()


def test_when_done_open_pdf_and_show_in_folder_open_the_right_places(
    qtbot, sample_session, settings, tmp_path, monkeypatch
):
    opened: list[QUrl] = []
    monkeypatch.setattr(
        export_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    dialog = make_dialog(qtbot, sample_session, settings)
    assert not dialog.open_pdf.isVisible() and not dialog.show_folder.isVisible()
    out = tmp_path / "kit.pdf"
    assert export(qtbot, dialog, out) == "done"
    assert dialog.open_pdf.isVisible() and dialog.show_folder.isVisible()
    qtbot.mouseClick(dialog.open_pdf, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.show_folder, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(tmp_path))]


def test_the_dialog_starts_from_the_kit_and_remembers_the_last_choices(
    qtbot, sample_session, settings, tmp_path
):
    dialog = make_dialog(qtbot, sample_session, settings)
    assert dialog.profile.currentText() == "Screen — to email"
    assert dialog.theme.currentData() == sample_session.kit.design.theme
    ticked = [
        dialog.sections.item(r).checkState() == Qt.CheckState.Checked
        for r in range(dialog.sections.count())
    ]
    assert ticked == [s.visible for s in sample_session.kit.design.sections]
    assert Path(dialog.path.text()) == (sample_session.path.parent / "Im-Sun Song — press kit.pdf")
    choose(qtbot, dialog, "profile", "Print — 300 dpi")
    folder = tmp_path / "sent"
    folder.mkdir()
    assert export(qtbot, dialog, folder / "kit.pdf") == "done"
    again = make_dialog(qtbot, sample_session, settings)
    assert again.profile.currentText() == "Print — 300 dpi"
    assert Path(again.path.text()) == folder / "Im-Sun Song — press kit.pdf"


def test_an_untitled_kit_exports_with_its_images_from_memory(qtbot, settings, tmp_path):
    application()
    kit, assets = kitio.read_kit_json(kitio.sample_json())
    give_each_still_its_own_photographer(kit)
    session = Session(kit)
    session.pending_assets = {asset.sha256: asset for asset in assets}
    dialog = make_dialog(qtbot, session, settings)
    out = tmp_path / "untitled.pdf"
    assert export(qtbot, dialog, out) == "done"
    reader = pypdf.PdfReader(str(out))
    included = [s for s in kit.stills if s.included]
    assert sum(len(page.images) for page in reader.pages) >= len(included)
    text = pdf_text(out)
    for line in credit_lines(included):  # each still's own photographer under it
        assert line in text


def test_export_pdf_in_the_file_menu_opens_the_dialog_on_the_kit(window, qtbot, monkeypatch):
    opened: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.findChild(QAction, "export").trigger()
    assert len(opened) == 1
    assert opened[0].session is window.session
    assert opened[0].settings is window.settings


def test_a_kit_with_nothing_to_show_cannot_be_exported_and_says_why(qtbot, settings):
    """It wrote a blank page; the estimate said 16 KB."""
    application()
    session = Session(model.PressKit())
    dialog = ExportDialog(session, None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.estimate.text() == "Nothing to export", timeout=30_000)
    assert not dialog.export_button.isEnabled()
    assert dialog.message.isVisible() and one_sentence(dialog.message.text())
    assert "nothing to export" in dialog.message.text().lower()


def test_preflight_errors_show_before_exporting(qtbot, sample_session, settings):
    sample_session.set(("stills", 1, "credit"), "", "Photographer")
    dialog = make_dialog(qtbot, sample_session, settings)
    qtbot.waitUntil(dialog.errors.isVisible, timeout=30_000)
    assert "no photographer credit" in dialog.errors.text()
    assert dialog.export_button.isEnabled()  # the person may still send it


def test_a_missing_picture_is_named_and_asked_about_before_exporting(
    qtbot, sample_session, settings, tmp_path, answers
):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    path = sample_session.path
    sample_session.kit_file.close()
    gone = sample_session.kit.stills[1]
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM assets WHERE sha256 = ?", (gone.asset,))
    db.close()
    session = open_session(path)
    dialog = make_dialog(qtbot, session, settings)
    qtbot.waitUntil(dialog.errors.isVisible, timeout=30_000)
    assert "missing" in dialog.errors.text() and gone.caption in dialog.errors.text()
    out = tmp_path / "kit.pdf"
    dialog.path.setText(str(out))
    answers.choice = QMessageBox.StandardButton.Cancel
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert gone.caption in answers.asked[0] and not out.exists() and not dialog.exporting
    answers.choice = QMessageBox.StandardButton.Yes
    assert export(qtbot, dialog, out) == "done"
    assert "missing" in pdf_text(out).lower()
    session.kit_file.close()
