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

from presskit import kitio
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
    assert dialog.replaces.isVisible()  # the person is told before exporting
    cancel_at_first_step(dialog)
    assert export(qtbot, dialog, earlier) == "cancelled"
    assert earlier.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["kit.pdf"]


def test_a_missing_folder_is_one_clear_sentence(qtbot, sample_session, settings, tmp_path):
    dialog = make_dialog(qtbot, sample_session, settings)
    out = tmp_path / "no such folder" / "kit.pdf"
    assert export(qtbot, dialog, out) == "failed"
    message = dialog.message.text()
    assert dialog.message.isVisible()
    assert "no such folder" in message and "does not exist" in message
    assert message.endswith(".") and len(re.findall(r"[.!?](\s|$)", message)) == 1
    assert not out.parent.exists()
    assert not dialog.open_pdf.isVisible()


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
