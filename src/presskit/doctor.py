"""`presskit doctor`: is this installation whole? One line per check, OK or what is wrong
and how to fix it, so the output can be pasted into a bug report.

The checks that need Qt run in a child process (presskit.gui.doctor_checks) on the
offscreen platform: this module stays free of Qt, and a platform plugin that aborts its
process is reported rather than ending the doctor.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from presskit import __version__, kitio
from presskit.bundled import resources_dir

REINSTALL = "reinstall presskit (pipx reinstall presskit)"
MIN_PYTHON = (3, 11)
QT_TIMEOUT_S = 120
QT_CHECKS = "--doctor-qt-checks"  # presskit.entry runs presskit.gui.doctor_checks on it
QT_PLATFORM = "offscreen"  # the checks need no display


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # what was found when OK; what is wrong otherwise
    fix: str = ""

    def line(self) -> str:
        if self.ok:
            return f"OK    {self.name}: {self.detail}"
        return f"FAIL  {self.name}: {self.detail}; fix: {self.fix}"


def run_doctor() -> list[Check]:
    """Runs every check, printing each line as soon as it is known; returns them all."""
    checks: list[Check] = []
    with tempfile.TemporaryDirectory(prefix="presskit-doctor-") as scratch:
        pdf = Path(scratch) / "sample.pdf"
        for check in _all_checks(pdf):
            print(check.line(), flush=True)
            checks.append(check)
    return checks


def _all_checks(pdf: Path) -> Iterator[Check]:
    yield Check("presskit", True, f"{__version__} on {platform.platform()}")
    yield check_python()
    yield from check_dependencies()
    yield from check_themes()
    yield from check_fonts()
    yield check_sample_export(pdf)
    yield from check_qt(pdf if pdf.is_file() else None)


def check_python() -> Check:
    version = platform.python_version()
    if sys.version_info[:2] < MIN_PYTHON:
        wanted = ".".join(map(str, MIN_PYTHON))
        return Check("Python", False, f"{version} is too old", f"install Python {wanted} or newer")
    return Check("Python", True, version)


def required_packages() -> list[tuple[str, str]]:
    """(name, lowest version) of what presskit needs at run time, from its own metadata."""
    found = []
    for requirement in metadata.requires("presskit") or []:
        if ";" in requirement:  # an extra (test, dev, heic): not needed to run
            continue
        match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(?:>=\s*([0-9.]+))?", requirement)
        if match:
            found.append((match.group(1), match.group(2) or ""))
    return found


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def check_dependencies() -> Iterator[Check]:
    for name, lowest in required_packages():
        fix = f"pip install --upgrade '{name}>={lowest}'" if lowest else f"pip install '{name}'"
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            yield Check(name, False, "not installed", fix)
            continue
        if lowest and _version_tuple(installed) < _version_tuple(lowest):
            yield Check(name, False, f"{installed} is older than the {lowest} needed", fix)
        else:
            yield Check(name, True, installed)


def check_themes() -> Iterator[Check]:
    from presskit.render import themes

    for name in themes.theme_names():
        try:
            themes.load_theme(name)
        except Exception as err:  # any failure is this theme's finding, not the doctor's end
            yield Check(f"theme {name}", False, str(err), REINSTALL)
        else:
            yield Check(f"theme {name}", True, "loads")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def needed_font_families() -> list[str]:
    """Every family a theme names, and the fallbacks for other scripts."""
    from presskit.render import fonts, themes

    names = set(fonts.FALLBACKS)
    for theme in themes.theme_names():
        face = themes.load_theme(theme).fonts
        names.update((face.text, face.display, face.label))
    return sorted(names)


def check_fonts() -> Iterator[Check]:
    from reportlab.pdfbase.ttfonts import TTFont

    from presskit.render import fonts

    for family in needed_font_families():
        folder = fonts_dir() / family
        files = [folder / f"{family}-{style}.ttf" for style in fonts.STYLES]
        present = [path for path in files if path.is_file()]
        if files[0] not in present:
            yield Check(f"font {family}", False, f"{files[0].name} is missing", REINSTALL)
            continue
        try:
            for path in present:
                TTFont(f"doctor-{path.stem}", str(path))
        except Exception as err:  # ReportLab raises several kinds for a damaged font
            yield Check(f"font {family}", False, f"{path.name} cannot be read ({err})", REINSTALL)
        else:
            yield Check(f"font {family}", True, f"{len(present)} styles load")


def check_sample_export(pdf: Path) -> Check:
    from presskit import render

    name = "sample kit exports"
    try:
        with kitio.create_kit(pdf.with_suffix(".presskit"), kitio.sample_json()) as kit_file:
            result = render.export_pdf(kit_file.load(), kit_file, pdf)
    except Exception as err:  # whatever stops the export is the finding
        return Check(name, False, f"the export failed: {err}", REINSTALL)
    return Check(name, True, f"{result.pages} pages")


def check_qt(pdf: Path | None) -> Iterator[Check]:
    """The child process's lines; when it dies (a platform plugin that cannot load aborts
    it), what it said on stderr."""
    # The standalone bundle's program is presskit itself, which takes no `-m`.
    frozen = getattr(sys, "frozen", False)
    command = [sys.executable, *([] if frozen else ["-m", "presskit"]), QT_CHECKS]
    environment = {**os.environ, "QT_QPA_PLATFORM": QT_PLATFORM}
    try:
        done = subprocess.run(
            [*command, *([str(pdf)] if pdf else [])],
            capture_output=True,
            text=True,
            env=environment,
            timeout=QT_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        yield Check("Qt", False, f"the Qt checks did not finish in {QT_TIMEOUT_S} s", REINSTALL)
        return
    for line in done.stdout.splitlines():
        verdict, name, detail, *fix = line.split("\t")
        yield Check(name, verdict == "OK", detail, fix[0] if fix else "")
    if done.returncode != 0:
        said = [line for line in done.stderr.splitlines() if line.strip()]
        last = said[-1] if said else f"exit status {done.returncode}"
        yield Check("Qt", False, f"the Qt checks stopped: {last}", "install Qt's system libraries")
