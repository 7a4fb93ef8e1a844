"""The PDF press kit: themes, fonts, flowables per section, page templates (ReportLab)."""

from presskit.render.document import PAGE_SIZES, Options, RenderResult, render_pdf
from presskit.render.export import export_pdf
from presskit.render.images import PROFILES, ExportCancelled
from presskit.render.themes import available_themes, load_theme, theme_names

__all__ = [
    "PAGE_SIZES",
    "PROFILES",
    "ExportCancelled",
    "Options",
    "RenderResult",
    "available_themes",
    "export_pdf",
    "load_theme",
    "render_pdf",
    "theme_names",
]
