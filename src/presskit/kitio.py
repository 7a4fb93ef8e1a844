"""Kits in and out as interchange JSON with their images, and image files taken in as stills.

The jobs the command line and the window share: a new kit from JSON or from the bundled
sample, a dump with its images written beside it, photographs added with their credits.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from presskit import imaging, model
from presskit.bundled import sample_dir
from presskit.errors import ImageImportError, InterchangeError, KitFileError, MissingImageError
from presskit.imaging.renditions import is_whole, make_rendition
from presskit.store import KitFile, NewAsset

_SPEC = re.compile(r"[a-z]+:(\d+)x(\d+):q(\d+)")  # render.images.spec_for: "print:800x533:q90"


@dataclass(frozen=True)
class ImportedImage:
    """An image file read, checked and ready to store, with the metadata it offers."""

    asset: NewAsset
    sha256: str
    info: imaging.ImageInfo


def import_image(path: str | os.PathLike[str]) -> ImportedImage:
    """Reads and checks one image file; ImageImportError says in one sentence what is wrong."""
    path = Path(path)
    data = imaging.read_image_file(path)
    info = imaging.probe(data, path.name)
    asset = NewAsset(
        data=data, name=path.name, mime=info.mime, width=info.width, height=info.height
    )
    return ImportedImage(asset, asset.sha256, info)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def still_for(image: ImportedImage, kit: model.PressKit, **fields: str) -> model.Still:
    """A still for an imported image: the given fields first, then what the image's metadata offers."""
    return model.Still(
        id=model.new_still_id(kit),
        asset=image.sha256,
        caption=fields.get("caption") or image.info.caption,
        credit=fields.get("credit") or image.info.credit,
        copyright=fields.get("copyright") or image.info.copyright,
        film=fields.get("film", ""),
    )


def read_kit_json(path: str | os.PathLike[str]) -> tuple[model.PressKit, list[NewAsset]]:
    """A kit and its images from interchange JSON; image paths are relative to the JSON's folder."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InterchangeError(
            f"“{path.name}” is not UTF-8 text, so it cannot be kit JSON."
        ) from None
    except OSError as err:
        raise InterchangeError(f"Cannot read “{path.name}”: {err.strerror or err}.") from None
    data = model.parse_json(text)
    kit = model.from_dict(data)
    model.assign_missing_ids(kit)
    raw_stills = data.get("stills", []) if isinstance(data, dict) else []
    assets: dict[str, NewAsset] = {}
    for still, raw in zip(kit.stills, raw_stills, strict=True):
        image_path = raw.get("image") if isinstance(raw, dict) else None
        if image_path is None:
            if not still.asset:
                raise InterchangeError(f"Still “{still.id}” has no image path.")
            raise InterchangeError(
                f"Still “{still.id}” names a stored image but no image file; "
                "dump the kit with --assets DIR to write its images."
            )
        if not isinstance(image_path, str):
            raise InterchangeError(f"Still “{still.id}” has an image path that is not text.")
        imported = import_image(path.parent / image_path)
        still.asset = imported.sha256
        assets.setdefault(imported.sha256, imported.asset)
    return kit, list(assets.values())


def create_kit(
    path: str | os.PathLike[str], json_path: str | os.PathLike[str] | None = None
) -> KitFile:
    """A new kit file: empty, or filled from interchange JSON. Never overwrites a file."""
    if Path(path).exists():
        raise KitFileError(f"“{Path(path).name}” already exists; choose another name.")
    if json_path is None:
        return KitFile.create(path, model.PressKit())
    kit, assets = read_kit_json(json_path)
    return KitFile.create(path, kit, assets)


def sample_json() -> Path:
    return sample_dir() / "kit.json"


def dump_kit(kit_file: KitFile, assets_dir: str | os.PathLike[str] | None = None) -> str:
    """The kit as interchange JSON; with ``assets_dir``, its images are written there and
    each still gets an ``image`` path (as given, so relative to where the JSON is kept)."""
    kit = kit_file.load()
    data = model.to_dict(kit)
    if assets_dir is not None:
        names = _write_assets(kit_file, kit, Path(assets_dir))
        for raw in data["stills"]:
            if raw["asset"] in names:
                raw["image"] = Path(assets_dir, names[raw["asset"]]).as_posix()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write_assets(kit_file: KitFile, kit: model.PressKit, folder: Path) -> dict[str, str]:
    """Writes each image once, under its original file name (numbered when two share one)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KitFileError(f"Cannot make the folder “{folder}”: {err.strerror or err}.") from None
    names: dict[str, str] = {}
    taken: set[str] = set()
    for still in kit.stills:
        if not still.asset or still.asset in names:
            continue
        name = model.unique_name(_safe_file_name(kit_file.asset_info(still.asset).name), taken)
        taken.add(model.name_key(name))
        try:
            (folder / name).write_bytes(kit_file.asset_bytes(still.asset))
        except OSError as err:
            raise KitFileError(
                f"Cannot write “{name}” into “{folder}”: {err.strerror or err}."
            ) from None
        names[still.asset] = name
    return names


def _safe_file_name(name: str) -> str:
    """The picture's own name made safe (``model.file_name``), its extension kept."""
    base = Path(name).name
    suffix = model.file_name(Path(base).suffix, fallback="")
    return model.file_name(Path(base).stem, fallback="image") + (f".{suffix}" if suffix else "")


def find_film(kit: model.PressKit, title_or_id: str) -> model.Film:
    wanted = title_or_id.strip().casefold()
    for film in kit.films:
        if wanted in (film.id.casefold(), film.title.strip().casefold()):
            return film
    titles = ", ".join(f"“{f.title}”" for f in kit.films) or "none yet"
    raise InterchangeError(f"The kit has no film called “{title_or_id}” (its films: {titles}).")


def add_stills(
    kit_file: KitFile, image_paths: list[str], **fields: str
) -> list[tuple[model.Still, ImportedImage]]:
    """Adds every image as a still, or none of them when one cannot be read."""
    kit = kit_file.load()
    if fields.get("film"):
        fields["film"] = find_film(kit, fields["film"]).id
    imported = [import_image(p) for p in image_paths]
    added = []
    for image in imported:
        still = still_for(image, kit, **fields)
        kit.stills.append(still)
        added.append((still, image))
    kit_file.save(kit, label="Added stills", new_assets=[image.asset for image in imported])
    return added


def remake_damaged_renditions(kit_file: KitFile) -> int:
    """Checks every cached rendition decodes whole; a damaged one is made again from its
    original (nothing is lost: it is a cache), or dropped when that cannot be done now.
    A read-only kit is only read. Returns how many were found damaged."""
    damaged = 0
    for sha, spec, width, height in kit_file.renditions():
        match = _SPEC.fullmatch(spec) if isinstance(spec, str) else None
        data = kit_file.get_rendition(sha, spec)
        if match and isinstance(data, bytes) and is_whole(data, (width, height)):
            continue
        damaged += 1
        if kit_file.read_only:
            continue
        try:
            if match is None:
                raise ImageImportError("a rendition of no known size")
            size = (int(match[1]), int(match[2]))  # what was asked for, as spec_for wrote it
            made = make_rendition(
                kit_file.asset_bytes(sha), kit_file.asset_info(sha).name, size, int(match[3])
            )
        except (MissingImageError, ImageImportError):
            kit_file.drop_rendition(sha, spec)  # the next export makes it, or marks the still
            continue
        kit_file.put_rendition(
            sha, spec, made.data, width=made.width, height=made.height, mime="image/jpeg"
        )
    return damaged
