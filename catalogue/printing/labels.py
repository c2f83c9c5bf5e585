"""A4 sheets of QR labels for products in force: the code on the left, name, stars and id beside it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..jobs.cache import digest, plain
from ..label_sheet import LabelSheet
from ..languages import t
from ..makers.fonts import PT, new_pdf
from ..makers.qr import QUIET_ZONE, QrMatrix, encode
from ..makers.qr_pdf import draw_qr
from . import text
from .calibration import calibration_pdf
from .items import PrintItem, check_lang, require_in_force
from .kept_pieces import KeptPieces, number_glyphs
from .stars import draw_star_phrase, star_phrase

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["LabelSheet", "calibration_pdf", "label_sheet_pdf", "qr_module"]

PAD = 2.0  # mm between a label's edge and anything dark printed on it
MIN_MODULE = 0.5  # mm; smaller codes are unreliable for phone cameras at 20–30 cm
MAX_CODE_SHARE = 0.6  # of the label width, so that the text keeps the rest
MIN_NAME_PT, MIN_ID_PT = 6.0, 4.5
ID_LEADING = 1.1  # ids are plain ASCII, with no tone marks to make room for
INK, GREY, GREEN = (17, 17, 17), (85, 85, 85), (11, 110, 79)


def qr_module(sheet: LabelSheet, matrix: QrMatrix) -> float:
    """Module size in mm of `matrix` on a label of `sheet`: as large as the label allows.

    The code (quiet zone included) fits the label height, its dark modules stay `PAD` from the
    edges (the white quiet zone counts as padding), and it takes at most `MAX_CODE_SHARE` of the
    width. Raises ValueError, naming the sheet, when that gives modules below `MIN_MODULE`.
    """
    height, inner = sheet.label_height, matrix.size - 2 * QUIET_ZONE
    module = min(height / matrix.size, (height - 2 * PAD) / inner, MAX_CODE_SHARE * sheet.label_width / matrix.size)
    if module < MIN_MODULE:
        raise ValueError(
            f"labels: on {sheet.name} the QR code of {matrix.text} (version {matrix.version}, {matrix.size} modules with its quiet zone) "
            f"gets {module:.2f} mm modules, below {MIN_MODULE} mm; choose a sheet with taller labels or a shorter site_url"
        )
    return module


def label_sheet_pdf(
    items: Sequence[PrintItem], sheet: LabelSheet, lang: str, codes: Mapping[str, QrMatrix] | None = None, kept: KeptPieces | None = None
) -> bytes:
    """An A4 PDF with one label per item in grid order (across, then down), as many pages as needed.

    Names are in `lang` ('vi', or 'en' with the Vietnamese name when there is no English one).
    `codes` holds the codes already made, by URL (the site's QR files read back, see
    `catalogue.makers.qr.from_svg`): encoding costs about 17 ms a code, over half a minute a
    language at 2,000 labels; a URL not in it is encoded here. Only products in force get labels:
    an expired or revoked item is a ValueError, and so is an empty list or a code too small for the
    sheet (see `qr_module`). With `kept`, a page drawn by an earlier build the same way is put
    back as it was drawn (the same bytes).
    """
    check_lang(lang)
    require_in_force(items, "labels")
    if not items:
        raise ValueError("labels: no products to label")
    made = codes or {}
    matrices = [made.get(item.url) or encode(item.url) for item in items]
    modules = [qr_module(sheet, matrix) for matrix in matrices]
    pdf = new_pdf("A4", title=t(lang, "labels_title"))
    number_glyphs(pdf)
    kept = kept or KeptPieces(None)
    labels = list(zip(items, matrices, modules, strict=True))
    for first in range(0, len(labels), sheet.per_page):
        page = labels[first : first + sheet.per_page]
        pdf.add_page()
        kept.draw(pdf, _page_key(page, sheet, lang, first), lambda: _draw_page(pdf, page, sheet, lang, first))  # noqa: B023 (called at once)
    return kept.output(pdf)


def _draw_page(pdf: FPDF, labels: list[tuple[PrintItem, QrMatrix, float]], sheet: LabelSheet, lang: str, first: int) -> None:
    """The labels of one page, the first of them the `first`-th of the sheet."""
    for index, (item, matrix, module) in enumerate(labels, start=first):
        _, x, y = sheet.origin(index)
        side = module * matrix.size
        margin = (sheet.label_height - side) / 2
        draw_qr(pdf, matrix, x + margin, y + margin, side)
        # The code's own quiet zone separates it from the text.
        box = (x + margin + side, y + PAD, x + sheet.label_width - PAD, y + sheet.label_height - PAD)
        _draw_text(pdf, box, item, lang, sheet.label_height)


def _page_key(labels: list[tuple[PrintItem, QrMatrix, float]], sheet: LabelSheet, lang: str, first: int) -> str:
    """What `_draw_page` draws, as a key for the pieces kept between builds (`kept_pieces`)."""
    shown = [(plain(item), matrix.text, matrix.version, module, matrix.modules_digest) for item, matrix, module in labels]
    return digest("labels-page", shown, sheet.model_dump(mode="json"), lang, first)


def _draw_text(pdf: FPDF, box: tuple[float, float, float, float], item: PrintItem, lang: str, label_height: float) -> None:
    """Name (up to 3 lines), star phrase and id, as a block centred in `box` (left, top, right, bottom)."""
    left, top, right, bottom = box
    width, height = right - left, bottom - top
    name_pt, stars_pt, id_pt = _sizes(label_height)
    gap = 0.03 * label_height
    phrase = star_phrase(pdf, item.stars, lang, stars_pt, width)
    ident = text.fit(pdf, item.id, (width, 2 * id_pt * PT * ID_LEADING), "regular", (id_pt, MIN_ID_PT), 2, leading=ID_LEADING)
    room = height - phrase.height - ident.height - 2 * gap
    name = text.fit(pdf, item.display_name(lang), (width, room), "bold", (name_pt, MIN_NAME_PT), 3)
    y = top + (room - name.height) / 2
    pdf.set_text_color(*INK)
    text.draw(pdf, name, left, y)
    y += name.height + gap
    draw_star_phrase(pdf, phrase, left, y, GREEN)
    pdf.set_text_color(*GREY)
    text.draw(pdf, ident, left, y + phrase.height + gap)


def _sizes(label_height: float) -> tuple[float, float, float]:
    """Largest sizes in points of the name, star phrase and id: 38.1 mm labels get 10 / 7.5 / 6 pt."""

    def clamp(value: float, low: float, high: float) -> float:
        return round(max(low, min(high, value)) * 2) / 2

    return clamp(label_height * 0.27, MIN_NAME_PT, 11), clamp(label_height * 0.2, 6, 8), clamp(label_height * 0.16, MIN_ID_PT, 6.5)
