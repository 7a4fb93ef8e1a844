"""The live preview: what is typed shows in the laid-out kit, on the page being edited."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QToolButton

from presskit import model
from presskit.gui.main_window import MainWindow
from presskit.gui.session import Session
from presskit.gui.settings import Settings

from .conftest import show

WAIT_MS = 30_000  # the first render also loads ReportLab and the fonts


def current(window: MainWindow, qtbot) -> None:
    qtbot.waitUntil(window.preview.is_current, timeout=WAIT_MS)


def test_a_typed_edit_appears_in_the_preview(window, qtbot):
    current(window, qtbot)
    assert "Im-Sun Song" in window.preview.text()
    name = show(window, "Profile").findChild(QLineEdit, "name")
    name.selectAll()
    qtbot.keyClicks(name, "Imsun Song-Lee")
    qtbot.waitUntil(lambda: "Imsun Song-Lee" in window.preview.text(), timeout=WAIT_MS)
    answer = show(window, "Interview").findChild(QPlainTextEdit, "answer")
    answer.selectAll()
    qtbot.keyClicks(answer, "Ordinary & <strange> light.")
    qtbot.waitUntil(lambda: "Ordinary & <strange> light." in window.preview.text(), timeout=WAIT_MS)


def test_the_newest_edit_wins(window, qtbot):
    current(window, qtbot)
    preview, shown = window.preview, []
    preview.shown.connect(lambda: shown.append(preview.text()))
    window.session.set(("person", "name"), "First Name", "Name")
    preview.render()  # a render of "First" runs at once...
    assert preview._renders.running
    window.session.set(("person", "name"), "Second Name", "Name")  # ...when these come
    window.session.set(("person", "name"), "Third Name", "Name")
    current(window, qtbot)
    assert shown, "the preview showed nothing"
    assert all("First Name" not in text and "Second Name" not in text for text in shown)
    assert "Third Name" in shown[-1]
    window.session.undo_stack.undo()
    current(window, qtbot)
    assert "Second Name" in preview.text()


def test_choosing_a_section_or_a_film_shows_its_page(window, qtbot):
    current(window, qtbot)
    preview = window.preview
    films = show(window, "Films")
    qtbot.waitUntil(lambda: preview.current_page() == preview.anchors["films"], timeout=WAIT_MS)
    assert "Dragonfly" in preview.text(preview.current_page())
    films.pane.list.setCurrentRow(1)
    second = preview.anchors[f"film-{window.session.kit.films[1].id}"]
    qtbot.waitUntil(lambda: preview.current_page() == second, timeout=WAIT_MS)
    assert "Soundtrack of My Life" in preview.text(second)
    show(window, "Interview")
    qtbot.waitUntil(lambda: preview.current_page() == preview.anchors["interview"], timeout=WAIT_MS)


def test_an_edit_keeps_the_page_being_read(window, qtbot):
    current(window, qtbot)
    show(window, "Films")
    page = window.preview.anchors["films"]
    qtbot.waitUntil(lambda: window.preview.current_page() == page, timeout=WAIT_MS)
    window.session.set(("films", 0, "logline"), "A new logline.", "Logline")
    qtbot.waitUntil(lambda: "A new logline." in window.preview.text(), timeout=WAIT_MS)
    assert window.preview.current_page() == page


def test_zoom_and_page_buttons(window, qtbot):
    current(window, qtbot)
    preview = window.preview
    preview.findChild(QToolButton, "zoom-in").click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = preview.view.zoomFactor()
    preview.findChild(QToolButton, "zoom-out").click()
    assert preview.view.zoomFactor() < zoomed
    preview.findChild(QToolButton, "fit-width").click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    start = preview.current_page()
    preview.findChild(QToolButton, "next-page").click()
    qtbot.waitUntil(lambda: preview.current_page() == start + 1)
    assert preview.page_label.text() == f"Page {start + 2} of {preview.document.pageCount()}"
    preview.findChild(QToolButton, "previous-page").click()
    qtbot.waitUntil(lambda: preview.current_page() == start)


def test_the_preview_can_be_hidden_and_the_window_remembers(window, qtbot, tmp_path: Path):
    window.preview_action.trigger()
    assert not window.preview.isVisible()
    window.close()
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    again = MainWindow(Session(model.PressKit()), settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.preview.isVisible()
    assert not again.preview_action.isChecked()
    again.preview_action.trigger()
    assert again.preview.isVisible()


def test_an_untitled_kit_previews_stills_not_saved_anywhere_yet(qtbot, tmp_path, monkeypatch):
    """Each still shows under it its own caption and its own photographer's credit."""
    discard = QMessageBox.StandardButton.Discard  # closing, even after a failed assert,
    monkeypatch.setattr(QMessageBox, "question", lambda *args: discard)  # never waits on a question
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Session(model.PressKit(person=model.Person(name="Ana Lee"))), settings)
    qtbot.addWidget(window)
    window.show()
    photos = []
    for n, colour in enumerate([(90, 140, 200), (200, 120, 40)]):
        photos.append(tmp_path / f"set-{n}.jpg")
        Image.new("RGB", (1200, 800), colour).save(photos[-1])
    stills = show(window, "Stills")
    with qtbot.waitSignal(stills.added, timeout=30_000):
        stills.add_files([str(p) for p in photos])
    for n, (caption, credit) in enumerate([("On set", "Mo Okafor"), ("The pier", "Lena Vos")]):
        window.session.set(("stills", n, "caption"), caption, "Caption")
        window.session.set(("stills", n, "credit"), credit, "Credit")
    qtbot.waitUntil(window.preview.is_current, timeout=WAIT_MS)
    text = " ".join(window.preview.text().split())
    assert "On set Photo: Mo Okafor" in text
    assert "The pier Photo: Lena Vos" in text
    window.close()


