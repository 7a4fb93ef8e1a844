"""The size a person is told before exporting, against the size of the PDF they then get.

``python -m tests.render.test_estimate`` prints the estimate's error in every case.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from presskit import bundled, kitio, model, render
from presskit.render import themes as render_themes
from presskit.render.estimate import estimate_size, jpeg_quality
from presskit.store import KitFile
from tests.render import corpus
from tests.render.photos import photo_kit

THEMES = ("classic", "modern", "minimal")
PROFILES = ("screen", "print")
TOLERANCE = 0.20  # the image model's error (to -16% here); fonts and text are within 3%


def sample(folder: Path) -> Path:
    path = folder / "sample.presskit"
    kitio.create_kit(path, kitio.sample_json()).close()
    return path


def estimated_and_real(kit_path: Path, **options) -> tuple[int, int]:
    """The estimate of a kit that holds no renditions yet, then the real export's size."""
    with KitFile.open(kit_path) as kit_file:
        kit = kit_file.load()
        chosen = render.Options(**options)
        estimate = estimate_size(kit, kit_file, chosen)
        real = len(render.render_pdf(kit, kit_file, chosen).pdf)
    return estimate, real


@pytest.fixture(scope="module")
def sample_kit(tmp_path_factory) -> Path:
    return sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> Path:
    return photo_kit(tmp_path_factory.mktemp("photos"), stills=6)


def fresh(kit_path: Path, tmp_path: Path) -> Path:
    """The same kit made anew from its JSON: no renditions cached by an earlier export."""
    made_from = kit_path.parent / "kit.json"
    copy = tmp_path / kit_path.name
    kitio.create_kit(copy, made_from if made_from.is_file() else kitio.sample_json()).close()
    return copy


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("theme", THEMES)
def test_the_sample_kit_lands_within_the_tolerance_of_its_estimate(
    sample_kit, tmp_path, theme, profile
):
    estimate, real = estimated_and_real(fresh(sample_kit, tmp_path), theme=theme, profile=profile)
    assert abs(real - estimate) <= TOLERANCE * real, (estimate, real)


@pytest.mark.parametrize(
    "options",
    [
        {"profile": "print"},
        {"profile": "screen"},
        {"profile": "print", "theme": "modern", "page_size": "letter"},
        {"profile": "screen", "theme": "minimal", "sections": ["cover", "films", "stills"]},
        {"profile": "print", "films": ["salt"]},
        {"profile": "screen", "sections": ["bio", "interview", "contact"]},
    ],
    ids=["print", "screen", "modern-letter", "minimal-some-sections", "one-film", "no-stills"],
)
def test_a_kit_of_photographs_lands_within_the_tolerance_of_its_estimate(photos, tmp_path, options):
    estimate, real = estimated_and_real(fresh(photos, tmp_path), **options)
    assert abs(real - estimate) <= TOLERANCE * real, (estimate, real)


TINY = {
    "a name": model.PressKit(person=model.Person(name="Ana Lima")),
    "a name and a bio": model.PressKit(
        person=model.Person(name="Ana Lima", bio_short="A cinematographer from Lisbon.")
    ),
    "one film": model.PressKit(films=[model.Film(id="f", title="Salt", logline="She returns.")]),
    "an email": model.PressKit(contact=model.Contact(email="ana@example.com")),
}


def tiny_kit(folder: Path, name: str) -> Path:
    path = folder / "tiny.presskit"
    KitFile.create(path, TINY[name]).close()
    return path


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("name", TINY)
def test_a_tiny_kit_lands_within_the_same_tolerance(tmp_path, name, theme):
    estimate, real = estimated_and_real(tiny_kit(tmp_path, name), theme=theme)
    assert abs(real - estimate) <= TOLERANCE * real, (estimate, real)


