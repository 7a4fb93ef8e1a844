"""What a PDF preflight (a printer's, Acrobat's) would say about fonts, for the tests."""

from __future__ import annotations

import pypdf


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
