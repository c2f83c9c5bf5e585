"""A5 posters for a fair table: photo, names, stars, the producer's phone and trade facts, a big QR
code and how to check the certificate."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..makers.fonts import new_pdf, set_font
from ..makers.images import PhotoError
from ..makers.qr import QrMatrix, encode
from ..makers.qr_pdf import draw_qr
from . import text
from .fact_lines import draw_fact_lines
from .items import PrintItem, require_in_force, stars_words
from .photo import cover_jpeg
from .stars import STAR_MIDDLE, draw_star_row

if TYPE_CHECKING:
    from fpdf import FPDF

A5_WIDTH, A5_HEIGHT = 148.0, 210.0
MARGIN = 10.0
PHOTO_BOX = (MARGIN, MARGIN, A5_WIDTH - 2 * MARGIN, 62.0)  # x, y, width, height
# mm with the quiet zone: the code takes what the names leave, read from a metre or two away
QR_SIDES = (62.0, 76.0)
FOOTER = 14.0
SCAN_VI, SCAN_EN = "Quét để xem chứng nhận", "Scan to check the certificate"
SECOND_LANGUAGE = "en"  # a poster is bilingual, Vietnamese and English, whatever languages the site has
INK, GREY, GREEN, PANEL = (17, 17, 17), (85, 85, 85), (11, 110, 79), (232, 239, 233)


@dataclass(frozen=True)
class PosterFacts:
    """What a buyer at the fair table reads besides the code: whom to call (`contact`, the
    producer's name and phone) and the trade facts' (label, text) lines, in Vietnamese."""

    contact: tuple[str, str]
    trade: tuple[tuple[str, str], ...] = ()


def poster_pdf(item: PrintItem, site_name: str, code: QrMatrix | None = None, facts: PosterFacts | None = None) -> bytes:
    """A one-page A5 portrait poster for a product in force; an expired or revoked one is a ValueError.

    `code` is the product's code already made (the QR job's SVG read back); without it the code is
    encoded from `item.url`.

    From the top: the photo (cover-cropped), the Vietnamese and English names, the stars, the QR
    `facts` (the producer's phone, then trade facts while the code keeps its 62 mm), the QR
    code (at least 62 mm with its quiet zone) beside "Quét để xem chứng nhận" / "Scan to check the
    certificate", the id and the address, and `site_name` at the foot.
    """
    require_in_force([item], "posters")
    title = f"{item.name} – OCOP {stars_words(item.stars, 'vi')}"
    pdf = new_pdf((A5_WIDTH, A5_HEIGHT), title=title, weights=("regular", "semibold", "bold"))
    pdf.add_page()
    _photo(pdf, item)
    width = A5_WIDTH - 2 * MARGIN
    y = PHOTO_BOX[1] + PHOTO_BOX[3] + 6
    name = text.fit(pdf, item.name, (width, 20), "bold", (22, 14), 2)
    pdf.set_text_color(*INK)
    text.draw(pdf, name, MARGIN, y)
    y += name.height + 1
    english = item.localized_name(SECOND_LANGUAGE)
    if english.lang == SECOND_LANGUAGE:
        second = text.fit(pdf, english.text, (width, 11.5), "regular", (13, 10), 2)
        pdf.set_text_color(*GREY)
        text.draw(pdf, second, MARGIN, y)
        y += second.height
    y = _stars(pdf, item, MARGIN, y + 3)
    if facts:
        room = A5_HEIGHT - FOOTER - QR_SIDES[0] - 1
        y = draw_fact_lines(pdf, [facts.contact, *facts.trade], MARGIN, y + 2.5, width, room, (10, 8))
    side = max(QR_SIDES[0], min(QR_SIDES[1], A5_HEIGHT - FOOTER - y))
    qr_x, qr_y = MARGIN - 2, y + (A5_HEIGHT - FOOTER - y - side) / 2  # its white quiet zone may reach into the margin
    draw_qr(pdf, code or encode(item.url), qr_x, qr_y, side)
    _scan_column(pdf, item, (qr_x + side, qr_y, A5_WIDTH - MARGIN, qr_y + side))
    _footer(pdf, site_name)
    return bytes(pdf.output())


def _photo(pdf: FPDF, item: PrintItem) -> None:
    """The cover photo, or a neutral panel when there is none or it cannot be read.

    An unreadable photo is already a problem reported (once) by the photo job; the poster stays useful.
    """
    x, y, width, height = PHOTO_BOX
    try:
        jpeg = cover_jpeg(item.photo, (width, height)) if item.photo else None
    except PhotoError:
        jpeg = None
    if jpeg is None:
        pdf.set_fill_color(*PANEL)
        pdf.rect(x, y, width, height, style="F")
        return
    pdf.image(io.BytesIO(jpeg), x=x, y=y, w=width, h=height)


def _stars(pdf: FPDF, item: PrintItem, x: float, y: float) -> float:
    """Big drawn stars, then 'OCOP 4 sao / 4-star OCOP' on the same line; return the y below them."""
    em = 7.0
    baseline = y + em * 0.85
    draw_star_row(pdf, x, baseline - STAR_MIDDLE * em, item.stars, em)
    set_font(pdf, "bold", 15)
    pdf.set_text_color(*GREEN)
    words = f"OCOP {stars_words(item.stars, 'vi')} / {stars_words(item.stars, 'en')} OCOP"
    pdf.text(x + item.stars * em + 3, baseline, words)
    return y + em


def _scan_column(pdf: FPDF, item: PrintItem, box: tuple[float, float, float, float]) -> None:
    """Beside the code: the two calls to scan, then the id and the address in small type."""
    left, top, right, bottom = box
    width = right - left
    blocks = [
        (text.fit(pdf, SCAN_VI, (width, 14), "bold", (15, 11), 2), INK),
        (text.fit(pdf, SCAN_EN, (width, 11), "regular", (12, 9), 2), GREY),
        (text.fit(pdf, item.id, (width, 8), "semibold", (9, 6), 2), INK),
        (text.fit(pdf, item.url, (width, 9), "regular", (7.5, 6), 3), GREY),
    ]
    gaps = (2.0, 6.0, 1.0)
    total = sum(block.height for block, _ in blocks) + sum(gaps)
    y = top + (bottom - top - total) / 2
    for index, (block, colour) in enumerate(blocks):
        pdf.set_text_color(*colour)
        text.draw(pdf, block, left, y)
        y += block.height + (gaps[index] if index < len(gaps) else 0)


def _footer(pdf: FPDF, site_name: str) -> None:
    y = A5_HEIGHT - FOOTER + 3
    pdf.set_draw_color(*GREEN)
    pdf.set_line_width(0.4)
    pdf.line(MARGIN, y, A5_WIDTH - MARGIN, y)
    pdf.set_text_color(*GREEN)
    line = text.fit(pdf, site_name, (A5_WIDTH - 2 * MARGIN, 6), "semibold", (10, 7), 1)
    text.draw(pdf, line, MARGIN, y + 2, align_width=A5_WIDTH - 2 * MARGIN)
