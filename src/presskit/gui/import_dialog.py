"""Import Interview: paste or open an article, review what was found, apply it as one step."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit import importers
from presskit.errors import PresskitError
from presskit.gui.session import Session
from presskit.importers.apply import operations, replaced
from presskit.importers.interview import Proposal

ROLE_MARK = {"question": "Q", "answer": "A", "ignored": "–"}
ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.docx)"


class ImportDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import an interview")
        self.session = session
        self.proposal = Proposal()
        self.text = QPlainTextEdit()
        self.text.setObjectName("article")
        self.text.setPlaceholderText("Paste the published interview here, or open it as a file.")
        self._reparse = QTimer(self, singleShot=True, interval=300)
        self._reparse.timeout.connect(self.read)
        self.text.textChanged.connect(self._reparse.start)
        open_file = QPushButton("Open file…")
        open_file.clicked.connect(self.open_file)
        self.review = QListWidget()
        self.review.setObjectName("review")
        self.review.setWordWrap(True)
        self.review.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        marks = QHBoxLayout()
        for role, text in (("question", "Question"), ("answer", "Answer"), ("ignored", "Ignore")):
            button = QPushButton(f"Mark as {text.lower()}" if role != "ignored" else "Ignore")
            button.setObjectName(f"mark-{role}")
            button.clicked.connect(lambda _=False, r=role: self.mark(r))
            marks.addWidget(button)
        marks.addStretch()
        self.found = QVBoxLayout()
        self.checks: dict[str, QCheckBox] = {}
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.addWidget(QLabel("The article"))
        left_column.addWidget(self.text)
        left_column.addWidget(open_file)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addWidget(QLabel("What presskit found (Q: question, A: answer, –: left out)"))
        right_column.addWidget(self.review, 1)
        right_column.addLayout(marks)
        right_column.addLayout(self.found)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton("Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1100, 700)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open an interview", "", ARTICLE_FILTER)
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        try:
            self.text.setPlainText(importers.read_article(path))
        except PresskitError as err:
            QMessageBox.warning(self, "Cannot read the article", str(err))
            return
        self.read()

    def read(self) -> None:
        self.proposal = importers.parse(self.text.toPlainText())
        self._show()

    def mark(self, role: str) -> None:
        for item in self.review.selectedItems():
            self.proposal.remark(self.review.row(item), role)
        self._show()

    def _show(self) -> None:
        selected = {self.review.row(item) for item in self.review.selectedItems()}
        self.review.clear()
        bold = QFont()
        bold.setBold(True)
        for index, para in enumerate(self.proposal.paragraphs):
            role = self.proposal.roles.get(index, "ignored")
            item = QListWidgetItem(f"{ROLE_MARK[role]}   {para}", self.review)
            if role == "question":
                item.setFont(bold)
            elif role == "ignored":
                item.setForeground(QBrush(Qt.GlobalColor.gray))
            item.setSelected(index in selected)
        self._show_found()
        self.apply_button.setEnabled(bool(self.proposal.interview or self.proposal.name))

    def _show_found(self) -> None:
        for check in self.checks.values():
            self.found.removeWidget(check)
            check.setParent(None)  # gone now, not later: the ticks below are the only ones
        p = self.proposal
        found = {
            "interview": f"{len(p.interview)} questions with their answers" if p.interview else "",
            "name": f"Name: {p.name}" if p.name else "",
            "bio": "Bio: the answer that introduces them" if p.bio else "",
            "films": "Films: "
            + ", ".join(f.title + (f" ({f.status})" if f.status else "") for f in p.films)
            if p.films
            else "",
            "links": "Links: " + ", ".join(link.label for link in p.links) if p.links else "",
            "credits": "Photo credits: " + ", ".join(c.name for c in p.credits)
            if p.credits
            else "",
        }
        replaces = replaced(self.session.kit, p)
        self.checks = {}
        for key, text in found.items():
            if text:
                if key in replaces:
                    text += f" (replaces: {_shortened(replaces[key])})"
                check = QCheckBox(text)
                check.setObjectName(f"use-{key}")
                check.setChecked(True)
                self.found.addWidget(check)
                self.checks[key] = check

    def chosen(self) -> Proposal:
        """The proposal with what the person unticked left out."""
        p = self.proposal

        def use(key: str) -> bool:
            return key in self.checks and self.checks[key].isChecked()

        return Proposal(
            name=p.name if use("name") else "",
            bio=p.bio if use("bio") else "",
            interview=p.interview if use("interview") else [],
            films=p.films if use("films") else [],
            links=p.links if use("links") else [],
            credits=p.credits if use("credits") else [],
        )

    def apply(self) -> None:
        batch = operations(self.session.kit, self.chosen(), replace_person=True)
        if batch.operations:
            self.session.apply(batch, "Import interview")
        self.accept()


def _shortened(text: str, limit: int = 60) -> str:
    """The start of what would be replaced, on one line: enough to recognise it."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
