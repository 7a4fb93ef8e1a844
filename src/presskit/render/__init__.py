"""The PDF press kit: themes, fonts, flowables per section, page templates (ReportLab).

Names are loaded on first use (PEP 562), so ``presskit.render.themes`` is cheap to import
and the editor starts without paying for ReportLab until it renders.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "PAGE_SIZES": "presskit.render.document",
    "Options": "presskit.render.document",
    "check_layout": "presskit.render.document",
    "RenderResult": "presskit.render.document",
    "render_pdf": "presskit.render.document",
    "estimate_size": "presskit.render.estimate",
    "export_pdf": "presskit.render.export",
    "nothing_to_show": "presskit.render.document",
    "PROFILES": "presskit.render.images",
    "ExportCancelled": "presskit.render.images",
    "available_themes": "presskit.render.themes",
    "load_theme": "presskit.render.themes",
    "theme_names": "presskit.render.themes",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'presskit.render' has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)
