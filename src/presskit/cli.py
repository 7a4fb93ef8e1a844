"""The `presskit` command: every job the window does, headless.

Exit codes are a contract scripts rely on: 0 success; 1 the person's data or files are at
fault (one line on stderr, ``presskit: error: ...``, no traceback); 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from presskit import __version__, kitio, model, render
from presskit.errors import ExportError, PresskitError
from presskit.store import KitFile


def cmd_new(args: argparse.Namespace) -> int:
    json_path = kitio.sample_json() if args.sample else args.from_json
    with kitio.create_kit(args.kit, json_path) as kit_file:
        kit = kit_file.load()
    print(f"Created {args.kit}: {_summary(kit)}.")
    # A kit with problems is still made (a dump must always load back); they are named here.
    # An empty kit is no problem: it is what `new` without a source makes.
    for problem in [] if kit.is_blank() else model.validate(kit):
        print(f"presskit: warning: {problem.message}", file=sys.stderr)
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    with KitFile.open(args.kit, read_only=True) as kit_file:
        sys.stdout.write(kitio.dump_kit(kit_file, args.assets))
    return 0


def cmd_add_still(args: argparse.Namespace) -> int:
    fields = {"credit": args.credit, "caption": args.caption, "film": args.film}
    with KitFile.open(args.kit) as kit_file:
        added = kitio.add_stills(kit_file, args.images, **{k: v for k, v in fields.items() if v})
    for still, image in added:
        credit = f"Photo: {still.credit}" if still.credit else "no credit yet"
        size = f"{image.info.width}×{image.info.height}"
        print(f"{still.id}\t{image.asset.name}\t{size}\t{credit}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from presskit import preflight

    options = render.Options(profile=args.profile, theme=args.theme, page_size=args.page_size)
    with KitFile.open(args.kit) as kit_file:
        kit = kit_file.load()
        # Every picture read whole (SHA-256) first, cached renditions or not: the PDF would
        # show a gap where one is missing or damaged, so say which still and write nothing.
        missing = preflight.picture_sentences(kit, kit_file, deep=True)
        if missing:
            raise ExportError(missing[0].removesuffix(".") + _and_more(len(missing) - 1, "still"))
        result = render.export_pdf(kit, kit_file, args.output, options, progress=_progress_bar())
    for warning in result.warnings:
        print(f"presskit: warning: {warning}", file=sys.stderr)
    pages = f"{result.pages} page" + ("s" if result.pages != 1 else "")
    print(f"Exported {args.output}: {pages}, {model.human_size(len(result.pdf))}.")
    return 0


def cmd_export_package(args: argparse.Namespace) -> int:
    from presskit import preflight
    from presskit.web.package import export_package

    with KitFile.open(args.kit) as kit_file:
        kit = kit_file.load()
        # As for a PDF: a missing or damaged picture is named before anything is written.
        missing = preflight.picture_sentences(kit, kit_file, deep=True)
        if missing:
            raise ExportError(missing[0].removesuffix(".") + _and_more(len(missing) - 1, "still"))
        result = export_package(
            kit,
            kit_file,
            args.output,
            theme=args.theme,
            films=args.films,
            progress=_progress_bar("Writing the package"),
        )
    for warning in result.warnings:
        print(f"presskit: warning: {warning}", file=sys.stderr)
    stills = f"{result.stills} still" + ("s" if result.stills != 1 else "")
    print(
        f"Exported the press package to {args.output}: the web page, both PDFs "
        f"({result.screen_pages} and {result.print_pages} pages), {stills} with their credits, "
        "credits.csv and stills.zip."
    )
    return 0


def _and_more(others: int, noun: str) -> str:
    """The end of a sentence naming the first of several: " (and 2 more stills: ...)."."""
    if not others:
        return "."
    return f" (and {others} more {noun if others == 1 else noun + 's'}: see `presskit check`)."


def _progress_bar(label: str = "Preparing images") -> Callable[[int, int], None] | None:
    """A bar on stderr while images are prepared, on a terminal only (scripts get quiet)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = round(width * done / total) if total else width
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total}{end}")
        sys.stderr.flush()

    return show


def cmd_open(args: argparse.Namespace) -> int:
    """Reached only through `presskit.entry`, which starts the window; here it is usage."""
    print("presskit: error: run `presskit open KIT` to open the editor.", file=sys.stderr)
    return 2


