"""The editor window (PySide6). The only package that imports Qt."""

from presskit.gui.refcounts import make_constants_immortal

make_constants_immortal()  # before any Qt call: see refcounts.py
