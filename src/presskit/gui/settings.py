"""Typed access to QSettings, with preferences kept apart from window state.

Preferences are the person's choices (defaults for new kits); window state is what the
window remembers by itself (geometry, recent files). Tests pass their own QSettings file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from presskit import model

MAX_RECENT = 10


class Settings:
    def __init__(self, store: QSettings | None = None):
        self.store = store or QSettings()

    # -- preferences ---------------------------------------------------------------------

    @property
    def default_theme(self) -> str:
        return str(self.store.value("preferences/default_theme", model.DEFAULT_THEME))

    @default_theme.setter
    def default_theme(self, name: str) -> None:
        self.store.setValue("preferences/default_theme", name)

    @property
    def default_page_size(self) -> str:
        return str(self.store.value("preferences/default_page_size", model.Design().page_size))

    @default_page_size.setter
    def default_page_size(self, size: str) -> None:
        self.store.setValue("preferences/default_page_size", size)

    # -- window state ----------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        """Recent kits, newest first; ones that no longer exist are dropped."""
        files = self.store.value("state/recent_files", []) or []
        if isinstance(files, str):
            files = [files]
        return [f for f in files if Path(f).is_file()][:MAX_RECENT]

    def forget_recent(self) -> None:
        self.store.setValue("state/recent_files", [])

    def remember(self, path: Path) -> None:
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.store.setValue("state/recent_files", files[:MAX_RECENT])

    @property
    def export_profile(self) -> str:
        """The profile of the last export (screen or print)."""
        return str(self.store.value("state/export_profile", "screen"))

    @export_profile.setter
    def export_profile(self, name: str) -> None:
        self.store.setValue("state/export_profile", name)

    @property
    def export_folder(self) -> str:
        """The folder the last PDF was exported to; "" before the first export."""
        return str(self.store.value("state/export_folder", "") or "")

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self.store.setValue("state/export_folder", folder)

    def geometry(self) -> object:
        return self.store.value("state/geometry")

    def set_geometry(self, value: object) -> None:
        self.store.setValue("state/geometry", value)

    def splitter_state(self) -> object:
        """Where the person left the dividers between sections, editor and preview."""
        return self.store.value("state/splitter")

    def set_splitter_state(self, value: object) -> None:
        self.store.setValue("state/splitter", value)

    @property
    def preview_visible(self) -> bool:
        return str(self.store.value("state/preview_visible", "true")).lower() == "true"

    @preview_visible.setter
    def preview_visible(self, visible: bool) -> None:
        self.store.setValue("state/preview_visible", "true" if visible else "false")
