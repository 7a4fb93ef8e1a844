"""Preflight: what would embarrass a filmmaker in front of a festival, found before export.

Each finding has a severity (error: fix before sending; warning: worth fixing; tip), the
place it is about (a path such as ``stills[2].credit``, which the editor can select) and
one sentence. Data problems from ``model.validate`` come first, as errors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from presskit import model
from presskit.errors import DamagedImageError, MissingImageError
from presskit.model import limits
from presskit.model.validate import film_label, still_label
from presskit.render.document import (
    PAGE_SIZES,
    Options,
    check_layout,
    nothing_to_show,
    placements,
)
from presskit.render.fonts import FALLBACKS, family
from presskit.render.images import AssetSource
from presskit.render.layout_check import Fault
from presskit.render.themes import load_theme

MIN_PRINT_DPI = 200
LOGLINE_WORDS = 50
SEVERITIES = ("error", "warning", "tip")
_QUOTED = re.compile(r"[“\"]([^”\"]{1,80}?)[,.]?[”\"]")


@dataclass(frozen=True)
class Finding:
    severity: str
    where: str
    message: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def check(
    kit: model.PressKit,
    source: AssetSource | None = None,
    *,
    deep: bool = False,
    layout: bool = True,
) -> list[Finding]:
    """Every finding, errors first. Without a ``source`` the image checks are skipped;
    ``deep`` reads every picture to check it is whole (see ``picture_findings``);
    ``layout=False`` leaves out the layout checker's faults, for a caller that has them from
    its own render (``layout_findings``). A brand-new kit has none: that its sections are
    empty is no news before anything is typed."""
    if kit.is_blank():
        return []
    findings = [Finding("error", p.where, p.message) for p in model.validate(kit)]
    findings += _sizes(kit)
    if limits.first_refusal(kit):  # past a hard limit: the rest would only take long
        return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
    findings += _stills(kit)
    if source is not None:
        findings += picture_findings(kit, source, deep=deep)
        findings += _resolution(kit, source)
        if layout:
            findings += _layout(kit, source)
    findings += _films(kit)
    findings += _sections(kit)
    findings += _links(kit)
    findings += _characters(kit)
    findings += _title_spellings(kit)
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def _sizes(kit: model.PressKit) -> list[Finding]:
    """Fields and lists past their limits (model.limits): long is a warning, past the hard
    limit an error, since the export refuses it."""
    return [
        Finding("error" if e.hard else "warning", e.where, e.message) for e in limits.excesses(kit)
    ]


def picture_findings(
    kit: model.PressKit, source: AssetSource, *, deep: bool = False
) -> list[Finding]:
    """An error for each included still whose picture is missing from the file or damaged
    in it. Cheap by default (presence and stored size); ``deep`` checks every byte.
    Equivalent mutant (make mutants): "deep=True" as the default; every caller passes it."""
    stills = [(i, s) for i, s in enumerate(kit.stills) if s.included and s.asset]
    problems = _picture_problems(source, [s.asset for _i, s in stills], deep)
    found = []
    for i, still in stills:
        problem = problems.get(still.asset)
        if problem == "missing":
            sentence = "its picture is missing from the file"
        elif problem == "damaged":
            sentence = "its picture is damaged in the file; add the photograph again"
        else:
            continue
        found.append(
            Finding("error", f"stills[{i}].asset", f"{_still_label(i, still)}: {sentence}.")
        )
    return found


def picture_sentences(kit: model.PressKit, source: AssetSource, *, deep: bool = False) -> list[str]:
    """The stills that would print as a "picture missing" box, one sentence each, for a
    dialog to ask about before exporting without them."""
    return [f.message for f in picture_findings(kit, source, deep=deep)]


def _picture_problems(source: AssetSource, sha256s: list[str], deep: bool) -> dict[str, str]:
    # A kit file answers all at once. Equivalent mutants (make mutants): not asking it (None,
    # another name); picture by picture below gives the same answers, only slower.
    own = getattr(source, "picture_problems", None)
    if own is not None:
        return own(sha256s, deep=deep)
    problems = {}
    for sha in sha256s:
        try:
            source.asset_bytes(sha) if deep else source.asset_info(sha)
        except MissingImageError as err:
            problems[sha] = "damaged" if isinstance(err, DamagedImageError) else "missing"
    return problems


def _still_label(index: int, still: model.Still) -> str:
    return still_label(index, still.caption)


def _stills(kit: model.PressKit) -> list[Finding]:
    found = []
    seen: dict[str, int] = {}
    for i, still in enumerate(kit.stills):
        label = _still_label(i, still)
        if not still.credit.strip():
            found.append(
                Finding("error", f"stills[{i}].credit", f"{label} has no photographer credit.")
            )
        if not still.alt.strip():
            found.append(
                Finding(
                    "warning",
                    f"stills[{i}].alt",
                    f"{label} has no description for readers who cannot see it.",
                )
            )
        if still.asset and still.asset in seen:
            first = seen[still.asset]
            found.append(
                Finding(
                    "warning",
                    f"stills[{i}].asset",
                    f"{label} is the same image as still {first + 1}.",
                )
            )
        seen.setdefault(still.asset, i)
    return found


def _resolution(kit: model.PressKit, source: AssetSource) -> list[Finding]:
    """Stills too small to print sharply where the layout places them."""
    found = []
    if kit.design.page_size not in PAGE_SIZES:
        return found
    boxes = placements(kit, source, Options(profile="print"))
    for i, still in enumerate(kit.stills):
        if still.asset not in boxes:
            continue
        try:
            info = source.asset_info(still.asset)
        except Exception:
            # Equivalent mutant (make mutants): "break"; placements() read every placed
            # picture's info already, so only a source failing between the two reads gets here.
            continue
        width_pt = boxes[still.asset][0]
        dpi = info.width / (width_pt / 72)
        if dpi < MIN_PRINT_DPI:
            found.append(
                Finding(
                    "warning",
                    f"stills[{i}].asset",
                    f"{_still_label(i, still)} is {info.width} pixels wide, {dpi:.0f} dpi in "
                    f"its place, so it prints smaller than the layout has room for; print "
                    f"wants {MIN_PRINT_DPI} or more.",
                )
            )
    return found


def _layout(kit: model.PressKit, source: AssetSource) -> list[Finding]:
    """The layout checker's faults in the kit's own theme and page size, as warnings."""
    # Equivalent mutant (make mutants): nothing_to_show(kit, None). With no source every
    # picture is missing; a kit that then shows nothing has no text at all (every section but
    # the cover sets a heading or a folio), so only its cover picture: one page, the picture
    # fitted inside the frame, where the checker finds nothing.
    if kit.design.page_size not in PAGE_SIZES or nothing_to_show(kit, source):
        return []
    # Equivalent mutant (make mutants): Options() without the profile; "screen" is its default.
    return layout_findings(check_layout(kit, source, Options(profile="screen")).faults)


def layout_findings(faults: Iterable[Fault]) -> list[Finding]:
    """The layout checker's faults (``render.layout_check``) as warnings about the design."""
    return [Finding("warning", "design", f"Page {f.page}: {f.detail}") for f in faults]


