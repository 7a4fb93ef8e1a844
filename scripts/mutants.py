"""Mutation testing (``make mutants``): small deliberate breakages of the modules whose
promises matter most, each run against its own test folder; a mutant that no test notices
("survived") is a promise no test holds.

    python scripts/mutants.py [NAME ...]          # all targets, or only the named ones
    python scripts/mutants.py --again [NAME ...]  # only the last run's survivors, new tests
    python scripts/mutants.py --report [NAME ...] # what the last run found, running nothing
    python scripts/mutants.py --tests-at REF NAME  # with the tests of commit REF (a baseline)

Each target runs mutmut in its own scratch copy under build/mutants/NAME (src, tests,
resources, and a pyproject.toml whose [tool.mutmut] names the one module and test folder),
so targets never share state and the checkout is never touched. One target at a time, one
worker: the machine is shared. Prints the mutants no test killed and, per target, how many
mutants ran and what became of them; docs/mutation-testing.md has the figures.
`mutmut show NAME` in build/mutants/TARGET shows one mutant's diff.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from fnmatch import fnmatch
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


RENDER_TESTS = (
    "tests/render/test_pdf.py",
    "tests/render/test_fields_and_fitting.py",
    "tests/render/test_layout_check.py",
)

TARGETS = [
    Target("ops", "src/presskit/model/ops.py", ("tests/model",)),
    # Save, open (with the refusal of a newer format and of a file that is no kit), migrate,
    # the pictures (adding, reading, verifying, keeping what undo needs) and revisions; not
    # the clean copy's or the renditions' plumbing, which would double the run.
    Target(
        "kitfile",
        "src/presskit/store/kitfile.py",
        ("tests/store",),
        tuple(
            f"presskit.store.kitfile.{name}__mutmut_*"
            for name in (
                "xǁKitFileǁcreate",
                "xǁKitFileǁopen",
                "xǁKitFileǁload",
                "xǁKitFileǁsave",
                "xǁKitFileǁ_collect_garbage",
                "xǁKitFileǁadd_asset",
                "xǁKitFileǁasset_bytes",
                "xǁKitFileǁpicture_problems",
                "xǁKitFileǁrevisions",
                "xǁKitFileǁload_revision",
                "xǁKitFileǁsave_as",
                "xǁKitFileǁ_writable",
                "x__insert_assets",
                "x__asset_ids_in",
                "x__verified",
                "x__document_of",
                "x__document_text",
                "x__publish_without_clobbering",
                "x__check_header",
                "x__inspect",
                "x_backup_path",
                "x__migrate",
            )
        ),
    ),
    # The PDF's own tests, the cover's (pronouns, "Based in", a name set smaller then
    # wrapped, a still's copyright after its credit) and the layout checker's (a caption
    # parted from its still); tests/render/test_estimate.py (sizes of photo kits) and the
    # layout corpus would make each mutant of the renderer cost minutes.
    # test_pdf.py renders afresh for every test under mutmut (see its export()), so fork
    # isolation judges each mutant by its own PDF.
    Target("markup", "src/presskit/render/markup.py", RENDER_TESTS),
    Target(
        "credits",  # the caption and "Photo: NAME" under each still
        "src/presskit/render/sections.py",
        RENDER_TESTS,
        (
            "presskit.render.sections.xǁContextǁcredited__mutmut_*",
            "presskit.render.sections.x_credit_line__mutmut_*",
        ),
    ),
    # The cover: its still, name, byline and quote held to one page above the key contact.
    # Against its own tests, which render the cover alone (milliseconds each once the fonts
    # are loaded): against every render test (whole kits, ~40 s a mutant) its 182 mutants,
    # most of them sizes whose survivors run every test, did not fit in an afternoon.
    Target(
        "cover",
        "src/presskit/render/sections.py",
        ("tests/render/test_cover.py",),
        ("*.x_cover__mutmut_*",),
    ),
    # What the session writes and when: the clean point, autosave, recovery, save, save as,
    # discard, revision restore. Against the tests that hold those promises, not the whole
    # GUI suite (minutes a mutant). Forkserver: a worker forked from a process whose Qt
    # application and save pool already ran would inherit threads that are not there.
    # The kill and SIGTERM tests in test_recovery.py run presskit in a child process, which
    # imports the unmutated package: they hold the promise in the suite, not here.
    Target(
        "session",
        "src/presskit/gui/session.py",
        ("tests/gui/test_document.py", "tests/gui/test_saving.py", "tests/gui/test_recovery.py"),
        tuple(
            f"presskit.gui.session.xǁSessionǁ{name}__mutmut_*"
            for name in (
                "unwritten",
                "assets_to_keep",
                "_write_options",
                "_autosave_file",
                "_landed",
                "_schedule_autosave",
                "autosave",
                "_autosave_job",
                "_autosaved",
                "write_now",
                "save",
                "save_as",
                "discard_recovery",
                "restore_revision",
                "close",
            )
        ),
        "forkserver",
    ),
    Target("interview", "src/presskit/importers/interview.py", ("tests/importers",)),
    # What the importer finds moved partly out of interview.py: names and roles, film facts,
    # links and photo credits, each its own target against the same tests.
    Target("names", "src/presskit/importers/names.py", ("tests/importers",)),
    Target("filmfacts", "src/presskit/importers/films.py", ("tests/importers",)),
    Target("contacts", "src/presskit/importers/contacts.py", ("tests/importers",)),
    # The stills a render would show as "picture missing" boxes are preflight's sentences
    # too, held by the render tests of missing pictures.
    Target(
        "preflight",
        "src/presskit/preflight.py",
        ("tests/preflight", "tests/render/test_missing_pictures.py"),
    ),
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


def scratch_copy(target: Target, tests_at: str = "") -> Path:
    work = ROOT / "build" / "mutants" / target.name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for folder in ("src", "tests", "resources"):
        shutil.copytree(ROOT / folder, work / folder, ignore=ignore)
    if tests_at:  # the tests as they were at that commit: survivors before new tests
        shutil.rmtree(work / "tests")
        archive = subprocess.run(
            ["git", "archive", tests_at, "tests"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(work)], input=archive, check=True)
    shared = ROOT.parent / "shared"  # the seed interview some tests read, when it is there
    if shared.is_dir():
        (work / "shared").symlink_to(shared)  # where mutants/tests/... look for it
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(pyproject + mutmut_config(target), encoding="utf-8")
    return work


def outcomes(work: Path, target: Target, unchecked: bool = False) -> dict[str, list[str]]:
    """Each of the target's mutants that a run checked, by what became of it ("killed",
    "survived", "no tests", "timeout"...), as ``mutmut results`` lists them; with
    ``unchecked``, also those no run has checked ("not checked")."""
    listed = subprocess.run(
        [str(BIN / "mutmut"), "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found: dict[str, list[str]] = {}
    for line in listed.splitlines():
        name, _, status = line.strip().rpartition(": ")
        ours = not target.functions or any(fnmatch(name, p) for p in target.functions)
        if name and ours and (unchecked or status != "not checked"):
            found.setdefault(status, []).append(name)
    return found


def refresh(work: Path) -> None:
    """The checkout's tests and source, as they are now, into an earlier run's scratch copy."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for folder in ("tests", "src"):
        shutil.rmtree(work / folder)
        shutil.copytree(ROOT / folder, work / folder, ignore=ignore)


