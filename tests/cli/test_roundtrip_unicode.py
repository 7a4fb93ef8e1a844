"""Any Unicode in every text field survives dump --assets -> new --from-json -> dump.

What cannot be stored (NUL and other control characters, lone surrogates) is cleaned by
the policy in presskit.model.text before the first save; after that, every trip is exact.
"""

from __future__ import annotations

import io
import tempfile
from contextlib import redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from PIL import Image

from presskit import model
from presskit.cli import main
from presskit.kitio import sha256_of
from presskit.store import KitFile, NewAsset
from tests.model.strategies import kits


def _dump(*argv: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["dump", *argv]) == 0
    return out.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kits)
def test_any_unicode_round_trips_byte_identically(kit):
    for i, film in enumerate(kit.films):
        film.id = f"film-{i}"  # ids are keys, not prose; every other text field is arbitrary
    for i, still in enumerate(kit.stills):
        still.id, still.asset = f"still-{i}", sha256_of(PNG)
    asset = NewAsset(PNG, name="still.png", mime="image/png", width=8, height=6)
    with tempfile.TemporaryDirectory() as folder:
        first_kit, second_kit = Path(folder, "a.presskit"), Path(folder, "b.presskit")
        KitFile.create(first_kit, kit, [asset]).close()
        first = _dump(str(first_kit), "--assets", f"{folder}/images")
        Path(folder, "a.json").write_text(first, encoding="utf-8")
        assert main(["new", str(second_kit), "--from-json", f"{folder}/a.json"]) == 0
        assert _dump(str(second_kit), "--assets", f"{folder}/images") == first
    stored = model.loads(first)
    assert stored.person.bio_long == model.clean_text(kit.person.bio_long)
    assert [qa.answer for qa in stored.interview.items] == [
        model.clean_text(qa.answer) for qa in kit.interview.items
    ]
