"""Article files to plain paragraphs: .txt, .md, .html and .docx, with the encoding found.

Every importer downstream works on a list of paragraphs (one per line of text, blank lines
dropped), so each format only has to say where its paragraphs are.
"""

from __future__ import annotations

import html
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
}
_SKIP = {"script", "style", "noscript", "head", "nav", "footer"}


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


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        if tag == "a":  # keep link targets: "Contact Info" lists are often only links
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self.parts.append(f" {href} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    parser = _Paragraphs()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))


def markdown_to_text(markup: str) -> str:
    """Headings, emphasis and link syntax dropped; the words and URLs stay."""
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", markup, flags=re.MULTILINE)
    text = re.sub(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", r"\1 \2", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_]([^*_\n]+)[*_](?![\w*])", r"\1", text)
    return re.sub(r"^\s*>\s?", "", text, flags=re.MULTILINE)


def docx_to_text(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        raise ArticleError(f"“{name}” is not a Word document presskit can read.") from None
    lines = []
    for paragraph in root.iter(f"{_WORD}p"):
        runs = []
        for node in paragraph.iter():
            if node.tag == f"{_WORD}t" and node.text:
                runs.append(node.text)
            elif node.tag in (f"{_WORD}br", f"{_WORD}cr"):
                runs.append("\n")
            elif node.tag == f"{_WORD}tab":
                runs.append("\t")
        lines.append("".join(runs))
    return "\n".join(lines)


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
    if suffix in (".md", ".markdown"):
        return markdown_to_text(text)
    return text


def paragraphs(text: str) -> list[str]:
    """One paragraph per line; spaces tidied; blank lines dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
