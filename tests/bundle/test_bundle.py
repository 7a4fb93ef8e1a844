"""The standalone bundle (`make dist`), run as a person runs it: its own program, a bare
environment (no virtualenv, no Python on PATH), a fresh home. `scripts/test-bundle.sh`
builds the bundle from a clean clone and runs these with PRESSKIT_BUNDLE set to its program;
without it they are skipped."""

from __future__ import annotations

import os
import signal
import subprocess

import pypdf
import pytest

from presskit.store.locking import is_locked_elsewhere
from tests.pdf_checks import font_names, unembedded_fonts
from tests.web.readback import presskit_reads

BUNDLE = os.environ.get("PRESSKIT_BUNDLE", "")
pytestmark = pytest.mark.skipif(
    not BUNDLE, reason="PRESSKIT_BUNDLE is not set: scripts/test-bundle.sh builds and tests it"
)
TIMEOUT_S = 180


@pytest.fixture
def bare(tmp_path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def presskit(bare, tmp_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BUNDLE, *map(str, args)],
        env=bare,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )


def test_the_bundle_passes_doctor(bare, tmp_path):
    done = presskit(bare, tmp_path, "doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(line.startswith("OK    ") for line in done.stdout.splitlines())
    assert "QtPdf renders the sample: page 1 of" in done.stdout


def test_the_bundle_exports_the_sample_with_every_font_embedded(bare, tmp_path):
    assert presskit(bare, tmp_path, "new", "kit.presskit", "--sample").returncode == 0
    done = presskit(bare, tmp_path, "export", "kit.presskit", "-o", "kit.pdf", "--profile", "print")
    assert done.returncode == 0, done.stderr
    reader = pypdf.PdfReader(tmp_path / "kit.pdf")
    assert len(reader.pages) >= 5
    assert "Im-Sun Song" in reader.pages[0].extract_text()
    assert font_names(reader) and unembedded_fonts(reader) == []


def test_the_bundle_writes_the_press_package_of_the_sample(bare, tmp_path):
    # Jinja2's templates, fontTools' tables and the stills' metadata writer all in the bundle.
    assert presskit(bare, tmp_path, "new", "kit.presskit", "--sample").returncode == 0
    done = presskit(bare, tmp_path, "export-package", "kit.presskit", "-o", "package")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "package"
    assert (out / "index.html").is_file() and (out / "press-kit-print.pdf").is_file()
    stills = sorted((out / "stills").iterdir())
    assert stills and all(presskit_reads(s).credit == "Ian Chen" for s in stills)


def test_the_bundle_opens_the_editor_takes_a_second_kit_and_closes_cleanly(bare, tmp_path, qtbot):
    for name in ("first", "second"):
        assert presskit(bare, tmp_path, "new", f"{name}.presskit", "--sample").returncode == 0
    editor = subprocess.Popen(
        [BUNDLE, "first.presskit"],
        env=bare,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the editor and its render workers
    )
    try:
        first = tmp_path / "first.presskit"
        qtbot.waitUntil(
            lambda: is_locked_elsewhere(first) or editor.poll() is not None,
            timeout=TIMEOUT_S * 1000,
        )
        assert editor.poll() is None, f"the editor ended with {editor.returncode}"
        done = presskit(bare, tmp_path, "second.presskit")
        assert done.returncode == 0, done.stderr
        assert "already running" in done.stdout
        assert is_locked_elsewhere(tmp_path / "second.presskit")
        # The way a desktop session ends: the editor writes, closes its windows, exits 0.
        editor.send_signal(signal.SIGTERM)
        assert editor.wait(timeout=TIMEOUT_S) == 0
        assert not is_locked_elsewhere(first)
    finally:
        if editor.poll() is None:
            os.killpg(editor.pid, signal.SIGKILL)
            editor.wait(timeout=TIMEOUT_S)
