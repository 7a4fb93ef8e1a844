"""The window's pages, declared once: what the section list shows (label, icon, a count, a
warning), the editor each opens, the preview page it brings into view, and the parts of the
kit it edits (where a preflight finding about them leads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from presskit import model
from presskit.gui.editors.design import DesignEditor
from presskit.gui.editors.sections import (
    FilmsEditor,
    InterviewEditor,
    LinksEditor,
    ProfileEditor,
)
from presskit.gui.editors.stills import StillsEditor


@dataclass(frozen=True)
class Page:
    label: str
    icon: str
    editor: Callable[..., QWidget]
    anchor: str  # the preview's page for it: a section key of model.SECTION_INFO
    roots: tuple[str, ...]  # the kit's parts it edits
    lists: dict[str, str] = field(default_factory=dict)  # part -> its list's object name
    count: Callable[[model.PressKit], int] | None = None
    # How many of its items want attention (a mark beside it), and what the mark says.
    attention: Callable[[model.PressKit], int] = lambda _kit: 0
    attention_tip: str = ""


PAGES = (
    Page("Profile", "user", ProfileEditor, "cover", ("person",)),
    Page(
        "Interview",
        "message-square-quote",
        InterviewEditor,
        "interview",
        ("interview",),
        {"interview": "question-list"},
        count=lambda kit: len(kit.interview.items),
    ),
    Page(
        "Films",
        "clapperboard",
        FilmsEditor,
        "films",
        ("films",),
        {"films": "film-list"},
        count=lambda kit: len(kit.films),
    ),
    Page(
        "Stills",
        "images",
        StillsEditor,
        "stills",
        ("stills",),
        {"stills": "gallery"},
        count=lambda kit: len(kit.stills),
        attention=lambda kit: sum(1 for still in kit.stills if not still.credit.strip()),
        attention_tip="{} still(s) without a photographer credit",
    ),
    Page(
        "Links & contact",
        "link",
        LinksEditor,
        "contact",
        ("links", "contact"),
        {"links": "link-list"},
        count=lambda kit: len(kit.links),
    ),
    Page("Design", "palette", DesignEditor, "cover", ("design",), {"design": "section-list"}),
)


def page_for(root: str) -> Page | None:
    """The page that edits a part of the kit ("stills", "contact"...)."""
    return next((page for page in PAGES if root in page.roots), None)
