"""The editor of each section: Profile, Interview, Films, Links & contact, Design."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit import model
from presskit.gui.fields import Collapsible, Form, ListPane, Spec
from presskit.gui.session import Session


def scrolling(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def fill(editor: QWidget, page: QWidget) -> None:
    """A section editor is its page, edge to edge."""
    layout = QVBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(page)


def titled(title: str, hint: str, *widgets: QWidget, grow_last: bool = False) -> QWidget:
    """A section page: heading, a hint, then the widgets; ``grow_last`` gives the last one
    the remaining height (a list beside its fields), otherwise the page ends in space."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 18, 24, 18)
    layout.setSpacing(10)
    heading = QLabel(title)
    heading.setProperty("heading", True)
    layout.addWidget(heading)
    if hint:
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setProperty("muted", True)
        layout.addWidget(note)
    for widget in widgets:
        layout.addWidget(widget)
    if grow_last:
        layout.setStretchFactor(widgets[-1], 1)
    else:
        layout.addStretch()
    return page


def master_detail(pane: ListPane, form: QWidget) -> QSplitter:
    """A list beside the selected item's fields."""
    splitter = QSplitter()
    splitter.addWidget(pane)
    splitter.addWidget(scrolling(form))
    splitter.setStretchFactor(1, 3)
    splitter.setSizes([180, 600])
    return splitter


def still_options(kit: model.PressKit) -> list[tuple[str, str]]:
    return [(f"{s.caption or 'Untitled'} ({s.id})", s.id) for s in kit.stills]


def film_options(kit: model.PressKit) -> list[tuple[str, str]]:
    return [(f.title or f.id, f.id) for f in kit.films]


PERSON = [
    Spec("name", "Name", placeholder="Im-Sun Song"),
    Spec("name_original", "Name in original script", placeholder="송임선"),
    Spec("pronouns", "Pronouns", placeholder="she/her"),
    Spec("roles", "Roles (separated by commas)", "list", placeholder="Cinematographer, Filmmaker"),
    Spec("location", "Based in", placeholder="Los Angeles and Seoul"),
    Spec(
        "headline",
        "Headline (the cover's quote when the interview gives none)",
        placeholder="A cinematographer drawn to intimate stories...",
    ),
    Spec(
        "bio_short",
        "Short bio",
        "words",
        placeholder="Two or three sentences for programmes and press.",
        word_limit=80,
    ),
    Spec("bio_long", "Long bio", "text", placeholder="From an early age, I’ve been drawn to..."),
    Spec("portrait", "Portrait (one of your stills)", "ref", options=still_options),
]


