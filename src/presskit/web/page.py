"""The web press kit: ``index.html`` and its ``assets/`` (stills at two widths, the theme's
fonts as WOFF2, the stylesheet), written into the press package's folder.

One page with the PDF's sections, films and wording, in the theme's type and colours; no
script, and no request outside the folder: every URL is local but the links the person
entered. The press package (``web.package``) calls ``write_web_kit`` once the stills, PDFs,
credits.csv and stills.zip it links to are in place.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from presskit import model
from presskit.bundled import resources_dir
from presskit.errors import ExportError
from presskit.model import limits
from presskit.render.document import kit_theme
from presskit.render.images import AssetSource, ExportCancelled
from presskit.render.themes import Theme
from presskit.web import fonts, style
from presskit.web.pictures import make_pictures
from presskit.web.view import Download, environment, local_href, page_values


@dataclass(frozen=True)
class Downloads:
    """The package's files the page links to, relative to the page's folder."""

    stills: Mapping[str, str]  # still id -> "stills/<file name>.jpg" (full resolution, credited)
    screen_pdf: str | None = "press-kit.pdf"
    print_pdf: str | None = "press-kit-print.pdf"
    credits_csv: str | None = "credits.csv"
    stills_zip: str | None = "stills.zip"


DOWNLOAD_LABELS = (
    ("screen_pdf", "Press kit (PDF for reading on screen)"),
    ("print_pdf", "Press kit (PDF for print)"),
    ("stills_zip", "All stills at full resolution, credited (ZIP)"),
    ("credits_csv", "Photo credits (CSV)"),
)


def write_web_kit(
    kit: model.PressKit,
    source: AssetSource,
    folder: Path,
    *,
    theme: str | None = None,
    films: Sequence[str] | None = None,
    downloads: Downloads,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Writes ``folder``/index.html and ``folder``/assets/. ``films``: the film ids to show
    (None: all); ``theme``: None for the kit's own. ExportError says in one sentence what a
    person can fix; ExportCancelled when ``cancelled`` answers True between images."""
    if refusal := limits.first_refusal(kit):
        raise ExportError(refusal)
    chosen = kit_theme(kit, theme)
    try:
        style.palette(chosen)
    except ValueError as err:
        raise ExportError(
            f"The theme “{chosen.name}” has a colour presskit cannot use: {err}."
        ) from None
    shown_films = model.shown_films(kit, films)
    images = 0  # steps: each rendition, then one for the fonts and the page

    def image_progress(done: int, total: int) -> None:
        nonlocal images
        images = total
        if progress:
            progress(done, total + 1)

    placed = _placed_stills(kit, shown_films)
    pictures = make_pictures(placed, source, folder, image_progress, cancelled)
    if cancelled and cancelled():
        raise ExportCancelled
    full_size = {still_id: local_href(path) for still_id, path in downloads.stills.items()}
    values = page_values(
        kit, chosen, shown_films, pictures, full_size, _download_list(downloads, folder)
    )
    html = environment().get_template("index.html.j2").render(values)
    _write_assets(chosen, html, folder)
    (folder / "index.html").write_text(html, encoding="utf-8")
    if progress:
        progress(images + 1, images + 1)


def _placed_stills(kit: model.PressKit, films: list[model.Film]) -> list[model.Still]:
    """Every still the page shows: the cover, the portrait, each film's key still and the
    stills section's."""
    stills = model.shown_stills(kit, [f.id for f in films])
    extra = [kit.design.cover_still, kit.person.portrait, *(f.key_still for f in films)]
    return stills + [s for still_id in extra if still_id and (s := kit.still(still_id))]


def _download_list(downloads: Downloads, folder: Path) -> list[Download]:
    found = []
    for key, label in DOWNLOAD_LABELS:
        path = getattr(downloads, key)
        if path:
            file = folder / path
            size = model.human_size(file.stat().st_size) if file.is_file() else ""
            found.append(Download(label, local_href(path), size))
    return found


def _write_assets(theme: Theme, html: str, folder: Path) -> None:
    """The stylesheet, the fonts cut to the page's characters, their licences, the wreaths."""
    assets = folder / "assets"
    (assets / "fonts").mkdir(parents=True, exist_ok=True)
    chars = fonts.page_chars(html)
    primary = style.faces(theme)
    fallbacks = fonts.fallbacks_needed(primary, chars)
    for face in primary:
        (assets / "fonts" / face.file_name).write_bytes(fonts.woff2(face, chars))
    for name, drawn in fallbacks.items():
        for bold in (False, True):
            face = style.WebFace(name, bold=bold)
            (assets / "fonts" / face.file_name).write_bytes(fonts.woff2(face, drawn))
    for family in {f.family for f in primary} | set(fallbacks):
        licence = resources_dir() / "fonts" / family / "LICENSE.txt"
        if licence.is_file():
            shutil.copyfile(licence, assets / "fonts" / f"{family}-LICENSE.txt")
    (assets / "site.css").write_text(style.stylesheet(theme, list(fallbacks)), encoding="utf-8")
    colours = style.palette(theme)
    (assets / "wreath.svg").write_text(style.wreath_svg(colours.ink), encoding="utf-8")
    (assets / "wreath-cover.svg").write_text(style.wreath_svg(colours.cover_ink), encoding="utf-8")
    (assets / "icon.svg").write_text(
        style.icon_svg(colours.accent, colours.paper), encoding="utf-8"
    )
