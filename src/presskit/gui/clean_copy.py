"""File > Save a Clean Copy: a kit from elsewhere that holds database code presskit did not
put there opens read-only; this writes what presskit knows of it (the kit as the window
shows it, its whole pictures, its readable revisions) into a new file and edits that."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from presskit.errors import PresskitError
from presskit.gui.workers import wait_for_background_jobs
from presskit.store import KitFile

if TYPE_CHECKING:
    from presskit.gui.main_window import MainWindow


def save_clean_copy(window: MainWindow) -> bool:
    """Asks where, writes the clean copy, and carries on editing it; False if nothing was
    written (no kit file yet, the person cancelled, or the copy failed)."""
    from presskit.gui.main_window import KIT_FILTER  # loaded already: it called us

    session = window.session
    source = session.kit_file
    if source is None:
        QMessageBox.information(
            window, "Save a Clean Copy", "This kit has no file yet; Save makes a clean one."
        )
        return False
    suggested = str(source.path.with_name(f"{source.path.stem} (clean).presskit"))
    path, _ = QFileDialog.getSaveFileName(window, "Save a clean copy", suggested, KIT_FILTER)
    if not path:
        return False
    target = Path(path if path.endswith(".presskit") else f"{path}.presskit")
    wait_for_background_jobs()
    try:
        copy = source.clean_copy(
            target, session.kit, new_assets=list(session.pending_assets.values()), replace=True
        )
        new_file = KitFile.open(target)
    except PresskitError as err:
        QMessageBox.critical(window, "No copy made", str(err))
        return False
    source.close()
    session.kit_file = new_file
    session.undo_stack.setClean()
    window.statusBar().showMessage(copy.sentence())
    window._update_title()  # the window's own title logic, not repeated here
    return True
