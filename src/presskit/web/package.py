"""The press package: one folder with the web press kit, both PDFs, the credited stills,
credits.csv and stills.zip, made from the same kit with the same choice of films.

Atomic: it is built in a hidden folder beside DIR and renamed into place when complete; an
existing DIR is set aside, the new one renamed in, and the old one removed only then (put
back if the rename fails). A cancelled or failed package leaves no half folder, and a folder
presskit did not write is never replaced.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from presskit import model
from presskit.errors import ExportError
from presskit.render.document import Options, nothing_to_show, render_pdf
from presskit.render.images import AssetSource, Cancelled, ExportCancelled, Progress
from presskit.web.stills import (
    FOLDER,
    Previous,
    StillFile,
    StillsWriter,
    credits_csv,
    plan_stills,
)

SCREEN_PDF, PRINT_PDF = "press-kit.pdf", "press-kit-print.pdf"
CREDITS_CSV, STILLS_ZIP = "credits.csv", "stills.zip"
# Says "presskit wrote this folder": only such a folder (or an empty one) is replaced. It
# also lists the stills' files as written, so the next package may take over those that
# have not changed (``stills.Previous``).
MARKER = ".presskit-package"
_MARKER_NOTE = (
    "This folder is a press package written by presskit. Exporting the package again "
    "replaces the whole folder, so keep nothing else in it."
)
# What a package holds at its top level: anything else in DIR was put there by someone.
PACKAGE_NAMES = {MARKER, "index.html", "assets", SCREEN_PDF, PRINT_PDF, FOLDER}
PACKAGE_NAMES |= {CREDITS_CSV, STILLS_ZIP}


@dataclass(frozen=True)
class PackageResult:
    folder: Path
    stills: int
    screen_pages: int
    print_pages: int
    warnings: list[str] = field(default_factory=list)


def export_package(
    kit: model.PressKit,
    source: AssetSource,
    out_dir: str | os.PathLike[str],
    *,
    theme: str | None = None,
    films: Collection[str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PackageResult:
    """Writes the package into ``out_dir`` (replaced whole), or refuses in one sentence."""
    out = Path(out_dir)
    chosen = None if films is None else list(films)
    options = Options(theme=theme, films=chosen)
    refusal = package_refusal(kit, source, out, options)
    if refusal:
        raise ExportError(refusal)
    partial = _new_sibling(out, "partial")
    try:
        previous = Previous.read(out, MARKER) if out.is_dir() else Previous()
        result = _build(kit, source, partial, options, progress, cancelled, previous)
        if cancelled and cancelled():
            raise ExportCancelled
        try:
            _replace(out, partial)
        except OSError as err:
            raise ExportError(
                f"Could not put the package in place as “{out}”: {_reason(err)}."
            ) from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(partial)  # gone already once renamed into place
    return replace(result, folder=out)


def package_refusal(
    kit: model.PressKit, source: AssetSource, out: Path, options: Options
) -> str | None:
    """Why a package cannot be written to ``out``, in one sentence; None when it can."""
    if options.films is not None:
        known = {f.id for f in kit.films}
        unknown = [f for f in options.films if f not in known]
        if unknown:
            ids = ", ".join(f"“{f.id}”" for f in kit.films) or "none"
            return f"The kit has no film with the id “{unknown[0]}” (its films: {ids})."
    return folder_refusal(out) or nothing_to_show(kit, source, options)


def folder_refusal(out: Path) -> str | None:
    """Why ``out`` cannot become the package folder, in one sentence; None when it can: it
    is new, empty, or a package presskit wrote with nothing added to it."""
    if out.exists() and not out.is_dir():
        return f"“{out}” is a file; give the package a folder of its own."
    if not out.parent.is_dir():
        return f"The folder “{out.parent}” does not exist."
    if out.is_dir():
        try:
            others = sorted(p.name for p in out.iterdir() if p.name not in PACKAGE_NAMES)
            is_package = (out / MARKER).is_file()
            empty = not any(out.iterdir())
        except OSError as err:
            return f"Cannot look into “{out}”: {_reason(err)}."
        if not empty and not is_package:
            return (
                f"“{out}” already holds files presskit did not write; "
                "choose a new or empty folder for the package."
            )
        if others:
            return (
                f"“{out}” holds “{others[0]}”, which presskit did not write; "
                "move it out or choose another folder for the package."
            )
    return None


def _build(
    kit: model.PressKit,
    source: AssetSource,
    folder: Path,
    options: Options,
    progress: Progress | None,
    cancelled: Cancelled | None,
    previous: Previous,
) -> PackageResult:
    from presskit.web import page  # the web page's module, with Jinja2 and fontTools

    planned = plan_stills(kit, options.films)
    steps = _Steps(progress, stills=len(planned))
    try:
        # The stills are written on the writer's thread while the PDFs are laid out here.
        writer = StillsWriter(
            planned, source, folder, STILLS_ZIP, steps.stills_done, cancelled, previous
        )
        with writer:
            (folder / CREDITS_CSV).write_bytes(credits_csv(planned))
            pdfs = {}
            for name, profile in ((SCREEN_PDF, "screen"), (PRINT_PDF, "print")):
                pdf_options = Options(profile=profile, theme=options.theme, films=options.films)
                pdfs[name] = render_pdf(kit, source, pdf_options, steps.within(profile), cancelled)
                (folder / name).write_bytes(pdfs[name].pdf)
        steps.advance("print")
        page.write_web_kit(
            kit,
            source,
            folder,
            theme=options.theme,
            films=options.films,
            downloads=_downloads(page, planned),
            progress=steps.within("web"),
            cancelled=cancelled,
        )
        manifest = {"note": _MARKER_NOTE, "files": writer.manifest}
        (folder / MARKER).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    except OSError as err:
        raise ExportError(
            f"Could not write the package in “{folder.parent}”: {_reason(err)}."
        ) from None
    steps.advance("web")
    warnings = list(dict.fromkeys(w for r in pdfs.values() for w in r.warnings))
    return PackageResult(
        folder, len(planned), pdfs[SCREEN_PDF].pages, pdfs[PRINT_PDF].pages, warnings
    )


def _downloads(page: ModuleType, planned: list[StillFile]) -> Any:
    return page.Downloads(
        stills={still.still.id: still.path for still in planned},
        screen_pdf=SCREEN_PDF,
        print_pdf=PRINT_PDF,
        credits_csv=CREDITS_CSV,
        stills_zip=STILLS_ZIP,
    )


class _Steps:
    """One progress bar over the package's steps, each weighted by its work: a still, or a
    PDF's or the web page's own progress within its share."""

    def __init__(self, progress: Progress | None, stills: int):
        self.progress = progress
        share = max(1, stills)
        self.weights = {"stills": stills, "screen": share, "print": share, "web": share}
        self.total = sum(self.weights.values())
        self.order = list(self.weights)
        self.done = 0

    def _start(self, step: str) -> int:
        return sum(self.weights[s] for s in self.order[: self.order.index(step)])

    def _tell(self, done: float) -> None:
        self.done = max(self.done, min(self.total, round(done)))
        if self.progress:
            self.progress(self.done, self.total)

    def stills_done(self, count: int) -> None:
        self._tell(count)

    def advance(self, step: str) -> None:
        self._tell(self._start(step) + self.weights[step])

    def within(self, step: str) -> Progress:
        def tell(done: int, total: int) -> None:
            part = done / total if total else 1.0
            self._tell(self._start(step) + part * self.weights[step])

        return tell


def _new_sibling(out: Path, kind: str) -> Path:
    """A new hidden folder beside ``out`` (made with the person's usual permissions, which
    the package keeps once renamed)."""
    for _attempt in range(100):
        candidate = out.with_name(f".{out.name}.{kind}-{secrets.token_hex(4)}")
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        except OSError as err:
            raise ExportError(f"Cannot write in “{out.parent}”: {_reason(err)}.") from None
        return candidate
    raise ExportError(f"Cannot make a working folder in “{out.parent}”.")


def _replace(out: Path, new: Path) -> None:
    """``new`` renamed to ``out``; an old ``out`` set aside first and removed only after."""
    if not out.exists():
        os.replace(new, out)
        return
    aside = _new_sibling(out, "old")
    aside.rmdir()  # only its unique name is wanted
    os.replace(out, aside)
    try:
        os.replace(new, out)
    except OSError:
        os.replace(aside, out)  # the old package back where it was
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _reason(err: OSError) -> str:
    return (err.strerror or str(err)).lower()