def function_of(mutant: str) -> str:
    return mutant.rpartition("__mutmut_")[0]


def regenerated(work: Path, target: Target, killed: list[str]) -> dict[str, list[str]]:
    """The target's mutants by status once mutmut has regenerated the module from the source
    as it is now: it forgets what it found for the functions whose code changed (a fix, a
    comment), which are "not checked" again, and keeps the rest. Rerunning one killed mutant
    makes it regenerate."""
    if killed:
        subprocess.run(
            [str(BIN / "mutmut"), "run", "--max-children", "1", killed[0]],
            cwd=work,
            capture_output=True,
            check=False,
        )
    return outcomes(work, target, unchecked=True)


def run(target: Target, again: bool, tests_at: str) -> tuple[dict[str, list[str]], float]:
    """Runs the target's mutants, or with ``again`` only the ones that survived the last
    run, in that run's scratch copy, against the tests and source as they are now: tests are
    only ever added, so a mutant killed once stays killed; the mutants of a function changed
    since (a fix) all run again."""
    work = ROOT / "build" / "mutants" / target.name
    chosen: list[str] = list(target.functions)
    if again:
        earlier = outcomes(work, target)
        chosen = sorted(n for status, names in earlier.items() if status != "killed" for n in names)
        before = outcomes(work, target, unchecked=True)
        unreached = {function_of(n) for n in before.get("not checked", [])}
        refresh(work)
        now = regenerated(work, target, earlier.get("killed", []))
        existing = {name for names in now.values() for name in names}
        # The unchecked mutants of functions the last run went through (changed since);
        # those of functions a stopped run never reached stay for a plain run to reach.
        forgotten = {n for n in now.get("not checked", []) if function_of(n) not in unreached}
        chosen = sorted({*chosen, *forgotten} & existing)
    else:
        work = scratch_copy(target, tests_at)
    start = time.monotonic()
    if chosen or not again:
        command = [str(BIN / "mutmut"), "run", "--max-children", "1", *chosen]
        done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
        (work / "mutmut-run.log").write_text(done.stdout + done.stderr, encoding="utf-8")
        if done.returncode != 0:
            print(
                f"{target.name}: mutmut failed (exit {done.returncode}); see {work}/mutmut-run.log"
            )
            return {}, time.monotonic() - start
    return outcomes(work, target), time.monotonic() - start


def main(args: list[str]) -> int:
    again, report = "--again" in args, "--report" in args
    tests_at = args[args.index("--tests-at") + 1] if "--tests-at" in args else ""
    names = [a for a in args if a not in ("--again", "--report", "--tests-at", tests_at)]
    unknown = set(names) - {t.name for t in TARGETS}
    if unknown:
        print(f"mutants: error: no target named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    chosen = [t for t in TARGETS if not names or t.name in names]
    failed = False
    summary = []
    for target in chosen:
        print(f"== {target.name}: {target.module} against {' '.join(target.tests)}", flush=True)
        if report:
            work = ROOT / "build" / "mutants" / target.name
            found, seconds = (outcomes(work, target) if (work / "mutants").is_dir() else {}), 0.0
        else:
            found, seconds = run(target, again, tests_at)
        failed |= not found
        left = [name for status, names in found.items() if status != "killed" for name in names]
        for name in sorted(left):
            print(f"   not killed: {name}")
        counts = ", ".join(f"{len(names)} {status}" for status, names in sorted(found.items()))
        total = sum(len(names) for names in found.values())
        summary.append(f"{target.name}: {total} mutants: {counts} ({seconds:.0f} s)")
    print("\n".join(["", *summary]), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
