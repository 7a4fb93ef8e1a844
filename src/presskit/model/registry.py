"""Each kind of thing the kit is made of, declared once: its sections, page sizes and default
theme, and how sizes are written for people. Every layer reads these; none spells another's
names. (What the renderer builds for a section and which editor the window shows for it live
in those layers, keyed by the same section keys.)"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str  # in the kit file, the design's order and the preview's page anchors
    title: str  # the heading printed over it
    label: str  # what the export dialog and Design call it


SECTION_LIST = (
    Section("cover", "", "Cover"),
    Section("bio", "About", "About (bio)"),
    Section("interview", "In conversation", "Interview"),
    Section("films", "Films", "Films"),
    Section("stills", "Stills", "Stills"),
    Section("contact", "Contact", "Contact & links"),
)
SECTION_INFO = {section.key: section for section in SECTION_LIST}
SECTIONS: tuple[str, ...] = tuple(SECTION_INFO)


@dataclass(frozen=True)
class PageSize:
    key: str
    label: str
    points: tuple[float, float]  # width, height: 1/72 inch


_MM = 72 / 25.4
PAGE_SIZES = {
    size.key: size
    for size in (
        PageSize("a4", "A4", (210 * _MM, 297 * _MM)),
        PageSize("letter", "US Letter", (8.5 * 72, 11 * 72)),
    )
}

DEFAULT_THEME = "classic"


def human_size(size: int) -> str:
    """Sizes as a file manager shows them (1 MB = 1,000,000 bytes): 240 KB, 1.4 MB, 12 MB."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000, -1 if size >= 100_000 else 0)):.0f} KB"
    if size < 10_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1_000_000:.0f} MB"