def cmd_import_interview(args: argparse.Namespace) -> int:
    from presskit import importers
    from presskit.importers.apply import operations

    proposal = importers.parse(importers.read_article(args.text))
    if args.into:
        with KitFile.open(args.into) as kit_file:
            kit = kit_file.load()
            batch = operations(kit, proposal)
            batch.apply(kit)
            kit_file.save(kit, label="Imported an interview")
        print(
            f"Added {len(proposal.interview)} questions to {args.into} ({len(batch.operations)} changes)."
        )
    if args.json:
        print(json.dumps(proposal.to_json(), ensure_ascii=False, indent=2))
    elif not args.into:
        print(f"Name: {proposal.name or '(not found)'}")
        if proposal.roles:
            print(f"Roles: {', '.join(proposal.roles)}")
        print(f"Questions: {len(proposal.interview)}")
        for pair in proposal.interview:
            print(f"  - {pair.question[:90]}")
        for film in proposal.films:
            facts = [str(film.year or ""), f"{film.runtime_min} min" if film.runtime_min else ""]
            facts = [f for f in [*facts, film.country, film.status] if f]
            print(f"Film: {film.title}" + (f" ({', '.join(facts)})" if facts else ""))
            for award in film.awards:
                print(f"  Award: {award.name}" + (f", {award.note}" if award.note else ""))
        for link in proposal.links:
            print(f"Link: {link.label} {link.url}")
        for credit in proposal.credits:
            print(
                f"Photo credit: {credit.name}"
                + (f" ({', '.join(credit.films)})" if credit.films else "")
            )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from presskit import preflight

    # A deep check may remake damaged renditions, so it opens the kit for writing if it can.
    with KitFile.open(args.kit, read_only=not args.deep) as kit_file:
        findings = preflight.check(kit_file.load(), kit_file, deep=args.deep)
        if args.deep:
            kitio.remake_damaged_renditions(kit_file)
    if args.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(f"{finding.severity:8} {finding.where:28} {finding.message}")
        counts = {s: sum(f.severity == s for f in findings) for s in preflight.SEVERITIES}
        print(f"{counts['error']} errors, {counts['warning']} warnings, {counts['tip']} tips.")
    return 1 if any(f.severity == "error" for f in findings) else 0


def cmd_repair(args: argparse.Namespace) -> int:
    with KitFile.open(args.kit, read_only=True) as kit_file:
        copy = kit_file.clean_copy(args.output)
    print(copy.sentence())
    return 0


def cmd_check_layout(args: argparse.Namespace) -> int:
    options = render.Options(profile=args.profile, theme=args.theme, page_size=args.page_size)
    with KitFile.open(args.kit) as kit_file:  # writable, as for export: renditions are cached
        report = render.check_layout(kit_file.load(), kit_file, options)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for fault in report.faults:
            print(f"page {fault.page:<4} {fault.kind:30} {fault.detail}")
        print(f"{report.pages} pages, {len(report.faults)} layout faults.")
    return 1 if report.faults else 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from presskit.doctor import run_doctor

    return 0 if all(check.ok for check in run_doctor()) else 1


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from presskit import desktop

    if not desktop.is_freedesktop():
        raise PresskitError(
            "install-desktop sets presskit up on Linux desktops (freedesktop.org); "
            "on this system open .presskit files with `presskit FILE`."
        )
    prefix = Path(args.prefix) if args.prefix else desktop.default_prefix()
    try:
        written = desktop.install(prefix)
    except OSError as err:
        raise PresskitError(f"Could not write under {prefix}: {err.strerror or err}.") from err
    print(f"Installed presskit's menu entry, icon and .presskit file type under {prefix}", end="")
    print(f" ({len(written)} files).")
    return 0


def cmd_uninstall_desktop(args: argparse.Namespace) -> int:
    from presskit import desktop

    prefix = Path(args.prefix) if args.prefix else desktop.default_prefix()
    try:
        removed = desktop.uninstall(prefix)
    except OSError as err:
        raise PresskitError(
            f"Could not remove files under {prefix}: {err.strerror or err}."
        ) from err
    if removed:
        print(f"Removed presskit's menu entry, icon and file type from {prefix}.")
    else:
        print(f"presskit's desktop files were not installed under {prefix}; nothing removed.")
    return 0


def cmd_themes(args: argparse.Namespace) -> int:
    for theme in render.available_themes():
        print(f"{theme.name}\t{theme.description}")
    return 0


def _summary(kit: model.PressKit) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    return ", ".join(
        [
            count(len(kit.interview.items), "interview question"),
            count(len(kit.films), "film"),
            count(len(kit.stills), "still"),
        ]
    )


