"""Article files to text: .txt, .md, .html and .docx, with the encoding found.

HTML and Word come out as Markdown (headings, bold, italics, quotes and links marked), the
form the importer reads, so each format only has to say where its paragraphs are and how
they were set; `presskit.importers.blocks` reads the marks.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from presskit.errors import ArticleError

MAX_BYTES = 20 * 1024 * 1024
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "figcaption",
    "header",
    "main",
    "aside",
    "ul",
    "ol",
    "table",
    "td",
}
_SKIP = {"script", "style", "noscript", "head", "nav", "footer", "template", "svg", "iframe"}
_MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*", "cite": "*"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:  # cut short (an odd byte count) or a broken pair
            raise ArticleError(
                f"“{name}” looks like UTF-16 text but is damaged; save it as UTF-8 and try again."
            ) from None
    if b"\x00" in data[:4096]:
        raise ArticleError(f"“{name}” is not a text file (it looks like binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise ArticleError(
            f"“{name}” is in a text encoding presskit cannot tell; save it as UTF-8 and try again."
        )
    return text


class _Markdown(HTMLParser):
    """HTML as the Markdown the importer reads: headings, bold, italics, quotes and links
    keep their marks, because they say which lines are questions, titles and pull quotes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._links: list[str] = []
        self._opened: list[int] = []  # where each open <b>/<em> put its mark

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif self._skipping:
            return
        elif tag in _BLOCKS:
            self.parts.append("\n")
            if tag in _HEADINGS:
                self.parts.append("#" * int(tag[1]) + " ")
            elif tag == "blockquote":
                self.parts.append("> ")
            elif tag == "li":
                self.parts.append("- ")
        elif tag in _MARKS:
            self._opened.append(len(self.parts))
            self.parts.append(_MARKS[tag])
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self._links.append(href)
            if href.startswith(("http://", "https://")):
                self.parts.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif self._skipping:
            return
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in _MARKS and self._opened:
            start = self._opened.pop()
            if "".join(self.parts[start + 1 :]).strip():
                self.parts.append(_MARKS[tag])
            else:  # marks around nothing ("<b> </b>") say nothing
                del self.parts[start]
        elif tag == "a" and self._links:
            href = self._links.pop()
            if href.startswith(("http://", "https://")):
                self.parts.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    parser = _Markdown()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    return "\n".join(line.strip() for line in text.split("\n"))


def _bounded_read(archive: zipfile.ZipFile, name: str, name_shown: str) -> bytes:
    """A member's bytes, refused past MAX_BYTES however small its header says it is:
    a zip bomb is stopped after reading the limit, not after filling the memory."""
    with archive.open(name) as member:
        data = member.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ArticleError(
            f"“{name_shown}” unpacks to more than {MAX_BYTES // (1024 * 1024)} MB of text, "
            "too much to be an article."
        )
    return data


def docx_to_text(data: bytes, name: str) -> str:
    """A Word file's paragraphs, headings as "#" lines and all-bold or all-italic paragraphs
    marked as such, in the Markdown the importer reads."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = _bounded_read(archive, "word/document.xml", name)
        if b"<!DOCTYPE" in xml[:4096].upper() or b"<!ENTITY" in xml.upper():
            raise ElementTree.ParseError("entity declarations are not Word's")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, RuntimeError):
        raise ArticleError(f"“{name}” is not a Word document presskit can read.") from None
    lines = []
    for paragraph in root.iter(f"{_WORD}p"):
        runs: list[tuple[str, bool, bool]] = []
        style = paragraph.find(f"{_WORD}pPr/{_WORD}pStyle")
        level = _heading_level(style.get(f"{_WORD}val", "") if style is not None else "")
        for run in paragraph.iter(f"{_WORD}r"):
            props = run.find(f"{_WORD}rPr")
            bold = props is not None and _on(props.find(f"{_WORD}b"))
            italic = props is not None and _on(props.find(f"{_WORD}i"))
            for node in run:
                if node.tag == f"{_WORD}t" and node.text:
                    runs.append((node.text, bold, italic))
                elif node.tag in (f"{_WORD}br", f"{_WORD}cr"):
                    runs.append(("\n", False, False))
                elif node.tag == f"{_WORD}tab":
                    runs.append(("\t", False, False))
        text = "".join(part for part, _, _ in runs)
        words = [(part, b, i) for part, b, i in runs if part.strip()]
        if not text.strip():
            lines.append("")
        elif level:
            lines.append("#" * level + " " + text.strip())
        elif words and all(b for _, b, _ in words):
            lines.append(f"**{text.strip()}**")
        elif words and all(i for _, _, i in words):
            lines.append(f"*{text.strip()}*")
        else:
            lines.append(text)
    return "\n".join(lines)


def _heading_level(style: str) -> int:
    """Word's "Title", "Heading1", "heading 2"... as a Markdown heading level (0: none)."""
    if style.lower() == "title":
        return 1
    match = re.match(r"(?i)heading\s*(\d)$", style)
    return int(match.group(1)) if match else 0


def _on(toggle: ElementTree.Element | None) -> bool:
    """<w:b/> is on; <w:b w:val="0"/> or "false" is off."""
    return toggle is not None and toggle.get(f"{_WORD}val", "1") not in ("0", "false", "off")


def read_article(path: str | Path) -> str:
    """An article file's text, whatever of .txt, .md, .html or .docx it is."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ArticleError(
                f"“{path.name}” is over {MAX_BYTES // (1024 * 1024)} MB, too long to be an article."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"“{path.name}” does not exist.") from None
    except IsADirectoryError:
        raise ArticleError(f"“{path.name}” is a folder, not an article.") from None
    except OSError as err:
        raise ArticleError(f"“{path.name}” cannot be read: {err.strerror or err}.") from None
    suffix = path.suffix.lower()
    if suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        return docx_to_text(data, path.name)
    text = decode(data, path.name)
    if suffix in (".html", ".htm") or re.match(
        r"\s*<(!doctype|html|body|p|div)\b", text, re.IGNORECASE
    ):
        return html_to_text(text)
    return text  # plain text and Markdown are read as they are


def paragraphs(text: str) -> list[str]:
    """One paragraph per line; spaces tidied; blank lines dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