def test_a_render_that_fails_is_not_tried_again_until_the_next_edit(window, qtbot, monkeypatch):
    from presskit import render
    from presskit.errors import ExportError

    current(window, qtbot)
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        raise ExportError("The kit could not be laid out: a test said so.")

    monkeypatch.setattr(render, "render_pdf", broken)
    window.session.set(("person", "name"), "Broken Name", "Name")
    message = window.preview.message
    qtbot.waitUntil(
        lambda: message.isVisible() and not window.preview._renders.running, timeout=WAIT_MS
    )
    assert "could not be laid out" in message.text()
    assert not window.preview._timer.isActive()  # nothing scheduled: no loop of failures
    assert calls == [1]
    monkeypatch.undo()
    window.session.set(("person", "name"), "Mended Name", "Name")
    qtbot.waitUntil(lambda: "Mended Name" in window.preview.text(), timeout=WAIT_MS)
    assert not message.isVisible()


def test_a_section_the_kit_does_not_print_leaves_the_reader_where_they_were(window, qtbot):
    current(window, qtbot)
    names = [s.name for s in window.session.kit.design.sections]
    window.session.set(("design", "sections", names.index("interview"), "visible"), False, "Show")
    current(window, qtbot)
    show(window, "Films")
    films = window.preview.anchors["films"]
    qtbot.waitUntil(lambda: window.preview.current_page() == films, timeout=WAIT_MS)
    show(window, "Interview")  # not in the PDF: the preview stays put
    window.session.set(("person", "name"), "Another Name", "Name")
    qtbot.waitUntil(lambda: "Another Name" in window.preview.text(), timeout=WAIT_MS)
    assert window.preview.current_page() == films


def test_a_hidden_preview_renders_nothing_until_shown(window, qtbot):
    current(window, qtbot)
    window.show_preview(False)
    window.session.set(("person", "name"), "Unseen Name", "Name")
    assert not window.preview._timer.isActive() and not window.preview._renders.running
    window.show_preview(True)
    qtbot.waitUntil(lambda: "Unseen Name" in window.preview.text(), timeout=WAIT_MS)


def picture(view: QPdfView):
    return view.viewport().grab().toImage()


def inked(view: QPdfView) -> int:
    """How many pixels of what the view shows are not white: a blank page has next to none."""
    image, step = picture(view), 4  # every fourth pixel each way tells ink from a blank page
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).lightness() < 200
    )


def drawn_until(window: MainWindow, qtbot, done) -> None:
    """Waits for ``done()`` while the view keeps drawing, as a window on a screen does: pages
    are being drawn when the document changes."""

    def drawn_and_done() -> bool:
        window.preview.view.viewport().repaint()
        return done()

    qtbot.waitUntil(drawn_and_done, timeout=WAIT_MS)


