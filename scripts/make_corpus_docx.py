"""Builds the Word articles of the importer corpus from their plain sources.

    python scripts/make_corpus_docx.py

Each ``tests/importers/*/*.docx.src`` (the corpus and the held-out articles) is one paragraph a line: "# " and "## " lines
become Heading 1 and Heading 2 paragraphs, a line wrapped in ``**`` is set in bold and one
wrapped in ``*`` in italics, and ``**words**`` inside a line is a bold run, as a magazine's Word file would have them. The .docx files are
committed; this script says how they were made.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "importers" / "corpus"
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def paragraph(line: str) -> str:
    style, props = "", ""
    if line.startswith("## "):
        style, line = "Heading2", line[3:]
    elif line.startswith("# "):
        style, line = "Heading1", line[2:]
    elif line.startswith("**") and line.endswith("**"):
        props, line = "<w:b/>", line[2:-2]
    elif line.startswith("*") and line.endswith("*"):
        props, line = "<w:i/>", line[1:-1]
    p_pr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = []
    for part in re.split(r"(\*\*[^*]+\*\*)", line):  # "**Q.** text": a bold run, then plain
        bold = part.startswith("**") and part.endswith("**") and len(part) > 4
        text = part[2:-2] if bold else part
        r_pr = f"<w:rPr>{'<w:b/>' if bold else props}</w:rPr>" if bold or props else ""
        if text:
            runs.append(f'<w:r>{r_pr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
    return f"<w:p>{p_pr}{''.join(runs)}</w:p>"


def build(source: Path) -> Path:
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = "".join(paragraph(line) for line in lines)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{NS}"><w:body>{body}</w:body></w:document>'
    )
    target = source.with_name(source.name.removesuffix(".src"))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        # Fixed timestamps, so rebuilding gives the same bytes.
        for name, data in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("word/document.xml", document),
        ):
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
    return target


def main() -> None:
    for source in sorted(CORPUS.parent.glob("*/*.docx.src")):
        print(build(source).name)


if __name__ == "__main__":
    main()