def _films(kit: model.PressKit) -> list[Finding]:
    found = []
    for i, film in enumerate(kit.films):
        label = film_label(i, film.title)
        if not film.logline.strip():
            found.append(Finding("warning", f"films[{i}].logline", f"{label} has no logline."))
        elif (words := len(film.logline.split())) > LOGLINE_WORDS:
            found.append(
                Finding(
                    "warning",
                    f"films[{i}].logline",
                    f"{label}'s logline is {words} words; keep it under {LOGLINE_WORDS}.",
                )
            )
        if not film.status.strip():
            found.append(Finding("error", f"films[{i}].status", f"{label} has no status."))
    return found


def _section_is_empty(kit: model.PressKit, name: str) -> bool:
    # Equivalent mutants (make mutants): ".get(name, None)" or ".get(name)"; None is false too.
    return {
        "cover": not kit.person.name.strip(),
        "bio": not (kit.person.bio_short.strip() or kit.person.bio_long.strip()),
        "interview": not kit.interview.items,
        "films": not kit.films,
        "stills": not any(s.included and s.asset for s in kit.stills),
        "contact": not (kit.links or any(vars(kit.contact).values())),
    }.get(name, False)


def _sections(kit: model.PressKit) -> list[Finding]:
    return [
        Finding(
            "warning",
            f"design.sections[{i}]",
            f"The {setting.name} section is shown but has nothing in it; fill it or hide it.",
        )
        for i, setting in enumerate(kit.design.sections)
        if setting.visible and _section_is_empty(kit, setting.name)
    ]


