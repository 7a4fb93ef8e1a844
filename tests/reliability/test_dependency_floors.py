"""The libraries that read untrusted input are at releases with their security fixes.

ReportLab before 3.6.13 evaluated colour strings with ``rl_safe_eval`` (CVE-2023-33733: code
execution from a crafted colour in paragraph markup); from 3.6.13 ``toColor`` uses what
``rl_config.toColorCanUse`` names, by default a literal parser. Pillow 12.3.0 is the first
release with the fixes for PYSEC-2026-2253..2257 and PYSEC-2026-3451..3453 (decompression
bombs and out-of-bounds writes in image and font decoders).
"""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest

from tests.reliability.conftest import held, ran

REPORTLAB_FLOOR = (3, 6, 13)
PILLOW_FLOOR = (12, 3, 0)
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def version_tuple(text: str) -> tuple[int, ...]:
    parts = [int(part) for part in re.findall(r"\d+", text)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def declared_floor(package: str) -> tuple[int, ...]:
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    (spec,) = [d for d in dependencies if re.match(rf"{package}\s*>=", d, re.IGNORECASE)]
    return version_tuple(spec.split(">=", 1)[1])


@pytest.mark.parametrize(
    ("package", "floor"), [("reportlab", REPORTLAB_FLOOR), ("pillow", PILLOW_FLOOR)]
)
def test_installed_and_declared_versions_are_at_the_floor(package, floor):
    ran("dependency floors", 2)
    installed = version_tuple(importlib.metadata.version(package))
    assert installed >= floor, f"{package} {installed} is older than {floor}"
    assert declared_floor(package) >= floor, f"pyproject.toml lets {package} below {floor}"
    held("dependency floors", 2)


def test_reportlab_reads_colours_as_literals_not_code(tmp_path):
    ran("dependency floors")
    from reportlab import rl_config
    from reportlab.lib import colors

    assert hasattr(rl_config, "toColorCanUse")
    assert rl_config.toColorCanUse != "rl_safe_eval"
    assert rl_config.toColorCanUse in ("rl_extended_literal_eval", None)
    # The shape of the CVE-2023-33733 exploit: a "colour" that calls things. It must be
    # refused, and what it would have done must not happen.
    flag = tmp_path / "ran"
    payload = f"[open({str(flag)!r}, 'w') for _ in [1]] and 'red'"
    with pytest.raises(ValueError):
        colors.toColor(payload)
    assert not flag.exists()
    assert colors.toColor("#ff0000") == colors.red
    held("dependency floors")


def test_presskit_keeps_colours_literal_whatever_the_environment_says(tmp_path):
    """ReportLab takes settings from RL_ variables and ~/.reportlab_settings; neither may turn
    the evaluating colour parser back on inside presskit."""
    ran("dependency floors", 2)
    import os
    import subprocess
    import sys

    (tmp_path / ".reportlab_settings").write_text("toColorCanUse = 'rl_safe_eval'\n")
    script = (
        "import presskit.render.document\n"
        "from reportlab import rl_config\n"
        "print(rl_config.toColorCanUse)\n"
    )
    for env in ({"RL_toColorCanUse": "rl_safe_eval"}, {"HOME": str(tmp_path)}):
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
            timeout=60,
            check=True,
        )
        assert done.stdout.strip() == "rl_extended_literal_eval", env
    held("dependency floors", 2)
