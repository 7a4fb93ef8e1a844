"""The few flowables Platypus does not have: outline entries, letter-spaced labels, rules,
a keep-together that measures as the frame lays out."""

from __future__ import annotations

import functools
from io import BytesIO

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.flowables import _listWrapOn

from presskit.render.fonts import Coverage, Family, runs


class Bookmark(Flowable):
    """An entry in the PDF's outline, pointing at where it stands in the flow."""

    def __init__(self, title: str, key: str, level: int = 0):
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class SpacedLabel(Flowable):
    """One line of letter-spaced capitals (roles, status): Paragraph cannot track letters."""

    def __init__(
        self,
        text: str,
        face: Family,
        size: float,
        colour: Color,
        tracking: float,
        coverage: Coverage,
        *,
        bold: bool = False,
        space_after: float = 0,
    ):
        super().__init__()
        self.face, self.size, self.colour, self.tracking, self.bold = (
            face,
            size,
            colour,
            tracking,
            bold,
        )
        self.runs = [(fam or face, chunk) for fam, chunk in runs(text.upper(), face, coverage)]
        self.spaceAfter = space_after
        self.scale = 1.0

    def _font(self, fam: Family) -> str:
        return fam.bold if self.bold else fam.regular

    def _natural_width(self) -> float:
        return sum(
            stringWidth(chunk, self._font(fam), self.size) + self.tracking * len(chunk)
            for fam, chunk in self.runs
        )

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        natural = self._natural_width()
        self.scale = min(1.0, available_width / natural) if natural else 1.0  # shrink, never clip
        self.width = natural * self.scale
        self.height = self.size * self.scale * 1.45
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size, tracking = self.size * self.scale, self.tracking * self.scale
        canvas.setFillColor(self.colour)
        x, baseline = 0.0, self.height - size * 1.05
        for fam, chunk in self.runs:
            canvas.setFont(self._font(fam), size)
            canvas.drawString(x, baseline, chunk, charSpace=tracking)
            x += stringWidth(chunk, self._font(fam), size) + tracking * len(chunk)


class Rule(Flowable):
    """A thin horizontal rule: the accent's quiet use under section titles."""

    def __init__(
        self,
        colour: Color,
        thickness: float = 0.6,
        width_fraction: float = 1.0,
        space_after: float = 0,
    ):
        super().__init__()
        self.colour, self.thickness, self.fraction = colour, thickness, width_fraction
        self.spaceAfter = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width * self.fraction
        self.height = self.thickness
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 0, self.width, 0)


class JpegReader(ImageReader):
    """A rendition's JPEG bytes, passed into the PDF as they are (no re-encoding).

    ReportLab names each image by hashing its decoded pixels, which would decode every JPEG
    once more for nothing; a rendition already has a unique key, so that is its name.
    """

    def __init__(self, data: bytes, key: str):
        super().__init__(BytesIO(data))
        self._key = key

    def getRGBData(self) -> bytes:
        self._dataA = None
        return self._key.encode()


class PlacedImage(Flowable):
    """A still at its placed size, centred in the ``place`` the layout gave it (when the
    picture is smaller than that place: too few pixels to fill it sharply)."""

    def __init__(
        self,
        reader: JpegReader,
        width: float,
        height: float,
        place: tuple[float, float] | None = None,
    ):
        super().__init__()
        self.reader, self.picture = reader, (width, height)
        self.width, self.height = place or (width, height)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        width, height = self.picture
        x, y = (self.width - width) / 2, (self.height - height) / 2
        self.canv.drawImage(self.reader, x, y, width, height)


