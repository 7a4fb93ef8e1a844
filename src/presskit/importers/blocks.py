"""An article's lines as blocks: the plain words, and how each line was set.

Markdown (pasted, or made from HTML and Word by `documents`) says which lines are headings,
bold, italic or quoted, which words were set as titles (italics, bold inside a sentence) and
what each link's text was. The importer judges lines by these signs; the words a kit gets
are the plain ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LINK = re.compile(r"\[([^\]\n]{0,300})\]\((https?://[^)\s]+)\)")
# Spans are bounded so a long line of unmatched marks costs linear time, not quadratic.
_BOLD_SPAN = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_ITALIC_SPAN = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]{1,200}?)(?<=[^\s*_])\1(?![\w*])")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")


@dataclass
class Block:
    text: str
    heading: int = 0  # 1..6 for "#" .. "######"
    bold: bool = False  # the whole line
    italic: bool = False  # the whole line
    quote: bool = False  # a "> " line: often a pull quote
    spans: list[str] = field(default_factory=list)  # words set apart inside the line
    links: list[tuple[str, str]] = field(default_factory=list)  # (link text, url)

    @property
    def emphasised(self) -> bool:
        """Set apart as a whole: how magazines mark their questions."""
        return bool(self.heading or self.bold)


def read_blocks(text: str) -> list[Block]:
    """One block per non-blank line, spaces tidied, marks read and removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    blocks = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line and not _RULE.match(line):
            block = read_line(line)
            if block.text:
                blocks.append(block)
    return blocks


def read_line(line: str) -> Block:
    block = Block("")
    heading = _HEADING.match(line)
    if heading:
        block.heading = len(heading.group(1))
        line = line[heading.end() :].rstrip("# ")
    if _QUOTE.match(line):
        block.quote = True
        line = _QUOTE.sub("", line, count=1)
    if "](" in line:
        block.links = [(m.group(1).strip(), m.group(2)) for m in _LINK.finditer(line)]
        line = _LINK.sub(lambda m: f"{m.group(1)} {m.group(2)}".strip(), line)
    if "*" in line or "_" in line:
        line = _marks(line, block)
    block.text = line.strip()
    return block


def _marks(line: str, block: Block) -> str:
    inner, end = _wrapped(line, ("**", "__"), ".:?")
    if inner and "**" not in inner and "__" not in inner:
        block.bold = True
        line = inner + end
    else:
        inner, end = _wrapped(line, ("*", "_"), ".:")
        if inner and "*" not in inner:
            block.italic = True
            line = inner + end
    for match in _BOLD_SPAN.finditer(line):
        block.spans.append(match.group(2).strip("*_ "))
    line = _BOLD_SPAN.sub(r"\2", line)
    for match in _ITALIC_SPAN.finditer(line):
        block.spans.append(match.group(2))
    line = _ITALIC_SPAN.sub(r"\2", line)
    return line


def _wrapped(line: str, marks: tuple[str, ...], endings: str) -> tuple[str, str]:
    """("words", ".") for "**words**." when the whole line is wrapped in one of the marks."""
    end = line[-1] if line and line[-1] in endings else ""
    body = line[: len(line) - len(end)]
    for mark in marks:
        size = len(mark)
        if (
            len(body) > 2 * size
            and body.startswith(mark)
            and body.endswith(mark)
            and body[size] not in "*_"
        ):
            return body[size:-size], end
    return "", ""
