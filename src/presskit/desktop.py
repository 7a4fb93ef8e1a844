"""Desktop integration (freedesktop.org): a menu entry, the application icon and the
``*.presskit`` file type, so a double-click on a kit opens it in presskit.

Files go under a data folder (``$XDG_DATA_HOME``, else ``~/.local/share``); uninstalling
removes exactly the files installing writes. The desktop's caches are refreshed with
``update-mime-database`` and ``update-desktop-database`` when they are installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from presskit.bundled import resources_dir
from presskit.store.schema import APPLICATION_ID

APP_ID = "presskit"
MIME_TYPE = "application/x-presskit"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def is_freedesktop() -> bool:
    """Linux and the BSDs follow freedesktop.org; macOS and Windows have their own ways."""
    return not sys.platform.startswith(("darwin", "win32", "cygwin"))


def default_prefix() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    # The spec: a relative or empty value is ignored.
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def icon_folder() -> Path:
    return resources_dir() / "icons" / "app"


def exec_line() -> str:
    """How the desktop starts presskit on a file: this very Python, so the entry works
    without presskit's folder on the session's PATH (pipx, a virtualenv)."""
    return f"{_quoted(sys.executable)} -m presskit %f"


def _quoted(argument: str) -> str:
    """An Exec argument, quoted as the Desktop Entry spec asks when it needs to be."""
    argument = argument.replace("%", "%%")  # a lone % would be taken for a field code
    if re.fullmatch(r"[A-Za-z0-9_/.+,:=@%-]+", argument):
        return argument
    escaped = re.sub(r'(["`$\\])', r"\\\1", argument)
    return f'"{escaped}"'.replace("\\", "\\\\")  # the .desktop string escape, on top


def desktop_entry() -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=presskit",
            "GenericName=Press Kit Editor",
            "Comment=Edit a filmmaker's press kit and export it as a PDF",
            f"Exec={exec_line()}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Office;Publishing;",
            f"MimeType={MIME_TYPE};",
            "Keywords=press kit;EPK;film;PDF;",
            "StartupWMClass=presskit",
            "",
        ]
    )


def mime_xml() -> str:
    """A kit is an SQLite file whose header carries presskit's application id at byte 68
    (big-endian), so a kit renamed without its extension is still known."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>presskit press kit</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <icon name="{APP_ID}"/>
    <glob pattern="*.presskit" weight="60"/>
    <magic priority="80">
      <match type="string" offset="0" value="SQLite format 3">
        <match type="big32" offset="68" value="0x{APPLICATION_ID:08x}"/>
      </match>
    </magic>
  </mime-type>
</mime-info>
"""


def installed_files(prefix: Path) -> dict[Path, bytes]:
    """Every file installing writes, by where it goes."""
    folder = icon_folder()
    files = {
        prefix / "applications" / f"{APP_ID}.desktop": desktop_entry().encode(),
        prefix / "mime" / "packages" / f"{APP_ID}.xml": mime_xml().encode(),
        prefix / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": (
            folder / f"{APP_ID}.svg"
        ).read_bytes(),
    }
    for size in ICON_SIZES:
        where = prefix / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        files[where] = (folder / f"{APP_ID}-{size}.png").read_bytes()
    return files


def install(prefix: Path) -> list[Path]:
    written = []
    for path, content in installed_files(prefix).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    refresh_caches(prefix)
    return written


def uninstall(prefix: Path) -> list[Path]:
    removed = []
    for path in installed_files(prefix):
        if path.is_file():
            path.unlink()
            removed.append(path)
    if removed:
        refresh_caches(prefix)
    return removed


def refresh_caches(prefix: Path) -> None:
    """The desktop reads file types and menu entries from caches; a missing tool only
    means the desktop notices at its next login."""
    for tool, folder in (
        ("update-mime-database", prefix / "mime"),
        ("update-desktop-database", prefix / "applications"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], capture_output=True, check=False)