def shows_the_newest_render(window: MainWindow, qtbot) -> None:
    """The view shows what a new view of the newest render shows at the same place: not a
    blank page, not a page of an earlier render."""
    drawn_until(window, qtbot, window.preview.is_current)
    view = window.preview.view
    fresh = QPdfView()
    qtbot.addWidget(fresh)
    fresh.setPageMode(view.pageMode())
    fresh.setPageSpacing(view.pageSpacing())
    fresh.setZoomMode(view.zoomMode())
    fresh.setZoomFactor(view.zoomFactor())
    fresh.setDocument(window.preview.document)
    fresh.setFixedSize(view.size())
    fresh.show()
    qtbot.waitUntil(
        lambda: fresh.verticalScrollBar().maximum() == view.verticalScrollBar().maximum()
    )
    fresh.verticalScrollBar().setValue(view.verticalScrollBar().value())
    qtbot.waitUntil(lambda: inked(fresh) > 200, timeout=10_000)
    qtbot.waitUntil(lambda: picture(view) == picture(fresh), timeout=10_000)


def removing(window: MainWindow) -> None:
    stills = window.session.kit.stills
    window.session.apply(
        model.Batch(tuple(model.RemoveItem(("stills",), i) for i in reversed(range(len(stills))))),
        "Remove stills",
    )


def test_the_page_in_view_is_never_blank_or_stale_when_the_page_count_changes(window, qtbot):
    preview = window.preview
    show(window, "Stills")
    drawn_until(window, qtbot, lambda: preview.current_page() == preview.anchors.get("stills"))
    shows_the_newest_render(window, qtbot)
    pages = preview.document.pageCount()
    removing(window)  # the stills pages go
    drawn_until(window, qtbot, lambda: preview.document.pageCount() < pages)
    shows_the_newest_render(window, qtbot)
    window.session.undo_stack.undo()  # and come back
    drawn_until(window, qtbot, lambda: preview.document.pageCount() == pages)
    shows_the_newest_render(window, qtbot)
    answer = "A long answer that runs on. " * 400  # the interview grows by pages
    window.session.set(("interview", "items", 0, "answer"), answer, "Answer")
    drawn_until(window, qtbot, lambda: preview.document.pageCount() > pages)
    shows_the_newest_render(window, qtbot)


def test_after_a_burst_of_undo_and_redo_the_preview_shows_the_kit(window, qtbot):
    from presskit import render
    from presskit.render.sources import kit_images

    current(window, qtbot)
    removing(window)
    window.session.set(("person", "name"), "Someone Else", "Name")
    stack = window.session.undo_stack
    for step in (stack.undo, stack.undo, stack.redo, stack.undo, stack.redo, stack.redo):
        step()
        drawn_until(window, qtbot, lambda: not window.preview._timer.isActive())
    stack.undo()  # the stills are back, the name is not
    drawn_until(window, qtbot, window.preview.is_current)
    with kit_images({}, window.session.kit_file, cache=False) as source:
        fresh = render.render_pdf(window.session.snapshot(), source, render.Options("screen"))
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(fresh.pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    expected = "\n".join(document.getAllText(p).text() for p in range(document.pageCount()))
    assert window.preview.text() == expected
    shows_the_newest_render(window, qtbot)


def test_a_brand_new_kit_shows_where_to_start_and_no_findings(qtbot, tmp_path, monkeypatch):
    """It opened with "1 error · 6 warnings" and a blank page."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from presskit.gui.app import application

    application()
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(Session(model.PressKit()), settings)
    qtbot.addWidget(window)
    window.show()
    hint = window.preview.findChild(QLabel, "preview-hint")
    qtbot.waitUntil(hint.isVisible, timeout=WAIT_MS)
    assert "Start with your name" in hint.text() and not window.preview.view.isVisible()
    counts = window.findChild(QPushButton, "preflight-counts")
    qtbot.waitUntil(lambda: counts.text() == "Nothing to check yet", timeout=WAIT_MS)
    window.session.set(("person", "name"), "Ana Ruiz", "Name")
    qtbot.waitUntil(lambda: "Ana Ruiz" in window.preview.text(), timeout=WAIT_MS)
    assert window.preview.view.isVisible() and not hint.isVisible()
    qtbot.waitUntil(lambda: "warning" in counts.text(), timeout=WAIT_MS)  # now it checks
    discard = QMessageBox.StandardButton.Discard  # closing asks about the untitled work
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: discard)


def test_the_preview_follows_edits_after_save_as(window, qtbot, tmp_path):
    current(window, qtbot)
    assert window.save_to(str(tmp_path / "copy.presskit"))
    window.session.set(("person", "name"), "Renamed After Saving", "Name")
    qtbot.waitUntil(lambda: "Renamed After Saving" in window.preview.text(), timeout=WAIT_MS)
