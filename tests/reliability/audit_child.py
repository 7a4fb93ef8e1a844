"""One export under an audit hook, in a fresh process: every file opened and every socket,
process or network call from the first import on, compared with what an export may touch.

    python -m tests.reliability.audit_child KIT OUT

The hook goes in before presskit is imported and cannot be removed (``sys.addaudithook``),
which is why this is a process of its own. Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
import tempfile
from urllib.parse import unquote, urlparse

seen: list[tuple[str, str]] = []
FORBIDDEN_PREFIXES = (
    "socket.",
    "urllib.",
    "http.",
    "ftplib.",
    "smtplib.",
    "poplib.",
    "imaplib.",
    "nntplib.",
    "telnetlib.",
    "webbrowser.",
    "subprocess.",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.system",
    "os.startfile",
    "ctypes.dlopen",
)


def hook(event: str, args: tuple) -> None:
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0])
        seen.append(("open", os.path.abspath(path)))
    elif event == "sqlite3.connect" and args:
        target = os.fsdecode(args[0]) if not isinstance(args[0], str) else args[0]
        if target == ":memory:":  # opens no file (the store builds its expected schema there)
            return
        if target.startswith("file:"):
            target = unquote(urlparse(target).path)
        seen.append(("sqlite3.connect", os.path.abspath(target)))
    elif event.startswith(FORBIDDEN_PREFIXES):
        seen.append((event, repr(args)[:200]))


sys.addaudithook(hook)

from pathlib import Path  # noqa: E402

import presskit  # noqa: E402
from presskit import render  # noqa: E402
from presskit.bundled import resources_dir  # noqa: E402
from presskit.store import KitFile  # noqa: E402

kit_path, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()

# The hook cannot see into worker processes, so the export must start none: its renditions
# are cached in the kit already. Counted, not assumed.
from presskit.render import images  # noqa: E402

pools: list[int] = []
_new_pool = images._new_pool
images._new_pool = lambda: pools.append(1) or _new_pool()

start = len(seen)
with KitFile.open(kit_path, read_only=True) as kit_file:
    result = render.export_pdf(kit_file.load(), kit_file, out)
export_events = seen[start:]

# Where an export may look: Python's own files (imports), the bundled fonts and themes, the
# temporary folder, the kit (and its journal), the output (and its temporary sibling).
python_places = {
    os.path.realpath(p)
    for p in (
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        *sysconfig.get_paths().values(),
        os.path.dirname(presskit.__file__),  # presskit's own modules
    )
}
allowed_dirs = [*python_places, str(resources_dir().resolve()), tempfile.gettempdir()]


# ReportLab looks for its per-user settings at import, whether or not they exist; they are
# the person's own configuration, not anything from a kit (and presskit overrides the one
# setting that matters for safety: see presskit.render.markup).
REPORTLAB_OWN = {
    os.path.expanduser("~/.reportlab_settings"),
    os.path.expanduser("~/.reportlab_mods"),
}


def allowed(path: str) -> bool:
    real = os.path.realpath(path)
    if path in REPORTLAB_OWN:
        return True
    if real in (str(kit_path), f"{kit_path}-journal", str(out)):
        return True
    if os.path.dirname(real) == str(out.parent) and os.path.basename(real).startswith(
        f".{out.name}."
    ):
        return True  # the temporary file the PDF is written to, then renamed
    return any(real == d or real.startswith(d.rstrip("/") + "/") for d in allowed_dirs)


violations = [
    [event, what]
    for event, what in export_events
    if event in ("open", "sqlite3.connect") and not allowed(what)
] + [[event, what] for event, what in export_events if event not in ("open", "sqlite3.connect")]

# The control: the hook does see a file opened outside those places.
control_start = len(seen)
try:
    with open("/etc/hostname", "rb"):
        pass
except OSError:
    pass
control = [what for event, what in seen[control_start:] if event == "open" and not allowed(what)]

print(
    json.dumps(
        {
            "pages": result.pages,
            "pools": len(pools),
            "events": len(export_events),
            "opens": sorted({what for event, what in export_events if event == "open"}),
            "violations": violations,
            "control": control,
        }
    )
)