def test_a_theme_with_fonts_no_theme_had_is_counted_by_the_fonts_themselves(
    sample_kit, tmp_path, monkeypatch
):
    """No table of font sizes: a new theme's fonts are measured as they will be embedded."""
    themes = tmp_path / "themes"
    shutil.copytree(bundled.themes_dir(), themes)
    (themes / "plain.toml").write_text(
        'inherits = "classic"\ndescription = "Sans everywhere"\n'
        '[fonts]\ntext = "DejaVuSans"\ndisplay = "NotoSerif"\nlabel = "DejaVuSans"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(render_themes, "themes_dir", lambda: themes)
    render_themes.load_theme.cache_clear()
    try:
        with KitFile.open(fresh(sample_kit, tmp_path)) as kit_file:
            kit, options = kit_file.load(), render.Options(theme="plain")
            real = len(render.render_pdf(kit, kit_file, options).pdf)  # caches the renditions
            warm = estimate_size(kit, kit_file, options)
    finally:
        render_themes.load_theme.cache_clear()
    # With the images known, what is left is fonts and text: within a few percent.
    assert abs(real - warm) <= 0.03 * real, (warm, real)


@pytest.fixture(scope="module")
def rich_kit(tmp_path_factory) -> Path:
    return corpus.rich(tmp_path_factory.mktemp("rich"))


@pytest.mark.parametrize("theme", THEMES)
def test_laurels_and_qr_codes_are_counted(rich_kit, theme):
    """A film kit's laurel wreaths and, in print, its QR codes are drawn, not written: with
    the images known, the rest is still within a few percent (it was 4% short without
    them)."""
    with KitFile.open(rich_kit) as kit_file:
        kit, options = kit_file.load(), render.Options(theme=theme, profile="print")
        real = len(render.render_pdf(kit, kit_file, options).pdf)  # caches the renditions
        warm = estimate_size(kit, kit_file, options)
    assert abs(real - warm) <= 0.02 * real, (warm, real)


def test_renditions_the_kit_already_holds_count_at_their_real_size(sample_kit, tmp_path):
    kit_path = fresh(sample_kit, tmp_path)
    with KitFile.open(kit_path) as kit_file:
        kit = kit_file.load()
        options = render.Options(profile="print")
        cold = estimate_size(kit, kit_file, options)
        real = len(render.render_pdf(kit, kit_file, options).pdf)  # caches the renditions
        warm = estimate_size(kit, kit_file, options)
    # Only the text and fonts are modelled now: much closer than the cold estimate needs.
    assert abs(real - warm) <= 0.05 * real, (warm, real)
    assert warm != cold


def test_an_estimate_decodes_no_image_and_reads_only_the_start_of_each(
    photos, tmp_path, monkeypatch
):
    kit_path = fresh(photos, tmp_path)

    def no_decoding(*_args, **_kwargs):
        raise AssertionError("the estimate opened an image")

    monkeypatch.setattr(Image, "open", no_decoding)
    with KitFile.open(kit_path, read_only=True) as kit_file:
        monkeypatch.setattr(kit_file, "asset_bytes", no_decoding)
        heads: list[int] = []
        real_head = kit_file.asset_head
        monkeypatch.setattr(
            kit_file, "asset_head", lambda sha, n: heads.append(n) or real_head(sha, n)
        )
        size = estimate_size(kit_file.load(), kit_file, render.Options(profile="print"))
    assert size > 1_000_000  # six photographs at 300 dpi: megabytes, not kilobytes
    assert heads and max(heads) <= 64 * 1024


def test_fewer_sections_and_films_make_a_smaller_estimate(photos, tmp_path):
    with KitFile.open(fresh(photos, tmp_path), read_only=True) as kit_file:
        kit = kit_file.load()
        whole = estimate_size(kit, kit_file, render.Options(profile="print"))
        one_film = estimate_size(kit, kit_file, render.Options(profile="print", films=["salt"]))
        no_stills = estimate_size(
            kit, kit_file, render.Options(profile="print", sections=["bio", "interview"])
        )
        screen = estimate_size(kit, kit_file, render.Options(profile="screen"))
    assert no_stills < one_film < whole
    assert screen < whole / 2


@pytest.mark.parametrize("quality", [50, 75, 85, 92, 97])
def test_a_jpegs_quality_is_read_from_its_first_bytes(quality):
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 80, 40)).save(out, "JPEG", quality=quality)
    assert abs(jpeg_quality(out.getvalue()[:2000]) - quality) <= 1


def test_a_file_that_is_not_a_jpeg_has_no_quality():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG")
    assert jpeg_quality(out.getvalue()) is None
    assert jpeg_quality(b"\xff\xd8\xff") is None  # cut short before any table


def report() -> None:
    """Prints the estimate's error in each case the tests cover (and a few more)."""
    import tempfile

    errors: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        kits = {
            "sample": sample(base),
            "photos 6 x 2400x1600 q92": photo_kit(base / "p1", stills=6),
            "photos 12 x 4000x2667 q95": photo_kit(
                base / "p2", stills=12, size=(4000, 2667), quality=95, seed=50
            ),
        }
        cases = [{"theme": t, "profile": p} for t in THEMES for p in PROFILES]
        cases += [
            {"profile": "screen", "sections": ["cover", "films", "stills"]},
            {"profile": "print", "sections": ["bio", "interview", "contact"]},
        ]
        for name in TINY:
            folder = base / name.replace(" ", "-")
            folder.mkdir()
            kits[f"tiny: {name}"] = tiny_kit(folder, name)
        for name, path in kits.items():
            for options in cases:
                tiny = name.startswith("tiny")
                if options.get("theme", "classic") != "classic" and name != "sample" and not tiny:
                    continue
                if tiny and "sections" in options:
                    continue
                with tempfile.TemporaryDirectory() as scratch:
                    kit = path if tiny else fresh(path, Path(scratch))
                    estimate, real = estimated_and_real(kit, **options)
                chosen = ", ".join(f"{k}={v}" for k, v in options.items())
                errors.append(estimate / real - 1)
                print(
                    f"{name:26} {chosen:52} real {real / 1e3:8.0f} KB  "
                    f"estimate {estimate / 1e3:8.0f} KB  error {errors[-1]:+.1%}"
                )
    print(
        f"{len(errors)} cases: mean |error| {sum(map(abs, errors)) / len(errors):.2%}, "
        f"worst {max(errors, key=abs):+.1%}"
    )


if __name__ == "__main__":
    report()


FRESH_ESTIMATE = """
import sys
from presskit import model, render
from presskit.render.estimate import estimate_size
from presskit.store import KitFile
film = model.Film(
    id="f1", title="바다", status="released", roles=["감독"],
    credits=[model.Credit(role="촬영", name="송임선")],
    festivals=[model.Festival(name="부산국제영화제", year=2025)],
)
kit = model.PressKit(person=model.Person(name="송임선", roles=["감독"]), films=[film])
with KitFile.create(sys.argv[1], kit) as kit_file:
    options = render.Options(theme=sys.argv[2])
    print(estimate_size(kit, kit_file, options), len(render.render_pdf(kit, kit_file, options).pdf))
"""


@pytest.mark.parametrize("theme", THEMES)
def test_a_fresh_process_estimates_hangul_in_bold_labels(tmp_path, theme):
    """Before anything is drawn, no font but those the planning pass asks for is loaded:
    the estimate asks for the fallback's bold its labels will be set in (it once asked
    ReportLab for a font nobody had loaded, and failed)."""
    done = subprocess.run(
        [sys.executable, "-c", FRESH_ESTIMATE, str(tmp_path / "k.presskit"), theme],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    estimate, real = map(int, done.stdout.split())
    assert abs(real - estimate) <= TOLERANCE * real, (estimate, real)