def _links(kit: model.PressKit) -> list[Finding]:
    places = [(f"links[{i}].url", link) for i, link in enumerate(kit.links)]
    for f, film in enumerate(kit.films):
        places += [(f"films[{f}].links[{i}].url", link) for i, link in enumerate(film.links)]
    return [
        Finding(
            "tip",
            where,
            f"The link “{link.label or link.url}” is not https; secure links open without a warning.",
        )
        for where, link in places
        if link.url.strip().lower().startswith("http://")
    ]


def _text_fields(node: object, path: str = "") -> list[tuple[str, str]]:
    """Every text in the kit with its path."""
    if isinstance(node, str):
        return [(path, node)]
    if isinstance(node, list):
        return [
            item for i, value in enumerate(node) for item in _text_fields(value, f"{path}[{i}]")
        ]
    if hasattr(node, "__dataclass_fields__"):
        # Equivalent mutant (make mutants): "X" stripped too; no field's name starts with it.
        return [
            item
            for name in node.__dataclass_fields__
            if name not in ("id", "asset", "film", "portrait", "key_still", "cover_still")
            for item in _text_fields(getattr(node, name), f"{path}.{name}".lstrip("."))
        ]
    return []


def _characters(kit: model.PressKit) -> list[Finding]:
    """Characters none of the theme's fonts nor the fallbacks can draw."""
    theme = load_theme(kit.design.theme) if kit.design.theme else None
    faces = {theme.fonts.text, theme.fonts.display, theme.fonts.label} if theme else set()
    covered = set().union(*(family(name).covers for name in (*faces, *FALLBACKS)))
    found = []
    for where, text in _text_fields(kit):
        missing = sorted(
            {c for c in text if ord(c) not in covered and c.isprintable() and not c.isspace()}
        )
        if missing:
            found.append(
                Finding(
                    "warning",
                    where,
                    f"No font in the kit can draw {' '.join(missing)}; it will be left out.",
                )
            )
    return found


def _title_spellings(kit: model.PressKit) -> list[Finding]:
    """A film named in the interview a little differently from its listing ("Dragon Fly").

    Each distinct quote is compared once, with difflib's quick bounds first, against the
    closest title only: a kit with 1,000 films and long answers full of quotes once made
    this check run for minutes and name a quote once for every similar title."""
    titles = {film.title.casefold(): film.title for film in kit.films if film.title.strip()}
    closest: dict[str, str | None] = {}
    found = []
    for i, qa in enumerate(kit.interview.items):
        for quoted in dict.fromkeys(_QUOTED.findall(qa.answer)):
            if quoted not in closest:
                # Equivalent mutants (make mutants): any n; the closest comes first.
                match = difflib.get_close_matches(quoted.casefold(), titles, n=1, cutoff=0.8)
                title = titles[match[0]] if match else None
                closest[quoted] = title if title != quoted else None
            if title := closest[quoted]:
                found.append(
                    Finding(
                        "tip",
                        f"interview.items[{i}].answer",
                        f"The interview names “{quoted}”, but the film is listed as “{title}”.",
                    )
                )
    return found
