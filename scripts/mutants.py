"""Mutation testing (``make mutants``): small deliberate breakages of the modules whose
promises matter most, each run against its own test folder; a mutant that no test notices
("survived") is a promise no test holds.

    python scripts/mutants.py [NAME ...]     # all targets, or only the named ones

Each target runs mutmut in its own scratch copy under build/mutants/NAME (src, tests,
resources, and a pyproject.toml whose [tool.mutmut] names the one module and test folder),
so targets never share state and the checkout is never touched. One target at a time, one
worker: the machine is shared. Prints the surviving mutants of each target and a summary;
`mutmut show NAME` in build/mutants/TARGET shows one mutant's diff.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Target:
    name: str
    module: str  # the file mutated
    tests: tuple[str, ...]  # the tests that must notice: a folder, files, or test ids
    functions: tuple[str, ...] = ()  # mutmut name patterns; empty: the whole module
    # "forkserver": each mutant's tests in a process that has run no test, so module-level
    # caches (the PDFs test_pdf.py keeps, the renderer's own) never carry an unmutated
    # result into a mutant. Slower; "fork" where the tests keep no such cache.
    isolation: str = "fork"


RENDER_TESTS = ("tests/render/test_pdf.py", "tests/render/test_fields_and_fitting.py")

TARGETS = [
    Target("ops", "src/presskit/model/ops.py", ("tests/model",)),
    Target("kitfile", "src/presskit/store/kitfile.py", ("tests/store",)),
    # The PDF's own tests, and the cover's (pronouns, "Based in", a name set smaller then
    # wrapped, a still's copyright after its credit); tests/render/test_estimate.py (sizes of
    # photo kits) and the layout corpus would make each mutant of the renderer cost minutes.
    # test_pdf.py renders afresh for every test under mutmut (see its export()), so fork
    # isolation judges each mutant by its own PDF.
    Target("markup", "src/presskit/render/markup.py", RENDER_TESTS),
    Target(
        "credits",  # the caption and "Photo: NAME" under each still, and the cover's credit
        "src/presskit/render/sections.py",
        RENDER_TESTS,
        (
            "presskit.render.sections.xǁContextǁcredited__mutmut_*",
            "presskit.render.sections.x_credit_line__mutmut_*",
            "presskit.render.sections.x_cover__mutmut_*",
        ),
    ),
    Target("session", "src/presskit/gui/session.py", ("tests/gui",)),
    Target("interview", "src/presskit/importers/interview.py", ("tests/importers",)),
    Target("preflight", "src/presskit/preflight.py", ("tests/preflight",)),
]


def mutmut_config(target: Target) -> str:
    return f"""
[tool.mutmut]
source_paths = ["src"]
only_mutate = ["{target.module}"]
also_copy = ["resources"]
pytest_add_cli_args_test_selection = {list(target.tests)!r}
# A mutant that hangs a test is killed by the test's timeout; order is fixed for repeatability.
pytest_add_cli_args = ["-p", "no:randomly", "-p", "no:cacheprovider"]
process_isolation = "{target.isolation}"
"""


def scratch_copy(target: Target) -> Path:
    work = ROOT / "build" / "mutants" / target.name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for folder in ("src", "tests", "resources"):
        shutil.copytree(ROOT / folder, work / folder, ignore=ignore)
    shared = ROOT.parent / "shared"  # the seed interview some tests read, when it is there
    if shared.is_dir():
        (work / "shared").symlink_to(shared)  # where mutants/tests/... look for it
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(pyproject + mutmut_config(target), encoding="utf-8")
    return work


def survivors(work: Path) -> list[str]:
    """The mutants no test noticed, as ``mutmut results`` lists them."""
    listed = subprocess.run(
        [str(BIN / "mutmut"), "results"], cwd=work, capture_output=True, text=True, check=True
    ).stdout
    return [line.split(":")[0].strip() for line in listed.splitlines() if "survived" in line]


def run(target: Target) -> tuple[int, list[str], float]:
    work = scratch_copy(target)
    start = time.monotonic()
    command = [str(BIN / "mutmut"), "run", "--max-children", "1", *target.functions]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    (work / "mutmut-run.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        print(f"{target.name}: mutmut failed (exit {done.returncode}); see {work}/mutmut-run.log")
        return -1, [], time.monotonic() - start
    return 0, survivors(work), time.monotonic() - start


def main(names: list[str]) -> int:
    unknown = set(names) - {t.name for t in TARGETS}
    if unknown:
        print(f"mutants: error: no target named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    chosen = [t for t in TARGETS if not names or t.name in names]
    failed = False
    summary = []
    for target in chosen:
        print(f"== {target.name}: {target.module} against {' '.join(target.tests)}", flush=True)
        status, left, seconds = run(target)
        failed |= status != 0
        for name in left:
            print(f"   survived: {name}")
        summary.append(f"{target.name}: {len(left)} survived ({seconds:.0f} s)")
    print("\n".join(["", *summary]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