class BleedImage(Flowable):
    """A still across the whole page width, edge to edge, in a flow whose frame is narrower:
    it takes the frame's width and ``height`` in the flow and draws ``bleed`` points past
    each side; a picture taller than ``height`` at that width loses as much top and bottom.
    Opening a page, it also runs up over the top margin to the page's edge (``room_above``,
    which the frame sets), enlarged as need be and losing as much of its sides."""

    def __init__(self, reader: JpegReader, width: float, height: float, bleed: float):
        super().__init__()
        self.reader, self.width, self.height, self.bleed = reader, width, height, bleed
        self.room_above = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        pixels_wide, pixels_high = self.reader.getSize()
        across = self.width + 2 * self.bleed
        shown = self.height + self.room_above
        scale = max(1.0, shown / (across * pixels_high / pixels_wide))  # cover the box
        wide, tall = across * scale, across * scale * pixels_high / pixels_wide
        path = self.canv.beginPath()
        path.rect(-self.bleed, 0, across, shown)
        self.canv.saveState()
        self.canv.clipPath(path, stroke=0, fill=0)
        x = -self.bleed - (wide - across) / 2
        self.canv.drawImage(self.reader, x, (shown - tall) / 2, wide, tall)
        self.canv.restoreState()


class MissingPicture(Flowable):
    """Where a still's picture would stand when the kit file lacks it or holds it damaged: a
    marked box, so the preview and the PDF show the gap instead of closing it silently."""

    TEXT = "Picture missing from the kit file"

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width, self.height = width, height

    @classmethod
    def in_box(cls, box: tuple[float, float]) -> MissingPicture:
        """A 3:2 box across ``box`` (the picture's own shape is unknown)."""
        return cls(box[0], min(box[1], box[0] * 2 / 3))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(Color(0.93, 0.93, 0.93))
        canvas.setStrokeColor(Color(0.55, 0.55, 0.55))
        canvas.setLineWidth(0.8)
        canvas.setDash(4, 3)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canvas.setFillColor(Color(0.3, 0.3, 0.3))
        size = max(5.0, min(10.0, self.width / len(self.TEXT) * 1.8))
        canvas.setFont("Helvetica", size)
        canvas.drawCentredString(self.width / 2, self.height / 2 - size / 3, self.TEXT)
        canvas.restoreState()


class LongText(Flowable):
    """One very long paragraph set as consecutive pieces (see ``markup.pieces``).

    ReportLab re-breaks a whole paragraph each time it splits it across a page, so a
    paragraph of n characters costs n² (a 400,000-character bio took half a minute, a 40 MB
    one hours). Pieces of a bounded size, wrapped only as far as the page in hand needs,
    make the cost linear. A piece starts on a new line, which such text can spare.
    """

    def __init__(self, parts: list[Flowable], space_before: float = 0, space_after: float = 0):
        super().__init__()
        self.parts = parts
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._heights: list[float] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._heights = []
        for part in self.parts:
            self._heights.append(part.wrap(available_width, available_height)[1])
            if sum(self._heights) > available_height:
                break  # it will not fit here: the frame splits it, so measuring on is waste
        self.width, self.height = available_width, sum(self._heights)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        placed: list[Flowable] = []
        used = 0.0
        for i, part in enumerate(self.parts):
            height = part.wrap(available_width, available_height)[1]
            if used + height <= available_height:
                placed.append(part)
                used += height
                continue
            halves = part.split(available_width, available_height - used)
            rest = [*halves[1:], *self.parts[i + 1 :]] if halves else self.parts[i:]
            placed += halves[:1]
            break
        else:
            return [self]
        if not placed:
            return []
        return [LongText(placed, self.spaceBefore), LongText(rest, 0, self.spaceAfter)]

    def draw(self) -> None:
        y = self.height
        for part, height in zip(self.parts, self._heights, strict=False):
            y -= height
            part.drawOn(self.canv, 0, y)


class KeepWhole(KeepTogether):
    """KeepTogether that measures its content as the frame lays it out.

    ReportLab's measure takes the first flowable with a height for the block's top and
    leaves out its space before, and the frame takes off only the space before of the
    block's first flowable: when that is an outline entry (no height, no space) before a
    section title, the title's space went uncounted, the block ran off the page and left
    its heading or label at the foot.
    """

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, available_width, self.canv, dims=dims)
        placed = [f for f in self._content if not hasattr(f, "frameAction")]
        sized = [f for f, (_w, h) in zip(placed, dims, strict=False) if h > 0]
        if sized and sized[0] is not placed[0]:
            height += sized[0].getSpaceBefore()
        self._H, self._H0 = height, dims[0][1] if dims else 0
        self._wrapInfo = available_width, available_height
        return width, 0xFFFFFF  # as KeepTogether: always asked to split, which keeps or moves it