class ProfileEditor(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.form = Form(session, PERSON)
        self.form.bind(("person",))
        fill(
            self, scrolling(titled("Profile", "Who you are, as the kit introduces you.", self.form))
        )


INTERVIEW = [
    Spec("title", "Title", placeholder="Meet Im-Sun Song"),
    Spec("publication", "Publication", placeholder="Where it appeared"),
    Spec("date", "Date", placeholder="2025-03-01"),
    Spec(
        "pull_quote",
        "Quote for the cover",
        placeholder="Leave empty to let presskit choose a sentence.",
    ),
]
QUESTION = [
    Spec("question", "Question", "text", placeholder="What drew you to cinematography?"),
    Spec("answer", "Answer", "text", placeholder="Blank lines separate paragraphs."),
]


class InterviewEditor(QWidget):
    import_requested = Signal()

    def __init__(self, session: Session):
        super().__init__()
        meta = Form(session, INTERVIEW)
        meta.bind(("interview",))
        pane = ListPane(
            session, ("interview", "items"), lambda qa: qa.question, model.QA, "question"
        )
        item = Form(session, QUESTION)
        pane.selected.connect(item.bind)
        pane.refresh()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        import_button = QPushButton("Import an interview…")
        import_button.setObjectName("import-interview")
        import_button.setToolTip(
            "Paste or open a published interview: presskit finds the questions and answers"
        )
        import_button.clicked.connect(self.import_requested)
        import_row = QWidget()
        row = QHBoxLayout(import_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(import_button)
        row.addStretch()
        page = titled(
            "Interview",
            "Questions and answers, in the order they will print.",
            import_row,
            meta,
            master_detail(pane, item),
            grow_last=True,
        )
        layout.addWidget(page)


# What a programmer reads first, first; then the lists; then the rest.
FILM = [
    Spec("title", "Title", placeholder="Dragonfly"),
    Spec("status", "Status", "choice", choices=model.STATUSES),
    Spec("roles", "Your roles (separated by commas)", "list", placeholder="Cinematographer"),
    Spec(
        "logline",
        "Logline",
        "words",
        placeholder="One sentence: who, what they want, what stands in the way.",
        word_limit=50,
    ),
    Spec("synopsis", "Synopsis", "text"),
    Spec("key_still", "Key still", "ref", options=still_options),
]
FILM_MORE = [
    Spec("synopsis_long", "Long synopsis", "text"),
    Spec("directors_statement", "Director’s statement", "text"),
    Spec("themes", "Themes (separated by commas)", "list", placeholder="Grief, memory, belonging"),
]
FILM_TECHNICAL = [
    Spec("original_title", "Original title"),
    Spec("year", "Year", "int"),
    Spec("runtime_min", "Runtime (minutes)", "int"),
    Spec("genre", "Genre", placeholder="Drama"),
    Spec("country", "Country"),
    Spec("language", "Language"),
    Spec("format", "Format", placeholder="Short film"),
    Spec("aspect_ratio", "Aspect ratio", placeholder="2.39:1"),
    Spec("sound", "Sound", placeholder="5.1"),
    Spec("colour", "Colour", placeholder="Colour"),
]


def _dated(item: object) -> str:
    name, year = getattr(item, "name", ""), getattr(item, "year", None)
    return f"{name} ({year})" if year else name


# The lists inside a film: (key, noun, new item, summary, fields).
FILM_LISTS = [
    (
        "festivals",
        "festival",
        model.Festival,
        _dated,
        [
            Spec("name", "Festival or screening"),
            Spec("year", "Year", "int"),
            Spec("note", "Note", placeholder="World premiere"),
        ],
    ),
    (
        "awards",
        "award",
        model.Award,
        _dated,
        [
            Spec("name", "Award"),
            Spec("year", "Year", "int"),
            Spec("note", "Note", placeholder="Winner, Best Cinematography"),
        ],
    ),
    (
        "press_quotes",
        "quote",
        model.PressQuote,
        lambda q: q.quote,
        [Spec("quote", "Quote", "text"), Spec("source", "Source", placeholder="Variety")],
    ),
    (
        "links",
        "film link",
        model.Link,
        lambda link: link.label or link.url,
        [
            Spec("label", "Label", placeholder="Trailer"),
            Spec("url", "Address", placeholder="https://"),
        ],
    ),
    (
        "credits",
        "credit",
        model.Credit,
        lambda c: f"{c.role}: {c.name}" if c.role else c.name,
        [Spec("role", "Role", placeholder="Director"), Spec("name", "Name")],
    ),
]


class FilmsEditor(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.pane = ListPane(session, ("films",), lambda f: f.title, self.new_film, "film")
        self.forms = [Form(session, FILM), Form(session, FILM_MORE), Form(session, FILM_TECHNICAL)]
        self.form, more, technical = self.forms
        self.pane.selected.connect(self.bind)
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.addWidget(self.form)
        self.lists: list[tuple[str, ListPane, Form]] = []
        for key, noun, factory, summary, specs in FILM_LISTS:
            pane = ListPane(session, None, summary, factory, noun)
            pane.setEnabled(False)
            pane.list.setMaximumHeight(110)
            fields = Form(session, specs)
            pane.selected.connect(fields.bind)
            heading = QLabel(noun.capitalize() + "s")
            heading.setProperty("subheading", True)
            column.addWidget(heading)
            column.addWidget(pane)
            column.addWidget(fields)
            self.lists.append((key, pane, fields))
        column.addWidget(more)
        self.technical = Collapsible("Technical details", technical)
        column.addWidget(self.technical)
        column.addStretch()
        fill(
            self,
            titled(
                "Films",
                "Each film with its status, logline and your role.",
                master_detail(self.pane, detail),
                grow_last=True,
            ),
        )
        self.pane.refresh()

    def new_film(self) -> model.Film:
        return model.Film(id=model.new_film_id(self.session.kit, "film"), status="development")

    def bind(self, path: tuple | None) -> None:
        for form in self.forms:
            form.bind(path)
        for key, pane, fields in self.lists:
            pane.setEnabled(path is not None)
            if path is not None:
                pane.set_path((*path, key))
            else:
                fields.bind(None)


LINK = [
    Spec("label", "Label", placeholder="DP Reel"),
    Spec("url", "Address", placeholder="https://vimeo.com/..."),
]
CONTACT = [
    Spec("email", "Email", placeholder="you@example.com"),
    Spec("phone", "Phone"),
    Spec("website", "Website", placeholder="https://"),
    Spec("representation", "Representation", "text", placeholder="Agent, manager or sales company"),
]


class LinksEditor(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        contact = Form(session, CONTACT)
        contact.bind(("contact",))
        pane = ListPane(
            session, ("links",), lambda link: link.label or link.url, model.Link, "link"
        )
        link_form = Form(session, LINK)
        pane.selected.connect(link_form.bind)
        pane.refresh()
        heading = QLabel("Links")
        heading.setProperty("subheading", True)
        row = QWidget()
        links = QHBoxLayout(row)
        links.setContentsMargins(0, 0, 0, 0)
        links.addWidget(pane, 1)
        links.addWidget(link_form, 2)
        fill(
            self,
            scrolling(
                titled(
                    "Links & contact",
                    "How festivals and press reach you.",
                    contact,
                    heading,
                    row,
                )
            ),
        )
