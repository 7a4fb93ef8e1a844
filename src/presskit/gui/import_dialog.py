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
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit import importers
from presskit.errors import PresskitError
from presskit.gui.session import Session
from presskit.importers.apply import operations, replaced
from presskit.importers.interview import Confidence, Proposal

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
        self.rows: list[QWidget] = []
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
        splitter.setSizes([400, 700])  # the article stays readable beside the review
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
            role = self.proposal.roles_of.get(index, "ignored")
            item = QListWidgetItem(f"{ROLE_MARK[role]}   {para}", self.review)
            if role == "question":
                item.setFont(bold)
            elif role == "ignored":
                item.setForeground(QBrush(Qt.GlobalColor.gray))
            item.setSelected(index in selected)
        self._show_found()
        self.apply_button.setEnabled(bool(self.proposal.interview or self.proposal.name))

    def _show_found(self) -> None:
        """One tick per proposed field. A field presskit is unsure of starts unticked, with
        the article's line it came from beside it, so the person can judge it there."""
        for row in self.rows:
            self.found.removeWidget(row)
            row.setParent(None)  # gone now, not later: the ticks below are the only ones
        self.rows, self.checks = [], {}
        replaces = replaced(self.session.kit, self.proposal)
        for key, text, confidence in self._found():
            if key in replaces:
                text += f" (replaces: {_shortened(replaces[key], 40)})"
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            check = QCheckBox(text)
            check.setObjectName(f"use-{key}")
            check.setChecked(confidence is None or confidence.level == "high")
            line.addWidget(check)
            if confidence is not None and confidence.level == "low":
                source = QLabel(f"unsure — from: “{_shortened(confidence.line, 70)}”")
                source.setObjectName(f"source-{key}")
                source.setToolTip(confidence.line)
                # It takes the room left beside the tick and never widens the dialog; the
                # whole line is in its tooltip.
                source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                source.setStyleSheet("color: palette(mid); font-style: italic;")
                line.addWidget(source, 1)
            else:
                line.addStretch(1)
            self.found.addWidget(row)
            self.rows.append(row)
            self.checks[key] = check

    def _found(self) -> list[tuple[str, str, Confidence | None]]:
        """(key, what the tick says, how sure) for each thing the proposal carries."""
        p = self.proposal

        def sure(*keys: str) -> Confidence | None:
            """The least sure of these fields: one doubtful part makes the whole doubtful."""
            known = [p.confidence[k] for k in keys if k in p.confidence]
            low = [c for c in known if c.level == "low"]
            return low[0] if low else (known[0] if known else None)

        found: list[tuple[str, str, Confidence | None]] = []
        if p.interview:
            found.append(("interview", f"{len(p.interview)} questions with their answers", None))
        if p.name:
            found.append(("name", f"Name: {p.name}", sure("name")))
        if p.roles:
            found.append(("roles", "Roles: " + ", ".join(p.roles), sure("roles")))
        if p.bio:
            found.append(("bio", f"Bio: {_shortened(p.bio, 40)}", sure("bio")))
        for i, film in enumerate(p.films):
            facts = [str(film.year or ""), f"{film.runtime_min} min" if film.runtime_min else ""]
            facts += [film.country, film.status]
            facts += [f"{a.name} ({a.note})" if a.note else a.name for a in film.awards]
            details = ", ".join(f for f in facts if f)
            text = f"Film: {film.title}" + (f" ({details})" if details else "")
            keys = [f"films[{i}].{k}" for k in ("title", "runtime_min", "country", "year")]
            found.append((f"film-{i}", text, sure(*keys)))
        if p.links:
            labels = ", ".join(link.label for link in p.links)
            found.append(
                ("links", f"Links: {labels}", sure(*(f"links[{i}]" for i in range(len(p.links)))))
            )
        if p.credits:
            names = ", ".join(c.name for c in p.credits)
            keys = (f"credits[{i}]" for i in range(len(p.credits)))
            found.append(("credits", f"Photo credits: {names}", sure(*keys)))
        return found

    def chosen(self) -> Proposal:
        """The proposal with what the person unticked left out."""
        p = self.proposal

        def use(key: str) -> bool:
            return key in self.checks and self.checks[key].isChecked()

        return Proposal(
            name=p.name if use("name") else "",
            roles=p.roles if use("roles") else [],
            bio=p.bio if use("bio") else "",
            interview=p.interview if use("interview") else [],
            films=[film for i, film in enumerate(p.films) if use(f"film-{i}")],
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
