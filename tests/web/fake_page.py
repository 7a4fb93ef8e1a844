"""A stand-in for ``presskit.web.page`` (the web page itself, built beside this work) with
the same contract: ``Downloads`` and ``write_web_kit`` writing index.html and assets/.

Tests of the package use the real module when it is there and this one when it is not, so
they check the package's own promises either way."""

from __future__ import annotations

import html
import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Downloads:
    stills: Mapping[str, str]
    screen_pdf: str | None = "press-kit.pdf"
    print_pdf: str | None = "press-kit-print.pdf"
    credits_csv: str | None = "credits.csv"
    stills_zip: str | None = "stills.zip"


def write_web_kit(
    kit, source, folder: Path, *, theme=None, films=None, downloads, progress=None, cancelled=None
) -> None:
    (folder / "assets").mkdir()
    (folder / "assets" / "style.css").write_text("body { margin: 0 }\n", encoding="utf-8")
    links = [downloads.screen_pdf, downloads.print_pdf, downloads.credits_csv]
    links += [downloads.stills_zip, *downloads.stills.values()]
    body = "".join(f'<a href="{html.escape(link)}">{html.escape(link)}</a>' for link in links)
    (folder / "index.html").write_text(
        f"<!doctype html><title>{html.escape(kit.person.name)}</title>{body}", encoding="utf-8"
    )
    if progress:
        progress(1, 1)


def module() -> types.ModuleType:
    fake = types.ModuleType("presskit.web.page")
    fake.Downloads = Downloads
    fake.write_web_kit = write_web_kit
    fake.STAND_IN = True  # what the bench reports, so its figure says what it measured
    return fake


def use_real_or_fake(monkeypatch) -> types.ModuleType:
    """The real web page module when it is installed, else this stand-in, put where
    ``presskit.web.package`` imports it from."""
    import presskit.web

    try:
        from presskit.web import page
    except ImportError:
        page = module()
        monkeypatch.setitem(sys.modules, "presskit.web.page", page)
        monkeypatch.setattr(presskit.web, "page", page, raising=False)
    return page
