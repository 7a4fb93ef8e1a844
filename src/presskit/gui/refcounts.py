"""A guard against PySide6 6.12's reference-count bugs: Python's constants made immortal.

PySide6 6.12 takes references it does not own to ``True`` and ``None``: every
``SignalInstance.emit`` or ``disconnect`` from Python, and some calls of Python overrides
(``QUndoCommand.undo``/``redo`` through the stack, ``mergeWith``, an ``id()`` of -1). On
Python 3.11, where those constants are ordinary counted objects, a few hundred thumbnails or
typed letters free them and the interpreter aborts ("bool_dealloc: deallocating True or
False"). PySide6-Pdf exists only for 6.12, so presskit cannot step back to an older PySide6.

Python 3.12 made these constants immortal; here presskit does the same for 3.11 by giving
each a reference count no session can use up (2**40 lost references). Nothing is leaked:
they are never freed in a running interpreter anyway.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def _constants() -> list[object]:
    return [True, False, None, Ellipsis, NotImplemented, (), "", *range(-5, 257)]


def make_constants_immortal() -> None:
    """Once per process, before Qt is used; a no-op where Python already keeps them alive."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for constant in _constants():
        count = ctypes.c_ssize_t.from_address(id(constant))  # ob_refcnt, PyObject's first field
        if count.value < RESERVE:
            count.value += RESERVE
