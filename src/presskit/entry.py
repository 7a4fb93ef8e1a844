"""The `presskit` command's entry: the editor with no command, `open KIT` or a kit file
alone (as a file manager calls it), else the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from presskit import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # `presskit doctor`'s child process (presskit.doctor.QT_CHECKS; its tests hold the two
    # together). A literal, so the editor's start does not import the doctor.
    if args[:1] == ["--doctor-qt-checks"]:
        from presskit.gui.doctor_checks import main as qt_checks

        return qt_checks(args[1:])
    if is_kit_file(args):
        args = ["open", *args]
    if not args or args[0] == "open":
        if len(args) > 2 or (len(args) == 2 and args[1].startswith("-")):
            return cli.main(args)  # let the usage message say what is wrong
        from presskit.gui.app import run  # Qt loads only when the window is wanted

        return run(args[1] if len(args) == 2 else None)
    return cli.main(args)


def is_kit_file(args: list[str]) -> bool:
    """`presskit FILE`: one argument that names a kit rather than a command."""
    if len(args) != 1 or args[0].startswith("-") or args[0] in cli.command_names():
        return False
    return args[0].endswith(".presskit") or Path(args[0]).is_file()
