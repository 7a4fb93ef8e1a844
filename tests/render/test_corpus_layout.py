"""Every corpus kit, in every theme, on A4 and Letter, for screen and print: no layout fault
the checker can find, and every font in the PDF embedded (a print shop's preflight rejects
a PDF with an unembedded font, even one never drawn)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from presskit.render.document import Options, render_pdf
from presskit.render.layout_check import faults
from presskit.render.themes import theme_names
from presskit.store import KitFile
from tests.render import corpus


@pytest.fixture(scope="module")
def corpus_kits(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    return {name: build(folder / name) for name, build in corpus.CORPUS.items()}


def unembedded_fonts(pdf: bytes) -> set[str]:
    missing = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing


@pytest.mark.parametrize("profile", ["screen", "print"])
@pytest.mark.parametrize("page_size", ["a4", "letter"])
@pytest.mark.parametrize("theme", theme_names())
@pytest.mark.parametrize("kit", list(corpus.CORPUS))
def test_the_corpus_lays_out_without_faults(corpus_kits, kit, theme, page_size, profile):
    with KitFile.open(corpus_kits[kit]) as kit_file:
        result = render_pdf(
            kit_file.load(),
            kit_file,
            Options(profile=profile, theme=theme, page_size=page_size, invariant=True),
        )
    assert [(f.page, f.kind, f.detail) for f in faults(result.plan)] == []
    assert result.pages == len(pypdf.PdfReader(io.BytesIO(result.pdf)).pages)
    assert unembedded_fonts(result.pdf) == set()
