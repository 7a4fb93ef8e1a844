"""Small windows: earlier saves to go back to, preferences, and the first-start welcome."""

from __future__ import annotations

import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit import model
from presskit.errors import PresskitError
from presskit.gui.session import Session
from presskit.gui.settings import Settings
from presskit.render.themes import theme_names


def _when(stamp: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%d %B %Y, %H:%M")


class RevisionsDialog(QDialog):
    """Earlier saves, newest first; Restore brings one back (and Undo takes it back)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Revisions")
        self.session = session
        self.list = QListWidget()
        self.list.setObjectName("revisions")
        assert session.kit_file is not None
        for revision in session.kit_file.revisions():
            item = QListWidgetItem(
                f"{_when(revision.saved_at)}  {revision.label}".strip(), self.list
            )
            item.setData(256, revision.id)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        restore = QPushButton("Restore")
        restore.setObjectName("restore")
        restore.setEnabled(self.list.count() > 0)
        buttons.addButton(restore, QDialogButtonBox.ButtonRole.AcceptRole)
        restore.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Each explicit save is kept (the last 50). Restoring is one step you can undo.")
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None or self.session.kit_file is None:
            return
        try:
            self.session.restore_revision(item.data(256), f"Restore revision of {item.text()}")
        except PresskitError as err:
            QMessageBox.warning(self, "Cannot restore", str(err))
            return
        self.accept()


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.theme = QComboBox()
        self.theme.addItems(theme_names())
        self.theme.setCurrentText(settings.default_theme)
        self.page_size = QComboBox()
        self.page_size.addItems(list(model.PAGE_SIZES))
        self.page_size.setCurrentText(settings.default_page_size)
        form = QFormLayout()
        form.addRow("Theme for new kits", self.theme)
        form.addRow("Page size for new kits", self.page_size)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.default_theme = self.theme.currentText()
        self.settings.default_page_size = self.page_size.currentText()
        super().accept()


class WelcomeDialog(QDialog):
    """The first start: make a kit, open one, or look around the sample."""

    NEW, OPEN, SAMPLE, RECENT = range(4)

    def __init__(self, recent: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to presskit")
        self.choice: int | None = None
        self.chosen_path = ""
        title = QLabel("Your press kit, laid out like a designer's.")
        title.setProperty("heading", True)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(title)
        for text, choice, name in (
            ("New kit", self.NEW, "welcome-new"),
            ("Open a kit…", self.OPEN, "welcome-open"),
            ("Open the sample kit (Im-Sun Song, cinematographer)", self.SAMPLE, "welcome-sample"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
        if recent:
            layout.addWidget(QLabel("Recent kits"))
            listing = QListWidget()
            for path in recent:
                listing.addItem(path)
            listing.itemActivated.connect(lambda item: self._choose(self.RECENT, item.text()))
            layout.addWidget(listing)
        self.resize(480, 320)

    def _choose(self, choice: int, path: str = "") -> None:
        self.choice, self.chosen_path = choice, path
        self.accept()
