"""Interview articles (text, Markdown, HTML, Word) -> proposals for a kit."""

from presskit.importers.documents import paragraphs, read_article
from presskit.importers.interview import Proposal, parse

__all__ = ["Proposal", "paragraphs", "parse", "read_article"]