def _layout_options(parser: argparse.ArgumentParser) -> None:
    """What an export may choose without touching the kit: profile, theme, page size."""
    parser.add_argument(
        "--profile",
        choices=sorted(render.PROFILES),
        default="screen",
        help="screen: small enough to email (150 dpi); print: sharp enough to print (300 dpi)",
    )
    parser.add_argument(
        "--theme", choices=render.theme_names(), help="default: the kit's own theme"
    )
    parser.add_argument(
        "--page-size", choices=sorted(model.PAGE_SIZES), help="default: the kit's own"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presskit",
        description="Press kits for filmmakers: edit, check and export them as PDF.",
    )
    parser.add_argument("--version", action="version", version=f"presskit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(run=run)
        return sub

    new = command("new", cmd_new, "make a new kit file: empty, the sample kit, or from JSON")
    new.add_argument("kit", metavar="KIT", help="the .presskit file to make (never overwritten)")
    source = new.add_mutually_exclusive_group()
    source.add_argument("--sample", action="store_true", help="start from the bundled sample kit")
    source.add_argument(
        "--from-json", metavar="FILE", help="interchange JSON, as `presskit dump` prints"
    )

    dump = command("dump", cmd_dump, "print the kit as interchange JSON")
    dump.add_argument("kit", metavar="KIT")
    dump.add_argument(
        "--assets", metavar="DIR", help="write the images into DIR and name them in the JSON"
    )

    add = command("add-still", cmd_add_still, "add photographs to the kit as stills")
    add.add_argument("kit", metavar="KIT")
    add.add_argument("images", metavar="IMAGE", nargs="+", help="JPEG, PNG, TIFF or WebP files")
    add.add_argument(
        "--credit", metavar="NAME", help="the photographer (default: from the image's metadata)"
    )
    add.add_argument("--caption", metavar="TEXT")
    add.add_argument("--film", metavar="TITLE", help="the film the stills belong to (title or id)")

    export = command("export", cmd_export, "lay the kit out as a PDF")
    export.add_argument("kit", metavar="KIT")
    export.add_argument(
        "-o", "--output", metavar="OUT.pdf", required=True, help="the PDF to write (replaced whole)"
    )
    _layout_options(export)
    package = command(
        "export-package",
        cmd_export_package,
        "write the press package: web page, both PDFs, credited stills, credits.csv, stills.zip",
    )
    package.add_argument("kit", metavar="KIT")
    package.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        required=True,
        help="the folder to write (replaced whole if presskit wrote it before)",
    )
    package.add_argument(
        "--theme", choices=render.theme_names(), help="default: the kit's own theme"
    )
    package.add_argument(
        "--films", metavar="ID", nargs="+", help="only these films (ids, as `presskit dump` shows)"
    )
    layout = command(
        "check-layout",
        cmd_check_layout,
        "lay the kit out and report layout faults by page (exit 1 on a fault)",
    )
    layout.add_argument("kit", metavar="KIT")
    layout.add_argument(
        "--json", action="store_true", help='{"pages": N, "faults": [{"page", "kind", "detail"}]}'
    )
    _layout_options(layout)

    checker = command(
        "check", cmd_check, "preflight: what to fix before sending the kit (exit 1 on an error)"
    )
    checker.add_argument("kit", metavar="KIT")
    checker.add_argument(
        "--json", action="store_true", help="a JSON list of findings: severity, where, message"
    )
    checker.add_argument(
        "--deep",
        action="store_true",
        help="also read every picture and cached rendition to check it is whole",
    )

    repair = command(
        "repair",
        cmd_repair,
        "copy what presskit knows of a kit (document, whole pictures, revisions) into a new file",
    )
    repair.add_argument("kit", metavar="KIT", help="the kit to copy from (only read)")
    repair.add_argument(
        "-o", "--output", metavar="NEW", required=True, help="the new kit (never overwritten)"
    )

    importer = command(
        "import-interview",
        cmd_import_interview,
        "read a published interview: Q&A, name, bio, films, links, credits",
    )
    importer.add_argument("text", metavar="TEXT", help="the article: .txt, .md, .html or .docx")
    importer.add_argument("--json", action="store_true", help="print the proposal as JSON")
    importer.add_argument(
        "--into",
        metavar="KIT",
        help="apply it to KIT (interview appended, the rest only where empty)",
    )

    command(
        "doctor", cmd_doctor, "check this installation, one line per check (exit 1 on a problem)"
    )
    for name, run, verb in (
        ("install-desktop", cmd_install_desktop, "add presskit to the desktop's menu"),
        ("uninstall-desktop", cmd_uninstall_desktop, "remove presskit from the desktop's menu"),
    ):
        integration = command(
            name, run, f"{verb}, with its icon and the .presskit file type (freedesktop)"
        )
        integration.add_argument(
            "--prefix",
            metavar="DIR",
            help="data folder (default: $XDG_DATA_HOME or ~/.local/share)",
        )
    command("themes", cmd_themes, "list the themes, one per line, name first")
    opener = command(
        "open", cmd_open, "open the editor on KIT (with no command: on your last kit or the sample)"
    )
    opener.add_argument("kit", metavar="KIT")
    return parser


def command_names() -> set[str]:
    """The commands `presskit` takes: a kit file named like one is not taken for it."""
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(commands.choices)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args)
    except PresskitError as err:
        print(f"presskit: error: {err}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, render.ExportCancelled):
        print("presskit: stopped; nothing was written.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `presskit dump KIT | head` closed the pipe: not an error
        sys.stderr.close()
        return 0