class SharedLinesParagraph(Paragraph):
    """A paragraph whose copies share its line breaks, per width: a render measures the same
    paragraph many times (kept blocks, refits), and breaking its lines is most of that.
    Only a paragraph given ``lines = {}`` shares; the parts a page's foot splits it into
    are paragraphs of their own."""

    lines: dict[object, object] | None = None

    def breakLines(self, width: object) -> object:  # ReportLab's name
        if self.lines is None:
            return super().breakLines(width)
        key = tuple(width) if isinstance(width, list) else width
        found = self.lines.get(key)
        if found is None:
            found = self.lines[key] = super().breakLines(width)
        return found


class KeepWholeOrPart(KeepWhole):
    """Kept whole on one page, unless that leaves ``spare`` points or more of this page
    empty: then it parts after its first ``head`` flowables (kept together) where they fit,
    and the rest follows on (a film's stills: the title and first row, then row by row)."""

    def __init__(self, flowables: list[Flowable], head: int, spare: float):
        super().__init__(flowables)
        self.head, self.spare = head, spare

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        whole = super().split(available_width, available_height)
        moves = len(whole) > len(self._content)  # a break before it: it does not fit here
        if moves and available_height >= self.spare:
            head = KeepWhole(self._content[: self.head])
            head.canv = self.canv
            head.wrap(available_width, available_height)
            if available_height >= head._H:  # it starts here, parting where the page ends
                return list(self._content)
        return whole


class Marker(Flowable):
    """Nothing to see: marks a place in the flow for the record of where things landed."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


@functools.lru_cache(maxsize=64)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The dark and light modules of ``url``'s QR code, row by row (encoded once: a render
    lays its pages out several times)."""
    # Imported here: ReportLab's barcode package loads every kind of barcode, a hundredth
    # of a second that an export without a QR code need not spend.
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(dark) for dark in row) for row in code.modules)


class QrCode(Flowable):
    """A link as a QR code ``side`` points square, drawn as vector squares on the canvas
    (ReportLab's QR widget draws through a Drawing, which selects Helvetica: an unembedded
    font in the PDF). Four modules of quiet zone are kept round it, as the standard asks."""

    QUIET = 4  # modules

    def __init__(self, url: str, side: float):
        super().__init__()
        self.modules = qr_modules(url)
        self.width = self.height = side

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        """Each row's runs of dark modules as one rectangle, all in one filled path: no
        seam between neighbours in a reader's anti-aliasing, half the rectangles and one
        fill (it was a rectangle and a fill per module)."""
        module = self.width / (len(self.modules) + 2 * self.QUIET)
        path = self.canv.beginPath()
        for row, cells in enumerate(self.modules):
            y = self.height - (row + self.QUIET + 1) * module
            for column, run in dark_runs(cells):
                path.rect((column + self.QUIET) * module, y, run * module, module)
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)


def dark_runs(cells: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(first column, length) of each run of dark modules in a row."""
    found, start = [], None
    for column, dark in enumerate((*cells, False)):
        if dark and start is None:
            start = column
        elif not dark and start is not None:
            found.append((start, column - start))
            start = None
    return found


class KeepWithStart(KeepWhole):
    """A keepWithNext chain (a heading, a question) kept with the first lines of the
    paragraph that follows, not the whole of it: a long answer starts under its question and
    runs on to the next page, instead of taking its question to a new page and leaving the
    foot of this one empty."""

    START_LINES = 3  # the paragraph's lines kept with the chain (orphans are off: 2 at least)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = super().wrap(available_width, available_height)
        last = self._content[-1]
        if isinstance(last, Paragraph) and last.height > 0:
            start = min(last.height, self.START_LINES * last.style.leading)
            self._H -= last.height - start
        return width, height
