"""The `presskit` command's entry: the editor with no command or `open`, else the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from presskit import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "open":
        if len(args) > 2 or (len(args) == 2 and args[1].startswith("-")):
            return cli.main(args)  # let the usage message say what is wrong
        from presskit.gui.app import run  # Qt loads only when the window is wanted

        return run(args[1] if len(args) == 2 else None)
    return cli.main(args)
