"""What a PDF preflight (a printer's, Acrobat's) would say about fonts, for the tests."""

from __future__ import annotations

import io

import pypdf
from pypdf.generic import ContentStream


def font_names(reader: pypdf.PdfReader) -> dict[str, object]:
    """Every font any page's resources name, by its BaseFont."""
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def unembedded_fonts(reader: pypdf.PdfReader) -> list[str]:
    """Fonts the PDF names but does not carry (a reader substitutes its own for them)."""
    missing = []
    for name, font in font_names(reader).items():
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.append(name)
    return sorted(missing)


def placed_images(pdf: bytes) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) in points of every picture drawn, page after page, as a PDF
    reader places it."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    placed = []
    for page in reader.pages:
        ctm, saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"q":
                saved.append(ctm)
            elif operator == b"Q":
                ctm = saved.pop()
            elif operator == b"cm":
                ctm = multiply([float(v) for v in operands], ctm)
            elif operator == b"Do":
                a, _b, _c, d, e, f = ctm
                placed.append((e, f, a, d))
    return placed


def multiply(m, n):
    """The PDF's ``m × n`` for matrices written [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
        e * A + f * C + E, e * B + f * D + F,
    )  # fmt: skip


def placed_text(page: pypdf.PageObject) -> list[tuple[str, float, float]]:
    """(text, baseline y, font size) of each piece of text drawn on the page."""
    pieces: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = cm[3] * tm[3]
            pieces.append((text, cm[3] * tm[5] + cm[5], size * scale))

    page.extract_text(visitor_text=visit)
    return pieces
